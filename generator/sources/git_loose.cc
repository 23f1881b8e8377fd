// git_loose.cc: an object-database backend that reads loose objects itself
// (see git_loose.h for why). An object that is not loose is passed on.
#include "git_loose.h"

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "messages.h"
#include "source_tree.h"

namespace congbo {
namespace {

struct Guard {
  git_odb_backend base;  // first: libgit2 hands back a git_odb_backend*
  std::string objects_dir;
};

std::string hex(const git_oid* id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, id);
  return buf;
}

// The most a loose object's header ("blob 1234\0") lets it inflate to, or
// `cap` while the header is not all there yet.
size_t declared_end(const std::string& out, size_t cap) {
  const size_t nul = out.find('\0');
  if (nul == std::string::npos || nul > 32) return out.size() > 32 ? 0 : cap;
  char* end = nullptr;
  const unsigned long long size = std::strtoull(out.c_str() + out.find(' ') + 1, &end, 10);
  return size > cap ? 0 : nul + 1 + static_cast<size_t>(size);
}

// Inflates a whole zlib stream; false when it is cut short, not zlib, or
// inflates past the size its header declares (a small file that would
// fill the memory).
bool inflate_all(const std::string& in, std::string& out) {
  constexpr size_t kCap = size_t(1) << 30;  // no page of a site is a gigabyte
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    const size_t have = out.size();
    out.resize(have + 65536);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    z.avail_out = 65536;
    rc = inflate(&z, Z_NO_FLUSH);
    out.resize(out.size() - z.avail_out);
    if (out.size() > declared_end(out, kCap)) rc = Z_DATA_ERROR;
    // No input left and no end of stream: truncated (zlib says Z_BUF_ERROR
    // and would say it again for ever, which is libgit2's loop).
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) rc = Z_BUF_ERROR;
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

int fail(const git_oid* id, const std::string& why) {
  git_error_set_str(GIT_ERROR_ODB, msg::git_object_damaged(hex(id), why).c_str());
  return GIT_ERROR;
}

// A loose object's type and body, checked against its id.
int read_loose(Guard* g, const git_oid* id, git_object_t* type, std::string& body) {
  const std::string name = hex(id);
  const auto file = file_bytes(g->objects_dir + name.substr(0, 2) + "/" + name.substr(2));
  if (!file) return GIT_PASSTHROUGH;  // not loose
  std::string raw;
  if (!inflate_all(*file, raw)) return fail(id, msg::git_object_truncated());
  const size_t space = raw.find(' '), nul = raw.find('\0');
  if (space == std::string::npos || nul == std::string::npos || space > nul) return fail(id, msg::git_object_garbled());
  *type = git_object_string2type(raw.substr(0, space).c_str());
  const std::string size = raw.substr(space + 1, nul - space - 1);
  if (*type == GIT_OBJECT_INVALID || size.empty() || size.find_first_not_of("0123456789") != std::string::npos ||
      std::stoull(size) != raw.size() - nul - 1) {
    return fail(id, msg::git_object_garbled());
  }
  body = raw.substr(nul + 1);
  git_oid check;
  if (git_odb_hash(&check, body.data(), body.size(), *type) != 0 || !git_oid_equal(&check, id)) {
    return fail(id, msg::git_object_garbled());
  }
  return 0;
}

int guard_read(void** data, size_t* len, git_object_t* type, git_odb_backend* b, const git_oid* id) {
  std::string body;
  int rc = read_loose(reinterpret_cast<Guard*>(b), id, type, body);
  if (rc != 0) return rc;
  *data = git_odb_backend_data_alloc(b, body.size());
  if (!*data) return GIT_ERROR;
  std::memcpy(*data, body.data(), body.size());
  *len = body.size();
  return 0;
}

int guard_read_header(size_t* len, git_object_t* type, git_odb_backend* b, const git_oid* id) {
  std::string body;
  int rc = read_loose(reinterpret_cast<Guard*>(b), id, type, body);
  if (rc == 0) *len = body.size();
  return rc;
}

void guard_free(git_odb_backend* b) { delete reinterpret_cast<Guard*>(b); }

}  // namespace

int guard_loose_objects(git_repository* repo) {
  git_odb* odb = nullptr;
  if (int rc = git_repository_odb(&odb, repo); rc != 0) return rc;
  auto* g = new (std::nothrow) Guard{};
  if (!g) {
    git_odb_free(odb);
    return GIT_ERROR;
  }
  git_odb_init_backend(&g->base, GIT_ODB_BACKEND_VERSION);
  g->base.read = guard_read;
  g->base.read_header = guard_read_header;
  g->base.free = guard_free;
  g->objects_dir = std::string(git_repository_commondir(repo)) + "objects/";  // worktrees share it
  // Before libgit2's loose (1) and packed (2) backends.
  int rc = git_odb_add_backend(odb, &g->base, 999);
  if (rc != 0) delete g;
  git_odb_free(odb);
  return rc;
}

}  // namespace congbo

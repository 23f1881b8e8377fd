// git_packs.cc: an object-database backend that reads pack files itself and
// keeps the objects it rebuilt from deltas (see git_packs.h for why). The
// formats are git's own (Documentation/gitformat-pack.txt): an index of
// version 2, entries of pack version 2 or 3, OFS_DELTA and REF_DELTA.
// Every length and offset is checked against the file; anything unexpected
// is passed on to libgit2.
#include "git_packs.h"

#include <fcntl.h>
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <list>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace congbo {
namespace {

constexpr size_t kLargestObject = size_t(1) << 30;  // no page of a site is a gigabyte
constexpr int kLongestChain = 10000;                // git's own packs stop at 50 (--depth)

// A file mapped read-only for the life of the backend.
struct Mapped {
  const uint8_t* data = nullptr;
  size_t size = 0;
  Mapped() = default;
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  Mapped(Mapped&& o) noexcept : data(o.data), size(o.size) { o.data = nullptr, o.size = 0; }
  ~Mapped() {
    if (data) munmap(const_cast<uint8_t*>(data), size);
  }
  bool open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    void* p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size > 0) p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) return false;
    data = static_cast<const uint8_t*>(p);
    size = static_cast<size_t>(st.st_size);
    return true;
  }
};

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }
uint64_t be64(const uint8_t* p) { return uint64_t(be32(p)) << 32 | be32(p + 4); }

// One pack and its index (version 2): fan-out, names, CRCs, offsets, large offsets.
struct Pack {
  Mapped idx, pack;
  uint32_t count = 0;
  const uint8_t *names = nullptr, *offsets = nullptr, *large = nullptr;
  size_t large_count = 0;

  bool open(const std::string& idx_path, const std::string& pack_path) {
    if (!idx.open(idx_path) || !pack.open(pack_path)) return false;
    if (idx.size < 8 + 256 * 4 + 40 || std::memcmp(idx.data, "\377tOc", 4) != 0 || be32(idx.data + 4) != 2) return false;
    count = be32(idx.data + 8 + 255 * 4);
    const size_t tables = 8 + 256 * 4 + size_t(count) * (20 + 4 + 4);
    if (tables + 40 > idx.size) return false;
    names = idx.data + 8 + 256 * 4;
    offsets = names + size_t(count) * (20 + 4);
    large = offsets + size_t(count) * 4;
    large_count = (idx.size - 40 - tables) / 8;
    if (pack.size < 12 + 20 || std::memcmp(pack.data, "PACK", 4) != 0) return false;
    const uint32_t version = be32(pack.data + 4);
    return (version == 2 || version == 3) && be32(pack.data + 8) == count;
  }

  // The entry's offset in the pack, when the index names the object.
  std::optional<uint64_t> find(const uint8_t* oid) const {
    uint32_t lo = oid[0] == 0 ? 0 : be32(idx.data + 8 + (oid[0] - 1) * 4), hi = be32(idx.data + 8 + oid[0] * 4);
    if (hi > count || lo > hi) return std::nullopt;
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      const int cmp = std::memcmp(names + size_t(mid) * 20, oid, 20);
      if (cmp == 0) return offset_of(mid);
      if (cmp < 0) lo = mid + 1;
      else hi = mid;
    }
    return std::nullopt;
  }

  std::optional<uint64_t> offset_of(uint32_t i) const {
    const uint32_t o = be32(offsets + size_t(i) * 4);
    if (!(o & 0x80000000u)) return o;
    const uint32_t k = o & 0x7fffffffu;
    if (k >= large_count) return std::nullopt;
    return be64(large + size_t(k) * 8);
  }
};

// An entry's header: its type, its size once inflated, and where its data begins.
struct Entry {
  int type = 0;
  size_t size = 0;
  uint64_t data = 0;
  uint64_t base = 0;  ///< deltas: the base entry's offset
};

// An object as read or rebuilt; shared between the cache and the read in
// progress, never copied (a large tree is megabytes, read once a commit).
struct Kept {
  git_object_t type = GIT_OBJECT_INVALID;
  std::shared_ptr<const std::string> bytes;
  size_t size() const { return bytes ? bytes->size() : 0; }
};

struct Backend {
  git_odb_backend base;  // first: libgit2 hands back a git_odb_backend*
  std::vector<Pack> packs;
  libdeflate_decompressor* inflater = nullptr;
  size_t budget = 0, kept_bytes = 0;
  // Rebuilt objects by (pack, offset), least recently used at the back.
  std::list<std::pair<uint64_t, Kept>> lru;
  std::unordered_map<uint64_t, std::list<std::pair<uint64_t, Kept>>::iterator> kept;

  ~Backend() {
    if (inflater) libdeflate_free_decompressor(inflater);
  }

  std::optional<Entry> entry(const Pack& p, uint64_t at) const {
    const size_t end = p.pack.size - 20;  // the pack's checksum follows the entries
    if (at < 12 || at >= end) return std::nullopt;
    const uint8_t* d = p.pack.data;
    size_t i = at;
    uint8_t c = d[i++];
    Entry e;
    e.type = (c >> 4) & 7;
    uint64_t size = c & 15;
    for (int shift = 4; c & 0x80; shift += 7) {
      if (i >= end || shift > 60) return std::nullopt;
      c = d[i++];
      size |= uint64_t(c & 0x7f) << shift;
    }
    if (size > kLargestObject) return std::nullopt;
    e.size = static_cast<size_t>(size);
    if (e.type == 6) {  // OFS_DELTA: the base is this far back
      if (i >= end) return std::nullopt;
      c = d[i++];
      uint64_t back = c & 0x7f;
      while (c & 0x80) {
        if (i >= end || back > (uint64_t(1) << 56)) return std::nullopt;
        c = d[i++];
        back = ((back + 1) << 7) | (c & 0x7f);
      }
      if (back == 0 || back > at) return std::nullopt;
      e.base = at - back;
    } else if (e.type == 7) {  // REF_DELTA: the base by name, in this pack
      if (i + 20 > end) return std::nullopt;
      auto b = p.find(d + i);
      if (!b) return std::nullopt;
      e.base = *b;
      i += 20;
    } else if (e.type < 1 || e.type > 4) {
      return std::nullopt;
    }
    e.data = i;
    return e;
  }

  bool inflate(const Pack& p, const Entry& e, std::string& out) const {
    out.resize(e.size);
    size_t in_used = 0, out_len = 0;
    const size_t avail = p.pack.size - 20 - e.data;
    const auto rc = libdeflate_zlib_decompress_ex(inflater, p.pack.data + e.data, avail, out.data(), out.size(), &in_used, &out_len);
    return rc == LIBDEFLATE_SUCCESS && out_len == e.size;
  }

  const Kept* recall(uint64_t key) {
    auto it = kept.find(key);
    if (it == kept.end()) return nullptr;
    lru.splice(lru.begin(), lru, it->second);
    return &it->second->second;
  }

  // The object just rebuilt is always kept, however large (the content
  // folder's tree with 40,000 documents is 1.6 MB, and the next commit's is
  // a delta of it); older ones go while over the budget.
  void keep(uint64_t key, const Kept& k) {
    if (kept.count(key)) return;
    lru.emplace_front(key, k);
    kept[key] = lru.begin();
    kept_bytes += k.size();
    while (kept_bytes > budget && lru.size() > 1) {
      kept_bytes -= lru.back().second.size();
      kept.erase(lru.back().first);
      lru.pop_back();
    }
  }

  std::optional<Kept> read(size_t pack_index, uint64_t at);
};

uint64_t key_of(size_t pack, uint64_t offset) { return uint64_t(pack) << 48 | offset; }

// A delta's two sizes, then its copy and insert instructions, applied to `base`.
bool apply_delta(const std::string& base, const std::string& delta, std::string& out) {
  size_t i = 0;
  auto varint = [&](uint64_t& v) {
    v = 0;
    for (int shift = 0; i < delta.size(); shift += 7) {
      const uint8_t c = static_cast<uint8_t>(delta[i++]);
      if (shift > 60) return false;
      v |= uint64_t(c & 0x7f) << shift;
      if (!(c & 0x80)) return true;
    }
    return false;
  };
  uint64_t from = 0, to = 0;
  if (!varint(from) || !varint(to) || from != base.size() || to > kLargestObject) return false;
  out.clear();
  // Never more than the two together up front: a damaged delta may claim a gigabyte.
  out.reserve(std::min<size_t>(static_cast<size_t>(to), base.size() + delta.size()));
  while (i < delta.size()) {
    const uint8_t op = static_cast<uint8_t>(delta[i++]);
    if (op & 0x80) {  // copy from the base
      uint64_t offset = 0, size = 0;
      for (int b = 0; b < 4; ++b) {
        if (!(op & (1 << b))) continue;
        if (i >= delta.size()) return false;
        offset |= uint64_t(static_cast<uint8_t>(delta[i++])) << (8 * b);
      }
      for (int b = 0; b < 3; ++b) {
        if (!(op & (0x10 << b))) continue;
        if (i >= delta.size()) return false;
        size |= uint64_t(static_cast<uint8_t>(delta[i++])) << (8 * b);
      }
      if (size == 0) size = 0x10000;
      if (offset + size > base.size() || out.size() + size > to) return false;
      out.append(base, static_cast<size_t>(offset), static_cast<size_t>(size));
    } else if (op) {  // insert the next op bytes
      if (i + op > delta.size() || out.size() + op > to) return false;
      out.append(delta, i, op);
      i += op;
    } else {
      return false;  // reserved
    }
  }
  return out.size() == to;
}

// The object at `at`: from what is kept, else from the nearest kept (or
// whole) object down its chain, each rebuilt delta kept on the way up.
std::optional<Kept> Backend::read(size_t pack_index, uint64_t at) {
  const Pack& p = packs[pack_index];
  std::vector<Entry> chain;
  Kept now;
  for (uint64_t cur = at;;) {
    if (const Kept* k = recall(key_of(pack_index, cur))) {
      now = *k;
      break;
    }
    auto e = entry(p, cur);
    if (!e || chain.size() > static_cast<size_t>(kLongestChain)) return std::nullopt;
    if (e->type == 6 || e->type == 7) {  // entry() has checked an OFS_DELTA's base lies before it
      chain.push_back(*e);
      cur = e->base;
      continue;
    }
    now.type = static_cast<git_object_t>(e->type);  // 1-4: commit, tree, blob, tag, as libgit2 numbers them
    auto whole = std::make_shared<std::string>();
    if (!inflate(p, *e, *whole)) return std::nullopt;
    now.bytes = std::move(whole);
    if (!chain.empty()) keep(key_of(pack_index, cur), now);
    break;
  }
  std::string delta;
  for (size_t n = chain.size(); n-- > 0;) {
    auto rebuilt = std::make_shared<std::string>();
    if (!inflate(p, chain[n], delta) || !apply_delta(*now.bytes, delta, *rebuilt)) return std::nullopt;
    now.bytes = std::move(rebuilt);
    // Each object rebuilt is likely the base of the next one read (a file's
    // older version, the previous commit's tree).
    keep(key_of(pack_index, n == 0 ? at : chain[n - 1].base), now);
  }
  return now;
}

int packs_read(void** data, size_t* len, git_object_t* type, git_odb_backend* b, const git_oid* id) {
  auto* self = reinterpret_cast<Backend*>(b);
  for (size_t i = 0; i < self->packs.size(); ++i) {
    const auto at = self->packs[i].find(id->id);
    if (!at) continue;
    auto obj = self->read(i, *at);
    if (!obj) return GIT_PASSTHROUGH;  // libgit2 reads it, and says what is wrong
    *data = git_odb_backend_data_alloc(b, obj->size());
    if (!*data) return GIT_ERROR;
    std::memcpy(*data, obj->bytes->data(), obj->size());
    *len = obj->size();
    *type = obj->type;
    return 0;
  }
  return GIT_PASSTHROUGH;
}

void packs_free(git_odb_backend* b) { delete reinterpret_cast<Backend*>(b); }

}  // namespace

int read_packs_with_bases_kept(git_repository* repo, size_t budget) {
  const std::filesystem::path dir = std::filesystem::path(git_repository_commondir(repo)) / "objects" / "pack";
  auto* self = new (std::nothrow) Backend{};
  if (!self) return GIT_ERROR;
  self->budget = budget;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
    if (f.path().extension() != ".idx") continue;
    Pack p;
    std::filesystem::path pack = f.path();
    pack.replace_extension(".pack");
    if (p.open(f.path().string(), pack.string())) self->packs.push_back(std::move(p));
  }
  self->inflater = self->packs.empty() ? nullptr : libdeflate_alloc_decompressor();
  if (!self->inflater) {
    delete self;
    return 0;  // nothing to read (or no memory for it): libgit2 reads everything, as before
  }
  git_odb* odb = nullptr;
  if (int rc = git_repository_odb(&odb, repo); rc != 0) {
    delete self;
    return rc;
  }
  git_odb_init_backend(&self->base, GIT_ODB_BACKEND_VERSION);
  self->base.read = packs_read;
  self->base.free = packs_free;
  // After the loose-object guard (999), before libgit2's packed backend (2).
  int rc = git_odb_add_backend(odb, &self->base, 998);
  if (rc != 0) delete self;
  git_odb_free(odb);
  return rc;
}

}  // namespace congbo

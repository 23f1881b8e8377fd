// output.cc: temporary directory, file writes, atomic swap.
#include "output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <fstream>
#include <vector>
#include <map>
#include <optional>
#include <random>

#include "messages.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::string random_suffix() {
  std::random_device rd;
  const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 8; ++i) s += hex[rd() % 16];
  return s;
}

// Makes a folder and any missing above it in a directory this build made
// itself (nothing stands in the way): one mkdir for a folder whose parent
// exists, where fs::create_directories asks for the status of each first.
// (0777 as create_directories: the umask decides.)
void make_folders(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) == 0 || errno != ENOENT) return;
  size_t slash = dir.rfind('/');
  if (slash == std::string::npos || slash == 0) return;
  make_folders(dir.substr(0, slash));
  ::mkdir(dir.c_str(), 0777);
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

const char* Output::marker_name() { return ".congbo-output"; }

fs::path Output::spare_for(const fs::path& final_dir) {
  return final_dir.parent_path() / ("." + final_dir.filename().string() + ".congbo-spare");
}

std::string Output::path_for_url(const std::string& url) {
  std::string p = url.substr(1);
  if (p.empty() || p.back() == '/') p += "index.html";
  return p;
}

Output::~Output() {
  if (active_) abort();
}

namespace {

const char* kPartial = ".congbo-partial";  ///< in a working directory while a build changes it

}  // namespace

// The marker: "congbo", then "ID PATH" per line.
std::optional<Output::Manifest> Output::read_manifest(const fs::path& dir) {
  std::ifstream in(dir / marker_name());
  std::string line;
  if (!std::getline(in, line) || line != "congbo") return std::nullopt;
  Manifest out;
  while (std::getline(in, line)) {
    size_t space = line.find(' ');
    if (space != std::string::npos) out[line.substr(space + 1)] = line.substr(0, space);
  }
  return out;
}

bool Output::begin(const fs::path& final_dir, const fs::path& site_dir, std::string* err) {
  std::error_code ec;
  final_ = fs::weakly_canonical(fs::absolute(final_dir), ec);
  fs::path site = fs::weakly_canonical(fs::absolute(site_dir), ec);
  if (is_within(site, final_)) {
    *err = msg::output_contains_site(final_dir.string());
    return false;
  }
  // Inside a folder the build reads, the output would be read back as the
  // site's own files (and each build would change what the next one reads).
  for (const char* source : {"content", "layouts", "static", "themes"}) {
    if (is_within(final_, site / source)) {
      *err = msg::output_inside_sources(final_dir.string(), source);
      return false;
    }
  }
  // Never replace a directory that congbo did not make: --out may be mistyped.
  if (fs::exists(final_, ec)) {
    bool empty = fs::is_directory(final_, ec) && fs::is_empty(final_, ec);
    if (!empty && !fs::exists(final_ / marker_name(), ec)) {
      *err = msg::output_not_ours(final_dir.string());
      return false;
    }
  }
  fs::create_directories(final_.parent_path(), ec);
  if (reuse_dir_.empty()) reuse_dir_ = final_;
  if (auto m = read_manifest(reuse_dir_)) previous_ = std::move(*m);
  for (const auto& [path, id] : previous_) {
    if (starts_with(id, "c:")) by_content_.emplace(id, path);
  }

  // The spare: the output the last build replaced. Used only when it is
  // plainly congbo's (its marker, or the one a build leaves while working).
  const fs::path spare = spare_for(final_);
  if (fs::is_directory(spare, ec) && !fs::is_symlink(spare, ec)) {
    if (auto m = read_manifest(spare)) {
      fs::rename(spare / marker_name(), spare / kPartial, ec);  // from here on it is being changed
      if (!ec) {
        spare_ = std::move(*m);
        known_ = adopted_ = true;
      }
    } else if (fs::exists(spare / kPartial, ec)) {
      adopted_ = true;  // a build was stopped in it: what it holds is not known
    }
  }
  if (adopted_) {
    work_ = spare;
  } else {
    work_ = final_.parent_path() / ("." + final_.filename().string() + ".tmp-" + random_suffix());
    if (!fs::create_directory(work_, ec)) {
      *err = msg::output_failed(work_.string() + ": " + msg::system_error(ec.value()));
      return false;
    }
  }
  active_ = true;
  return true;
}

// Puts the file for `id` at `rel_path` in the working directory: kept when
// already there, linked when the previous output has it, else written from
// `content` (null: the caller has none yet, and place() says false).
bool Output::place(const std::string& rel_path, const std::string& id, const std::string_view* content,
                   std::string* err) {
  fs::path p = work_ / rel_path;
  auto record = [&](bool reused) {
    std::lock_guard<std::mutex> lock(mu_);
    produced_[rel_path] = id;
    ++files_;
    if (reused) ++reused_;
    return true;
  };
  if (known_) {
    auto had = spare_.find(rel_path);
    if (had != spare_.end() && had->second == id) return record(true);
  }
  // A file of the previous output to link: the same at this path, or, for
  // a content key, the same anywhere.
  const std::string* from = nullptr;
  auto prev = previous_.find(rel_path);
  if (prev != previous_.end() && prev->second == id) {
    from = &rel_path;
  } else if (starts_with(id, "c:")) {
    auto same = by_content_.find(id);
    if (same != by_content_.end()) from = &same->second;
  }
  const bool linkable = from != nullptr;
  if (!linkable && !content) return false;  // the caller renders it, then writes
  if (!adopted_) {
    make_folders(p.parent_path().native());  // a failure shows when the file is opened
  } else {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) {
      // In the spare a file may stand where this build needs a folder.
      for (fs::path up = p.parent_path(); up.native().size() > work_.native().size(); up = up.parent_path()) {
        if (!fs::is_regular_file(up, ec) && !fs::is_symlink(up, ec)) continue;
        fs::remove(up, ec);
        std::lock_guard<std::mutex> lock(mu_);
        unlinked_.insert(up.native().substr(work_.native().size() + 1));
      }
      fs::create_directories(p.parent_path(), ec);
    }
    // Never write into the file in place: it may be the same inode as the
    // served output's (linked the build before). Unlink, then create.
    if (::unlink(p.c_str()) != 0 && errno == EISDIR) fs::remove_all(p, ec);
    std::lock_guard<std::mutex> lock(mu_);
    unlinked_.insert(rel_path);
  }
  if (linkable && ::link((reuse_dir_ / *from).c_str(), p.c_str()) == 0) return record(true);
  if (!content) return false;
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  size_t done = 0;
  while (ok && done < content->size()) {
    ssize_t n = ::write(fd, content->data() + done, content->size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) {
    *err = msg::output_failed(p.string() + ": " + msg::system_error(errno));
    return false;
  }
  return record(false);
}

bool Output::reuse(const std::string& rel_path, const std::string& key) {
  std::string ignored;
  return place(rel_path, "k:" + key, nullptr, &ignored);
}

bool Output::reuse_all(const std::string& dir_prefix, const std::string& key) {
  const std::string id = "k:" + key;
  std::map<std::string, std::string> files;  // path → id: the key's, or a content key
  for (const Manifest* m : {known_ ? &spare_ : nullptr, &previous_}) {
    if (!m) continue;
    for (const auto& [path, had] : *m) {
      if ((had == id || starts_with(had, "c:")) && path.compare(0, dir_prefix.size(), dir_prefix) == 0) {
        files.emplace(path, had);
      }
    }
  }
  if (std::none_of(files.begin(), files.end(), [&](const auto& f) { return f.second == id; })) return false;
  std::string ignored;
  for (const auto& [path, had] : files) {
    if (!place(path, had, nullptr, &ignored)) return false;
  }
  return true;
}

bool Output::write_keyed(const std::string& rel_path, const std::string& key, std::string_view content,
                         std::string* err) {
  return place(rel_path, "k:" + key, &content, err);
}

bool Output::reuse_content(const std::string& rel_path, const std::string& content_key) {
  std::string ignored;
  return place(rel_path, "c:" + content_key, nullptr, &ignored);
}

bool Output::write_content(const std::string& rel_path, const std::string& content_key, std::string_view content,
                           std::string* err) {
  return place(rel_path, "c:" + content_key, &content, err);
}

bool Output::write(const std::string& rel_path, std::string_view content, std::string* err) {
  return place(rel_path, stable_hash(content) + ":" + std::to_string(content.size()), &content, err);
}

bool Output::write_manifest(const fs::path& dir, const Manifest& files, const char* name) {
  // Sorted by path, so the same site gives the same manifest whatever the order of writing.
  std::vector<std::pair<std::string, std::string>> lines(files.begin(), files.end());
  std::sort(lines.begin(), lines.end());
  std::string text = "congbo\n";
  for (const auto& [path, id] : lines) text += id + " " + path + "\n";
  std::ofstream marker(dir / name, std::ios::binary | std::ios::trunc);
  marker << text;
  marker.close();
  return static_cast<bool>(marker);
}

// Removes from the working directory what this build did not produce, and
// the directories that leaves empty.
void Output::sweep() {
  std::error_code ec;
  std::vector<fs::path> dirs;
  if (known_) {
    for (const auto& [path, id] : spare_) {
      if (produced_.count(path)) continue;
      fs::path p = work_ / path;
      ::unlink(p.c_str());
      unlinked_.insert(path);  // should the swap still fail, abort() knows it is gone
      dirs.push_back(p.parent_path());
    }
  } else {  // a stopped build's directory: look at everything in it
    std::vector<fs::path> stale;
    for (auto it = fs::recursive_directory_iterator(work_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_directory(ec)) {
        dirs.push_back(it->path());
        continue;
      }
      std::string rel = it->path().lexically_relative(work_).generic_string();  // no calls to the file system
      if (!produced_.count(rel) && rel != kPartial) stale.push_back(it->path());
    }
    for (const auto& p : stale) ::unlink(p.c_str());
  }
  // Deepest first, so a directory emptied of empty directories goes too.
  std::sort(dirs.begin(), dirs.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() > b.native().size();
  });
  for (const auto& d : dirs) {
    for (fs::path p = d; p != work_ && p.native().size() > work_.native().size(); p = p.parent_path()) {
      if (::rmdir(p.c_str()) != 0) break;  // not empty (or gone already)
    }
  }
}

bool Output::commit(std::string* err) {
  std::error_code ec;
  if (adopted_) sweep();
  if (!write_manifest(work_, produced_, marker_name())) {
    *err = msg::output_failed((work_ / marker_name()).string());
    return false;
  }
  fs::remove(work_ / kPartial, ec);
  const fs::path spare = spare_for(final_);
  if (!fs::exists(final_, ec)) {
    if (::rename(work_.c_str(), final_.c_str()) != 0) {
      *err = msg::output_failed(final_.string() + ": " + msg::system_error(errno));
      return false;
    }
    active_ = false;
    return true;
  }
  // Swap in one step so readers never see a missing or partial directory.
  if (::renameat2(AT_FDCWD, work_.c_str(), AT_FDCWD, final_.c_str(), RENAME_EXCHANGE) == 0) {
    // work_ now holds the replaced output: it is the next build's spare
    // (unless something not congbo's has that name: then it goes).
    if (work_ != spare && (fs::exists(spare, ec) || ::rename(work_.c_str(), spare.c_str()) != 0)) {
      fs::remove_all(work_, ec);
    }
    active_ = false;
    return true;
  }
  // File systems without RENAME_EXCHANGE: two renames, a moment apart.
  fs::path old = final_.parent_path() / ("." + final_.filename().string() + ".old-" + random_suffix());
  if (::rename(final_.c_str(), old.c_str()) != 0 || ::rename(work_.c_str(), final_.c_str()) != 0) {
    *err = msg::output_failed(final_.string() + ": " + msg::system_error(errno));
    if (!fs::exists(final_, ec)) ::rename(old.c_str(), final_.c_str());
    return false;
  }
  if ((work_ != spare && fs::exists(spare, ec)) || ::rename(old.c_str(), spare.c_str()) != 0) fs::remove_all(old, ec);
  active_ = false;
  return true;
}

void Output::abort() {
  std::error_code ec;
  active_ = false;
  if (work_.empty()) return;
  if (!adopted_) {
    fs::remove_all(work_, ec);
    return;
  }
  // The spare stays for the next build, its manifest saying what it holds
  // now: what it had, as changed by this build's files.
  if (!known_) return;  // still unknown: the next build looks at everything
  Manifest now = spare_;
  for (const auto& path : unlinked_) now.erase(path);
  for (const auto& [path, id] : produced_) now[path] = id;
  if (write_manifest(work_, now, marker_name())) fs::remove(work_ / kPartial, ec);
}

}  // namespace congbo

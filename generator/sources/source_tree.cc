// source_tree.cc: the working-directory SourceTree, and what every tree shares.
#include "source_tree.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "messages.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

bool inside(const fs::path& root, const fs::path& p) {
  auto r = std::mismatch(root.begin(), root.end(), p.begin(), p.end()).first;
  return r == root.end();
}

// The whole of an open file; nullopt when it is not a plain file (a FIFO
// would block a read for ever, a device would never end).
std::optional<std::string> fd_bytes(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t have = 0;
  for (;;) {
    if (have == bytes.size()) bytes.resize(have + 65536);  // saved meanwhile: take what is there
    ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  bytes.resize(have);
  return bytes;
}

class DiskSource : public SourceTree {
 public:
  DiskSource(fs::path root, ReadDigests* record) : root_(std::move(root)), record_(record) {
    std::error_code ec;
    real_root_ = fs::canonical(root_, ec);
    if (ec) real_root_ = fs::absolute(root_, ec);
    root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  }
  ~DiskSource() override {
    if (root_fd_ >= 0) ::close(root_fd_);
  }

  std::optional<std::string> read(const std::string& rel) const override {
    const int fd = open_inside(rel);
    if (fd < 0) return std::nullopt;
    auto bytes = fd_bytes(fd);
    ::close(fd);
    if (bytes && record_) record_->add(rel, *bytes);
    return bytes;
  }
  bool exists(const std::string& rel) const override {
    std::error_code ec;
    return fs::is_regular_file(root_ / rel, ec);
  }
  bool is_dir(const std::string& rel) const override {
    std::error_code ec;
    return fs::is_directory(root_ / rel, ec);
  }
  std::vector<std::string> list(const std::string& rel_dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path dir = root_ / rel_dir;
    if (!fs::is_directory(dir, ec)) return out;
    fs::path real = fs::canonical(dir, ec);
    if (ec || !inside(real_root_, real)) {
      problem(rel_dir, msg::symlink_outside(real.string()));
      return out;
    }
    std::vector<fs::path> chain{real};
    walk(dir, rel_dir, chain, out);
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  // Files below `dir` (site-relative `rel`), following symbolic links that
  // stay inside the site. `chain` holds the real folders walked down to here,
  // so a link back to one of them is a loop, not an endless walk.
  void walk(const fs::path& dir, const std::string& rel, std::vector<fs::path>& chain,
            std::vector<std::string>& out) const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = rel + "/" + entry.path().filename().string();
      std::error_code e2;
      if (entry.is_symlink(e2)) {
        follow(entry.path(), name, chain, out);
      } else if (entry.is_directory(e2)) {
        chain.push_back(chain.back() / entry.path().filename());
        walk(entry.path(), name, chain, out);
        chain.pop_back();
      } else if (entry.is_regular_file(e2)) {
        out.push_back(name);
      }
    }
  }

  void follow(const fs::path& link, const std::string& name, std::vector<fs::path>& chain,
              std::vector<std::string>& out) const {
    std::error_code ec;
    fs::path target = fs::canonical(link, ec);
    if (ec) {
      problem(name, msg::symlink_dangling(fs::read_symlink(link, ec).string()));
    } else if (!inside(real_root_, target)) {
      problem(name, msg::symlink_outside(target.string()));
    } else if (fs::is_directory(target, ec)) {
      if (std::find(chain.begin(), chain.end(), target) != chain.end()) {
        problem(name, msg::symlink_loop());
        return;
      }
      chain.push_back(target);
      walk(link, name, chain, out);
      chain.pop_back();
    } else if (fs::is_regular_file(target, ec)) {
      out.push_back(name);
    }
  }

  // Opens `rel` for reading only if it resolves inside the site: in one call
  // where the kernel can (openat2 with RESOLVE_BENEATH), else, and for an
  // absolute link, by resolving it first. A FIFO does not block the open.
  int open_inside(const std::string& rel) const {
    if (root_fd_ >= 0) {
      struct open_how how {};
      how.flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
      how.resolve = RESOLVE_BENEATH;
      const int fd = static_cast<int>(::syscall(SYS_openat2, root_fd_, rel.c_str(), &how, sizeof how));
      if (fd >= 0 || (errno != EXDEV && errno != ENOSYS && errno != E2BIG)) return fd;
    }
    std::error_code ec;
    fs::path real = fs::canonical(root_ / rel, ec);
    if (ec) return -1;
    if (!inside(real_root_, real)) {
      problem(rel, msg::symlink_outside(real.string()));
      errno = EXDEV;
      return -1;
    }
    return ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  }

  fs::path root_, real_root_;
  int root_fd_ = -1;
  ReadDigests* record_;
};

}  // namespace

Diagnostics SourceTree::problems() const {
  std::lock_guard<std::mutex> lock(problems_mu_);
  return problems_;
}

void SourceTree::problem(const std::string& rel, std::string message) const {
  std::lock_guard<std::mutex> lock(problems_mu_);
  for (const auto& d : problems_.items()) {
    if (d.path == rel) return;  // said once, however often it is asked for
  }
  problems_.error(rel, 0, 0, std::move(message));
}

// Splits `text` at '/' onto `parts`, "." dropped and ".." taking one off;
// false when ".." would climb above the start.
static bool push_parts(const std::string& text, std::vector<std::string>& parts) {
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('/', i);
    if (j == std::string::npos) j = text.size();
    std::string part = text.substr(i, j - i);
    i = j + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(std::move(part));
    } else if (parts.empty()) {
      return false;
    } else {
      parts.pop_back();
    }
  }
  return true;
}

std::optional<std::string> link_target(const std::string& rel_link, const std::string& target) {
  if (target.empty() || target[0] == '/') return std::nullopt;
  std::vector<std::string> parts;
  const size_t slash = rel_link.rfind('/');
  if (slash != std::string::npos && !push_parts(rel_link.substr(0, slash), parts)) return std::nullopt;
  if (!push_parts(target, parts) || parts.empty()) return std::nullopt;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::optional<std::string> file_bytes(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  auto bytes = fd_bytes(fd);
  ::close(fd);
  return bytes;
}

std::unique_ptr<SourceTree> disk_source(const fs::path& site_dir, ReadDigests* record) {
  return std::make_unique<DiskSource>(site_dir, record);
}

std::string bytes_digest(std::string_view bytes) { return std::to_string(bytes.size()) + ':' + stable_hash(bytes); }

void ReadDigests::add(const std::string& rel, std::string_view bytes) {
  std::string digest = bytes_digest(bytes);
  std::lock_guard<std::mutex> lock(mu_);
  digests_[rel] = std::move(digest);
}

std::optional<std::string> ReadDigests::find(const std::string& rel) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = digests_.find(rel);
  if (it == digests_.end()) return std::nullopt;
  return it->second;
}

}  // namespace congbo

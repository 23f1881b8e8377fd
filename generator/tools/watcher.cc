// watcher.cc: inotify, one watch per folder, folders created later added as
// they appear. Editors save in different ways (write in place, or write a new
// file and rename it over the old one), so closes after writing, moves,
// creations and deletions all count.
#include "watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "build_stamp.h"

namespace fs = std::filesystem;

namespace congbo {

struct Watcher::State {
  fs::path site;
  int fd = -1;
  std::map<int, std::string> dirs;  // watch descriptor → site-relative folder ("" for the site itself)
  std::string fingerprint;          // the fallback's last state

  void add(const std::string& rel) {
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;
    int wd = inotify_add_watch(fd, (site / rel).c_str(), mask);
    if (wd >= 0) dirs[wd] = rel;
  }
  void add_tree(const std::string& rel) {
    add(rel);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(site / rel, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_directory(ec)) add(fs::relative(it->path(), site, ec).generic_string());
    }
  }
};

Watcher::Watcher(fs::path site_dir) : state_(std::make_unique<State>()) {
  state_->site = std::move(site_dir);
  state_->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (state_->fd < 0) {
    state_->fingerprint = source_fingerprint(state_->site);
    return;
  }
  state_->add("");  // site.toml, and folders created at the top
  std::error_code ec;
  for (const char* top : {"content", "layouts", "static", "themes"}) {
    if (fs::is_directory(state_->site / top, ec)) state_->add_tree(top);
  }
}

Watcher::~Watcher() {
  if (state_->fd >= 0) ::close(state_->fd);
}

std::vector<std::string> Watcher::wait(std::chrono::milliseconds timeout) {
  State& s = *state_;
  if (s.fd < 0) {
    std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(200)));
    std::string now = source_fingerprint(s.site);
    if (now == s.fingerprint) return {};
    s.fingerprint = now;
    return {"*"};
  }
  std::set<std::string> changed;
  pollfd p{s.fd, POLLIN, 0};
  int wait_ms = static_cast<int>(timeout.count());
  // After the first event, gather what follows within a few milliseconds:
  // one save is often several events.
  while (::poll(&p, 1, wait_ms) > 0) {
    alignas(inotify_event) char buf[16384];
    ssize_t n;
    while ((n = ::read(s.fd, buf, sizeof buf)) > 0) {
      for (char* at = buf; at < buf + n;) {
        auto* e = reinterpret_cast<inotify_event*>(at);
        at += sizeof(inotify_event) + e->len;
        auto dir = s.dirs.find(e->wd);
        if (dir == s.dirs.end() || e->len == 0) continue;
        std::string name = e->name;
        std::string rel = dir->second.empty() ? name : dir->second + "/" + name;
        if (dir->second.empty() && name != "site.toml" && name != "content" && name != "layouts" &&
            name != "static" && name != "themes") {
          continue;  // public/, .git/, editors' files beside the site
        }
        // Editors' swap and backup files (".a.md.swp", "a.md~", vim's "4913") are not the site's.
        const bool digits_only = name.find_first_not_of("0123456789") == std::string::npos;
        if (name[0] == '.' || name.back() == '~' || (digits_only && !(e->mask & IN_ISDIR))) continue;
        if (e->mask & IN_ISDIR) {
          if (e->mask & (IN_CREATE | IN_MOVED_TO)) s.add_tree(rel);
          changed.insert("*");
          continue;
        }
        changed.insert(rel);
      }
    }
    wait_ms = 5;
  }
  return {changed.begin(), changed.end()};
}

}  // namespace congbo

// watcher.h: which of the site's files changed, told as soon as they are
// saved (Linux inotify), so `serve` can show an edit within milliseconds.
// Falls back to comparing file fingerprints every 200 ms where inotify is
// not available.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace congbo {

class Watcher {
 public:
  /// Watches site.toml, content/, layouts/, static/ and themes/ under `site_dir`.
  explicit Watcher(std::filesystem::path site_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Waits up to `timeout` for changes; returns the site-relative paths that
  /// changed ("content/van-ban/a.md"), sorted, empty when nothing did. A
  /// path that is not a single file (a folder moved in, say) comes back as "*".
  std::vector<std::string> wait(std::chrono::milliseconds timeout);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace congbo

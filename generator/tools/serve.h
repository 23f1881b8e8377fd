// serve.h: `congbo serve`, the local preview. Builds the site, serves it on
// 127.0.0.1 (with --listen, to the network too, to look only: GET and HEAD),
// watches the site's files, rebuilds on a change and tells open pages to reload (server-sent events); build errors show in the terminal
// and over the page while the last good build stays served.
// cpp-httplib stays in serve.cc.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "serve_gate.h"

namespace congbo {

struct ServeOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  ///< empty: a temporary folder, removed on exit
  std::string host = "127.0.0.1";
  int port = 8000;
  bool quiet = false;
  GateLimits limits;  ///< how long and how large a request may be
};

/// Serves until `stop` becomes true (or forever). Returns the exit status.
int serve(const ServeOptions& options, const std::atomic<bool>* stop = nullptr);

/// The file a request path names inside `root`, or nullopt when it would
/// leave `root` ("..", encoded variants, symlinks pointing outside) or has
/// no file. "/a/" means "/a/index.html".
std::optional<std::filesystem::path> resolve_request(const std::filesystem::path& root, const std::string& path);

/// Content-Type for a file name.
std::string content_type(const std::string& name);

}  // namespace congbo

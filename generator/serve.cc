// serve.cc: preview server (cpp-httplib), polling watcher, live reload.
#include "serve.h"

#include "build_stamp.h"
#include "output.h"
#include "watcher.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "messages.h"
#include "serve_gate.h"
#include "site.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr int kWorkers = 256;  ///< cpp-httplib's threads, behind the gate
constexpr int kStreams = 128;  ///< reload channels open at once

const char* kReloadScript = R"JS(// congbo serve: reload when the site is rebuilt, show build errors over the page.
(function () {
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'congbo-loi';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;' +
        'background:#3b0d0c;color:#fff;font:14px/1.5 monospace;padding:1rem;white-space:pre-wrap;border-top:4px solid #f5c518';
      document.body.appendChild(overlay);
    }
    var none = document.getElementById('congbo-chua-dung');  // no build has succeeded yet
    overlay.textContent = (none ? 'Dựng trang lỗi.' : 'Dựng trang lỗi — trang đang hiển thị là bản dựng thành công gần nhất.') +
      '\n\n' + text;
  }
  var events = new EventSource('/__congbo/events');
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('build-error', function (e) { show(e.data); });
})();
)JS";

std::string read(const fs::path& p) { return file_bytes(p).value_or(""); }

// What the reload stream tells open pages: a generation number that grows
// with each build, and the last build's errors ("" when it succeeded).
struct Broadcast {
  std::mutex mu;
  std::condition_variable cv;
  long generation = 0;
  std::string errors;

  /// Tells open pages to reload, or to show `build_errors` over the page.
  void announce(std::string build_errors) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++generation;
      errors = std::move(build_errors);
    }
    cv.notify_all();
  }
};

// The live-reload script, added to pages as they are served (never written to disk).
std::string with_reload_script(std::string body) {
  const std::string tag = "<script src=\"/__congbo/reload.js\"></script>\n";
  size_t end = body.rfind("</body>");
  if (end != std::string::npos) body.insert(end, tag); else body += tag;
  return body;
}

}  // namespace

std::optional<fs::path> resolve_request(const fs::path& root, const std::string& path) {
  std::string p = path;
  // Anything that could climb out, however it is spelled, is refused outright.
  std::string lowered = fold(p);
  if (p.find('\0') != std::string::npos || p.find('\\') != std::string::npos ||
      lowered.find("%2e") != std::string::npos || lowered.find("%2f") != std::string::npos || lowered.find("%5c") != std::string::npos) {
    return std::nullopt;
  }
  std::istringstream parts(p);
  std::string part;
  while (std::getline(parts, part, '/')) {
    if (part == "..") return std::nullopt;
  }
  if (p.empty() || p.back() == '/') p += "index.html";
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::weakly_canonical(base / fs::path(p).relative_path(), ec);  // resolves symlinks
  if (ec) return std::nullopt;
  if (fs::is_directory(file, ec)) file /= "index.html";
  std::string f = file.string(), b = base.string() + "/";
  if (f.compare(0, b.size(), b) != 0) return std::nullopt;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::string content_type(const std::string& name) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".pdf", "application/pdf"}, {".csv", "text/csv; charset=utf-8"},
      {".gz", "application/gzip"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"}};
  std::string ext = fs::path(name).extension().string();
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

int serve(const ServeOptions& options, const std::atomic<bool>* stop) {
  // Not a site at all (a mistyped --site): said and done, rather than
  // serving a page that waits for a site.toml that is not coming. A site
  // whose files have mistakes is served, and waits for them to be fixed.
  std::error_code ec;
  if (!fs::is_regular_file(options.site_dir / "site.toml", ec)) {
    Diagnostics d;
    d.error((options.site_dir / "site.toml").string(), 0, 0, msg::missing_site_toml());
    std::cerr << d.items().front().format() << std::endl;
    return 1;
  }
  fs::path out = options.out_dir;
  bool temporary = out.empty();
  if (temporary) {
    out = fs::temp_directory_path() / ("congbo-serve-" + std::to_string(::getpid()));
  }
  Broadcast bc;
  std::string base_path = "/";
  // The last good build's Site, for previews of an edited page; and the
  // previews served until a rebuild that read the edit has finished. Each
  // preview carries the number of the edit it shows.
  std::mutex site_mu;
  std::unique_ptr<Site> site;
  std::mutex previews_mu;
  struct PreviewPage {
    std::string html;
    long edit = 0;
  };
  std::map<std::string, PreviewPage> previews;  // URL (without base path) → page
  std::atomic<long> edits{0};

  auto rebuild = [&]() {
    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    BuildReport report;
    BuildOptions b;
    b.site_dir = options.site_dir;
    b.out_dir = out;
    const long read_edits = edits.load();  // edits saved before this build reads the files
    std::unique_ptr<Site> fresh;
    bool ok = build(b, diags, &report, &fresh);
    if (ok && fresh) {
      std::lock_guard<std::mutex> lock(site_mu);
      site = std::move(fresh);
    }
    // The rebuilt page is usually what its preview showed: then open pages need no second reload.
    bool same = ok, any = false;
    {
      std::lock_guard<std::mutex> lock(previews_mu);
      for (auto it = previews.begin(); it != previews.end();) {
        if (it->second.edit > read_edits) {  // saved while this build ran: the next one shows it
          ++it;
          continue;
        }
        auto file = resolve_request(out, it->first);
        same = same && file && read(*file) == it->second.html;
        any = true;
        it = previews.erase(it);
      }
    }
    same = same && any;
    std::string errors;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::Error) errors += d.format() + "\n";
      if (!options.quiet || d.severity == Severity::Error) std::cerr << d.format() << "\n";
    }
    long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start).count());
    if (ok) {
      std::cout << (report.up_to_date ? msg::build_up_to_date(out.string(), ms)
                                      : msg::build_done(report.pages, out.string(), ms))
                << std::endl;
    } else {
      std::cerr << msg::build_failed(diags.error_count(), diags.warning_count(), fs::exists(out)) << std::endl;
    }
    if (!same) bc.announce(ok ? "" : errors);
  };
  // The port first: when it is taken, say so now, not after a first build
  // that may take seconds. Readers who come during that build wait for it.
  // The gate owns the port and lets through only requests that are whole
  // (serve_gate.h says why); cpp-httplib answers them behind it, on a
  // loopback port of its own, one request per connection, on a pool large
  // enough for every open reload channel and the readers beside them.
  Gate gate(options.limits);
  if (!gate.bind(options.host, options.port)) {
    std::cerr << "congbo: " << msg::serve_port_unavailable(options.host, options.port) << std::endl;
    return 1;
  }
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server.set_keep_alive_max_count(1);
  socket_t inner_fd = INVALID_SOCKET;
  server.set_socket_options([&inner_fd](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    inner_fd = sock;
  });
  const int inner_port = server.bind_to_any_port("127.0.0.1");
  // cpp-httplib listens with a backlog of 5: the gate's connections beyond
  // it waited for a SYN to be sent again (1 s). listen() again raises it.
  if (inner_fd != INVALID_SOCKET) ::listen(inner_fd, 511);
  if (inner_port <= 0) {
    std::cerr << "congbo: " << msg::serve_port_unavailable("127.0.0.1", 0) << std::endl;
    return 1;
  }
  // Set when the server has stopped, for whatever reason: the threads end.
  std::atomic<bool> quit{false};
  auto stopped = [&] { return quit.load() || (stop && *stop); };
  // Watching starts before the first build reads the files: a file saved
  // while it runs is then rebuilt after it, not missed until the next save.
  auto files = std::make_shared<Watcher>(options.site_dir);
  rebuild();
  {
    // The site's base path, so links under a sub-path of base_url work here too.
    Diagnostics d;
    std::string text = read(options.site_dir / "site.toml");
    if (auto config = parse_config(text, "site.toml", d)) base_path = config->base_path();
  }

  server.Get("/__congbo/reload.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReloadScript, "text/javascript; charset=utf-8");
  });
  // The reload channel. Each stream ends after a minute, and at most
  // kStreams are open, so open tabs never take every worker; the browser
  // comes back at once (retry) with the last build it saw (Last-Event-ID),
  // and a build it missed meanwhile reloads it then.
  std::atomic<int> streams{0};
  server.Get("/__congbo/events", [&](const httplib::Request& req, httplib::Response& res) {
    if (streams >= kStreams) {
      res.status = 503;
      res.set_header("Retry-After", "5");
      return;
    }
    long seen;
    std::string pending;
    bool missed = false;
    {
      std::lock_guard<std::mutex> lock(bc.mu);
      seen = bc.generation;
      if (!bc.errors.empty()) pending = bc.errors;
      const std::string last = req.get_header_value("Last-Event-ID");
      missed = !last.empty() && last != std::to_string(seen);
    }
    ++streams;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider("text/event-stream", [&, seen, pending, missed, until, first = true](
                                                              size_t, httplib::DataSink& sink) mutable {
      auto send = [&](const std::string& event, const std::string& data) {
        std::string msg = "id: " + std::to_string(seen) + "\nevent: " + event + "\n";
        std::istringstream lines(data);
        std::string line;
        while (std::getline(lines, line)) msg += "data: " + line + "\n";
        if (data.empty()) msg += "data: \n";
        msg += "\n";
        return sink.write(msg.data(), msg.size());
      };
      if (first) {
        first = false;
        const std::string hello = "retry: 1000\nid: " + std::to_string(seen) + "\n\n";
        if (!sink.write(hello.data(), hello.size())) return false;
        if (missed && pending.empty() && !send("reload", "")) return false;
      }
      if (!pending.empty()) {
        if (!send("build-error", pending)) return false;
        pending.clear();
      }
      std::unique_lock<std::mutex> lock(bc.mu);
      bc.cv.wait_for(lock, std::chrono::seconds(15), [&] { return bc.generation != seen || stopped(); });
      if (stopped() || std::chrono::steady_clock::now() >= until) return false;
      if (bc.generation == seen) {
        lock.unlock();
        return sink.write(": keep-alive\n\n", 14);
      }
      seen = bc.generation;
      std::string errors = bc.errors;
      lock.unlock();
      return errors.empty() ? send("reload", "") : send("build-error", errors);
    }, [&streams](bool) { --streams; });
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    std::string path = req.path;
    if (base_path != "/") {
      if (path.compare(0, base_path.size(), base_path) != 0 && path + "/" != base_path) {
        res.status = 302;
        res.set_header("Location", base_path);
        return;
      }
      path = "/" + path.substr(std::min(path.size(), base_path.size()));
    }
    {
      // An edited page, shown before the whole site is rebuilt.
      std::string url = path;
      if (url.size() >= 10 && url.compare(url.size() - 10, 10, "index.html") == 0) url.resize(url.size() - 10);
      if (url.empty() || url.back() != '/') url += '/';
      std::lock_guard<std::mutex> lock(previews_mu);
      auto p = previews.find(url);
      if (p != previews.end()) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(with_reload_script(p->second.html), "text/html; charset=utf-8");
        return;
      }
    }
    auto file = resolve_request(out, path);
    if (!file) {
      bool refused = path.find("..") != std::string::npos || fold(path).find("%2e") != std::string::npos;
      res.status = refused ? 403 : 404;
      // With the reload script too: a page that does not exist yet (a new
      // document not saved, or no build that succeeded) shows up by itself
      // once a build makes it, and the errors in the way show over it.
      auto missing = resolve_request(out, "/404.html");
      std::string body = missing ? read(*missing) : msg::serve_nothing_built_page();
      res.set_header("Cache-Control", "no-store");
      res.set_content(with_reload_script(std::move(body)), "text/html; charset=utf-8");
      return;
    }
    std::string body = read(*file);
    std::string type = content_type(file->string());
    if (type.rfind("text/html", 0) == 0) body = with_reload_script(std::move(body));
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, type);
  });

  // Rebuilds run on their own thread, one after another, so the watcher
  // keeps previewing edits saved while the site is being rebuilt.
  std::mutex work_mu;
  std::condition_variable work_cv;
  bool dirty = false, stopping = false;
  std::thread builder([&]() {
    while (true) {
      {
        std::unique_lock<std::mutex> lock(work_mu);
        work_cv.wait(lock, [&] { return dirty || stopping; });
        if (stopping) return;
        dirty = false;
      }
      rebuild();
    }
  });

  // The watcher: on a change, show an edited page at once, then have the site rebuilt.
  std::thread watcher([&, files]() {
    while (!stopped()) {
      std::vector<std::string> changed = files->wait(std::chrono::milliseconds(200));
      if (changed.empty()) continue;
      const std::string& rel = changed[0];
      if (changed.size() == 1 && starts_with(rel, "content/") && ends_with(rel, ".md")) {
        std::optional<Site::Preview> p;
        const long edit = ++edits;
        {
          std::lock_guard<std::mutex> lock(site_mu);
          if (site) p = site->preview(rel, read(options.site_dir / rel));
        }
        if (p) {
          {
            std::lock_guard<std::mutex> lock(previews_mu);
            previews[p->url] = {std::move(p->html), edit};
          }
          bc.announce("");
        }
      } else {
        ++edits;
      }
      {
        std::lock_guard<std::mutex> lock(work_mu);
        dirty = true;
      }
      work_cv.notify_one();
    }
    {
      std::lock_guard<std::mutex> lock(work_mu);
      stopping = true;
    }
    work_cv.notify_one();
    bc.cv.notify_all();  // wake the event streams so they end
    // Stopped during the first build, this thread gets here before the
    // server listens, and cpp-httplib's stop() does nothing to a server not
    // yet listening (serve then listened for ever; the test "Ctrl+C during
    // serve's first build" caught it one run in five).
    while (!quit && !server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.stop();
  });
  if (!options.quiet) {
    std::cout << "Xem thử tại http://" << options.host << ":" << options.port << base_path
              << " (Ctrl+C để dừng). Trang tự tải lại khi tệp thay đổi." << std::endl;
  }
  std::thread front([&] { gate.run(inner_port); });
  bool ok = server.listen_after_bind();
  gate.stop();
  front.join();
  if (!ok) std::cerr << "congbo: " << msg::serve_port_unavailable(options.host, options.port) << std::endl;
  quit = true;
  bc.cv.notify_all();
  // Joined, never detached: both hold references to this function's locals.
  // The watcher ends within its 200 ms wait (quit is set), and the builder
  // once the watcher has told it to stop (after the rebuild it may be in).
  watcher.join();
  builder.join();
  if (temporary) {
    std::error_code ec;
    fs::remove_all(out, ec);
    fs::remove_all(Output::spare_for(out), ec);
  }
  return ok ? 0 : 1;
}

}  // namespace congbo

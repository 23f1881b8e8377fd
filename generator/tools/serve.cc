// serve.cc: preview server (cpp-httplib), polling watcher, live reload.
#include "serve.h"

#include "build_stamp.h"
#include "output.h"
#include "watcher.h"

#include <httplib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>

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

#include "cli_words.h"
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
  // The build this page came from: a build that finished before the stream
  // opened is not missed (a page saved right after the page was served).
  var me = document.currentScript, seen = me ? me.getAttribute('data-seen') : '';
  var events = new EventSource('/__congbo/events' + (seen ? '?seen=' + encodeURIComponent(seen) : ''));
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
std::string with_reload_script(std::string body, long generation) {
  const std::string tag = "<script src=\"/__congbo/reload.js\" data-seen=\"" + std::to_string(generation) + "\"></script>\n";
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

namespace {

// One `congbo serve`: what its threads share (the builder, the watcher and
// the server's workers), and what each of them does.
class Preview {
 public:
  Preview(const ServeOptions& options, fs::path out, const std::atomic<bool>* stop)
      : options_(options), out_(std::move(out)), stop_(stop) {}

  /// Builds the site into the output, keeps the Site for previews, and
  /// tells open pages (unless the previews they show were right already).
  void rebuild();
  /// The base path of site.toml's base_url, so sub-path links work here too.
  void read_base_path();
  /// GET /__congbo/events: the reload channel.
  void events(const httplib::Request& req, httplib::Response& res);
  /// Any other GET: a preview, a file of the output, or a page that waits.
  void file(const httplib::Request& req, httplib::Response& res);
  /// The builder thread: rebuilds, one after another, until stop.
  void build_loop();
  long generation() {
    std::lock_guard<std::mutex> lock(bc_.mu);
    return bc_.generation;
  }
  /// The watcher thread: previews an edited page at once, has the site
  /// rebuilt, and ends the server when serve is stopped.
  void watch_loop(Watcher& files, httplib::Server& server);
  const std::string& base_path() const { return base_path_; }
  /// Set when the server has stopped, for whatever reason: the threads end.
  void quit() {
    quit_ = true;
    bc_.cv.notify_all();
  }

 private:
  bool stopped() const { return quit_.load() || (stop_ && *stop_); }
  /// Drops the previews this build has made real; whether they all showed
  /// what it built (then open pages need no second reload).
  bool previews_were_right(long read_edits, bool ok);
  void preview_edit(const std::string& rel);
  void print(const Diagnostics& diags, const BuildReport& report, bool ok, long ms, std::string* errors) const;

  struct PreviewPage {
    std::string html;
    long edit = 0;
  };

  const ServeOptions& options_;
  const fs::path out_;
  const std::atomic<bool>* stop_;
  std::atomic<bool> quit_{false};
  Broadcast bc_;
  std::string base_path_ = "/";
  // The last good build's Site, for previews of an edited page; and the
  // previews served until a rebuild that read the edit has finished. Each
  // preview carries the number of the edit it shows.
  std::mutex site_mu_;
  std::unique_ptr<Site> site_;
  std::mutex previews_mu_;
  std::map<std::string, PreviewPage> previews_;  // URL (without base path) → page
  std::atomic<long> edits_{0};
  std::atomic<int> streams_{0};  ///< reload channels open
  // The builder's work: a rebuild is wanted, or it is to end.
  std::mutex work_mu_;
  std::condition_variable work_cv_;
  bool dirty_ = false, stopping_ = false;
};

void Preview::rebuild() {
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  BuildReport report;
  BuildOptions b;
  b.site_dir = options_.site_dir;
  b.out_dir = out_;
  const long read_edits = edits_.load();  // edits saved before this build reads the files
  std::unique_ptr<Site> fresh;
  bool ok = build(b, diags, &report, &fresh);
  if (ok && fresh) {
    std::lock_guard<std::mutex> lock(site_mu_);
    site_ = std::move(fresh);
  }
  const bool same = previews_were_right(read_edits, ok);
  std::string errors;
  print(diags, report, ok,
        static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count()),
        &errors);
  if (!same) bc_.announce(ok ? "" : errors);
}

bool Preview::previews_were_right(long read_edits, bool ok) {
  bool same = ok, any = false;
  std::lock_guard<std::mutex> lock(previews_mu_);
  for (auto it = previews_.begin(); it != previews_.end();) {
    if (it->second.edit > read_edits) {  // saved while this build ran: the next one shows it
      ++it;
      continue;
    }
    auto file = resolve_request(out_, it->first);
    same = same && file && read(*file) == it->second.html;
    any = true;
    it = previews_.erase(it);
  }
  return same && any;
}

void Preview::print(const Diagnostics& diags, const BuildReport& report, bool ok, long ms, std::string* errors) const {
  for (const auto& d : diags.sorted()) {
    if (d.severity == Severity::Error) *errors += d.format() + "\n";
    if (!options_.quiet || d.severity == Severity::Error) std::cerr << d.format() << "\n";
  }
  if (ok && !options_.quiet) {
    std::cout << (report.up_to_date ? cli::build_up_to_date(out_.string(), ms)
                                    : cli::build_done(report.pages, out_.string(), ms))
              << std::endl;
  } else if (!ok) {
    std::cerr << cli::build_failed(diags.error_count(), diags.warning_count(), fs::exists(out_)) << std::endl;
  }
}

void Preview::read_base_path() {
  Diagnostics d;
  std::string text = read(options_.site_dir / "site.toml");
  if (auto config = parse_config(text, "site.toml", d)) base_path_ = config->base_path();
}

// The reload channel. Each stream ends after a minute, and at most kStreams
// are open, so open tabs never take every worker; the browser comes back at
// once (retry) with the last build it saw (Last-Event-ID), and a build it
// missed meanwhile reloads it then.
void Preview::events(const httplib::Request& req, httplib::Response& res) {
  if (streams_ >= kStreams) {
    res.status = 503;
    res.set_header("Retry-After", "5");
    return;
  }
  long seen;
  std::string pending;
  bool missed = false;
  {
    std::lock_guard<std::mutex> lock(bc_.mu);
    seen = bc_.generation;
    if (!bc_.errors.empty()) pending = bc_.errors;
    // The build the page was served from: on a reconnect the stream's own
    // id, else the one the page carries.
    std::string last = req.get_header_value("Last-Event-ID");
    if (last.empty()) last = req.get_param_value("seen");
    missed = !last.empty() && last != std::to_string(seen);
  }
  ++streams_;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider("text/event-stream", [this, seen, pending, missed, until, first = true](
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
    std::unique_lock<std::mutex> lock(bc_.mu);
    bc_.cv.wait_for(lock, std::chrono::seconds(15), [&] { return bc_.generation != seen || stopped(); });
    if (stopped() || std::chrono::steady_clock::now() >= until) return false;
    if (bc_.generation == seen) {
      lock.unlock();
      return sink.write(": keep-alive\n\n", 14);
    }
    seen = bc_.generation;
    std::string errors = bc_.errors;
    lock.unlock();
    return errors.empty() ? send("reload", "") : send("build-error", errors);
  }, [this](bool) { --streams_; });
}

void Preview::file(const httplib::Request& req, httplib::Response& res) {
  std::string path = req.path;
  if (base_path_ != "/") {
    if (path.compare(0, base_path_.size(), base_path_) != 0 && path + "/" != base_path_) {
      res.status = 302;
      res.set_header("Location", base_path_);
      return;
    }
    path = "/" + path.substr(std::min(path.size(), base_path_.size()));
  }
  res.set_header("Cache-Control", "no-store");
  {
    // An edited page, shown before the whole site is rebuilt.
    std::string url = path;
    if (url.size() >= 10 && url.compare(url.size() - 10, 10, "index.html") == 0) url.resize(url.size() - 10);
    if (url.empty() || url.back() != '/') url += '/';
    std::lock_guard<std::mutex> lock(previews_mu_);
    auto p = previews_.find(url);
    if (p != previews_.end()) return res.set_content(with_reload_script(p->second.html, generation()), "text/html; charset=utf-8");
  }
  auto file = resolve_request(out_, path);
  if (!file) {
    bool refused = path.find("..") != std::string::npos || fold(path).find("%2e") != std::string::npos;
    res.status = refused ? 403 : 404;
    // With the reload script too: a page that does not exist yet (a new
    // document not saved, or no build that succeeded) shows up by itself
    // once a build makes it, and the errors in the way show over it.
    auto missing = resolve_request(out_, "/404.html");
    std::string body = missing ? read(*missing) : cli::serve_nothing_built_page();
    return res.set_content(with_reload_script(std::move(body), generation()), "text/html; charset=utf-8");
  }
  std::string body = read(*file);
  std::string type = content_type(file->string());
  if (type.rfind("text/html", 0) == 0) body = with_reload_script(std::move(body), generation());
  res.set_content(body, type);
}

// Rebuilds run on their own thread, one after another, so the watcher
// keeps previewing edits saved while the site is being rebuilt.
void Preview::build_loop() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(work_mu_);
      work_cv_.wait(lock, [&] { return dirty_ || stopping_; });
      if (stopping_) return;
      dirty_ = false;
    }
    rebuild();
  }
}

void Preview::preview_edit(const std::string& rel) {
  std::optional<Site::Preview> p;
  const long edit = ++edits_;
  {
    std::lock_guard<std::mutex> lock(site_mu_);
    if (site_) p = site_->preview(rel, read(options_.site_dir / rel));
  }
  if (!p) return;
  {
    std::lock_guard<std::mutex> lock(previews_mu_);
    previews_[p->url] = {std::move(p->html), edit};
  }
  bc_.announce("");
}

void Preview::watch_loop(Watcher& files, httplib::Server& server) {
  while (!stopped()) {
    std::vector<std::string> changed = files.wait(std::chrono::milliseconds(200));
    if (changed.empty()) continue;
    const std::string& rel = changed[0];
    if (changed.size() == 1 && starts_with(rel, "content/") && ends_with(rel, ".md")) {
      preview_edit(rel);
    } else {
      ++edits_;
    }
    {
      std::lock_guard<std::mutex> lock(work_mu_);
      dirty_ = true;
    }
    work_cv_.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(work_mu_);
    stopping_ = true;
  }
  work_cv_.notify_one();
  bc_.cv.notify_all();  // wake the event streams so they end
  // Stopped during the first build, this thread gets here before the
  // server listens, and cpp-httplib's stop() does nothing to a server not
  // yet listening (serve then listened for ever; the test "Ctrl+C during
  // serve's first build" caught it one run in five).
  while (!quit_ && !server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server.stop();
}

// cpp-httplib behind the gate, on a loopback port of its own (0 if none),
// one request per connection, on a pool large enough for every open reload
// channel and the readers beside them.
int bind_inner(httplib::Server& server) {
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server.set_keep_alive_max_count(1);
  socket_t inner_fd = INVALID_SOCKET;
  server.set_socket_options([&inner_fd](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    inner_fd = sock;
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  // cpp-httplib listens with a backlog of 5: the gate's connections beyond
  // it waited for a SYN to be sent again (1 s). listen() again raises it.
  if (inner_fd != INVALID_SOCKET) ::listen(inner_fd, 511);
  return port;
}

bool loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

// Where readers on the network reach a preview listening on `host`: the
// address itself, or this machine's IPv4 addresses (not 127.x) for 0.0.0.0.
std::vector<std::string> network_addresses(const std::string& host) {
  if (host != "0.0.0.0" && host != "::") return {host};
  std::vector<std::string> found;
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return found;
  for (ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK)) continue;
    char name[NI_MAXHOST];
    if (::getnameinfo(i->ifa_addr, sizeof(sockaddr_in), name, sizeof name, nullptr, 0, NI_NUMERICHOST) == 0) {
      found.push_back(name);
    }
  }
  ::freeifaddrs(list);
  return found;
}

}  // namespace

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
  const bool temporary = options.out_dir.empty();
  const fs::path out = temporary ? fs::temp_directory_path() / ("congbo-serve-" + std::to_string(::getpid())) : options.out_dir;
  // The port first: when it is taken, say so now, not after a first build
  // that may take seconds. Readers who come during that build wait for it.
  // The gate owns it and lets through only requests that are whole
  // (serve_gate.h says why).
  Gate gate(options.limits);
  httplib::Server server;
  const int inner_port = gate.bind(options.host, options.port) ? bind_inner(server) : -1;
  if (inner_port <= 0) {
    std::cerr << "congbo: " << cli::serve_port_unavailable(options.host, options.port) << std::endl;
    return 1;
  }
  Preview preview(options, out, stop);
  // Watching starts before the first build reads the files: a file saved
  // while it runs is then rebuilt after it, not missed until the next save.
  Watcher files(options.site_dir);
  preview.rebuild();
  preview.read_base_path();
  // A preview only shows: a request that would send something is refused
  // before any handler, whoever on the network sends it.
  server.set_pre_routing_handler([](const httplib::Request& q, httplib::Response& r) {
    if (q.method == "GET" || q.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    r.status = 405;
    r.set_header("Allow", "GET, HEAD");
    r.set_content(cli::serve_read_only(), "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get("/__congbo/reload.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReloadScript, "text/javascript; charset=utf-8");
  });
  server.Get("/__congbo/events", [&](const httplib::Request& q, httplib::Response& r) { preview.events(q, r); });
  server.Get(".*", [&](const httplib::Request& q, httplib::Response& r) { preview.file(q, r); });
  std::thread builder([&] { preview.build_loop(); });
  std::thread watcher([&] { preview.watch_loop(files, server); });
  if (!options.quiet) {
    const bool everywhere = options.host == "0.0.0.0" || options.host == "::";
    if (loopback(options.host) || everywhere) {
      std::cout << cli::serve_listening(everywhere ? "127.0.0.1" : options.host, options.port, preview.base_path())
                << std::endl;
    }
    if (!loopback(options.host)) {
      std::cout << cli::serve_listening_lan(network_addresses(options.host), options.port, preview.base_path())
                << std::endl;
    }
  }
  std::thread front([&] { gate.run(inner_port); });
  bool ok = server.listen_after_bind();
  gate.stop();
  front.join();
  if (!ok) std::cerr << "congbo: " << cli::serve_port_unavailable(options.host, options.port) << std::endl;
  preview.quit();
  // Joined, never detached: both use this function's locals. The watcher
  // ends within its 200 ms wait, and the builder once the watcher has told
  // it to stop (after the rebuild it may be in).
  watcher.join();
  builder.join();
  if (temporary) {
    fs::remove_all(out, ec);
    fs::remove_all(Output::spare_for(out), ec);
  }
  return ok ? 0 : 1;
}

}  // namespace congbo

// desk_publish.cc: publishing from the desk, by the person responsible
// (role "xuat-ban"): what the public site would gain, change and lose
// against the release served (the committed tree built beside it, page by
// page), one button to publish it with `congbo publish`'s own machinery
// (exactly the committed tree, atomic switch, releases kept, the publisher
// named in the release's manifest), one to go back to the release before,
// and the log of who published what and when. A writer (role "soan") sees
// none of it and is refused every request.
#include <mutex>
#include <random>

#include "desk_context.h"
#include "diff.h"
#include "git_commit.h"
#include "output.h"
#include "proof.h"
#include "publication_log.h"
#include "publish.h"
#include "site.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

// The publisher asking, or nullopt with the answer sent: to the login, or 403.
std::optional<Writer> publisher(DeskContext& cx, const httplib::Request& req, httplib::Response& res, bool posting) {
  auto w = posting ? posting_writer(cx, req, res) : current_writer(cx, req);
  if (!w) {
    if (!posting) send_redirect(res, "/dang-nhap");
    return std::nullopt;
  }
  if (w->account->role != "xuat-ban") {
    send_html(res, desk_shell("Xuất bản", "<h1>Xuất bản</h1><p class=\"notice error\" role=\"alert\">Chỉ người được giao quyền "
                              "xuất bản (vai trò xuat-ban) mới công bố hay quay lại bản trước được. Tài khoản của bạn là người soạn.</p>",
                              w->account->name, w->session.csrf), 403);
    return std::nullopt;
  }
  return w;
}

struct DocumentChange {
  std::string url;
  WordDiff words;  ///< the new text with removed words in <del>, added in <ins>
};

struct PageChanges {
  std::vector<std::string> added, changed, removed;  ///< addresses ("/van-ban/51-kh-duk/")
  std::vector<DocumentChange> documents;             ///< the changed documents' text, word by word (the first few)
  int other_files = 0;                               ///< CSV, JSON, images… that differ
  std::string error;
};

std::string address_of(const std::string& path) {
  if (path == "index.html") return "/";
  if (ends_with(path, "/index.html")) return "/" + path.substr(0, path.size() - 10);
  return "";
}

// A document page's own text, as the default theme writes it (another
// theme's pages give none: the page is then only listed). A release built
// before the text was marked data-body has it without the mark.
std::optional<std::string> document_text(const std::string& html) {
  static const std::string marked = "<div class=\"prose doc-text\" data-body>\n", unmarked = "<div class=\"prose doc-text\">\n";
  static const std::string close = "\n  </div>\n";
  size_t from = html.find(marked);
  const std::string& open = from != std::string::npos ? marked : unmarked;
  if (from == std::string::npos) from = html.find(unmarked);
  if (from == std::string::npos) return std::nullopt;
  const size_t to = html.find(close, from + open.size());
  if (to == std::string::npos) return std::nullopt;
  return html.substr(from + open.size(), to - from - open.size());
}

// The word diff of a changed page that is a document (its current page, not an archived version).
void note_document(const fs::path& old_dir, const fs::path& new_dir, const std::string& path, PageChanges* out) {
  constexpr size_t kShown = 10;
  if (out->documents.size() >= kShown || path.find("/phien-ban/") != std::string::npos) return;
  auto before = document_text(read_bytes(old_dir / path).value_or(""));
  auto after = document_text(read_bytes(new_dir / path).value_or(""));
  if (!before || !after) return;
  WordDiff words = diff_html(*before, *after);
  if (words.inserted + words.deleted > 0) out->documents.push_back({address_of(path), std::move(words)});
}


// The committed tree built beside the served release, compared file by file.
PageChanges preview(const DeskContext& cx, const std::string& served) {
  PageChanges out;
  std::random_device rd;
  const fs::path tmp = fs::temp_directory_path() / ("congbo-xem-ban-" + std::to_string(rd()) + std::to_string(rd()));
  BuildOptions o;
  o.site_dir = cx.options.site_dir;
  o.out_dir = tmp;
  o.ref = "HEAD";
  const fs::path old = served.empty() ? fs::path() : cx.options.publish_to / "releases" / served;
  if (!old.empty()) o.reuse_from = old;
  // With the served release's publication log, so the about page differs
  // only by what the writers changed (publishing adds its own line).
  if (!old.empty()) o.publication_log = read_publication_log(read_bytes(old / kPublicationLogFile).value_or(""));
  Diagnostics diags;
  BuildReport report;
  if (!build(o, diags, &report)) {
    for (const Diagnostic& d : diags.items()) {
      if (d.severity == Severity::Error) out.error += d.format() + "\n";
    }
  } else {
    const auto now = Output::read_manifest(tmp).value_or(Output::Manifest{});
    const auto before = old.empty() ? Output::Manifest{} : Output::read_manifest(old).value_or(Output::Manifest{});
    auto differs = [&](const std::string& path, const std::string& a, const std::string& b) {
      return a != b && read_bytes(tmp / path) != read_bytes(old / path);
    };
    auto note = [&](std::vector<std::string>& pages, const std::string& path) {
      const std::string url = address_of(path);
      if (url.empty()) ++out.other_files;
      else pages.push_back(url);
    };
    for (const auto& [path, id] : now) {
      auto it = before.find(path);
      if (it == before.end()) note(out.added, path);
      else if (differs(path, id, it->second)) note(out.changed, path), note_document(old, tmp, path, &out);
    }
    for (const auto& [path, id] : before) {
      if (!now.count(path) && !is_proof_file(path)) note(out.removed, path);
    }
    for (auto* v : {&out.added, &out.changed, &out.removed}) std::sort(v->begin(), v->end());
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return out;
}

// The preview of the committed tree beside the served release, kept while
// neither changes: a visit after nothing was saved or published answers at
// once instead of building the site again (tens of seconds on a large one).
PageChanges cached_preview(const DeskContext& cx, const std::string& head, const std::string& served) {
  static std::mutex mu;
  static std::string kept_key;
  static PageChanges kept;
  const std::string key = cx.options.site_dir.string() + "\n" + cx.options.publish_to.string() + "\n" + head + "\n" + served;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!head.empty() && key == kept_key) return kept;
  }
  PageChanges fresh = preview(cx, served);
  std::lock_guard<std::mutex> lock(mu);
  kept_key = key;
  kept = fresh;
  return fresh;
}

std::string url_list(const std::string& title, const std::vector<std::string>& urls, const std::string& cls) {
  if (urls.empty()) return "";
  std::string out = "<h3>" + esc(title) + " (" + std::to_string(urls.size()) + ")</h3><ul class=\"" + cls + "\">";
  for (size_t i = 0; i < urls.size() && i < 200; ++i) out += "<li><code>" + esc(urls[i]) + "</code></li>";
  if (urls.size() > 200) out += "<li>và " + std::to_string(urls.size() - 200) + " trang khác</li>";
  return out + "</ul>";
}

std::string changes_html(const PageChanges& c) {
  if (!c.error.empty()) {
    return "<div class=\"notice error\" role=\"alert\" id=\"thay-doi\"><p>Bản đã lưu trong kho chưa dựng được trang, nên chưa công bố được:</p><pre>" +
           esc(c.error) + "</pre></div>";
  }
  if (c.added.empty() && c.changed.empty() && c.removed.empty() && !c.other_files) {
    return "<p id=\"thay-doi\">Trang công khai sẽ không thay đổi gì.</p>";
  }
  std::string words;
  for (const DocumentChange& d : c.documents) {
    words += "<details class=\"word-diff\"><summary><code>" + esc(d.url) + "</code>: thêm " + std::to_string(d.words.inserted) +
             " chữ, bỏ " + std::to_string(d.words.deleted) + " chữ</summary><div class=\"prose\">" + d.words.html + "</div></details>";
  }
  if (!words.empty()) words = "<h3>Nội dung văn bản thay đổi</h3>" + words;
  return "<section id=\"thay-doi\"><h2>Trang công khai sẽ thay đổi</h2>" + url_list("Trang mới", c.added, "added") +
         url_list("Trang thay đổi", c.changed, "changed") + words + url_list("Trang bị gỡ", c.removed, "removed") +
         (c.other_files ? "<p>" + std::to_string(c.other_files) + " tệp khác (CSV, dữ liệu tìm kiếm, ảnh…) thay đổi.</p>" : "") +
         "</section>";
}

// "20261203T125526Z" → "03/12/2026 12:55 UTC" (as written when it is not that shape).
std::string stamp_text(const std::string& t) {
  if (t.size() != 16 || t[8] != 'T') return t;
  return t.substr(6, 2) + "/" + t.substr(4, 2) + "/" + t.substr(0, 4) + " " + t.substr(9, 2) + ":" + t.substr(11, 2) + " UTC";
}

std::string releases_html(const std::vector<ReleaseInfo>& all) {
  std::string out = "<section><h2>Nhật ký công bố</h2><table class=\"log\"><thead><tr><th>Bản</th><th>Lúc</th><th>Người công bố</th>"
                    "<th>Lần lưu</th></tr></thead><tbody>";
  for (const ReleaseInfo& r : all) {
    out += "<tr" + std::string(r.served ? " class=\"served\"" : "") + "><td>" + esc(r.name) + (r.served ? " <b>(đang chạy)</b>" : "") +
           "</td><td>" + esc(stamp_text(r.time)) + "</td><td>" + esc(r.publisher.empty() ? "(từ dòng lệnh)" : r.publisher) + "</td><td><code>" +
           esc(r.commit.substr(0, 7)) + "</code></td></tr>";
  }
  return out + "</tbody></table></section>";
}

}  // namespace

namespace {

void show(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = publisher(cx, req, res, false);
  if (!w) return;
  std::string body = "<h1>Xuất bản</h1>\n";
  if (const std::string notice = cx.sessions.take_notice(w->session.token); !notice.empty()) {
    body += "<p class=\"notice ok\" role=\"status\">" + esc(notice) + "</p>\n";
  }
  if (cx.options.publish_to.empty()) {
    body += "<p>Bàn soạn thảo chưa được chỉ nơi đặt trang công khai: người quản trị mở nó với <code>--publish-to THƯ_MỤC</code>.</p>";
    return send_html(res, desk_shell("Xuất bản", body, w->account->name, w->session.csrf));
  }
  const auto all = release_list(cx.options.publish_to);
  const auto served = std::find_if(all.begin(), all.end(), [](const ReleaseInfo& r) { return r.served; });
  const auto head = recent_commits(cx.options.site_dir, 1);
  body += "<p>Đang chạy: " + (served == all.end() ? std::string("chưa công bố lần nào") :
          "bản <b>" + esc(served->name) + "</b>, lần lưu <code>" + esc(served->commit.substr(0, 7)) + "</code>") +
          ". Trong kho: lần lưu <code>" + esc(head.empty() ? "" : head[0].id.substr(0, 7)) + "</code>" +
          (head.empty() ? "" : " – " + esc(head[0].author) + ": " + esc(head[0].subject)) + ".</p>\n";
  const PageChanges changes = cached_preview(cx, head.empty() ? "" : head[0].id, served == all.end() ? "" : served->name);
  body += changes_html(changes);
  const std::string csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(w->session.csrf) + "\">";
  if (changes.error.empty()) body += "<form method=\"post\" action=\"/xuat-ban/cong-bo\" class=\"publish\">" + csrf +
          "<button type=\"submit\">Công bố bản này</button> <small>đúng những gì đã lưu trong kho; trang cũ vẫn chạy cho tới khi bản mới xong</small></form>\n";
  if (served != all.end() && served + 1 != all.end()) {
    body += "<form method=\"post\" action=\"/xuat-ban/quay-lai\" class=\"publish\">" + csrf +
            "<button type=\"submit\" class=\"secondary\">Quay lại bản trước (" + esc((served + 1)->name) + ")</button></form>\n";
  }
  body += releases_html(all);
  send_html(res, desk_shell("Xuất bản", body, w->account->name, w->session.csrf));
}

void act(DeskContext& cx, const httplib::Request& req, httplib::Response& res, bool back) {
  auto w = publisher(cx, req, res, true);
  if (!w) return;
  if (cx.options.publish_to.empty()) return send_html(res, "<p>Chưa có nơi công bố (--publish-to).</p>", 400);
  Diagnostics diags;
  PublishReport report;
  bool ok = false;
  {
    std::lock_guard<std::mutex> lock(cx.saving);
    PublishOptions o;
    o.site_dir = cx.options.site_dir;
    o.to = cx.options.publish_to;
    o.publisher = w->account->name;
    o.key_file = cx.options.publish_key;
    ok = back ? rollback(o, diags, &report) : congbo::publish(o, diags, &report);
  }
  if (!ok) {
    std::string said;
    for (const Diagnostic& d : diags.items()) said += "<li>" + esc(d.format()) + "</li>";
    return send_html(res, desk_shell("Xuất bản", "<h1>Xuất bản</h1><div class=\"notice error\" role=\"alert\"><p>" +
                                     std::string(back ? "Chưa quay lại được" : "Chưa công bố được") +
                                     "; trang đang chạy vẫn giữ nguyên.</p><ul>" + said + "</ul></div><p><a href=\"/xuat-ban\">Quay lại</a></p>",
                                     w->account->name, w->session.csrf), 422);
  }
  cx.sessions.tell(w->session.token, back ? "Đã quay lại bản " + report.release + "."
                                          : "Đã công bố bản " + report.release + " (" + std::to_string(report.files) + " tệp).");
  send_redirect(res, "/xuat-ban");
}

}  // namespace

void publish_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/xuat-ban", [&cx](const httplib::Request& q, httplib::Response& r) { show(cx, q, r); });
  server.Post("/xuat-ban/cong-bo", [&cx](const httplib::Request& q, httplib::Response& r) { act(cx, q, r, false); });
  server.Post("/xuat-ban/quay-lai", [&cx](const httplib::Request& q, httplib::Response& r) { act(cx, q, r, true); });
}

}  // namespace congbo

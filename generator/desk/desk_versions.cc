// desk_versions.cc: a document's versions at the desk — the list the archive
// knows, restoring an older one as a new commit, and removing a document
// (a commit too: the archive keeps every version).
#include <optional>

#include "desk_context.h"
#include "desk_pages.h"
#include "git_commit.h"
#include "history.h"
#include "page.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

// The site's history, read as the build reads it (with its cache).
std::unique_ptr<Repository> history(const DeskContext& cx, Diagnostics& diags) {
  auto repo = Repository::open(cx.options.site_dir, diags);
  if (repo) repo->read_history("", diags, cx.options.site_dir / ".congbo-cache" / "history");
  return repo;
}

VersionsPage versions_of(const DeskContext& cx, const Writer& w, const std::string& rel, const Repository* repo) {
  VersionsPage page;
  page.csrf = w.session.csrf;
  page.writer = w.account->name;
  page.file = rel;
  page.title = rel;
  Diagnostics diags;
  if (auto cfg = site_config(cx, diags)) {
    Diagnostics ignored;
    if (auto p = load_page(rel, read_bytes(cx.options.site_dir / rel).value_or(""), *cfg, ignored)) page.title = document_title(*p);
  }
  const FileHistory* h = repo ? repo->history(rel) : nullptr;
  if (!h) return page;
  for (const Version& v : h->versions) {
    if (!v.deleted) page.versions.push_back({v.short_id, v.blob, v.date.display(), v.author, v.subject});
  }
  return page;
}

void versions(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  const std::string rel = req.get_param_value("tep");
  if (!safe_content_path(cx.options.site_dir, rel) || !fs::exists(cx.options.site_dir / rel)) {
    return send_html(res, "<p>Không có văn bản này.</p>", 404);
  }
  Diagnostics diags;
  auto repo = history(cx, diags);
  send_html(res, versions_page(versions_of(cx, *w, rel, repo.get())));
}

// `change` done to the file (write an old version, remove it), then the
// check: without errors it is committed; with errors the file is put back
// as it was and the messages are shown.
void change_checked(DeskContext& cx, const Writer& w, const std::string& rel, const std::optional<std::string>& after,
                    const std::string& message, httplib::Response& res) {
  const fs::path file = cx.options.site_dir / rel;
  const std::optional<std::string> before = read_bytes(file);
  std::string why;
  std::error_code ec;
  if (after ? !write_atomically(file, *after, &why) : !fs::remove(file, ec)) {
    return send_html(res, "<p>Không ghi được " + html_escape(rel) + ": " + html_escape(why + ec.message()) + "</p>", 500);
  }
  std::vector<std::string> errors;
  const Diagnostics found = check_site(cx);
  for (const Diagnostic& d : found.items()) {
    if (d.severity == Severity::Error) errors.push_back(d.format());
  }
  if (!errors.empty()) {
    if (before) write_atomically(file, *before, &why);
    Diagnostics diags;
    auto repo = history(cx, diags);
    VersionsPage page = versions_of(cx, w, rel, repo.get());
    page.general = std::move(errors);
    return send_html(res, versions_page(page), 422);
  }
  auto commit = commit_as(w, cx, {rel}, message, &why);
  if (!commit) return send_html(res, "<p>Không lưu được vào kho git: " + html_escape(why) + "</p>", 500);
  cx.sessions.tell(w.session.token, message + " (lần lưu " + commit->substr(0, 7) + ").");
  send_redirect(res, "/");
}

// The request's file and message, or an answer saying what is wrong.
bool change_request(DeskContext& cx, const httplib::Request& req, httplib::Response& res, std::string* rel,
                    std::string* message) {
  *rel = form_value(req, "tep");
  *message = trim(form_value(req, "message"));
  if (!safe_content_path(cx.options.site_dir, *rel) || !fs::exists(cx.options.site_dir / *rel)) {
    send_html(res, "<p>Không có văn bản này.</p>", 404);
    return false;
  }
  if (message->empty()) {
    send_html(res, "<p>Hãy ghi nội dung thay đổi. <a href=\"/phien-ban?tep=" + html_escape(*rel) + "\">Quay lại</a></p>", 422);
    return false;
  }
  return true;
}

void restore(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  std::string rel, message;
  if (!w || !change_request(cx, req, res, &rel, &message)) return;
  std::lock_guard<std::mutex> lock(cx.saving);
  Diagnostics diags;
  auto repo = history(cx, diags);
  const FileHistory* h = repo ? repo->history(rel) : nullptr;
  const std::string blob = form_value(req, "blob");
  bool known = false;  // only a version of this very file may be restored
  for (const Version& v : h ? h->versions : std::vector<Version>{}) known = known || (!v.deleted && v.blob == blob);
  auto bytes = known ? repo->blob(blob) : std::nullopt;
  if (!bytes) return send_html(res, "<p>Không có phiên bản này của văn bản.</p>", 404);
  change_checked(cx, *w, rel, bytes, message, res);
}

void remove(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  std::string rel, message;
  if (!w || !change_request(cx, req, res, &rel, &message)) return;
  std::lock_guard<std::mutex> lock(cx.saving);
  change_checked(cx, *w, rel, std::nullopt, message, res);
}

}  // namespace

void version_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/phien-ban", [&cx](const httplib::Request& q, httplib::Response& r) { versions(cx, q, r); });
  server.Post("/khoi-phuc", [&cx](const httplib::Request& q, httplib::Response& r) { restore(cx, q, r); });
  server.Post("/xoa", [&cx](const httplib::Request& q, httplib::Response& r) { remove(cx, q, r); });
}

}  // namespace congbo

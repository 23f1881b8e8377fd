// desk_documents.cc: the documents at the desk — the list, a document's
// form, its preview, saving it, removing it.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <regex>

#include "accounts.h"
#include "desk_context.h"
#include "import.h"
#include "desk_pages.h"
#include "document_form.h"
#include "git_commit.h"
#include "markdown.h"
#include "page.h"
#include "publish.h"
#include "text.h"

namespace fs = std::filesystem;

namespace {
constexpr const char* kPendingOriginals = ".congbo/nhap/";
}  // namespace

namespace congbo {
namespace {

const char* kDocuments = "content/van-ban/";

// The files of a folder the desk edits, by name.
std::vector<DocumentItem> items_in(const DeskContext& cx, const SiteConfig& cfg, const std::string& folder) {
  std::vector<DocumentItem> docs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cx.options.site_dir / folder, ec)) {
    const std::string name = e.path().filename().string();
    const std::string rel = folder + name;
    if (!ends_with(name, ".md") || !safe_content_path(cx.options.site_dir, rel)) continue;
    Diagnostics ignored;
    if (auto p = load_page(rel, read_bytes(e.path()).value_or(""), cfg, ignored)) {
      docs.push_back({rel, p->doc.number, p->title, p->date ? p->date->display() : ""});
    } else {
      docs.push_back({rel, "", name, ""});
    }
  }
  std::sort(docs.begin(), docs.end(), [](const DocumentItem& a, const DocumentItem& b) { return a.file < b.file; });
  return docs;
}

void list(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  ListPage page;
  page.csrf = w->session.csrf;
  page.writer = w->account->name;
  page.notice = cx.sessions.take_notice(w->session.token);
  if (cfg) page.docs = items_in(cx, *cfg, kDocuments);
  if (cfg) page.models = items_in(cx, *cfg, "content/mo-hinh/");
  if (cfg) page.pages = items_in(cx, *cfg, "content/");
  const Diagnostics found = check_site(cx);
  for (const Diagnostic& d : found.items()) {
    if (d.severity == Severity::Error) page.problems.push_back(d.format());
  }
  for (const CommitSummary& c : recent_commits(cx.options.site_dir, 10)) page.recent.push_back(c);
  page.due = office_deadlines(cx, Date::today());
  if (!cx.options.publish_to.empty()) {
    page.knows_published = true;
    page.can_publish = w->account->role == "xuat-ban";
    page.published = published_commit(cx.options.publish_to).value_or("");
    if (!page.published.empty()) page.unpublished = changed_since(cx.options.site_dir, page.published);
  }
  send_html(res, list_page(page));
}

FormPage blank_form(const Writer& w) {
  FormPage page;
  page.csrf = w.session.csrf;
  page.writer = w.account->name;
  return page;
}

bool document_path(const DeskContext& cx, const std::string& rel) {
  return starts_with(rel, kDocuments) && safe_content_path(cx.options.site_dir, rel);
}

void edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto e = start_edit(cx, req, res, document_path);
  if (!e) return;
  if (e->page) e->form.form = form_from_page(*e->page);
  else e->form.form.body = e->bytes;
  send_html(res, form_page(e->form, e->config));
}

void preview(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  if (!posting_writer(cx, req, res)) return;
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  MarkdownOptions opts{cfg ? cfg->base_path() : "/", "xem-truoc", 1, nullptr};
  Diagnostics found;  // the checker reports them at save
  res.set_content(render_markdown(form_value(req, "body"), opts, found).html, "text/html; charset=utf-8");
}

// The original a writer's file was read from (import_upload), moved beside
// the document it became (content/van-ban/<name>.<ext>) and listed as its
// attachment; committed with it. A failed save leaves it there for the next.
void place_original(const DeskContext& cx, const httplib::Request& req, FormPage& page, std::vector<std::string>& also) {
  static const std::regex shape(R"(\.congbo/nhap/[0-9a-f]{32}\.(docx|odt|pdf|txt))");
  const std::string kept = form_value(req, "goc");
  if (kept.empty() || !std::regex_match(kept, shape)) return;
  const std::string ext = kept.substr(kept.rfind('.'));
  const std::string name = fs::path(page.file).stem().string() + ext;
  const fs::path target = cx.options.site_dir / kDocuments / name;
  std::error_code ec;
  if (fs::exists(cx.options.site_dir / kept, ec) && !fs::exists(target, ec)) fs::rename(cx.options.site_dir / kept, target, ec);
  if (!fs::exists(target, ec)) return;
  page.form.original = name;
  page.original = kept;
  page.imported = form_value(req, "goc-ten");
  also.push_back(std::string(kDocuments) + name);
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  if (!cfg) return send_html(res, "<p>site.toml không đọc được.</p>", 500);
  FormPage page = blank_form(*w);
  page.file = form_value(req, "tep");
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  page.form = posted_document(req);
  if (!page.file.empty() && !document_path(cx, page.file)) return send_html(res, "<p>Tệp không hợp lệ.</p>", 400);
  for (auto [name, value] : {std::pair<const char*, const std::string*>{"date", &page.form.date},
                             {"effective", &page.form.effective}, {"expires", &page.form.expires}}) {
    if (!iso_from_display(*value)) page.fields[name].errors.push_back("ngày phải viết dạng ngày/tháng/năm, ví dụ 21/10/2020");
  }
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thay đổi gì");
  if (!page.fields.empty()) return send_html(res, form_page(page, *cfg), 422);

  std::lock_guard<std::mutex> lock(cx.saving);
  if (page.file.empty()) page.file = unused_path(cx, kDocuments, trim(page.form.number).empty() ? page.form.title : page.form.number, "van-ban");
  std::vector<std::string> also;
  place_original(cx, req, page, also);
  std::string commit;
  const Saved saved = save_file(cx, *w, page, write_document(page.form), also, &commit);
  answer_save(cx, *w, res, saved, page, commit, saved == Saved::Committed ? "" : form_page(page, *cfg));
}

// The documents whose number or title holds what the writer typed (with or
// without diacritics), for choosing a relation: JSON, 20 at most.
void find_documents(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  if (!current_writer(cx, req)) {
    res.status = 403;
    return;
  }
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  const std::string q = fold(trim(req.get_param_value("q")));
  std::string json = "[";
  int n = 0;
  if (cfg && !q.empty()) {
    for (const DocumentItem& d : items_in(cx, *cfg, kDocuments)) {
      if (d.number.empty() || fold(d.number + " " + d.title).find(q) == std::string::npos) continue;
      json += std::string(n ? "," : "") + "{\"number\":" + json_string(d.number) + ",\"title\":" + json_string(d.title) + "}";
      if (++n == 20) break;
    }
  }
  res.set_content(json + "]", "application/json; charset=utf-8");
}


// The text of an uploaded file, converted in a folder only this request
// uses, under a name of the desk's own (never the one the browser sent).
std::optional<std::string> upload_text(const std::string& content, const std::string& ext, std::string* why) {
  if (ext != ".docx" && ext != ".odt" && ext != ".pdf" && ext != ".txt" && ext != ".md") {
    *why = "chỉ đọc được tệp .docx, .odt, .pdf, .txt hoặc .md";
    return std::nullopt;
  }
  std::string dir = (fs::temp_directory_path() / "congbo-nhap-XXXXXX").string();
  if (!::mkdtemp(dir.data())) {
    *why = "không tạo được thư mục tạm";
    return std::nullopt;
  }
  std::optional<std::string> text;
  const fs::path file = fs::path(dir) / ("tep" + ext);
  if (write_atomically(file, content, why)) text = document_text(file, why);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return text;
}

// The uploaded file kept in the desk's own folder (never in git) until a save
// publishes it beside the document as its original; "" for a Markdown file
// (that is the document itself) or when it cannot be kept. Files read but
// never saved are removed a day later.
std::string keep_original(const DeskContext& cx, const std::string& content, const std::string& ext) {
  std::error_code ec;
  const fs::path pending = cx.options.site_dir / kPendingOriginals;
  for (auto it = fs::directory_iterator(pending, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (fs::last_write_time(it->path(), ec) < fs::file_time_type::clock::now() - std::chrono::hours(24)) fs::remove(it->path(), ec);
  }
  if (ext == ".md") return "";
  const std::string kept = std::string(kPendingOriginals) + random_token(16) + ext;
  fs::create_directories(pending, ec);
  std::string why;
  return write_atomically(cx.options.site_dir / kept, content, &why) ? kept : "";
}

// A file uploaded for a new document: read like congbo import, the form
// filled from it for the writer to review; nothing is written or committed.
void import_upload(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  if (!cfg) return send_html(res, "<p>site.toml không đọc được.</p>", 500);
  FormPage page = blank_form(*w);
  if (!req.has_file("nhap") || req.get_file_value("nhap").content.empty()) {
    page.general.push_back("hãy chọn một tệp để đọc");
    return send_html(res, form_page(page, *cfg), 422);
  }
  const auto& upload = req.get_file_value("nhap");
  const std::string name = fs::path(upload.filename).filename().string();
  const std::string ext = to_lower(fs::path(name).extension().string());
  std::string why;
  auto text = upload_text(upload.content, ext, &why);
  if (!text) {
    page.general.push_back(name + ": " + why);
    return send_html(res, form_page(page, *cfg), 422);
  }
  const RecognizedDocument doc = recognize_layout(*text, *cfg);
  page.form = form_from_recognized(doc);
  page.imported = name;
  page.import_summary = recognition_summary(doc, *cfg);
  page.original = keep_original(cx, upload.content, ext);
  send_html(res, form_page(page, *cfg));
}

}  // namespace

void document_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/", [&cx](const httplib::Request& q, httplib::Response& r) { list(cx, q, r); });
  server.Get("/van-ban/moi", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Get("/sua", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Post("/luu", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
  server.Post("/nhap", [&cx](const httplib::Request& q, httplib::Response& r) { import_upload(cx, q, r); });
  server.Post("/xem-thu", [&cx](const httplib::Request& q, httplib::Response& r) { preview(cx, q, r); });
  server.Get("/tim-van-ban", [&cx](const httplib::Request& q, httplib::Response& r) { find_documents(cx, q, r); });
}

}  // namespace congbo

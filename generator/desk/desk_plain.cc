// desk_plain.cc: plain pages at the desk (content/NAME.md: "Giới thiệu",
// "Liên hệ") — their form and saving them.
#include <optional>

#include "desk_context.h"
#include "desk_pages.h"
#include "git_commit.h"
#include "page.h"
#include "page_form.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

// A page sits directly in content/: never in a section's folder.
bool plain_path(const DeskContext& cx, const std::string& rel) {
  return rel.find('/', std::string("content/").size()) == std::string::npos && safe_content_path(cx.options.site_dir, rel);
}

PlainPage blank(const Writer& w) {
  PlainPage p;
  p.page.csrf = w.session.csrf;
  p.page.writer = w.account->name;
  return p;
}

void edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  if (!cfg) return send_html(res, "<p>site.toml không đọc được.</p>", 500);
  PlainPage p = blank(*w);
  const std::string rel = req.get_param_value("tep");
  if (!rel.empty()) {
    auto bytes = plain_path(cx, rel) ? read_bytes(cx.options.site_dir / rel) : std::nullopt;
    if (!bytes) return send_html(res, "<p>Không có trang này.</p>", 404);
    p.page.file = rel;
    p.page.opened = blob_id(*bytes);
    Diagnostics ignored;
    if (auto page = load_page(rel, *bytes, *cfg, ignored)) p.form = page_form_from_page(*page);
    else p.form.body = *bytes;
  }
  send_html(res, plain_page(p));
}

std::string new_page_path(const DeskContext& cx, const PageForm& f) {
  std::string base = slugify(f.title).substr(0, 80);
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "trang";
  std::string rel = "content/" + base + ".md";
  for (int n = 2; fs::exists(cx.options.site_dir / rel); ++n) rel = "content/" + base + "-" + std::to_string(n) + ".md";
  return rel;
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  PlainPage p = blank(*w);
  FormPage& page = p.page;
  page.file = form_value(req, "tep");
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  p.form = {form_value(req, "title"), form_value(req, "description"), form_value(req, "body")};
  if (!page.file.empty() && !plain_path(cx, page.file)) return send_html(res, "<p>Tệp không hợp lệ.</p>", 400);
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thay đổi gì");
  if (!page.fields.empty()) return send_html(res, plain_page(p), 422);
  std::lock_guard<std::mutex> lock(cx.saving);
  if (page.file.empty()) page.file = new_page_path(cx, p.form);
  std::string commit;
  const Saved saved = save_file(cx, *w, page, write_plain_page(p.form), {}, &commit);
  answer_save(res, saved, page, commit, saved == Saved::Committed ? "" : plain_page(p));
}

}  // namespace

void plain_page_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/trang/moi", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Get("/sua-trang", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Post("/luu-trang", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
}

}  // namespace congbo

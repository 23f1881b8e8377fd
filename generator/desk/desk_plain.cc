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
  auto e = start_edit(cx, req, res, plain_path);
  if (!e) return;
  PlainPage p = blank(e->writer);
  p.page = e->form;
  if (e->page) p.form = page_form_from_page(*e->page);
  else p.form.body = e->bytes;
  send_html(res, plain_page(p));
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  PlainPage p = blank(*w);
  FormPage& page = p.page;
  page.file = form_value(req, "tep");
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  p.form = posted_page(req);
  if (!page.file.empty() && !plain_path(cx, page.file)) return send_html(res, "<p>Tệp không hợp lệ.</p>", 400);
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thay đổi gì");
  if (!page.fields.empty()) return send_html(res, plain_page(p), 422);
  std::lock_guard<std::mutex> lock(cx.saving);
  if (page.file.empty()) page.file = unused_path(cx, "content/", p.form.title, "trang");
  std::string commit;
  const Saved saved = save_file(cx, *w, page, write_plain_page(p.form), {}, &commit);
  answer_save(cx, *w, res, saved, page, commit, saved == Saved::Committed ? "" : plain_page(p));
}

}  // namespace

void plain_page_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/trang/moi", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Get("/sua-trang", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Post("/luu-trang", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
}

}  // namespace congbo

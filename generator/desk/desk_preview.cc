// desk_preview.cc: "Xem như trên trang" — the file being written, rendered
// alone in the site's own layouts (standalone_page.h) before it is saved,
// with the site's CSS and images served under /_trang/.
#include <optional>

#include "desk_context.h"
#include "model_form.h"
#include "page_form.h"
#include "serve.h"
#include "source_tree.h"
#include "standalone_page.h"
#include "text.h"
#include "theme.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

const char* kPreviewBase = "/_trang/";

// The file the posted form would save, and where it would sit.
std::pair<std::string, std::string> posted_file(const httplib::Request& req) {
  const std::string kind = form_value(req, "loai");
  if (kind == "mo-hinh") return {"content/mo-hinh/xem-truoc.md", write_model(posted_model(req)).text};
  if (kind == "trang") return {"content/xem-truoc.md", write_plain_page(posted_page(req)).text};
  return {"content/van-ban/xem-truoc.md", write_document(posted_document(req)).text};
}

void preview_page(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  if (!posting_writer(cx, req, res)) return;
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  if (!cfg) return send_html(res, "<p>site.toml không đọc được.</p>", 500);
  cfg->base_url = "http://xem-truoc" + std::string(kPreviewBase);  // links and assets come back to the desk
  auto theme = Theme::load(*disk_source(cx.options.site_dir), cfg->theme, 0, 0, diags);
  const auto [rel, text] = posted_file(req);
  auto page = load_page(rel, text, *cfg, diags);
  if (!page || !theme) {
    std::string list;
    for (const Diagnostic& d : diags.items()) list += "<li>" + html_escape(d.format()) + "</li>";
    return send_html(res, "<!DOCTYPE html><meta charset=\"utf-8\"><h1>Chưa xem trước được</h1><p>Hãy sửa rồi thử lại "
                          "(các lỗi cũng hiện khi bấm Lưu):</p><ul>" + list + "</ul>", 422);
  }
  send_html(res, standalone_page(*page, *cfg, *theme, diags));
}

// The theme's CSS and scripts, and the site's own static files (images).
void preview_asset(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  if (!current_writer(cx, req)) {
    res.status = 403;
    return;
  }
  const std::string path = req.path.substr(std::string(kPreviewBase).size());
  if (auto file = resolve_request(cx.options.site_dir / "static", "/" + path)) {
    if (auto bytes = read_bytes(*file)) return res.set_content(*bytes, content_type(file->string()));
  }
  Diagnostics diags;
  auto cfg = site_config(cx, diags);
  auto theme = Theme::load(*disk_source(cx.options.site_dir), cfg ? cfg->theme : "default", 0, 0, diags);
  if (theme) {
    if (auto it = theme->static_files().find(path); it != theme->static_files().end()) {
      return res.set_content(it->second, content_type(path));
    }
  }
  res.status = 404;
}

}  // namespace

void preview_routes(httplib::Server& server, DeskContext& cx) {
  server.Post("/xem-trang", [&cx](const httplib::Request& q, httplib::Response& r) { preview_page(cx, q, r); });
  server.Get(R"(/_trang/.+)", [&cx](const httplib::Request& q, httplib::Response& r) { preview_asset(cx, q, r); });
}

}  // namespace congbo

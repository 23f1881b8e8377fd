// desk_pages.cc: the desk's HTML.
#include "desk_pages.h"

#include "text.h"

namespace congbo {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

std::string shell(const std::string& title, const std::string& body, const std::string& writer = "",
                  const std::string& csrf = "") {
  std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    esc(title) + " – Bàn soạn thảo congbo</title>\n<link rel=\"stylesheet\" href=\"/_soan/desk.css\">\n"
                    "<script src=\"/_soan/desk.js\" defer></script>\n</head>\n<body>\n<header class=\"bar\"><a href=\"/\">Bàn soạn thảo</a>";
  if (!writer.empty()) {
    out += "<form method=\"post\" action=\"/dang-xuat\" class=\"who\"><span>" + esc(writer) +
           "</span><input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) +
           "\"><button type=\"submit\">Đăng xuất</button></form>";
  }
  return out + "</header>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
}

std::string messages_html(const std::string& id, const FieldMessages* m) {
  if (!m || (m->errors.empty() && m->warnings.empty())) return "";
  std::string out = "<ul class=\"field-messages\" id=\"" + id + "-loi\">";
  for (const auto& e : m->errors) out += "<li class=\"error\">Lỗi: " + esc(e) + "</li>";
  for (const auto& w : m->warnings) out += "<li class=\"warning\">Cảnh báo: " + esc(w) + "</li>";
  return out + "</ul>";
}

// One labelled input (or text area, or choice) with its messages tied to it.
std::string field_html(const FormPage& p, const std::string& name, const std::string& value, const std::string& kind,
                       const std::vector<std::pair<std::string, std::string>>& choices = {}, const std::string& hint = "") {
  auto it = p.fields.find(name);
  const FieldMessages* m = it == p.fields.end() ? nullptr : &it->second;
  const bool bad = m && !m->errors.empty();
  const std::string id = "f-" + name;
  std::string describe = (m ? " aria-describedby=\"" + id + "-loi\"" : std::string()) + (bad ? " aria-invalid=\"true\"" : "");
  std::string out = "<div class=\"field" + std::string(bad ? " has-error" : "") + "\" data-field=\"" + name + "\">";
  out += "<label for=\"" + id + "\">" + esc(name == "message" ? "Nội dung thay đổi" : document_field_label(name)) + "</label>";
  if (!hint.empty()) out += "<small>" + esc(hint) + "</small>";
  if (kind == "select") {
    out += "<select id=\"" + id + "\" name=\"" + name + "\"" + describe + "><option value=\"\"></option>";
    for (const auto& [key, label] : choices) {
      out += "<option value=\"" + esc(key) + "\"" + (key == value ? " selected" : "") + ">" + esc(label) + "</option>";
    }
    out += "</select>";
  } else if (kind == "textarea" || kind == "body") {
    out += "<textarea id=\"" + id + "\" name=\"" + name + "\" rows=\"" + (kind == "body" ? "18" : "3") + "\"" + describe + ">" +
           esc(value) + "</textarea>";
  } else {
    out += "<input id=\"" + id + "\" name=\"" + name + "\" value=\"" + esc(value) + "\"" + describe +
           (kind.empty() ? "" : " " + kind) + ">";
  }
  return out + messages_html(id, m) + "</div>\n";
}

std::string toolbar() {
  return "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"Định dạng\" data-for=\"f-body\">"
         "<button type=\"button\" data-md=\"heading\">Tiêu đề</button>"
         "<button type=\"button\" data-md=\"bold\"><b>Đậm</b></button>"
         "<button type=\"button\" data-md=\"italic\"><i>Nghiêng</i></button>"
         "<button type=\"button\" data-md=\"list\">Danh sách</button>"
         "<button type=\"button\" data-md=\"table\">Bảng</button>"
         "<button type=\"button\" data-md=\"footnote\">Chú thích</button></div>";
}

}  // namespace

std::string login_page(const std::string& error, const std::string& login) {
  std::string body = "<h1>Đăng nhập</h1>\n";
  if (!error.empty()) body += "<p class=\"notice error\" role=\"alert\" id=\"loi-dang-nhap\">" + esc(error) + "</p>\n";
  body += "<form method=\"post\" action=\"/dang-nhap\" class=\"login\">"
          "<div class=\"field\"><label for=\"login\">Tên đăng nhập</label><input id=\"login\" name=\"login\" "
          "autocomplete=\"username\" required value=\"" + esc(login) + "\"></div>"
          "<div class=\"field\"><label for=\"password\">Mật khẩu</label><input id=\"password\" name=\"password\" "
          "type=\"password\" autocomplete=\"current-password\" required></div>"
          "<button type=\"submit\">Đăng nhập</button></form>";
  return shell("Đăng nhập", body);
}

std::string list_page(const ListPage& p) {
  std::string body = "<h1>Văn bản</h1>\n";
  if (!p.notice.empty()) body += "<p class=\"notice ok\" role=\"status\">" + esc(p.notice) + "</p>\n";
  body += "<p><a class=\"button\" href=\"/van-ban/moi\">Văn bản mới</a></p>\n";
  if (!p.problems.empty()) {
    body += "<section class=\"problems\"><h2>congbo check đang báo</h2><ul>";
    for (const auto& e : p.problems) body += "<li>" + esc(e) + "</li>";
    body += "</ul></section>\n";
  }
  body += "<div class=\"columns\"><section><h2>Tất cả văn bản</h2><ul class=\"docs\">";
  for (const auto& d : p.docs) {
    body += "<li><a href=\"/sua?tep=" + esc(d.file) + "\">" + (d.number.empty() ? "" : "<b>" + esc(d.number) + "</b> ") +
            esc(d.title) + "</a> <span class=\"date\">" + esc(d.date) + "</span></li>";
  }
  body += "</ul></section><section><h2>Thay đổi gần đây</h2><ol class=\"recent\">";
  for (const auto& c : p.recent) {
    body += "<li><span class=\"date\">" + esc(c.date) + "</span> <b>" + esc(c.author) + "</b>: " + esc(c.subject) + "</li>";
  }
  return shell("Văn bản", body + "</ol></section></div>", p.writer, p.csrf);
}

std::string versions_page(const VersionsPage& p) {
  std::string body = "<h1>Các phiên bản: " + esc(p.title) + "</h1>\n<p><a href=\"/sua?tep=" + esc(p.file) +
                     "\">Quay lại văn bản</a></p>\n";
  if (!p.general.empty()) {
    body += "<div class=\"notice error\" role=\"alert\"><p>Chưa lưu vào kho: còn lỗi.</p><ul>";
    for (const auto& g : p.general) body += "<li>" + esc(g) + "</li>";
    body += "</ul></div>\n";
  }
  body += "<ol class=\"versions\">";
  for (size_t i = 0; i < p.versions.size(); ++i) {
    const VersionItem& v = p.versions[i];
    body += "<li><span class=\"date\">" + esc(v.date) + "</span> <b>" + esc(v.author) + "</b>: " + esc(v.subject);
    if (i == 0) {
      body += " <em>(bản hiện tại)</em>";
    } else {
      body += "<form method=\"post\" action=\"/khoi-phuc\" class=\"restore\"><input type=\"hidden\" name=\"csrf\" value=\"" +
              esc(p.csrf) + "\"><input type=\"hidden\" name=\"tep\" value=\"" + esc(p.file) +
              "\"><input type=\"hidden\" name=\"blob\" value=\"" + esc(v.blob) + "\"><label>Nội dung thay đổi <input name=\"message\" value=\"" +
              esc("Khôi phục bản ngày " + v.date + " (" + v.short_id + ")") + "\"></label> <button type=\"submit\">Khôi phục bản này</button></form>";
    }
    body += "</li>";
  }
  body += "</ol>\n<form method=\"post\" action=\"/xoa\" class=\"remove\"><h2>Gỡ văn bản khỏi trang</h2><p>Văn bản được gỡ khỏi "
          "trang nhưng các phiên bản vẫn còn trong kho lưu trữ.</p><input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.csrf) +
          "\"><input type=\"hidden\" name=\"tep\" value=\"" + esc(p.file) + "\"><div class=\"field\"><label for=\"f-remove\">"
          "Nội dung thay đổi</label><input id=\"f-remove\" name=\"message\" required></div><button type=\"submit\">Gỡ văn bản</button></form>";
  return shell("Các phiên bản", body, p.writer, p.csrf);
}

std::string form_page(const FormPage& p, const SiteConfig& config) {
  const DocumentForm& f = p.form;
  std::vector<std::pair<std::string, std::string>> kinds(config.kinds.begin(), config.kinds.end()), issuers;
  for (const auto& i : config.issuers) issuers.emplace_back(i.key, i.name);
  std::string body = "<h1>" + std::string(p.file.empty() ? "Văn bản mới" : "Sửa văn bản") + "</h1>\n";
  if (!p.saved.empty()) body += "<p class=\"notice ok\" role=\"status\">" + esc(p.saved) + "</p>\n";
  if (!p.general.empty()) {
    body += "<div class=\"notice error\" role=\"alert\"><p>Chưa lưu vào kho: còn lỗi.</p><ul>";
    for (const auto& g : p.general) body += "<li>" + esc(g) + "</li>";
    body += "</ul></div>\n";
  }
  if (!p.conflict.empty()) {
    body += "<div class=\"notice error\" role=\"alert\"><p>Tệp này đã được người khác sửa và lưu sau khi bạn mở nó. "
            "Bản của họ ở dưới; bản của bạn vẫn ở trong ô. Hãy gộp lại rồi lưu.</p><pre class=\"theirs\">" +
            esc(p.conflict) + "</pre></div>\n";
  }
  body += "<form method=\"post\" action=\"/luu\" class=\"doc\" novalidate>"
          "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.csrf) + "\"><input type=\"hidden\" name=\"tep\" value=\"" +
          esc(p.file) + "\"><input type=\"hidden\" name=\"opened\" value=\"" + esc(p.opened) + "\">\n";
  body += "<div class=\"meta\">" + field_html(p, "title", f.title, "") + field_html(p, "number", f.number, "") +
          field_html(p, "kind", f.kind, "select", kinds) + field_html(p, "issuer", f.issuer, "select", issuers) +
          field_html(p, "date", f.date, "inputmode=\"numeric\" placeholder=\"dd/mm/yyyy\"", {}, "ngày/tháng/năm, ví dụ 21/10/2020") +
          field_html(p, "place", f.place, "") + field_html(p, "authority", f.authority, "") +
          field_html(p, "signer_role", f.signer_role, "") + field_html(p, "signer", f.signer, "") +
          field_html(p, "recipients", f.recipients, "textarea", {}, "mỗi nơi một dòng") +
          field_html(p, "fields", f.fields, "textarea", {}, "mỗi lĩnh vực một dòng") +
          field_html(p, "based_on", f.based_on, "textarea", {}, "số văn bản, mỗi văn bản một dòng, ví dụ 20-KH/ĐUK") +
          field_html(p, "replaces", f.replaces, "textarea") + field_html(p, "amends", f.amends, "textarea") + "</div>\n";
  body += "<div class=\"editor\"><div class=\"tabs\" role=\"tablist\"><button type=\"button\" role=\"tab\" data-tab=\"write\" "
          "aria-selected=\"true\">Soạn</button><button type=\"button\" role=\"tab\" data-tab=\"preview\" aria-selected=\"false\">"
          "Xem trước</button></div>" + toolbar() + field_html(p, "body", f.body, "body") +
          "<section class=\"preview\" aria-live=\"polite\" aria-label=\"Xem trước\" id=\"xem-truoc\"></section></div>\n";
  body += field_html(p, "message", p.message, "required", {}, "bạn đã thay đổi gì, bằng lời của bạn (bắt buộc)");
  body += "<p><button type=\"submit\" class=\"save\">Lưu</button> <a href=\"/\">Quay lại danh sách</a>" +
          (p.file.empty() ? std::string() : " · <a href=\"/phien-ban?tep=" + esc(p.file) + "\">Các phiên bản, gỡ văn bản</a>") +
          "</p></form>";
  return shell(p.file.empty() ? "Văn bản mới" : "Sửa văn bản", body, p.writer, p.csrf);
}

}  // namespace congbo

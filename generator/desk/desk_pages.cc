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
    out += "<nav class=\"parts\"><a href=\"/\">Văn bản</a><a href=\"/thi-dua\">Thi đua</a><a href=\"/khen-thuong\">Khen thưởng</a><a href=\"/don-vi\">Đơn vị</a></nav>";
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

using Choices = std::vector<std::pair<std::string, std::string>>;
using Messages = std::map<std::string, FieldMessages>;

// One labelled input (or text area, or choice) with its messages tied to it.
std::string field_html(const Messages& fields, const std::string& name, const std::string& label, const std::string& value,
                       const std::string& kind, const Choices& choices = {}, const std::string& hint = "") {
  auto it = fields.find(name);
  const FieldMessages* m = it == fields.end() ? nullptr : &it->second;
  const bool bad = m && !m->errors.empty();
  const std::string id = "f-" + name;
  std::string describe = (m ? " aria-describedby=\"" + id + "-loi\"" : std::string()) + (bad ? " aria-invalid=\"true\"" : "");
  std::string out = "<div class=\"field" + std::string(bad ? " has-error" : "") + "\" data-field=\"" + name + "\">";
  out += "<label for=\"" + id + "\">" + esc(label) + "</label>";
  if (!hint.empty()) out += "<small>" + esc(hint) + "</small>";
  if (kind == "select") {
    out += "<select id=\"" + id + "\" name=\"" + name + "\"" + describe + "><option value=\"\"></option>";
    for (const auto& [key, text] : choices) {
      out += "<option value=\"" + esc(key) + "\"" + (key == value ? " selected" : "") + ">" + esc(text) + "</option>";
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

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 8; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 8) out += " và " + std::to_string(names.size() - 8) + " đơn vị khác";
  return out;
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
  if (p.knows_published) {
    body += "<section class=\"unpublished\"><h2>Chưa công bố</h2>";
    if (p.published.empty()) body += "<p>Trang chưa được công bố lần nào.</p>";
    else if (p.unpublished.empty()) body += "<p>Mọi thay đổi đã được công bố (bản " + esc(p.published.substr(0, 7)) + ").</p>";
    else {
      body += "<p>So với bản đang chạy (" + esc(p.published.substr(0, 7)) + "), các tệp này đã đổi:</p><ul>";
      for (const auto& f : p.unpublished) body += "<li>" + esc(f) + "</li>";
      body += "</ul>";
    }
    if (p.can_publish) body += "<p><a class=\"button\" href=\"/xuat-ban\">Xuất bản: xem thay đổi và công bố</a></p>";
    body += "</section>\n";
  }
  if (!p.due.empty()) {
    body += "<section class=\"due\" aria-labelledby=\"han-thi-dua\"><h2 id=\"han-thi-dua\">Hạn thi đua</h2><ul>";
    for (const DueItem& d : p.due) {
      const bool over = d.days < 0;
      body += "<li class=\"" + std::string(over ? "overdue" : "upcoming") + "\"><b>" + esc(d.date) + "</b> " +
              (over ? "<span class=\"tag\">Quá hạn " + std::to_string(-d.days) + " ngày</span> "
                    : "<span>còn " + std::to_string(d.days) + " ngày</span> ") +
              esc(d.what) + " năm " + std::to_string(d.year) + " – " + esc(d.campaign);
      if (!d.missing.empty()) {
        body += ": <a href=\"/thi-dua/ket-qua?tep=" + esc(d.campaign_id) + "&amp;nam=" + std::to_string(d.year) + "\">" +
                std::to_string(d.missing.size()) + " đơn vị chưa thực hiện</a> <small>(" + esc(join_names(d.missing)) + ")</small>";
      }
      body += "</li>";
    }
    body += "</ul></section>\n";
  }
  body += "<div class=\"columns\"><section><h2>Tất cả văn bản</h2><ul class=\"docs\">";
  for (const auto& d : p.docs) {
    body += "<li><a href=\"/sua?tep=" + esc(d.file) + "\">" + (d.number.empty() ? "" : "<b>" + esc(d.number) + "</b> ") +
            esc(d.title) + "</a> <span class=\"date\">" + esc(d.date) + "</span></li>";
  }
  body += "</ul><h2>Mô hình, điển hình tiên tiến</h2><p><a class=\"button\" href=\"/mo-hinh/moi\">Mô hình mới</a></p><ul class=\"docs\">";
  for (const auto& d : p.models) body += "<li><a href=\"/sua-mo-hinh?tep=" + esc(d.file) + "\">" + esc(d.title) + "</a></li>";
  body += "</ul><h2>Trang</h2><p><a class=\"button\" href=\"/trang/moi\">Trang mới</a></p><ul class=\"docs\">";
  for (const auto& d : p.pages) body += "<li><a href=\"/sua-trang?tep=" + esc(d.file) + "\">" + esc(d.title) + "</a></li>";
  body += "</ul></section><section><h2>Thay đổi gần đây</h2><ol class=\"recent\">";
  for (const auto& c : p.recent) {
    body += "<li><span class=\"date\">" + esc(c.date) + "</span> <b>" + esc(c.author) + "</b>: " + esc(c.subject) + "</li>";
  }
  return shell("Văn bản", body + "</ol></section></div>", p.writer, p.csrf);
}

std::string versions_page(const VersionsPage& p) {
  const bool model = p.file.rfind("content/mo-hinh/", 0) == 0, document = p.file.rfind("content/van-ban/", 0) == 0;
  std::string body = "<h1>Các phiên bản: " + esc(p.title) + "</h1>\n<p><a href=\"/" +
                     (model ? "sua-mo-hinh" : document ? "sua" : "sua-trang") + "?tep=" + esc(p.file) + "\">Quay lại " +
                     (model ? "mô hình" : document ? "văn bản" : "trang") + "</a></p>\n";
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

namespace {

// What the last save said: saved, not saved (with why), or changed by another.
std::string notices_html(const FormPage& p) {
  std::string out;
  if (!p.saved.empty()) out += "<p class=\"notice ok\" role=\"status\">" + esc(p.saved) + "</p>\n";
  if (!p.general.empty()) {
    out += "<div class=\"notice error\" role=\"alert\"><p>Chưa lưu vào kho: còn lỗi.</p><ul>";
    for (const auto& g : p.general) out += "<li>" + esc(g) + "</li>";
    out += "</ul></div>\n";
  }
  if (!p.imported.empty()) {
    out += "<div class=\"notice ok\" role=\"status\"><p>Đã đọc tệp " + esc(p.imported) +
           ". Các ô dưới đây được điền từ thể thức của nó: hãy xem lại, bổ sung chỗ còn thiếu rồi bấm Lưu. "
           "Khi lưu, tệp này được đăng kèm làm văn bản gốc.</p><ul>";
    for (const auto& line : p.import_summary) out += "<li>" + esc(line) + "</li>";
    out += "</ul></div>\n";
  }
  if (!p.conflict.empty()) {
    out += "<div class=\"notice error\" role=\"alert\"><p>Tệp này đã được người khác sửa và lưu sau khi bạn mở nó. "
           "Bản của họ ở dưới; bản của bạn vẫn ở trong ô. Hãy gộp lại rồi lưu.</p><pre class=\"theirs\">" +
           esc(p.conflict) + "</pre></div>\n";
  }
  return out;
}

// Every form is multipart: cpp-httplib (Debian 0.11) takes at most 8 kB as a urlencoded body.
std::string form_start(const FormPage& p, const std::string& action, const std::string& kind) {
  return "<form method=\"post\" action=\"" + action + "\" class=\"doc\" novalidate data-kind=\"" + kind + "\"" +
         " enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"loai\" value=\"" + kind +
         "\"><input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.csrf) +
         "\"><input type=\"hidden\" name=\"tep\" value=\"" + esc(p.file) + "\"><input type=\"hidden\" name=\"opened\" value=\"" +
         esc(p.opened) + "\">" +
         (p.original.empty() ? std::string() : "<input type=\"hidden\" name=\"goc\" value=\"" + esc(p.original) +
                                                   "\"><input type=\"hidden\" name=\"goc-ten\" value=\"" + esc(p.imported) + "\">") +
         "\n";
}

// The body with its toolbar and congbo's preview; the commit message; Lưu.
std::string form_end(const FormPage& p, const std::string& body) {
  std::string out = "<div class=\"editor\"><div class=\"tabs\" role=\"tablist\"><button type=\"button\" role=\"tab\" "
                    "data-tab=\"write\" aria-selected=\"true\">Soạn</button><button type=\"button\" role=\"tab\" data-tab=\"preview\" "
                    "aria-selected=\"false\">Xem trước</button></div>" + toolbar() +
                    field_html(p.fields, "body", "Nội dung", body, "body") +
                    "<section class=\"preview\" aria-live=\"polite\" aria-label=\"Xem trước\" id=\"xem-truoc\"></section></div>\n";
  out += field_html(p.fields, "message", "Nội dung thay đổi", p.message, "required", {}, "bạn đã thay đổi gì, bằng lời của bạn (bắt buộc)");
  out += "<p><button type=\"submit\" class=\"save\">Lưu</button> <button type=\"submit\" class=\"secondary\" "
         "formaction=\"/xem-trang\" formtarget=\"_blank\">Xem như trên trang</button> <a href=\"/\">Quay lại danh sách</a>" +
         (p.file.empty() ? std::string() : " · <a href=\"/phien-ban?tep=" + esc(p.file) + "\">Các phiên bản, gỡ</a>") + "</p></form>";
  return out;
}

}  // namespace

std::string form_page(const FormPage& p, const SiteConfig& config) {
  const DocumentForm& f = p.form;
  Choices kinds(config.kinds.begin(), config.kinds.end()), issuers;
  for (const auto& i : config.issuers) issuers.emplace_back(i.key, i.name);
  auto field = [&](const std::string& name, const std::string& value, const std::string& kind, const Choices& choices = {},
                   const std::string& hint = "") {
    return field_html(p.fields, name, document_field_label(name), value, kind, choices, hint);
  };
  // A relation: its numbers, one per line, and a search that adds one.
  auto relation = [&](const std::string& name, const std::string& value) {
    const std::string label = document_field_label(name);
    return field(name, value, "textarea", {}, "số văn bản, mỗi văn bản một dòng, ví dụ 20-KH/ĐUK") +
           "<div class=\"field find\"><label for=\"tim-" + name + "\">Tìm văn bản để thêm vào " + esc(label) +
           "</label><input id=\"tim-" + name + "\" list=\"van-ban-tim-duoc\" data-add-to=\"f-" + name +
           "\" placeholder=\"gõ số hoặc trích yếu\" autocomplete=\"off\"></div>";
  };
  std::string body = "<h1>" + std::string(p.file.empty() ? "Văn bản mới" : "Sửa văn bản") + "</h1>\n" + notices_html(p);
  if (p.file.empty()) {
    body += "<form method=\"post\" action=\"/nhap\" enctype=\"multipart/form-data\" class=\"import\"><input type=\"hidden\" "
            "name=\"csrf\" value=\"" + esc(p.csrf) + "\"><div class=\"field\"><label for=\"f-nhap\">Nhập từ tệp có sẵn</label>"
            "<input id=\"f-nhap\" type=\"file\" name=\"nhap\" accept=\".docx,.odt,.pdf,.txt,.md\"><p class=\"hint\">Word (.docx, .odt), "
            "PDF có chữ hoặc tệp chữ: các ô được điền từ thể thức văn bản để bạn xem lại; chưa lưu gì.</p></div>"
            "<button type=\"submit\" class=\"secondary\">Đọc tệp</button></form>\n";
  }
  body += form_start(p, "/luu", "van-ban");
  body += "<div class=\"meta\">" + field("title", f.title, "") + field("number", f.number, "") +
          field("kind", f.kind, "select", kinds) + field("issuer", f.issuer, "select", issuers) +
          field("date", f.date, "inputmode=\"numeric\" placeholder=\"dd/mm/yyyy\"", {}, "ngày/tháng/năm, ví dụ 21/10/2020") +
          field("effective", f.effective, "inputmode=\"numeric\" placeholder=\"dd/mm/yyyy\"", {},
                "không bắt buộc; để trống là có hiệu lực từ ngày ban hành") +
          field("expires", f.expires, "inputmode=\"numeric\" placeholder=\"dd/mm/yyyy\"", {},
                "không bắt buộc; ngày văn bản thôi áp dụng") +
          field("place", f.place, "") + field("authority", f.authority, "") + field("signer_role", f.signer_role, "") +
          field("signer", f.signer, "") + field("recipients", f.recipients, "textarea", {}, "mỗi nơi một dòng") +
          field("fields", f.fields, "textarea", {}, "mỗi lĩnh vực một dòng") +
          relation("based_on", f.based_on) + relation("replaces", f.replaces) + relation("amends", f.amends) + "</div>\n"
          "<datalist id=\"van-ban-tim-duoc\"></datalist>\n";
  body += form_end(p, f.body);
  return shell(p.file.empty() ? "Văn bản mới" : "Sửa văn bản", body, p.writer, p.csrf);
}

std::string model_page(const ModelPage& p) {
  const ModelForm& f = p.form;
  auto field = [&](const std::string& name, const std::string& value, const std::string& kind, const Choices& choices = {},
                   const std::string& hint = "") {
    return field_html(p.page.fields, name, model_field_label(name), value, kind, choices, hint);
  };
  std::string body = "<h1>" + std::string(p.page.file.empty() ? "Mô hình mới" : "Sửa mô hình") + "</h1>\n" + notices_html(p.page);
  body += form_start(p.page, "/luu-mo-hinh", "mo-hinh");
  body += "<div class=\"meta\">" + field("title", f.title, "") + field("unit", f.unit, "select", p.units) +
          field("year", f.year, "inputmode=\"numeric\"") + field("category", f.category, "", {}, "ví dụ: Dân vận khéo") +
          field("plan", f.plan, "", {}, "số kế hoạch, ví dụ 51-KH/ĐUK") +
          field("date", f.date, "inputmode=\"numeric\" placeholder=\"dd/mm/yyyy\"", {}, "ngày/tháng/năm (không bắt buộc)") + "</div>\n";
  body += "<fieldset class=\"images\"><legend>Ảnh</legend>";
  for (size_t i = 0; i < f.images.size(); ++i) {
    const std::string n = std::to_string(i);
    body += "<div class=\"image\"><input type=\"hidden\" name=\"image-src-" + n + "\" value=\"" + esc(f.images[i].src) + "\">"
            "<p class=\"src\">" + esc(f.images[i].src) + "</p>" +
            field_html(p.page.fields, "image-" + n, "Mô tả ảnh (cho người khiếm thị, bắt buộc)", f.images[i].alt, "") +
            field_html(p.page.fields, "caption-" + n, "Chú thích ảnh", f.images[i].caption, "") + "</div>";
  }
  body += "<div class=\"image new\"><div class=\"field\"><label for=\"f-upload\">Thêm ảnh</label><small>JPEG, PNG, GIF hoặc WebP, "
          "tối đa 5 MB</small><input id=\"f-upload\" name=\"upload\" type=\"file\" accept=\"image/jpeg,image/png,image/gif,image/webp\"></div>" +
          field_html(p.page.fields, "upload-alt", "Mô tả ảnh mới (cho người khiếm thị, bắt buộc)", p.upload_alt, "") +
          field_html(p.page.fields, "upload-caption", "Chú thích ảnh mới", p.upload_caption, "") + "</div></fieldset>\n";
  body += form_end(p.page, f.body);
  return shell(p.page.file.empty() ? "Mô hình mới" : "Sửa mô hình", body, p.page.writer, p.page.csrf);
}

std::string plain_page(const PlainPage& p) {
  std::string body = "<h1>" + std::string(p.page.file.empty() ? "Trang mới" : "Sửa trang") + "</h1>\n" + notices_html(p.page);
  body += form_start(p.page, "/luu-trang", "trang");
  body += "<div class=\"meta\">" + field_html(p.page.fields, "title", "Tiêu đề", p.form.title, "") +
          field_html(p.page.fields, "description", "Mô tả ngắn", p.form.description, "", {},
                     "một câu hiện trong danh sách và khi chia sẻ (không bắt buộc)") + "</div>\n";
  body += form_end(p.page, p.form.body);
  return shell(p.page.file.empty() ? "Trang mới" : "Sửa trang", body, p.page.writer, p.page.csrf);
}

std::string desk_shell(const std::string& title, const std::string& body, const std::string& writer, const std::string& csrf) {
  return shell(title, body, writer, csrf);
}

std::string desk_notices(const FormPage& page) { return notices_html(page); }

}  // namespace congbo

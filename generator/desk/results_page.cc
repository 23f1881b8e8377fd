// results_page.cc: a campaign year's grid, as HTML.
#include "results_page.h"

#include "results_form.h"
#include "text.h"

namespace congbo {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

std::string messages_html(const GridRow& r) {
  std::string out = "<ul class=\"field-messages\" data-messages-for=\"" + esc(r.unit) + "\">";
  for (const auto& e : r.messages.errors) out += "<li class=\"error\">Lỗi: " + esc(e) + "</li>";
  for (const auto& w : r.messages.warnings) out += "<li class=\"warning\">Cảnh báo: " + esc(w) + "</li>";
  return out + "</ul>";
}

std::string box(const std::string& name, bool on, const std::string& label) {
  return "<td><input type=\"checkbox\" name=\"" + esc(name) + "\" value=\"1\"" + (on ? " checked" : "") +
         " aria-label=\"" + esc(label) + "\"></td>";
}

std::string text_cell(const std::string& name, const std::string& value, const std::string& label, const std::string& extra) {
  return "<td><input name=\"" + esc(name) + "\" value=\"" + esc(value) + "\" aria-label=\"" + esc(label) + "\"" + extra + "></td>";
}

std::string row_html(const GridPage& p, const GridRow& r) {
  const bool bad = !r.messages.errors.empty();
  std::string out = "<tr data-unit=\"" + esc(r.unit) + "\" class=\"depth-" + std::to_string(r.depth) + (bad ? " has-error" : "") +
                    "\"><th scope=\"row\">" + esc(r.name) + "<small>" + esc(r.type) + "</small>";
  if (r.listed) out += "<input type=\"hidden\" name=\"" + esc(GridNames::listed(r.unit)) + "\" value=\"1\">";
  out += messages_html(r) + "</th>";
  out += box(GridNames::registered(r.unit), r.registered, r.name + ": đăng ký");
  out += text_cell(GridNames::registered_on(r.unit), r.registered_on, r.name + ": ngày đăng ký", " inputmode=\"numeric\" size=\"9\" class=\"day\"");
  if (p.pilots) out += box(GridNames::pilot(r.unit), r.pilot, r.name + ": làm điểm");
  for (size_t i = 0; i < p.criteria.size(); ++i) {
    out += box(GridNames::met(r.unit, p.criteria[i].first), r.met[i], r.name + ": " + p.criteria[i].second);
  }
  for (size_t i = 0; i < p.counts.size(); ++i) {
    out += text_cell(GridNames::count(r.unit, p.counts[i].first), r.counts[i], r.name + ": " + p.counts[i].second,
                     " inputmode=\"numeric\" size=\"4\" class=\"count\"");
  }
  if (p.scored) out += text_cell(GridNames::score(r.unit), r.score, r.name + ": điểm", " inputmode=\"decimal\" size=\"4\"");
  out += text_cell(GridNames::reported_on(r.unit), r.reported_on, r.name + ": ngày báo cáo", " inputmode=\"numeric\" size=\"9\" class=\"day\"");
  out += "<td class=\"grade\"><output data-grade-for=\"" + esc(r.unit) + "\">" + esc(r.grade) + "</output><small data-why-for=\"" +
         esc(r.unit) + "\">" + esc(r.explanation) + "</small></td>";
  out += "<td><select name=\"" + esc(GridNames::decided(r.unit)) + "\" aria-label=\"" + esc(r.name + ": cấp ủy quyết định") +
         "\"><option value=\"\">Theo quy tắc</option>";
  for (const auto& [id, name] : p.grades) {
    out += "<option value=\"" + esc(id) + "\"" + (id == r.decided ? " selected" : "") + ">" + esc(name) + "</option>";
  }
  out += "</select></td>";
  out += text_cell(GridNames::reason(r.unit), r.reason, r.name + ": lý do cấp ủy quyết định", "");
  out += text_cell(GridNames::note(r.unit), r.note, r.name + ": ghi chú", "");
  return out + "</tr>\n";
}

std::string summary_html(const GridPage& p) {
  std::string out = "<section id=\"tong-hop\" aria-live=\"polite\"><h2>Tổng hợp</h2><ul>";
  for (const auto& line : p.summary) {
    out += "<li" + std::string(line.met == 1 ? " class=\"target met\"" : line.met == 0 ? " class=\"target missed\"" : "") + ">" +
           esc(line.text) + "</li>";
  }
  return out + "</ul></section>\n";
}

std::string head_html(const GridPage& p) {
  std::string out = "<thead><tr><th scope=\"col\">Đơn vị</th><th scope=\"col\">Đăng ký</th><th scope=\"col\">Ngày đăng ký</th>";
  if (p.pilots) out += "<th scope=\"col\">Làm điểm</th>";
  for (const auto& [id, name] : p.criteria) out += "<th scope=\"col\">" + esc(name) + "</th>";
  for (const auto& [id, name] : p.counts) out += "<th scope=\"col\">" + esc(upper_first(name)) + "</th>";
  if (p.scored) out += "<th scope=\"col\">Điểm</th>";
  return out + "<th scope=\"col\">Ngày báo cáo</th><th scope=\"col\">Xếp loại theo quy tắc</th><th scope=\"col\">Cấp ủy quyết định</th>"
               "<th scope=\"col\">Lý do quyết định</th><th scope=\"col\">Ghi chú</th></tr></thead>\n";
}

}  // namespace

std::string grid_page(const GridPage& p) {
  const std::string year = std::to_string(p.year);
  std::string units;
  for (const auto& r : p.rows) units += (units.empty() ? "" : " ") + r.unit;
  std::string body = "<p><a href=\"/thi-dua\">Các phong trào thi đua</a></p>\n<h1>Kết quả năm " + year + "</h1>\n<p class=\"lead\">" +
                     esc(p.campaign_name) + "</p>\n" + desk_notices(p.page);
  body += "<form method=\"post\" action=\"/thi-dua/luu\" id=\"luoi\" class=\"grid-form\" enctype=\"multipart/form-data\" novalidate>"
          "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.page.csrf) + "\"><input type=\"hidden\" name=\"tep\" value=\"" +
          esc(p.campaign) + "\"><input type=\"hidden\" name=\"nam\" value=\"" + year + "\"><input type=\"hidden\" name=\"opened\" value=\"" +
          esc(p.page.opened) + "\"><input type=\"hidden\" name=\"don-vi\" value=\"" + esc(units) + "\">\n";
  const auto date_messages = p.page.fields.find("ngay");
  body += "<div class=\"field\"><label for=\"f-ngay\">Ngày công bố kết quả</label><small>ngày/tháng/năm; để trống nếu chưa công bố</small>"
          "<input id=\"f-ngay\" name=\"ngay\" value=\"" + esc(p.date) + "\" inputmode=\"numeric\">";
  if (date_messages != p.page.fields.end()) {
    for (const auto& e : date_messages->second.errors) body += "<p class=\"error\">Lỗi: " + esc(e) + "</p>";
  }
  body += "</div>\n" + summary_html(p);
  body += "<p class=\"hint\" id=\"dan-huong-dan\">Đánh dấu tiêu chí mỗi đơn vị đạt; xếp loại được tính ngay theo quy tắc của phong trào. "
          "Có thể dán từ bảng tính: sao chép các dòng (cột đầu là tên đơn vị, rồi đăng ký và từng tiêu chí ghi “x” hoặc “Đạt”" +
          std::string(p.counts.empty() ? "" : ", rồi từng số liệu") + "), bấm vào bảng rồi nhấn Ctrl+V.</p>\n"
          "<p class=\"file-pick\"><label for=\"nhap-csv\">Hoặc nhập từ tệp CSV (cùng các cột với tệp CSV tải về từ trang kết quả):</label> "
          "<input type=\"file\" id=\"nhap-csv\" accept=\".csv,.tsv,.txt,text/csv,text/tab-separated-values\"></p>\n"
          "<p id=\"dan-ket-qua\" role=\"status\"></p>\n";
  body += "<div class=\"grid-wrap\" tabindex=\"0\" aria-describedby=\"dan-huong-dan\"><table class=\"grid\">" + head_html(p) + "<tbody>\n";
  for (const auto& r : p.rows) body += row_html(p, r);
  body += "</tbody></table></div>\n";
  const auto m = p.page.fields.find("message");
  body += "<div class=\"field\"><label for=\"f-message\">Nội dung thay đổi</label><small>một câu: bạn đã nhập hay sửa gì</small>"
          "<input id=\"f-message\" name=\"message\" value=\"" + esc(p.page.message) + "\">";
  if (m != p.page.fields.end()) {
    for (const auto& e : m->second.errors) body += "<p class=\"error\">Lỗi: " + esc(e) + "</p>";
  }
  body += "</div>\n<p><button type=\"submit\">Lưu kết quả</button></p></form>\n<script src=\"/_soan/thi-dua.js\" defer></script>\n";
  return desk_shell("Kết quả " + year, body, p.page.writer, p.page.csrf);
}

std::string campaigns_page(const std::vector<CampaignYearItem>& items, const std::string& writer, const std::string& csrf) {
  std::string body = "<p><a href=\"/\">Văn bản</a></p>\n<h1>Phong trào thi đua</h1>\n";
  for (const auto& c : items) {
    body += "<section class=\"campaign\"><h2>" + esc(c.name) + "</h2><ul class=\"years\">";
    int last = 0;
    for (int y : c.years) {
      body += "<li><a href=\"/thi-dua/ket-qua?tep=" + esc(c.campaign) + "&amp;nam=" + std::to_string(y) + "\">Năm " +
              std::to_string(y) + "</a></li>";
      last = std::max(last, y);
    }
    body += "</ul><form method=\"get\" action=\"/thi-dua/ket-qua\" class=\"new-year\"><input type=\"hidden\" name=\"tep\" value=\"" +
            esc(c.campaign) + "\"><label>Năm mới <input name=\"nam\" inputmode=\"numeric\" size=\"5\" value=\"" +
            (last ? std::to_string(last + 1) : std::string()) + "\"></label> <button type=\"submit\">Nhập kết quả</button></form></section>\n";
  }
  if (items.empty()) body += "<p>Chưa có phong trào nào trong content/thi-dua/.</p>";
  return desk_shell("Phong trào thi đua", body, writer, csrf);
}

}  // namespace congbo

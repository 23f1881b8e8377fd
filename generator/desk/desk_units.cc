// desk_units.cc: the units of content/don-vi.toml at the desk — a table to
// edit each unit's name, type, sector, parent and description and to add new
// ones (three blank rows at the end), saved like every desk file: written,
// the whole site checked as the CLI checks it (messages on their rows),
// committed in the writer's name only without errors.
#include <regex>

#include "desk_context.h"
#include "git_commit.h"
#include "text.h"
#include "toml_blocks.h"
#include "units_form.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr const char* kUnitsFile = "content/don-vi.toml";
constexpr int kBlankRows = 3;

std::string esc(const std::string& s) { return html_escape(s); }

std::string choice(const std::string& name, const std::string& label, const std::string& value,
                   const std::vector<std::string>& options) {
  std::string out = "<td><select name=\"" + esc(name) + "\" aria-label=\"" + esc(label) + "\"><option value=\"\"></option>";
  bool found = value.empty();
  for (const auto& o : options) {
    found = found || o == value;
    out += "<option value=\"" + esc(o) + "\"" + (o == value ? " selected" : "") + ">" + esc(o) + "</option>";
  }
  if (!found) out += "<option value=\"" + esc(value) + "\" selected>" + esc(value) + "</option>";  // as the file has it
  return out + "</select></td>";
}

std::string input(const std::string& name, const std::string& label, const std::string& value) {
  return "<td><input name=\"" + esc(name) + "\" value=\"" + esc(value) + "\" aria-label=\"" + esc(label) + "\"></td>";
}

// Where a unit is still named, as "content/thi-dua/x.toml:12": its cells
// (parent), results, decisions' recipients and models (unit = "ID"). A unit
// named anywhere is not removed: the years it was in would lose it.
std::vector<std::string> unit_references(const DeskContext& cx, const Units& units, const std::vector<UnitRow>& rows,
                                         const std::string& id) {
  std::vector<std::string> out;
  for (const Unit& u : units.all()) {
    const bool going = std::any_of(rows.begin(), rows.end(), [&](const UnitRow& r) { return r.remove && r.key == u.id; });
    if (u.parent == id && !going) out.push_back(std::string(kUnitsFile) + ":" + std::to_string(u.line) + " (" + u.name + ")");
  }
  std::string literal;
  for (char c : id) literal += std::isalnum(static_cast<unsigned char>(c)) ? std::string(1, c) : std::string("\\") + c;
  const std::regex named("\\bunit\\s*=\\s*\"" + literal + "\"");
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(cx.options.site_dir / "content", ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (ec || !it->is_regular_file() || (ext != ".toml" && ext != ".md")) continue;
    const std::vector<std::string> lines = file_lines(read_bytes(it->path()).value_or(""));
    for (size_t n = 0; n < lines.size(); ++n) {
      if (std::regex_search(lines[n], named)) {
        out.push_back(fs::relative(it->path(), cx.options.site_dir).generic_string() + ":" + std::to_string(n + 1));
      }
    }
  }
  return out;
}

// A removal refused on its row when the unit is still named somewhere.
void refuse_named_removals(const DeskContext& cx, const Units& units, const std::vector<UnitRow>& rows,
                           std::map<std::string, FieldMessages>* said) {
  for (const UnitRow& r : rows) {
    if (!r.remove) continue;
    const auto refs = unit_references(cx, units, rows, r.key);
    if (refs.empty()) continue;
    std::string where;
    for (size_t i = 0; i < refs.size() && i < 5; ++i) where += (i ? ", " : "") + refs[i];
    if (refs.size() > 5) where += " và " + std::to_string(refs.size() - 5) + " chỗ khác";
    (*said)[r.key].errors.push_back("không xóa được: đơn vị này còn được nhắc ở " + where +
                                    ". Đơn vị đã giải thể hay sáp nhập vẫn giữ lại để kết quả các năm trước còn đúng; "
                                    "ghi điều đó vào mô tả");
  }
}

std::string table_html(const Units& units, const std::vector<UnitRow>& rows, const std::map<std::string, FieldMessages>& said) {
  std::vector<std::string> types{"đảng bộ cơ sở", "chi bộ cơ sở", "chi bộ trực thuộc"}, sectors, parents{""};
  for (const auto& s : unit_sectors()) sectors.push_back(to_lower(s));
  for (const Unit& u : units.all()) {
    if (u.type == UnitType::PartyCommittee) parents.push_back(u.id);
  }
  std::string keys, body;
  for (const UnitRow& r : rows) {
    keys += (keys.empty() ? "" : " ") + r.key;
    const bool fresh = !units.find(r.key);
    const std::string who = fresh ? "Đơn vị mới" : r.name;
    auto m = said.find(r.key);
    const bool bad = m != said.end() && !m->second.errors.empty();
    body += "<tr data-unit=\"" + esc(r.key) + "\"" + (bad ? " class=\"has-error\"" : "") + ">";
    body += fresh ? input(unit_field("id", r.key), who + ": mã đơn vị", r.id) : "<td><code>" + esc(r.id) + "</code></td>";
    body += input(unit_field("ten", r.key), who + ": tên", r.name) + choice(unit_field("loai", r.key), who + ": loại", r.type, types) +
            choice(unit_field("khoi", r.key), who + ": khối", r.sector, sectors) +
            choice(unit_field("cap-tren", r.key), who + ": đảng bộ cấp trên", r.parent, parents) +
            input(unit_field("mo-ta", r.key), who + ": mô tả", r.description);
    body += fresh ? "<td></td>" : "<td><input type=\"checkbox\" name=\"" + esc(unit_field("xoa", r.key)) + "\" value=\"1\"" +
                                      (r.remove ? " checked" : "") + " aria-label=\"" + esc(who + ": xóa") + "\"></td>";
    body += "<td><ul class=\"field-messages\">";
    if (m != said.end()) {
      for (const auto& e : m->second.errors) body += "<li class=\"error\">Lỗi: " + esc(e) + "</li>";
      for (const auto& w : m->second.warnings) body += "<li class=\"warning\">Cảnh báo: " + esc(w) + "</li>";
    }
    body += "</ul></td></tr>\n";
  }
  return "<input type=\"hidden\" name=\"hang\" value=\"" + esc(keys) + "\"><div class=\"grid-wrap\"><table class=\"grid units\"><thead><tr>"
         "<th>Mã</th><th>Tên</th><th>Loại</th><th>Khối</th><th>Đảng bộ cấp trên (chi bộ trực thuộc)</th><th>Mô tả</th><th>Xóa</th><th></th>"
         "</tr></thead><tbody>\n" + body + "</tbody></table></div>\n";
}

std::string units_page(const Writer& w, const FormPage& page, const Units& units, const std::vector<UnitRow>& rows,
                       const std::map<std::string, FieldMessages>& said) {
  std::string body = "<p><a href=\"/thi-dua\">Thi đua</a></p><h1>Đơn vị</h1>\n" + desk_notices(page) +
                     "<p class=\"hint\">Mỗi dòng một đơn vị. Mã của đơn vị đã có không sửa ở đây (kết quả thi đua, khen thưởng, "
                     "mô hình gọi đơn vị bằng mã). Thêm đơn vị mới ở các dòng trống cuối bảng: mã viết chữ thường không dấu, "
                     "nối bằng gạch ngang (ví dụ cb-thong-ke). Ô Xóa chỉ dùng cho đơn vị nhập nhầm: đơn vị còn được nhắc ở "
                     "kết quả, khen thưởng, mô hình hay là đảng bộ cấp trên của chi bộ nào thì không xóa được.</p>\n"
                     "<form method=\"post\" action=\"/don-vi/luu\" enctype=\"multipart/form-data\" novalidate>"
                     "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(w.session.csrf) + "\"><input type=\"hidden\" name=\"opened\" value=\"" +
                     esc(page.opened) + "\">" + table_html(units, rows, said);
  const auto m = page.fields.find("message");
  body += "<div class=\"field\"><label for=\"f-message\">Nội dung thay đổi</label><input id=\"f-message\" name=\"message\" value=\"" +
          esc(page.message) + "\">";
  if (m != page.fields.end()) {
    for (const auto& e : m->second.errors) body += "<p class=\"error\">Lỗi: " + esc(e) + "</p>";
  }
  body += "</div><p><button type=\"submit\">Lưu danh sách đơn vị</button></p></form>";
  return desk_shell("Đơn vị", body, w.account->name, w.session.csrf);
}

Units load_units(const std::string& text) {
  Diagnostics ignored;
  return Units::load(text, kUnitsFile, ignored);
}

std::vector<UnitRow> with_blanks(std::vector<UnitRow> rows, const Units& units) {
  int n = 0;
  for (int added = 0; added < kBlankRows; ++added) {
    std::string key;
    do key = "moi-" + std::to_string(++n);
    while (units.find(key) || std::any_of(rows.begin(), rows.end(), [&](const UnitRow& r) { return r.key == key; }));
    rows.push_back({key, "", "", "", "", "", ""});
  }
  return rows;
}

void show(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  const std::string text = read_bytes(cx.options.site_dir / kUnitsFile).value_or("");
  const Units units = load_units(text);
  std::vector<UnitRow> rows;
  for (const Unit& u : units.all()) rows.push_back(unit_row(u));
  FormPage page;
  page.opened = blob_id(text);
  page.saved = cx.sessions.take_notice(w->session.token);
  send_html(res, units_page(*w, page, units, with_blanks(rows, units), {}));
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  FormPage page;
  page.file = kUnitsFile;
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  std::lock_guard<std::mutex> lock(cx.saving);
  const std::string text = read_bytes(cx.options.site_dir / kUnitsFile).value_or("");
  const Units units = load_units(text);
  const std::vector<UnitRow> rows = read_units_table([&req](const std::string& n) { return form_value(req, n); }, units);
  std::map<std::string, FieldMessages> said;
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã thêm hay sửa gì");
  refuse_named_removals(cx, units, rows, &said);  // before anything is written
  WrittenDocument doc;
  std::map<int, std::string> lines;
  doc.text = with_units(text, units, rows, &lines);
  doc.body_line = 1 << 30;  // no body: every line is a row or nothing
  for (const auto& [line, key] : lines) doc.field_at_line[line] = key;
  std::string commit;
  Saved saved = Saved::Mistakes;
  if (page.fields.empty() && said.empty()) saved = save_file(cx, *w, page, doc, {}, &commit);
  if (saved == Saved::Committed) {
    cx.sessions.tell(w->session.token, "Đã lưu danh sách đơn vị (lần lưu " + commit.substr(0, 7) + ").");
    return send_redirect(res, "/don-vi");
  }
  for (const auto& [key, m] : page.fields) {
    if (key != "message") said[key] = m;
  }
  answer_save(cx, *w, res, saved, page, commit, units_page(*w, page, units, with_blanks(rows, units), said));
}

}  // namespace

void unit_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/don-vi", [&cx](const httplib::Request& q, httplib::Response& r) { show(cx, q, r); });
  server.Post("/don-vi/luu", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
}

}  // namespace congbo

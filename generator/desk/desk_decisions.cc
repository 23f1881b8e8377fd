// desk_decisions.cc: commendation decisions at the desk — their form, with
// recipients chosen from the units (or a person with role and unit),
// checked as the writer fills it against the campaign's quota and its
// "years running" standard by the build's own Decision::check (the row
// that breaks a rule is marked), and saved like every desk file.
#include "commendation.h"
#include "decision_form.h"
#include "desk_context.h"
#include "git_commit.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr const char* kFolder = "content/khen-thuong/";
constexpr int kBlankRows = 5;

std::string esc(const std::string& s) { return html_escape(s); }

// content/khen-thuong/ID.toml for an id a request names; "" when it is not one.
std::string decision_path(const DeskContext& cx, const std::string& id) { return named_data_file(cx, kFolder, id); }

struct World {
  std::optional<SiteConfig> config;
  Units units;
  std::vector<Campaign> campaigns;  ///< graded
};

World world(const DeskContext& cx) {
  World w;
  Diagnostics ignored;
  w.config = site_config(cx, ignored);
  w.units = site_units(cx, ignored);
  w.campaigns = site_campaigns(cx, ignored);
  for (Campaign& c : w.campaigns) c.grade(w.units, ignored);
  return w;
}

struct Checked {
  std::string text;
  std::map<int, int> rows;                   ///< line → recipient row
  std::map<int, FieldMessages> row_messages;  ///< by row
  std::vector<std::string> general, summary;
};

// The decision as it would be written, read and checked as the build checks it.
Checked check_form(const World& w, const std::string& rel, const DecisionForm& f, const std::string& old) {
  Checked c;
  c.text = write_decision(f, old, &c.rows);
  Diagnostics diags;
  if (w.config) {
    if (auto d = Decision::load(c.text, rel, *w.config, diags)) {
      d->check(w.units, w.campaigns, diags);
      auto camp = std::find_if(w.campaigns.begin(), w.campaigns.end(), [&](const Campaign& x) { return x.id == d->campaign; });
      if (camp != w.campaigns.end() && camp->rules.commendation.quota) {
        int registered = 0;
        if (const YearResults* y = camp->year(d->year)) {
          for (const UnitResult& u : y->units) registered += u.registered ? 1 : 0;
        }
        const int64_t limit = camp->rules.commendation.quota->limit(registered);
        c.summary.push_back("Khen " + std::to_string(d->collective_count()) + " tập thể; hạn mức " + camp->rules.commendation.quota->text +
                            " của " + std::to_string(registered) + " đơn vị đăng ký năm " + std::to_string(d->year) + " là " +
                            std::to_string(limit) + ".");
        int n = 0;  // the rows past the quota are the ones to look at
        for (size_t i = 0; i < f.recipients.size(); ++i) {
          if (f.recipients[i].name.empty() && ++n > limit) c.row_messages[static_cast<int>(i)].errors.push_back("vượt hạn mức khen thưởng");
        }
      }
    }
  }
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::Note) continue;
    auto row = c.rows.find(d.line);
    if (row == c.rows.end()) {
      if (d.severity == Severity::Error) c.general.push_back(d.format());
      continue;
    }
    (d.severity == Severity::Error ? c.row_messages[row->second].errors : c.row_messages[row->second].warnings).push_back(d.message);
  }
  return c;
}

std::string text_field(const std::string& name, const std::string& label, const std::string& value, const std::string& hint = "") {
  return "<div class=\"field\"><label for=\"f-" + name + "\">" + esc(label) + "</label>" + (hint.empty() ? "" : "<small>" + esc(hint) + "</small>") +
         "<input id=\"f-" + name + "\" name=\"" + name + "\" value=\"" + esc(value) + "\"></div>";
}

std::string select_field(const std::string& name, const std::string& label, const std::string& value,
                         const std::vector<std::pair<std::string, std::string>>& options) {
  std::string out = "<div class=\"field\"><label for=\"f-" + name + "\">" + esc(label) + "</label><select id=\"f-" + name + "\" name=\"" +
                    name + "\"><option value=\"\"></option>";
  for (const auto& [key, text] : options) out += "<option value=\"" + esc(key) + "\"" + (key == value ? " selected" : "") + ">" + esc(text) + "</option>";
  return out + "</select></div>";
}

std::string rows_html(const World& w, const DecisionForm& f, const Checked& c) {
  std::string out = "<div class=\"grid-wrap\"><table class=\"grid recipients\"><thead><tr><th>Đơn vị</th><th>Họ tên (cá nhân)</th>"
                    "<th>Chức vụ</th><th>Thành tích</th><th></th></tr></thead><tbody>\n";
  const size_t total = f.recipients.size() + kBlankRows;
  for (size_t i = 0; i < total; ++i) {
    const RecipientRow r = i < f.recipients.size() ? f.recipients[i] : RecipientRow{};
    const std::string p = "nhan-" + std::to_string(i + 1) + "-", who = "Dòng " + std::to_string(i + 1);
    auto m = c.row_messages.find(static_cast<int>(i));
    const bool bad = m != c.row_messages.end() && !m->second.errors.empty();
    out += "<tr data-row=\"" + std::to_string(i + 1) + "\"" + (bad ? " class=\"has-error\"" : "") + "><td><select name=\"" + p +
           "unit\" aria-label=\"" + who + ": đơn vị\"><option value=\"\"></option>";
    for (const Unit& u : w.units.all()) {
      out += "<option value=\"" + esc(u.id) + "\"" + (u.id == r.unit ? " selected" : "") + ">" + esc(u.name) + "</option>";
    }
    out += "</select></td>";
    for (const auto& [key, label, value] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"name", "họ tên", r.name}, {"role", "chức vụ", r.role}, {"achievement", "thành tích", r.achievement}}) {
      out += "<td><input name=\"" + p + key + "\" value=\"" + esc(value) + "\" aria-label=\"" + who + ": " + label + "\"></td>";
    }
    out += "<td><ul class=\"field-messages\" data-messages-for=\"" + std::to_string(i + 1) + "\">";
    if (m != c.row_messages.end()) {
      for (const auto& e : m->second.errors) out += "<li class=\"error\">Lỗi: " + esc(e) + "</li>";
      for (const auto& x : m->second.warnings) out += "<li class=\"warning\">Cảnh báo: " + esc(x) + "</li>";
    }
    out += "</ul></td></tr>\n";
  }
  return out + "</tbody></table></div><input type=\"hidden\" name=\"so-dong\" value=\"" + std::to_string(total) + "\">\n";
}

std::string decision_page(const Writer& wr, const World& w, FormPage& page, const std::string& id, const DecisionForm& f,
                          const Checked& c) {
  std::vector<std::pair<std::string, std::string>> issuers, campaigns;
  if (w.config) {
    for (const Issuer& i : w.config->issuers) issuers.emplace_back(i.key, i.name);
  }
  for (const Campaign& x : w.campaigns) campaigns.emplace_back(x.id, x.name);
  std::string body = "<p><a href=\"/khen-thuong\">Quyết định khen thưởng</a></p><h1>" +
                     std::string(id.empty() ? "Quyết định mới" : "Sửa quyết định") + "</h1>\n" + desk_notices(page);
  body += "<form method=\"post\" action=\"/khen-thuong/luu\" id=\"quyet-dinh\" enctype=\"multipart/form-data\" novalidate>"
          "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(wr.session.csrf) + "\"><input type=\"hidden\" name=\"tep\" value=\"" +
          esc(id) + "\"><input type=\"hidden\" name=\"opened\" value=\"" + esc(page.opened) + "\"><div class=\"meta\">";
  body += text_field("number", "Số quyết định", f.number, "ví dụ 215-QĐ/ĐUK") + text_field("date", "Ngày ký", f.date, "ngày/tháng/năm") +
          select_field("issuer", "Cơ quan ban hành", f.issuer, issuers) + text_field("form", "Hình thức", f.form, "Giấy khen, Bằng khen, Cờ thi đua…") +
          text_field("title", "Trích yếu", f.title) + select_field("campaign", "Phong trào thi đua", f.campaign, campaigns) +
          text_field("year", "Năm thi đua được khen", f.year) + text_field("plan", "Kế hoạch căn cứ", f.plan, "số văn bản hoặc van-ban/ten-tep") +
          "</div>\n<section id=\"kiem-tra\" aria-live=\"polite\"><h2>Đối chiếu quy định khen thưởng</h2><ul>";
  for (const auto& s : c.summary) body += "<li>" + esc(s) + "</li>";
  for (const auto& g : c.general) body += "<li class=\"error\">Lỗi: " + esc(g) + "</li>";
  body += "</ul></section>\n<h2>Danh sách được khen</h2>" + rows_html(w, f, c);
  body += "<div class=\"field\"><label for=\"f-message\">Nội dung thay đổi</label><input id=\"f-message\" name=\"message\" value=\"" +
          esc(page.message) + "\"></div><p><button type=\"submit\">Lưu quyết định</button></p></form>"
          "<script src=\"/_soan/thi-dua.js\" defer></script>";
  return desk_shell("Quyết định khen thưởng", body, wr.account->name, wr.session.csrf);
}

void list(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  std::string body = "<h1>Quyết định khen thưởng</h1><p><a class=\"button\" href=\"/khen-thuong/sua\">Quyết định mới</a></p><ul class=\"docs\">";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cx.options.site_dir / kFolder, ec)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Diagnostics ignored;
  const auto config = site_config(cx, ignored);  // a list needs the issuers, not the campaigns
  for (const fs::path& f : files) {
    const std::string id = f.stem().string();
    if (f.extension() != ".toml" || decision_path(cx, id).empty() || !config) continue;
    const auto d = Decision::load(read_bytes(f).value_or(""), kFolder + id + ".toml", *config, ignored);
    body += "<li><a href=\"/khen-thuong/sua?tep=" + esc(id) + "\">" + (d ? "<b>" + esc(d->number) + "</b> " + esc(d->title) : esc(id)) + "</a></li>";
  }
  send_html(res, desk_shell("Quyết định khen thưởng", body + "</ul>", w->account->name, w->session.csrf));
}

void edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  const std::string id = req.get_param_value("tep"), rel = id.empty() ? "" : decision_path(cx, id);
  if (!id.empty() && rel.empty()) return send_html(res, "<p>Không có quyết định này.</p>", 404);
  const World wd = world(cx);
  if (!wd.config) return send_html(res, "<p>site.toml không đọc được.</p>", 500);
  const std::string old = rel.empty() ? "" : read_bytes(cx.options.site_dir / rel).value_or("");
  DecisionForm f;
  Diagnostics ignored;
  if (!rel.empty()) {
    const auto d = Decision::load(old, rel, *wd.config, ignored);
    if (!d) return send_html(res, "<p>" + esc(rel) + " có lỗi cú pháp; hãy sửa tệp trước.</p>", 422);
    f = decision_form_from(*d, d->plan.text);
  } else {
    f.form = "Giấy khen";
  }
  FormPage page;
  page.opened = rel.empty() ? "" : blob_id(old);
  page.saved = cx.sessions.take_notice(w->session.token);
  const Checked c = check_form(wd, rel.empty() ? std::string(kFolder) + "moi.toml" : rel, f, old);
  send_html(res, decision_page(*w, wd, page, id, f, c));
}


// The checks as the form stands, for the page to mark rows while the writer fills it.
void check_live(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  const std::string id = form_value(req, "tep"), rel = id.empty() ? "" : decision_path(cx, id);
  if (!id.empty() && rel.empty()) return send_html(res, "<p>Không có quyết định này.</p>", 400);
  const DecisionForm f = read_decision_form([&req](const std::string& n) { return form_value(req, n); });
  const std::string old = rel.empty() ? "" : read_bytes(cx.options.site_dir / rel).value_or("");
  const Checked c = check_form(world(cx), rel.empty() ? std::string(kFolder) + "moi.toml" : rel, f, old);
  // Rows as the page numbers them (1-based, the posted rows without the empty ones).
  std::string out = "{\"rows\":{";
  int n = 0, posted = 0;
  const int total = std::min(std::atoi(form_value(req, "so-dong").c_str()), 2000);
  for (int i = 1; i <= total; ++i) {
    const std::string p = "nhan-" + std::to_string(i) + "-";
    if (form_value(req, p + "unit").empty() && form_value(req, p + "name").empty() && form_value(req, p + "achievement").empty()) continue;
    auto m = c.row_messages.find(posted++);
    if (m == c.row_messages.end()) continue;
    out += std::string(n++ ? "," : "") + json_string(std::to_string(i)) + ":" + json_string_list(m->second.errors);
  }
  out += "},\"summary\":" + json_string_list(c.summary) + ",\"general\":" + json_string_list(c.general) + "}";
  res.set_content(out, "application/json; charset=utf-8");
}

void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  const std::string id = form_value(req, "tep");
  std::string rel = id.empty() ? "" : decision_path(cx, id);
  if (!id.empty() && rel.empty()) return send_html(res, "<p>Không có quyết định này.</p>", 400);
  DecisionForm f = read_decision_form([&req](const std::string& n) { return form_value(req, n); });
  FormPage page;
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  std::lock_guard<std::mutex> lock(cx.saving);
  const World wd = world(cx);
  const std::string old = rel.empty() ? "" : read_bytes(cx.options.site_dir / rel).value_or("");
  if (!rel.empty() && wd.config) {
    Diagnostics ignored;
    if (auto d = Decision::load(old, rel, *wd.config, ignored)) f.sample = d->sample;
  }
  if (rel.empty()) {
    std::string base = slugify(f.number.empty() ? f.title : "qd-" + f.number).substr(0, 80);
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty()) base = "quyet-dinh";
    rel = kFolder + base + ".toml";
    for (int n = 2; fs::exists(cx.options.site_dir / rel); ++n) rel = kFolder + base + "-" + std::to_string(n) + ".toml";
  }
  page.file = rel;
  const Checked c = check_form(wd, rel, f, old);
  if (page.message.empty()) page.general.push_back("hãy ghi vào ô Nội dung thay đổi bạn đã làm gì");
  WrittenDocument doc;
  doc.text = c.text;
  doc.body_line = 1 << 30;
  for (const auto& [line, row] : c.rows) doc.field_at_line[line] = "nhan-" + std::to_string(row);
  std::string commit;
  Saved saved = Saved::Mistakes;
  if (page.general.empty()) saved = save_file(cx, *w, page, doc, {}, &commit);
  const std::string new_id = fs::path(rel).stem().string();
  if (saved == Saved::Committed) {
    cx.sessions.tell(w->session.token, "Đã lưu " + rel + " (lần lưu " + commit.substr(0, 7) + ").");
    return send_redirect(res, "/khen-thuong/sua?tep=" + new_id);
  }
  Checked shown = c;
  for (const auto& [field, m] : page.fields) {
    if (starts_with(field, "nhan-")) shown.row_messages[std::atoi(field.c_str() + 5)] = m;
  }
  answer_save(cx, *w, res, saved, page, commit, decision_page(*w, wd, page, fs::exists(cx.options.site_dir / rel) && !id.empty() ? id : "", f, shown));
}

}  // namespace

void decision_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/khen-thuong", [&cx](const httplib::Request& q, httplib::Response& r) { list(cx, q, r); });
  server.Get("/khen-thuong/sua", [&cx](const httplib::Request& q, httplib::Response& r) { edit(cx, q, r); });
  server.Post("/khen-thuong/kiem-tra", [&cx](const httplib::Request& q, httplib::Response& r) { check_live(cx, q, r); });
  server.Post("/khen-thuong/luu", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
}

}  // namespace congbo

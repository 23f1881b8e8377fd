// desk_results.cc: campaign results at the desk — the list of campaigns and
// their years, a year's grid graded live by the campaign's own rules (the
// same Campaign::grade the build runs, on the file as it would be written),
// rows pasted from a spreadsheet, and saving: the file written, the site
// checked, committed in the writer's name.
#include <chrono>

#include "campaign.h"
#include "desk_assets.h"
#include "desk_context.h"
#include "git_commit.h"
#include "page_words.h"
#include "results_form.h"
#include "results_page.h"
#include "text.h"

namespace congbo {
namespace {

// content/thi-dua/ID.toml for a campaign id a request names; "" when it is not one.
std::string campaign_path(const DeskContext& cx, const std::string& id) { return named_data_file(cx, "content/thi-dua/", id); }

// The year as it would be written, graded: what the build would make of it.
struct Graded {
  std::string text;                     ///< the campaign file with this year's table
  std::map<int, std::string> row_lines;  ///< line → unit
  std::optional<Campaign> campaign;
  Units units;
  Diagnostics diags;
};

Graded regrade(const DeskContext& cx, const std::string& rel, const std::string& file, const YearResults& y) {
  Graded g;
  g.text = with_year(file, rel, y, &g.row_lines);
  g.units = site_units(cx, g.diags);
  g.campaign = Campaign::load(g.text, rel, g.diags);
  if (g.campaign) g.campaign->grade(g.units, g.diags);
  return g;
}

std::string grade_name(const Rules& rules, const std::string& id) {
  const Grade* g = rules.grade(id);
  return g ? g->name : id.empty() ? words::no_grade() : id;
}

std::vector<GridSummaryLine> summary_of(const Campaign& c, const YearResults& y, const Units& units) {
  const YearSummary s = c.summary(y, units);
  std::vector<GridSummaryLine> out;
  out.push_back({"Đăng ký: " + std::to_string(s.registered) + "/" + std::to_string(s.listed) + " đơn vị"});
  for (size_t i = 0; i < c.rules.grades.size(); ++i) {
    out.push_back({c.rules.grades[i].name + ": " + std::to_string(s.per_grade[i]) + " (" +
                   words::percent(s.per_grade[i], s.registered) + ")"});
  }
  if (s.ungraded) out.push_back({"Chưa xếp loại được: " + std::to_string(s.ungraded)});
  for (const auto& t : s.targets) {
    out.push_back({t.target->name + ": " + std::to_string(t.count) + "/" + std::to_string(t.total) + " (" +
                       words::percent(t.count, t.total) + ") — " + (t.met ? "đạt chỉ tiêu" : "chưa đạt chỉ tiêu"),
                   t.met ? 1 : 0});
  }
  return out;
}

// Messages about the campaign file go to their rows (by line), or to `general`.
void sort_messages(const Graded& g, const std::string& rel, std::map<std::string, FieldMessages>& rows,
                   std::vector<std::string>& general) {
  for (const Diagnostic& d : g.diags.items()) {
    if (d.severity == Severity::Note) continue;
    auto row = d.path == rel ? g.row_lines.find(d.line) : g.row_lines.end();
    if (row == g.row_lines.end()) {
      if (d.severity == Severity::Error) general.push_back(d.format());
      continue;
    }
    (d.severity == Severity::Error ? rows[row->second].errors : rows[row->second].warnings).push_back(d.message);
  }
}

GridRow row_of(const Campaign& c, const Units& units, const UnitResult* r, const Unit& unit, bool listed) {
  GridRow row;
  row.unit = unit.id;
  row.name = unit.name;
  row.type = unit_type_name(unit.type);
  row.depth = unit.type == UnitType::SubCell ? 1 : 0;
  row.listed = listed;
  row.registered = r && r->registered;
  row.pilot = r && r->pilot;
  for (const Criterion& cr : c.rules.criteria) {
    row.met.push_back(r && std::find(r->met.begin(), r->met.end(), cr.id) != r->met.end());
  }
  for (const Count& n : c.rules.counts) {
    const auto v = r ? r->count(n.id) : std::nullopt;
    row.counts.push_back(v ? std::to_string(*v) : "");
  }
  if (r && r->score) row.score = words::number(*r->score);
  if (r && r->decided) row.decided = r->stated;
  if (r) row.reason = r->reason, row.note = r->note;
  if (r && r->registered_on) row.registered_on = r->registered_on->display();
  if (r && r->reported_on) row.reported_on = r->reported_on->display();
  if (r && r->registered) row.grade = grade_name(c.rules, r->computed), row.explanation = r->explanation;
  else if (r) row.explanation = "không đăng ký";
  (void)units;
  return row;
}

// The grid's rows: the year's units in the file's order, then every other
// unit of don-vi.toml (not in the file until something is ticked for it).
void fill_rows(GridPage& p, const Graded& g, const YearResults& y, const std::set<std::string>& listed) {
  const Campaign& c = *g.campaign;
  const YearResults* graded = c.year(y.year);
  std::set<std::string> shown;
  if (graded) {
    for (const UnitResult& r : graded->units) {
      if (r.unit.empty() || !shown.insert(r.unit).second) continue;
      // A row for a unit don-vi.toml no longer has stays in the grid, with
      // the checker's message, so saving never drops it unseen.
      Unit missing;
      missing.id = r.unit;
      missing.name = r.unit + " (không có trong don-vi.toml)";
      const Unit* unit = g.units.find(r.unit);
      p.rows.push_back(row_of(c, g.units, &r, unit ? *unit : missing, listed.count(r.unit) > 0));
    }
    p.summary = summary_of(c, *graded, g.units);
  }
  for (const Unit& unit : g.units.all()) {
    if (shown.insert(unit.id).second) p.rows.push_back(row_of(c, g.units, nullptr, unit, false));
  }
}

GridPage grid_of(const Writer& w, const std::string& id, const Graded& g, const YearResults& y,
                 const std::set<std::string>& listed) {
  GridPage p;
  p.page.csrf = w.session.csrf;
  p.page.writer = w.account->name;
  p.campaign = id;
  p.year = y.year;
  p.date = y.date ? y.date->display() : "";
  const Campaign& c = *g.campaign;
  p.campaign_name = c.name;
  for (const Criterion& cr : c.rules.criteria) p.criteria.emplace_back(cr.id, cr.name);
  for (const Count& n : c.rules.counts) p.counts.emplace_back(n.id, n.name);
  for (const Grade& gr : c.rules.grades) p.grades.emplace_back(gr.id, gr.name);
  p.scored = c.rules.uses_score();
  p.pilots = std::any_of(c.rules.targets.begin(), c.rules.targets.end(), [](const Target& t) { return t.pilot; });
  for (const YearResults& year : c.years) {
    for (const UnitResult& u : year.units) p.pilots = p.pilots || u.pilot;
  }
  fill_rows(p, g, y, listed);
  return p;
}

std::set<std::string> listed_in(const std::optional<Campaign>& c, int year) {
  std::set<std::string> out;
  if (const YearResults* y = c ? c->year(year) : nullptr) {
    for (const UnitResult& r : y->units) out.insert(r.unit);
  }
  return out;
}

}  // namespace

namespace {

void list(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  std::vector<CampaignYearItem> items;
  Diagnostics ignored;
  for (const Campaign& c : site_campaigns(cx, ignored)) {
    if (named_data_file(cx, "content/thi-dua/", c.id).empty()) continue;  // a file name the grid cannot open
    CampaignYearItem item{c.id, c.name, {}};
    for (const YearResults& y : c.years) item.years.push_back(y.year);
    items.push_back(std::move(item));
  }
  send_html(res, campaigns_page(items, w->account->name, w->session.csrf));
}

// The year asked for, from the file; a year not there yet starts with every unit registered.
void open(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = current_writer(cx, req);
  if (!w) return send_redirect(res, "/dang-nhap");
  const std::string id = req.get_param_value("tep"), rel = campaign_path(cx, id);
  const int year = std::atoi(req.get_param_value("nam").c_str());
  const auto file = rel.empty() ? std::nullopt : read_bytes(cx.options.site_dir / rel);
  if (!file) return send_html(res, "<p>Không có phong trào này.</p>", 404);
  if (year < kFirstYear || year > kLastYear) return send_html(res, "<p>Năm không hợp lệ.</p>", 400);
  Diagnostics diags;
  const auto now = Campaign::load(*file, rel, diags);
  if (!now) return send_html(res, "<p>" + html_escape(rel) + " đang có lỗi cú pháp; hãy sửa tệp trước.</p>", 422);
  YearResults y;
  y.year = year;
  if (const YearResults* old = now->year(year)) y = *old;
  else {
    const Units units = site_units(cx, diags);  // kept: all() is a view into it
    for (const Unit& u : units.all()) {
      UnitResult r;
      r.unit = u.id;
      y.units.push_back(std::move(r));
    }
  }
  // The grid has one row per unit: a unit written twice must be settled in the file first, or a save would drop one.
  std::set<std::string> seen;
  for (const UnitResult& r : y.units) {
    if (!r.unit.empty() && !seen.insert(r.unit).second) {
      return send_html(res, desk_shell("Kết quả " + std::to_string(year), "<p class=\"notice error\" role=\"alert\">" +
                                       html_escape(rel) + ", dòng " + std::to_string(r.line) + ": đơn vị " + html_escape(r.unit) +
                                       " được ghi hai lần trong năm " + std::to_string(year) +
                                       ". Hãy nhờ người phụ trách sửa tệp, rồi mở lại.</p>", w->account->name, w->session.csrf), 422);
    }
  }
  const Graded g = regrade(cx, rel, *file, y);
  if (!g.campaign) return send_html(res, "<p>Không đọc được " + html_escape(rel) + ".</p>", 422);
  GridPage p = grid_of(*w, id, g, y, listed_in(now, year));
  p.page.opened = blob_id(*file);
  p.page.saved = cx.sessions.take_notice(w->session.token);
  std::map<std::string, FieldMessages> rows;
  sort_messages(g, rel, rows, p.page.general);
  for (GridRow& r : p.rows) r.messages = rows[r.unit];
  send_html(res, grid_page(p));
}

struct Posted {
  std::string id, rel, file;
  YearResults year;
  std::map<std::string, std::string> mistakes;
};

std::optional<Posted> posted_grid(const DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  Posted p;
  p.id = form_value(req, "tep");
  p.rel = campaign_path(cx, p.id);
  const auto file = p.rel.empty() ? std::nullopt : read_bytes(cx.options.site_dir / p.rel);
  Diagnostics diags;
  const auto c = file ? Campaign::load(*file, p.rel, diags) : std::nullopt;
  if (!c) {
    send_html(res, "<p>Không có phong trào này.</p>", 400);
    return std::nullopt;
  }
  p.file = *file;
  // The page packs the grid into one field (results_form.h); a form posted without script sends each.
  const auto packed = unpack_fields(form_value(req, "luoi"));
  auto field = [&](const std::string& n) {
    auto it = packed.find(n);
    return it != packed.end() ? it->second : packed.empty() ? form_value(req, n) : std::string();
  };
  p.year = read_grid(c->rules, field, p.mistakes);
  if (p.year.year < kFirstYear || p.year.year > kLastYear) {
    send_html(res, "<p>Năm không hợp lệ.</p>", 400);
    return std::nullopt;
  }
  return p;
}

// The unit a grid field belongs to ("ngay-dk-cb-a" → "cb-a"), by the grid's own rows.
std::string unit_of_field(const YearResults& y, const std::string& field) {
  std::string best;
  for (const UnitResult& r : y.units) {
    const size_t n = r.unit.size();
    const bool ends = field.size() > n && field.compare(field.size() - n, n, r.unit) == 0 && field[field.size() - n - 1] == '-';
    const bool counts = field.rfind("sl-" + r.unit + "-", 0) == 0;  // GridNames::count: the unit comes first
    if ((ends || counts) && n > best.size()) best = r.unit;
  }
  return best;
}


// The grades as the grid now stands, for the page to show while the writer ticks.
void recompute(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  const auto start = std::chrono::steady_clock::now();
  auto p = posted_grid(cx, req, res);
  if (!p) return;
  const Graded g = regrade(cx, p->rel, p->file, p->year);
  if (!g.campaign) return send_html(res, "<p>Không đọc được tệp.</p>", 422);
  const GridPage grid = grid_of(*w, p->id, g, p->year, {});
  std::map<std::string, FieldMessages> rows;
  std::vector<std::string> general;
  sort_messages(g, p->rel, rows, general);
  for (const auto& [field, why] : p->mistakes) {
    const std::string unit = field == "ngay" ? "" : unit_of_field(p->year, field);
    (unit.empty() ? general : rows[unit].errors).push_back(why);
  }
  std::string out = "{\"rows\":{";
  bool first = true;
  for (const GridRow& r : grid.rows) {
    out += std::string(first ? "" : ",") + json_string(r.unit) + ":{\"grade\":" + json_string(r.grade) +
           ",\"why\":" + json_string(r.explanation) + ",\"errors\":" + json_string_list(rows[r.unit].errors) +
           ",\"warnings\":" + json_string_list(rows[r.unit].warnings) + "}";
    first = false;
  }
  out += "},\"summary\":[";
  for (size_t i = 0; i < grid.summary.size(); ++i) {
    out += std::string(i ? "," : "") + "{\"text\":" + json_string(grid.summary[i].text) + ",\"met\":" + std::to_string(grid.summary[i].met) + "}";
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out += "],\"general\":" + json_string_list(general) + ",\"ms\":" + std::to_string(ms) + "}";
  res.set_content(out, "application/json; charset=utf-8");
}

// Rows pasted from a spreadsheet, read as the grid's values.
void paste(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  auto p = posted_grid(cx, req, res);
  if (!p) return;
  Diagnostics diags;
  const auto c = Campaign::load(p->file, p->rel, diags);
  const Units units = site_units(cx, diags);
  const std::string text = form_value(req, "dan");
  if (text.size() > (1u << 20)) return send_html(res, "<p>Đoạn dán quá lớn (hơn 1 MB).</p>", 413);
  const Pasted pasted = read_pasted(text, text.find('\t') != std::string::npos ? '\t' : ',', c->rules, units);
  std::string out = "{\"rows\":[";
  for (size_t i = 0; i < pasted.rows.size(); ++i) {
    const PastedRow& r = pasted.rows[i];
    out += std::string(i ? "," : "") + "{\"unit\":" + json_string(r.unit);
    if (r.registered) out += ",\"registered\":" + std::string(*r.registered ? "true" : "false");
    if (r.pilot) out += ",\"pilot\":" + std::string(*r.pilot ? "true" : "false");
    out += ",\"met\":{";
    bool first = true;
    for (const auto& [id, on] : r.met) out += std::string(first ? "" : ",") + json_string(id) + ":" + (on ? "true" : "false"), first = false;
    out += "},\"counts\":{";
    first = true;
    for (const auto& [id, n] : r.counts) out += std::string(first ? "" : ",") + json_string(id) + ":" + json_string(n), first = false;
    out += "}";
    if (r.score) out += ",\"score\":" + json_string(*r.score);
    if (r.note) out += ",\"note\":" + json_string(*r.note);
    out += "}";
  }
  out += "],\"problems\":" + json_string_list(pasted.problems) + "}";
  res.set_content(out, "application/json; charset=utf-8");
}

// Saving: the grid's year written into the campaign file, the site checked,
// committed — or the grid again with each message beside its row.
void save(DeskContext& cx, const httplib::Request& req, httplib::Response& res) {
  auto w = posting_writer(cx, req, res);
  if (!w) return;
  auto p = posted_grid(cx, req, res);
  if (!p) return;
  FormPage page;
  page.file = p->rel;
  page.opened = form_value(req, "opened");
  page.message = trim(form_value(req, "message"));
  if (page.message.empty()) page.fields["message"].errors.push_back("hãy ghi bạn đã nhập hay sửa gì");
  for (const auto& [field, why] : p->mistakes) {
    const std::string unit = field == "ngay" ? "" : unit_of_field(p->year, field);
    (field == "ngay" ? page.fields["ngay"].errors : unit.empty() ? page.general : page.fields["hang-" + unit].errors).push_back(why);
  }

  std::lock_guard<std::mutex> lock(cx.saving);
  const auto now = read_bytes(cx.options.site_dir / p->rel);
  const Graded g = regrade(cx, p->rel, now ? *now : p->file, p->year);
  WrittenDocument doc;
  doc.text = g.text;
  doc.body_line = 1 << 30;  // no body: every line is a row or nothing
  for (const auto& [line, unit] : g.row_lines) doc.field_at_line[line] = "hang-" + unit;
  std::string commit;
  Saved saved = Saved::Mistakes;
  if (page.fields.empty() && page.general.empty()) saved = save_file(cx, *w, page, doc, {}, &commit);
  if (saved == Saved::Committed) {
    cx.sessions.tell(w->session.token, "Đã lưu kết quả năm " + std::to_string(p->year.year) + " vào " + p->rel +
                                           " (lần lưu " + commit.substr(0, 7) + ").");
    return send_redirect(res, "/thi-dua/ket-qua?tep=" + p->id + "&nam=" + std::to_string(p->year.year));
  }
  if (!g.campaign) return send_html(res, "<p>Không đọc được tệp.</p>", 422);
  std::set<std::string> listed;
  for (const UnitResult& r : p->year.units) listed.insert(r.unit);
  GridPage grid = grid_of(*w, p->id, g, p->year, listed);
  grid.page.file = page.file;
  grid.page.opened = page.opened;
  grid.page.message = page.message;
  grid.page.fields = page.fields;
  grid.page.general = page.general;
  grid.page.conflict = page.conflict;
  for (GridRow& r : grid.rows) {
    if (auto it = page.fields.find("hang-" + r.unit); it != page.fields.end()) r.messages = it->second;
  }
  answer_save(cx, *w, res, saved, page, commit, grid_page(grid));
}

}  // namespace

std::vector<DueItem> office_deadlines(const DeskContext& cx, const Date& today) {
  std::vector<DueItem> out;
  Diagnostics ignored;
  const Units units = site_units(cx, ignored);
  for (const Campaign& c : site_campaigns(cx, ignored)) {
    for (const DeadlineDue& due : deadlines_due(c, units)) {
      const int days = static_cast<int>(due.date.days() - today.days());
      if ((days < 0 && due.missing.empty()) || days > 60) continue;
      DueItem item{due.date.display(), due.deadline->name.empty() ? deadline_kind_name(due.deadline->kind) : due.deadline->name,
                   c.name, c.id, due.year, days, {}};
      for (const auto& u : due.missing) item.missing.push_back(units.find(u) ? units.find(u)->name : u);
      out.push_back(std::move(item));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) { return a.days < b.days; });
  return out;
}

void results_routes(httplib::Server& server, DeskContext& cx) {
  server.Get("/thi-dua", [&cx](const httplib::Request& q, httplib::Response& r) { list(cx, q, r); });
  server.Get("/thi-dua/ket-qua", [&cx](const httplib::Request& q, httplib::Response& r) { open(cx, q, r); });
  server.Post("/thi-dua/tinh", [&cx](const httplib::Request& q, httplib::Response& r) { recompute(cx, q, r); });
  server.Post("/thi-dua/dan", [&cx](const httplib::Request& q, httplib::Response& r) { paste(cx, q, r); });
  server.Post("/thi-dua/luu", [&cx](const httplib::Request& q, httplib::Response& r) { save(cx, q, r); });
  server.Get("/_soan/thi-dua.js", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(results_script(), "text/javascript; charset=utf-8");
  });
}

}  // namespace congbo

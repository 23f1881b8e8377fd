// site_records.cc: the committee's records beside its documents — units
// (content/don-vi.toml), exemplary models (content/mo-hinh/*.md), emulation
// campaigns (content/thi-dua/*.toml) and commendation decisions
// (content/khen-thuong/*.toml). Loaded with the content, checked and graded in
// link(), rendered as pages, CSV tables and SVG charts. Part of Site (site.h).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "messages.h"
#include "records_view.h"
#include "site.h"
#include "text.h"

namespace congbo {
namespace {

const char* kCampaigns = "thi-dua";
const char* kAwards = "khen-thuong";
const char* kUnits = "don-vi";

// Data files sit directly in their folder: content/thi-dua/x.toml.
bool data_file(const std::string& rel, const std::string& dir) {
  return ends_with(rel, ".toml") && rel.rfind('/') == dir.size();
}

std::string year_url(const Campaign& c, int year) { return c.url + std::to_string(year) + "/"; }
std::string year_csv(const Campaign& c, int year) { return c.url + "ket-qua-" + std::to_string(year) + ".csv"; }

}  // namespace

void Site::load_records(Diagnostics& diags) {
  auto text_of = [&](const std::string& rel) -> std::optional<std::string> {
    auto raw = source_->read(rel);
    if (!raw) {
      diags.error(rel, 0, 0, msg::unreadable_file(msg::system_error(errno)));
      return std::nullopt;
    }
    return decode_text(std::move(*raw), rel, diags);
  };
  if (source_->exists("content/don-vi.toml")) {
    if (auto text = text_of("content/don-vi.toml")) units_ = Units::load(*text, "content/don-vi.toml", diags);
  }
  for (const auto& rel : source_->list("content/thi-dua")) {
    if (!data_file(rel, "content/thi-dua")) continue;
    if (auto text = text_of(rel)) {
      if (auto c = Campaign::load(*text, rel, diags)) campaigns_.push_back(std::move(*c));
    }
  }
  for (const auto& rel : source_->list("content/khen-thuong")) {
    if (!data_file(rel, "content/khen-thuong")) continue;
    if (auto text = text_of(rel)) {
      if (auto d = Decision::load(*text, rel, config_, diags)) decisions_.push_back(std::move(*d));
    }
  }
}

int Site::resolve_plan(const RelationEntry& plan, const std::string& path, Diagnostics& diags) const {
  if (plan.text.empty()) return -1;
  const std::string source = "content/" + plan.text + (ends_with(plan.text, ".md") ? "" : ".md");
  for (int i = 0; i < static_cast<int>(pages_.size()); ++i) {
    if (pages_[i].source == source) return i;
  }
  auto ref = parse_reference(plan.text);
  if (!ref) {
    diags.error(path, plan.line, plan.col, msg::unknown_plan(plan.text));
    return -1;
  }
  auto r = index_->resolve(ref->number, ref->date, -1);
  return r.status == DocumentIndex::Status::Found ? r.page : -1;
}

void Site::link_records(Diagnostics& diags) {
  for (Campaign& c : campaigns_) {
    c.grade(units_, diags);
    campaign_plan_.push_back(resolve_plan(c.plan, c.source, diags));
  }
  std::stable_sort(decisions_.begin(), decisions_.end(), [](const Decision& a, const Decision& b) {
    return a.date > b.date;  // newest first
  });
  for (const Decision& d : decisions_) {
    d.check(units_, campaigns_, diags);
    decision_plan_.push_back(resolve_plan(d.plan, d.source, diags));
  }
  model_plan_.assign(pages_.size(), -1);
  for (size_t i = 0; i < pages_.size(); ++i) {
    const Page& p = pages_[i];
    if (!p.is_model) continue;
    if (!p.model.unit.empty() && !units_.find(p.model.unit)) {
      diags.error(p.source, p.model.unit_line, p.model.unit_col, msg::unknown_unit(p.model.unit));
    }
    model_plan_[i] = resolve_plan(p.model.plan, p.source, diags);
  }
}

std::string Site::unit_url(const std::string& id) const {
  return units_.find(id) ? href(config_, "/" + std::string(kUnits) + "/" + id + "/") : "";
}

View Site::plan_view(const RelationEntry& plan, int page) const {
  View v;
  if (plan.text.empty()) return v;
  if (page >= 0) {
    const Page& p = pages_[page];
    v.set("title", p.doc.number.empty() ? p.title : p.doc.number + ": " + p.title).set("url", href(config_, p.url));
  } else {
    v.set("title", plan.text);
  }
  return v;
}

View Site::model_view(const Page& page, int index) const {
  const ModelMeta& m = page.model;
  View v;
  const Unit* u = units_.find(m.unit);
  v.set("unit", u ? u->name : m.unit)
      .set("unit_url", unit_url(m.unit))
      .set("year", std::to_string(m.year))
      .set("year_url", href(config_, "/mo-hinh/nam/" + std::to_string(m.year) + "/"))
      .set("category", m.category)
      .set("category_url", href(config_, "/mo-hinh/chu-de/" + slugify(m.category) + "/"));
  if (!m.plan.text.empty() && index >= 0 && index < static_cast<int>(model_plan_.size())) {
    v.set("plan", plan_view(m.plan, model_plan_[index]));
  }
  View images = View::list();
  for (const ModelImage& img : m.images) {
    images.push(View()
                    .set("src", starts_with(img.src, "/") ? href(config_, img.src) : img.src)
                    .set("alt", img.alt)
                    .set("caption", img.caption));
  }
  v.set("has_images", !m.images.empty()).set("images", std::move(images));
  if (m.sample) v.set("sample_notice", msg::sample_notice());
  return v;
}

View Site::carried_out(int index) const {
  View list = View::list();
  for (size_t i = 0; i < campaigns_.size() && i < campaign_plan_.size(); ++i) {
    if (campaign_plan_[i] != index) continue;
    list.push(View().set("what", msg::record_campaign()).set("title", campaigns_[i].name).set("url", href(config_, campaigns_[i].url)));
  }
  for (size_t i = 0; i < decisions_.size() && i < decision_plan_.size(); ++i) {
    if (decision_plan_[i] != index) continue;
    const Decision& d = decisions_[i];
    list.push(View().set("what", d.form).set("title", (d.number.empty() ? "" : d.number + ": ") + d.title).set("url", href(config_, d.url)));
  }
  for (size_t i = 0; i < model_plan_.size(); ++i) {
    if (model_plan_[i] != index) continue;
    list.push(View().set("what", msg::timeline_model()).set("title", pages_[i].title).set("url", href(config_, pages_[i].url)));
  }
  return list;
}

void Site::set_updated(View& v, const std::string& source) const {
  if (!repo_) return;
  const FileHistory* h = repo_->history(source);
  if (!h || h->versions.empty() || h->versions.front().deleted) return;
  v.set("updated", h->versions.front().date.display()).set("updated_iso", h->versions.front().time);
}

std::vector<std::pair<std::string, std::string>> Site::record_urls() const {
  std::vector<std::pair<std::string, std::string>> urls;
  if (!campaigns_.empty()) urls.emplace_back("/thi-dua/", kCampaigns);
  for (const Campaign& c : campaigns_) {
    urls.emplace_back(c.url, kCampaigns);
    for (const auto& y : c.years) urls.emplace_back(year_url(c, y.year), kCampaigns);
  }
  if (!decisions_.empty()) {
    urls.emplace_back("/khen-thuong/", kAwards);
    std::set<std::string> facets;
    for (const Decision& d : decisions_) {
      urls.emplace_back(d.url, kAwards);
      if (d.date) facets.insert("/khen-thuong/nam/" + std::to_string(d.date->year) + "/");
      facets.insert("/khen-thuong/hinh-thuc/" + slugify(d.form) + "/");
    }
    for (const auto& f : facets) urls.emplace_back(f, kAwards);
  }
  if (!units_.empty()) urls.emplace_back("/don-vi/", kUnits);
  for (const Unit& u : units_.all()) urls.emplace_back("/don-vi/" + u.id + "/", kUnits);
  return urls;
}

void Site::add_record_search(std::vector<SearchDocument>& docs) const {
  auto doc = [&](const std::string& section, const std::string& url, const std::string& title) {
    SearchDocument d;
    d.url = href(config_, url);
    d.title = title;
    d.section = section;
    const Section* s = this->section(section);
    d.section_title = s ? s->title : msg::default_section_title(section);
    return d;
  };
  for (const Campaign& c : campaigns_) {
    SearchDocument d = doc(kCampaigns, c.url, c.name);
    d.text = c.description + "\n";
    for (const auto& cr : c.rules.criteria) d.text += cr.name + "\n";
    for (const auto& t : c.rules.targets) d.text += t.name + "\n";
    docs.push_back(std::move(d));
    for (const YearResults& y : c.years) {
      SearchDocument yd = doc(kCampaigns, year_url(c, y.year), msg::campaign_year_title(c.name, y.year));
      yd.date = y.date;
      for (const UnitResult& u : y.units) {
        const Unit* unit = units_.find(u.unit);
        const Grade* g = c.rules.grade(u.grade);
        if (unit) yd.text += unit->name + (g ? ": " + g->name : "") + "\n";
      }
      docs.push_back(std::move(yd));
    }
  }
  for (const Decision& d : decisions_) {
    SearchDocument sd = doc(kAwards, d.url, d.form + ": " + d.title);
    sd.number = d.number;
    sd.date = d.date;
    sd.issuer = d.issuer;
    sd.issuer_name = config_.issuer_label(d.issuer);
    for (const Recipient& r : d.recipients) {
      const Unit* u = units_.find(r.unit);
      sd.text += (r.individual() ? r.name + ", " + r.role + ", " : "") + (u ? u->name : r.unit) + ": " + r.achievement + "\n";
    }
    docs.push_back(std::move(sd));
  }
  for (const Unit& u : units_.all()) {
    SearchDocument sd = doc(kUnits, "/don-vi/" + u.id + "/", u.name);
    sd.text = unit_type_name(u.type) + ". " + u.sector + ". " + u.description;
    docs.push_back(std::move(sd));
  }
}

void Site::render_records(Output& out, Diagnostics& diags) {
  const UnitLink link = [this](const std::string& id) { return unit_url(id); };
  std::string err;
  auto write = [&](const std::string& path, const std::string& data) {
    if (!out.write(path, data, &err)) diags.error(path, 0, 0, err);
  };
  auto intro = [&](View& v, const std::string& name) {
    const Section* s = section(name);
    if (s && s->index_page >= 0) v.set("intro", pages_[s->index_page].rendered.html);
    v.set("title", s ? s->title : msg::default_section_title(name));
  };
  auto crumb = [&](View& v, const std::string& name) {
    const Section* s = section(name);
    v.set("parent_title", s ? s->title : msg::default_section_title(name)).set("parent_url", href(config_, "/" + name + "/"));
  };

  // Campaigns: the index, each campaign's overview, each year with its CSV.
  if (!campaigns_.empty()) {
    View v = base_view(config_, nav_, kCampaigns, "/thi-dua/", msg::default_section_title(kCampaigns));
    intro(v, kCampaigns);
    View items = View::list();
    for (const Campaign& c : campaigns_) {
      View years = View::list();
      for (auto it = c.years.rbegin(); it != c.years.rend(); ++it) {
        years.push(View().set("year", std::to_string(it->year)).set("url", href(config_, year_url(c, it->year))));
      }
      items.push(View()
                     .set("title", c.name)
                     .set("url", href(config_, c.url))
                     .set("period", c.period)
                     .set("summary", c.description)
                     .set("years", std::move(years)));
    }
    v.set("campaigns", std::move(items));
    emit(out, "/thi-dua/", "campaigns", std::move(v), diags);
  }
  for (size_t ci = 0; ci < campaigns_.size(); ++ci) {
    const Campaign& c = campaigns_[ci];
    std::vector<YearSummary> summaries;
    for (const YearResults& y : c.years) summaries.push_back(c.summary(y, units_));

    View v = base_view(config_, nav_, kCampaigns, c.url, c.name);
    crumb(v, kCampaigns);
    v.set("title", c.name).set("period", c.period).set("description", c.description);
    if (c.sample) v.set("sample_notice", msg::sample_notice());
    set_updated(v, c.source);
    if (!c.plan.text.empty()) v.set("plan", plan_view(c.plan, campaign_plan_[ci]));
    View criteria = View::list();
    for (const auto& cr : c.rules.criteria) criteria.push(View().set("name", cr.name));
    v.set("has_criteria", !c.rules.criteria.empty()).set("criteria", std::move(criteria));
    View grades = View::list();
    for (const auto& g : c.rules.grades) grades.push(View().set("name", g.name).set("rule", c.rules.describe(g)));
    v.set("grades", std::move(grades));
    View targets = View::list();
    for (const auto& t : c.rules.targets) targets.push(View().set("name", t.name).set("rule", c.rules.describe(t)));
    v.set("has_targets", !c.rules.targets.empty()).set("targets", std::move(targets));
    const CommendationRule& cr = c.rules.commendation;
    if (cr.quota || !cr.grade.empty()) {
      const Grade* g = c.rules.grade(cr.grade);
      v.set("commendation", msg::commendation_rule(cr.quota ? cr.quota->text : "", g ? g->name : "", cr.years_running));
    }
    View charts = View::list();
    for (const BarChart& ch : target_charts(c, summaries)) charts.push(View().set("svg", bar_chart_svg(ch)).set("title", ch.title));
    v.set("has_charts", !c.rules.targets.empty() && !summaries.empty()).set("charts", std::move(charts));
    Table years = years_table(c, summaries);
    const std::string years_csv = c.url + "so-sanh-cac-nam.csv";
    write(years_csv.substr(1), table_csv(years));
    v.set("has_years", !summaries.empty()).set("years_table", table_view(years, href(config_, years_csv)));
    View year_links = View::list();
    for (auto it = c.years.rbegin(); it != c.years.rend(); ++it) {
      year_links.push(View().set("year", std::to_string(it->year)).set("url", href(config_, year_url(c, it->year))));
    }
    v.set("year_links", std::move(year_links));
    emit(out, c.url, "campaign", std::move(v), diags);

    for (size_t yi = 0; yi < c.years.size(); ++yi) {
      const YearResults& y = c.years[yi];
      const std::string url = year_url(c, y.year);
      View yv = base_view(config_, nav_, kCampaigns, url, msg::campaign_year_title(c.name, y.year));
      yv.set("title", msg::campaign_year_title(c.name, y.year))
          .set("parent_title", c.name)
          .set("parent_url", href(config_, c.url))
          .set("date", y.date ? y.date->display() : "");
      if (c.sample) yv.set("sample_notice", msg::sample_notice());
      const YearSummary& s = summaries[yi];
      yv.set("registered", std::to_string(s.registered)).set("listed", std::to_string(s.listed));
      Table results = results_table(c, y, units_, link);
      write(year_csv(c, y.year).substr(1), table_csv(results));
      yv.set("results", table_view(results, href(config_, year_csv(c, y.year))));
      Table grades_t = grades_table(c, s);
      const std::string grades_csv = c.url + "xep-loai-" + std::to_string(y.year) + ".csv";
      write(grades_csv.substr(1), table_csv(grades_t));
      yv.set("grades", table_view(grades_t, href(config_, grades_csv)));
      if (!c.rules.targets.empty()) {
        Table targets_t = targets_table(c, s);
        const std::string targets_csv = c.url + "chi-tieu-" + std::to_string(y.year) + ".csv";
        write(targets_csv.substr(1), table_csv(targets_t));
        yv.set("targets", table_view(targets_t, href(config_, targets_csv)));
      }
      View other = View::list();
      for (const auto& o : c.years) {
        other.push(View().set("year", std::to_string(o.year)).set("url", href(config_, year_url(c, o.year))).set("current", o.year == y.year));
      }
      yv.set("year_links", std::move(other));
      emit(out, url, "campaign_year", std::move(yv), diags);
    }
  }

  // Commendation decisions: each one, and lists of all, by year and by form.
  auto decision_item = [&](const Decision& d) {
    return View()
        .set("title", d.title)
        .set("number", d.number)
        .set("form", d.form)
        .set("url", href(config_, d.url))
        .set("date", d.date ? d.date->display() : msg::unknown_date())
        .set("date_iso", d.date ? d.date->iso() : "")
        .set("count", std::to_string(d.recipients.size()));
  };
  if (!decisions_.empty()) {
    std::vector<const Decision*> all;
    std::map<int, std::vector<const Decision*>> by_year;
    std::map<std::string, std::vector<const Decision*>> by_form;
    for (const Decision& d : decisions_) {
      all.push_back(&d);
      if (d.date) by_year[d.date->year].push_back(&d);
      by_form[slugify(d.form)].push_back(&d);
    }
    // The links to every year and every form, the same on each list.
    View year_links = View::list(), form_links = View::list();
    for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) {
      year_links.push(View()
                          .set("title", msg::year_title(it->first))
                          .set("url", href(config_, "/khen-thuong/nam/" + std::to_string(it->first) + "/"))
                          .set("count", std::to_string(it->second.size())));
    }
    for (const auto& [slug, list] : by_form) {
      form_links.push(View()
                          .set("title", list[0]->form)
                          .set("url", href(config_, "/khen-thuong/hinh-thuc/" + slug + "/"))
                          .set("count", std::to_string(list.size())));
    }
    auto decision_list = [&](const std::string& url, const std::string& title, const std::vector<const Decision*>& list,
                             bool top) {
      View v = base_view(config_, nav_, kAwards, url, title);
      if (top) {
        intro(v, kAwards);
      } else {
        v.set("title", title);
        crumb(v, kAwards);
      }
      View items = View::list();
      for (const Decision* d : list) items.push(decision_item(*d));
      v.set("decisions", std::move(items)).set("count", std::to_string(list.size()));
      v.set("by_year", year_links).set("by_form", form_links);
      emit(out, url, "decisions", std::move(v), diags);
    };
    decision_list("/khen-thuong/", msg::default_section_title(kAwards), all, true);
    for (const auto& [year, list] : by_year) {
      decision_list("/khen-thuong/nam/" + std::to_string(year) + "/", msg::decisions_in_year(year), list, false);
    }
    for (const auto& [slug, list] : by_form) {
      decision_list("/khen-thuong/hinh-thuc/" + slug + "/", list[0]->form, list, false);
    }
  }
  for (size_t di = 0; di < decisions_.size(); ++di) {
    const Decision& d = decisions_[di];
    std::string title = d.form + ": " + d.title;
    View v = base_view(config_, nav_, kAwards, d.url, d.number.empty() ? title : d.number + " – " + title);
    crumb(v, kAwards);
    v.set("title", d.title)
        .set("form", d.form)
        .set("number", d.number)
        .set("date", d.date ? d.date->display() : msg::unknown_date())
        .set("date_iso", d.date ? d.date->iso() : "")
        .set("issuer", config_.issuer_label(d.issuer))
        .set("year", std::to_string(d.year));
    if (d.sample) v.set("sample_notice", msg::sample_notice());
    set_updated(v, d.source);
    if (!d.plan.text.empty()) v.set("plan", plan_view(d.plan, decision_plan_[di]));
    for (const Campaign& c : campaigns_) {
      if (c.id != d.campaign) continue;
      View cv;
      cv.set("title", c.name).set("url", href(config_, c.url));
      if (c.year(d.year)) cv.set("year_url", href(config_, year_url(c, d.year))).set("year", std::to_string(d.year));
      v.set("campaign", std::move(cv));
    }
    Table t = recipients_table(d, units_, link);
    const std::string csv = d.url + "danh-sach.csv";
    write(csv.substr(1), table_csv(t));
    v.set("recipients", table_view(t, href(config_, csv)))
        .set("collectives", std::to_string(d.collective_count()))
        .set("individuals", std::to_string(d.recipients.size() - d.collective_count()));
    emit(out, d.url, "decision", std::move(v), diags);
  }

  // Units: the list, and a profile per unit with its record year by year.
  if (!units_.empty()) {
    std::map<std::string, int> models_of, awards_of;
    for (const Page& p : pages_) {
      if (p.is_model) ++models_of[p.model.unit];
    }
    for (const Decision& d : decisions_) {
      std::set<std::string> seen;
      for (const Recipient& r : d.recipients) {
        if (seen.insert(r.unit).second) ++awards_of[r.unit];
      }
    }
    Table t;
    t.caption = msg::units_caption();
    t.head = {"Đơn vị", "Loại tổ chức", "Loại hình", "Trực thuộc", "Mô hình", "Khen thưởng"};
    // Each đảng bộ cơ sở followed by its cells, then chi bộ cơ sở.
    std::vector<int> order;
    for (int i = 0; i < static_cast<int>(units_.all().size()); ++i) {
      const Unit& u = units_.all()[i];
      if (u.type == UnitType::SubCell && units_.find(u.parent)) continue;
      order.push_back(i);
      for (int c : units_.children(u.id)) order.push_back(c);
    }
    for (int i : order) {
      const Unit& u = units_.all()[i];
      const Unit* parent = units_.find(u.parent);
      t.rows.push_back({{u.name, unit_url(u.id)},
                        {unit_type_name(u.type)},
                        {u.sector},
                        {parent ? parent->name : "", parent ? unit_url(parent->id) : ""},
                        TableCell::number(std::to_string(models_of[u.id])),
                        TableCell::number(std::to_string(awards_of[u.id]))});
    }
    write("don-vi/danh-sach-don-vi.csv", table_csv(t));
    View v = base_view(config_, nav_, kUnits, "/don-vi/", msg::default_section_title(kUnits));
    intro(v, kUnits);
    v.set("units", table_view(t, href(config_, "/don-vi/danh-sach-don-vi.csv"))).set("count", std::to_string(order.size()));
    emit(out, "/don-vi/", "units", std::move(v), diags);
  }
  for (const Unit& u : units_.all()) {
    const std::string url = "/don-vi/" + u.id + "/";
    View v = base_view(config_, nav_, kUnits, url, u.name);
    crumb(v, kUnits);
    v.set("title", u.name).set("type", unit_type_name(u.type)).set("sector", u.sector).set("description", u.description);
    if (const Unit* p = units_.find(u.parent)) v.set("parent", View().set("name", p->name).set("url", unit_url(p->id)));
    View children = View::list();
    for (int c : units_.children(u.id)) {
      children.push(View().set("name", units_.all()[c].name).set("url", unit_url(units_.all()[c].id)));
    }
    v.set("has_children", !units_.children(u.id).empty()).set("children", std::move(children));

    // The timeline: every year the unit has a result, an award or a model in, newest first.
    std::map<int, View, std::greater<int>> years;
    auto year_list = [&](int y) -> View& {
      auto it = years.find(y);
      if (it == years.end()) it = years.emplace(y, View::list()).first;
      return it->second;
    };
    int results = 0, awards = 0, models = 0;
    for (const Campaign& c : campaigns_) {
      for (const YearResults& y : c.years) {
        for (const UnitResult& r : y.units) {
          if (r.unit != u.id) continue;
          const Grade* g = c.rules.grade(r.grade);
          std::string detail = !r.registered ? msg::not_registered()
                                             : (g ? g->name : msg::no_grade());
          if (r.registered && !c.rules.criteria.empty()) {
            detail += " – " + msg::criteria_met(static_cast<int>(r.met.size()), static_cast<int>(c.rules.criteria.size()));
          }
          if (r.score) detail += " – " + msg::number(*r.score) + " điểm";
          year_list(y.year).push(View()
                                     .set("what", msg::timeline_result())
                                     .set("title", c.name)
                                     .set("url", href(config_, year_url(c, y.year)))
                                     .set("detail", detail)
                                     .set("good", r.registered && g && c.rules.rank(r.grade) == 0));
          ++results;
          break;
        }
      }
    }
    for (const Decision& d : decisions_) {
      for (const Recipient& r : d.recipients) {
        if (r.unit != u.id) continue;
        std::string who = r.individual() ? msg::comrade(r.name) + (r.role.empty() ? "" : ", " + r.role) : msg::collective();
        year_list(d.date ? d.date->year : d.year)
            .push(View()
                      .set("what", d.form)
                      .set("title", (d.number.empty() ? "" : d.number + ": ") + d.title)
                      .set("url", href(config_, d.url))
                      .set("detail", who + (r.achievement.empty() ? "" : " – " + r.achievement)));
        ++awards;
      }
    }
    for (const Page& p : pages_) {
      if (!p.is_model || p.model.unit != u.id) continue;
      year_list(p.model.year)
          .push(View().set("what", msg::timeline_model()).set("title", p.title).set("url", href(config_, p.url)).set("detail", p.model.category));
      ++models;
    }
    View timeline = View::list();
    for (auto& [year, items] : years) timeline.push(View().set("year", std::to_string(year)).set("items", std::move(items)));
    v.set("has_timeline", !years.empty())
        .set("timeline", std::move(timeline))
        .set("counts", msg::unit_counts(results, awards, models));
    emit(out, url, "unit", std::move(v), diags);
  }
}

}  // namespace congbo

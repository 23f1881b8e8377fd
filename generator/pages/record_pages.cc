// record_pages.cc: the record families, and what records add to other pages.
#include "record_pages.h"

#include <algorithm>
#include <map>
#include <set>

#include "calendar_page.h"
#include "chart.h"
#include "page_words.h"
#include "sections.h"
#include "records_view.h"
#include "table.h"
#include "text.h"

namespace congbo {

void RecordContext::emit(const std::string& url, const std::string& layout, View v) const {
  congbo::emit(site, url, layout, std::move(v), diags);
}

void RecordContext::write(const std::string& path, const std::string& bytes) const {
  write_file(site, path, bytes, diags);
}

std::string unit_link(const PageContext& site, const Records& records, const std::string& id) {
  return records.units.find(id) ? href(site.config, unit_page_url(id)) : "";
}

View plan_link(const PageContext& site, const RelationEntry& plan, int page) {
  View v;
  if (plan.text.empty()) return v;
  if (page >= 0) {
    const Page& p = site.pages[page];
    v.set("title", document_title(p)).set("url", href(site.config, p.url));
  } else {
    v.set("title", plan.text);
  }
  return v;
}

std::string RecordContext::unit_url(const std::string& id) const { return unit_link(site, records, id); }

View RecordContext::plan_view(const RelationEntry& plan, int page) const { return plan_link(site, plan, page); }

void RecordContext::set_updated(View& v, const std::string& source) const {
  if (!repo) return;
  const FileHistory* h = repo->history(source);
  if (!h || h->versions.empty() || h->versions.front().deleted) return;
  v.set("updated", h->versions.front().date.display()).set("updated_iso", h->versions.front().time);
}

void RecordContext::section_intro(View& v, const std::string& name) const {
  const Section* s = site.section(name);
  if (s && s->index_page >= 0) v.set("intro", site.rendered[s->index_page].html);
  v.set("title", s ? s->title : words::default_section_title(name));
}

void RecordContext::section_crumb(View& v, const std::string& name) const {
  const Section* s = site.section(name);
  v.set("parent_title", s ? s->title : words::default_section_title(name)).set("parent_url", href(site.config, "/" + name + "/"));
}

namespace {

std::string year_csv(const Campaign& c, int year) { return c.url + "ket-qua-" + std::to_string(year) + ".csv"; }

// A table shown on a page and offered for download from the same data.
View table_with_csv(const RecordContext& cx, const Table& t, const std::string& csv_url) {
  cx.write(csv_url.substr(1), table_csv(t));
  return table_view(t, href(cx.site.config, csv_url));
}

View year_links(const RecordContext& cx, const Campaign& c, int current = 0, bool newest_first = true) {
  View links = View::list();
  auto add = [&](const YearResults& y) {
    View l = View().set("year", std::to_string(y.year)).set("url", href(cx.site.config, campaign_year_url(c, y.year)));
    if (!newest_first) l.set("current", y.year == current);
    links.push(std::move(l));
  };
  if (newest_first) {
    for (auto it = c.years.rbegin(); it != c.years.rend(); ++it) add(*it);
  } else {
    for (const auto& y : c.years) add(y);
  }
  return links;
}

void campaigns_index(const RecordContext& cx) {
  View v = base_view(cx.site.config, cx.site.nav, kCampaignsSection, "/thi-dua/", words::default_section_title(kCampaignsSection));
  cx.section_intro(v, kCampaignsSection);
  View items = View::list();
  for (const Campaign& c : cx.records.campaigns) {
    items.push(View()
                   .set("title", c.name)
                   .set("url", href(cx.site.config, c.url))
                   .set("period", c.period)
                   .set("summary", c.description)
                   .set("years", year_links(cx, c)));
  }
  v.set("campaigns", std::move(items));
  const bool dated = std::any_of(cx.records.campaigns.begin(), cx.records.campaigns.end(),
                                 [](const Campaign& c) { return !c.deadlines.empty(); });
  if (dated) v.set("calendar_url", calendar_url(cx));
  cx.emit("/thi-dua/", "campaigns", std::move(v));
}

// What a campaign's rules say: criteria, grades, targets, commendation.
void set_rules(View& v, const Campaign& c) {
  View criteria = View::list();
  for (const auto& cr : c.rules.criteria) {
    View thresholds = View::list();
    for (const Threshold& t : cr.thresholds) thresholds.push(View().set("rule", c.rules.describe(t)));
    criteria.push(View().set("name", cr.name).set("has_thresholds", !cr.thresholds.empty()).set("thresholds", std::move(thresholds)));
  }
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
    v.set("commendation", words::commendation_rule(cr.quota ? cr.quota->text : "", g ? g->name : "", cr.years_running));
  }
}

void campaign_page(const RecordContext& cx, size_t ci, const std::vector<YearSummary>& summaries) {
  const Campaign& c = cx.records.campaigns[ci];
  View v = base_view(cx.site.config, cx.site.nav, kCampaignsSection, c.url, c.name);
  cx.section_crumb(v, kCampaignsSection);
  v.set("title", c.name).set("period", c.period).set("description", c.description);
  if (c.sample) v.set("sample_notice", words::sample_notice());
  cx.set_updated(v, c.source);
  if (!c.plan.text.empty()) v.set("plan", cx.plan_view(c.plan, cx.records.campaign_plan[ci]));
  set_rules(v, c);
  View charts = View::list();
  for (const BarChart& ch : target_charts(c, summaries)) charts.push(View().set("svg", bar_chart_svg(ch)).set("title", ch.title));
  v.set("has_charts", !c.rules.targets.empty() && !summaries.empty()).set("charts", std::move(charts));
  Table years = years_table(c, summaries);
  v.set("has_years", !summaries.empty()).set("years_table", table_with_csv(cx, years, c.url + "so-sanh-cac-nam.csv"));
  v.set("year_links", year_links(cx, c));
  cx.emit(c.url, "campaign", std::move(v));
}

void campaign_year_page(const RecordContext& cx, const Campaign& c, const YearResults& y, const YearSummary& s) {
  const UnitLink link = [&](const std::string& id) { return cx.unit_url(id); };
  const std::string url = campaign_year_url(c, y.year);
  View yv = base_view(cx.site.config, cx.site.nav, kCampaignsSection, url, words::campaign_year_title(c.name, y.year));
  yv.set("title", words::campaign_year_title(c.name, y.year))
      .set("parent_title", c.name)
      .set("parent_url", href(cx.site.config, c.url))
      .set("date", y.date ? y.date->display() : "");
  if (c.sample) yv.set("sample_notice", words::sample_notice());
  yv.set("registered", std::to_string(s.registered)).set("listed", std::to_string(s.listed));
  yv.set("results", table_with_csv(cx, results_table(c, y, cx.records.units, link), year_csv(c, y.year)));
  yv.set("grades", table_with_csv(cx, grades_table(c, s), c.url + "xep-loai-" + std::to_string(y.year) + ".csv"));
  if (!c.rules.targets.empty()) {
    yv.set("targets", table_with_csv(cx, targets_table(c, s), c.url + "chi-tieu-" + std::to_string(y.year) + ".csv"));
  }
  yv.set("year_links", year_links(cx, c, y.year, false));
  View deadlines = year_deadlines(cx, c, y.year);
  if (!deadlines.items().empty()) {
    yv.set("deadlines", std::move(deadlines)).set("calendar_url", calendar_url(cx)).set("calendar_script", calendar_script(cx));
  }
  cx.emit(url, "campaign_year", std::move(yv));
}

}  // namespace

void render_campaign_pages(const RecordContext& cx) {
  if (!cx.records.campaigns.empty()) campaigns_index(cx);
  for (size_t ci = 0; ci < cx.records.campaigns.size(); ++ci) {
    const Campaign& c = cx.records.campaigns[ci];
    std::vector<YearSummary> summaries;
    for (const YearResults& y : c.years) summaries.push_back(c.summary(y, cx.records.units));
    campaign_page(cx, ci, summaries);
    for (size_t yi = 0; yi < c.years.size(); ++yi) campaign_year_page(cx, c, c.years[yi], summaries[yi]);
  }
  render_calendar_page(cx);
}

namespace {

View decision_item(const RecordContext& cx, const Decision& d) {
  return View()
      .set("title", d.title)
      .set("number", d.number)
      .set("form", d.form)
      .set("url", href(cx.site.config, d.url))
      .set("date", d.date ? d.date->display() : words::unknown_date())
      .set("date_iso", d.date ? d.date->iso() : "")
      .set("count", std::to_string(d.recipients.size()));
}

struct DecisionLists {
  std::vector<const Decision*> all;
  std::map<int, std::vector<const Decision*>> by_year;
  std::map<std::string, std::vector<const Decision*>> by_form;  ///< by the form's slug
  View year_links = View::list(), form_links = View::list();  ///< the same on each list
};

DecisionLists decision_lists(const RecordContext& cx) {
  DecisionLists l;
  for (const Decision& d : cx.records.decisions) {
    l.all.push_back(&d);
    if (d.date) l.by_year[d.date->year].push_back(&d);
    l.by_form[slugify(d.form)].push_back(&d);
  }
  for (auto it = l.by_year.rbegin(); it != l.by_year.rend(); ++it) {
    l.year_links.push(View()
                          .set("title", words::year_title(it->first))
                          .set("url", href(cx.site.config, decisions_year_url(it->first)))
                          .set("count", std::to_string(it->second.size())));
  }
  for (const auto& [slug, list] : l.by_form) {
    l.form_links.push(View()
                          .set("title", list[0]->form)
                          .set("url", href(cx.site.config, decisions_form_url(list[0]->form)))
                          .set("count", std::to_string(list.size())));
  }
  return l;
}

void decision_list(const RecordContext& cx, const DecisionLists& l, const std::string& url, const std::string& title,
                   const std::vector<const Decision*>& list, bool top) {
  View v = base_view(cx.site.config, cx.site.nav, kAwardsSection, url, title);
  if (top) {
    cx.section_intro(v, kAwardsSection);
  } else {
    v.set("title", title);
    cx.section_crumb(v, kAwardsSection);
  }
  View items = View::list();
  for (const Decision* d : list) items.push(decision_item(cx, *d));
  v.set("decisions", std::move(items)).set("count", std::to_string(list.size()));
  v.set("by_year", l.year_links).set("by_form", l.form_links);
  cx.emit(url, "decisions", std::move(v));
}

void decision_page(const RecordContext& cx, size_t di) {
  const Decision& d = cx.records.decisions[di];
  std::string title = d.form + ": " + d.title;
  View v = base_view(cx.site.config, cx.site.nav, kAwardsSection, d.url, d.number.empty() ? title : d.number + " – " + title);
  cx.section_crumb(v, kAwardsSection);
  v.set("title", d.title)
      .set("form", d.form)
      .set("number", d.number)
      .set("date", d.date ? d.date->display() : words::unknown_date())
      .set("date_iso", d.date ? d.date->iso() : "")
      .set("issuer", cx.site.config.issuer_label(d.issuer))
      .set("year", std::to_string(d.year));
  if (d.sample) v.set("sample_notice", words::sample_notice());
  cx.set_updated(v, d.source);
  if (!d.plan.text.empty()) v.set("plan", cx.plan_view(d.plan, cx.records.decision_plan[di]));
  for (const Campaign& c : cx.records.campaigns) {
    if (c.id != d.campaign) continue;
    View cv;
    cv.set("title", c.name).set("url", href(cx.site.config, c.url));
    if (c.year(d.year)) cv.set("year_url", href(cx.site.config, campaign_year_url(c, d.year))).set("year", std::to_string(d.year));
    v.set("campaign", std::move(cv));
  }
  const UnitLink link = [&](const std::string& id) { return cx.unit_url(id); };
  v.set("recipients", table_with_csv(cx, recipients_table(d, cx.records.units, link), d.url + "danh-sach.csv"))
      .set("collectives", std::to_string(d.collective_count()))
      .set("individuals", std::to_string(d.recipients.size() - d.collective_count()));
  cx.emit(d.url, "decision", std::move(v));
}

}  // namespace

void render_decision_pages(const RecordContext& cx) {
  if (!cx.records.decisions.empty()) {
    const DecisionLists l = decision_lists(cx);
    decision_list(cx, l, "/khen-thuong/", words::default_section_title(kAwardsSection), l.all, true);
    for (const auto& [year, list] : l.by_year) decision_list(cx, l, decisions_year_url(year), words::decisions_in_year(year), list, false);
    for (const auto& [slug, list] : l.by_form) decision_list(cx, l, decisions_form_url(list[0]->form), list[0]->form, list, false);
  }
  for (size_t di = 0; di < cx.records.decisions.size(); ++di) decision_page(cx, di);
}

namespace {

void units_index(const RecordContext& cx) {
  std::map<std::string, int> models_of, awards_of;
  for (const Page& p : cx.site.pages) {
    if (p.is_model) ++models_of[p.model.unit];
  }
  for (const Decision& d : cx.records.decisions) {
    std::set<std::string> seen;
    for (const Recipient& r : d.recipients) {
      if (seen.insert(r.unit).second) ++awards_of[r.unit];
    }
  }
  Table t;
  t.caption = words::units_caption();
  t.head = {words::text("table.unit"), words::text("table.unit_type"), words::text("table.sector"), words::text("table.parent"), words::text("table.models"), words::text("table.awards")};
  // Each đảng bộ cơ sở followed by its cells, then chi bộ cơ sở.
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(cx.records.units.all().size()); ++i) {
    const Unit& u = cx.records.units.all()[i];
    if (u.type == UnitType::SubCell && cx.records.units.find(u.parent)) continue;
    order.push_back(i);
    for (int c : cx.records.units.children(u.id)) order.push_back(c);
  }
  for (int i : order) {
    const Unit& u = cx.records.units.all()[i];
    const Unit* parent = cx.records.units.find(u.parent);
    t.rows.push_back({{u.name, cx.unit_url(u.id)},
                      {unit_type_name(u.type)},
                      {u.sector},
                      {parent ? parent->name : "", parent ? cx.unit_url(parent->id) : ""},
                      TableCell::number(std::to_string(models_of[u.id])),
                      TableCell::number(std::to_string(awards_of[u.id]))});
  }
  View v = base_view(cx.site.config, cx.site.nav, kUnitsSection, "/don-vi/", words::default_section_title(kUnitsSection));
  cx.section_intro(v, kUnitsSection);
  v.set("units", table_with_csv(cx, t, "/don-vi/danh-sach-don-vi.csv")).set("count", std::to_string(order.size()));
  if (cx.records.units.sample()) v.set("sample_notice", words::sample_notice());
  cx.emit("/don-vi/", "units", std::move(v));
}

// A unit's timeline: every year it has a result, an award or a model in,
// newest first; and how many of each.
struct Timeline {
  std::map<int, View, std::greater<int>> years;
  int results = 0, awards = 0, models = 0;
  View& year(int y) {
    auto it = years.find(y);
    if (it == years.end()) it = years.emplace(y, View::list()).first;
    return it->second;
  }
};

}  // namespace

std::vector<UnitEntry> unit_entries(const PageContext& site, const Records& records, const Unit& u) {
  std::vector<UnitEntry> out;
  for (const Campaign& c : records.campaigns) {
    for (const YearResults& y : c.years) {
      for (const UnitResult& r : y.units) {
        if (r.unit != u.id) continue;
        const Grade* g = c.rules.grade(r.grade);
        std::string detail = !r.registered ? words::not_registered() : (g ? g->name : words::no_grade());
        if (r.registered && !c.rules.criteria.empty()) {
          detail += " – " + words::criteria_met(r.met_count(), static_cast<int>(c.rules.criteria.size()));
        }
        if (r.score) detail += words::text("records.score", {{"score", words::number(*r.score)}});
        out.push_back({UnitEntry::kResult, y.year, words::timeline_result(), c.name,
                       href(site.config, campaign_year_url(c, y.year)), detail,
                       r.registered && g && c.rules.rank(r.grade) == 0, c.sample});
        break;
      }
    }
  }
  for (const Decision& d : records.decisions) {
    for (const Recipient& r : d.recipients) {
      if (r.unit != u.id) continue;
      std::string who = r.individual() ? words::comrade(r.name) + (r.role.empty() ? "" : ", " + r.role) : words::collective();
      out.push_back({UnitEntry::kAward, d.date ? d.date->year : d.year, d.form, numbered_title(d.number, d.title),
                     href(site.config, d.url), who + (r.achievement.empty() ? "" : " – " + r.achievement), false,
                     d.sample});
    }
  }
  for (const Page& p : site.pages) {
    if (!p.is_model || p.model.unit != u.id) continue;
    out.push_back({UnitEntry::kModel, p.model.year, words::timeline_model(), p.title, href(site.config, p.url),
                   p.model.category, false, p.model.sample});
  }
  return out;
}

namespace {

void unit_page(const RecordContext& cx, const Unit& u) {
  const std::string url = unit_page_url(u.id);
  View v = base_view(cx.site.config, cx.site.nav, kUnitsSection, url, u.name);
  cx.section_crumb(v, kUnitsSection);
  v.set("title", u.name).set("type", unit_type_name(u.type)).set("sector", u.sector).set("description", u.description);
  if (const Unit* p = cx.records.units.find(u.parent)) v.set("parent", View().set("name", p->name).set("url", cx.unit_url(p->id)));
  View children = View::list();
  for (int c : cx.records.units.children(u.id)) {
    children.push(View().set("name", cx.records.units.all()[c].name).set("url", cx.unit_url(cx.records.units.all()[c].id)));
  }
  v.set("has_children", !cx.records.units.children(u.id).empty()).set("children", std::move(children));
  Timeline tl;
  // Said on the page of a unit the sample made up, or that shows a record it did.
  bool sample = cx.records.units.sample() || u.sample;
  for (const UnitEntry& e : unit_entries(cx.site, cx.records, u)) {
    sample = sample || e.sample;
    tl.year(e.year).push(
        View().set("what", e.what).set("title", e.title).set("url", e.url).set("detail", e.detail).set("good", e.good));
    ++(e.kind == UnitEntry::kResult ? tl.results : e.kind == UnitEntry::kAward ? tl.awards : tl.models);
  }
  View timeline = View::list();
  for (auto& [year, items] : tl.years) timeline.push(View().set("year", std::to_string(year)).set("items", std::move(items)));
  v.set("has_timeline", !tl.years.empty())
      .set("timeline", std::move(timeline))
      .set("counts", words::unit_counts(tl.results, tl.awards, tl.models));
  if (sample) v.set("sample_notice", words::sample_notice());
  cx.emit(url, "unit", std::move(v));
}

}  // namespace

void render_unit_pages(const RecordContext& cx) {
  if (!cx.records.units.empty()) units_index(cx);
  for (const Unit& u : cx.records.units.all()) unit_page(cx, u);
}

View model_view(const PageContext& site, const Records& records, const Page& page, int plan_page) {
  const ModelMeta& m = page.model;
  View v;
  const Unit* u = records.units.find(m.unit);
  v.set("unit", u ? u->name : m.unit)
      .set("unit_url", unit_link(site, records, m.unit))
      .set("year", std::to_string(m.year))
      .set("year_url", href(site.config, "/mo-hinh/nam/" + std::to_string(m.year) + "/"))
      .set("category", m.category)
      .set("category_url", href(site.config, "/mo-hinh/chu-de/" + slugify(m.category) + "/"));
  if (!m.plan.text.empty()) v.set("plan", plan_link(site, m.plan, plan_page));
  View images = View::list();
  for (const ModelImage& img : m.images) {
    images.push(View()
                    .set("src", !img.sized_src.empty() ? img.sized_src
                                : starts_with(img.src, "/") ? href(site.config, img.src) : img.src)
                    .set("srcset", img.srcset)
                    .set("width", std::to_string(img.width))
                    .set("height", std::to_string(img.height))
                    .set("alt", img.alt)
                    .set("caption", img.caption));
  }
  v.set("has_images", !m.images.empty()).set("images", std::move(images));
  if (m.sample) v.set("sample_notice", words::sample_notice());
  return v;
}

View carried_out(const PageContext& site, const Records& records, int index) {
  View list = View::list();
  for (size_t i = 0; i < records.campaigns.size() && i < records.campaign_plan.size(); ++i) {
    if (records.campaign_plan[i] != index) continue;
    const Campaign& c = records.campaigns[i];
    list.push(View().set("what", words::record_campaign()).set("title", c.name).set("url", href(site.config, c.url)).set("sample", c.sample));
  }
  for (size_t i = 0; i < records.decisions.size() && i < records.decision_plan.size(); ++i) {
    if (records.decision_plan[i] != index) continue;
    const Decision& d = records.decisions[i];
    list.push(View().set("what", d.form).set("title", numbered_title(d.number, d.title)).set("url", href(site.config, d.url)).set("sample", d.sample));
  }
  for (size_t i = 0; i < records.model_plan.size(); ++i) {
    if (records.model_plan[i] != index) continue;
    const Page& m = site.pages[i];
    list.push(View().set("what", words::timeline_model()).set("title", m.title).set("url", href(site.config, m.url)).set("sample", m.model.sample));
  }
  return list;
}

void add_record_search(const PageContext& site, const Records& records, std::vector<SearchDocument>& docs) {
  auto doc = [&](const std::string& section, const std::string& url, const std::string& title) {
    SearchDocument d;
    d.url = href(site.config, url);
    d.title = title;
    d.section = section;
    const Section* s = site.section(section);
    d.section_title = s ? s->title : words::default_section_title(section);
    return d;
  };
  for (const Campaign& c : records.campaigns) {
    SearchDocument d = doc(kCampaignsSection, c.url, c.name);
    d.text = c.description + "\n";
    for (const auto& cr : c.rules.criteria) d.text += cr.name + "\n";
    for (const auto& t : c.rules.targets) d.text += t.name + "\n";
    docs.push_back(std::move(d));
    for (const YearResults& y : c.years) {
      SearchDocument yd = doc(kCampaignsSection, campaign_year_url(c, y.year), words::campaign_year_title(c.name, y.year));
      yd.facts = c.name + " · " + std::to_string(y.year);
      yd.date = y.date;
      for (const UnitResult& u : y.units) {
        const Unit* unit = records.units.find(u.unit);
        const Grade* g = c.rules.grade(u.grade);
        if (unit) yd.text += unit->name + (g ? ": " + g->name : "") + "\n";
      }
      docs.push_back(std::move(yd));
    }
  }
  for (const Decision& d : records.decisions) {
    SearchDocument sd = doc(kAwardsSection, d.url, d.form + ": " + d.title);
    sd.facts = d.form + (d.number.empty() ? "" : " " + d.number);
    sd.number = d.number;
    sd.date = d.date;
    sd.issuer = d.issuer;
    sd.issuer_name = site.config.issuer_label(d.issuer);
    for (const Recipient& r : d.recipients) {
      const Unit* u = records.units.find(r.unit);
      sd.text += (r.individual() ? r.name + ", " + r.role + ", " : "") + (u ? u->name : r.unit) + ": " + r.achievement + "\n";
    }
    docs.push_back(std::move(sd));
  }
  for (const Unit& u : records.units.all()) {
    SearchDocument sd = doc(kUnitsSection, unit_page_url(u.id), u.name);
    sd.facts = unit_type_name(u.type) + (u.sector.empty() ? "" : " · " + u.sector);
    if (const Unit* parent = records.units.find(u.parent)) sd.facts += " · " + parent->name;
    // What the unit's page lists year by year, as lines of text.
    sd.text = u.description + "\n";
    for (const UnitEntry& e : unit_entries(site, records, u)) {
      sd.text += std::to_string(e.year) + " " + e.what + " " + e.title + ": " + e.detail + "\n";
    }
    docs.push_back(std::move(sd));
  }
}

std::string model_facts(const Records& records, const Page& page) {
  const ModelMeta& m = page.model;
  const Unit* u = records.units.find(m.unit);
  return m.category + " · " + (u ? u->name : m.unit) + " · " + std::to_string(m.year) +
         (m.plan.text.empty() ? "" : " · " + m.plan.text);
}

}  // namespace congbo

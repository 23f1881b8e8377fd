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
#include "record_pages.h"
#include "records_view.h"
#include "site.h"
#include "text.h"

namespace congbo {
namespace {

// Data files sit directly in their folder: content/thi-dua/x.toml.
bool data_file(const std::string& rel, const std::string& dir) {
  return ends_with(rel, ".toml") && rel.rfind('/') == dir.size();
}


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
  return units_.find(id) ? href(config_, unit_page_url(id)) : "";
}

View Site::plan_view(const RelationEntry& plan, int page) const {
  View v;
  if (plan.text.empty()) return v;
  if (page >= 0) {
    const Page& p = pages_[page];
    v.set("title", document_title(p)).set("url", href(config_, p.url));
  } else {
    v.set("title", plan.text);
  }
  return v;
}

View Site::model_view(const Page& page, int plan_page) const {
  const ModelMeta& m = page.model;
  View v;
  const Unit* u = units_.find(m.unit);
  v.set("unit", u ? u->name : m.unit)
      .set("unit_url", unit_url(m.unit))
      .set("year", std::to_string(m.year))
      .set("year_url", href(config_, "/mo-hinh/nam/" + std::to_string(m.year) + "/"))
      .set("category", m.category)
      .set("category_url", href(config_, "/mo-hinh/chu-de/" + slugify(m.category) + "/"));
  if (!m.plan.text.empty()) v.set("plan", plan_view(m.plan, plan_page));
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
    list.push(View().set("what", d.form).set("title", numbered_title(d.number, d.title)).set("url", href(config_, d.url)));
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
  if (!campaigns_.empty()) urls.emplace_back("/thi-dua/", kCampaignsSection);
  for (const Campaign& c : campaigns_) {
    urls.emplace_back(c.url, kCampaignsSection);
    for (const auto& y : c.years) urls.emplace_back(campaign_year_url(c, y.year), kCampaignsSection);
  }
  if (!decisions_.empty()) {
    urls.emplace_back("/khen-thuong/", kAwardsSection);
    std::set<std::string> facets;
    for (const Decision& d : decisions_) {
      urls.emplace_back(d.url, kAwardsSection);
      if (d.date) facets.insert(decisions_year_url(d.date->year));
      facets.insert(decisions_form_url(d.form));
    }
    for (const auto& f : facets) urls.emplace_back(f, kAwardsSection);
  }
  if (!units_.empty()) urls.emplace_back("/don-vi/", kUnitsSection);
  for (const Unit& u : units_.all()) urls.emplace_back(unit_page_url(u.id), kUnitsSection);
  return urls;
}

void Site::add_record_search(std::vector<SearchDocument>& docs) const {
  auto doc = [&](const std::string& section, const std::string& url, const std::string& title) {
    SearchDocument d;
    d.url = href(config_, url);
    d.title = title;
    d.section = section;
    const Section* s = lists_.section(section);
    d.section_title = s ? s->title : msg::default_section_title(section);
    return d;
  };
  for (const Campaign& c : campaigns_) {
    SearchDocument d = doc(kCampaignsSection, c.url, c.name);
    d.text = c.description + "\n";
    for (const auto& cr : c.rules.criteria) d.text += cr.name + "\n";
    for (const auto& t : c.rules.targets) d.text += t.name + "\n";
    docs.push_back(std::move(d));
    for (const YearResults& y : c.years) {
      SearchDocument yd = doc(kCampaignsSection, campaign_year_url(c, y.year), msg::campaign_year_title(c.name, y.year));
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
    SearchDocument sd = doc(kAwardsSection, d.url, d.form + ": " + d.title);
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
    SearchDocument sd = doc(kUnitsSection, unit_page_url(u.id), u.name);
    sd.text = unit_type_name(u.type) + ". " + u.sector + ". " + u.description;
    docs.push_back(std::move(sd));
  }
}

void Site::render_records(const PageContext& site, Diagnostics& diags) const {
  const RecordContext cx{
      config_, lists_.nav, units_, campaigns_, decisions_, pages_, campaign_plan_, decision_plan_,
      [this](const std::string& id) { return unit_url(id); },
      [this](const RelationEntry& plan, int page) { return plan_view(plan, page); },
      [this](View& v, const std::string& source) { set_updated(v, source); },
      [this](View& v, const std::string& name) {
        const Section* s = lists_.section(name);
        if (s && s->index_page >= 0) v.set("intro", rendered_[s->index_page].html);
        v.set("title", s ? s->title : msg::default_section_title(name));
      },
      [this](View& v, const std::string& name) {
        const Section* s = lists_.section(name);
        v.set("parent_title", s ? s->title : msg::default_section_title(name)).set("parent_url", href(config_, "/" + name + "/"));
      },
      [&](const std::string& url, const std::string& layout, View v) { emit(site, url, layout, std::move(v), diags); },
      [&](const std::string& path, const std::string& data) { write_file(site, path, data, diags); }};
  render_campaign_pages(cx);
  render_decision_pages(cx);
  render_unit_pages(cx);
}

}  // namespace congbo

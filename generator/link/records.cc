// records.cc: loading and linking the records.
#include "records.h"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <set>

#include "doc_number.h"
#include "messages.h"
#include "sections.h"
#include "text.h"

namespace congbo {
namespace {

// Data files sit directly in their folder: content/thi-dua/x.toml.
bool data_file(const std::string& rel, const std::string& dir) {
  return ends_with(rel, ".toml") && rel.rfind('/') == dir.size();
}

// A `plan` field: the page it names, or -1 (a number not on the site is shown as text).
int resolve_plan(const RelationEntry& plan, const std::string& path, const std::vector<Page>& pages,
                 const DocumentIndex& index, Diagnostics& diags) {
  if (plan.text.empty()) return -1;
  const std::string source = "content/" + plan.text + (ends_with(plan.text, ".md") ? "" : ".md");
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    if (pages[i].source == source) return i;
  }
  auto ref = parse_reference(plan.text);
  if (!ref) {
    diags.error(path, plan.line, plan.col, msg::unknown_plan(plan.text));
    return -1;
  }
  auto r = index.resolve(ref->number, ref->date, -1);
  return r.status == DocumentIndex::Status::Found ? r.page : -1;
}

}  // namespace

int Records::model_plan_of(int index) const {
  return index >= 0 && index < static_cast<int>(model_plan.size()) ? model_plan[index] : -1;
}

Records load_records(const SourceTree& source, const SiteConfig& config, Diagnostics& diags) {
  Records r;
  auto text_of = [&](const std::string& rel) -> std::optional<std::string> {
    auto raw = source.read(rel);
    if (!raw) {
      diags.error(rel, 0, 0, msg::unreadable_file(msg::system_error(errno)));
      return std::nullopt;
    }
    return decode_text(std::move(*raw), rel, diags);
  };
  if (source.exists("content/don-vi.toml")) {
    if (auto text = text_of("content/don-vi.toml")) r.units = Units::load(*text, "content/don-vi.toml", diags);
  }
  for (const auto& rel : source.list("content/thi-dua")) {
    if (!data_file(rel, "content/thi-dua")) continue;
    if (auto text = text_of(rel)) {
      if (auto c = Campaign::load(*text, rel, diags)) r.campaigns.push_back(std::move(*c));
    }
  }
  for (const auto& rel : source.list("content/khen-thuong")) {
    if (!data_file(rel, "content/khen-thuong")) continue;
    if (auto text = text_of(rel)) {
      if (auto d = Decision::load(*text, rel, config, diags)) r.decisions.push_back(std::move(*d));
    }
  }
  return r;
}

void link_records(Records& r, const std::vector<Page>& pages, const DocumentIndex& index, Diagnostics& diags) {
  for (Campaign& c : r.campaigns) {
    c.grade(r.units, diags);
    r.campaign_plan.push_back(resolve_plan(c.plan, c.source, pages, index, diags));
  }
  std::stable_sort(r.decisions.begin(), r.decisions.end(), [](const Decision& a, const Decision& b) {
    return a.date > b.date;  // newest first
  });
  for (const Decision& d : r.decisions) {
    d.check(r.units, r.campaigns, diags);
    r.decision_plan.push_back(resolve_plan(d.plan, d.source, pages, index, diags));
  }
  r.model_plan.assign(pages.size(), -1);
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    if (!p.is_model) continue;
    if (!p.model.unit.empty() && !r.units.find(p.model.unit)) {
      diags.error(p.source, p.model.unit_line, p.model.unit_col, msg::unknown_unit(p.model.unit));
    }
    r.model_plan[i] = resolve_plan(p.model.plan, p.source, pages, index, diags);
  }
}

std::string campaign_year_url(const Campaign& c, int year) { return c.url + std::to_string(year) + "/"; }
std::string decisions_year_url(int year) { return "/khen-thuong/nam/" + std::to_string(year) + "/"; }
std::string decisions_form_url(const std::string& form) { return "/khen-thuong/hinh-thuc/" + slugify(form) + "/"; }
std::string unit_page_url(const std::string& unit_id) { return "/don-vi/" + unit_id + "/"; }

std::vector<std::pair<std::string, std::string>> record_urls(const Records& r) {
  std::vector<std::pair<std::string, std::string>> urls;
  if (!r.campaigns.empty()) urls.emplace_back("/thi-dua/", kCampaignsSection);
  for (const Campaign& c : r.campaigns) {
    urls.emplace_back(c.url, kCampaignsSection);
    for (const auto& y : c.years) urls.emplace_back(campaign_year_url(c, y.year), kCampaignsSection);
  }
  if (!r.decisions.empty()) {
    urls.emplace_back("/khen-thuong/", kAwardsSection);
    std::set<std::string> facets;
    for (const Decision& d : r.decisions) {
      urls.emplace_back(d.url, kAwardsSection);
      if (d.date) facets.insert(decisions_year_url(d.date->year));
      facets.insert(decisions_form_url(d.form));
    }
    for (const auto& f : facets) urls.emplace_back(f, kAwardsSection);
  }
  if (!r.units.empty()) urls.emplace_back("/don-vi/", kUnitsSection);
  for (const Unit& u : r.units.all()) urls.emplace_back(unit_page_url(u.id), kUnitsSection);
  return urls;
}

}  // namespace congbo

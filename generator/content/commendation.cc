// commendation.cc: reading and checking a commendation decision.
#include "commendation.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "field_reader.h"
#include "messages.h"
#include "page_words.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo {

std::optional<Decision> Decision::load(const std::string& text, const std::string& path,
                                       const SiteConfig& config, Diagnostics& diags) {
  auto root = read_toml(text, path, 1, diags);
  if (!root) return std::nullopt;
  Decision d;
  d.source = path;
  d.id = slugify(std::filesystem::path(path).stem().string());
  d.url = "/khen-thuong/" + d.id + "/";
  FieldReader r(*root, path, diags);
  if (auto v = r.string("number")) d.number = *v;
  d.date = r.date("date", true);
  if (auto v = r.string("issuer", true)) {
    d.issuer = *v;
    if (!config.issuer(d.issuer)) {
      auto [line, col] = r.where("issuer");
      diags.error(path, line, col, msg::unknown_issuer(d.issuer));
    }
  }
  if (auto v = r.string("form", true)) d.form = *v;
  if (auto v = r.string("title", true)) d.title = *v;
  if (auto v = r.string("campaign")) {
    d.campaign = *v;
    std::tie(d.campaign_line, d.campaign_col) = r.where("campaign");
  }
  if (auto v = r.integer_in("year", kFirstYear, kLastYear)) d.year = static_cast<int>(*v);
  else if (d.date) d.year = d.date->year;
  if (auto v = read_entry(r, "plan")) d.plan = *v;
  if (auto v = r.boolean("sample")) d.sample = *v;
  for (const Value* t : r.tables("recipients")) {
    FieldReader rr(*t, path, diags, "recipients.");
    Recipient rec;
    if (auto v = rr.string("unit", true)) rec.unit = *v;
    std::tie(rec.line, rec.col) = rr.where("unit");
    if (auto v = rr.string("name")) rec.name = *v;
    if (auto v = rr.string("role")) rec.role = *v;
    if (auto v = rr.string("achievement")) rec.achievement = *v;
    rr.finish(msg::unknown_field);
    d.recipients.push_back(std::move(rec));
  }
  if (d.recipients.empty()) diags.error(path, 1, 1, msg::no_recipients());
  r.finish(msg::unknown_field);
  return d;
}

int Decision::collective_count() const {
  return static_cast<int>(std::count_if(recipients.begin(), recipients.end(),
                                        [](const Recipient& r) { return !r.individual(); }));
}

void Decision::check(const Units& units, const std::vector<Campaign>& campaigns, Diagnostics& diags) const {
  for (const Recipient& r : recipients) {
    if (!r.unit.empty() && !units.find(r.unit)) diags.error(source, r.line, r.col, msg::unknown_unit(r.unit));
  }
  if (campaign.empty()) return;
  auto c = std::find_if(campaigns.begin(), campaigns.end(), [&](const Campaign& x) { return x.id == campaign; });
  if (c == campaigns.end()) {
    diags.error(source, campaign_line, campaign_col, msg::unknown_campaign(campaign));
    return;
  }
  const CommendationRule& rule = c->rules.commendation;
  if (rule.quota) {
    int registered = 0;
    if (const YearResults* y = c->year(year)) {
      for (const UnitResult& u : y->units) registered += u.registered ? 1 : 0;
    }
    int64_t limit = rule.quota->limit(registered);
    if (collective_count() > limit) {
      diags.error(source, campaign_line, campaign_col,
                  msg::over_quota(collective_count(), rule.quota->text, registered, year, static_cast<int>(limit)));
    }
  }
  if (rule.grade.empty()) return;
  const Grade* bar = c->rules.grade(rule.grade);
  for (const Recipient& r : recipients) {
    if (r.individual() || !units.find(r.unit)) continue;
    for (int y = year - rule.years_running + 1; y <= year; ++y) {
      const UnitResult* res = c->result(y, r.unit);
      if (res && res->registered && c->rules.at_least(res->grade, rule.grade)) continue;
      const Grade* got = res ? c->rules.grade(res->grade) : nullptr;
      diags.error(source, r.line, r.col,
                  msg::below_standard(r.unit, bar ? bar->name : rule.grade, rule.years_running, year, y,
                                      !res ? words::no_result() : (got ? got->name : words::no_grade())));
      break;
    }
  }
}

}  // namespace congbo

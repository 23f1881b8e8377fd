// page_words.cc: the readers' words (see page_words.h), from the built-in
// themes/default/strings.toml and the overrides a site gives.
#include "page_words.h"

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "messages.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo::words {
namespace {

// Flattens a TOML table into "group.key" → value, with where each was written.
void flatten(const Value& table, const std::string& prefix, const std::string& path, const Table* known, Table& into,
             Diagnostics& diags) {
  for (const auto& [key, v] : table.members) {
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (v.type == Value::Type::Table) {
      flatten(v, name, path, known, into, diags);
      continue;
    }
    if (v.type != Value::Type::String) {
      diags.error(path, v.line, v.col, msg::wrong_type(name, msg::type_string(), v.type_name()));
      continue;
    }
    if (known) {
      auto it = known->find(name);
      if (it == known->end()) {
        diags.warning(path, v.line, v.col, msg::unknown_word(name));
        continue;
      }
      for (const std::string& slot : slots(v.str)) {
        if (slots(it->second).count(slot) == 0) diags.warning(path, v.line, v.col, msg::unknown_word_slot(name, slot));
      }
    }
    into[name] = v.str;
  }
}

std::shared_ptr<const Table> builtin() {
  static std::shared_ptr<const Table> table = [] {
    auto t = std::make_shared<Table>();
    Diagnostics ignored;  // the built-in file is checked by the tests
    if (auto v = read_toml(builtin_toml(), "strings.toml", 1, ignored)) flatten(*v, "", "strings.toml", nullptr, *t, ignored);
    return t;
  }();
  return table;
}

std::atomic<std::shared_ptr<const Table>>& current() {
  static std::atomic<std::shared_ptr<const Table>> table{builtin()};
  return table;
}

}  // namespace

std::set<std::string> slots(const std::string& text) {
  std::set<std::string> out;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.insert(text.substr(open + 1, close - open - 1));
  }
  return out;
}

Table builtin_table() { return *builtin(); }

void read_overrides(std::string_view toml, const std::string& path, Table& table, Diagnostics& diags) {
  auto v = read_toml(toml, path, 1, diags);
  if (!v) return;
  const Table known = *builtin();
  flatten(*v, "", path, &known, table, diags);
}

void use(Table table) { current().store(std::make_shared<const Table>(std::move(table))); }

std::string text(const std::string& key, std::initializer_list<std::pair<const char*, std::string>> values) {
  const std::shared_ptr<const Table> table = current().load();
  auto it = table->find(key);
  std::string s = it == table->end() ? key : it->second;
  for (const auto& [name, value] : values) {
    const std::string slot = std::string("{") + name + "}";
    for (size_t at = s.find(slot); at != std::string::npos; at = s.find(slot, at + value.size())) s.replace(at, slot.size(), value);
  }
  return s;
}

std::string join(const std::vector<std::string>& items, const std::string& last_sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last_sep : ", ";
    out += items[i];
  }
  return out;
}
// A name that already carries quotation marks ("Đạt “bốn tốt”") is not quoted again.
std::string quoted(const std::string& s) { return s.find("“") == std::string::npos ? "“" + s + "”" : s; }

// A grade after the verb "đạt": a name that begins with it ("Đạt “bốn tốt”")
// is said without it, so a rule reads "phải đạt “bốn tốt”", not "phải đạt Đạt “bốn tốt”".
static std::string grade_after_verb(const std::string& grade) {
  for (const char* verb : {"Đạt ", "đạt "}) {
    const std::string v = verb;
    if (grade.size() > v.size() && grade.compare(0, v.size(), v) == 0) return quoted(grade.substr(v.size()));
  }
  return quoted(grade);
}

std::string date_long(int year, int month, int day) {
  // Official style writes day and month 1–2 with a leading zero ("ngày 05 tháng 02").
  auto two = [](int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); };
  return text("date.long", {{"day", two(day)}, {"month", two(month)}, {"year", std::to_string(year)}});
}

std::string unknown_date() { return text("date.unknown"); }

std::string page_title_numbered(const std::string& title, int page) {
  return text("list.page_numbered", {{"title", title}, {"page", std::to_string(page)}});
}

// A word of a group ("section.van-ban"), or `fallback` when the group has none for it.
static std::string keyed(const std::string& group, const std::string& key, const std::string& fallback) {
  const std::string name = group + "." + key;
  std::string s = text(name);
  return s == name ? fallback : s;
}

std::string default_section_title(const std::string& section) { return keyed("section", section, section); }

std::string relation_title(int relation, bool incoming) {
  static const char* out[] = {"based_on", "replaces", "amends", "cites"};
  static const char* in[] = {"based_on_by", "replaced_by", "amended_by", "cited_by"};
  return text(std::string("relation.") + (incoming ? in[relation] : out[relation]));
}

std::string facet_title(const std::string& facet) { return keyed("facet", facet, facet); }

std::string facet_short(const std::string& facet) { return keyed("facet_short", facet, facet); }

std::string unknown_year() { return text("date.unknown_year"); }

std::string cited_title() { return text("list.cited"); }

std::string old_version_unreadable() { return text("archive.old_version_unreadable"); }

std::string field_label(const std::string& key) { return keyed("field", key, key); }

std::string empty_value() { return text("archive.empty_value"); }

std::string deleted_notice(const std::string& date, const std::string& short_id, const std::string& subject) {
  return text("archive.deleted_notice", {{"date", date}, {"commit", short_id}, {"subject", subject}});
}

std::string search_title() { return text("list.search"); }

std::string other_pages() { return text("list.other_pages"); }

std::string unit_type(int type) {
  switch (type) {
    case 0: return text("unit_type.committee");
    case 1: return text("unit_type.cell");
    default: return text("unit_type.subcell");
  }
}

std::string no_grade() { return text("records.no_grade"); }

std::string no_result() { return text("records.no_result"); }

std::string rule_otherwise() { return text("rule.otherwise"); }

std::string rule_unit_types(const std::vector<std::string>& types) {
  return text("rule.for_types", {{"types", join(types, text("list.and"))}});
}

std::string rule_criteria(int at_least, int total, const std::vector<std::string>& including) {
  std::string s;
  if (at_least >= 0) {
    s = at_least == total ? text("rule.all_criteria", {{"total", std::to_string(total)}})
                          : text("rule.at_least_criteria", {{"count", std::to_string(at_least)}});
  } else {
    s = text("rule.named_criteria");
  }
  if (!including.empty()) {
    std::vector<std::string> q;
    for (const auto& n : including) q.push_back(quoted(n));
    s += (at_least >= 0 ? text("rule.including") : " ") + join(q, text("list.and"));
  }
  return s;
}

std::string rule_score(double at_least) { return text("rule.score", {{"score", number(at_least)}}); }

std::string rule_children(const std::string& share, const std::string& grade) {
  return text("rule.children", {{"share", share}, {"grade", grade_after_verb(grade)}});
}

std::string explain_met(int met, int total) {
  return text("explain.met", {{"met", std::to_string(met)}, {"total", std::to_string(total)}});
}

std::string explain_score(const std::optional<double>& score) {
  return score ? text("explain.score", {{"score", number(*score)}}) : text("explain.no_score");
}

std::string explain_children(int count, int total, const std::string& grade) {
  return text("explain.children",
              {{"count", std::to_string(count)}, {"total", std::to_string(total)}, {"grade", grade_after_verb(grade)}});
}

std::string explain_need_criteria(int count, const std::string& grade) {
  return text("explain.need_criteria", {{"count", std::to_string(count)}, {"grade", grade_after_verb(grade)}});
}

std::string explain_missing(const std::vector<std::string>& names) {
  std::vector<std::string> q;
  for (const auto& n : names) q.push_back(quoted(n));
  return text("explain.missing", {{"names", join(q, text("list.and"))}});
}

std::string explain_need_score(double score, const std::string& grade) {
  return text("explain.need_score", {{"score", number(score)}, {"grade", grade_after_verb(grade)}});
}

std::string explain_need_children(int count, int total, const std::string& grade, const std::string& share) {
  return text("explain.need_children", {{"count", std::to_string(count)}, {"total", std::to_string(total)},
                                         {"grade", grade_after_verb(grade)}, {"share", share}});
}

std::string explain_join(const std::vector<std::string>& facts, const std::string& why_not, const std::string& grade) {
  std::string s = join(facts, text("explain.also"));
  if (!why_not.empty()) s += text("explain.but") + why_not;
  return s + text("explain.gives", {{"grade", grade.empty() ? text("explain.none") : grade}});
}

std::string explain_threshold(const std::string& criterion, int64_t count, int64_t total, const std::string& counted,
                              const std::string& share) {
  return text("explain.threshold", {{"criterion", criterion}, {"count", std::to_string(count)}, {"total", std::to_string(total)},
                                    {"counted", counted}, {"percent", percent(static_cast<int>(count), static_cast<int>(total))},
                                    {"share", share}});
}

std::string rule_threshold(const std::string& counted, const std::string& share, const std::string& of,
                           const std::vector<std::string>& types) {
  std::string s = text("rule.threshold", {{"counted", counted}, {"share", share}, {"of", of}});
  if (!types.empty()) s = text("rule.for_types", {{"types", join(types, text("list.and"))}}) + ", " + s;
  return rule_join({s});
}

std::string rule_join(const std::vector<std::string>& parts) {
  return upper_first(join(parts, text("rule.separator")));
}

std::string rule_share(int compare, const std::string& share) {
  static const char* compares[] = {"rule.target_at_least", "rule.target_more_than", "rule.target_at_most",
                                   "rule.target_less_than"};
  return text(compares[compare]) + share;
}

std::string rule_band(const std::string& lower, int upper_compare, const std::string& upper) {
  const bool strict = upper_compare == 3;  // below
  return text("rule.band", {{"lower", lower}, {"upper", (strict ? text("rule.target_less_than") : "") + upper}});
}

std::string rule_target(const std::string& share, const std::string& grade, bool or_better,
                        const std::vector<std::string>& types) {
  std::string who = types.empty() ? text("rule.registered_units") : join(types, text("list.and"));
  return text("rule.target", {{"share", share}, {"who", who}, {"grade", grade_after_verb(grade)}}) +
         (or_better ? text("rule.or_better") : "");
}

std::string rule_pilot(const std::string& share, const std::vector<std::string>& types) {
  std::string who = types.empty() ? text("rule.registered_units") : join(types, text("list.and"));
  return text("rule.pilot", {{"share", share}, {"who", who}});
}

std::string percent(int count, int total) {
  if (total == 0) return "–";
  long long tenths = (static_cast<long long>(count) * 1000 + total / 2) / total;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += text("number.decimal") + std::to_string(tenths % 10);
  return s + "%";
}

std::string number(double n) {
  long long tenths = static_cast<long long>(n * 10 + (n >= 0 ? 0.5 : -0.5));
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += text("number.decimal") + std::to_string(std::llabs(tenths % 10));
  return s;
}

std::string results_caption(const std::string& campaign, int year) {
  return text("records.results_caption", {{"year", std::to_string(year)}, {"campaign", campaign}});
}

std::string grades_caption(int year) { return text("records.grades_caption", {{"year", std::to_string(year)}}); }

std::string targets_caption(int year) { return text("records.targets_caption", {{"year", std::to_string(year)}}); }

std::string years_caption(const std::string& campaign) { return text("records.years_caption", {{"campaign", campaign}}); }

std::string recipients_caption(const std::string& decision) {
  return text("records.recipients_caption", {{"decision", decision}});
}

std::string registered_total() { return text("records.registered_total"); }

std::string committee_decided(const std::string& reason) { return text("records.committee_decided", {{"reason", reason}}); }

std::string grade_lowered(const std::string& explanation) {
  return text("records.grade_lowered", {{"why", explanation}});
}

std::string threshold_label(const std::string& share) { return text("records.threshold", {{"share", share}}); }

std::string chart_year(int year, const std::string& percent, int count, int total, bool met) {
  return text("records.chart_year", {{"year", std::to_string(year)}, {"percent", percent}, {"count", std::to_string(count)},
                                     {"total", std::to_string(total)},
                                     {"result", text(met ? "records.chart_met" : "records.chart_not_met")}});
}

std::string chart_description(const std::string& target, const std::vector<std::string>& years) {
  return text("records.chart_description", {{"target", target}, {"years", join(years, "; ")}});
}

std::string comrade(const std::string& name) { return text("records.comrade", {{"name", name}}); }

std::string collective() { return text("records.collective"); }

std::string year_title(int year) { return text("date.year", {{"year", std::to_string(year)}}); }

std::string campaign_year_title(const std::string& campaign, int year) {
  return text("records.campaign_year", {{"campaign", campaign}, {"year", std::to_string(year)}});
}

std::string sample_notice() { return text("records.sample_notice"); }

std::string models_facet(const std::string& key) { return keyed("models_facet", key, key); }

std::string decision_summary(size_t recipients) {
  return text("records.decision_summary", {{"count", std::to_string(recipients)}});
}

std::string commendation_rule(const std::string& quota, const std::string& grade, int years) {
  std::vector<std::string> parts;
  if (!quota.empty()) parts.push_back(text("rule.quota", {{"quota", quota}}));
  if (!grade.empty()) {
    parts.push_back(text("rule.standard", {{"grade", grade_after_verb(grade)}}) +
                    (years > 1 ? text("rule.years_running", {{"years", std::to_string(years)}}) : ""));
  }
  return rule_join(parts) + ".";
}

std::string decisions_in_year(int year) { return text("records.decisions_in_year", {{"year", std::to_string(year)}}); }

std::string units_caption() { return text("records.units_caption"); }

std::string not_registered() { return text("records.not_registered"); }

std::string criteria_met(int met, int total) {
  return text("records.criteria_met", {{"met", std::to_string(met)}, {"total", std::to_string(total)}});
}

std::string timeline_result() { return text("records.timeline_result"); }

std::string timeline_model() { return text("records.timeline_model"); }

std::string record_campaign() { return text("records.campaign"); }

std::string unit_counts(int results, int awards, int models) {
  return text("records.unit_counts",
              {{"results", std::to_string(results)}, {"awards", std::to_string(awards)}, {"models", std::to_string(models)}});
}

}  // namespace congbo::words

// campaign.cc: reading a campaign file, grading its results, summing them up.
#include "campaign.h"

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <map>

#include "field_reader.h"
#include "messages.h"
#include "page_words.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo {
namespace {

// counts = { dang-vien = 12, dang-vien-tot = 11 }: declared counts, whole
// numbers, none above the total a threshold takes it of.
void read_counts(FieldReader& r, const Rules& rules, const std::string& path, Diagnostics& diags, UnitResult& u) {
  const Value* v = r.raw("counts");
  if (!v) return;
  if (v->type != Value::Type::Table) {
    diags.error(path, v->line, v->col, msg::wrong_type("counts", msg::type_table(), v->type_name()));
    return;
  }
  FieldReader cr(*v, path, diags, "counts.");
  for (const auto& member : v->members) {
    const std::string& key = member.first;
    if (!rules.count(key)) {
      auto [line, col] = cr.where(key);
      diags.error(path, line, col, msg::unknown_count(key));
      continue;
    }
    if (auto n = cr.integer_in(key, 0, kCountLimit)) u.counts.emplace_back(key, *n);
  }
  for (const Criterion& c : rules.criteria) {
    for (const Threshold& t : c.thresholds) {
      const auto n = u.count(t.count), total = u.count(t.of);
      if (n && total && *n > *total) {
        auto [line, col] = cr.where(t.count);
        diags.error(path, line, col, msg::count_exceeds(t.count, *n, t.of, *total));
        return;
      }
    }
  }
}

UnitResult read_row(const Value& t, const Rules& rules, const std::string& path, Diagnostics& diags) {
  FieldReader r(t, path, diags);
  UnitResult u;
  u.line = t.line;
  u.col = t.col;
  if (auto v = r.string("unit", true)) u.unit = *v;
  if (auto v = r.boolean("registered")) u.registered = *v;
  if (auto v = r.boolean("pilot")) u.pilot = *v;
  if (auto v = r.string_list("met")) {
    const Value* list = t.find("met");
    for (size_t i = 0; i < v->size(); ++i) {
      const std::string& id = (*v)[i];
      if (!rules.criterion(id)) {
        diags.error(path, list->items[i].line, list->items[i].col, msg::unknown_criterion(id));
      } else if (std::find(u.met.begin(), u.met.end(), id) == u.met.end()) {
        u.met.push_back(id);
      }
    }
  }
  read_counts(r, rules, path, diags, u);
  u.score = r.number_in("score", -kScoreLimit, kScoreLimit);
  if (auto v = r.string("grade")) {
    u.stated = *v;
    if (!rules.grade(u.stated)) {
      auto [line, col] = r.where("grade");
      diags.error(path, line, col, msg::unknown_grade(u.stated));
    }
  }
  if (auto v = r.boolean("decided")) u.decided = *v;
  if (auto v = r.string("reason")) u.reason = *v;
  if (auto v = r.string("note")) u.note = *v;
  u.registered_on = r.date("registered_on");
  u.reported_on = r.date("reported_on");
  std::tie(u.decided_line, u.decided_col) = r.where("decided");
  r.finish(msg::unknown_field);
  return u;
}

}  // namespace

std::optional<Campaign> Campaign::load(const std::string& text, const std::string& path, Diagnostics& diags) {
  auto root = read_toml(text, path, 1, diags);
  if (!root) return std::nullopt;
  Campaign c;
  c.source = path;
  c.id = std::filesystem::path(path).stem().string();
  c.url = "/thi-dua/" + slugify(c.id) + "/";  // decisions name it by c.id, as the file is named
  FieldReader r(*root, path, diags);
  if (auto v = r.string("name", true)) c.name = *v;
  if (auto v = r.string("description")) c.description = *v;
  if (auto v = r.string("period")) c.period = *v;
  if (auto v = read_entry(r, "plan")) c.plan = *v;
  if (auto v = r.boolean("sample")) c.sample = *v;
  c.rules = Rules::read(r, path, diags);
  c.deadlines = read_deadlines(r, path, diags);

  for (const Value* t : r.tables("results")) {
    FieldReader yr(*t, path, diags, "results.");
    YearResults y;
    std::tie(y.line, y.col) = std::make_pair(t->line, t->col);
    if (auto v = yr.integer_in("year", kFirstYear, kLastYear, true)) {
      y.year = static_cast<int>(*v);
      std::tie(y.line, y.col) = yr.where("year");
      for (const auto& other : c.years) {
        if (other.year == y.year) diags.error(path, y.line, y.col, msg::duplicate_year(y.year, other.line));
      }
    }
    y.date = yr.date("date");
    for (const Value* row : yr.tables("units")) y.units.push_back(read_row(*row, c.rules, path, diags));
    yr.finish(msg::unknown_field);
    c.years.push_back(std::move(y));
  }
  r.finish(msg::unknown_field);
  std::stable_sort(c.years.begin(), c.years.end(), [](const YearResults& a, const YearResults& b) { return a.year < b.year; });
  return c;
}

namespace {

// The criteria a row lists whose thresholds (for this kind of unit) its
// counts make; each one short goes to `u.short_of`, and why to `why`. A
// threshold whose counts are missing is reported and the criterion taken as written.
std::vector<std::string> met_by_counts(const Rules& rules, const std::string& source, UnitResult& u, UnitType type,
                                       std::vector<std::string>& why, Diagnostics& diags) {
  std::vector<std::string> met;
  u.short_of.clear();
  for (const std::string& id : u.met) {
    const Criterion* c = rules.criterion(id);
    std::vector<std::string> missing;
    const std::string short_by = c ? rules.falls_short(*c, type, u.counts, &missing) : "";
    if (!missing.empty()) {
      std::vector<std::string> names;
      for (const auto& m : missing) names.push_back(rules.count(m) ? rules.count(m)->name : m);
      diags.error(source, u.line, u.col, msg::counts_missing(c->name, names, missing));
    }
    if (short_by.empty()) {
      met.push_back(id);
    } else {
      u.short_of.push_back(id);
      why.push_back(short_by);
    }
  }
  return met;
}

}  // namespace

void Campaign::grade(const Units& units, Diagnostics& diags) {
  const bool scored = rules.uses_score();
  for (YearResults& y : years) {
    std::map<std::string, int> seen;  // unit → row index
    std::vector<bool> known(y.units.size(), false);
    for (size_t i = 0; i < y.units.size(); ++i) {
      UnitResult& u = y.units[i];
      if (u.unit.empty()) continue;
      if (!units.find(u.unit)) {
        diags.error(source, u.line, u.col, msg::unknown_unit(u.unit));
        continue;
      }
      auto [it, inserted] = seen.emplace(u.unit, static_cast<int>(i));
      if (!inserted) {
        diags.error(source, u.line, u.col, msg::graded_twice(u.unit, y.year, y.units[it->second].line));
        continue;
      }
      known[i] = true;
      if (u.decided && (u.stated.empty() || u.reason.empty())) {
        diags.error(source, u.decided_line, u.decided_col, msg::decision_needs_grade_and_reason());
      }
      if (scored && u.registered && !u.score && !u.decided) {
        diags.error(source, u.line, u.col, msg::missing_score(u.unit));
      }
    }
    // Cells first: a đảng bộ's grade can depend on theirs.
    auto grade_row = [&](size_t i) {
      UnitResult& u = y.units[i];
      if (!u.registered) return;
      const Unit* unit = units.find(u.unit);
      Facts f;
      f.type = unit->type;
      f.met = met_by_counts(rules, source, u, unit->type, f.short_of, diags);
      f.score = u.score;
      for (int child : units.children(u.unit)) {
        auto c = seen.find(units.all()[child].id);
        if (c != seen.end() && y.units[c->second].registered) f.children_grades.push_back(y.units[c->second].grade);
      }
      u.computed = rules.evaluate(f);
      u.explanation = rules.explain(f, u.computed);
      Facts alone = f;  // its criteria as written and its score, as if it had no cells
      alone.children_grades.clear();
      alone.met = u.met;
      const int own = rules.rank(rules.evaluate(alone)), given = rules.rank(u.computed);
      u.lowered = own >= 0 && (given < 0 || own < given);
      u.grade = u.computed;
      if (u.stated.empty() || u.stated == u.computed || !rules.grade(u.stated)) return;
      if (u.decided) {
        u.grade = u.stated;
        return;
      }
      const Grade* stated = rules.grade(u.stated);
      const Grade* computed = rules.grade(u.computed);
      diags.error(source, u.line, u.col,
                  msg::grade_contradicts(u.unit, stated->name, computed ? computed->name : words::no_grade(),
                                         computed ? rules.describe(*computed) : ""));
    };
    for (size_t i = 0; i < y.units.size(); ++i) {
      if (known[i] && units.children(y.units[i].unit).empty()) grade_row(i);
    }
    for (size_t i = 0; i < y.units.size(); ++i) {
      if (known[i] && !units.children(y.units[i].unit).empty()) grade_row(i);
    }
  }
}

bool UnitResult::meets(const std::string& criterion) const {
  return std::find(met.begin(), met.end(), criterion) != met.end() &&
         std::find(short_of.begin(), short_of.end(), criterion) == short_of.end();
}

int UnitResult::met_count() const {
  return static_cast<int>(std::count_if(met.begin(), met.end(), [&](const std::string& id) { return meets(id); }));
}

std::optional<int64_t> UnitResult::count(const std::string& id) const { return count_in(counts, id); }

const YearResults* Campaign::year(int y) const {
  for (const auto& yr : years) {
    if (yr.year == y) return &yr;
  }
  return nullptr;
}

const UnitResult* Campaign::result(int y, const std::string& unit) const {
  const YearResults* yr = year(y);
  if (!yr) return nullptr;
  for (const auto& u : yr->units) {
    if (u.unit == unit) return &u;
  }
  return nullptr;
}

YearSummary Campaign::summary(const YearResults& y, const Units& units) const {
  YearSummary s;
  s.year = y.year;
  s.per_grade.assign(rules.grades.size(), 0);
  std::vector<const UnitResult*> graded;
  std::map<std::string, bool> counted;
  for (const UnitResult& u : y.units) {
    if (!units.find(u.unit) || counted[u.unit]) continue;  // unknown or repeated rows were reported
    counted[u.unit] = true;
    ++s.listed;
    if (!u.registered) continue;
    ++s.registered;
    int r = rules.rank(u.grade);
    if (r < 0) {
      ++s.ungraded;
    } else {
      ++s.per_grade[r];
    }
    graded.push_back(&u);
  }
  for (const Target& t : rules.targets) {
    YearSummary::TargetOutcome o;
    o.target = &t;
    for (const UnitResult* u : graded) {
      UnitType type = units.find(u->unit)->type;
      if (!covers(t.unit_types, type)) continue;
      ++o.total;
      if (t.pilot ? u->pilot : t.or_better ? rules.at_least(u->grade, t.grade) : u->grade == t.grade) ++o.count;
    }
    o.met = t.bound.holds(o.count, o.total) && (!t.upper || t.upper->holds(o.count, o.total));
    s.targets.push_back(o);
  }
  return s;
}

}  // namespace congbo

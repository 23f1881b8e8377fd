// rules.cc: reading and applying a campaign's rule vocabulary (see rules.h).
#include "rules.h"

#include <algorithm>
#include <tuple>

#include "messages.h"
#include "page_words.h"
#include "text.h"

namespace congbo {
namespace {

std::vector<UnitType> read_unit_types(FieldReader& r, const std::string& path, Diagnostics& diags) {
  std::vector<UnitType> out;
  const Value* v = r.raw("unit_types");
  if (!v) return out;
  if (!v->is_string_list()) {
    diags.error(path, v->line, v->col, msg::wrong_type("unit_types", msg::type_string_list(), v->type_name()));
    return out;
  }
  for (const Value& item : v->items) {
    if (auto t = parse_unit_type(item.str)) {
      out.push_back(*t);
    } else {
      diags.error(path, item.line, item.col, msg::unknown_unit_type(item.str));
    }
  }
  return out;
}

std::optional<Share> read_share(FieldReader& r, const std::string& key, const std::string& path,
                                Diagnostics& diags) {
  auto text = r.string(key);
  if (!text) return std::nullopt;
  auto share = Share::parse(*text);
  if (!share) {
    auto [line, col] = r.where(key);
    diags.error(path, line, col, msg::bad_share(key, *text));
  }
  return share;
}

}  // namespace

// "90%", "0,3%", "3/4": the forms a writer copies from a plan.
std::optional<Share> Share::parse(const std::string& raw) {
  std::string s;
  for (char c : raw) {
    if (c != ' ') s += c;
  }
  Share sh;
  sh.text = trim(raw);
  size_t slash = s.find('/');
  auto digits = [](const std::string& d) {
    return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (slash != std::string::npos) {
    std::string a = s.substr(0, slash), b = s.substr(slash + 1);
    if (!digits(a) || !digits(b) || a.size() > 6 || b.size() > 6) return std::nullopt;
    sh.num = std::stoll(a);
    sh.den = std::stoll(b);
    if (sh.den == 0 || sh.num > sh.den) return std::nullopt;
    return sh;
  }
  if (s.empty() || s.back() != '%') return std::nullopt;
  s.pop_back();
  size_t sep = s.find_first_of(",.");
  std::string whole = sep == std::string::npos ? s : s.substr(0, sep);
  std::string frac = sep == std::string::npos ? "" : s.substr(sep + 1);
  if (!digits(whole) || (sep != std::string::npos && !digits(frac)) || whole.size() > 3 || frac.size() > 4) {
    return std::nullopt;
  }
  sh.den = 100;
  sh.num = std::stoll(whole);
  for (char c : frac) {
    sh.num = sh.num * 10 + (c - '0');
    sh.den *= 10;
  }
  if (sh.num > sh.den) return std::nullopt;
  return sh;
}


int Share::compare(int64_t count, int64_t total) const {
  // count/total vs num/den, in integers.
  const int64_t a = count * den, b = num * total;
  return a < b ? -1 : (a > b ? 1 : 0);
}

int64_t Share::limit(int64_t total) const { return total * num / den; }

bool Bound::holds(int64_t count, int64_t total) const {
  const int cmp = total == 0 ? 0 : share.compare(count, total);
  switch (compare) {
    case Compare::AtLeast: return total > 0 && cmp >= 0;
    case Compare::Above: return total > 0 && cmp > 0;
    case Compare::AtMost: return cmp <= 0;
    case Compare::Below: return total == 0 || cmp < 0;
  }
  return false;
}

namespace {

// One bound, or a band: at most one lower (at_least, above) and one upper
// (at_most, below), the lower not above the upper.
void read_bounds(FieldReader& r, const std::string& path, Diagnostics& diags, int line, int col, Bound& bound,
                 std::optional<Bound>& upper_bound) {
  std::vector<Bound> lower, upper;
  const std::pair<const char*, Bound::Compare> kinds[] = {{"at_least", Bound::Compare::AtLeast},
                                                           {"above", Bound::Compare::Above},
                                                           {"at_most", Bound::Compare::AtMost},
                                                           {"below", Bound::Compare::Below}};
  for (const auto& [key, cmp] : kinds) {
    if (auto s = read_share(r, key, path, diags)) {
      const bool low = cmp == Bound::Compare::AtLeast || cmp == Bound::Compare::Above;
      (low ? lower : upper).push_back({cmp, *s});
    }
  }
  if (lower.size() > 1 || upper.size() > 1 || lower.size() + upper.size() == 0) {
    diags.error(path, line, col, msg::target_needs_one_bound());
    return;
  }
  bound = lower.empty() ? upper.front() : lower.front();
  if (lower.empty() || upper.empty()) return;
  upper_bound = upper.front();
  const Share &lo = bound.share, &hi = upper_bound->share;
  if (lo.num * hi.den > hi.num * lo.den) {
    auto [l, c] = r.where(upper_bound->compare == Bound::Compare::AtMost ? "at_most" : "below");
    diags.error(path, l, c, msg::target_band_reversed(lo.text, hi.text));
  }
}

void read_counts(FieldReader& file, const std::string& path, Diagnostics& diags, Rules& rules) {
  for (const Value* t : file.tables("count")) {
    FieldReader r(*t, path, diags, "count.");
    Count c;
    std::tie(c.line, c.col) = std::make_pair(t->line, t->col);
    if (auto v = r.string("id", true)) {
      c.id = *v;
      std::tie(c.line, c.col) = r.where("id");
      if (rules.count(c.id)) diags.error(path, c.line, c.col, msg::duplicate_rule_id("count", c.id));
    }
    if (auto v = r.string("name", true)) c.name = *v;
    r.finish(msg::unknown_field);
    rules.counts.push_back(std::move(c));
  }
}

// A [[criteria.threshold]]: count, of (both [[count]] ids), a bound or band, unit_types.
Threshold read_threshold(const Value* t, const std::string& path, Diagnostics& diags, const Rules& rules) {
  FieldReader r(*t, path, diags, "criteria.threshold.");
  Threshold th;
  std::tie(th.line, th.col) = std::make_pair(t->line, t->col);
  for (const char* key : {"count", "of"}) {
    auto v = r.string(key, true);
    if (!v) continue;
    (std::string(key) == "count" ? th.count : th.of) = *v;
    if (!rules.count(*v)) {
      auto [line, col] = r.where(key);
      diags.error(path, line, col, msg::unknown_count(*v));
    }
  }
  if (!th.count.empty() && th.count == th.of) {
    auto [line, col] = r.where("of");
    diags.error(path, line, col, msg::threshold_of_itself(th.count));
  }
  read_bounds(r, path, diags, th.line, th.col, th.bound, th.upper);
  th.unit_types = read_unit_types(r, path, diags);
  r.finish(msg::unknown_field);
  return th;
}

void read_criteria(FieldReader& file, const std::string& path, Diagnostics& diags, Rules& rules) {
  for (const Value* t : file.tables("criteria")) {
    FieldReader r(*t, path, diags, "criteria.");
    Criterion c;
    if (auto v = r.string("id", true)) {
      c.id = *v;
      if (rules.criterion(c.id)) {
        auto [line, col] = r.where("id");
        diags.error(path, line, col, msg::duplicate_rule_id("criteria", c.id));
      }
    }
    if (auto v = r.string("name", true)) c.name = *v;
    for (const Value* th : r.tables("threshold")) c.thresholds.push_back(read_threshold(th, path, diags, rules));
    r.finish(msg::unknown_field);
    rules.criteria.push_back(std::move(c));
  }
}

// One [[grade]], without the references to other grades (checked once all are known).
Grade read_grade(const Value* t, const std::string& path, Diagnostics& diags, const Rules& rules) {
  FieldReader r(*t, path, diags, "grade.");
  Grade g;
  std::tie(g.line, g.col) = std::make_pair(t->line, t->col);
  if (auto v = r.string("id", true)) {
    g.id = *v;
    std::tie(g.line, g.col) = r.where("id");
    if (rules.grade(g.id)) diags.error(path, g.line, g.col, msg::duplicate_rule_id("grade", g.id));
  }
  if (auto v = r.string("name", true)) g.name = *v;
  if (auto v = r.boolean("otherwise")) g.otherwise = *v;
  if (auto v = r.integer("criteria_at_least")) {
    g.when.criteria_at_least = static_cast<int>(*v);
    if (*v < 0 || *v > static_cast<int64_t>(rules.criteria.size())) {
      auto [line, col] = r.where("criteria_at_least");
      diags.error(path, line, col, msg::criteria_count_out_of_range(*v, static_cast<int>(rules.criteria.size())));
    }
  }
  if (auto v = r.string_list("criteria_include")) {
    g.when.criteria_include = *v;
    const Value* list = t->find("criteria_include");
    for (size_t i = 0; i < v->size(); ++i) {
      if (!rules.criterion((*v)[i])) {
        diags.error(path, list->items[i].line, list->items[i].col, msg::unknown_criterion((*v)[i]));
      }
    }
  }
  g.when.score_at_least = r.number_in("score_at_least", -kScoreLimit, kScoreLimit);
  g.when.unit_types = read_unit_types(r, path, diags);
  if (auto v = r.string("children_grade")) g.when.children_grade = *v;
  g.when.children_share = read_share(r, "children_share", path, diags);
  const bool has_share = t->find("children_share"), has_grade = t->find("children_grade");
  if (has_share != has_grade) {
    auto [line, col] = r.where(has_share ? "children_share" : "children_grade");
    diags.error(path, line, col, msg::children_rule_incomplete());
  }
  r.finish(msg::unknown_field);
  return g;
}

void read_grades(FieldReader& file, const std::string& path, Diagnostics& diags, Rules& rules) {
  std::vector<const Value*> grade_tables = file.tables("grade");
  for (const Value* t : grade_tables) rules.grades.push_back(read_grade(t, path, diags, rules));
  for (size_t i = 0; i < rules.grades.size(); ++i) {
    const Grade& g = rules.grades[i];
    if (!g.when.children_grade.empty() && !rules.grade(g.when.children_grade)) {
      auto where = grade_tables[i]->find("children_grade");
      diags.error(path, where->line, where->col, msg::unknown_grade(g.when.children_grade));
    }
    if (g.otherwise && i + 1 != rules.grades.size()) {
      diags.error(path, g.line, g.col, msg::otherwise_not_last(g.id));
    }
  }
}

Target read_target(const Value* t, const std::string& path, Diagnostics& diags, const Rules& rules) {
  FieldReader r(*t, path, diags, "target.");
  Target tg;
  tg.line = t->line;
  tg.col = t->col;
  if (auto v = r.string("name", true)) {
    tg.name = *v;
    std::tie(tg.line, tg.col) = r.where("name");
  }
  if (auto v = r.boolean("pilot")) tg.pilot = *v;
  if (auto v = r.string("grade", !tg.pilot)) {
    tg.grade = *v;
    if (!rules.grade(tg.grade)) {
      auto [line, col] = r.where("grade");
      diags.error(path, line, col, msg::unknown_grade(tg.grade));
    }
  }
  if (auto v = r.boolean("or_better")) tg.or_better = *v;
  tg.unit_types = read_unit_types(r, path, diags);
  read_bounds(r, path, diags, tg.line, tg.col, tg.bound, tg.upper);
  r.finish(msg::unknown_field);
  return tg;
}

void read_commendation(FieldReader& file, const std::string& path, Diagnostics& diags, Rules& rules) {
  const Value* c = file.raw("commendation");
  if (!c) return;
  if (c->type != Value::Type::Table) {
    diags.error(path, c->line, c->col, msg::wrong_type("commendation", msg::type_table(), c->type_name()));
    return;
  }
  FieldReader r(*c, path, diags, "commendation.");
  rules.commendation.quota = read_share(r, "quota", path, diags);
  if (auto v = r.string("grade")) {
    rules.commendation.grade = *v;
    if (!rules.grade(*v)) {
      auto [line, col] = r.where("grade");
      diags.error(path, line, col, msg::unknown_grade(*v));
    }
  }
  if (auto v = r.integer_in("years_running", 1, 100)) rules.commendation.years_running = static_cast<int>(*v);
  r.finish(msg::unknown_field);
}

// "từ 90%", "trên 3/4", "từ 15% đến 20%".
template <typename Bounded>
std::string describe_share(const Bounded& t) {
  std::string share = words::rule_share(static_cast<int>(t.bound.compare), t.bound.share.text);
  if (t.upper) share = words::rule_band(share, static_cast<int>(t.upper->compare), t.upper->share.text);
  return share;
}

}  // namespace

Rules Rules::read(FieldReader& file, const std::string& path, Diagnostics& diags) {
  Rules rules;
  read_counts(file, path, diags, rules);
  read_criteria(file, path, diags, rules);
  read_grades(file, path, diags, rules);
  for (const Value* t : file.tables("target")) rules.targets.push_back(read_target(t, path, diags, rules));
  read_commendation(file, path, diags, rules);
  return rules;
}

const Grade* Rules::grade(const std::string& id) const {
  for (const auto& g : grades) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

const Criterion* Rules::criterion(const std::string& id) const {
  for (const auto& c : criteria) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Count* Rules::count(const std::string& id) const {
  for (const auto& c : counts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::optional<int64_t> count_in(const Counts& counts, const std::string& id) {
  for (const auto& [k, v] : counts) {
    if (k == id) return v;
  }
  return std::nullopt;
}

bool covers(const std::vector<UnitType>& types, UnitType t) {
  return types.empty() || std::find(types.begin(), types.end(), t) != types.end();
}

bool Threshold::applies_to(UnitType t) const { return covers(unit_types, t); }

std::string Rules::falls_short(const Criterion& c, UnitType type, const Counts& given,
                               std::vector<std::string>* missing) const {
  auto value = [&](const std::string& id) {
    const auto v = count_in(given, id);
    if (!v && missing && std::find(missing->begin(), missing->end(), id) == missing->end()) missing->push_back(id);
    return v;
  };
  for (const Threshold& t : c.thresholds) {
    if (!t.applies_to(type)) continue;
    const auto total = value(t.of), n = value(t.count);  // the total first, as a writer gives them
    if (!n || !total) continue;
    if (t.bound.holds(*n, *total) && (!t.upper || t.upper->holds(*n, *total))) continue;
    const Count* named = count(t.count);
    return words::explain_threshold(c.name, *n, *total, named ? named->name : t.count, describe_share(t));
  }
  return "";
}

std::string Rules::describe(const Threshold& t) const {
  const Count *n = count(t.count), *of = count(t.of);
  std::vector<std::string> names;
  for (UnitType u : t.unit_types) names.push_back(to_lower(unit_type_name(u)));
  return words::rule_threshold(n ? n->name : t.count, describe_share(t), of ? of->name : t.of, names);
}

int Rules::rank(const std::string& grade_id) const {
  for (size_t i = 0; i < grades.size(); ++i) {
    if (grades[i].id == grade_id) return static_cast<int>(i);
  }
  return -1;
}

bool Rules::at_least(const std::string& grade_id, const std::string& bar) const {
  int a = rank(grade_id), b = rank(bar);
  return a >= 0 && b >= 0 && a <= b;
}

bool Rules::uses_score() const {
  return std::any_of(grades.begin(), grades.end(), [](const Grade& g) { return g.when.score_at_least.has_value(); });
}

std::string Rules::evaluate(const Facts& f) const {
  for (const Grade& g : grades) {
    if (g.otherwise) return g.id;
    const Condition& c = g.when;
    if (!covers(c.unit_types, f.type)) continue;
    if (c.criteria_at_least >= 0 && static_cast<int>(f.met.size()) < c.criteria_at_least) continue;
    bool has_all = std::all_of(c.criteria_include.begin(), c.criteria_include.end(), [&](const std::string& id) {
      return std::find(f.met.begin(), f.met.end(), id) != f.met.end();
    });
    if (!has_all) continue;
    if (c.score_at_least && (!f.score || *f.score < *c.score_at_least)) continue;
    // A unit without cells has no share to meet.
    if (c.children_share && !f.children_grades.empty()) {
      int64_t reaching = std::count_if(f.children_grades.begin(), f.children_grades.end(),
                                       [&](const std::string& id) { return at_least(id, c.children_grade); });
      if (c.children_share->compare(reaching, static_cast<int64_t>(f.children_grades.size())) < 0) continue;
    }
    return g.id;
  }
  return "";
}

namespace {

bool applies_to(const Condition& c, UnitType t) { return covers(c.unit_types, t); }

int children_reaching(const Rules& rules, const Facts& f, const std::string& bar) {
  return static_cast<int>(std::count_if(f.children_grades.begin(), f.children_grades.end(),
                                        [&](const std::string& id) { return rules.at_least(id, bar); }));
}

// The first condition of `g` these facts miss, in words ("" when none is missed).
std::string missed(const Rules& rules, const Grade& g, const Facts& f) {
  const Condition& c = g.when;
  const int met = static_cast<int>(f.met.size());
  if (c.criteria_at_least >= 0 && met < c.criteria_at_least) return words::explain_need_criteria(c.criteria_at_least, g.name);
  std::vector<std::string> missing;
  for (const auto& id : c.criteria_include) {
    if (std::find(f.met.begin(), f.met.end(), id) != f.met.end()) continue;
    const Criterion* cr = rules.criterion(id);
    missing.push_back(cr ? cr->name : id);
  }
  if (!missing.empty()) return words::explain_missing(missing);
  if (c.score_at_least && (!f.score || *f.score < *c.score_at_least)) return words::explain_need_score(*c.score_at_least, g.name);
  if (c.children_share && !f.children_grades.empty()) {
    const int total = static_cast<int>(f.children_grades.size()), reaching = children_reaching(rules, f, c.children_grade);
    const Grade* cg = rules.grade(c.children_grade);
    if (c.children_share->compare(reaching, total) < 0) {
      return words::explain_need_children(reaching, total, cg ? cg->name : c.children_grade, c.children_share->text);
    }
  }
  return "";
}

}  // namespace

std::string Rules::explain(const Facts& f, const std::string& given) const {
  std::vector<std::string> facts = f.short_of;
  facts.push_back(words::explain_met(static_cast<int>(f.met.size()), static_cast<int>(criteria.size())));
  if (uses_score()) facts.push_back(words::explain_score(f.score));
  const int at = given.empty() ? static_cast<int>(grades.size()) : rank(given);
  // The nearest better grade meant for this kind of unit says what was missing.
  std::string why_not;
  for (int i = at - 1; i >= 0 && why_not.empty(); --i) {
    if (applies_to(grades[i].when, f.type) && !grades[i].otherwise) why_not = missed(*this, grades[i], f);
  }
  const Grade* g = given.empty() ? nullptr : grade(given);
  if (g && why_not.empty() && g->when.children_share && !f.children_grades.empty()) {
    const Grade* cg = grade(g->when.children_grade);
    facts.push_back(words::explain_children(children_reaching(*this, f, g->when.children_grade),
                                            static_cast<int>(f.children_grades.size()), cg ? cg->name : g->when.children_grade));
  }
  return words::explain_join(facts, why_not, g ? g->name : "");
}

std::string Rules::describe(const Grade& g) const {
  if (g.otherwise) return words::rule_otherwise();
  std::vector<std::string> parts;
  const Condition& c = g.when;
  if (!c.unit_types.empty()) {
    std::vector<std::string> names;
    for (UnitType t : c.unit_types) names.push_back(to_lower(unit_type_name(t)));
    parts.push_back(words::rule_unit_types(names));
  }
  if (c.criteria_at_least >= 0 || !c.criteria_include.empty()) {
    std::vector<std::string> names;
    for (const auto& id : c.criteria_include) {
      const Criterion* cr = criterion(id);
      names.push_back(cr ? cr->name : id);
    }
    parts.push_back(words::rule_criteria(c.criteria_at_least, static_cast<int>(criteria.size()), names));
  }
  if (c.score_at_least) parts.push_back(words::rule_score(*c.score_at_least));
  if (c.children_share) {
    const Grade* cg = grade(c.children_grade);
    parts.push_back(words::rule_children(c.children_share->text, cg ? cg->name : c.children_grade));
  }
  return words::rule_join(parts);
}

std::string Rules::describe(const Target& t) const {
  const Grade* g = grade(t.grade);
  std::vector<std::string> names;
  for (UnitType u : t.unit_types) names.push_back(to_lower(unit_type_name(u)));
  const std::string share = describe_share(t);
  if (t.pilot) return words::rule_pilot(share, names);
  return words::rule_target(share, g ? g->name : t.grade, t.or_better, names);
}

}  // namespace congbo

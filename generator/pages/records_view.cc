// records_view.cc: campaigns and decisions → Tables and BarCharts.
#include "records_view.h"

#include <algorithm>

#include "page_words.h"
#include "text.h"

namespace congbo {
namespace {

std::string grade_name(const Rules& r, const std::string& id) {
  const Grade* g = r.grade(id);
  return g ? g->name : words::no_grade();
}


}  // namespace

Table results_table(const Campaign& c, const YearResults& y, const Units& units, const UnitLink& link) {
  Table t;
  t.caption = words::results_caption(c.name, y.year);
  t.head = {words::text("table.number"), words::text("table.unit"), words::text("table.unit_type"), words::text("table.registered")};
  // "Làm điểm" when the campaign counts pilot units or the year names one.
  const bool pilots = std::any_of(c.rules.targets.begin(), c.rules.targets.end(), [](const Target& tg) { return tg.pilot; }) ||
                      std::any_of(y.units.begin(), y.units.end(), [](const UnitResult& u) { return u.pilot; });
  if (pilots) t.head.push_back(words::text("table.pilot"));
  for (const auto& cr : c.rules.criteria) t.head.push_back(cr.name);
  for (const auto& n : c.rules.counts) t.head.push_back(upper_first(n.name));
  const bool scored = c.rules.uses_score();
  if (scored) t.head.push_back(words::text("table.score"));
  t.head.push_back(words::text("table.grade"));
  t.head.push_back(words::text("table.note"));
  int n = 0;
  for (const UnitResult& u : y.units) {
    const Unit* unit = units.find(u.unit);
    if (!unit) continue;
    std::vector<TableCell> row;
    row.push_back(TableCell::number(std::to_string(++n)));
    row.push_back({unit->name, link(unit->id)});
    row.push_back({unit_type_name(unit->type)});
    row.push_back(TableCell::yes_no(words::text(u.registered ? "table.yes" : "table.no"), u.registered));
    if (pilots) row.push_back(u.pilot ? TableCell::yes_no(words::text("table.yes"), true) : TableCell{""});
    for (const auto& cr : c.rules.criteria) {
      const bool met = u.meets(cr.id);
      if (!u.registered) {
        row.push_back({""});
      } else {
        row.push_back(TableCell::yes_no(words::text(met ? "table.met" : "table.not_met"), met));
      }
    }
    for (const auto& n : c.rules.counts) {
      const auto v = u.count(n.id);
      row.push_back(TableCell::number(v && u.registered ? std::to_string(*v) : ""));
    }
    if (scored) row.push_back(TableCell::number(u.score ? words::number(*u.score) : ""));
    row.push_back({u.registered ? grade_name(c.rules, u.grade) : ""});
    std::string note = u.note;
    if (u.registered && u.lowered && !u.decided) note = words::grade_lowered(u.explanation) + (note.empty() ? "" : " " + note);
    if (u.decided) note = words::committee_decided(u.reason) + (note.empty() ? "" : " " + note);
    row.push_back({note});
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table grades_table(const Campaign& c, const YearSummary& s) {
  Table t;
  t.caption = words::grades_caption(s.year);
  t.head = {words::text("table.grade"), words::text("table.unit_count"), words::text("table.share")};
  for (size_t i = 0; i < c.rules.grades.size(); ++i) {
    t.rows.push_back({{c.rules.grades[i].name}, TableCell::number(std::to_string(s.per_grade[i])),
                      TableCell::number(words::percent(s.per_grade[i], s.registered))});
  }
  if (s.ungraded > 0) {
    t.rows.push_back({{words::no_grade()}, TableCell::number(std::to_string(s.ungraded)), TableCell::number(words::percent(s.ungraded, s.registered))});
  }
  t.foot = {{words::registered_total()}, TableCell::number(std::to_string(s.registered)), TableCell::number(words::percent(s.registered, s.registered))};
  return t;
}

Table targets_table(const Campaign& c, const YearSummary& s) {
  Table t;
  t.caption = words::targets_caption(s.year);
  t.head = {words::text("table.target"), words::text("table.units_met"), words::text("table.out_of"), words::text("table.share_met"), words::text("table.result")};
  for (const auto& o : s.targets) {
    t.rows.push_back({{o.target->name.empty() ? c.rules.describe(*o.target) : o.target->name},
                      TableCell::number(std::to_string(o.count)),
                      TableCell::number(std::to_string(o.total)),
                      TableCell::number(words::percent(o.count, o.total)),
                      TableCell::yes_no(words::text(o.met ? "table.met" : "table.target_not_met"), o.met)});
  }
  return t;
}

Table years_table(const Campaign& c, const std::vector<YearSummary>& years) {
  Table t;
  t.caption = words::years_caption(c.name);
  t.head = {words::text("table.year"), words::text("table.registered_units")};
  for (const auto& g : c.rules.grades) t.head.push_back(g.name);
  for (const auto& tg : c.rules.targets) t.head.push_back(tg.name);
  for (const YearSummary& s : years) {
    std::vector<TableCell> row = {{std::to_string(s.year)}, TableCell::number(std::to_string(s.registered))};
    for (size_t i = 0; i < c.rules.grades.size(); ++i) {
      row.push_back(TableCell::number(std::to_string(s.per_grade[i]) + " (" + words::percent(s.per_grade[i], s.registered) + ")"));
    }
    for (const auto& o : s.targets) {
      row.push_back(TableCell::yes_no(words::text("table.share_and_result", {{"share", words::percent(o.count, o.total)}, {"result", words::text(o.met ? "table.met" : "table.target_not_met")}}), o.met));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<BarChart> target_charts(const Campaign& c, const std::vector<YearSummary>& years) {
  std::vector<BarChart> charts;
  for (size_t i = 0; i < c.rules.targets.size(); ++i) {
    const Target& tg = c.rules.targets[i];
    BarChart ch;
    ch.id = "bieu-do-" + std::to_string(i + 1);
    ch.title = tg.name.empty() ? c.rules.describe(tg) : tg.name;
    ch.threshold = static_cast<double>(tg.bound.share.num) / static_cast<double>(tg.bound.share.den);
    if (tg.upper) ch.upper = static_cast<double>(tg.upper->share.num) / static_cast<double>(tg.upper->share.den);
    ch.threshold_label = words::threshold_label(tg.upper ? tg.bound.share.text + " – " + tg.upper->share.text : tg.bound.share.text);
    std::vector<std::string> parts;
    for (const YearSummary& s : years) {
      const auto& o = s.targets[i];
      ch.bars.push_back({std::to_string(s.year), o.count, o.total, words::percent(o.count, o.total), o.met});
      parts.push_back(words::chart_year(s.year, words::percent(o.count, o.total), o.count, o.total, o.met));
    }
    ch.description = words::chart_description(c.rules.describe(tg), parts);
    charts.push_back(std::move(ch));
  }
  return charts;
}

Table recipients_table(const Decision& d, const Units& units, const UnitLink& link) {
  Table t;
  t.caption = words::recipients_caption(d.number.empty() ? d.title : d.number);
  t.head = {words::text("table.number"), words::text("table.recipient"), words::text("table.role"), words::text("table.unit"), words::text("table.achievement")};
  int n = 0;
  for (const Recipient& r : d.recipients) {
    const Unit* u = units.find(r.unit);
    std::string unit_name = u ? u->name : r.unit;
    std::string url = u ? link(u->id) : "";
    if (r.individual()) {
      t.rows.push_back({TableCell::number(std::to_string(++n)), {words::comrade(r.name)}, {r.role}, {unit_name, url}, {r.achievement}});
    } else {
      t.rows.push_back({TableCell::number(std::to_string(++n)), {unit_name, url}, {""}, {words::collective()}, {r.achievement}});
    }
  }
  return t;
}

}  // namespace congbo

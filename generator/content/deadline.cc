// deadline.cc: reading a campaign's calendar and what falls due.
#include "deadline.h"

#include <algorithm>
#include <regex>

#include "campaign.h"
#include "messages.h"
#include "unit.h"

namespace congbo {
namespace {

std::optional<Deadline::Kind> kind_of(const std::string& s) {
  if (s == "dang-ky") return Deadline::Kind::Registration;
  if (s == "bao-cao") return Deadline::Kind::Report;
  if (s == "so-ket") return Deadline::Kind::Review;
  if (s == "tong-ket") return Deadline::Kind::Final;
  return std::nullopt;
}

// "2022 - 2027" → 2022, 2027 (a campaign's period, for deadlines that fall each year).
std::pair<int, int> period_years(const std::string& period) {
  static const std::regex year(R"((19|20)\d\d)");
  std::vector<int> ys;
  for (auto it = std::sregex_iterator(period.begin(), period.end(), year); it != std::sregex_iterator(); ++it) {
    ys.push_back(std::stoi(it->str()));
  }
  if (ys.empty()) return {0, 0};
  return {*std::min_element(ys.begin(), ys.end()), *std::max_element(ys.begin(), ys.end())};
}

Deadline read_one(const Value& t, const std::string& path, Diagnostics& diags) {
  FieldReader r(t, path, diags, "deadline.");
  Deadline d;
  d.line = t.line;
  d.col = t.col;
  if (auto v = r.string("kind", true)) {
    if (auto k = kind_of(*v)) d.kind = *k;
    else {
      auto [line, col] = r.where("kind");
      diags.error(path, line, col, msg::unknown_deadline_kind(*v));
    }
  }
  if (auto v = r.string("name")) d.name = *v;
  d.date = r.date("date");
  bool said = false;
  if (auto v = r.string("each_year")) {
    static const std::regex shape(R"((\d{1,2})/(\d{1,2}))");
    std::smatch m;
    if (std::regex_match(*v, m, shape) && Date::valid(2024, std::stoi(m[2]), std::stoi(m[1]))) {
      d.day = std::stoi(m[1]);
      d.month = std::stoi(m[2]);
    } else {
      auto [line, col] = r.where("each_year");
      diags.error(path, line, col, msg::bad_day_month(*v));
      said = true;
    }
  }
  if (auto v = r.integer_in("from_year", kFirstYear, kLastYear)) d.first_year = static_cast<int>(*v);
  if (auto v = r.integer_in("to_year", kFirstYear, kLastYear)) d.last_year = static_cast<int>(*v);
  if (!said && d.date.has_value() == (d.day != 0)) diags.error(path, d.line, d.col, msg::deadline_needs_date());
  r.finish(msg::unknown_field);
  return d;
}

void who_is_behind(const Campaign& c, const Units& units, DeadlineDue& due) {
  const Deadline::Kind k = due.deadline->kind;
  if (k != Deadline::Kind::Registration && k != Deadline::Kind::Report) return;
  for (const Unit& u : units.all()) {
    const UnitResult* row = c.result(due.year, u.id);
    if (k == Deadline::Kind::Registration) {
      if (!row || !row->registered) due.missing.push_back(u.id);
      else if (row->registered_on && *row->registered_on > due.date) due.late.push_back(u.id);
      continue;
    }
    if (!row || !row->registered) continue;
    const bool reported = row->reported_on || !row->met.empty() || row->score;
    if (!reported) due.missing.push_back(u.id);
    else if (row->reported_on && *row->reported_on > due.date) due.late.push_back(u.id);
  }
}

}  // namespace

std::vector<Deadline> read_deadlines(FieldReader& file, const std::string& path, Diagnostics& diags) {
  std::vector<Deadline> out;
  for (const Value* t : file.tables("deadline")) out.push_back(read_one(*t, path, diags));
  return out;
}

std::vector<DeadlineDue> deadlines_due(const Campaign& c, const Units& units) {
  std::vector<DeadlineDue> out;
  const auto [first, last] = period_years(c.period);
  for (const Deadline& d : c.deadlines) {
    if (d.date) {
      out.push_back({&d, d.date->year, *d.date, {}, {}});
      continue;
    }
    if (!d.day) continue;
    const int from = d.first_year ? d.first_year : first, to = d.last_year ? d.last_year : last;
    for (int y = from; y && y <= to && y - from < 50; ++y) {
      if (Date::valid(y, d.month, d.day)) out.push_back({&d, y, Date{y, d.month, d.day}, {}, {}});
    }
  }
  for (DeadlineDue& due : out) who_is_behind(c, units, due);
  std::stable_sort(out.begin(), out.end(), [](const DeadlineDue& a, const DeadlineDue& b) { return a.date < b.date; });
  return out;
}

std::string deadline_kind_name(Deadline::Kind k) {
  switch (k) {
    case Deadline::Kind::Registration: return "Hạn đăng ký thi đua";
    case Deadline::Kind::Report: return "Hạn báo cáo kết quả";
    case Deadline::Kind::Review: return "Sơ kết";
    case Deadline::Kind::Final: return "Tổng kết";
  }
  return "";
}

}  // namespace congbo

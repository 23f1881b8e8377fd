// results_form.cc: the grid's year, read and written.
#include "results_form.h"

#include <algorithm>
#include <charconv>
#include <regex>
#include <sstream>
#include <tuple>
#include <vector>

#include "date.h"
#include "document_form.h"
#include "text.h"
#include "toml_blocks.h"

namespace congbo {
namespace {

std::optional<double> score_from(const std::string& typed) {
  std::string s = trim(typed);
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// "12" → 12; a count is a whole number from 0 to kCountLimit, as the campaign file allows.
std::optional<int64_t> whole_number(const std::string& typed) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), v);
  if (typed.empty() || ec != std::errc() || end != typed.data() + typed.size() || v < 0 || v > kCountLimit) return std::nullopt;
  return v;
}

// A bare TOML key when it can be one ("dang-vien"), else quoted.
std::string toml_key(const std::string& k) {
  const bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  return bare ? k : toml_quoted(k);
}

std::string score_text(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

UnitResult read_row(const Rules& rules, const FieldLookup& field, const std::string& unit,
                    std::map<std::string, std::string>& mistakes) {
  UnitResult u;
  u.unit = unit;
  u.registered = !field(GridNames::registered(unit)).empty();
  u.pilot = !field(GridNames::pilot(unit)).empty();
  for (const Criterion& c : rules.criteria) {
    if (!field(GridNames::met(unit, c.id)).empty()) u.met.push_back(c.id);
  }
  for (const Count& c : rules.counts) {
    const std::string typed = trim(field(GridNames::count(unit, c.id)));
    if (typed.empty()) continue;
    if (auto n = whole_number(typed)) u.counts.emplace_back(c.id, *n);
    else mistakes[GridNames::count(unit, c.id)] = c.name + ": \"" + typed + "\" không phải một số nguyên (ví dụ 12)";
  }
  const std::string score = trim(field(GridNames::score(unit)));
  if (!score.empty()) {
    u.score = score_from(score);
    if (!u.score) mistakes[GridNames::score(unit)] = "điểm \"" + score + "\" không phải một số (ví dụ 92 hoặc 87,5)";
  }
  u.stated = trim(field(GridNames::decided(unit)));
  u.decided = !u.stated.empty();
  u.reason = trim(field(GridNames::reason(unit)));
  u.note = trim(field(GridNames::note(unit)));
  auto day = [&](const std::string& name, std::optional<Date>& into) {
    const std::string typed = trim(field(name));
    if (typed.empty()) return;
    into = Date::parse(typed);
    if (!into) mistakes[name] = "ngày \"" + typed + "\" phải viết dạng ngày/tháng/năm, ví dụ 20/03/2026";
  };
  day(GridNames::registered_on(unit), u.registered_on);
  day(GridNames::reported_on(unit), u.reported_on);
  return u;
}

std::string comma_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool untouched(const UnitResult& u) {
  return !u.registered && !u.pilot && u.met.empty() && u.counts.empty() && !u.score && u.stated.empty() && u.reason.empty() && u.note.empty() &&
         !u.registered_on && !u.reported_on;
}

// One line of a CSV (quotes as RFC 4180 writes them) or of tab-separated text.
std::vector<std::string> cells_of(const std::string& line, char separator) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cells.back() += line[++i];
      else if (c == '"') quoted = false;
      else cells.back() += c;
    } else if (c == '"' && cells.back().empty()) {
      quoted = true;
    } else if (c == separator) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  for (auto& cell : cells) cell = trim(cell);
  return cells;
}

std::optional<bool> box_value(const std::string& cell) {
  const std::string f = fold(cell);
  for (const char* yes : {"x", "1", "co", "dat", "v", "\xe2\x9c\x93", "true", "yes"}) {
    if (f == yes) return true;
  }
  for (const char* no : {"", "0", "khong", "chua dat", "khong dat", "-", "false", "no"}) {
    if (f == no) return false;
  }
  return std::nullopt;
}

const Unit* unit_named(const Units& units, const std::string& cell) {
  if (const Unit* u = units.find(cell)) return u;
  const std::string f = fold(cell);
  for (const Unit& u : units.all()) {
    if (fold(u.name) == f) return &u;
  }
  return nullptr;
}

// Column → what it holds: "unit", "registered", "score", "note", a criterion
// id, or "" (skipped).
std::vector<std::string> columns_of(const std::vector<std::string>& first, const Rules& rules, bool* header) {
  std::vector<std::string> cols;
  *header = false;
  for (const auto& cell : first) {
    const std::string f = fold(cell);
    std::string what;
    if (f == "don vi" || f == "ten don vi") what = "unit";
    else if (f == "dang ky") what = "registered";
    else if (f == "lam diem") what = "pilot";
    else if (f == "diem") what = "score";
    else if (f == "ghi chu") what = "note";
    for (const Criterion& c : rules.criteria) {
      if (f == fold(c.name) || f == c.id) what = c.id;
    }
    for (const Count& c : rules.counts) {
      if (f == fold(c.name) || f == c.id) what = "count:" + c.id;
    }
    if (what == "unit") *header = true;
    cols.push_back(what);
  }
  if (*header) return cols;
  cols = {"unit", "registered"};
  for (const Criterion& c : rules.criteria) cols.push_back(c.id);
  for (const Count& c : rules.counts) cols.push_back("count:" + c.id);
  if (rules.uses_score()) cols.push_back("score");
  cols.push_back("note");
  return cols;
}

}  // namespace

Pasted read_pasted(const std::string& text, char separator, const Rules& rules, const Units& units) {
  Pasted out;
  std::vector<std::vector<std::string>> lines;
  for (const std::string& line : file_lines(text)) {
    std::string l = line;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (!trim(l).empty()) lines.push_back(cells_of(l, separator));
  }
  if (lines.empty()) return out;
  bool header = false;
  const std::vector<std::string> cols = columns_of(lines[0], rules, &header);
  for (size_t n = header ? 1 : 0; n < lines.size(); ++n) {
    const std::string where = "dòng " + std::to_string(n + 1);
    PastedRow row;
    for (size_t i = 0; i < lines[n].size() && i < cols.size(); ++i) {
      const std::string& cell = lines[n][i];
      const std::string& what = cols[i];
      if (what.empty()) continue;
      if (what == "unit") {
        const Unit* u = unit_named(units, cell);
        if (!u) { out.problems.push_back(where + ": không có đơn vị “" + cell + "” trong don-vi.toml"); break; }
        row.unit = u->id;
      } else if (what == "score") {
        if (!cell.empty()) row.score = cell;
      } else if (what == "note") {
        row.note = cell;
      } else if (what.rfind("count:", 0) == 0) {
        if (cell.empty()) continue;
        if (whole_number(cell)) row.counts[what.substr(6)] = cell;
        else out.problems.push_back(where + ", cột " + std::to_string(i + 1) + ": “" + cell + "” không phải một số nguyên");
      } else if (auto v = box_value(cell)) {
        if (what == "registered") row.registered = *v;
        else if (what == "pilot") row.pilot = *v;
        else row.met[what] = *v;
      } else {
        out.problems.push_back(where + ", cột " + std::to_string(i + 1) + ": “" + cell + "” không rõ là đạt hay không (ghi x hoặc để trống)");
      }
    }
    if (!row.unit.empty()) out.rows.push_back(std::move(row));
  }
  return out;
}

std::map<std::string, std::string> unpack_fields(const std::string& packed) {
  std::map<std::string, std::string> out;
  for (std::string line : file_lines(packed)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t tab = line.find('\t');
    if (tab != std::string::npos && tab > 0) out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

YearResults read_grid(const Rules& rules, const FieldLookup& field, std::map<std::string, std::string>& mistakes) {
  YearResults y;
  y.year = std::atoi(field("nam").c_str());
  const std::string date = trim(field("ngay"));
  if (!date.empty()) {
    y.date = Date::parse(date);
    if (!y.date) mistakes["ngay"] = "ngày phải viết dạng ngày/tháng/năm, ví dụ 20/12/2024";
  }
  std::istringstream units(field("don-vi"));
  for (std::string unit; units >> unit;) {
    UnitResult u = read_row(rules, field, unit, mistakes);
    if (untouched(u) && field(GridNames::listed(unit)).empty()) continue;
    y.units.push_back(std::move(u));
  }
  return y;
}

std::string write_year(const YearResults& y) {
  std::string out = "[[results]]\nyear = " + std::to_string(y.year) + "\n";
  if (y.date) out += "date = " + y.date->iso() + "\n";
  out += "units = [\n";
  for (const UnitResult& u : y.units) {
    std::vector<std::string> parts{"unit = " + toml_quoted(u.unit)};
    if (!u.registered) parts.push_back("registered = false");
    if (u.registered_on) parts.push_back("registered_on = " + u.registered_on->iso());
    if (u.pilot) parts.push_back("pilot = true");
    if (!u.met.empty()) {
      std::vector<std::string> q;
      for (const auto& id : u.met) q.push_back(toml_quoted(id));
      parts.push_back("met = [" + comma_list(q) + "]");
    }
    if (!u.counts.empty()) {
      std::vector<std::string> q;
      for (const auto& [id, n] : u.counts) q.push_back(toml_key(id) + " = " + std::to_string(n));
      parts.push_back("counts = { " + comma_list(q) + " }");
    }
    if (u.score) parts.push_back("score = " + score_text(*u.score));
    if (u.reported_on) parts.push_back("reported_on = " + u.reported_on->iso());
    if (!u.stated.empty()) parts.push_back("grade = " + toml_quoted(u.stated));
    if (u.decided) parts.push_back("decided = true");
    if (!u.reason.empty()) parts.push_back("reason = " + toml_quoted(u.reason));
    if (!u.note.empty()) parts.push_back("note = " + toml_quoted(u.note));
    out += "  { " + comma_list(parts) + " },\n";
  }
  return out + "]\n";
}

std::string with_year(const std::string& file, const std::string& path, const YearResults& y,
                      std::map<int, std::string>* row_lines) {
  Diagnostics ignored;
  const auto campaign = Campaign::load(file, path, ignored);
  const YearResults* old = campaign ? campaign->year(y.year) : nullptr;
  const std::vector<std::string> lines = file_lines(file);
  size_t begin = lines.size(), end = lines.size();
  if (old && old->line >= 1) std::tie(begin, end) = table_block(lines, old->line);
  std::string out;
  for (size_t i = 0; i < begin; ++i) out += lines[i] + "\n";
  if (!old && !out.empty() && out.size() >= 2 && out.substr(out.size() - 2) != "\n\n") out += "\n";
  int line = 1 + static_cast<int>(std::count(out.begin(), out.end(), '\n'));
  const std::string table = write_year(y);
  if (row_lines) {
    int at = line + 3 + (y.date ? 1 : 0);  // header, year, [date], "units = ["
    for (const UnitResult& u : y.units) (*row_lines)[at++] = u.unit;
  }
  out += table;
  for (size_t i = end; i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

}  // namespace congbo

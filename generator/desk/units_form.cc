// units_form.cc: the units table, read and written.
#include "units_form.h"

#include <algorithm>
#include <sstream>

#include "document_form.h"
#include "text.h"
#include "toml_blocks.h"

namespace congbo {
namespace {

std::string write_unit(const UnitRow& r) {
  std::string out = "[[unit]]\nid = " + toml_quoted(r.id) + "\nname = " + toml_quoted(r.name) + "\ntype = " + toml_quoted(r.type) + "\n";
  if (!r.parent.empty()) out += "parent = " + toml_quoted(r.parent) + "\n";
  if (!r.sector.empty()) out += "sector = " + toml_quoted(r.sector) + "\n";
  if (!r.description.empty()) out += "description = " + toml_quoted(r.description) + "\n";
  return out;
}

bool same(const UnitRow& a, const UnitRow& b) {
  return a.name == b.name && a.type == b.type && a.sector == b.sector && a.parent == b.parent && a.description == b.description;
}

}  // namespace

UnitRow unit_row(const Unit& u) {
  return {u.id, u.id, u.name, to_lower(unit_type_name(u.type)), to_lower(u.sector), u.parent, u.description};
}

std::vector<UnitRow> read_units_table(const FieldLookup& field, const Units& before) {
  std::vector<UnitRow> rows;
  std::istringstream keys(field("hang"));
  for (std::string key; keys >> key;) {
    UnitRow r;
    r.key = key;
    const bool existing = before.find(key) != nullptr;
    r.id = existing ? key : trim(field(unit_field("id", key)));
    r.name = trim(field(unit_field("ten", key)));
    r.type = trim(field(unit_field("loai", key)));
    r.sector = trim(field(unit_field("khoi", key)));
    r.parent = trim(field(unit_field("cap-tren", key)));
    r.description = trim(field(unit_field("mo-ta", key)));
    r.remove = existing && !field(unit_field("xoa", key)).empty();
    if (!existing && r.id.empty() && r.name.empty() && r.parent.empty() && r.description.empty()) continue;
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string with_units(const std::string& file, const Units& before, const std::vector<UnitRow>& rows,
                       std::map<int, std::string>* row_lines) {
  const std::vector<std::string> lines = file_lines(file);
  std::map<size_t, std::pair<size_t, std::string>> replaced;  // begin → end, new block
  std::string added;
  for (const UnitRow& r : rows) {
    // A new row whose id the file already has is that unit: the file of a
    // save that stopped on a mistake holds it already, written but not committed.
    // (A unit the table shows as its own row is another unit: the id is taken,
    // and the checker says so.)
    const Unit* u = before.find(r.key);
    const bool shown = std::any_of(rows.begin(), rows.end(), [&](const UnitRow& o) { return o.key == r.id; });
    if (!u && !shown) u = before.find(r.id);
    if (!u) {
      added += "\n" + write_unit(r);
      continue;
    }
    if (!r.remove && same(r, unit_row(*u))) continue;
    auto [begin, end] = table_block(lines, u->line);
    if (r.remove && end < lines.size() && trim(lines[end]).empty()) ++end;  // and the blank line after it
    if (begin < lines.size()) replaced[begin] = {end, r.remove ? "" : write_unit(r)};
  }
  std::string out;
  for (size_t i = 0; i < lines.size();) {
    auto it = replaced.find(i);
    if (it != replaced.end()) {
      out += it->second.second;
      i = it->second.first;
      continue;
    }
    out += lines[i++] + "\n";
  }
  out += added;
  if (row_lines) {
    Diagnostics ignored;
    const Units after = Units::load(out, before.path().empty() ? "content/don-vi.toml" : before.path(), ignored);
    const std::vector<std::string> now = file_lines(out);
    for (const UnitRow& r : rows) {
      const Unit* u = after.find(r.id);
      if (!u) continue;
      const auto [begin, end] = table_block(now, u->line);
      for (size_t n = begin; n < end; ++n) (*row_lines)[static_cast<int>(n + 1)] = r.key;
    }
  }
  return out;
}

}  // namespace congbo

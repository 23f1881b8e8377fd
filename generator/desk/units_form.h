// units_form.h: content/don-vi.toml as the desk's units table edits it —
// one row per unit (name, type, sector, parent, description), new units
// added at the end. Only the [[unit]] blocks that changed are rewritten;
// every other line of the file stays as it was. An existing unit's id is
// not edited here: results, decisions and models name units by it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "results_form.h"
#include "unit.h"

namespace congbo {

/// A unit as the table posts it: plain text, checked by the same checker as the CLI.
struct UnitRow {
  std::string key;  ///< the row: an existing unit's id, or "moi-N" for a new one
  std::string id, name, type, sector, parent, description;
  bool remove = false;  ///< an existing unit ticked "Xóa": its block is taken out of the file
};

/// The table's field for one row ("ten-cb-a").
inline std::string unit_field(const std::string& field, const std::string& key) { return field + "-" + key; }

/// The rows posted: "hang" lists the row keys (space-separated); a new row
/// with nothing typed is left out.
std::vector<UnitRow> read_units_table(const FieldLookup& field, const Units& before);
/// An existing unit as a row.
UnitRow unit_row(const Unit& u);

/// `file` with the changed units' blocks rewritten, the removed ones taken
/// out and new ones added at the end; `row_lines` receives every line of each row's block → its key.
std::string with_units(const std::string& file, const Units& before, const std::vector<UnitRow>& rows,
                       std::map<int, std::string>* row_lines);

}  // namespace congbo

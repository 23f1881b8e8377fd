// unit.h: the party organisations a committee's records are about (content/don-vi.toml):
// đảng bộ cơ sở, chi bộ cơ sở, and chi bộ trực thuộc an đảng bộ cơ sở.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace congbo {

enum class UnitType { PartyCommittee, Cell, SubCell };  ///< đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc

/// "đảng bộ cơ sở" (also written without marks or in other case) → PartyCommittee.
std::optional<UnitType> parse_unit_type(const std::string& text);
std::string unit_type_name(UnitType t);  ///< "Đảng bộ cơ sở"
/// The sector names units are grouped by, in the order lists show them.
const std::vector<std::string>& unit_sectors();

struct Unit {
  std::string id;      ///< "cb-ngan-hang-nha-nuoc": used by results, decisions, models
  std::string name;    ///< "Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh"
  UnitType type = UnitType::Cell;
  std::string parent;  ///< id of its đảng bộ cơ sở (chi bộ trực thuộc only)
  std::string sector;  ///< one of unit_sectors()
  std::string description;
  bool sample = false;  ///< made up to show the site working: said on its page
  int line = 0, col = 0;
};

class Units {
 public:
  /// Reads content/don-vi.toml's text: one [[unit]] table per unit.
  static Units load(const std::string& text, const std::string& path, Diagnostics& diags);

  const std::vector<Unit>& all() const { return units_; }
  const Unit* find(const std::string& id) const;
  int index(const std::string& id) const;  ///< -1 when unknown
  std::vector<int> children(const std::string& id) const;
  bool empty() const { return units_.empty(); }
  const std::string& path() const { return path_; }
  /// The whole list is sample data (sample = true at the top of the file).
  bool sample() const { return sample_; }

 private:
  std::vector<Unit> units_;
  bool sample_ = false;
  std::string path_;
};

}  // namespace congbo

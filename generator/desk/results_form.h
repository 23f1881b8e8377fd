// results_form.h: one year of a campaign's results as the desk's grid edits
// them — read from the posted grid, written back as the campaign file's own
// [[results]] table (the rest of the file, comments and all, untouched), so
// the file stays readable and its diff shows only the rows that changed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "campaign.h"

namespace congbo {

/// A posted field by name ("" when absent).
using FieldLookup = std::function<std::string(const std::string&)>;

/// The grid's field names for one row (inputs are named so in the HTML).
struct GridNames {
  static std::string registered(const std::string& unit) { return "dk-" + unit; }
  static std::string pilot(const std::string& unit) { return "ld-" + unit; }  ///< chosen to pilot ("làm điểm")
  static std::string met(const std::string& unit, const std::string& criterion) { return "tc-" + unit + "-" + criterion; }
  static std::string score(const std::string& unit) { return "diem-" + unit; }
  static std::string count(const std::string& unit, const std::string& id) { return "sl-" + unit + "-" + id; }  ///< a [[count]]
  static std::string decided(const std::string& unit) { return "xl-" + unit; }
  static std::string reason(const std::string& unit) { return "ly-do-" + unit; }
  static std::string note(const std::string& unit) { return "gc-" + unit; }
  static std::string registered_on(const std::string& unit) { return "ngay-dk-" + unit; }  ///< dd/mm/yyyy
  static std::string reported_on(const std::string& unit) { return "ngay-bc-" + unit; }
  static std::string listed(const std::string& unit) { return "co-" + unit; }  ///< "1": the row is in the file
};

/// A grid's fields packed into one ("name<TAB>value" a line): a form with
/// 500 units has more fields than cpp-httplib takes in one request (1,024
/// parts), so the page sends them as one. Tabs and line breaks in a value
/// become spaces.
std::map<std::string, std::string> unpack_fields(const std::string& packed);

/// The grid as posted: "don-vi" lists its units in order (space-separated),
/// "nam" the year, "ngay" the date announced (dd/mm/yyyy). A row not in the
/// file yet, with nothing ticked or typed, is left out. Mistakes a file
/// cannot hold (a score that is not a number, a date that is not a day) go
/// to `mistakes` by field name.
YearResults read_grid(const Rules& rules, const FieldLookup& field, std::map<std::string, std::string>& mistakes);

/// The [[results]] table for `y`, as the sample files write it.
std::string write_year(const YearResults& y);

/// `file` with the year's table replaced by `y` (or added at the end).
/// `row_lines` receives each row's line in the new text → its unit id.
std::string with_year(const std::string& file, const std::string& path, const YearResults& y,
                      std::map<int, std::string>* row_lines);

/// Rows copied from a spreadsheet (tab-separated) or a CSV congbo exported.
/// With a header row, columns are found by their names ("Đơn vị", "Đăng ký", "Làm điểm",
/// each criterion's name, each count's name, "Điểm", "Ghi chú"; others such
/// as "STT" or "Xếp loại" are skipped); without one they are: unit,
/// registered, each criterion in order, each count, then score (when the
/// rules use one) and note. A unit
/// is named by its id or its name (marks and case aside); a box is "x",
/// "Đạt", "Có", "1" or empty, "Chưa đạt", "Không", "0".
struct PastedRow {
  std::string unit;
  std::optional<bool> registered, pilot;
  std::map<std::string, bool> met;  ///< criterion id → ticked, for the columns given
  std::map<std::string, std::string> counts;  ///< [[count]] id → the number as typed
  std::optional<std::string> score, note;
};
struct Pasted {
  std::vector<PastedRow> rows;
  std::vector<std::string> problems;  ///< "dòng 3: không có đơn vị “…” trong don-vi.toml"
};
Pasted read_pasted(const std::string& text, char separator, const Rules& rules, const Units& units);

}  // namespace congbo

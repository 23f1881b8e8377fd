// deadline.h: a campaign's calendar — the [[deadline]] blocks of its file
// (registration by a day, reports due each year, sơ kết and tổng kết) —
// and, for each time one falls, which units have not done it by then,
// computed from the results the file holds, never typed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "field_reader.h"

namespace congbo {

struct Campaign;
class Units;

struct Deadline {
  enum class Kind { Registration, Report, Review, Final };  ///< dang-ky, bao-cao, so-ket, tong-ket
  Kind kind = Kind::Report;
  std::string name;          ///< as written, else the kind's name ("Hạn báo cáo kết quả")
  std::optional<Date> date;  ///< once
  int day = 0, month = 0;    ///< each_year = "15/11"
  int first_year = 0, last_year = 0;  ///< from_year, to_year for each_year; else the campaign's period
  int line = 0, col = 0;
};

/// One time a deadline falls, and the units it concerns that have not met it.
struct DeadlineDue {
  const Deadline* deadline = nullptr;
  int year = 0;              ///< the campaign year it belongs to
  Date date;
  std::vector<std::string> missing;  ///< unit ids: not registered / not reported (by the file's data)
  std::vector<std::string> late;     ///< did it, but after the date (registered_on / reported_on)
};

/// Reads the [[deadline]] blocks of a campaign file.
std::vector<Deadline> read_deadlines(FieldReader& file, const std::string& path, Diagnostics& diags);

/// Every time the campaign's deadlines fall, oldest first. A unit has
/// registered for a year when its row says so; it has reported when its row
/// has a criterion, a score or reported_on; units not in don-vi.toml are not counted.
std::vector<DeadlineDue> deadlines_due(const Campaign& c, const Units& units);

/// "Hạn đăng ký thi đua", "Hạn báo cáo kết quả", "Sơ kết", "Tổng kết".
std::string deadline_kind_name(Deadline::Kind k);

}  // namespace congbo

// date.h: calendar dates as documents state them (no time of day, no zone).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace congbo {

struct Date {
  int year = 0, month = 0, day = 0;

  /// "2020-10-21" or "21/10/2020" (also "21-10-2020", "21.10.2020"); nullopt
  /// if it is not a real calendar day.
  static std::optional<Date> parse(std::string_view text);
  static bool valid(int year, int month, int day);
  /// Today in Vietnam (UTC+7), by the system's clock.
  static Date today();

  /// Days since 1970-01-01 (for "còn 12 ngày", "quá hạn 3 ngày").
  long days() const;
  std::string iso() const;      ///< "2020-10-21"
  std::string display() const;  ///< "21/10/2020"
  std::string rfc3339() const;  ///< "2020-10-21T00:00:00+07:00", Vietnam's zone

  auto operator<=>(const Date&) const = default;
};

}  // namespace congbo

// field_reader.h: typed, checked reads of a TOML table, shared by site.toml
// and front matter. Each read reports missing or wrong-typed fields at their
// line; finish() warns about keys nobody asked for (usually typos).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "value.h"

namespace congbo {

/// The years a record can be about (the Party was founded in 1930), and the
/// largest score, either way, a campaign can give.
inline constexpr int kFirstYear = 1930, kLastYear = 2100;
inline constexpr double kScoreLimit = 100000;
/// The largest a campaign row's count can be (counts = { dang-vien = … }).
inline constexpr int64_t kCountLimit = 10'000'000;

class FieldReader {
 public:
  FieldReader(const Value& table, std::string path, Diagnostics& diags,
              std::string prefix = "");

  std::optional<std::string> string(const std::string& key, bool required = false);
  std::optional<int64_t> integer(const std::string& key, bool required = false);
  /// An integer or a decimal number (a score: 92, 87.5).
  std::optional<double> number(const std::string& key);
  /// The same, reported at the field when outside [min, max] (a year of
  /// 9223372036854775807, a score of inf) and then not taken.
  std::optional<int64_t> integer_in(const std::string& key, int64_t min, int64_t max, bool required = false);
  std::optional<double> number_in(const std::string& key, double min, double max);
  std::optional<bool> boolean(const std::string& key);
  /// A TOML date (2020-10-21) or a string "2020-10-21" / "21/10/2020".
  std::optional<Date> date(const std::string& key, bool required = false);
  std::optional<std::vector<std::string>> string_list(const std::string& key,
                                                      bool required = false);
  /// Each table of an array of tables ([[key]] blocks, or [{…}, {…}]);
  /// anything else in it is reported and left out. Empty when absent.
  std::vector<const Value*> tables(const std::string& key);
  /// The raw value, marked as used; nullptr if absent.
  const Value* raw(const std::string& key);

  /// Warns once per key that no read asked for. `unknown` picks the message.
  void finish(std::string (*unknown)(const std::string&));

  /// Line and column of a key, or of the table itself when the key is absent.
  std::pair<int, int> where(const std::string& key) const;

 private:
  const Value* take(const std::string& key, bool required);
  void wrong_type(const std::string& key, const Value& v, const std::string& expected);

  const Value& table_;
  std::string path_;
  Diagnostics& diags_;
  std::string prefix_;  ///< "issuers.duk." for nested tables, so messages name the full key
  std::set<std::string> used_;
};

}  // namespace congbo

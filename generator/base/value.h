// value.h: a plain tree of TOML values with their source positions. Front
// matter and site.toml are read into this, so toml++ stays in toml_reader.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "date.h"

namespace congbo {

struct Value {
  enum class Type { String, Integer, Float, Boolean, Date, List, Table };

  Type type = Type::Table;
  std::string str;
  int64_t integer = 0;
  double number = 0;
  bool boolean = false;
  congbo::Date date;
  std::vector<Value> items;                            ///< List
  std::vector<std::pair<std::string, Value>> members;  ///< Table, in source order
  int line = 0, col = 0;                               ///< where the value starts

  /// Member of a table by key, or nullptr.
  const Value* find(const std::string& key) const;
  bool is_string_list() const;
  /// The phrase for this value's type used in diagnostics ("số nguyên"…).
  std::string type_name() const;
};

}  // namespace congbo

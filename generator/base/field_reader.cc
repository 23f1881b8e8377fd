// field_reader.cc: see field_reader.h.
#include "field_reader.h"

#include "messages.h"
#include "text.h"

namespace congbo {

FieldReader::FieldReader(const Value& table, std::string path, Diagnostics& diags,
                         std::string prefix)
    : table_(table), path_(std::move(path)), diags_(diags), prefix_(std::move(prefix)) {}

const Value* FieldReader::take(const std::string& key, bool required) {
  used_.insert(key);
  const Value* v = table_.find(key);
  if (!v && required) {
    diags_.error(path_, table_.line, table_.line > 0 ? 1 : 0, msg::missing_field(prefix_ + key));
  }
  return v;
}

void FieldReader::wrong_type(const std::string& key, const Value& v,
                             const std::string& expected) {
  diags_.error(path_, v.line, v.col, msg::wrong_type(prefix_ + key, expected, v.type_name()));
}

std::optional<std::string> FieldReader::string(const std::string& key, bool required) {
  const Value* v = take(key, required);
  if (!v) return std::nullopt;
  if (v->type != Value::Type::String) {
    wrong_type(key, *v, msg::type_string());
    return std::nullopt;
  }
  std::string s = trim(v->str);
  if (s.empty() && required) {
    diags_.error(path_, v->line, v->col, msg::empty_field(prefix_ + key));
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> FieldReader::integer(const std::string& key, bool required) {
  const Value* v = take(key, required);
  if (!v) return std::nullopt;
  if (v->type != Value::Type::Integer) {
    wrong_type(key, *v, msg::type_integer());
    return std::nullopt;
  }
  return v->integer;
}

std::optional<double> FieldReader::number(const std::string& key) {
  const Value* v = take(key, false);
  if (!v) return std::nullopt;
  if (v->type == Value::Type::Integer) return static_cast<double>(v->integer);
  if (v->type == Value::Type::Float) return v->number;
  wrong_type(key, *v, msg::type_number());
  return std::nullopt;
}

std::optional<int64_t> FieldReader::integer_in(const std::string& key, int64_t min, int64_t max, bool required) {
  auto v = integer(key, required);
  if (v && (*v < min || *v > max)) {
    auto [line, col] = where(key);
    diags_.error(path_, line, col, msg::out_of_range(prefix_ + key, std::to_string(min), std::to_string(max)));
    return std::nullopt;
  }
  return v;
}

std::optional<double> FieldReader::number_in(const std::string& key, double min, double max) {
  auto v = number(key);
  if (v && !(*v >= min && *v <= max)) {  // NaN fails both
    auto [line, col] = where(key);
    diags_.error(path_, line, col, msg::out_of_range(prefix_ + key, std::to_string(static_cast<long long>(min)), std::to_string(static_cast<long long>(max))));
    return std::nullopt;
  }
  return v;
}

std::vector<const Value*> FieldReader::tables(const std::string& key) {
  std::vector<const Value*> out;
  const Value* v = take(key, false);
  if (!v) return out;
  if (v->type != Value::Type::List) {
    wrong_type(key, *v, msg::type_table_list());
    return out;
  }
  for (const Value& item : v->items) {
    if (item.type == Value::Type::Table) {
      out.push_back(&item);
    } else {
      wrong_type(key, item, msg::type_table_list());
    }
  }
  return out;
}

std::optional<bool> FieldReader::boolean(const std::string& key) {
  const Value* v = take(key, false);
  if (!v) return std::nullopt;
  if (v->type != Value::Type::Boolean) {
    wrong_type(key, *v, msg::type_boolean());
    return std::nullopt;
  }
  return v->boolean;
}

std::optional<Date> FieldReader::date(const std::string& key, bool required) {
  const Value* v = take(key, required);
  if (!v) return std::nullopt;
  if (v->type == Value::Type::Date) {
    if (!Date::valid(v->date.year, v->date.month, v->date.day)) {
      diags_.error(path_, v->line, v->col, msg::bad_date(v->date.iso()));
      return std::nullopt;
    }
    return v->date;
  }
  if (v->type == Value::Type::String) {
    if (auto d = Date::parse(trim(v->str))) return d;
    diags_.error(path_, v->line, v->col, msg::bad_date(v->str));
    return std::nullopt;
  }
  wrong_type(key, *v, msg::type_date());
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::string_list(const std::string& key,
                                                                 bool required) {
  const Value* v = take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string_list()) {
    wrong_type(key, *v, msg::type_string_list());
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v->items) out.push_back(trim(item.str));
  return out;
}

const Value* FieldReader::raw(const std::string& key) { return take(key, false); }

void FieldReader::finish(std::string (*unknown)(const std::string&)) {
  for (const auto& [key, v] : table_.members) {
    if (!used_.count(key)) diags_.warning(path_, v.line, v.col, unknown(prefix_ + key));
  }
}

std::pair<int, int> FieldReader::where(const std::string& key) const {
  if (const Value* v = table_.find(key)) return {v->line, v->col};
  return {table_.line, 1};
}

}  // namespace congbo

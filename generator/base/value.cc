// value.cc: lookups on the plain TOML value tree.
#include "value.h"

#include "messages.h"

namespace congbo {

const Value* Value::find(const std::string& key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool Value::is_string_list() const {
  if (type != Type::List) return false;
  for (const auto& item : items) {
    if (item.type != Type::String) return false;
  }
  return true;
}

std::string Value::type_name() const {
  switch (type) {
    case Type::String: return msg::type_string();
    case Type::Integer: return msg::type_integer();
    case Type::Float: return msg::type_float();
    case Type::Boolean: return msg::type_boolean();
    case Type::Date: return msg::type_date();
    case Type::List: return msg::type_list();
    case Type::Table: return msg::type_table();
  }
  return "";
}

}  // namespace congbo

// toml_reader.cc: toml++ → Value, keeping every value's line and column.
#include "toml_reader.h"

#include <toml++/toml.h>

#include "messages.h"

namespace congbo {
namespace {

Value convert(const toml::node& node, int line_offset) {
  Value v;
  v.line = static_cast<int>(node.source().begin.line) + line_offset;
  v.col = static_cast<int>(node.source().begin.column);
  switch (node.type()) {
    case toml::node_type::string:
      v.type = Value::Type::String;
      v.str = node.as_string()->get();
      break;
    case toml::node_type::integer:
      v.type = Value::Type::Integer;
      v.integer = node.as_integer()->get();
      break;
    case toml::node_type::floating_point:
      v.type = Value::Type::Float;
      v.number = node.as_floating_point()->get();
      break;
    case toml::node_type::boolean:
      v.type = Value::Type::Boolean;
      v.boolean = node.as_boolean()->get();
      break;
    case toml::node_type::date: {
      auto d = node.as_date()->get();
      v.type = Value::Type::Date;
      v.date = {d.year, d.month, d.day};
      break;
    }
    case toml::node_type::date_time: {
      auto d = node.as_date_time()->get().date;
      v.type = Value::Type::Date;
      v.date = {d.year, d.month, d.day};
      break;
    }
    case toml::node_type::time:
      // A bare time of day is never meaningful here; report it as text.
      v.type = Value::Type::String;
      break;
    case toml::node_type::array:
      v.type = Value::Type::List;
      for (const auto& item : *node.as_array()) v.items.push_back(convert(item, line_offset));
      break;
    case toml::node_type::table:
      v.type = Value::Type::Table;
      for (const auto& [key, child] : *node.as_table()) {
        Value c = convert(child, line_offset);
        // Report a key's position, which is where a writer looks for it.
        if (key.source().begin.line > 0) {
          c.line = static_cast<int>(key.source().begin.line) + line_offset;
          c.col = static_cast<int>(key.source().begin.column);
        }
        v.members.emplace_back(std::string(key.str()), std::move(c));
      }
      break;
    default:
      break;
  }
  return v;
}

}  // namespace

std::optional<Value> read_toml(std::string_view text, const std::string& path, int first_line,
                               Diagnostics& diags) {
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& err) {
    diags.error(path, static_cast<int>(err.source().begin.line) + first_line - 1,
                static_cast<int>(err.source().begin.column),
                msg::toml_syntax(std::string(err.description())));
    return std::nullopt;
  }
  Value root = convert(table, first_line - 1);
  root.line = first_line > 1 ? first_line - 1 : 1;  // front matter: the opening fence
  root.col = 1;
  return root;
}

}  // namespace congbo

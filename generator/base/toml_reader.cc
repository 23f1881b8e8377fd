// toml_reader.cc: toml++ → Value, keeping every value's line and column.
#include "toml_reader.h"

#include <toml++/toml.h>

#include "messages.h"
#include "text.h"

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

bool has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// What toml++ saw where it stopped ("saw 'à'" → "à"), or "".
std::string_view seen(std::string_view d) {
  size_t at = d.rfind("saw '");
  if (at == std::string_view::npos) return {};
  d.remove_prefix(at + 5);
  return d.substr(0, d.rfind('\''));
}

// toml++'s description of a syntax error, for a writer: the usual mistakes
// in words, the rest as toml++ says it. `line` is the text of the line.
std::string explain(std::string_view d, std::string_view line) {
  using M = msg::TomlMistake;
  const std::string_view saw = seen(d);
  const size_t eq = line.find('=');
  const std::string_view value = eq == std::string_view::npos ? std::string_view() : line.substr(eq + 1);
  const size_t start = value.find_first_not_of(" \t");
  const bool curly = start != std::string_view::npos &&
                     (value.substr(start).rfind("\u201C", 0) == 0 || value.substr(start).rfind("\u2018", 0) == 0 ||
                      value.substr(start).rfind("\u201D", 0) == 0);
  if (has(d, "parsing string") || has(d, "parsing literal string")) {
    if (has(d, "escape sequence")) return msg::toml_mistake(M::Backslash, "");
    if (has(d, "control characters") || has(d, "end-of-file")) {
      return msg::toml_mistake(M::UnclosedString, has(d, "literal string") ? "'" : "\"");
    }
  }
  if (has(d, "could not determine value type")) return msg::toml_mistake(curly ? M::CurlyQuotes : M::UnquotedText, "");
  if (saw == "/" && (has(d, "integer") || has(d, "date"))) return msg::toml_mistake(M::UnquotedSlashDate, "");
  if (has(d, "parsing date") || has(d, "parsing time")) return msg::toml_mistake(M::BadDate, "");
  if (has(d, "cannot redefine existing")) {
    size_t close = d.rfind('\''), open = close == std::string_view::npos ? close : d.rfind('\'', close - 1);
    std::string key = open == std::string_view::npos ? "" : std::string(d.substr(open + 1, close - open - 1));
    return msg::toml_mistake(M::DuplicateKey, key);
  }
  if (has(d, "expected '='")) {
    if (saw == ":") return msg::toml_mistake(M::ColonForEquals, "");
    if (saw == "\"" || saw == "'" || saw == "[" || saw == "{" || (saw.size() == 1 && saw[0] >= '0' && saw[0] <= '9')) {
      return msg::toml_mistake(M::MissingEquals, "");
    }
    return msg::toml_mistake(M::BadKey, "");
  }
  if (has(d, "parsing array")) return msg::toml_mistake(M::BadList, "");
  if (has(d, "parsing inline table")) {
    // TOML 1.0 keeps { … } on one line: broken across lines, or a comma left before "}"
    return msg::toml_mistake(has(d, "\\n") ? M::InlineTableLines : M::BadInlineTable, "");
  }
  if (has(d, "expected a comment or whitespace")) return msg::toml_mistake(M::TextAfterValue, "");
  if (has(d, "table header") && has(d, "expected ']'")) return msg::toml_mistake(M::UnclosedTable, "");
  return msg::toml_syntax(std::string(d));
}

// Line `n` (from 1) of `text`.
std::string_view line_of(std::string_view text, size_t n) {
  size_t at = 0;
  for (size_t k = 1; k < n && at != std::string_view::npos; ++k) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos || at > text.size()) return {};
  return text.substr(at, text.find('\n', at) - at);
}

// A string written with an escape ("\u0001") holds a control character
// that the file's text does not show: reported at the value.
void check_strings(const Value& v, const std::string& path, Diagnostics& diags) {
  if (v.type == Value::Type::String) {
    Diagnostics found;
    report_control_characters(v.str, path, 1, 1, found);
    if (!found.items().empty()) diags.error(path, v.line, v.col, found.items().front().message);
  }
  for (const auto& item : v.items) check_strings(item, path, diags);
  for (const auto& [key, member] : v.members) check_strings(member, path, diags);
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
                explain(err.description(), line_of(text, err.source().begin.line)));
    return std::nullopt;
  }
  Value root = convert(table, first_line - 1);
  root.line = first_line > 1 ? first_line - 1 : 1;  // front matter: the opening fence
  root.col = 1;
  // Only an escape can put a control character into a string: a raw one is
  // refused by toml++ and reported by decode_text. No backslash, no escape.
  if (text.find('\\') != std::string_view::npos) check_strings(root, path, diags);
  return root;
}

}  // namespace congbo

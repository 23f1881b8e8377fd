// front_matter.cc: fence splitting; TOML parsing is delegated to toml_reader.
#include "front_matter.h"

#include "messages.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo {
namespace {

// A fence line is "+++" with optional trailing spaces (and \r from Windows editors).
bool is_fence(std::string_view line) { return trim(line) == "+++"; }

}  // namespace

std::optional<FrontMatter> parse_front_matter(std::string_view text, const std::string& path,
                                              Diagnostics& diags) {
  size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!is_fence(first)) {
    diags.error(path, 1, 1, msg::missing_front_matter());
    return std::nullopt;
  }
  size_t toml_start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  size_t pos = toml_start;
  int line = 2;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    if (is_fence(l)) {
      FrontMatter fm;
      auto fields = read_toml(text.substr(toml_start, pos - toml_start), path, 2, diags);
      if (!fields) return std::nullopt;
      fm.fields = std::move(*fields);
      size_t body_start = end == std::string_view::npos ? text.size() : end + 1;
      fm.body = std::string(text.substr(body_start));
      fm.body_line = line + 1;
      return fm;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.error(path, 1, 1, msg::unclosed_front_matter(1));
  return std::nullopt;
}

}  // namespace congbo

// toml_blocks.cc: finding a table's lines.
#include "toml_blocks.h"

#include <regex>
#include <sstream>

#include "text.h"

namespace congbo {
namespace {

bool is_header(const std::string& line) {
  static const std::regex header(R"(^\s*\[\[?\s*[A-Za-z_"'])");
  return std::regex_search(line, header);
}

bool is_filler(const std::string& line) {
  const std::string t = trim(line);
  return t.empty() || t[0] == '#';
}

}  // namespace

std::vector<std::string> file_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::pair<size_t, size_t> table_block(const std::vector<std::string>& lines, int line) {
  if (line < 1 || static_cast<size_t>(line) > lines.size()) return {lines.size(), lines.size()};
  size_t begin = static_cast<size_t>(line - 1);
  while (begin > 0 && !is_header(lines[begin])) --begin;
  size_t end = begin + 1;
  while (end < lines.size() && !is_header(lines[end])) ++end;
  while (end > begin + 1 && is_filler(lines[end - 1])) --end;
  return {begin, end};
}

}  // namespace congbo

// toml_blocks.h: a TOML file's [[table]] blocks by their lines, so the desk
// rewrites only the block a form changed and every other line of the file —
// comments included — stays byte for byte (a readable, small git diff).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace congbo {

/// The file's lines, without their line ends.
std::vector<std::string> file_lines(const std::string& text);

/// The lines [begin, end) (0-based) of the table holding 1-based `line`:
/// from its header to the next header, less the blank lines and comments
/// just before that header (they belong to what follows).
std::pair<size_t, size_t> table_block(const std::vector<std::string>& lines, int line);

}  // namespace congbo

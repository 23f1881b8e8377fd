// toml_reader.h: parses TOML text into a plain Value tree (the only user of toml++).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "value.h"

namespace congbo {

/// Parses `text` as a TOML document. `first_line` is the line of `text`'s
/// first line within the file at `path`, so positions point into the file.
/// On a syntax error, adds a diagnostic and returns nullopt.
std::optional<Value> read_toml(std::string_view text, const std::string& path, int first_line,
                               Diagnostics& diags);

}  // namespace congbo

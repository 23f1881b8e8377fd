// front_matter.h: splits a content file into its TOML front matter (between
// "+++" lines) and its Markdown body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "value.h"

namespace congbo {

struct FrontMatter {
  Value fields;          ///< the parsed TOML table
  std::string body;      ///< Markdown after the closing fence
  int body_line = 1;     ///< file line on which `body` starts
};

/// Splits and parses `text` (already valid UTF-8, NFC). Reports a missing or
/// unclosed fence and TOML errors against `path`; nullopt when there are any.
std::optional<FrontMatter> parse_front_matter(std::string_view text, const std::string& path,
                                              Diagnostics& diags);

}  // namespace congbo

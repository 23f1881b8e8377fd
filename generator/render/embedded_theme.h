// embedded_theme.h: the default theme's files, compiled in (see cmake/embed_theme.cmake).
#pragma once

#include <string_view>

namespace congbo {

struct EmbeddedFile {
  const char* path;       ///< "layouts/base.mustache", "static/css/congbo.css"
  std::string_view data;
};

/// Every file of themes/default; the list ends with {nullptr, {}}.
const EmbeddedFile* embedded_theme_files();

}  // namespace congbo

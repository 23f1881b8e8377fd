// theme.h: templates, static assets and the readers' words, with the site's
// own files taking precedence: site/layouts, site/static and
// site/strings.toml, then site/themes/NAME, then the default theme compiled
// into the binary. kainjow::mustache stays in theme.cc.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "diagnostic.h"
#include "page_words.h"
#include "source_tree.h"
#include "view.h"

namespace congbo {

class Theme {
 public:
  /// Gathers layouts and static files for theme `name` of the site in `site`.
  /// Reports a theme that exists nowhere, or holds no file, at site.toml's
  /// `line`:`col` (where it is named).
  static std::optional<Theme> load(const SourceTree& site, const std::string& name, int line, int col,
                                   Diagnostics& diags);
  static std::optional<Theme> load(const std::filesystem::path& site_dir, const std::string& name,
                                   Diagnostics& diags) {
    return load(*disk_source(site_dir), name, 0, 0, diags);
  }

  /// A stable hash of every layout and asset: rendered pages cached under it
  /// are reused only while the theme is unchanged.
  std::string fingerprint() const;

  bool has(const std::string& layout) const;
  /// Renders layouts/`layout`.mustache with `view`. `{{> name}}` includes
  /// layouts/partials/name.mustache. Errors name the template.
  std::string render(const std::string& layout, const View& view, Diagnostics& diags) const;
  /// Renders `layout`, then the "base" layout around it (as `body`), with
  /// one conversion of `view`: what every HTML page goes through.
  std::string render_page(const std::string& layout, const View& view, Diagnostics& diags) const;

  /// Static files by output path ("css/congbo.css"), after overrides.
  const std::map<std::string, std::string>& static_files() const { return static_; }
  /// The readers' words: the built-in strings.toml, then the theme's, then
  /// the site's own strings.toml, each changing only the keys it writes.
  const words::Table& words() const { return words_; }

 private:
  struct Template {
    std::string text;    ///< as written
    std::string origin;
    std::string compiled;  ///< partials inlined; parsed once per rendering thread (theme.cc)
    bool valid = true;
    std::string error;
    size_t compiled_hash = 0;  ///< of `compiled`, made once: finding a thread's parsed copy hashes no text
  };
  void compile(Diagnostics& diags);
  const Template* find(const std::string& layout, Diagnostics& diags) const;
  std::map<std::string, Template> layouts_;  ///< "page", "partials/header"
  std::map<std::string, std::string> static_;
  words::Table words_;
};

}  // namespace congbo

// site.h: the build pipeline. Read build() first: it is the whole flow.
//   load   – read site.toml, the theme and every content file; validate; write nothing
//   link   – give every page its place: unique URLs, sections, order
//   render – Markdown and templates → files in a temporary directory
//   write  – swap the temporary directory into place (only if there were no errors)
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "diagnostic.h"
#include "output.h"
#include "page.h"
#include "theme.h"
#include "views.h"

namespace congbo {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  ///< empty: site_dir/public
  bool write = true;              ///< false for `congbo check`
};

struct BuildReport {
  int pages = 0;  ///< content pages loaded (drafts excluded)
  int files = 0;  ///< files written
};

/// Runs the pipeline. Returns false when anything reported an error; the
/// previous output is then untouched.
bool build(const BuildOptions& options, Diagnostics& diags, BuildReport* report);

struct Section {
  std::string name;         ///< folder under content/
  std::string title;
  int index_page = -1;      ///< its _index.md, if any
  std::vector<int> pages;   ///< newest first, undated last
};

class Site {
 public:
  bool load(const std::filesystem::path& site_dir, Diagnostics& diags);
  void link(Diagnostics& diags);
  void render(Output& out, Diagnostics& diags);

  const std::vector<Page>& pages() const { return pages_; }
  const std::vector<Section>& sections() const { return sections_; }
  const SiteConfig& config() const { return config_; }

 private:
  void render_page(const Page& page, Output& out, Diagnostics& diags);
  void render_list(const Section& section, Output& out, Diagnostics& diags);
  void render_home(Output& out, Diagnostics& diags);
  void render_feeds(Output& out, Diagnostics& diags);
  void emit(Output& out, const std::string& url_or_path, const std::string& layout, View view,
            Diagnostics& diags);
  std::vector<int> newest_first(std::vector<int> pages) const;

  std::filesystem::path dir_;
  SiteConfig config_;
  std::optional<Theme> theme_;
  std::vector<Page> pages_;
  std::vector<Section> sections_;
  std::vector<NavItem> nav_;
  int home_index_ = -1;
};

}  // namespace congbo

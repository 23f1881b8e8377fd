// page_context.h: what every page family reads, and how it writes. Site
// builds one PageContext per render from what load and link made; each
// family (document pages, archive, lists, records, feeds) is a free function
// over it and knows nothing else of Site.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "diagnostic.h"
#include "listings.h"
#include "markdown.h"
#include "output.h"
#include "page.h"
#include "theme.h"
#include "view.h"
#include "views.h"

namespace congbo {

struct PageContext {
  const SiteConfig& config;
  const std::vector<NavItem>& nav;
  const Theme& theme;
  const std::string& chrome;  ///< what every page shares besides its view: see chrome_hash()
  Output& out;
  const std::vector<Page>& pages;
  const std::vector<RenderedMarkdown>& rendered;  ///< each page's Markdown, by page index
  const std::vector<Section>& sections;

  const Section* section(const std::string& name) const;  ///< nullptr for top-level pages
};

/// A hash of what surrounds every page's own content (the binary, site.toml,
/// the theme, the navigation): pages are kept from the last build under it.
std::string chrome_hash(const std::string& config_text, const Theme& theme, const std::vector<NavItem>& nav);

/// `layout` rendered into the base layout.
std::string compose(const PageContext& cx, const std::string& layout, View view, Diagnostics& diags);
/// A page at `url`: a pure function of its layout, its view and the chrome,
/// so when the last build wrote the same there, it is linked, not rendered.
void emit(const PageContext& cx, const std::string& url, const std::string& layout, View view, Diagnostics& diags);
/// A file at `path` (a CSV, a feed); a failure is an error at `path`.
void write_file(const PageContext& cx, const std::string& path, std::string_view data, Diagnostics& diags);

}  // namespace congbo

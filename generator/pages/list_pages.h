// list_pages.h: the pages that list other pages — each listing with its
// numbered pages, the browse indexes ("Văn bản theo loại"), the documents
// cited but not on the site, and the home page.
#pragma once

#include <vector>

#include "listings.h"
#include "page_context.h"
#include "relations.h"

namespace congbo {

/// "/van-ban/" → "/van-ban/trang/2/" for page 2.
std::string list_url(const std::string& first, int page);

struct ListContext {
  const PageContext& site;
  const std::vector<Listing>& listings;
  const std::vector<Facet>& facets;
  const Relations& relations;  ///< the documents cited from outside the site
};

/// Every page of a listing, with its pager.
void render_listing(const ListContext& cx, const Listing& listing, Diagnostics& diags);
/// A browse index: each value of the facet with its count.
void render_facet(const ListContext& cx, const Facet& facet, Diagnostics& diags);
/// /van-ban/dan-chieu/: documents cited that the site does not publish, most cited first.
void render_cited(const ListContext& cx, Diagnostics& diags);
/// "/": the home page's text, the newest pages, the sections.
void render_home(const PageContext& cx, int home_index, Diagnostics& diags);

}  // namespace congbo

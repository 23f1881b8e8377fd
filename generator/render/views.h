// views.h: builds the plain View each template receives from pages and
// settings. The only place that decides what a template can see.
#pragma once

#include <string>
#include <vector>

#include "config.h"
#include "listings.h"
#include "page.h"
#include "view.h"

namespace congbo {

/// Joins the site's base path and a site-relative url ("/van-ban/" → "/sub/van-ban/").
std::string href(const SiteConfig& config, const std::string& url);
/// Absolute URL for feeds and sitemaps.
std::string permalink(const SiteConfig& config, const std::string& url);

/// Keys every page has: site, nav (with the current section marked), css, canonical.
View base_view(const SiteConfig& config, const std::vector<NavItem>& nav,
               const std::string& current_section, const std::string& url,
               const std::string& page_title);

/// One page with its rendered body (documents add `doc`: see document_view.h).
View page_view(const Page& page, const RenderedMarkdown& body, const SiteConfig& config);
/// A short entry in a list: title, url, number, kind, date, summary.
View list_item_view(const Page& page, const RenderedMarkdown& body, const SiteConfig& config);

}  // namespace congbo

// feed_pages.h: what machines read — sitemap.xml (every address the URL
// table lists for readers), feed.xml (Atom: the newest pages, commendation
// decisions and announced campaign results) and robots.txt.
#pragma once

#include <vector>

#include "campaign.h"
#include "commendation.h"
#include "page_context.h"
#include "url_table.h"

namespace congbo {

class Repository;

struct FeedContext {
  const PageContext& site;
  const UrlTable& urls;
  const std::vector<Decision>& decisions;
  const std::vector<Campaign>& campaigns;
  const Repository* repo = nullptr;  ///< the site's history, for entries' times; none without git
};

/// sitemap.xml, feed.xml and robots.txt.
void render_feeds(const FeedContext& cx, Diagnostics& diags);

}  // namespace congbo

// images.h: where a page's images come from, checked before anything is
// written: every image, in the front matter or the body, is a file of the
// site's static/ folder (or the theme's), and never a path climbing out of it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "page.h"
#include "source_tree.h"

namespace congbo {

/// The static file `src` names on a page at `page_url` ("/anh/a.png" →
/// "anh/a.png"; "a.png" on /mo-hinh/x/ → "mo-hinh/x/a.png"), query and
/// fragment dropped, %-escapes decoded; "" for an image on another site
/// (http:, https:, //, data:); nullopt when it climbs out of the site.
std::optional<std::string> image_file(const std::string& page_url, const std::string& src);

/// Reports each image of `pages` (models' front matter and every body) that
/// leads out of static/ or names no file there or in the theme's static files.
void check_images(const std::vector<Page>& pages, const SourceTree& source,
                  const std::map<std::string, std::string>& theme_static, Diagnostics& diags);

}  // namespace congbo

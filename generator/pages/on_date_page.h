// on_date_page.h: /van-ban/ngay/ — the documents as they stood on a day a
// reader picks: which existed on the site then, their status that day, and
// a link to each one's text as it was (the version published on or before
// that day). Static: the page's script reads small files, one per issue
// year, newest first, only as far as the list it shows needs:
//   van-ban/ngay/nam.json          [[year, count], …] newest first ("" last: undated)
//   van-ban/ngay/<year>.json       [{u url, n number, t title, k kind, d issue date,
//                                   a first published, g removed ("": never),
//                                   v [[day, version id], …] newest first,
//                                   f [[from, status], …] (validity.h)}, …]
// The address holds the day (?ngay=2022-01-01), so a view can be cited.
#pragma once

#include <functional>
#include <vector>

#include "archive_pages.h"
#include "page_context.h"
#include "relations.h"

namespace congbo {

inline constexpr const char* kOnDateUrl = "/van-ban/ngay/";

struct OnDateContext {
  const PageContext& site;
  const Relations& relations;
  std::function<const FileHistory&(int)> history_of;  ///< a page's history (empty without a repository)
  const std::vector<DeletedPage>& deleted;
};

/// Written when the site has documents.
void render_on_date(const OnDateContext& cx, Diagnostics& diags);

}  // namespace congbo

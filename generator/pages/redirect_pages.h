// redirect_pages.h: addresses are permanent. A file renamed (git mv) leaves
// its old address, and the old addresses of its archive (history, each
// version, each comparison), answered by a page that sends the reader to the
// new one — a meta refresh, a canonical link and a visible link for readers
// without it — and listed in two maps web servers load: _redirects (Netlify,
// Cloudflare Pages and the like) and _redirects.nginx (an nginx `map`).
#pragma once

#include <string>
#include <vector>

#include "history.h"
#include "page.h"
#include "page_context.h"

namespace congbo {

struct Redirect {
  std::string from, to;  ///< without the base path
  std::string owner;     ///< the file whose old address it is
};

/// Every address `page` had under an earlier name, each with where it is now.
std::vector<Redirect> page_redirects(const Page& page, const FileHistory& history);

/// Each redirect's page, and the two maps (always written, empty without renames).
void render_redirects(const PageContext& cx, const std::vector<Redirect>& redirects, Diagnostics& diags);

}  // namespace congbo

// standalone_page.h: one content file rendered alone — in its layout and the
// site's base layout, as its page would be, but without the rest of the site
// (no relations to other pages, no history, no records): what the writers'
// desk shows while a file is being written, before it is saved.
#pragma once

#include <string>

#include "config.h"
#include "diagnostic.h"
#include "page.h"
#include "theme.h"

namespace congbo {

/// The page's HTML. Links and assets point under `config`'s base path (the
/// desk gives one of its own, which serves the site's static files).
std::string standalone_page(const Page& page, const SiteConfig& config, const Theme& theme, Diagnostics& diags);

}  // namespace congbo

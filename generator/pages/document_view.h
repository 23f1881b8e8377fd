// document_view.h: what a document page shows beyond the text: the official
// header, properties, status, relationships both ways, the diagram, JSON-LD.
#pragma once

#include <string>
#include <vector>

#include "config.h"
#include "listings.h"
#include "page.h"
#include "relations.h"
#include "view.h"

namespace congbo {

/// "Hết hiệu lực" when another document on the site replaces it; otherwise
/// the status written in front matter, or "Còn hiệu lực".
std::string document_status(const Page& page, const DocumentLinks& links);

/// The `doc` object of a document page's view.
View document_view(const std::vector<Page>& pages, int index, const Relations& relations,
                   const SiteConfig& config);

}  // namespace congbo

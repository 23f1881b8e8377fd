// search_page.h: what the search reads — every page and record as a search
// document — and /tim-kiem/ with its index (search_index.h builds it).
#pragma once

#include <vector>

#include "listings.h"
#include "page_context.h"
#include "records.h"
#include "search_index.h"

namespace congbo {

/// Every page (not section texts) and every record as the index sees it.
/// Each page's plain text is moved out of `rendered` (it is needed only
/// here: 40 MB at 10,000 documents, not copied).
/// `statuses`: each page's status (validity.h), for filtering by it.
std::vector<SearchDocument> search_documents(const PageContext& cx, const Records& records,
                                             std::vector<RenderedMarkdown>& rendered,
                                             const std::vector<std::string>& statuses,
                                             const std::vector<std::string>& originals);

/// The index of `docs` (on `jobs` threads) and the search page. The same
/// documents under the same `binary` (binary_fingerprint(): the index's
/// format is the program's) as the last build are linked, not indexed again.
void render_search(const PageContext& cx, const std::vector<Facet>& facets, std::vector<SearchDocument> docs,
                   const std::string& binary, int jobs, Diagnostics& diags);

}  // namespace congbo

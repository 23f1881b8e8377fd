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

/// A document not on the site, by kind: the name its citation wrote where
/// the abbreviation has two (QĐ: Quy định or Quyết định), else the site's.
std::string external_kind_name(const ExternalDocument& e, const SiteConfig& config);
/// A document cited by name as lists name it; a local congress's with whose
/// documents cite it ("…lần thứ XI (trong văn bản của …)"); "" for a number.
std::string external_name(const ExternalDocument& e, const SiteConfig& config);

/// The `doc` object of a document page's view.
View document_view(const std::vector<Page>& pages, int index, const Relations& relations,
                   const SiteConfig& config);

}  // namespace congbo

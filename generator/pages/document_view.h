// document_view.h: what a document page shows beyond the text: the official
// header, properties, status, relationships both ways, the diagram, JSON-LD.
#pragma once

#include <string>
#include <vector>

#include "config.h"
#include "page.h"
#include "relations.h"
#include "view.h"

namespace congbo {

/// URLs of the browse pages, shared by the document view and the site.
struct BrowseUrls {
  static std::string kind(const SiteConfig& config, const std::string& kind);   ///< /van-ban/loai/ke-hoach/
  static std::string issuer(const std::string& issuer_key);                      ///< /van-ban/co-quan/duk/
  static std::string year(const std::optional<Date>& date);                      ///< /van-ban/nam/2020/
  static std::string field(const std::string& field);                            ///< /van-ban/linh-vuc/x/
  static std::string cited();                                                    ///< /van-ban/dan-chieu/
};

/// "Hết hiệu lực" when another document on the site replaces it; otherwise
/// the status written in front matter, or "Còn hiệu lực".
std::string document_status(const Page& page, const DocumentLinks& links);

/// The `doc` object of a document page's view.
View document_view(const std::vector<Page>& pages, int index, const Relations& relations,
                   const SiteConfig& config);

}  // namespace congbo

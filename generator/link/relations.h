// relations.h: how documents point at each other. Resolves numbers to pages
// (front matter based_on/replaces/amends and numbers cited in the text),
// records both directions, and collects cited documents not on the site.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "doc_number.h"
#include "named_citation.h"
#include "page.h"

namespace congbo {

enum Relation { kBasedOn = 0, kReplaces = 1, kAmends = 2, kCites = 3, kRelationCount = 4 };

/// A document one page points to: on the site (page >= 0) or not (external >= 0).
struct Related {
  int page = -1;
  int external = -1;
  std::string written;  ///< the number as the referring document wrote it
  std::optional<Date> date;
};

/// A cited document that is not on the site, gathered across all pages.
struct ExternalDocument {
  std::string number;  ///< as first written
  std::string key;     ///< DocNumber::key()
  std::optional<Date> date;
  std::string kind;    ///< "CT", from the number
  /// The kind's name as the first citation wrote it ("Quy định"), when it
  /// is one of the names QĐ stands for; else empty (the site's name for `kind`).
  std::string kind_written;
  std::string anchor;  ///< id on the page of cited documents
  std::vector<int> cited_by;
  /// A document cited by name, not number ("Nghị quyết Trung ương 4 khóa
  /// XII"): how lists name it, and where to read it when site.toml says.
  std::string name, url;
  std::string scope;  ///< a local congress: the issuer of the documents citing it
};

struct DocumentLinks {
  std::array<std::vector<Related>, kRelationCount> out;  ///< this → others
  std::array<std::vector<int>, kRelationCount> in;       ///< others → this (page indices)
};

/// Finds pages by number, with the resolution rules of a Party archive:
/// a date in the reference must match; the referring document's own issuer
/// comes first, other issuers only when exactly one matches; without a date,
/// the latest document dated on or before the referring one wins.
class DocumentIndex {
 public:
  explicit DocumentIndex(const std::vector<Page>& pages);

  enum class Status { Found, NotFound, Ambiguous };
  struct Result {
    Status status = Status::NotFound;
    int page = -1;
    std::vector<int> candidates;  ///< when ambiguous
  };
  Result resolve(const DocNumber& number, const std::optional<Date>& date, int from) const;

 private:
  const std::vector<Page>& pages_;
  std::vector<std::pair<std::string, int>> by_key_;  ///< sorted (key, page)
};

struct Relations {
  std::vector<DocumentLinks> by_page;  ///< parallel to the pages
  std::vector<ExternalDocument> external;
  Date today = Date::today();          ///< the day statuses are shown for (validity.h)
};

/// The link step for documents. Warns about relationship entries that match
/// no document or several, the same identity twice, replacement cycles and
/// dates after `today`. `named`: the documents site.toml names, for the
/// citations by name (named_citation.h).
Relations link_documents(const std::vector<Page>& pages, const Date& today, Diagnostics& diags,
                         const std::vector<NamedDocument>& named = {});

}  // namespace congbo

// listings.h: what link derives for the lists of the site — sections, the
// paginated listings (a section, or the documents of one kind, issuer, year
// or field) and the browse indexes over them. Plain data: link fills it,
// the list pages (list_pages.h) and feeds read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "date.h"
#include "page.h"
#include "unit.h"

namespace congbo {

/// An entry of the site's navigation: one per section.
struct NavItem {
  std::string title, url;  ///< url without base path
  std::string section;
};

/// URLs of the documents' browse pages.
struct BrowseUrls {
  static std::string kind(const SiteConfig& config, const std::string& kind);   ///< /van-ban/loai/ke-hoach/
  static std::string issuer(const std::string& issuer_key);                      ///< /van-ban/co-quan/duk/
  static std::string year(const std::optional<Date>& date);                      ///< /van-ban/nam/2020/
  static std::string field(const std::string& field);                            ///< /van-ban/linh-vuc/x/
  static std::string cited();                                                    ///< /van-ban/dan-chieu/
};

struct Section {
  std::string name;         ///< folder under content/
  std::string url;          ///< "/van-ban/", without the base path
  std::string title;
  int index_page = -1;      ///< its _index.md, if any
  std::vector<int> pages;   ///< newest first, undated last
  int count = 0;            ///< items it lists (pages, or campaigns, decisions, units)
};

/// A paginated list of pages: a section, or documents of one kind, issuer,
/// year or field.
struct Listing {
  std::string url;          ///< of its first page
  std::string title;
  std::string section;      ///< highlighted in the navigation
  int intro_page = -1;      ///< _index.md whose text opens the first page
  std::string parent_title, parent_url;  ///< breadcrumb
  bool show_facets = false; ///< offer the browse pages (the documents section)
  std::vector<int> pages;   ///< newest first, undated last
};

/// Pages sharing one value of a facet (one kind, one year…), while facets are built.
struct FacetGroup {
  std::string title;
  std::vector<int> pages;
  int order = 0;
};

/// An index of browse listings: "Văn bản theo loại" → Kế hoạch (3), Chỉ thị (1)…
struct Facet {
  std::string section;      ///< "van-ban" or "mo-hinh"
  std::string key;          ///< "loai", "co-quan", "nam", "linh-vuc"; "nam", "chu-de", "don-vi"
  std::string url, title;
  std::vector<int> listings;  ///< indices into the listings
};

/// Everything link derives for the lists: sections in reading order, the
/// navigation, every listing and the browse indexes over them.
struct Listings {
  std::vector<Section> sections;
  std::vector<NavItem> nav;
  std::vector<Listing> listings;
  std::vector<Facet> facets;
  int home_index = -1;  ///< content/_index.md, if any

  const Section* section(const std::string& name) const;  ///< nullptr for top-level pages
};

/// How many of each record the site publishes: each kind makes its section.
struct RecordCounts {
  size_t campaigns = 0, decisions = 0, units = 0;
};

/// The sections of `pages` (and of the records), a listing for each section
/// of pages, and browse listings for documents (by kind, issuer, year, field
/// and status, `statuses` giving each page's: validity.h) and models (by
/// year, topic and unit).
Listings link_listings(const std::vector<Page>& pages, const SiteConfig& config, const Units& units,
                       const RecordCounts& records, const std::vector<std::string>& statuses);

/// How many pages of `per_page` items a listing takes (at least one).
int list_page_count(const Listing& listing, int per_page);

/// `indices` into `pages`, newest first, undated last, then by title.
std::vector<int> newest_first(const std::vector<Page>& pages, std::vector<int> indices);

/// Every page of every section, newest first.
std::vector<int> all_listed(const std::vector<Section>& sections, const std::vector<Page>& pages);

}  // namespace congbo

// url_table.h: every address the site publishes and what owns it, built
// once in link. The duplicate-address check and the sitemap read it, so an
// address is listed in one place, not assembled again by each reader.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace congbo {

enum class UrlKind {
  Home,      ///< "/"
  Search,    ///< the search page
  Verify,    ///< /xac-minh/: the verification page and publish's proof
  OnDate,    ///< /van-ban/ngay/: the documents as they stood on a day
  List,      ///< a section's list, its first page
  ListPage,  ///< a list's later pages ("/van-ban/trang/2/")
  Facet,     ///< a browse page (by kind, issuer, year…)
  Cited,     ///< the documents cited and not on the site
  Record,    ///< a campaign, decision or unit page, or one of their lists
  Page,      ///< a content file's page
  Deleted,   ///< the page kept for a removed file
  Redirect,  ///< an address a file had before it was renamed: it sends readers on
};

struct UrlEntry {
  std::string url;    ///< without the base path
  std::string owner;  ///< the file that makes it, or what reserves it, in the writer's words
  UrlKind kind;
  int page = -1;      ///< for Page: its index in the site's pages
};

class UrlTable {
 public:
  /// Reserves `url` for `owner`, whoever had it (the site's own pages).
  void reserve(const std::string& url, std::string owner, UrlKind kind);
  /// Adds `url` for `owner` when no one has it; else returns who has it.
  const UrlEntry* add(const std::string& url, std::string owner, UrlKind kind, int page = -1);
  /// Every address of `kind`, in the order added.
  std::vector<const UrlEntry*> of(UrlKind kind) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<UrlEntry> entries_;
  std::unordered_map<std::string, size_t> at_;
};

}  // namespace congbo

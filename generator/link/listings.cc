// listings.cc: orders and counts for lists.
#include "listings.h"

#include <algorithm>

namespace congbo {

int list_page_count(const Listing& l, int per_page) {
  return std::max<int>(1, (static_cast<int>(l.pages.size()) + per_page - 1) / per_page);
}

std::vector<int> newest_first(const std::vector<Page>& pages, std::vector<int> indices) {
  std::stable_sort(indices.begin(), indices.end(), [&](int a, int b) {
    const Page& x = pages[a];
    const Page& y = pages[b];
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();  // undated last
    if (x.date && *x.date != *y.date) return *x.date > *y.date;
    return x.title < y.title;
  });
  return indices;
}

std::vector<int> all_listed(const std::vector<Section>& sections, const std::vector<Page>& pages) {
  std::vector<int> all;
  for (const Section& s : sections) all.insert(all.end(), s.pages.begin(), s.pages.end());
  return newest_first(pages, std::move(all));
}

}  // namespace congbo

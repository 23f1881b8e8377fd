// url_table.cc: see url_table.h.
#include "url_table.h"

namespace congbo {

void UrlTable::reserve(const std::string& url, std::string owner, UrlKind kind) {
  auto [it, added] = at_.emplace(url, entries_.size());
  if (added) {
    entries_.push_back({url, std::move(owner), kind});
  } else {
    entries_[it->second].owner = std::move(owner);
    entries_[it->second].kind = kind;
  }
}

const UrlEntry* UrlTable::add(const std::string& url, std::string owner, UrlKind kind, int page) {
  auto [it, added] = at_.emplace(url, entries_.size());
  if (!added) return &entries_[it->second];
  entries_.push_back({url, std::move(owner), kind, page});
  return nullptr;
}

std::vector<const UrlEntry*> UrlTable::of(UrlKind kind) const {
  std::vector<const UrlEntry*> out;
  for (const UrlEntry& e : entries_) {
    if (e.kind == kind) out.push_back(&e);
  }
  return out;
}

}  // namespace congbo

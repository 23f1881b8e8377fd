// attached_history.cc: merging a page's versions with its attachments'.
#include "attached_history.h"

#include <algorithm>
#include <set>

namespace congbo {

FileHistory with_attachments(const FileHistory& page, const std::vector<const FileHistory*>& files) {
  FileHistory out = page;
  std::set<std::string> commits;
  for (const Version& v : page.versions) commits.insert(v.commit);
  for (const FileHistory* f : files) {
    for (const Version& a : f->versions) {
      if (!commits.insert(a.commit).second) continue;  // the page changed in that commit too
      // The text the page had at that commit: its newest version not newer.
      auto text = std::find_if(page.versions.begin(), page.versions.end(), [&](const Version& v) { return v.seq < a.seq; });
      if (text == page.versions.end() || text->deleted) continue;
      Version v = a;
      v.blob = text->blob;
      v.path = text->path;
      v.deleted = false;
      out.versions.push_back(std::move(v));
    }
  }
  std::stable_sort(out.versions.begin(), out.versions.end(), [](const Version& x, const Version& y) { return x.seq > y.seq; });
  return out;
}

void AttachedHistories::link(const std::vector<Page>& pages, const Repository& repo) {
  merged_.clear();
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    const Page& p = pages[i];
    const FileHistory* own = repo.history(p.source);
    if (!own || p.doc.attachments.empty()) continue;
    std::vector<const FileHistory*> files;
    for (const Attachment& a : p.doc.attachments) {
      if (const FileHistory* h = a.source.empty() ? nullptr : repo.any_history(a.source)) files.push_back(h);
    }
    if (!files.empty()) merged_.emplace(i, with_attachments(*own, files));
  }
}

const FileHistory* AttachedHistories::of(int index) const {
  auto it = merged_.find(index);
  return it == merged_.end() ? nullptr : &it->second;
}

}  // namespace congbo

// attached_history.h: a page's history together with its attachments'.
// The signed original is part of the document: a commit that replaced the
// PDF and left the text alone is a new version of the document, with its
// own permanent address, and the file it replaced stays downloadable there.
#pragma once

#include <map>
#include <vector>

#include "history.h"
#include "page.h"

namespace congbo {

/// `page`'s versions with one more for each commit that changed one of
/// `files` (its attachments' histories) and not the page: that version has
/// the commit's facts and the text the page had then. Newest first. A
/// commit from before the page existed is not a version of it.
FileHistory with_attachments(const FileHistory& page, const std::vector<const FileHistory*>& files);

/// The histories of the pages that publish attachments (link step), by page index.
class AttachedHistories {
 public:
  void link(const std::vector<Page>& pages, const Repository& repo);
  /// The merged history of pages[index], or nullptr when it has no attachment with history.
  const FileHistory* of(int index) const;

 private:
  std::map<int, FileHistory> merged_;
};

}  // namespace congbo

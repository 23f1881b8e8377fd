// archive_pages.h: the plan archive. For every page with history: each
// version at its permanent URL (PAGE/phien-ban/<id>/), what changed since the
// version before (…/so-sanh/), the history page with the data the browser
// needs to compare any two versions, and pages for removed documents.
// A version's HTML depends only on its blob and the site's chrome: the
// output is keyed by those, so an unchanged version is linked from the
// previous output, not rendered again.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "history.h"
#include "page_context.h"

namespace congbo {

/// A content file removed from the repository: its URL keeps a page saying so.
struct DeletedPage {
  FileHistory history;  ///< newest first; versions[0] is the deletion
  std::string url, title;
};

struct ArchiveContext {
  const PageContext& site;
  const Repository& repo;  ///< old versions' bytes
  /// How an old version of the page at `index` (-1: a removed page) is
  /// rendered, as its page is: its Markdown options (a document links the
  /// numbers it cites as the current page does)…
  std::function<MarkdownOptions(const Page& version, int index)> markdown_options;
  /// …and the view its layout receives, the version standing alone.
  std::function<View(const Page& version, const RenderedMarkdown& body, int index)> version_view;
};

/// The archive's addresses of a page at `page_url` (without the base path):
/// its history, one version, what changed in a version.
std::string history_url(const std::string& page_url);
std::string version_url(const std::string& page_url, const Version& v);
std::string compare_url(const std::string& page_url, const Version& v);

/// The versions the archive shows, newest first: every commit that changed
/// the file's text, not its deletions and not the commits that only moved it
/// (a rename with the same bytes is not a new version).
std::vector<const Version*> archive_versions(const FileHistory& history);
/// Each commit that only moved the file, with the version whose text it
/// kept: its address sends readers there (redirect_pages.h).
std::vector<std::pair<const Version*, const Version*>> moves_only(const FileHistory& history);

/// The pages removed from the repository, each with the title it last had
/// (link step). Unreadable versions are errors: a damaged archive is not
/// published as if it were whole.
std::vector<DeletedPage> deleted_pages(const Repository& repo, const SiteConfig& config, Diagnostics& diags);

/// True when the page itself shows its whole history: one version, the one
/// published. Its history address is then a small page sending readers to
/// the page's own list, not a second page with the same line (nor listed in
/// the sitemap).
bool history_on_page(const Page& page, const FileHistory& history);

/// The `history` a page's layout receives: its versions, newest first.
View history_view(const SiteConfig& config, const Page& page, const FileHistory& history);

/// Every version of `page` (at `index` among the pages; -1 when removed), its
/// changes and its history page. `current` is the page's own rendered body
/// (its newest version when committed).
void render_archive(const ArchiveContext& cx, const Page& page, int index, const FileHistory& history,
                    const RenderedMarkdown& current, Diagnostics& diags);

/// A removed page's archive, and the page left at its address.
void render_deleted(const ArchiveContext& cx, const DeletedPage& deleted, Diagnostics& diags);

}  // namespace congbo

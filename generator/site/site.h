// site.h: the build pipeline. Read build() first: it is the whole flow.
//   load   – read site.toml, the theme and every content file; validate; write nothing
//   link   – give every page its place: relations between documents, sections,
//            browse listings, unique URLs
//   render – Markdown and templates → files in a temporary directory
//   write  – swap the temporary directory into place (only if there were no errors)
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "campaign.h"
#include "commendation.h"
#include "config.h"
#include "date.h"
#include "diagnostic.h"
#include "archive_pages.h"
#include "attached_history.h"
#include "history.h"
#include "listings.h"
#include "output.h"
#include "page_context.h"
#include "record_pages.h"
#include "records.h"
#include "redirect_pages.h"
#include "page.h"
#include "publication_log.h"
#include "relations.h"
#include "search_index.h"
#include "source_tree.h"
#include "theme.h"
#include "unit.h"
#include "url_table.h"
#include "views.h"

namespace congbo {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  ///< empty: site_dir/public
  bool write = true;              ///< false for `congbo check`
  /// With `write` false: also read every archived version, as a build would
  /// (false for the desk's check after a save: one file written cannot
  /// damage the archive, and reading all of it is most of a large site's check).
  bool verify_archive = true;
  std::optional<Date> today;      ///< for "date in the future" warnings; unset: the system's date
  std::string ref;                ///< build the tree at this git revision, not the working copy
  std::filesystem::path cache_dir;  ///< empty: site_dir/.congbo-cache
  std::filesystem::path reuse_from; ///< take unchanged files from here (default: the output itself)
  int jobs = 0;                     ///< rendering threads; 0: one per core
  /// Called as long stages advance (from rendering threads, one at a time):
  /// stage name, items done, items in all.
  std::function<void(const std::string&, int, int)> progress;
  /// Every publication so far and this one (publish gives it; a plain build
  /// none): shown on the about page, written to xac-minh/ (publication_log.h).
  std::vector<PublicationEntry> publication_log;
};

struct BuildReport {
  int pages = 0;  ///< content pages loaded (drafts excluded)
  int files = 0;  ///< files written
  int reused = 0; ///< files unchanged since the last build, linked rather than written
  bool up_to_date = false;  ///< nothing changed since the last build: nothing was done
  std::vector<std::pair<std::string, double>> timings;  ///< seconds per pipeline stage, in order
};

class Site;

/// Runs the pipeline. Returns false when anything reported an error; the
/// previous output is then untouched. With `keep`, a successful build hands
/// over its loaded and linked Site (for `serve`'s previews); when nothing
/// changed, the Site is still loaded and linked, but nothing rendered.
bool build(const BuildOptions& options, Diagnostics& diags, BuildReport* report,
           std::unique_ptr<Site>* keep = nullptr);

class Site {
 public:
  /// Reads everything from the working copy (content files on `jobs`
  /// threads), or from the tree at `ref`.
  bool load(const std::filesystem::path& site_dir, const std::string& ref, int jobs, Diagnostics& diags);
  void link(const Date& today, Diagnostics& diags);
  /// What `check` does instead of render(), so that it finds what a build
  /// would: each page's Markdown rendered for its warnings (raw HTML, unsafe
  /// links), thrown away, and every archived version read (a damaged
  /// repository fails check as it fails build).
  void check(int jobs, bool verify_archive, Diagnostics& diags) const;
  /// Renders on `jobs` threads (pages, their archives and lists are independent).
  void render(Output& out, int jobs, Diagnostics& diags);
  void set_progress(std::function<void(const std::string&, int, int)> p) { progress_ = std::move(p); }
  void set_publication_log(std::vector<PublicationEntry> log) { publication_log_ = std::move(log); }
  /// Where load() keeps what the history walk found, for the next build
  /// (unset: walk every time, keep nothing).
  void set_history_cache(std::filesystem::path file) { history_cache_ = std::move(file); }
  /// Where load() notes a digest of each working-copy file it reads.
  void record_reads(ReadDigests* read) { read_digests_ = read; }

  /// The page a content file becomes once edited to `bytes`, rendered at once
  /// against what the last build linked (its other pages, relations, history):
  /// what `serve` shows while the whole site is rebuilt. Nullopt when the edit
  /// needs a full build to show (a new, moved or broken file, a section page).
  struct Preview {
    std::string url;   ///< without the base path
    std::string html;
  };
  std::optional<Preview> preview(const std::string& rel, std::string bytes);
  /// Seconds spent in each part of render(), in order.
  const std::vector<std::pair<std::string, double>>& render_timings() const { return timings_; }

  const std::vector<Page>& pages() const { return pages_; }
  /// Each page's rendered Markdown, by page index (after render).
  const std::vector<RenderedMarkdown>& rendered() const { return rendered_; }
  const std::vector<Section>& sections() const { return lists_.sections; }
  const std::vector<Listing>& listings() const { return lists_.listings; }
  const Relations& relations() const { return relations_; }
  const SiteConfig& config() const { return config_; }
  const Units& units() const { return records_.units; }
  const std::vector<Campaign>& campaigns() const { return records_.campaigns; }
  const std::vector<Decision>& decisions() const { return records_.decisions; }

 private:
  std::filesystem::path cache_dir() const;
  void link_urls(Diagnostics& diags);
  /// What every page family reads, over this site's stages.
  PageContext page_context(Output& out) const;
  ArchiveContext archive_context(const PageContext& cx) const;
  void render_page(const PageContext& cx, int index, Diagnostics& diags) const;
  /// For the page at `index` (`page` may be a newer text of it): a document
  /// links the numbers it cites.
  MarkdownOptions markdown_options(const Page& page, int index) const;
  /// The layout and view render_page (and preview) give pages_[index].
  std::pair<std::string, View> page_output(const PageContext& cx, int index) const;
  /// The history of pages_[index]; empty without one.
  const FileHistory& history_of(int index) const;
  /// The view render_page gives `page` (also used for its old versions,
  /// standing alone in `pages`), its body rendered as `body`.
  View page_base(const PageContext& cx, const Page& page, const RenderedMarkdown& body,
                 const std::vector<Page>& pages, int index, const Relations& rel, int plan_page) const;
  std::unique_ptr<Repository> repo_;
  std::unique_ptr<SourceTree> source_;
  std::vector<PublicationEntry> publication_log_;
  std::string config_text_;
  bool from_ref_ = false;
  std::vector<DeletedPage> deleted_;
  SiteConfig config_;
  std::optional<Theme> theme_;
  std::vector<Page> pages_;
  std::vector<RenderedMarkdown> rendered_;  ///< by page index (render)
  Listings lists_;  ///< sections, navigation, listings, browse indexes (link)
  Relations relations_;
  std::optional<DocumentIndex> index_;  ///< numbers → pages, built once in link()
  std::string chrome_;                  ///< chrome_hash(), computed once per render
  FileHistory no_history_;
  AttachedHistories attached_;  ///< pages whose attachments have versions of their own (link)
  std::vector<std::pair<std::string, double>> timings_;
  std::function<void(const std::string&, int, int)> progress_;
  std::filesystem::path history_cache_;
  ReadDigests* read_digests_ = nullptr;
  UrlTable urls_;  ///< every address and its owner (link)
  std::vector<Redirect> redirects_;  ///< old addresses of renamed files (link)
  Records records_;  ///< units, campaigns, decisions (load), graded and tied to their plans (link)
};

}  // namespace congbo

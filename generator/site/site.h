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
#include "history.h"
#include "output.h"
#include "page.h"
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
  std::optional<Date> today;      ///< for "date in the future" warnings; unset: the system's date
  std::string ref;                ///< build the tree at this git revision, not the working copy
  std::filesystem::path cache_dir;  ///< empty: site_dir/.congbo-cache
  std::filesystem::path reuse_from; ///< take unchanged files from here (default: the output itself)
  int jobs = 0;                     ///< rendering threads; 0: one per core
  /// Called as long stages advance (from rendering threads, one at a time):
  /// stage name, items done, items in all.
  std::function<void(const std::string&, int, int)> progress;
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

/// A content file removed from the repository: its URL keeps a page saying so.
struct DeletedPage {
  FileHistory history;  ///< newest first; versions[0] is the deletion
  std::string url, title;
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
  std::vector<int> listings;  ///< indices into Site::listings()
};

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
  void check(int jobs, Diagnostics& diags) const;
  /// Renders on `jobs` threads (pages, their archives and lists are independent).
  void render(Output& out, int jobs, Diagnostics& diags);
  void set_progress(std::function<void(const std::string&, int, int)> p) { progress_ = std::move(p); }
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
  const std::vector<Section>& sections() const { return sections_; }
  const std::vector<Listing>& listings() const { return listings_; }
  const Relations& relations() const { return relations_; }
  const SiteConfig& config() const { return config_; }
  const Units& units() const { return units_; }
  const std::vector<Campaign>& campaigns() const { return campaigns_; }
  const std::vector<Decision>& decisions() const { return decisions_; }

 private:
  void link_sections();
  void link_browse();
  void link_urls(Diagnostics& diags);
  void link_history(Diagnostics& diags);
  void render_page(int index, Output& out, Diagnostics& diags);
  /// For the page at `index` (`page` may be a newer text of it): a document
  /// links the numbers it cites.
  MarkdownOptions markdown_options(const Page& page, int index) const;
  /// The layout and view render_page (and preview) give pages_[index].
  std::pair<std::string, View> page_output(int index) const;
  void render_listing(const Listing& listing, Output& out, Diagnostics& diags);
  void render_facet(const Facet& facet, Output& out, Diagnostics& diags);
  void render_cited(Output& out, Diagnostics& diags);
  void render_home(Output& out, Diagnostics& diags);
  void render_feeds(Output& out, Diagnostics& diags);
  void render_search(Output& out, int jobs, Diagnostics& diags);
  // The archive (site_archive.cc): every version, what changed, deletions.
  View history_view(const Page& page) const;
  void render_archive(const Page& page, int cite_from, Output& out, Diagnostics& diags);
  void render_deleted(const DeletedPage& deleted, Output& out, Diagnostics& diags);
  // Records (site_records.cc; their pages are record_pages.h): units, models, campaigns, commendations.
  void load_records(Diagnostics& diags);
  void link_records(Diagnostics& diags);
  void render_records(Output& out, Diagnostics& diags);
  /// A `plan` field: a content path ("van-ban/51-kh-duk") or a document number.
  /// The page it names, or -1 (a number not on the site is shown as text).
  int resolve_plan(const RelationEntry& plan, const std::string& path, Diagnostics& diags) const;
  View plan_view(const RelationEntry& plan, int page) const;
  View model_view(const Page& page, int index) const;  ///< `index`: its place in pages_
  /// Campaigns, decisions and models whose `plan` is the document at `index`.
  View carried_out(int index) const;
  /// "updated"/"updated_iso" of a data file, from its last commit.
  void set_updated(View& v, const std::string& source) const;
  std::string unit_url(const std::string& id) const;  ///< with base path; "" when unknown
  std::vector<std::pair<std::string, std::string>> record_urls() const;  ///< (url, section), for URL owners and the sitemap
  void add_record_search(std::vector<SearchDocument>& docs) const;
  void add_facet(const std::string& section, const std::string& key, std::map<std::string, FacetGroup>& groups);
  std::string chrome_hash() const;
  /// A page: `layout` rendered into the base layout.
  std::string compose(const std::string& layout, View view, Diagnostics& diags) const;
  void emit(Output& out, const std::string& url, const std::string& layout, View view,
            Diagnostics& diags);
  /// The view render_page gives `page` (also used for its old versions).
  View page_base(const Page& page, const std::vector<Page>& pages, int index, const Relations& rel) const;
  std::vector<int> newest_first(std::vector<int> pages) const;
  const Section* section(const std::string& name) const;  ///< nullptr for top-level pages
  std::vector<int> all_listed() const;  ///< every page of every section, newest first
  int page_count(const Listing& l) const;

  std::unique_ptr<Repository> repo_;
  std::unique_ptr<SourceTree> source_;
  std::string config_text_;
  bool from_ref_ = false;
  std::vector<DeletedPage> deleted_;
  SiteConfig config_;
  std::optional<Theme> theme_;
  std::vector<Page> pages_;
  std::vector<Section> sections_;
  std::vector<Listing> listings_;
  std::vector<Facet> facets_;
  Relations relations_;
  std::optional<DocumentIndex> index_;  ///< numbers → pages, built once in link()
  std::string chrome_;                  ///< chrome_hash(), computed once per render
  std::vector<std::pair<std::string, double>> timings_;
  std::function<void(const std::string&, int, int)> progress_;
  std::filesystem::path history_cache_;
  ReadDigests* read_digests_ = nullptr;
  std::vector<NavItem> nav_;
  UrlTable urls_;  ///< every address and its owner (link)
  Units units_;
  std::vector<Campaign> campaigns_;
  std::vector<Decision> decisions_;   ///< newest first after link()
  std::vector<int> campaign_plan_, decision_plan_;  ///< page of each one's plan, or -1
  std::vector<int> model_plan_;       ///< parallel to pages_
  int home_index_ = -1;
};

}  // namespace congbo

// site.cc: the pipeline (see site.h).
#include "site.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <sstream>

#include "build_stamp.h"
#include "document_view.h"
#include "feed_pages.h"
#include "list_pages.h"
#include "redirect_pages.h"
#include "search_page.h"
#include "validity.h"
#include "attachment_files.h"
#include "sized_images.h"
#include "attachments.h"
#include "on_date_page.h"
#include "verify_page.h"
#include "sections.h"
#include "images.h"
#include "markdown.h"
#include "cli_words.h"
#include "messages.h"
#include "page_words.h"
#include "search_index.h"
#include "text.h"
#include "workers.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

// Measures the stages of a build, for --timings.
class Stopwatch {
 public:
  Stopwatch() : last_(std::chrono::steady_clock::now()) {}
  void lap(std::vector<std::pair<std::string, double>>& into, const std::string& name) {
    auto now = std::chrono::steady_clock::now();
    into.emplace_back(name, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_;
};

using Progress = std::function<void(const std::string&, int, int)>;

// Runs body(i, diags) for i in [0, n) on `jobs` threads. Each thread keeps
// its own diagnostics; they are merged at the end (main() sorts them).
// `progress`, if set, hears of every 1% done (one thread at a time).
void parallel_for(int n, int jobs, Diagnostics& diags, const std::function<void(int, Diagnostics&)>& body,
                  const Progress& progress = nullptr, const std::string& stage = "") {
  jobs = std::max(1, std::min(jobs, n));
  std::atomic<int> next{0}, done{0};
  std::mutex report;
  const int step = std::max(1, n / 100);
  auto finished_one = [&] {
    int d = ++done;
    if (progress && (d % step == 0 || d == n)) {
      std::lock_guard<std::mutex> lock(report);
      progress(stage, d, n);
    }
  };
  if (jobs == 1) {
    for (int i = 0; i < n; ++i) {
      body(i, diags);
      finished_one();
    }
    return;
  }
  std::vector<Diagnostics> found(jobs);
  std::vector<std::thread> pool;
  for (int t = 0; t < jobs; ++t) {
    pool.emplace_back([&, t] {
      for (int i = next++; i < n; i = next++) {
        body(i, found[t]);
        finished_one();
      }
    });
  }
  for (auto& th : pool) th.join();
  for (const auto& d : found) diags.append(d);
}

// Everything a build's output depends on but its source files: the binary,
// the folders, the revision, the date, the commit. "" when it cannot be known.
std::string settings_key(const BuildOptions& options, const fs::path& out_dir, const fs::path& cache_dir) {
  std::string key = binary_fingerprint();
  std::error_code ec;
  for (const fs::path& p : {options.site_dir, out_dir, cache_dir, options.reuse_from}) {
    // However the folder is named ("site/", "./site", a symlink to it): one key.
    key += '|' + (p.empty() ? std::string() : fs::weakly_canonical(fs::absolute(p, ec), ec).string());
  }
  key += '|' + options.ref + '|' + options.today.value_or(Date::today()).iso() + '\n';
  Diagnostics ignored;
  if (auto repo = Repository::open(options.site_dir, ignored)) {
    auto commit = repo->commit_id(options.ref.empty() ? "HEAD" : options.ref, ignored);
    if (!commit && !options.ref.empty()) return "";
    key += commit.value_or("") + '\n';
  } else if (!options.ref.empty()) {
    return "";
  }
  return key;
}

}  // namespace

namespace {

// What decides whether a build has anything to do (build_stamp.h): the
// settings and the source files by their stat, then, when a stat differs,
// by their bytes. --ref builds read no working files; check keeps no stamp.
class BuildKeys {
 public:
  BuildKeys(const BuildOptions& options, const fs::path& out_dir, const fs::path& cache_dir)
      : stamp(cache_dir / "last-build"),
        site_dir_(options.site_dir),
        out_dir_(out_dir),
        from_disk_(options.ref.empty()),
        settings_(options.write ? settings_key(options, out_dir, cache_dir) : ""),
        inputs_(settings_.empty() ? "" : settings_ + (from_disk_ ? source_fingerprint(site_dir_) : "")) {}

  bool active() const { return !inputs_.empty(); }
  /// Whether the build should note the digest of each file it reads.
  bool records_reads() const { return active() && from_disk_; }
  std::string stat_key() const { return stable_hash(inputs_ + output_fingerprint(out_dir_)); }
  /// Files saved again unchanged: their stat differs, their bytes do not.
  /// A build takes its own from the bytes it loaded (an edit made while it
  /// runs is seen next time), not from a second read of every file.
  std::string content_key() {
    if (!contents_) contents_ = settings_ + (from_disk_ ? source_content_fingerprint(site_dir_) : "");
    return stable_hash(*contents_ + output_fingerprint(out_dir_));
  }
  void loaded() {
    if (active() && !contents_) contents_ = settings_ + (from_disk_ ? source_content_fingerprint(site_dir_, &read) : "");
  }

  const BuildStamp stamp;
  ReadDigests read;  ///< what the load read, when records_reads()

 private:
  const fs::path site_dir_, out_dir_;
  const bool from_disk_;
  const std::string settings_, inputs_;
  std::optional<std::string> contents_;
};

// 0. Nothing changed since the last build, and its output is untouched:
// its diagnostics are said again, and (for serve) the site is loaded and
// linked as it was. False when there is something to build.
bool replay_last_build(const BuildOptions& options, const fs::path& cache_dir, BuildKeys& keys, int jobs,
                       Diagnostics& diags, BuildReport* report, std::unique_ptr<Site>* keep) {
  const std::string key = keys.stat_key();
  auto previous = keys.stamp.matches(key, [&] { return keys.content_key(); });
  if (!previous) {
    keys.stamp.clear();
    return false;
  }
  if (previous->by_content) {  // the same stamp, under the files' new stat
    Diagnostics replay;
    for (const auto& d : previous->diagnostics) replay.add(d);
    keys.stamp.write(key, keys.content_key(), previous->pages, replay);
  }
  report->pages = previous->pages;
  report->up_to_date = true;
  if (keep) {
    auto site = std::make_unique<Site>();
    site->set_history_cache(cache_dir / "history");
    Diagnostics again;  // the same as the stamp's
    if (site->load(options.site_dir, options.ref, jobs, again)) {
      site->link(options.today.value_or(Date::today()), again);
      if (!again.has_errors()) *keep = std::move(site);
    }
  }
  for (auto& d : previous->diagnostics) diags.add(std::move(d));
  return true;
}

// 3. Renders into a working directory beside the output; 4. swaps it in.
// Any error before the swap leaves the served output untouched.
bool render_and_write(Site& site, const BuildOptions& options, const fs::path& out_dir, int jobs, Diagnostics& diags,
                      BuildReport* report) {
  Stopwatch clock;
  Output out;
  if (!options.reuse_from.empty()) out.reuse_from(options.reuse_from);
  std::string err;
  if (!out.begin(out_dir, options.site_dir, &err)) {
    diags.error(out_dir.string(), 0, 0, err);
    return false;
  }
  clock.lap(report->timings, "prepare output");
  site.render(out, jobs, diags);
  for (const auto& t : site.render_timings()) report->timings.push_back(t);
  clock = Stopwatch();
  if (diags.has_errors()) return false;  // ~Output stops; the served output is untouched
  if (!out.commit(&err)) {
    diags.error(out_dir.string(), 0, 0, err);
    return false;
  }
  clock.lap(report->timings, "write (drop what is no longer made, swap in; the old output becomes the spare)");
  report->files = out.files_written();
  report->reused = out.files_reused();
  return true;
}

}  // namespace

// The pipeline: load → link → render → write, after the check that there
// is anything to do.
bool build(const BuildOptions& options, Diagnostics& diags, BuildReport* report, std::unique_ptr<Site>* keep) {
  const fs::path out_dir = options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
  const fs::path cache_dir = options.cache_dir.empty() ? options.site_dir / ".congbo-cache" : options.cache_dir;
  const int jobs = static_cast<int>(jobs_or_cores(options.jobs));
  Stopwatch clock;
  BuildKeys keys(options, out_dir, cache_dir);
  if (keys.active() && replay_last_build(options, cache_dir, keys, jobs, diags, report, keep)) {  // 0.
    clock.lap(report->timings, "up to date (nothing changed since the last build)");
    return true;
  }
  auto site = std::make_unique<Site>();
  site->set_progress(options.progress);
  site->set_publication_log(options.publication_log);
  if (options.write) site->set_history_cache(cache_dir / "history");  // `check` writes nothing
  if (keys.records_reads()) site->record_reads(&keys.read);  // for the stamp's content key
  if (!site->load(options.site_dir, options.ref, jobs, diags)) return false;  // 1. load
  keys.loaded();
  clock.lap(report->timings, "load (site.toml, theme, content, git history)");
  site->link(options.today.value_or(Date::today()), diags);  // 2. link
  clock.lap(report->timings, "link (references, sections, browse pages, URLs)");
  if (diags.has_errors()) return false;
  report->pages = static_cast<int>(site->pages().size());
  if (!options.write) {  // `congbo check` stops here: nothing written
    site->check(jobs, options.verify_archive, diags);
    return !diags.has_errors();
  }
  if (!render_and_write(*site, options, out_dir, jobs, diags, report)) return false;  // 3. render, 4. write
  // The output's marker is new: both keys are made again with it.
  if (keys.active()) keys.stamp.write(keys.stat_key(), keys.content_key(), report->pages, diags);
  if (keep) *keep = std::move(site);
  return true;
}

bool Site::load(const fs::path& site_dir, const std::string& ref, int jobs, Diagnostics& diags) {
  repo_ = Repository::open(site_dir, diags);
  if (diags.has_errors()) return false;
  // History is read once, here, on a thread of its own while the content is
  // read (on a large archive each takes seconds); pages look theirs up in
  // link(). Returning early waits for it (the future's destructor).
  std::future<Diagnostics> history;
  if (!repo_) {
    if (!ref.empty()) {
      diags.error(ref, 0, 0, msg::unknown_revision(ref));
      return false;
    }
    diags.note("", msg::no_repository());
  } else {
    if (!ref.empty() && !repo_->commit_id(ref, diags)) return false;
    history = std::async(std::launch::async, [this, ref, jobs] {
      Diagnostics found;
      repo_->read_history(ref, found, history_cache_, jobs);
      return found;
    });
  }
  from_ref_ = !ref.empty();
  source_ = from_ref_ ? repo_->tree_at(ref, diags) : disk_source(site_dir, read_digests_);
  if (!source_) return false;

  auto bytes = source_->read("site.toml");
  if (!bytes) {
    const Diagnostics why = source_->problems();  // a link out of the site, say
    if (why.items().empty()) diags.error("site.toml", 0, 0, msg::missing_site_toml());
    diags.append(why);
    return false;
  }
  auto text = decode_text(std::move(*bytes), "site.toml", diags);
  if (!text) return false;
  config_text_ = *text;
  auto config = parse_config(*text, "site.toml", diags);
  if (!config) return false;
  config_ = std::move(*config);
  theme_ = Theme::load(*source_, config_.theme, config_.theme_line, config_.theme_col, diags);
  if (theme_) words::use(theme_->words());  // what link and render write for readers

  std::vector<std::string> files;
  for (auto& rel : source_->list("content")) {
    if (ends_with(rel, ".md")) files.push_back(std::move(rel));
  }
  // Each file is read, decoded and parsed on its own, on several threads
  // (from a git tree on one: its libgit2 handle is not shared). Every file is
  // read even after an error, so one run reports them all.
  std::vector<std::optional<Page>> loaded(files.size());
  parallel_for(static_cast<int>(files.size()), from_ref_ ? 1 : jobs, diags, [&](int i, Diagnostics& found) {
    const std::string& rel = files[i];
    auto raw = source_->read(rel);
    if (!raw) {
      found.error(rel, 0, 0, msg::unreadable_file(msg::system_error(errno)));
      return;
    }
    bool uncommitted = repo_ && !from_ref_ && repo_->changed_since_head(rel, *raw);
    if (auto page = load_page(rel, std::move(*raw), config_, found)) {
      page->uncommitted = uncommitted;
      if (!page->draft) loaded[i] = std::move(page);
    }
  });
  for (auto& page : loaded) {
    if (page) pages_.push_back(std::move(*page));
  }
  records_ = load_records(*source_, config_, diags);
  if (history.valid()) diags.append(history.get());
  diags.append(source_->problems());  // symbolic links out of the site, unreadable git objects
  return !diags.has_errors();
}

void Site::link(const Date& today, Diagnostics& diags) {
  relations_ = link_documents(pages_, today, diags, config_.named);
  index_.emplace(pages_);
  if (repo_) deleted_ = deleted_pages(*repo_, config_, diags);
  link_records(records_, pages_, *index_, diags);
  check_images(pages_, *source_, theme_->static_files(), diags);
  check_attachments(pages_, *source_, config_.attachment_limit_mb, diags);
  if (repo_) attached_.link(pages_, *repo_);
  lists_ = link_listings(pages_, config_, records_.units,
                         {records_.campaigns.size(), records_.decisions.size(), records_.units.all().size()},
                         statuses_today(pages_, relations_));
  link_urls(diags);
}

// Every URL is written by exactly one file. The URL table: the site's own
// pages first, then each content file's, so a file that would take one of
// them is told whose it is.
void Site::link_urls(Diagnostics& diags) {
  urls_ = UrlTable();
  urls_.reserve("/", "content/_index.md", UrlKind::Home);
  urls_.reserve("/tim-kiem/", msg::reserved_search(), UrlKind::Search);
  urls_.reserve(kVerifyUrl, msg::reserved_verify(), UrlKind::Verify);
  urls_.reserve(kOnDateUrl, msg::reserved_on_date(), UrlKind::OnDate);
  for (const auto& l : lists_.listings) {
    for (int n = 1; n <= list_page_count(l, config_.paginate); ++n) {
      urls_.reserve(list_url(l.url, n), msg::reserved_url_owner(l.section), n == 1 ? UrlKind::List : UrlKind::ListPage);
    }
  }
  for (const auto& f : lists_.facets) urls_.reserve(f.url, msg::reserved_url_owner(f.section), UrlKind::Facet);
  for (const auto& [url, section] : record_urls(records_)) urls_.reserve(url, msg::reserved_url_owner(section), UrlKind::Record);
  if (!lists_.listings.empty() && !relations_.external.empty()) {
    urls_.reserve(BrowseUrls::cited(), msg::reserved_url_owner(kDocumentsSection), UrlKind::Cited);
  }
  for (int i = 0; i < static_cast<int>(pages_.size()); ++i) {
    const Page& p = pages_[i];
    if (p.is_index) continue;
    if (const UrlEntry* had = urls_.add(p.url, p.source, UrlKind::Page, i)) {
      diags.error(p.source, 1, 1, msg::duplicate_url(p.url, had->owner));
    }
  }
  // A renamed file's old addresses send readers on, unless something else
  // has one now (a new file there keeps it, and its archive's addresses).
  redirects_.clear();
  VersionUrls version_urls([&](const std::string& blob) { return repo_ ? repo_->blob(blob) : std::nullopt; },
                           history_cache_.empty() ? std::filesystem::path() : history_cache_.parent_path() / "version-urls");
  std::vector<std::string> taken;  // old page addresses someone else has: nothing under them is redirected
  for (int i = 0; i < static_cast<int>(pages_.size()); ++i) {
    if (pages_[i].is_index) continue;
    for (Redirect& r : page_redirects(pages_[i], history_of(i), version_urls)) {
      if (std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return starts_with(r.from, t); })) continue;
      if (urls_.add(r.from, r.owner, UrlKind::Redirect)) taken.push_back(r.from);
      else redirects_.push_back(std::move(r));
    }
  }
  version_urls.save();
  // A removed file keeps its page only while no live file has taken its URL.
  std::vector<DeletedPage> kept;
  for (auto& d : deleted_) {
    if (!urls_.add(d.url, d.history.path, UrlKind::Deleted)) kept.push_back(std::move(d));
  }
  deleted_ = std::move(kept);
}

const FileHistory& Site::history_of(int index) const {
  const FileHistory* h = attached_.of(index);
  if (!h && repo_) h = repo_->history(pages_[index].source);
  return h ? *h : no_history_;
}

// Where made files are kept between builds (first pages, photos' copies,
// converted attachments): beside the history cache.
fs::path Site::cache_dir() const {
  return history_cache_.empty() ? fs::temp_directory_path() / "congbo-cache" : history_cache_.parent_path();
}

void Site::check(int jobs, bool verify_archive, Diagnostics& diags) const {
  parallel_for(static_cast<int>(pages_.size()), jobs, diags, [&](int i, Diagnostics& diags) {
    render_markdown(pages_[i].markdown, markdown_options(pages_[i], i), diags);
  }, progress_, cli::stage_markdown());
  // The photos build would make copies of: one it cannot read is said here too.
  const fs::path cache = cache_dir();
  size_images(pages_, *source_, config_, nullptr, cache, jobs, diags);
  if (repo_ && verify_archive) repo_->verify_versions(diags);
}

PageContext Site::page_context(Output& out) const {
  return PageContext{config_, lists_.nav, *theme_, chrome_, out, pages_, rendered_, lists_.sections};
}

void Site::render(Output& out, int jobs, Diagnostics& diags) {
  // Markdown first: list pages need every page's summary.
  Stopwatch clock;
  chrome_ = chrome_hash(config_text_, *theme_, lists_.nav);
  // Attachments' first pages, before any page shows them (their sizes).
  const fs::path cache = cache_dir();
  make_previews(pages_, *source_, cache, diags);
  // Photos' copies for phones, before any page shows them (their sizes).
  const SizedImages photos = size_images(pages_, *source_, config_, &out, cache, jobs, diags);
  show_sized(pages_, photos);
  const PageContext cx = page_context(out);
  const int n = static_cast<int>(pages_.size());
  rendered_.assign(n, RenderedMarkdown{});
  parallel_for(n, jobs, diags, [&](int i, Diagnostics& diags) {
    Page& p = pages_[i];
    rendered_[i] = render_markdown(p.markdown, markdown_options(p, i), diags);
    if (!p.images.empty()) rendered_[i].html = with_image_sizes(rendered_[i].html, p.url, config_, photos);
    if (!p.is_index) std::string().swap(p.markdown);  // only its HTML is needed from here
  }, progress_, cli::stage_markdown());
  clock.lap(timings_, "render: Markdown");
  // The search index needs only the pages' plain text and facts, ready now:
  // it is built on a thread of its own beside everything that follows.
  Diagnostics search_diags;
  std::vector<std::pair<std::string, double>> search_timing;
  std::vector<SearchDocument> documents = search_documents(cx, records_, rendered_, statuses_today(pages_, relations_),
                                                                attachment_texts(pages_, *source_, cache));
  std::thread search([&] {
    Stopwatch own;
    render_search(cx, lists_.facets, std::move(documents), binary_fingerprint(), jobs, search_diags);
    own.lap(search_timing, "  search index, on its own thread beside pages, archive and lists");
  });
  // Each page with its archive (its current version is the page itself, so
  // its HTML serves both); then the HTML is dropped: what comes next needs
  // only summaries and plain text (lists, search), so memory grows with the
  // corpus by less.
  std::optional<ArchiveContext> archive;  // only with a repository: without one there is no history
  if (repo_) archive.emplace(archive_context(cx));
  parallel_for(n, jobs, diags, [&](int i, Diagnostics& diags) {
    if (pages_[i].is_index) return;
    render_page(cx, i, diags);
    if (archive) render_archive(*archive, pages_[i], i, history_of(i), rendered_[i], diags);
    std::string().swap(rendered_[i].html);
  }, progress_, cli::stage_pages());
  if (archive) {
    for (const DeletedPage& d : deleted_) render_deleted(*archive, d, diags);
  }
  clock.lap(timings_, "render: pages and their archive (versions, changes, history)");
  const ListContext lists{cx, lists_.listings, lists_.facets, relations_};
  parallel_for(static_cast<int>(lists_.listings.size()), jobs, diags,
               [&](int i, Diagnostics& diags) { render_listing(lists, lists_.listings[i], diags); }, progress_,
               cli::stage_lists());
  for (const Facet& f : lists_.facets) render_facet(lists, f, diags);
  if (!relations_.external.empty()) render_cited(lists, diags);
  const RecordContext records{cx, records_, repo_.get(), diags};
  render_campaign_pages(records);
  render_decision_pages(records);
  render_unit_pages(records);
  render_home(cx, lists_.home_index, diags);
  render_feeds(FeedContext{cx, urls_, records_.decisions, records_.campaigns, repo_.get()}, diags);
  render_redirects(cx, redirects_, diags);
  render_verify_page(cx, diags);
  render_publication_log(cx, publication_log_, diags);
  clock.lap(timings_, "render: lists, home, feeds");
  render_on_date(OnDateContext{cx, relations_, [&](int i) -> const FileHistory& { return history_of(i); }, deleted_}, diags);
  clock.lap(timings_, "render: the documents as on a date (by year)");
  search.join();
  diags.append(search_diags);
  clock.lap(timings_, "render: waiting for the search index");
  timings_.insert(timings_.end(), search_timing.begin(), search_timing.end());

  emit(cx, "/404.html", "404", base_view(config_, lists_.nav, "", "/404.html", words::text("list.not_found")), diags);
  for (const auto& [path, data] : theme_->static_files()) write_file(cx, path, data, diags);
  render_attachments(cx, *source_, cache, diags);
}

// How old versions are rendered: as their page is, standing alone (its
// relations are the current page's business), citing as the page cites.
ArchiveContext Site::archive_context(const PageContext& cx) const {
  return ArchiveContext{
      cx, *repo_,
      [this](const Page& version, int at) { return markdown_options(version, at); },
      [this, &cx](const Page& version, const RenderedMarkdown& body, int at) {
        Relations none;
        none.by_page.resize(1);
        // A model's plan is linked when the version names the plan the page names.
        const bool same_plan = at >= 0 && version.model.plan.text == pages_[at].model.plan.text;
        const int plan = same_plan ? records_.model_plan_of(at) : -1;
        return page_base(cx, version, body, std::vector<Page>{version}, 0, none, plan);
      }};
}

std::optional<Site::Preview> Site::preview(const std::string& rel, std::string bytes) {
  auto at = std::find_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.source == rel; });
  if (at == pages_.end() || at->is_index) return std::nullopt;
  const int i = static_cast<int>(at - pages_.begin());
  Diagnostics diags;  // a file with mistakes goes through the full build, which reports them
  bool uncommitted = repo_ && !from_ref_ && repo_->changed_since_head(rel, bytes);
  auto page = load_page(rel, std::move(bytes), config_, diags);
  if (!page || diags.has_errors() || page->draft || page->url != at->url || page->section != at->section) return std::nullopt;
  page->uncommitted = uncommitted;
  if (rendered_.size() != pages_.size()) rendered_.resize(pages_.size());
  rendered_[i] = render_markdown(page->markdown, markdown_options(*page, i), diags);
  *at = std::move(*page);
  Output unused;  // the preview is composed, not written
  auto [layout, view] = page_output(page_context(unused), i);
  std::string html = theme_->render_page(layout, view, diags);
  if (diags.has_errors()) return std::nullopt;
  return Preview{at->url, std::move(html)};
}

View Site::page_base(const PageContext& cx, const Page& page, const RenderedMarkdown& body,
                     const std::vector<Page>& pages, int index, const Relations& rel, int plan_page) const {
  View v = base_view(config_, lists_.nav, page.section, page.url, document_title(page));
  const View own = page_view(page, body, config_);
  for (const auto& [k, m] : own.members()) v.set(k, m);
  if (page.is_document) v.set("doc", document_view(pages, index, rel, config_));
  if (page.is_model) v.set("model", model_view(cx, records_, page, plan_page));
  if (const Section* s = lists_.section(page.section)) {
    v.set("section_title", s->title).set("section_url", href(config_, s->url));
  }
  return v;
}

MarkdownOptions Site::markdown_options(const Page& page, int index) const {
  MarkdownOptions opts{config_.base_path(), page.source, page.body_line, nullptr};
  if (page.is_document) {
    opts.cite_url = [this, index](const Citation& c) -> std::string {
      auto r = index_->resolve(c.number, c.date, index);
      return r.status == DocumentIndex::Status::Found ? href(config_, pages_[r.page].url) : "";
    };
  }
  return opts;
}

std::pair<std::string, View> Site::page_output(const PageContext& cx, int index) const {
  const Page& page = pages_[index];
  View v = page_base(cx, page, rendered_[index], pages_, index, relations_, records_.model_plan_of(index));
  v.set("history", history_view(config_, page, history_of(index)));
  if (page.url == kAboutUrl && !publication_log_.empty()) {
    v.set("has_publication_log", true).set("publication_log", publication_log_view(publication_log_));
  }
  if (page.is_document) {
    View records = carried_out(cx, records_, index);
    v.set("has_carried_out", !records.items().empty()).set("carried_out", std::move(records));
  }
  return {page.is_document ? "document" : (page.is_model ? "model" : "page"), std::move(v)};
}

void Site::render_page(const PageContext& cx, int index, Diagnostics& diags) const {
  auto [layout, view] = page_output(cx, index);
  emit(cx, pages_[index].url, layout, std::move(view), diags);
}

}  // namespace congbo

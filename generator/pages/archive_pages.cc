// archive_pages.cc: version pages, comparisons, history pages, removed pages.
#include "archive_pages.h"

#include <optional>
#include <set>

#include "attachments.h"
#include "diff.h"
#include "doc_number.h"
#include "messages.h"
#include "page_words.h"
#include "signing.h"
#include "text.h"

namespace congbo {
namespace {

std::vector<const Version*> stored_versions(const FileHistory& h) { return archive_versions(h); }

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
  return s;
}

// A version's front matter fields as readers see them, label → value (""
// when not set), in the order a comparison lists them.
std::vector<std::pair<std::string, std::string>> field_values(const Page& p) {
  // "20-KH/ĐUK@2021-01-14" as readers write it: "20-KH/ĐUK ngày 14/01/2021".
  auto entries = [](const std::vector<RelationEntry>& e) {
    std::vector<std::string> s;
    for (const auto& x : e) {
      const auto ref = parse_reference(x.text);  // validated when the page was loaded
      s.push_back(ref && ref->date ? words::text("relation.dated", {{"number", trim(x.text.substr(0, x.text.find('@')))},
                                                                   {"date", ref->date->display()}})
                                   : x.text);
    }
    return join(s);
  };
  auto day = [](const std::optional<Date>& d) { return d ? d->display() : ""; };
  const DocumentMeta& d = p.doc;
  std::vector<std::pair<std::string, std::string>> out;
  for (auto [key, value] : std::initializer_list<std::pair<const char*, std::string>>{
           {"title", p.title}, {"date", day(p.date)}, {"number", d.number}, {"kind", d.kind}, {"issuer", d.issuer},
           {"place", d.place}, {"authority", d.authority}, {"signer_role", d.signer_role}, {"signer", d.signer},
           {"status", d.status}, {"effective", day(d.effective)}, {"expires", day(d.expires)}, {"period", d.period},
           {"fields", join(d.fields)}, {"recipients", join(d.recipients)}, {"based_on", entries(d.based_on)},
           {"replaces", entries(d.replaces)}, {"amends", entries(d.amends)}, {"description", p.description}}) {
    out.push_back({words::field_label(key), value});
  }
  return out;
}

// Front matter fields that differ between two versions, in plain words.
std::vector<FieldChange> field_changes(const Page& a, const Page& b) {
  std::vector<FieldChange> out;
  const auto x = field_values(a), y = field_values(b);
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].second == y[i].second) continue;
    out.push_back({x[i].first, x[i].second.empty() ? words::empty_value() : x[i].second,
                   y[i].second.empty() ? words::empty_value() : y[i].second});
  }
  return out;
}

// One page's archive while it is written: its versions, each loaded and
// rendered only when something not linked from the last build needs it.
// The current version is the page itself, already rendered.
class Archive {
 public:
  Archive(const ArchiveContext& cx, const Page& page, int index, const FileHistory& history,
          const RenderedMarkdown& current, Diagnostics& diags)
      : cx_(cx), config_(cx.site.config), page_(page), index_(index), history_(history), current_(current), diags_(diags),
        versions_(stored_versions(history)), loaded_(versions_.size()),
        current_is_committed_(!page.uncommitted && !history.versions.empty() && !history.versions.front().deleted),
        current_url_(href(config_, page.url)) {}

  void write_all() {
    if (versions_.empty()) return;
    write_old_attachments();
    for (size_t k = 0; k < versions_.size(); ++k) {
      write_version(k);
      if (k + 1 < versions_.size()) write_comparison(k);
    }
    write_json();
    write_history_page();
  }

 private:
  struct Loaded {
    std::optional<Page> own;
    RenderedMarkdown own_body;
    const Page* page = nullptr;  ///< null: its front matter could not be read
    const RenderedMarkdown* body = nullptr;
    std::string raw;
  };

  Loaded& load(size_t k) {
    if (loaded_[k]) return *loaded_[k];
    Loaded& l = loaded_[k].emplace();
    if (k == 0 && current_is_committed_) {
      l.page = &page_;
      l.body = &current_;
      return l;
    }
    std::string why;
    if (auto bytes = cx_.repo.blob(versions_[k]->blob, &why)) {
      l.raw = std::move(*bytes);
    } else {  // a damaged repository: no archive page is made from nothing
      diags_.error(page_.source, 0, 0, msg::version_unreadable(versions_[k]->blob, versions_[k]->commit, why));
    }
    // History never fails the build: an old version's mistakes stay in `scratch`.
    Diagnostics scratch;
    l.own = load_page(versions_[k]->path, l.raw, config_, scratch);
    if (l.own) {
      l.own->url = page_.url;
      attach_old(*l.own, *versions_[k]);
      // Rendered as the page is, so the current version and the page agree.
      l.own_body = render_markdown(l.own->markdown, cx_.markdown_options(*l.own, index_), scratch);
      l.page = &*l.own;
      l.body = &l.own_body;
    }
    return l;
  }

  // The page's files (those it lists now) as they were at version `v`.
  std::vector<const Version*> files_at(const Version& v) const {
    std::vector<const Version*> out;
    for (const Attachment& a : page_.doc.attachments) out.push_back(cx_.repo.version_at(a.source, v.seq));
    return out;
  }
  // What keys a version's pages: the files it had, and whether each is still the page's own.
  std::string files_key(const Version& v) const {
    std::string key;
    for (const Version* f : files_at(v)) key += (f ? f->blob + (is_current_file(*f) ? "=" : "") : "-") + '|';
    return key;
  }
  // A file's version is the one beside the page while it is the file's newest committed one.
  bool is_current_file(const Version& f) const {
    for (const Attachment& a : page_.doc.attachments) {
      const FileHistory* h = cx_.repo.any_history(a.source);
      if (h && !h->versions.empty() && &h->versions.front() == &f) return true;
    }
    return false;
  }
  std::string archived_url(const Version& f) const {
    return history_url(page_.url) + f.short_id + "/" + f.path.substr(f.path.rfind('/') + 1);
  }

  // Every version a listed file had before its newest stays downloadable at
  // its permanent address, PAGE/phien-ban/<id of the commit that brought
  // it>/<file>: written once, then linked from the last build unread.
  void write_old_attachments() {
    for (const Attachment& a : page_.doc.attachments) {
      const FileHistory* h = cx_.repo.any_history(a.source);
      if (!h) continue;
      for (const Version& f : h->versions) {
        if (f.deleted || is_current_file(f)) continue;
        const std::string url = archived_url(f), key = stable_hash("file|" + f.blob);
        if (!written_.insert(url).second || reuse(url, key)) continue;
        std::string why;
        auto bytes = cx_.repo.blob(f.blob, &why);
        if (!bytes) {
          diags_.error(page_.source, 0, 0, msg::version_unreadable(f.blob, f.commit, why));
          continue;
        }
        write(url, key, *bytes);
      }
    }
  }

  // An old version's attachments as they were at its commit, with their
  // size and hash, linked where that file is published: beside the page
  // when it is the page's file today, else at its archived address.
  void attach_old(Page& old, const Version& v) {
    const std::string dir = v.path.substr(0, v.path.rfind('/') + 1);
    for (Attachment& a : old.doc.attachments) {
      const Version* f = cx_.repo.version_at(dir + a.file, v.seq);
      if (!f || (!written_.count(archived_url(*f)) && !is_current_file(*f))) continue;  // a file the page lists no more
      std::string why;
      auto bytes = cx_.repo.blob(f->blob, &why);
      if (!bytes) {
        diags_.error(page_.source, 0, 0, msg::version_unreadable(f->blob, f->commit, why));
        continue;
      }
      a.source = dir + a.file;
      a.size = bytes->size();
      a.sha256 = sha256_hex(*bytes);
      if (!is_current_file(*f)) a.archived_at = archived_url(*f);
    }
  }

  // "51-kh-duk.pdf: 1,2 MB, SHA-256 3f2a9c01…" for each listed file that differs between versions k+1 and k.
  std::vector<FieldChange> file_changes(size_t k) const {
    std::vector<FieldChange> out;
    const auto before = files_at(*versions_[k + 1]), after = files_at(*versions_[k]);
    auto said = [&](const Version* f) -> std::string {
      if (!f) return words::empty_value();
      auto bytes = cx_.repo.blob(f->blob);
      if (!bytes) return words::empty_value();
      return words::text("archive.file_version", {{"size", size_words(bytes->size())}, {"sha256", sha256_hex(*bytes).substr(0, 16)}});
    };
    for (size_t i = 0; i < after.size(); ++i) {
      if (before[i] == after[i] || (before[i] && after[i] && before[i]->blob == after[i]->blob)) continue;
      out.push_back({words::text("archive.file_label", {{"file", page_.doc.attachments[i].file}}), said(before[i]), said(after[i])});
    }
    return out;
  }

  std::string body_html(size_t k) {
    Loaded& l = load(k);
    return l.page ? l.body->html : "<pre>" + html_escape(l.raw) + "</pre>\n";
  }

  bool has_previous(size_t k) const { return k + 1 < versions_.size(); }

  // [[label, value], …] of version k's front matter ([] when it cannot be read).
  std::string fields_json(size_t k) {
    Loaded& l = load(k);
    std::string json = "[";
    if (l.page) {
      for (const auto& [label, value] : field_values(*l.page)) {
        json += std::string(json.size() > 1 ? "," : "") + "[" + json_string(label) + "," + json_string(value) + "]";
      }
    }
    return json + "]";
  }

  View banner(size_t k) const {
    const Version& v = *versions_[k];
    return View()
        .set("date", v.date.display())
        .set("time", v.time)
        .set("subject", v.subject)
        .set("author", v.author)
        .set("is_current", k == 0 && current_is_committed_)
        .set("current_url", current_url_)
        .set("history_url", href(config_, history_url(page_.url)))
        .set("version_url", href(config_, version_url(page_.url, v)))
        .set("compare_url", has_previous(k) ? href(config_, compare_url(page_.url, v)) : "");
  }

  // Archive output is keyed: unchanged since the last build, it is linked
  // from the previous output without being read, rendered or hashed.
  bool reuse(const std::string& url, const std::string& key) {
    return cx_.site.out.reuse(Output::path_for_url(url), key);
  }
  void write(const std::string& url, const std::string& key, const std::string& data) {
    std::string err;
    if (!cx_.site.out.write_keyed(Output::path_for_url(url), key, data, &err)) diags_.error(url, 0, 0, err);
  }

  void write_version(size_t k) {
    const Version& v = *versions_[k];
    const std::string url = version_url(page_.url, v);
    const bool is_current = k == 0 && current_is_committed_;
    const std::string key = stable_hash("version|" + v.blob + '|' + url + '|' + current_url_ + '|' + cx_.site.chrome +
                                        (is_current ? "|current" : "|past") + (has_previous(k) ? "|prev" : "") +
                                        files_key(v));
    if (reuse(url, key)) return;
    if (is_current) return write_current_version(url, key, v);
    Loaded& l = load(k);
    View view;
    std::string layout;
    if (l.page) {
      view = cx_.version_view(*l.page, *l.body, index_);
      layout = l.page->is_document ? "document" : "page";
    } else {
      view = base_view(config_, cx_.site.nav, page_.section, url, page_.title);
      view.set("title", page_.title).set("raw", l.raw).set("note", words::old_version_unreadable());
      layout = "raw_version";
    }
    // Told apart from the current page in tabs, bookmarks and search results.
    if (const View* shown = view.get("page_title")) {
      view.set("page_title", words::text("archive.version_title", {{"date", v.date.display()}, {"title", shown->str()}}));
    }
    view.set("canonical", permalink(config_, url)).set("version", banner(k));
    write(url, key, compose(cx_.site, layout, std::move(view), diags_));
  }

  // The version that is the current page (for 9 in 10 documents the only
  // one) is not a second copy of it: its address answers with a small page
  // sending the reader to the page itself (meta refresh, canonical link, a
  // visible link). Once the document changes, the address shows this version.
  void write_current_version(const std::string& url, const std::string& key, const Version& v) {
    View view = base_view(config_, cx_.site.nav, page_.section, url, words::text("archive.current_version_title"));
    view.set("to", current_url_)
        .set("canonical", permalink(config_, page_.url))
        .set("notice", words::text("archive.current_version_notice", {{"date", v.date.display()}}));
    write(url, key, cx_.site.theme.render("redirect", view, diags_));
  }

  void write_comparison(size_t k) {
    const Version& v = *versions_[k];
    const Version& prev = *versions_[k + 1];
    const std::string curl = compare_url(page_.url, v);
    const std::string ckey = stable_hash("compare|" + prev.blob + '|' + v.blob + '|' + curl + '|' + cx_.site.chrome + '|' +
                                         files_key(prev) + files_key(v) +
                                         (k == 0 && current_is_committed_ ? "|current" : "|past"));  // the banner says which
    if (reuse(curl, ckey)) return;
    Loaded& before = load(k + 1);
    Loaded& after = load(k);
    View view = base_view(config_, cx_.site.nav, page_.section, curl, words::text("archive.change_title", {{"date", v.date.display()}, {"title", page_.title}}));
    view.set("title", after.page ? after.page->title : page_.title)
        .set("version", banner(k))
        .set("from_date", prev.date.display())
        .set("from_url", href(config_, version_url(page_.url, prev)))
        .set("to_date", v.date.display())
        .set("to_url", href(config_, version_url(page_.url, v)))
        .set("subject", v.subject)
        .set("author", v.author);
    View fields = View::list();
    if (before.page && after.page) {
      auto changes = field_changes(*before.page, *after.page);
      for (auto& c : file_changes(k)) changes.push_back(std::move(c));
      for (const auto& c : changes) {
        fields.push(View().set("label", c.label).set("before", c.before).set("after", c.after));
      }
    }
    WordDiff diff = diff_html(body_html(k + 1), body_html(k));
    view.set("has_fields", !fields.items().empty()).set("fields", std::move(fields))
        .set("diff", std::move(diff.html))
        .set("inserted", std::to_string(diff.inserted))
        .set("deleted", std::to_string(diff.deleted))
        .set("unchanged_text", diff.inserted == 0 && diff.deleted == 0);
    write(curl, ckey, compose(cx_.site, "compare", std::move(view), diags_));
  }

  // The data for comparing any two versions in the browser (only when there
  // are two to compare): each version's fields and the address of a page
  // showing its text (its version page; the page itself for the current
  // one), which the browser reads only for the two compared — the text is
  // not a second copy here.
  void write_json() {
    if (versions_.size() < 2) return;
    const std::string json_url = history_url(page_.url) + "phien-ban.json";
    std::string all_blobs;
    for (const Version* v : versions_) all_blobs += v->blob + '|';
    const std::string jkey = stable_hash("json2|" + all_blobs + (current_is_committed_ ? "current|" : "") + history_url(page_.url) + '|' + cx_.site.chrome);
    if (reuse(json_url, jkey)) return;
    std::string json = "[";
    for (size_t k = 0; k < versions_.size(); ++k) {
      const Version& v = *versions_[k];
      json += std::string(k ? "," : "") + "{\"id\":" + json_string(v.short_id) + ",\"date\":" + json_string(v.date.display()) +
              ",\"subject\":" + json_string(v.subject) + ",\"author\":" + json_string(v.author) +
              ",\"url\":" + json_string(href(config_, version_url(page_.url, v))) +
              ",\"text\":" + json_string(k == 0 && current_is_committed_ ? current_url_ : href(config_, version_url(page_.url, v))) +
              ",\"fields\":" + fields_json(k) + "}";
    }
    json += "]";
    write(json_url, jkey, json);
  }

  void write_history_page() {
    const std::string hurl = history_url(page_.url);
    if (index_ >= 0 && history_on_page(page_, history_)) {
      const std::string key = stable_hash("history-on-page|" + versions_.front()->blob + '|' + hurl + '|' + cx_.site.chrome);
      if (reuse(hurl, key)) return;
      View view = base_view(config_, cx_.site.nav, page_.section, hurl, words::text("archive.history_title", {{"title", page_.title}}));
      view.set("to", current_url_ + "#_lich-su")
          .set("canonical", permalink(config_, page_.url))
          .set("notice", words::text("archive.single_version_notice", {{"date", versions_.front()->date.display()}}));
      return write(hurl, key, cx_.site.theme.render("redirect", view, diags_));
    }
    View view = base_view(config_, cx_.site.nav, page_.section, hurl, words::text("archive.history_title", {{"title", page_.title}}));
    View timeline = history_view(config_, page_, history_);
    timeline.set("standalone", true).set("history_url", "");  // this is the full history
    view.set("title", page_.title)
        .set("current_url", current_url_)
        .set("history", std::move(timeline))
        .set("data_url", href(config_, hurl + "phien-ban.json"))
        .set("script", href(config_, "/js/so-sanh.js"))
        .set("can_compare", versions_.size() > 1);
    emit(cx_.site, hurl, "history", std::move(view), diags_);
  }

  const ArchiveContext& cx_;
  const SiteConfig& config_;
  const Page& page_;
  const int index_;
  const FileHistory& history_;
  const RenderedMarkdown& current_;
  Diagnostics& diags_;
  std::vector<const Version*> versions_;
  std::vector<std::optional<Loaded>> loaded_;
  const bool current_is_committed_;
  const std::string current_url_;
  std::set<std::string> written_;  ///< archived attachments' addresses, this build
};

}  // namespace

namespace {

// The version just older than versions[k], when versions[k] only moved the file (same bytes, another path).
const Version* kept_from(const FileHistory& h, size_t k) {
  if (k + 1 >= h.versions.size()) return nullptr;
  const Version& v = h.versions[k];
  const Version& older = h.versions[k + 1];
  return !older.deleted && older.blob == v.blob && older.path != v.path ? &older : nullptr;
}

}  // namespace

std::vector<const Version*> archive_versions(const FileHistory& h) {
  std::vector<const Version*> out;
  for (size_t k = 0; k < h.versions.size(); ++k) {
    if (!h.versions[k].deleted && !kept_from(h, k)) out.push_back(&h.versions[k]);
  }
  return out;
}

std::vector<std::pair<const Version*, const Version*>> moves_only(const FileHistory& h) {
  std::vector<std::pair<const Version*, const Version*>> out;
  for (size_t k = 0; k < h.versions.size(); ++k) {
    if (h.versions[k].deleted) continue;
    const Version* kept = kept_from(h, k);
    while (kept && kept_from(h, static_cast<size_t>(kept - h.versions.data()))) {
      kept = kept_from(h, static_cast<size_t>(kept - h.versions.data()));  // moved twice: to the text's own version
    }
    if (kept) out.push_back({&h.versions[k], kept});
  }
  return out;
}

std::string history_url(const std::string& page_url) { return page_url + "phien-ban/"; }
std::string version_url(const std::string& page_url, const Version& v) {
  return history_url(page_url) + v.short_id + "/";
}
std::string compare_url(const std::string& page_url, const Version& v) { return version_url(page_url, v) + "so-sanh/"; }

bool history_on_page(const Page& page, const FileHistory& history) {
  return !page.uncommitted && archive_versions(history).size() == 1 && !history.versions.front().deleted;
}

View history_view(const SiteConfig& config, const Page& page, const FileHistory& history) {
  View h;
  auto versions = stored_versions(history);
  h.set("has_history", !versions.empty() || page.uncommitted);
  h.set("uncommitted", page.uncommitted).set("truncated", history.truncated);
  if (versions.empty()) return h;
  h.set("updated", versions.front()->date.display()).set("updated_time", versions.front()->time);
  if (!history_on_page(page, history)) h.set("history_url", href(config, history_url(page.url)));
  View list = View::list();
  for (size_t k = 0; k < versions.size(); ++k) {
    const Version& v = *versions[k];
    list.push(View()
                  .set("date", v.date.display())
                  .set("time", v.time)
                  .set("author", v.author)
                  .set("subject", v.subject)
                  .set("id", v.short_id)
                  .set("url", href(config, version_url(page.url, v)))
                  .set("compare_url", k + 1 < versions.size() ? href(config, compare_url(page.url, v)) : ""));
  }
  h.set("versions", std::move(list)).set("count", std::to_string(versions.size()));
  return h;
}

void render_archive(const ArchiveContext& cx, const Page& page, int index, const FileHistory& history,
                    const RenderedMarkdown& current, Diagnostics& diags) {
  Archive(cx, page, index, history, current, diags).write_all();
}

void render_deleted(const ArchiveContext& cx, const DeletedPage& d, Diagnostics& diags) {
  Page stub;
  stub.source = d.history.path;
  stub.url = d.url;
  stub.title = d.title;
  size_t slash = d.history.path.find('/', 8);
  stub.section = slash == std::string::npos ? "" : d.history.path.substr(8, slash - 8);
  render_archive(cx, stub, -1, d.history, RenderedMarkdown{}, diags);

  const Version& removal = d.history.versions.front();
  View view = base_view(cx.site.config, cx.site.nav, stub.section, d.url, d.title);
  view.set("title", d.title)
      .set("notice", words::deleted_notice(removal.date.display(), removal.short_id, removal.subject))
      .set("history", history_view(cx.site.config, stub, d.history));
  emit(cx.site, d.url, "deleted", std::move(view), diags);
}

std::vector<DeletedPage> deleted_pages(const Repository& repo, const SiteConfig& config, Diagnostics& diags) {
  std::vector<DeletedPage> out;
  for (const FileHistory* h : repo.deleted()) {
    DeletedPage d;
    d.history = *h;
    d.url = url_for_path(h->path);
    d.title = h->path.substr(h->path.rfind('/') + 1);
    // The title the document last had.
    for (const Version& v : h->versions) {
      if (v.deleted) continue;
      Diagnostics scratch;
      std::string why;
      auto bytes = repo.blob(v.blob, &why);
      if (!bytes) diags.error(h->path, 0, 0, msg::version_unreadable(v.blob, v.commit, why));
      if (auto old = load_page(v.path, bytes.value_or(""), config, scratch)) d.title = document_title(*old);
      break;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace congbo

// site_archive.cc: the plan archive. For every page with history: each
// version at its permanent URL (PAGE/phien-ban/<id>/), what changed since the
// version before (…/so-sanh/), the history page with the data the browser
// needs to compare any two versions, and pages for removed documents.
// A version's HTML depends only on its blob and the site's chrome: the
// output is keyed by those, so an unchanged version is linked from the
// previous output, not rendered again.
#include <optional>

#include "diff.h"
#include "document_view.h"
#include "messages.h"
#include "site.h"
#include "text.h"

namespace congbo {
namespace {

std::string history_url(const std::string& page_url) { return page_url + "phien-ban/"; }
std::string version_url(const std::string& page_url, const Version& v) {
  return history_url(page_url) + v.short_id + "/";
}
std::string compare_url(const std::string& page_url, const Version& v) { return version_url(page_url, v) + "so-sanh/"; }

std::vector<const Version*> stored_versions(const FileHistory& h) {
  std::vector<const Version*> out;
  for (const auto& v : h.versions) {
    if (!v.deleted) out.push_back(&v);
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
  return s;
}

// Front matter fields that differ between two versions, in plain words.
std::vector<FieldChange> field_changes(const Page& a, const Page& b) {
  std::vector<FieldChange> out;
  auto add = [&](const char* key, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({msg::field_label(key), x.empty() ? msg::empty_value() : x, y.empty() ? msg::empty_value() : y});
  };
  auto entries = [](const std::vector<RelationEntry>& e) {
    std::vector<std::string> s;
    for (const auto& x : e) s.push_back(x.text);
    return join(s);
  };
  add("title", a.title, b.title);
  add("date", a.date ? a.date->display() : "", b.date ? b.date->display() : "");
  add("number", a.doc.number, b.doc.number);
  add("kind", a.doc.kind, b.doc.kind);
  add("issuer", a.doc.issuer, b.doc.issuer);
  add("place", a.doc.place, b.doc.place);
  add("authority", a.doc.authority, b.doc.authority);
  add("signer_role", a.doc.signer_role, b.doc.signer_role);
  add("signer", a.doc.signer, b.doc.signer);
  add("status", a.doc.status, b.doc.status);
  add("period", a.doc.period, b.doc.period);
  add("fields", join(a.doc.fields), join(b.doc.fields));
  add("recipients", join(a.doc.recipients), join(b.doc.recipients));
  add("based_on", entries(a.doc.based_on), entries(b.doc.based_on));
  add("replaces", entries(a.doc.replaces), entries(b.doc.replaces));
  add("amends", entries(a.doc.amends), entries(b.doc.amends));
  add("description", a.description, b.description);
  return out;
}

}  // namespace

std::string Site::chrome_hash() const {
  std::string nav;
  for (const auto& n : nav_) nav += n.title + '|' + n.url + '|';
  return stable_hash(std::string(CONGBO_VERSION) + '|' + config_text_ + '|' + theme_->fingerprint() + '|' + nav);
}

View Site::history_view(const Page& page) const {
  View h;
  auto versions = stored_versions(page.history);
  h.set("has_history", !versions.empty() || page.uncommitted);
  h.set("uncommitted", page.uncommitted).set("truncated", page.history.truncated);
  if (versions.empty()) return h;
  h.set("updated", versions.front()->date.display()).set("updated_time", versions.front()->time);
  h.set("history_url", href(config_, history_url(page.url)));
  View list = View::list();
  for (size_t k = 0; k < versions.size(); ++k) {
    const Version& v = *versions[k];
    list.push(View()
                  .set("date", v.date.display())
                  .set("time", v.time)
                  .set("author", v.author)
                  .set("subject", v.subject)
                  .set("id", v.short_id)
                  .set("url", href(config_, version_url(page.url, v)))
                  .set("compare_url", k + 1 < versions.size() ? href(config_, compare_url(page.url, v)) : ""));
  }
  h.set("versions", std::move(list)).set("count", std::to_string(versions.size()));
  return h;
}

void Site::render_archive(const Page& page, int cite_from, Output& out, Diagnostics& diags) {
  auto versions = stored_versions(page.history);
  if (versions.empty()) return;
  const std::string& chrome = chrome_;
  const std::string current_url = href(config_, page.url);
  std::string err;
  // Archive output is keyed: unchanged since the last build, it is linked
  // from the previous output without being read, rendered or hashed.
  auto write = [&](const std::string& url, const std::string& key, const std::string& html) {
    if (!out.write_keyed(Output::path_for_url(url), key, html, &err)) diags.error(url, 0, 0, err);
  };
  auto reuse = [&](const std::string& url, const std::string& key) {
    return out.reuse(Output::path_for_url(url), key);
  };

  // Old versions are loaded and rendered only when something not linked
  // needs them. The current version is the page itself, already rendered.
  const bool current_is_committed = !page.uncommitted && !page.history.versions.front().deleted;
  struct Loaded {
    std::optional<Page> own;
    const Page* page = nullptr;  ///< null: its front matter could not be read
    std::string raw;
  };
  std::vector<std::optional<Loaded>> loaded(versions.size());
  auto load = [&](size_t k) -> Loaded& {
    if (loaded[k]) return *loaded[k];
    Loaded& l = loaded[k].emplace();
    if (k == 0 && current_is_committed) {
      l.page = &page;
      return l;
    }
    std::string why;
    if (auto bytes = repo_->blob(versions[k]->blob, &why)) {
      l.raw = std::move(*bytes);
    } else {  // a damaged repository: no archive page is made from nothing
      diags.error(page.source, 0, 0, msg::version_unreadable(versions[k]->blob, versions[k]->commit, why));
    }
    // History never fails the build: an old version's mistakes stay in `scratch`.
    Diagnostics scratch;
    l.own = load_page(versions[k]->path, l.raw, config_, scratch);
    if (l.own) {
      l.own->url = page.url;
      // Rendered as the page is, so the current version and the page agree.
      l.own->rendered = render_markdown(l.own->markdown, markdown_options(*l.own, cite_from), scratch);
      l.page = &*l.own;
    }
    return l;
  };
  auto body_html = [&](size_t k) {
    Loaded& l = load(k);
    return l.page ? l.page->rendered.html : "<pre>" + html_escape(l.raw) + "</pre>\n";
  };
  auto banner = [&](size_t k) {
    const Version& v = *versions[k];
    return View()
        .set("date", v.date.display())
        .set("time", v.time)
        .set("subject", v.subject)
        .set("author", v.author)
        .set("is_current", k == 0 && current_is_committed)
        .set("current_url", current_url)
        .set("history_url", href(config_, history_url(page.url)))
        .set("version_url", href(config_, version_url(page.url, v)))
        .set("compare_url", k + 1 < versions.size() ? href(config_, compare_url(page.url, v)) : "");
  };

  for (size_t k = 0; k < versions.size(); ++k) {
    const Version& v = *versions[k];
    const std::string url = version_url(page.url, v);
    const bool is_current = k == 0 && current_is_committed;
    const std::string key = stable_hash("version|" + v.blob + '|' + url + '|' + current_url + '|' + chrome +
                                        (is_current ? "|current" : "|past") + (k + 1 < versions.size() ? "|prev" : ""));
    if (!reuse(url, key)) {
      Loaded& l = load(k);
      View view;
      std::string layout;
      if (l.page) {
        Relations none;
        none.by_page.resize(1);
        std::vector<Page> alone{*l.page};
        view = page_base(*l.page, alone, 0, none);
        layout = l.page->is_document ? "document" : "page";
      } else {
        view = base_view(config_, nav_, page.section, url, page.title);
        view.set("title", page.title).set("raw", l.raw).set("note", msg::old_version_unreadable());
        layout = "raw_version";
      }
      view.set("canonical", permalink(config_, url)).set("version", banner(k));
      write(url, key, compose(layout, std::move(view), diags));
    }

    if (k + 1 >= versions.size()) continue;
    const Version& prev = *versions[k + 1];
    const std::string curl = compare_url(page.url, v);
    const std::string ckey = stable_hash("compare|" + prev.blob + '|' + v.blob + '|' + curl + '|' + chrome);
    if (reuse(curl, ckey)) continue;
    Loaded& before = load(k + 1);
    Loaded& after = load(k);
    View view = base_view(config_, nav_, page.section, curl, "Thay đổi ngày " + v.date.display() + ": " + page.title);
    view.set("title", after.page ? after.page->title : page.title)
        .set("version", banner(k))
        .set("from_date", prev.date.display())
        .set("from_url", href(config_, version_url(page.url, prev)))
        .set("to_date", v.date.display())
        .set("to_url", href(config_, url))
        .set("subject", v.subject)
        .set("author", v.author);
    View fields = View::list();
    if (before.page && after.page) {
      for (const auto& c : field_changes(*before.page, *after.page)) {
        fields.push(View().set("label", c.label).set("before", c.before).set("after", c.after));
      }
    }
    const std::string a = body_html(k + 1), b = body_html(k);
    WordDiff diff = diff_html(a, b);
    view.set("has_fields", !fields.items().empty()).set("fields", std::move(fields))
        .set("diff", std::move(diff.html))
        .set("inserted", std::to_string(diff.inserted))
        .set("deleted", std::to_string(diff.deleted))
        .set("unchanged_text", diff.inserted == 0 && diff.deleted == 0);
    write(curl, ckey, compose("compare", std::move(view), diags));
  }

  // The history page, and the data for comparing any two versions in the
  // browser (only when there are two to compare).
  const std::string hurl = history_url(page.url);
  const std::string json_url = hurl + "phien-ban.json";
  std::string all_blobs;
  for (const Version* v : versions) all_blobs += v->blob + '|';
  const std::string jkey = stable_hash("json|" + all_blobs + hurl + '|' + chrome);
  if (versions.size() > 1 && !reuse(json_url, jkey)) {
    std::string json = "[";
    for (size_t k = 0; k < versions.size(); ++k) {
      const Version& v = *versions[k];
      json += std::string(k ? "," : "") + "{\"id\":" + json_string(v.short_id) + ",\"date\":" + json_string(v.date.display()) +
              ",\"subject\":" + json_string(v.subject) + ",\"author\":" + json_string(v.author) +
              ",\"url\":" + json_string(href(config_, version_url(page.url, v))) + ",\"html\":" + json_string(body_html(k)) + "}";
    }
    json += "]";
    write(json_url, jkey, json);
  }

  View view = base_view(config_, nav_, page.section, hurl, "Lịch sử phiên bản: " + page.title);
  View timeline = history_view(page);
  timeline.set("standalone", true).set("history_url", "");  // this is the full history
  view.set("title", page.title)
      .set("current_url", current_url)
      .set("history", std::move(timeline))
      .set("data_url", href(config_, hurl + "phien-ban.json"))
      .set("script", href(config_, "/js/so-sanh.js"))
      .set("can_compare", versions.size() > 1);
  emit(out, hurl, "history", std::move(view), diags);
}

void Site::render_deleted(const DeletedPage& d, Output& out, Diagnostics& diags) {
  Page stub;
  stub.source = d.history.path;
  stub.url = d.url;
  stub.title = d.title;
  stub.history = d.history;
  size_t slash = d.history.path.find('/', 8);
  stub.section = slash == std::string::npos ? "" : d.history.path.substr(8, slash - 8);
  render_archive(stub, -1, out, diags);

  const Version& removal = d.history.versions.front();
  View view = base_view(config_, nav_, stub.section, d.url, d.title);
  view.set("title", d.title)
      .set("notice", msg::deleted_notice(removal.date.display(), removal.short_id, removal.subject))
      .set("history", history_view(stub));
  emit(out, d.url, "deleted", std::move(view), diags);
}

void Site::link_history(Diagnostics& diags) {
  if (!repo_) return;
  for (Page& p : pages_) {
    if (const FileHistory* h = repo_->history(p.source)) p.history = *h;
  }
  for (const FileHistory* h : repo_->deleted()) {
    DeletedPage d;
    d.history = *h;
    d.url = url_for_path(h->path);
    d.title = h->path.substr(h->path.rfind('/') + 1);
    // The title the document last had.
    for (const Version& v : h->versions) {
      if (v.deleted) continue;
      Diagnostics scratch;
      std::string why;
      auto bytes = repo_->blob(v.blob, &why);
      if (!bytes) diags.error(h->path, 0, 0, msg::version_unreadable(v.blob, v.commit, why));
      if (auto old = load_page(v.path, bytes.value_or(""), config_, scratch)) {
        d.title = old->title;
        if (old->is_document && !old->doc.number.empty()) d.title = old->doc.number + ": " + old->title;
      }
      break;
    }
    deleted_.push_back(std::move(d));
  }
}

}  // namespace congbo

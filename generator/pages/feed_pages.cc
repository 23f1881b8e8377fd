// feed_pages.cc: the sitemap, the Atom feed, robots.txt.
#include "feed_pages.h"

#include <algorithm>
#include <optional>

#include "archive_pages.h"
#include "history.h"
#include "page_words.h"
#include "record_pages.h"

namespace congbo {
namespace {

void write_text(const FeedContext& cx, const std::string& path, const View& v, Diagnostics& diags) {
  write_file(cx.site, path, cx.site.theme.render(path, v, diags), diags);
}

// The history of a source file, when it has at least one version.
const FileHistory* history_of(const FeedContext& cx, const std::string& source) {
  const FileHistory* h = cx.repo ? cx.repo->history(source) : nullptr;
  return h && !h->versions.empty() ? h : nullptr;
}

View sitemap_url(const FeedContext& cx, const std::string& url, const std::string& lastmod) {
  return View().set("loc", permalink(cx.site.config, url)).set("lastmod", lastmod);
}

// A page's history and its older versions, each as of the commit that made
// it (a version never changes). The newest version's address only sends
// readers to the page itself, so it is not listed.
void push_archive(const FeedContext& cx, const Page& p, const FileHistory& h, View& urls) {
  const std::vector<const Version*> versions = archive_versions(h);
  if (versions.empty()) return;
  if (!history_on_page(p, h)) urls.push(sitemap_url(cx, history_url(p.url), versions.front()->time));
  for (size_t k = 1; k < versions.size(); ++k) {
    urls.push(sitemap_url(cx, version_url(p.url, *versions[k]), versions[k]->time));
  }
}

// Home, every list's first page, every page with its archive, every record
// page; a page's lastmod is its file's last commit (the date it states when
// there is no history): when it last changed, not when it was issued.
void render_sitemap(const FeedContext& cx, Diagnostics& diags) {
  View urls = View::list();
  for (UrlKind kind : {UrlKind::Home, UrlKind::List, UrlKind::Page, UrlKind::Record}) {
    for (const UrlEntry* e : cx.urls.of(kind)) {
      if (e->page < 0) {
        urls.push(sitemap_url(cx, e->url, ""));
        continue;
      }
      const Page& p = cx.site.pages[e->page];
      const FileHistory* h = history_of(cx, p.source);
      urls.push(sitemap_url(cx, e->url, h ? h->versions.front().time : p.date ? p.date->iso() : ""));
      if (h) push_archive(cx, p, *h, urls);
    }
  }
  write_text(cx, "sitemap.xml", View().set("urls", std::move(urls)), diags);
}

struct Entry {
  std::optional<Date> date;  ///< as the document states it
  std::string url, source;   ///< source: its file, for its dates in git
  View view;
};

// Everything that is news, newest first, undated last.
std::vector<Entry> news(const FeedContext& cx) {
  const PageContext& site = cx.site;
  std::vector<Entry> news;
  std::vector<int> all = all_listed(site.sections, site.pages);
  for (size_t i = 0; i < all.size() && i < 20; ++i) {
    const Page& p = site.pages[all[i]];
    news.push_back({p.date, p.url, p.source, list_item_view(p, site.rendered[all[i]], site.config)});
  }
  for (const Decision& d : cx.decisions) {
    View e;
    e.set("title", d.form + ": " + d.title).set("number", d.number).set("summary", words::decision_summary(d.recipients.size()));
    news.push_back({d.date, d.url, d.source, std::move(e)});
  }
  for (const Campaign& c : cx.campaigns) {
    for (const YearResults& y : c.years) {
      if (!y.date) continue;  // results are news when they are announced
      View e;
      e.set("title", words::campaign_year_title(c.name, y.year)).set("summary", c.description);
      news.push_back({y.date, campaign_year_url(c, y.year), c.source, std::move(e)});
    }
  }
  std::stable_sort(news.begin(), news.end(), [](const Entry& a, const Entry& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    return a.date && *a.date > *b.date;
  });
  return news;
}

// When an entry was published and last changed: published is the date the
// document states, else when its file was first committed; updated is its
// file's last commit, else the stated date. Neither: nullopt (never invented).
struct Times { std::string published, updated; };
std::optional<Times> times_of(const FeedContext& cx, const Entry& e) {
  const FileHistory* h = history_of(cx, e.source);
  const std::string stated = e.date ? e.date->rfc3339() : "";
  if (!h && stated.empty()) return std::nullopt;
  return Times{stated.empty() ? h->versions.back().time : stated, h ? h->versions.front().time : stated};
}

// The newest 20 entries, each with the times git and the documents give; an
// entry with neither (undated, no history) is left out: Atom needs a time.
void render_atom(const FeedContext& cx, Diagnostics& diags) {
  const SiteConfig& config = cx.site.config;
  std::vector<Entry> items = news(cx);
  std::string updated;  // the feed's: its newest entry's
  View entries = View::list();
  for (size_t i = 0, shown = 0; i < items.size() && shown < 20; ++i) {
    const std::optional<Times> t = times_of(cx, items[i]);
    if (!t) continue;
    View e = std::move(items[i].view);
    e.set("id", permalink(config, items[i].url))
        .set("link", permalink(config, items[i].url))
        .set("published", t->published)
        .set("updated", t->updated);
    entries.push(std::move(e));
    updated = std::max(updated, t->updated);
    ++shown;
  }
  if (updated.empty()) updated = "2000-01-01T00:00:00+07:00";  // an empty feed
  View feed;
  feed.set("title", config.title)
      .set("subtitle", config.description)
      .set("committee", config.committee.empty() ? config.title : config.committee)
      .set("id", permalink(config, "/"))
      .set("self", permalink(config, "/feed.xml"))
      .set("home", permalink(config, "/"))
      .set("updated", updated)
      .set("entries", std::move(entries));
  write_text(cx, "feed.xml", feed, diags);
}

}  // namespace

void render_feeds(const FeedContext& cx, Diagnostics& diags) {
  render_sitemap(cx, diags);
  render_atom(cx, diags);
  write_text(cx, "robots.txt", View().set("sitemap", permalink(cx.site.config, "/sitemap.xml")), diags);
}

}  // namespace congbo

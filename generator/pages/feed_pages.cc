// feed_pages.cc: the sitemap, the Atom feed, robots.txt.
#include "feed_pages.h"

#include <algorithm>
#include <optional>

#include "page_words.h"
#include "record_pages.h"

namespace congbo {
namespace {

void write_text(const FeedContext& cx, const std::string& path, const View& v, Diagnostics& diags) {
  write_file(cx.site, path, cx.site.theme.render(path, v, diags), diags);
}

// Home, every list's first page, every page, every record page.
void render_sitemap(const FeedContext& cx, Diagnostics& diags) {
  View urls = View::list();
  for (UrlKind kind : {UrlKind::Home, UrlKind::List, UrlKind::Page, UrlKind::Record}) {
    for (const UrlEntry* e : cx.urls.of(kind)) {
      View u = View().set("loc", permalink(cx.site.config, e->url));
      if (e->page >= 0) u.set("lastmod", cx.site.pages[e->page].date ? cx.site.pages[e->page].date->iso() : "");
      urls.push(std::move(u));
    }
  }
  write_text(cx, "sitemap.xml", View().set("urls", std::move(urls)), diags);
}

struct Entry {
  std::optional<Date> date;
  std::string url;
  View view;
};

// Everything that is news, newest first, undated last.
std::vector<Entry> news(const FeedContext& cx) {
  const PageContext& site = cx.site;
  std::vector<Entry> news;
  std::vector<int> all = all_listed(site.sections, site.pages);
  for (size_t i = 0; i < all.size() && i < 20; ++i) {
    const Page& p = site.pages[all[i]];
    news.push_back({p.date, p.url, list_item_view(p, site.rendered[all[i]], site.config)});
  }
  for (const Decision& d : cx.decisions) {
    View e;
    e.set("title", d.form + ": " + d.title).set("number", d.number).set("summary", words::decision_summary(d.recipients.size()));
    news.push_back({d.date, d.url, std::move(e)});
  }
  for (const Campaign& c : cx.campaigns) {
    for (const YearResults& y : c.years) {
      if (!y.date) continue;  // results are news when they are announced
      View e;
      e.set("title", words::campaign_year_title(c.name, y.year)).set("summary", c.description);
      news.push_back({y.date, campaign_year_url(c, y.year), std::move(e)});
    }
  }
  std::stable_sort(news.begin(), news.end(), [](const Entry& a, const Entry& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    return a.date && *a.date > *b.date;
  });
  return news;
}

// The newest 20 entries. Atom needs a time on every entry; an undated one
// takes the newest date the site knows rather than an invented one.
void render_atom(const FeedContext& cx, Diagnostics& diags) {
  const SiteConfig& config = cx.site.config;
  std::vector<Entry> items = news(cx);
  std::string updated = "2000-01-01T00:00:00+07:00";
  if (!items.empty() && items[0].date) updated = items[0].date->rfc3339();
  View entries = View::list();
  for (size_t i = 0; i < items.size() && i < 20; ++i) {
    View e = std::move(items[i].view);
    e.set("id", permalink(config, items[i].url))
        .set("link", permalink(config, items[i].url))
        .set("updated", items[i].date ? items[i].date->rfc3339() : updated);
    entries.push(std::move(e));
  }
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

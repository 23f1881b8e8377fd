// views.cc: Page and SiteConfig → View.
#include "views.h"

#include "page_words.h"
#include "text.h"

namespace congbo {

std::string href(const SiteConfig& config, const std::string& url) {
  return config.base_path() + (starts_with(url, "/") ? url.substr(1) : url);
}

std::string permalink(const SiteConfig& config, const std::string& url) {
  return config.origin() + href(config, url);
}

View base_view(const SiteConfig& config, const std::vector<NavItem>& nav,
               const std::string& current_section, const std::string& url,
               const std::string& page_title) {
  View site;
  site.set("title", config.title)
      .set("description", config.description)
      .set("committee", config.committee)
      .set("lang", config.language)
      .set("home", href(config, "/"))
      .set("base", config.base_path());
  View items = View::list();
  for (const auto& n : nav) {
    View item;
    item.set("title", n.title).set("url", href(config, n.url));
    item.set("current", n.section == current_section && !current_section.empty());
    items.push(std::move(item));
  }
  View v;
  v.set("has_nav", !nav.empty());
  v.set("site", std::move(site))
      .set("nav", std::move(items))
      .set("css", href(config, "/css/congbo.css"))
      .set("canonical", permalink(config, url))
      .set("feed_url", href(config, "/feed.xml"))
      .set("search_url", href(config, "/tim-kiem/"))
      // A signed site: every page links to its own check (verify_page.h).
      .set("verify_url", config.public_key.empty() ? "" : href(config, "/xac-minh/") + "?trang=" + href(config, url))
      .set("page_title", page_title == config.title ? page_title : page_title + " – " + config.title);
  return v;
}

View page_view(const Page& page, const RenderedMarkdown& body, const SiteConfig& config) {
  View v;
  v.set("title", page.title)
      .set("description", page.description.empty() ? body.summary : page.description)
      .set("url", href(config, page.url))
      .set("date", page.date ? page.date->display() : "")
      .set("date_iso", page.date ? page.date->iso() : "")
      .set("unknown_date", words::unknown_date())
      .set("content", body.html);
  // A contents list helps on long documents; short ones do not need it.
  View toc = View::list();
  int count = 0;
  for (const auto& h : body.headings) {
    if (h.level > 3) continue;
    ++count;
    toc.push(View().set("id", h.id).set("text", h.text).set("sub", h.level == 3));
  }
  v.set("has_toc", count >= 3).set("toc", std::move(toc));
  v.set("is_document", page.is_document);
  return v;
}

View list_item_view(const Page& page, const RenderedMarkdown& body, const SiteConfig& config) {
  View v;
  v.set("title", page.title)
      .set("url", href(config, page.url))
      .set("date", page.date ? page.date->display() : words::unknown_date())
      .set("date_iso", page.date ? page.date->iso() : "")
      .set("summary", page.description.empty() ? body.summary : page.description);
  if (page.is_document) {
    v.set("number", page.doc.number)
        .set("kind_name", config.kind_label(page.doc.kind))
        .set("issuer_name", config.issuer_label(page.doc.issuer));
  }
  return v;
}

}  // namespace congbo

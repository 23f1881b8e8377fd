// list_pages.cc: listings, browse indexes, cited documents, the home page.
#include "list_pages.h"

#include <algorithm>

#include "document_view.h"
#include "page_words.h"
#include "sections.h"

namespace congbo {
namespace {

// The first and last pages and two either side of this one, with gaps
// between: a thousand numbers on each of a thousand pages would make the
// lists quadratic in size and no easier to use.
View pager_view(const SiteConfig& config, const Listing& l, int n, int total) {
  View pages = View::list();
  int shown = 0;
  for (int k = 1; k <= total; ++k) {
    if (k != 1 && k != total && std::abs(k - n) > 2) continue;
    if (k > shown + 1) pages.push(View().set("gap", true));
    pages.push(View().set("number", std::to_string(k)).set("url", href(config, list_url(l.url, k))).set("current", k == n));
    shown = k;
  }
  View pager;
  pager.set("pages", std::move(pages))
      .set("prev", n > 1 ? href(config, list_url(l.url, n - 1)) : "")
      .set("next", n < total ? href(config, list_url(l.url, n + 1)) : "")
      .set("current", std::to_string(n))
      .set("total", std::to_string(total));
  return pager;
}

void set_facets(const ListContext& cx, const Listing& l, View& v) {
  const SiteConfig& config = cx.site.config;
  View facets = View::list();
  bool any = false;
  for (const Facet& f : cx.facets) {
    if (f.section != l.section || f.listings.empty()) continue;
    facets.push(View().set("title", f.section == kDocumentsSection ? words::facet_short(f.key) : f.title).set("url", href(config, f.url)));
    any = true;
  }
  v.set("show_facets", any).set("facets", std::move(facets));
  if (l.section == kDocumentsSection && !cx.relations.external.empty()) v.set("cited_url", href(config, BrowseUrls::cited()));
  if (l.section == kDocumentsSection) v.set("on_date_url", href(config, "/van-ban/ngay/"));
}

}  // namespace

std::string list_url(const std::string& first, int page) {
  return page == 1 ? first : first + "trang/" + std::to_string(page) + "/";
}

void render_listing(const ListContext& cx, const Listing& l, Diagnostics& diags) {
  const SiteConfig& config = cx.site.config;
  const int per = config.paginate;
  const int total = list_page_count(l, per);
  for (int n = 1; n <= total; ++n) {
    std::string url = list_url(l.url, n);
    View v = base_view(config, cx.site.nav, l.section, url, n == 1 ? l.title : words::page_title_numbered(l.title, n));
    v.set("title", l.title);
    if (l.intro_page >= 0 && n == 1) v.set("intro", cx.site.rendered[l.intro_page].html);
    if (!l.parent_url.empty()) v.set("parent_title", l.parent_title).set("parent_url", href(config, l.parent_url));
    if (l.show_facets) set_facets(cx, l, v);
    View items = View::list();
    for (int i = (n - 1) * per; i < std::min<int>(n * per, static_cast<int>(l.pages.size())); ++i) {
      items.push(list_item_view(cx.site.pages[l.pages[i]], cx.site.rendered[l.pages[i]], config));
    }
    v.set("items", std::move(items)).set("count", std::to_string(l.pages.size()));
    if (total > 1) v.set("pager", pager_view(config, l, n, total));
    emit(cx.site, url, "list", std::move(v), diags);
  }
}

void render_facet(const ListContext& cx, const Facet& f, Diagnostics& diags) {
  const SiteConfig& config = cx.site.config;
  View v = base_view(config, cx.site.nav, f.section, f.url, f.title);
  const Section* s = cx.site.section(f.section);
  v.set("title", f.title)
      .set("parent_title", s ? s->title : words::default_section_title(f.section))
      .set("parent_url", href(config, "/" + f.section + "/"))
      .set("noun", words::text(f.section == kDocumentsSection ? "list.noun_documents" : "list.noun_models"));
  View values = View::list();
  for (int i : f.listings) {
    const Listing& l = cx.listings[i];
    values.push(View().set("title", l.title).set("url", href(config, l.url)).set("count", std::to_string(l.pages.size())));
  }
  v.set("has_values", !f.listings.empty()).set("values", std::move(values));
  emit(cx.site, f.url, "browse", std::move(v), diags);
}

void render_cited(const ListContext& cx, Diagnostics& diags) {
  const SiteConfig& config = cx.site.config;
  const std::string url = BrowseUrls::cited();
  View v = base_view(config, cx.site.nav, kDocumentsSection, url, words::cited_title());
  v.set("title", words::cited_title())
      .set("parent_title", words::default_section_title(kDocumentsSection))
      .set("parent_url", href(config, std::string("/") + kDocumentsSection + "/"));
  std::vector<const ExternalDocument*> sorted;
  for (const auto& e : cx.relations.external) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const ExternalDocument* a, const ExternalDocument* b) {
    return a->cited_by.size() > b->cited_by.size();  // the most cited first
  });
  View docs = View::list();
  for (const ExternalDocument* e : sorted) {
    View citers = View::list();
    for (int i : e->cited_by) {
      const Page& p = cx.site.pages[i];
      citers.push(View().set("number", p.doc.number).set("title", p.title).set("url", href(config, p.url)));
    }
    docs.push(View()
                  .set("anchor", e->anchor)
                  .set("number", e->name.find(e->number) == std::string::npos ? e->number : "")  // said once
                  .set("name", external_name(*e, config))
                  .set("read_url", e->url)
                  .set("kind_name", external_kind_name(*e, config))
                  .set("date", e->date ? e->date->display() : "")
                  .set("count", std::to_string(e->cited_by.size()))
                  .set("cited_by", std::move(citers)));
  }
  v.set("docs", std::move(docs)).set("count", std::to_string(sorted.size()));
  emit(cx.site, url, "cited", std::move(v), diags);
}

void render_home(const PageContext& cx, int home_index, Diagnostics& diags) {
  const SiteConfig& config = cx.config;
  View v = base_view(config, cx.nav, "", "/", config.title);
  v.set("title", home_index >= 0 ? cx.pages[home_index].title : config.title);
  if (home_index >= 0) v.set("intro", cx.rendered[home_index].html);
  std::vector<int> all = all_listed(cx.sections, cx.pages);
  View latest = View::list();
  for (size_t i = 0; i < all.size() && i < 10; ++i) latest.push(list_item_view(cx.pages[all[i]], cx.rendered[all[i]], config));
  v.set("latest", std::move(latest));
  View sections = View::list();
  for (const Section& s : cx.sections) {
    View item;
    item.set("title", s.title).set("url", href(config, s.url)).set("count", std::to_string(s.count));
    if (s.index_page >= 0) item.set("summary", cx.rendered[s.index_page].summary);
    sections.push(std::move(item));
  }
  v.set("has_sections", !cx.sections.empty()).set("sections", std::move(sections));
  emit(cx, "/", "home", std::move(v), diags);
}

}  // namespace congbo

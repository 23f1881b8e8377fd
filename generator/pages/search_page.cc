// search_page.cc: search documents, the index files, /tim-kiem/.
#include "search_page.h"

#include <mutex>

#include "markdown.h"
#include "page_words.h"
#include "record_pages.h"
#include "text.h"

namespace congbo {

std::vector<SearchDocument> search_documents(const PageContext& cx, const Records& records,
                                             std::vector<RenderedMarkdown>& rendered,
                                             const std::vector<std::string>& statuses,
                                             const std::vector<std::string>& originals) {
  std::vector<SearchDocument> docs;
  for (size_t i = 0; i < cx.pages.size(); ++i) {
    const Page& p = cx.pages[i];
    if (p.is_index) continue;
    SearchDocument d;
    d.url = href(cx.config, p.url);
    d.title = markdown_inline_plain(p.title);
    d.date = p.date;
    d.text = std::move(rendered[i].plain);
    d.section = p.section;
    const Section* s = cx.section(p.section);
    d.section_title = s ? s->title : words::other_pages();
    if (p.is_model) d.facts = model_facts(records, p);
    if (p.is_document) {
      d.number = p.doc.number;
      d.kind = p.doc.kind;
      d.kind_name = cx.config.kind_label(p.doc.kind);
      d.issuer = p.doc.issuer;
      d.issuer_name = cx.config.issuer_label(p.doc.issuer);
      if (i < statuses.size()) d.status = statuses[i];
      if (i < originals.size()) d.original = originals[i];
    }
    docs.push_back(std::move(d));
  }
  add_record_search(cx, records, docs);
  return docs;
}

void render_search(const PageContext& cx, const std::vector<Facet>& facets, std::vector<SearchDocument> docs,
                   const std::string& binary, int jobs, Diagnostics& diags) {
  Output& out = cx.out;
  const std::string key = stable_hash(binary + search_key(docs));
  if (!out.reuse_all(search_dir(key), key) || !out.reuse("search/manifest.json", key)) {
    std::mutex failed;
    // A document's file is linked from the last build when it holds the
    // same (after one edit, every document's but that one).
    build_search_index(
        docs, key,
        [&](SearchFile f) {
          std::string err;
          if (f.content_key.empty() ? out.write_keyed(f.path, key, f.data, &err)
                                    : out.write_content(f.path, f.content_key, f.data, &err)) {
            return;
          }
          std::lock_guard<std::mutex> lock(failed);
          diags.error(f.path, 0, 0, err);
        },
        [&](const std::string& path, const std::string& content_key) { return out.reuse_content(path, content_key); },
        jobs);
  }
  View v = base_view(cx.config, cx.nav, "", "/tim-kiem/", words::search_title());
  v.set("title", words::search_title())
      .set("manifest", href(cx.config, "/search/manifest.json"))
      // The client reads the index's format: a browser must not keep an older
      // copy of it past a new build (the chrome's hash covers the theme and congbo).
      .set("script", href(cx.config, "/js/tim-kiem.js") + "?v=" + cx.chrome.substr(0, 12))
      .set("browse_url", href(cx.config, "/van-ban/"));
  View list = View::list();
  for (const Facet& f : facets) list.push(View().set("title", f.title).set("url", href(cx.config, f.url)));
  v.set("facets", std::move(list));
  emit(cx, "/tim-kiem/", "search", std::move(v), diags);
}

}  // namespace congbo

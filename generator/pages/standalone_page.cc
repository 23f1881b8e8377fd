// standalone_page.cc: a page alone, in its layouts.
#include "standalone_page.h"

#include "document_view.h"
#include "views.h"

namespace congbo {

std::string standalone_page(const Page& page, const SiteConfig& config, const Theme& theme, Diagnostics& diags) {
  MarkdownOptions opts{config.base_path(), page.source, page.body_line, nullptr};
  const RenderedMarkdown body = render_markdown(page.markdown, opts, diags);
  View v = base_view(config, {}, page.section, page.url, document_title(page));
  const View own = page_view(page, body, config);
  for (const auto& [k, m] : own.members()) v.set(k, m);
  std::string layout = "page";
  if (page.is_document) {
    Relations none;
    none.by_page.resize(1);
    v.set("doc", document_view({page}, 0, none, config));
    layout = "document";
  }
  return theme.render_page(layout, v, diags);
}

}  // namespace congbo

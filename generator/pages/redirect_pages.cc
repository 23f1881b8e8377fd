// redirect_pages.cc: old addresses of renamed files.
#include "redirect_pages.h"

#include <set>

#include "archive_pages.h"
#include "page_words.h"

namespace congbo {

std::vector<Redirect> page_redirects(const Page& page, const FileHistory& history) {
  std::vector<Redirect> out;
  std::set<std::string> seen{page.url};
  std::vector<const Version*> versions;
  for (const Version& v : history.versions) {
    if (!v.deleted) versions.push_back(&v);
  }
  for (const Version* named : versions) {
    const std::string old = url_for_path(named->path);
    if (!seen.insert(old).second) continue;
    out.push_back({old, page.url, page.source});
    out.push_back({history_url(old), history_url(page.url), page.source});
    // The archive's addresses were made under the page's address of the day:
    // every version and comparison could have been published under it.
    for (size_t k = 0; k < versions.size(); ++k) {
      out.push_back({version_url(old, *versions[k]), version_url(page.url, *versions[k]), page.source});
      if (k + 1 < versions.size()) out.push_back({compare_url(old, *versions[k]), compare_url(page.url, *versions[k]), page.source});
    }
  }
  return out;
}

void render_redirects(const PageContext& cx, const std::vector<Redirect>& redirects, Diagnostics& diags) {
  std::string netlify, nginx;
  for (const Redirect& r : redirects) {
    const std::string from = href(cx.config, r.from), to = href(cx.config, r.to);
    View v = base_view(cx.config, cx.nav, "", r.from, words::text("redirect.title"));
    v.set("to", to).set("canonical", permalink(cx.config, r.to)).set("notice", words::text("redirect.notice"));
    write_file(cx, Output::path_for_url(r.from), cx.theme.render("redirect", v, diags), diags);
    netlify += from + " " + to + " 301\n";
    nginx += "\"" + from + "\" \"" + to + "\";\n";
  }
  write_file(cx, "_redirects", netlify, diags);
  write_file(cx, "_redirects.nginx", "# map $uri $congbo_moved { include _redirects.nginx; }  (README: Publishing)\n" + nginx, diags);
}

}  // namespace congbo

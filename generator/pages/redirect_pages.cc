// redirect_pages.cc: old addresses of renamed files.
#include "redirect_pages.h"

#include <fstream>
#include <set>

#include "archive_pages.h"
#include "page_words.h"

namespace congbo {

VersionUrls::VersionUrls(BlobReader read, std::filesystem::path memo_file) : read_(std::move(read)), file_(std::move(memo_file)) {
  if (file_.empty()) return;
  std::ifstream in(file_);
  std::string blob, url;
  while (in >> blob >> url) known_[blob] = url;
}

std::string VersionUrls::of(const Version& v) {
  auto it = known_.find(v.blob);
  if (it != known_.end()) return it->second;
  auto bytes = read_(v.blob);
  if (!bytes) return url_for_path(v.path);  // not remembered: read again next time
  // Most files never had a slug: no front matter to read for those.
  learnt_ = true;
  return known_[v.blob] = bytes->find("slug") != std::string::npos ? url_for_file(v.path, *bytes) : url_for_path(v.path);
}

void VersionUrls::save() const {
  if (file_.empty() || !learnt_) return;
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  const auto tmp = file_.string() + ".tmp";
  {
    std::ofstream out(tmp);
    for (const auto& [blob, url] : known_) out << blob << ' ' << url << '\n';
  }
  std::filesystem::rename(tmp, file_, ec);
}

std::vector<Redirect> page_redirects(const Page& page, const FileHistory& history, VersionUrls& urls) {
  std::vector<Redirect> out;
  const auto moves = moves_only(history);
  auto kept = [&](const Version* v) -> const Version* {
    for (const auto& [moved, text] : moves) {
      if (moved == v) return text;
    }
    return nullptr;
  };
  // A commit that only moved the file is not a version: its addresses show the version whose text it kept.
  for (const auto& [moved, text] : moves) {
    out.push_back({version_url(page.url, *moved), version_url(page.url, *text), page.source});
    out.push_back({compare_url(page.url, *moved), version_url(page.url, *text), page.source});
  }
  const std::vector<const Version*> shown = archive_versions(history);
  std::vector<const Version*> all;
  for (const Version& v : history.versions) {
    if (!v.deleted) all.push_back(&v);
  }
  // The address each version was published at: its path's, or its slug's.
  // The committed file is the page itself: its own needs no reading.
  const Version* committed = !page.uncommitted && !history.versions.empty() && !history.versions.front().deleted
                                 ? &history.versions.front() : nullptr;
  auto url_of = [&](const Version& v) { return committed && v.blob == committed->blob ? page.url : urls.of(v); };
  std::set<std::string> seen{page.url};
  for (const Version* named : all) {
    const std::string old = url_of(*named);
    if (!seen.insert(old).second) continue;
    out.push_back({old, page.url, page.source});
    out.push_back({history_url(old), history_url(page.url), page.source});
    // The archive's addresses were made under the page's address of the day:
    // every version and comparison could have been published under it.
    for (size_t k = 0; k < all.size(); ++k) {
      const Version* v = kept(all[k]) ? kept(all[k]) : all[k];
      out.push_back({version_url(old, *all[k]), version_url(page.url, *v), page.source});
      if (k + 1 >= all.size()) continue;
      const bool compared = !kept(all[k]) && shown.back() != all[k];
      out.push_back({compare_url(old, *all[k]), compared ? compare_url(page.url, *v) : version_url(page.url, *v), page.source});
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

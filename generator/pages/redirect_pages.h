// redirect_pages.h: addresses are permanent. A file renamed (git mv) leaves
// its old address, and the old addresses of its archive (history, each
// version, each comparison), answered by a page that sends the reader to the
// new one — a meta refresh, a canonical link and a visible link for readers
// without it — and listed in two maps web servers load: _redirects (Netlify,
// Cloudflare Pages and the like) and _redirects.nginx (an nginx `map`).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "history.h"
#include "page.h"
#include "page_context.h"

namespace congbo {

struct Redirect {
  std::string from, to;  ///< without the base path
  std::string owner;     ///< the file whose old address it is
};

/// A version's bytes by blob id (nullopt when it cannot be read).
using BlobReader = std::function<std::optional<std::string>(const std::string& blob)>;

/// The address each version of a file was published at — its slug's, or
/// its path's — read from its bytes once and remembered in `memo_file`
/// (blob id and address, a line each; empty path: not kept), so a rebuild
/// reads no old version for it (on 10,000 documents reading them was 0.6 s).
class VersionUrls {
 public:
  VersionUrls(BlobReader read, std::filesystem::path memo_file);
  std::string of(const Version& v);
  void save() const;  ///< when anything was learnt; a failure only costs the next build the reading

 private:
  BlobReader read_;
  std::filesystem::path file_;
  std::map<std::string, std::string> known_;
  bool learnt_ = false;
};

/// Every address `page` had under an earlier name or slug, each with where it is now.
std::vector<Redirect> page_redirects(const Page& page, const FileHistory& history, VersionUrls& urls);

/// Each redirect's page, and the two maps (always written, empty without renames).
void render_redirects(const PageContext& cx, const std::vector<Redirect>& redirects, Diagnostics& diags);

}  // namespace congbo

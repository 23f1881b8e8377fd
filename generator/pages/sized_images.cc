// sized_images.cc: see sized_images.h.
#include "sized_images.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "image_resize.h"
#include "images.h"
#include "messages.h"
#include "signing.h"
#include "text.h"
#include "views.h"
#include "workers.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr int kWidths[] = {480, 960, 1600};
constexpr int kShown = 960;  ///< the copy src names: sharp in the reading column

std::string format_of(const std::string& path) {
  const std::string p = to_lower(path);
  if (ends_with(p, ".jpg") || ends_with(p, ".jpeg")) return "jpg";
  if (ends_with(p, ".png")) return "png";
  if (ends_with(p, ".webp")) return "webp";
  return "";
}

// One copy: from the cache ("<hash>-<width>.<ext>" beside "….size" with
// "W H"), else made and kept there.
std::optional<ResizedImage> copy_of(const std::string& bytes, const std::string& hash, int width, const std::string& fmt,
                                    const fs::path& dir) {
  const fs::path file = dir / (hash + "-" + std::to_string(width) + "." + fmt), size = file.string() + ".size";
  if (auto kept = file_bytes(file)) {
    if (auto dims = file_bytes(size)) {
      ResizedImage r;
      r.bytes = std::move(*kept);
      if (std::sscanf(dims->c_str(), "%d %d", &r.width, &r.height) == 2) return r;
    }
  }
  auto made = resize_image(bytes, width, fmt);
  if (!made) return std::nullopt;
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream(file, std::ios::binary) << made->bytes;
  std::ofstream(size) << made->width << " " << made->height;
  return made;
}

struct Wanted {
  std::string path;                 ///< static file
  std::string page_source;          ///< the first page showing it, for a warning
  int line = 0, col = 0;
};

// Every photo the pages show, once, with where it is first shown.
std::vector<Wanted> wanted_photos(const std::vector<Page>& pages, const SourceTree& source) {
  std::vector<Wanted> out;
  std::set<std::string> seen;
  auto want = [&](const Page& p, const std::string& src, int line, int col) {
    auto path = image_file(p.url, src);
    if (!path || path->empty() || format_of(*path).empty() || !source.exists("static/" + *path)) return;
    if (seen.insert(*path).second) out.push_back({*path, p.source, line, col});
  };
  for (const Page& p : pages) {
    for (const ModelImage& img : p.model.images) want(p, img.src, img.line, img.col);
    for (const MarkdownImage& img : p.images) want(p, img.src, img.line, img.col);
  }
  return out;
}

// The copies of one photo, written to the output; nullopt when unreadable.
std::optional<SizedImage> size_one(const Wanted& w, const SourceTree& source, const SiteConfig& config, Output* out,
                                   const fs::path& dir, std::string* err) {
  auto bytes = source.read("static/" + w.path);
  if (!bytes) return std::nullopt;
  const std::string fmt = format_of(w.path), hash = sha256_hex(*bytes).substr(0, 16);
  SizedImage s;
  int widest = 0;
  for (int width : kWidths) {
    auto copy = copy_of(*bytes, hash, width, fmt, dir);
    if (!copy) return std::nullopt;
    if (copy->width <= widest) break;  // the photo is narrower than this: no larger copy
    widest = copy->width;
    const std::string url = "/_anh/" + hash + "-" + std::to_string(width) + "." + fmt;
    const std::string key = "anh|" + hash + "|" + std::to_string(width);
    if (out && !out->reuse_content(Output::path_for_url(url), key) &&
        !out->write_content(Output::path_for_url(url), key, copy->bytes, err)) {
      return std::nullopt;
    }
    s.srcset += (s.srcset.empty() ? "" : ", ") + href(config, url) + " " + std::to_string(copy->width) + "w";
    if (s.src.empty() || width <= kShown) {
      s.src = href(config, url);
      s.width = copy->width;
      s.height = copy->height;
    }
  }
  return s;
}

}  // namespace

SizedImages size_images(const std::vector<Page>& pages, const SourceTree& source, const SiteConfig& config, Output* out,
                        const fs::path& cache_dir, int jobs, Diagnostics& diags) {
  const std::vector<Wanted> photos = wanted_photos(pages, source);
  SizedImages sized;
  std::mutex mu;
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < photos.size();) {
      std::string err;
      auto s = size_one(photos[i], source, config, out, cache_dir / "anh", &err);
      std::lock_guard<std::mutex> lock(mu);
      if (s) {
        sized[photos[i].path] = std::move(*s);
      } else {
        diags.warning(photos[i].page_source, photos[i].line, photos[i].col,
                      err.empty() ? msg::image_unreadable(photos[i].path) : err);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers(jobs, photos.size()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return sized;
}

void show_sized(std::vector<Page>& pages, const SizedImages& sized) {
  for (Page& p : pages) {
    for (ModelImage& img : p.model.images) {
      auto path = image_file(p.url, img.src);
      auto it = path ? sized.find(*path) : sized.end();
      if (it == sized.end()) continue;
      img.sized_src = it->second.src;
      img.srcset = it->second.srcset;
      img.width = it->second.width;
      img.height = it->second.height;
    }
  }
}

std::string with_image_sizes(const std::string& html, const std::string& page_url, const SiteConfig& config,
                             const SizedImages& sized) {
  if (sized.empty()) return html;
  static const std::string open = "<img src=\"";
  const std::string base = config.base_path();
  std::string out;
  size_t from = 0;
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, from)) {
    const size_t start = at + open.size(), stop = html.find('"', start);
    if (stop == std::string::npos) break;
    std::string src = html.substr(start, stop - start);
    if (base != "/" && starts_with(src, base)) src = src.substr(base.size() - 1);  // as the writer wrote it
    auto path = image_file(page_url, src);
    auto it = path ? sized.find(*path) : sized.end();
    out.append(html, from, at - from);
    if (it == sized.end()) {
      out.append(html, at, stop - at);
    } else {
      const SizedImage& s = it->second;
      out += open + s.src + "\" srcset=\"" + s.srcset + "\" sizes=\"(max-width: 44rem) 100vw, 44rem\" width=\"" +
             std::to_string(s.width) + "\" height=\"" + std::to_string(s.height);
    }
    from = stop;
  }
  out.append(html, from, std::string::npos);
  return out;
}

}  // namespace congbo

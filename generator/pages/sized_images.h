// sized_images.h: photos published at the size a reader needs. For each
// JPEG, PNG or WebP of static/ that a page shows (a model's photos, an image
// in a body), copies 480, 960 and 1600 px wide (never wider than the photo)
// are made once per file hash (image_resize.h), kept in the cache folder, and
// written to /_anh/<hash>-<width>.<ext>; the page's <img> gets the copies as
// srcset, the 960 px one as src, and its width and height, so a phone loads
// tens of kilobytes instead of a 5 MB photo and the page does not jump. The
// photo as sent stays published at its own address.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "config.h"
#include "diagnostic.h"
#include "output.h"
#include "page.h"
#include "source_tree.h"

namespace congbo {

struct SizedImage {
  int width = 0, height = 0;  ///< of the copy `src` names
  std::string src;            ///< its address, with the base path
  std::string srcset;         ///< "/_anh/…-480.jpg 480w, /_anh/…-960.jpg 960w"
};

/// By the static file's path ("anh/den.jpg").
using SizedImages = std::map<std::string, SizedImage>;

/// The copies of every photo `pages` show, made (or found in
/// `cache_dir`/anh/) and written to `out` (none: check, which only reads
/// them). A file libvips cannot read is left as it is, with a warning at
/// the page that shows it.
SizedImages size_images(const std::vector<Page>& pages, const SourceTree& source, const SiteConfig& config, Output* out,
                        const std::filesystem::path& cache_dir, int jobs, Diagnostics& diags);

/// Each model's photos given their copies (ModelImage's sized fields).
void show_sized(std::vector<Page>& pages, const SizedImages& sized);

/// `html` of the page at `page_url` with each <img src="…"> that shows a
/// sized photo given its copies: src, srcset, sizes, width and height.
std::string with_image_sizes(const std::string& html, const std::string& page_url, const SiteConfig& config,
                             const SizedImages& sized);

}  // namespace congbo

// images.cc: see images.h.
#include "images.h"

#include <cctype>

#include "messages.h"
#include "text.h"

namespace congbo {
namespace {

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void check_one(const std::string& page_url, const std::string& src, const std::string& file, int line, int col,
               const SourceTree& source, const std::map<std::string, std::string>& theme_static,
               Diagnostics& diags) {
  auto path = image_file(page_url, src);
  if (!path) {
    diags.error(file, line, col, msg::image_outside(src));
  } else if (!path->empty() && !source.exists("static/" + *path) && !theme_static.count(*path)) {
    diags.error(file, line, col, msg::image_missing(src));
  }
}

}  // namespace

std::optional<std::string> image_file(const std::string& page_url, const std::string& src) {
  for (const char* other : {"http://", "https://", "//", "data:"}) {
    if (starts_with(src, other)) return std::string();
  }
  std::string path = src.substr(0, src.find_first_of("?#"));
  path = percent_decoded(path);
  // link_target resolves against the folder of its first argument.
  const std::string from = starts_with(path, "/") ? "x" : page_url.substr(1) + "x";
  auto resolved = link_target(from, starts_with(path, "/") ? path.substr(1) : path);
  if (!resolved || path.find('\0') != std::string::npos) return std::nullopt;
  return resolved;
}

void check_images(const std::vector<Page>& pages, const SourceTree& source,
                  const std::map<std::string, std::string>& theme_static, Diagnostics& diags) {
  for (const Page& p : pages) {
    for (const ModelImage& img : p.model.images) {
      check_one(p.url, img.src, p.source, img.line, img.col, source, theme_static, diags);
    }
    for (const MarkdownImage& img : p.images) {
      check_one(p.url, img.src, p.source, img.line, img.col, source, theme_static, diags);
    }
  }
}

}  // namespace congbo

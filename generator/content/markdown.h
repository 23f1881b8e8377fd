// markdown.h: Markdown → safe HTML through cmark-gfm (the only user of cmark).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "doc_number.h"

namespace congbo {

struct Heading {
  int level = 2;
  std::string text;  ///< plain text of the heading
  std::string id;    ///< stable anchor: slug of the text, "-2", "-3"… when repeated
};

struct MarkdownOptions {
  std::string base_path = "/";  ///< prefixed to root-relative links ("/van-ban/" → "/sub/van-ban/")
  std::string path;             ///< source file, for diagnostics
  int first_line = 1;           ///< file line of the Markdown's first line
  /// For each document number cited in the text: the URL to link it to, or
  /// "" to leave it as plain text. Unset: no citation links.
  std::function<std::string(const Citation&)> cite_url;
};

struct RenderedMarkdown {
  std::string html;
  std::vector<Heading> headings;
  std::string summary;  ///< plain text of the first paragraph, shortened
  std::string plain;    ///< all the text, blocks separated by newlines (for search)
};

/// Renders GFM (tables, strikethrough, autolinks, task lists, footnotes).
/// Raw HTML is shown as text except <sup>, <sub> and <br>; unsafe link
/// schemes are dropped. Both are reported as warnings. Cited document numbers
/// become links where `options.cite_url` gives a URL.
RenderedMarkdown render_markdown(std::string_view markdown, const MarkdownOptions& options,
                                 Diagnostics& diags);

/// A line of inline Markdown (a title) as the plain text it shows:
/// "Một “*tấm gương sống*”" → "Một “tấm gương sống”".
std::string markdown_inline_plain(std::string_view line);

/// An image written in Markdown: ![alt](src).
struct MarkdownImage {
  std::string src, alt;
  int line = 0, col = 0;  ///< in the file, counting from `first_line`
};
/// Every image in `markdown`, for checks made before rendering (alt text).
std::vector<MarkdownImage> find_images(std::string_view markdown, int first_line);

}  // namespace congbo

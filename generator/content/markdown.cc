// markdown.cc: cmark-gfm parse, a sanitising walk over the tree, HTML render.
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <regex>

#include "messages.h"
#include "text.h"

namespace congbo {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

const int kOptions = CMARK_OPT_FOOTNOTES;  // not CMARK_OPT_UNSAFE: raw HTML stays out

// The only raw HTML a writer may use, in its normalised form.
std::string allowed_tag(std::string_view literal) {
  static const std::regex re(R"(^<\s*(/?)\s*(sup|sub|br)\s*(/?)\s*>$)", std::regex::icase);
  std::string s(literal);
  std::smatch m;
  if (!std::regex_match(s, m, re)) return "";
  std::string name = m[2].str();
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name == "br") return m[1].length() ? "" : "<br />";
  return "<" + m[1].str() + name + ">";
}

bool is_unsafe_url(std::string_view url) {
  std::string lower = fold(trim(url));
  for (const char* scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (starts_with(lower, scheme)) return true;
  }
  return false;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(n);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

std::string shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return trim(text.substr(0, cut)) + "…";
}

cmark_syntax_extension* attach(cmark_parser* parser, const char* name) {
  cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
  if (ext) cmark_parser_attach_syntax_extension(parser, ext);
  return ext;
}

bool inside_link(cmark_node* n) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
    cmark_node_type t = cmark_node_get_type(p);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) return true;
  }
  return false;
}

cmark_node* text_node(const std::string& s) {
  cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(t, s.c_str());
  return t;
}

// Splits text nodes around cited numbers that resolve to a URL:
// "theo Kế hoạch số 05-KH/ĐUK của" → text, link(05-KH/ĐUK), text.
void link_citations(cmark_node* doc, const std::function<std::string(const Citation&)>& cite_url) {
  cmark_consolidate_text_nodes(doc);  // a number must not straddle two nodes
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT && !inside_link(n)) {
      texts.push_back(n);
    }
  }
  cmark_iter_free(it);

  for (cmark_node* n : texts) {
    std::string literal = cmark_node_get_literal(n);
    auto citations = find_citations(literal);
    size_t pos = 0;
    bool changed = false;
    for (const auto& c : citations) {
      std::string url = cite_url(c);
      if (url.empty()) continue;
      if (c.begin > pos) cmark_node_insert_before(n, text_node(literal.substr(pos, c.begin - pos)));
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link, url.c_str());
      cmark_node_append_child(link, text_node(c.written));
      cmark_node_insert_before(n, link);
      pos = c.end;
      changed = true;
    }
    if (!changed) continue;
    if (pos < literal.size()) cmark_node_insert_before(n, text_node(literal.substr(pos)));
    cmark_node_free(n);  // unlinks it too
  }
}

// The nodes render_markdown changes, found in one walk (the tree is edited after it).
struct Marked {
  std::vector<cmark_node*> html, headings, links;
  cmark_node* first_paragraph = nullptr;
};

Marked mark(cmark_node* doc) {
  Marked m;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
        m.html.push_back(n);
        break;
      case CMARK_NODE_HEADING:
        m.headings.push_back(n);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        m.links.push_back(n);
        break;
      case CMARK_NODE_PARAGRAPH:
        if (!m.first_paragraph) m.first_paragraph = n;
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return m;
}

int line_of(cmark_node* n, const MarkdownOptions& options) {
  return cmark_node_get_start_line(n) + options.first_line - 1;
}

// Raw HTML: the few allowed inline tags pass; anything else is shown as the
// text that was typed, escaped, with a warning, so nothing is silently lost.
void replace_raw_html(const std::vector<cmark_node*>& nodes, const MarkdownOptions& options, Diagnostics& diags) {
  for (cmark_node* n : nodes) {
    std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    std::string tag = block ? "" : allowed_tag(literal);
    if (!tag.empty()) {
      cmark_node* custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
      cmark_node_set_on_enter(custom, tag.c_str());
      cmark_node_set_on_exit(custom, "");
      cmark_node_replace(n, custom);
      cmark_node_free(n);
      continue;
    }
    diags.warning(options.path, line_of(n, options), cmark_node_get_start_column(n),
                  msg::raw_html_removed(shorten(trim(literal), 60)));
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, literal.c_str());
    if (block) {
      cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(para, text);
      cmark_node_replace(n, para);
    } else {
      cmark_node_replace(n, text);
    }
    cmark_node_free(n);
  }
}

// Unsafe links (javascript: and the like) are emptied with a warning;
// root-relative ones get the site's base path.
void check_links(const std::vector<cmark_node*>& links, const MarkdownOptions& options, Diagnostics& diags) {
  for (cmark_node* n : links) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    if (is_unsafe_url(url)) {
      diags.warning(options.path, line_of(n, options), cmark_node_get_start_column(n), msg::unsafe_link_removed(url));
      cmark_node_set_url(n, "");
    } else if (starts_with(url, "/") && !starts_with(url, "//") && options.base_path != "/") {
      cmark_node_set_url(n, (options.base_path + url.substr(1)).c_str());
    }
  }
}

// Each heading's text and a unique id made from it ("muc" when it has none).
std::vector<Heading> heading_ids(const std::vector<cmark_node*>& nodes) {
  std::vector<Heading> out;
  std::map<std::string, int> seen;
  for (cmark_node* n : nodes) {
    Heading h;
    h.level = cmark_node_get_heading_level(n);
    h.text = trim(plain_text(n));
    std::string id = slugify(h.text);
    if (id.empty()) id = "muc";
    int count = ++seen[id];
    h.id = count == 1 ? id : id + "-" + std::to_string(count);
    out.push_back(std::move(h));
  }
  return out;
}

// Plain text for the search index: text of every block, one per line.
std::string plain_blocks(cmark_node* doc) {
  std::string plain;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
      plain += cmark_node_get_literal(n);
    } else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
      plain += ' ';
    } else if (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
                                          t == CMARK_NODE_ITEM || t == CMARK_NODE_CODE_BLOCK)) {
      if (!plain.empty() && plain.back() != '\n') plain += '\n';
    } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_CODE_BLOCK) {
      plain += cmark_node_get_literal(n);
    }
  }
  cmark_iter_free(it);
  return plain;
}

// Gives headings their ids. Raw HTML never reaches the output and code is
// escaped, so every "<hN>" in it is a heading, in document order.
std::string with_heading_ids(const std::string& rendered, const std::vector<Heading>& headings) {
  std::string html;
  html.reserve(rendered.size() + headings.size() * 24);
  size_t next = 0, pos = 0;
  while (next < headings.size()) {
    std::string open = "<h" + std::to_string(headings[next].level) + ">";
    size_t at = rendered.find(open, pos);
    if (at == std::string::npos) break;
    html.append(rendered, pos, at - pos);
    html += "<h" + std::to_string(headings[next].level) + " id=\"" + headings[next].id + "\">";
    pos = at + open.size();
    ++next;
  }
  html.append(rendered, pos, std::string::npos);
  return html;
}

// cmark-gfm labels a footnote's way back in English; readers hear it in
// Vietnamese.
std::string in_vietnamese(std::string html) {
  static const std::string from = "aria-label=\"Back to content\"", to = "aria-label=\"Quay lại chỗ đặt chú thích\"";
  for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size())) html.replace(at, from.size(), to);
  return html;
}

}  // namespace

RenderedMarkdown render_markdown(std::string_view markdown, const MarkdownOptions& options,
                                 Diagnostics& diags) {
  static std::once_flag registered;  // pages are rendered on several threads
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(kOptions));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    attach(parser.get(), name);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr doc(cmark_parser_finish(parser.get()));

  Marked marked = mark(doc.get());
  replace_raw_html(marked.html, options, diags);
  check_links(marked.links, options, diags);
  if (options.cite_url) link_citations(doc.get(), options.cite_url);

  RenderedMarkdown out;
  out.headings = heading_ids(marked.headings);
  if (marked.first_paragraph) out.summary = shorten(trim(plain_text(marked.first_paragraph)), 300);
  out.plain = plain_blocks(doc.get());
  char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
  const std::string rendered(html);
  std::free(html);
  out.html = in_vietnamese(with_heading_ids(rendered, out.headings));
  return out;
}

std::vector<MarkdownImage> find_images(std::string_view markdown, int first_line) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(kOptions));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) attach(parser.get(), name);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  std::vector<MarkdownImage> images;
  cmark_iter* it = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_IMAGE) continue;
    const char* url = cmark_node_get_url(n);
    images.push_back({url ? url : "", trim(plain_text(n)), cmark_node_get_start_line(n) + first_line - 1,
                      cmark_node_get_start_column(n)});
  }
  cmark_iter_free(it);
  return images;
}

std::string markdown_inline_plain(std::string_view line) {
  if (line.find_first_of("*_`[\\<~") == std::string_view::npos) return std::string(line);  // nothing to read
  NodePtr doc(cmark_parse_document(line.data(), line.size(), CMARK_OPT_DEFAULT));
  char* out = cmark_render_plaintext(doc.get(), CMARK_OPT_DEFAULT, 0);
  std::string text = trim(out);
  free(out);
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

}  // namespace congbo

// page.h: one content file (Markdown with TOML front matter), validated.
// Pages refer to each other by index into Site's list, never by pointer. A
// Page holds what its file says; what later steps derive (its history, its
// rendered Markdown) is kept beside the pages, by the same index.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "date.h"
#include "diagnostic.h"
#include "markdown.h"

namespace congbo {

/// One entry of based_on / replaces / amends, with where it was written.
struct RelationEntry {
  std::string text;  ///< "20-KH/ĐUK@2021-01-14"
  int line = 0, col = 0;
};

class FieldReader;
/// A string field kept with where it was written (`plan = "51-KH/ĐUK"`), so
/// a later check can point at it; nullopt when absent.
std::optional<RelationEntry> read_entry(FieldReader& r, const std::string& key);

/// A file published with a document: the signed original ("văn bản gốc"),
/// an appendix. `file` is a name beside the content file (content/van-ban/).
struct Attachment {
  std::string file, title;
  int line = 0, col = 0;
  // Filled by check_attachments (attachments.h):
  std::string source;  ///< "content/van-ban/51-kh-duk.pdf"
  std::string sha256;
  size_t size = 0;
  int preview_width = 0, preview_height = 0;  ///< a PDF's first page as an image (attachment_files.h); 0: none
  /// An old version's file that the page no longer has: its permanent
  /// address in the archive (archive_pages.h). Empty: beside its page.
  std::string archived_at;
};

/// What the front matter of a Party document states (files under van-ban/).
struct DocumentMeta {
  std::string number;       ///< as written: "51-KH/ĐUK"
  std::string kind;         ///< key of site.toml's [kinds]: "KH"
  std::string issuer;       ///< key of site.toml's [issuers]
  std::string place;
  std::string signer, signer_role, authority;
  std::vector<std::string> recipients, fields;
  std::string period;
  std::string status;       ///< set by hand; otherwise derived later (validity.h)
  std::optional<Date> effective;  ///< "có hiệu lực từ ngày"; unset: from its date
  std::optional<Date> expires;    ///< "hết hiệu lực từ ngày": the first day it no longer applies
  std::vector<RelationEntry> based_on, replaces, amends;
  std::vector<Attachment> attachments;
  int date_line = 0, date_col = 0;  ///< where `date` was written, for warnings
};

/// An image shown with an exemplary model; alt text is required.
struct ModelImage {
  std::string src, alt, caption;
  int line = 0, col = 0;
  /// Its copy for readers and their sizes (render step, sized_images.h); empty: shown as sent.
  std::string sized_src, srcset;
  int width = 0, height = 0;
};

/// What the front matter of an exemplary model states (files under mo-hinh/).
struct ModelMeta {
  std::string unit;          ///< unit id (content/don-vi.toml)
  int year = 0;
  std::string category;      ///< "Dân vận khéo"…
  RelationEntry plan;        ///< the plan it implements: a number or a content path
  std::vector<ModelImage> images;
  bool sample = false;
  int unit_line = 0, unit_col = 0;
};

struct Page {
  std::string source;       ///< "content/van-ban/51-kh-duk.md", relative to the site root
  std::string section;      ///< first directory under content/ ("" for top-level pages)
  bool is_index = false;    ///< _index.md: the section's (or home page's) own text
  std::string url;          ///< "/van-ban/51-kh-duk/", without the site's base path

  std::string title;
  std::string description;
  std::optional<Date> date;
  bool draft = false;
  bool is_document = false;
  DocumentMeta doc;
  bool is_model = false;
  ModelMeta model;

  std::string markdown;     ///< body, NFC
  int body_line = 1;
  std::vector<MarkdownImage> images;  ///< the body's images, where they are written (checked in link)

  bool uncommitted = false;  ///< the working copy differs from HEAD (load step)
};

/// What a page is called in lists and titles: a document with its number.
std::string document_title(const Page& page);

/// The URL a content file at `rel_path` is published at (no slug override).
std::string url_for_path(const std::string& rel_path);
/// The URL a content file at `rel_path` holding `bytes` was published at:
/// its front matter's slug when it has a valid one, else its path's.
std::string url_for_file(const std::string& rel_path, std::string_view bytes);

/// Reads one content file from its bytes. `rel_path` is relative to the site
/// root ("content/…"). Returns nullopt when the file has errors (reported).
std::optional<Page> load_page(const std::string& rel_path, std::string bytes,
                              const SiteConfig& config, Diagnostics& diags);

/// Bytes of a text file → NFC text, or an error at the first bad byte.
/// A leading UTF-8 byte-order mark is dropped.
std::optional<std::string> decode_text(std::string bytes, const std::string& path,
                                       Diagnostics& diags);

}  // namespace congbo

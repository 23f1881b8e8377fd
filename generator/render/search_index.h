// search_index.h: the static search index congbo writes for /tim-kiem/.
//
// Matching is on folded text (NFC, lower case, tone and vowel marks removed,
// đ → d), and every folded term keeps its exact spellings as variants, so a
// query that agrees on the diacritics ranks above one that only agrees when
// folded. Adjacent syllables are indexed as pairs ("dang vien"), so words
// standing together rank above the same syllables apart, and a quoted query
// is a phrase. Document numbers are indexed as "#51-kh/duk" and "#51-kh".
//
// Files (all under search/<key>/ except the manifest, so they can be cached
// forever; every file but the manifest is gzip-compressed):
//   search/manifest.json     what the client needs to start (small, not cached)
//   s/<bucket>.bin.gz         terms hashed into buckets, with posting lists
//   p/<bucket>.bin.gz         where adjacent words stand, for quoted phrases
//   facets.bin.gz             a byte each of year, kind, issuer, section, status, in columns
//   days.bin.gz               each document's day, read only to sort by date
//   words.txt.gz              the vocabulary, most common first, for suggestions
//   d/<id>.json.gz            a document's title, URL, details, facts and text,
//                             for showing a result and its excerpt
// The format is described in themes/default/static/js/tim-kiem.js, its reader.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"

namespace congbo {

struct SearchDocument {
  std::string url;         ///< with the site's base path
  std::string title;
  std::string number;      ///< as written
  std::optional<Date> date;
  std::string kind, kind_name;
  std::string issuer, issuer_name;
  std::string status;      ///< a document's status on the build's day ("Còn hiệu lực"…), else ""
  std::string section, section_title;
  std::string text;        ///< plain text of the body
  std::string original;    ///< the text of its PDF or Word original (attachments), searchable, excerpted apart
  /// What the page shows as its facts besides the text (a model's category
  /// and unit, a unit's type…), one line: searchable, shown in results.
  std::string facts;
};

/// A word of text: folded form for matching and the exact lower-case form.
struct SearchToken {
  std::string folded, exact;
};

/// Splits text into words (runs of letters and digits), NFC and lower-cased.
std::vector<SearchToken> search_tokens(std::string_view text);

/// The bucket a key falls in: FNV-1a (32 bit) of its UTF-8 bytes, modulo
/// `buckets`. The client computes the same.
uint32_t search_bucket(std::string_view key, uint32_t buckets);

struct SearchFile {
  std::string path;   ///< relative to the output root
  std::string data;
  /// A document's file: a hash of what it holds (the same for the same
  /// document in any index). Empty for the rest, which belong to the index.
  std::string content_key;
};

/// A hash of everything the index is made from (and the format's version):
/// the same key, the same files.
std::string search_key(const std::vector<SearchDocument>& docs);
/// The directory the files of the index with `key` are in: search/<key…>/.
/// Named by the key, so they can be cached forever, and a build can keep the
/// last build's files when the key is the same.
std::string search_dir(const std::string& key);

/// Builds every file of the index for `docs` (document id = position) under
/// search_dir(key), and hands each to `emit` as soon as it is made, from
/// several threads at once; search/manifest.json comes last. A document's
/// file is not made when `reuse(path, content_key)` says the output already
/// has one with that content (after one edit, all but one). Files are
/// compressed on `jobs` threads (0: one per core).
void build_search_index(const std::vector<SearchDocument>& docs, const std::string& key,
                        const std::function<void(SearchFile)>& emit,
                        const std::function<bool(const std::string&, const std::string&)>& reuse = nullptr,
                        int jobs = 0);

}  // namespace congbo

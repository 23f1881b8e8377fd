// search_index.cc: builds the static search index (format: see tim-kiem.js).
// libdeflate stays in this file.
#include "search_index.h"

#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <deque>
#include <unordered_map>

#include "doc_number.h"
#include "text.h"
#include "workers.h"

namespace congbo {
namespace {

// Weight byte of a posting: bits 0-3 term frequency (capped), bit 4 in the
// title, bit 5 the document's own number.
constexpr uint8_t kTitle = 0x10, kNumber = 0x20;

void varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void bytes(std::string& out, std::string_view s) {
  varint(out, s.size());
  out += s;
}

std::string gzip(std::string_view data) {
  // libdeflate compresses a whole buffer in one call. Level 5: on the
  // benchmark's 43 MB of search files, 1.2% smaller than zlib's level 4 in
  // 43% less time (zlib 0.88 s, libdeflate 0.51 s). One compressor per
  // thread, made once (making one costs as much as compressing a small file).
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(5);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor mine;
  std::string out(libdeflate_gzip_compress_bound(mine.c, data.size()), '\0');
  out.resize(libdeflate_gzip_compress(mine.c, data.data(), data.size(), out.data(), out.size()));
  return out;
}

struct Variant {
  uint64_t id;        ///< exact spelling: a word id, or two packed for a pair
  std::string exact;
  std::vector<uint32_t> docs;
  std::vector<uint8_t> weights;
};

struct Term {
  std::string key;
  std::vector<Variant> variants;
};

// A distinct word of the corpus: its folded and exact forms, each interned
// as a number, so adding an occurrence costs integer lookups only.
struct WordInfo {
  uint32_t folded_id, exact_id;
  const std::string* folded;
  const std::string* exact;
};

// Folding and lower-casing are costly and Vietnamese text repeats a few
// thousand syllables, so both are done once per distinct word.
class Lexicon {
 public:
  const WordInfo& operator()(std::string_view word) {
    auto it = words_.find(word);
    if (it != words_.end()) return it->second;
    std::string lower = one_tone_placement(to_lower(to_nfc(word)));
    std::string folded = fold(lower);
    WordInfo info{intern(folded), intern(lower), nullptr, nullptr};
    info.folded = &strings_[info.folded_id];
    info.exact = &strings_[info.exact_id];
    return words_.emplace(std::string(word), info).first->second;
  }

 private:
  uint32_t intern(const std::string& s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> words_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::deque<std::string> strings_;  ///< stable addresses
};

// Where a pair of adjacent words stands, encoded as it is collected (a
// pair's list is read only by a quoted phrase's query): per document, the
// document's id as a delta from the last, then its word positions, the
// first + 1 and the rest as deltas (never 0), then 0.
struct PositionList {
  std::string data;
  uint32_t last_doc = 0, last_pos = 0;
  bool open = false;

  void add(uint32_t doc, uint32_t pos) {
    if (!open || doc != last_doc) {
      if (open) data += '\0';
      varint(data, open ? doc - last_doc : doc);
      varint(data, pos + 1);
      open = true;
    } else {
      varint(data, pos - last_pos);
    }
    last_doc = doc;
    last_pos = pos;
  }
  void close() {
    if (open) data += '\0';
    open = false;
  }
};

class Builder {
 public:
  void add(uint32_t doc, const WordInfo& w, uint8_t flags) {
    // Folded ids are dense (0, 1, 2...): a vector, not a hash map.
    if (w.folded_id >= unigrams_.size()) unigrams_.resize(w.folded_id + 1, kNone);
    uint32_t& term = unigrams_[w.folded_id];
    if (term == kNone) term = static_cast<uint32_t>(terms_.size()), terms_.push_back({*w.folded, {}});
    post(terms_[term], doc, w.exact_id, *w.exact, flags);
  }
  // Two words standing next to each other at word position `pos` of the
  // document (punctuation between them or not): a position for quoted
  // phrases; and, when only spaces part them, a pair term for ranking.
  void add_adjacent(uint32_t doc, const WordInfo& a, const WordInfo& b, uint32_t pos, bool joined, uint8_t flags) {
    uint64_t key = (static_cast<uint64_t>(a.folded_id) << 32) | b.folded_id;
    auto [it, inserted] = pairs_.try_emplace(key);
    Adjacent& adj = it->second;
    if (inserted) adj.key = *a.folded + " " + *b.folded;
    adj.positions.add(doc, pos);
    if (!joined) return;
    if (adj.term == kNone) adj.term = static_cast<uint32_t>(terms_.size()), terms_.push_back({adj.key, {}});
    Term& t = terms_[adj.term];
    uint64_t exact = (static_cast<uint64_t>(a.exact_id) << 32) | b.exact_id;
    Variant* v = find(t, exact);
    if (!v) v = &t.variants.emplace_back(Variant{exact, *a.exact + " " + *b.exact, {}, {}});
    post(*v, doc, flags);
  }
  void add_key(uint32_t doc, const std::string& key, uint8_t flags) {
    auto [it, inserted] = keys_.try_emplace(key, static_cast<uint32_t>(terms_.size()));
    if (inserted) terms_.push_back({key, {}});
    post(terms_[it->second], doc, 0, key, flags);
  }
  std::vector<Term>& terms() { return terms_; }
  /// Every pair of adjacent words ("dang vien") with where it stands; call
  /// once all documents are in.
  std::vector<std::pair<const std::string*, const std::string*>> positions() {
    std::vector<std::pair<const std::string*, const std::string*>> out;
    out.reserve(pairs_.size());
    for (auto& [id, adj] : pairs_) {
      adj.positions.close();
      out.emplace_back(&adj.key, &adj.positions.data);
    }
    return out;
  }

 private:
  static Variant* find(Term& t, uint64_t id) {
    for (auto& v : t.variants) {
      if (v.id == id) return &v;
    }
    return nullptr;
  }
  static void post(Term& t, uint32_t doc, uint64_t id, const std::string& exact, uint8_t flags) {
    Variant* v = find(t, id);
    if (!v) v = &t.variants.emplace_back(Variant{id, exact, {}, {}});
    post(*v, doc, flags);
  }
  static void post(Variant& v, uint32_t doc, uint8_t flags) {
    if (!v.docs.empty() && v.docs.back() == doc) {
      uint8_t& w = v.weights.back();
      if ((w & 0x0F) < 15) ++w;
      w |= flags;
    } else {
      v.docs.push_back(doc);
      v.weights.push_back(static_cast<uint8_t>(1 | flags));
    }
  }

  static constexpr uint32_t kNone = UINT32_MAX;
  struct Adjacent {
    std::string key;
    uint32_t term = kNone;  ///< its pair term when it stands joined somewhere, or kNone
    PositionList positions;
  };
  std::vector<uint32_t> unigrams_;  ///< term of each folded word id, or kNone
  std::unordered_map<uint64_t, Adjacent> pairs_;
  std::unordered_map<std::string, uint32_t> keys_;
  std::vector<Term> terms_;
};

// Posting list: 0, count, then (doc delta, weight) pairs; or 1 and a bitmap
// of all documents when that is smaller, followed by the few postings that
// carry title or number flags (0-list form).
void encode_postings(std::string& out, const Variant& v, uint32_t ndocs) {
  size_t bitmap_bytes = (ndocs + 7) / 8;
  bool dense = v.docs.size() * 2 > bitmap_bytes;
  auto sparse = [&](const std::vector<size_t>& which) {
    varint(out, which.size());
    uint32_t prev = 0;
    for (size_t i : which) {
      varint(out, v.docs[i] - prev);
      prev = v.docs[i];
      out += static_cast<char>(v.weights[i]);
    }
  };
  if (!dense) {
    out += '\0';
    std::vector<size_t> all(v.docs.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    sparse(all);
    return;
  }
  out += '\1';
  std::string bitmap(bitmap_bytes, '\0');
  std::vector<size_t> flagged;
  for (size_t i = 0; i < v.docs.size(); ++i) {
    bitmap[v.docs[i] / 8] = static_cast<char>(bitmap[v.docs[i] / 8] | (1 << (v.docs[i] % 8)));
    if (v.weights[i] & (kTitle | kNumber)) flagged.push_back(i);
  }
  out += bitmap;
  sparse(flagged);
}

std::string json_doc(const SearchDocument& d) {
  // The text is enough for an excerpt; very long documents are cut.
  auto cut = [](const std::string& s, size_t most) {
    std::string t = s.substr(0, std::min(s.size(), most));
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (t.size() < s.size() && !t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
    return t;
  };
  const std::string text = cut(d.text, 8000);
  return "{\"t\":" + json_string(d.title) + ",\"u\":" + json_string(d.url) + ",\"n\":" + json_string(d.number) +
         ",\"d\":" + json_string(d.date ? d.date->display() : "") + ",\"k\":" + json_string(d.kind_name) +
         ",\"i\":" + json_string(d.issuer_name) + ",\"s\":" + json_string(d.section_title) + (d.facts.empty() ? "" : ",\"f\":" + json_string(d.facts)) +
         ",\"x\":" + json_string(text) + (d.original.empty() ? "" : ",\"g\":" + json_string(cut(d.original, 8000))) + "}";
}

int days_since_1950(const Date& d) {
  // Days from civil date (Howard Hinnant's algorithm), offset to 1950-01-01.
  auto days = [](int y, int m, int dd) {
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
  };
  return days(d.year, d.month, d.day) - days(1950, 1, 1);
}

}  // namespace

std::vector<SearchToken> search_tokens(std::string_view text) {
  Lexicon lexicon;
  std::vector<SearchToken> out;
  for (const Word& w : split_words(text)) {
    const WordInfo& info = lexicon(w.text);
    out.push_back({*info.folded, *info.exact});
  }
  return out;
}

uint32_t search_bucket(std::string_view key, uint32_t buckets) {
  uint32_t h = 2166136261u;
  for (unsigned char c : key) {
    h ^= c;
    h *= 16777619u;
  }
  return h % buckets;
}

std::string search_key(const std::vector<SearchDocument>& docs) {
  StableHasher h;
  h.add("congbo search index, format 3, ");
  h.add(CONGBO_VERSION);
  for (const SearchDocument& d : docs) {
    for (const std::string* field : {&d.url, &d.title, &d.number, &d.kind, &d.kind_name, &d.issuer, &d.issuer_name,
                                     &d.section, &d.section_title, &d.status, &d.text, &d.original, &d.facts}) {
      h.add(std::to_string(field->size()) + ":");  // lengths first: fields cannot run into each other
      h.add(*field);
    }
    h.add(d.date ? d.date->iso() : "-");
  }
  return h.hex();
}

std::string search_dir(const std::string& key) { return "search/" + key.substr(0, 12) + "/"; }

namespace {

// Every word of every document into the builder: title, text, kind, issuer
// and year as words; document numbers as units, the document's own and those
// it cites.
void index_documents(const std::vector<SearchDocument>& docs, Builder& b) {
  Lexicon lexicon;
  uint32_t pos = 0;  // word position in the document, across its fields
  auto add_text = [&](uint32_t id, std::string_view text, uint8_t flags) {
    const WordInfo* prev = nullptr;
    for (const Word& w : split_words(text)) {
      const WordInfo& t = lexicon(w.text);
      b.add(id, t, flags);
      // Adjacent syllables, so "chi bộ" together ranks above "chi … bộ"
      // apart, and a quoted phrase can be checked word by word.
      if (prev) b.add_adjacent(id, *prev, t, pos - 1, w.joined, flags);
      prev = &t;
      ++pos;
    }
  };
  for (uint32_t id = 0; id < static_cast<uint32_t>(docs.size()); ++id) {
    const SearchDocument& d = docs[id];
    pos = 0;
    add_text(id, d.title, kTitle);
    add_text(id, d.text, 0);
    // What the page shows as its facts, and kind, issuer and year, are
    // searchable words too ("chỉ thị 2020", "dân vận khéo").
    add_text(id, d.facts, 0);
    add_text(id, d.original, 0);
    add_text(id, d.kind_name, 0);
    add_text(id, d.issuer_name, 0);
    if (d.date) add_text(id, std::to_string(d.date->year), 0);
    if (auto num = DocNumber::parse(d.number)) {
      b.add_key(id, "#" + num->key(), kNumber);
      b.add_key(id, "#" + std::to_string(num->seq) + "-" + fold(num->kind), kNumber);
      add_text(id, d.number, kNumber);
    }
    for (const auto& c : find_citations(d.text)) b.add_key(id, "#" + c.number.key(), 0);
  }
}

// Buckets: a power of two (16 to 16384) giving shards of about 2 KiB
// before compression: a query reads one shard per word and pair, and every
// other key in it is bytes the reader did not need (12 KiB shards made a
// typed query 45 kB of shards at 10,000 documents, 2 KiB ones 17 kB). A
// posting costs about two bytes, or a bitmap of n/8 when that is smaller.
uint32_t bucket_count(const std::vector<Term>& terms, uint32_t n) {
  size_t estimate = 0;
  for (const Term& t : terms) {
    estimate += t.key.size() + 2;
    for (const Variant& v : t.variants) estimate += v.exact.size() + 3 + std::min<size_t>(v.docs.size() * 2, n / 8 + 8);
  }
  uint32_t buckets = 16;
  while (buckets < 16384 && estimate / buckets > 2 * 1024) buckets *= 2;
  return buckets;
}

void add_shards(const std::vector<Term>& terms, uint32_t buckets, uint32_t n, std::vector<SearchFile>& files) {
  std::vector<std::vector<uint32_t>> in_bucket(buckets);
  for (uint32_t t = 0; t < terms.size(); ++t) in_bucket[search_bucket(terms[t].key, buckets)].push_back(t);
  for (uint32_t k = 0; k < buckets; ++k) {
    std::string shard;
    varint(shard, in_bucket[k].size());
    for (uint32_t t : in_bucket[k]) {
      const Term& term = terms[t];
      bytes(shard, term.key);
      varint(shard, term.variants.size());
      for (const Variant& v : term.variants) {
        bytes(shard, v.exact);
        encode_postings(shard, v, n);
      }
    }
    files.push_back({"s/" + std::to_string(k) + ".bin.gz", std::move(shard), ""});
  }
}

// Where adjacent words stand, in shards of their own: p/<bucket>.bin.gz,
// read only for quoted phrases, about 8 KiB each before compression. Per key
// (sorted, so a build is repeatable): the key, then its position list
// (PositionList) as bytes.
uint32_t add_position_shards(std::vector<std::pair<const std::string*, const std::string*>> lists,
                             std::vector<SearchFile>& files) {
  size_t estimate = 0;
  for (const auto& [key, data] : lists) estimate += key->size() + data->size() + 4;
  uint32_t buckets = 16;
  while (buckets < 16384 && estimate / buckets > 8 * 1024) buckets *= 2;
  std::vector<std::vector<std::pair<const std::string*, const std::string*>>> in_bucket(buckets);
  for (const auto& kv : lists) in_bucket[search_bucket(*kv.first, buckets)].push_back(kv);
  for (uint32_t k = 0; k < buckets; ++k) {
    auto& entries = in_bucket[k];
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
    std::string shard;
    varint(shard, entries.size());
    for (const auto& [key, data] : entries) {
      bytes(shard, *key);
      bytes(shard, *data);
    }
    files.push_back({"p/" + std::to_string(k) + ".bin.gz", std::move(shard), ""});
  }
  return buckets;
}

// The corpus's words (folded, letters only), the most frequent first, one
// a line: what a query typed without an IME, or with a typo, is corrected
// to (read only when a query finds little). Words in one document only are
// left out once there are 100 documents (names, typos of the corpus).
std::string vocabulary(const std::vector<Term>& terms, uint32_t n) {
  std::vector<std::pair<size_t, const std::string*>> words;
  for (const Term& t : terms) {
    // Letters only: not pairs ("dang vien"), numbers ("#51-kh") or digits.
    if (t.key.empty() || !std::all_of(t.key.begin(), t.key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    size_t df = 0;
    for (const Variant& v : t.variants) df += v.docs.size();
    if (df >= (n >= 100 ? 2u : 1u)) words.emplace_back(df, &t.key);
  }
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : *a.second < *b.second; });
  std::string out;
  for (const auto& [df, word] : words) out += *word + "\n";
  return out;
}

// Facets: 5 bytes a document: days since 1950 (0xFFFF: unknown, little
// endian), kind, issuer, section (indices + 1 into the manifest's lists; 0: none).
struct FacetLists {
  std::vector<std::string> kinds, kind_keys, issuers, sections, section_keys, statuses;
};

// What results are filtered by, in columns (each compresses well alone):
// n bytes of year (since 1950, + 1; 0 unknown), then n of kind, n of issuer,
// n of section and n of status (each an index into its list + 1; 0 none).
std::string facets_of(const std::vector<SearchDocument>& docs, FacetLists& l) {
  auto index_of = [](std::vector<std::string>& list, const std::string& v) -> int {
    if (v.empty()) return 0;
    auto it = std::find(list.begin(), list.end(), v);
    if (it != list.end()) return static_cast<int>(it - list.begin()) + 1;
    list.push_back(v);
    return static_cast<int>(list.size());
  };
  const size_t n = docs.size();
  std::string facets(5 * n, '\0');
  for (size_t i = 0; i < n; ++i) {
    const SearchDocument& d = docs[i];
    if (d.date) facets[i] = static_cast<char>(std::clamp(d.date->year - 1950 + 1, 1, 255));
    int k = index_of(l.kinds, d.kind_name);
    if (static_cast<int>(l.kind_keys.size()) < k) l.kind_keys.push_back(fold(d.kind));
    facets[n + i] = static_cast<char>(std::min(k, 255));
    facets[2 * n + i] = static_cast<char>(std::min(index_of(l.issuers, d.issuer_name), 255));
    int s = index_of(l.sections, d.section_title);
    if (static_cast<int>(l.section_keys.size()) < s) l.section_keys.push_back(d.section);
    facets[3 * n + i] = static_cast<char>(std::min(s, 255));
    facets[4 * n + i] = static_cast<char>(std::min(index_of(l.statuses, d.status), 255));
  }
  return facets;
}

// The day of each document, for sorting by date only (fetched when a reader
// asks for newest or oldest first): uint16 LE days since 1950-01-01, 0xFFFF unknown.
std::string days_of(const std::vector<SearchDocument>& docs) {
  std::string days;
  for (const auto& d : docs) {
    int day = d.date ? std::clamp(days_since_1950(*d.date), 0, 0xFFFE) : 0xFFFF;
    days += static_cast<char>(day & 0xFF);
    days += static_cast<char>(day >> 8);
  }
  return days;
}

// Compression is most of the cost and each file is independent: the shards
// and facets, then one file per document (left alone when `reuse` says the
// output has it), on `jobs` threads.
void compress_and_emit(const std::vector<SearchDocument>& docs, const std::vector<SearchFile>& files,
                       const std::string& dir, const std::function<void(SearchFile)>& emit,
                       const std::function<bool(const std::string&, const std::string&)>& reuse, int jobs) {
  const size_t total = files.size() + docs.size();
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned w = 0, threads = workers(jobs, total); w < threads; ++w) {
    pool.emplace_back([&]() {
      for (size_t i = next++; i < total; i = next++) {
        if (i < files.size()) {
          emit({dir + files[i].path, gzip(files[i].data), ""});
          continue;
        }
        const uint32_t id = static_cast<uint32_t>(i - files.size());
        std::string json = json_doc(docs[id]);
        std::string path = dir + "d/" + std::to_string(id) + ".json.gz";
        std::string content_key = stable_hash("search document|" + json);
        if (reuse && reuse(path, content_key)) continue;
        emit({std::move(path), gzip(json), std::move(content_key)});
      }
    });
  }
  for (auto& t : pool) t.join();
}

std::string manifest_json(const std::string& dir, uint32_t n, uint32_t buckets, uint32_t position_buckets,
                          const FacetLists& l) {
  auto list = [](const std::vector<std::string>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + json_string(v[i]);
    return s + "]";
  };
  return "{\"v\":3,\"dir\":" + json_string(dir) + ",\"n\":" + std::to_string(n) + ",\"b\":" + std::to_string(buckets) +
         ",\"pb\":" + std::to_string(position_buckets) + ",\"kinds\":" + list(l.kinds) +
         ",\"kindKeys\":" + list(l.kind_keys) + ",\"issuers\":" + list(l.issuers) + ",\"sections\":" + list(l.sections) +
         ",\"sectionKeys\":" + list(l.section_keys) + ",\"statuses\":" + list(l.statuses) + "}";
}

}  // namespace

void build_search_index(const std::vector<SearchDocument>& docs, const std::string& key,
                        const std::function<void(SearchFile)>& emit,
                        const std::function<bool(const std::string&, const std::string&)>& reuse, int jobs) {
  Builder b;
  index_documents(docs, b);
  const uint32_t n = static_cast<uint32_t>(docs.size());
  const uint32_t buckets = bucket_count(b.terms(), n);
  std::vector<SearchFile> files;  // shards and facets, before compression
  add_shards(b.terms(), buckets, n, files);
  const uint32_t position_buckets = add_position_shards(b.positions(), files);
  files.push_back({"words.txt.gz", vocabulary(b.terms(), n), ""});
  FacetLists lists;
  files.push_back({"facets.bin.gz", facets_of(docs, lists), ""});
  files.push_back({"days.bin.gz", days_of(docs), ""});
  const std::string dir = search_dir(key);
  compress_and_emit(docs, files, dir, emit, reuse, jobs);
  emit({"search/manifest.json", manifest_json(dir, n, buckets, position_buckets, lists), ""});
}

}  // namespace congbo

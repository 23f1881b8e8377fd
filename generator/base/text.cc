// text.cc: Unicode handling through utf8proc.
#include "text.h"

#include <utf8proc.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "diagnostic.h"
#include "messages.h"

namespace congbo {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (n < 0) return std::string(s);  // invalid input: callers validate first
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

}  // namespace

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // most bytes, even of Vietnamese text
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<size_t>(n);
  }
  return std::nullopt;
}

bool nfc_inert(int32_t cp) {
  return cp < 0x300 ||                       // Latin up to the combining marks
         (cp >= 0x1E00 && cp <= 0x1EFF) ||   // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ … ỹ
         (cp >= 0x2010 && cp <= 0x2027) ||   // dashes, quotes, bullets, ellipsis
         (cp >= 0x2030 && cp <= 0x205E) ||   // per mille, primes, other punctuation
         (cp >= 0x20A0 && cp <= 0x20C0);     // currency signs, ₫ among them
}

std::string to_nfc(std::string_view s) {
  // Text already in NFC, as Vietnamese typed on Windows, phones and the web
  // almost always is, is returned as it is without asking utf8proc: when
  // every code point is inert, NFC changes nothing (see text.h).
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || !nfc_inert(cp)) return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    i += static_cast<size_t>(n);
  }
  return std::string(s);
}

std::string fold(std::string_view s) {
  // Decompose, drop combining marks, case-fold. đ (U+0111) has no decomposition,
  // so it is mapped by hand after folding (Đ folds to đ first).
  std::string folded = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                  UTF8PROC_CASEFOLD);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (static_cast<unsigned char>(folded[i]) == 0xC4 && i + 1 < folded.size() &&
        static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      out += 'd';
      ++i;
    } else {
      out += folded[i];
    }
  }
  return out;
}

std::string slugify(std::string_view s) {
  std::string folded = fold(s);
  std::string out;
  bool dash = false;
  for (unsigned char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

namespace {

// Applies `map` to every code point of `s` (invalid bytes are kept as they are).
std::string map_code_points(std::string_view s, utf8proc_int32_t (*map)(utf8proc_int32_t)) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) { out += s[i++]; continue; }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(map(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(m));
    i += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace

std::string to_lower(std::string_view s) { return map_code_points(s, utf8proc_tolower); }

std::string one_tone_placement(std::string_view word) {
  // The last vowel carrying a tone, and the same vowel's five tones on "o"
  // or "u": à á ả ã ạ / è é ẻ ẽ ẹ / ỳ ý ỷ ỹ ỵ after o, o, u.
  struct Row { std::string_view first; const char* marked[5]; const char* moved[5]; };
  static const Row rows[] = {
      {"o", {"à", "á", "ả", "ã", "ạ"}, {"òa", "óa", "ỏa", "õa", "ọa"}},
      {"o", {"è", "é", "ẻ", "ẽ", "ẹ"}, {"òe", "óe", "ỏe", "õe", "ọe"}},
      {"u", {"ỳ", "ý", "ỷ", "ỹ", "ỵ"}, {"ùy", "úy", "ủy", "ũy", "ụy"}},
  };
  for (const Row& r : rows) {
    for (int t = 0; t < 5; ++t) {
      std::string tail = std::string(r.first) + r.marked[t];
      if (!ends_with(word, tail)) continue;
      size_t at = word.size() - tail.size();
      if (r.first == "u" && at > 0 && word[at - 1] == 'q') return std::string(word);  // "quý": qu is the consonant
      return std::string(word.substr(0, at)) + r.moved[t];
    }
  }
  return std::string(word);
}

namespace {

// Letters, marks and numbers make words (utf8proc's categories).
bool word_category(utf8proc_int32_t cp) {
  utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// The same, looked up in a table made once, below U+2000: where Vietnamese
// letters are (Latin-1, Latin Extended-A and -B, combining marks, Latin
// Extended Additional), asked for at every character of the search index.
bool word_code_point(utf8proc_int32_t cp) {
  static const std::vector<bool> below = [] {
    std::vector<bool> t(0x2000);
    for (utf8proc_int32_t c = 0; c < 0x2000; ++c) t[c] = word_category(c);
    return t;
  }();
  return cp < 0x2000 ? below[cp] : word_category(cp);
}

}  // namespace

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0, start = 0;
  bool in_word = false, only_spaces = false;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  auto continuation = [&](size_t k) { return k < s.size() && (b[k] & 0xC0) == 0x80; };
  while (i < s.size()) {
    utf8proc_int32_t cp = b[i];
    utf8proc_ssize_t n = 1;
    bool word_char;
    if (cp < 0x80) {
      // ASCII, most of the bytes even of Vietnamese text: its letters and
      // digits are its only word characters (as utf8proc's categories say).
      word_char = (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    } else if (cp >= 0xC2 && cp <= 0xDF && continuation(i + 1)) {  // U+0080..U+07FF
      cp = ((cp & 0x1F) << 6) | (b[i + 1] & 0x3F);
      n = 2;
      word_char = word_code_point(cp);
    } else if (cp == 0xE1 && continuation(i + 1) && continuation(i + 2)) {  // U+1000..U+1FFF
      cp = 0x1000 | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
      n = 3;
      word_char = word_code_point(cp);
    } else {
      n = utf8proc_iterate(b + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
      if (n <= 0) n = 1, cp = ' ';
      word_char = word_category(cp);
    }
    if (word_char && !in_word) {
      start = i;
      in_word = true;
    } else if (!word_char && in_word) {
      words.push_back({s.substr(start, i - start), only_spaces && !words.empty()});
      in_word = false;
      only_spaces = true;
    }
    if (!word_char && cp != ' ') only_spaces = false;
    i += static_cast<size_t>(n);
  }
  if (in_word) words.push_back({s.substr(start), only_spaces && !words.empty()});
  return words;
}

std::string to_upper(std::string_view s) { return map_code_points(s, utf8proc_toupper); }

std::string upper_first(std::string_view s) {
  size_t first = s.empty() ? 0 : 1;  // bytes of the first letter
  while (first < s.size() && (static_cast<unsigned char>(s[first]) & 0xC0) == 0x80) ++first;
  return to_upper(s.substr(0, first)) + std::string(s.substr(first));
}

void report_control_characters(std::string_view s, const std::string& path, int line, int col,
                               Diagnostics& diags) {
  int found = 0;
  for (size_t i = 0; i < s.size() && found < 5; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r') continue;
    const TextPosition p = position_of(s, i);
    diags.error(path, line + p.line - 1, p.line == 1 ? col + p.col - 1 : p.col, msg::control_character(c));
    ++found;
  }
}

TextPosition position_of(std::string_view s, size_t byte_offset) {
  TextPosition p;
  for (size_t i = 0; i < byte_offset && i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++p.line;
      p.col = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
      ++p.col;
    }
  }
  return p;
}

std::string html_escape(std::string_view s, const char* apostrophe) {
  // The runs between the characters escaped are copied at once (byte by
  // byte, the theme's escaping of every value was 1.7% of a build).
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* entity;
    switch (s[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = apostrophe; break;
      default: continue;
    }
    out.append(s, plain, i - plain).append(entity);
    plain = i + 1;
  }
  return out.append(s, plain, s.size() - plain);
}

std::string json_string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& s : items) out += (out.size() > 1 ? "," : "") + json_string(s);
  return out + "]";
}

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  size_t plain = 0;  // the start of a run of bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        }
    }
  }
  out.append(s, plain, s.size() - plain);
  out += '"';
  return out;
}

// Eight bytes at a time, each block mixed in as one lane of xxHash64 does,
// then xxHash64's final avalanche: fast enough to key every output file by
// its content (byte-at-a-time FNV was 9% of a warm rebuild), and the same on
// every machine (blocks read little-endian).
namespace {
constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full, kP3 = 0x165667B19E3779F9ull;
uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
uint64_t little_endian(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}
}  // namespace

void StableHasher::block(uint64_t b) {
  h_ ^= rotl(b * kP2, 31) * kP1;
  h_ = rotl(h_, 27) * kP1 + kP3;
}

void StableHasher::add(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  length_ += n;
  if (npending_) {
    while (n && npending_ < 8) pending_[npending_++] = *p++, --n;
    if (npending_ < 8) return;
    block(little_endian(pending_));
    npending_ = 0;
  }
  for (; n >= 8; p += 8, n -= 8) block(little_endian(p));
  while (n) pending_[npending_++] = *p++, --n;
}

std::string StableHasher::hex() const {
  uint64_t h = h_ + length_;
  for (size_t i = 0; i < npending_; ++i) h = rotl(h ^ (pending_[i] * 0x27D4EB2F165667C5ull), 11) * kP1;
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = digits[h & 15];
  return out;
}

std::string stable_hash(std::string_view s) {
  StableHasher h;
  h.add(s);
  return h.hex();
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string numbered_title(const std::string& number, const std::string& title) {
  return number.empty() ? title : number + ": " + title;
}

}  // namespace congbo

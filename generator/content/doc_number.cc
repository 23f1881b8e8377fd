// doc_number.cc: a small hand-written scanner. Numbers are digits, a
// separator, the kind's letters, '/', the issuer's letters; letters are ASCII
// plus Đ/đ, the only non-ASCII letter abbreviations use.
#include "doc_number.h"

#include <cctype>
#include <vector>

#include "text.h"

namespace congbo {
namespace {

// Length in bytes of a letter starting at s[i] (ASCII or Đ/đ), 0 if none.
size_t letter_at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (std::isalpha(c)) return 1;
  if (c == 0xC4 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0x90 || d == 0x91) return 2;
  }
  return 0;
}

bool upper_letter_at(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC4 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x90);
}

// Any letter (including accented ones) or digit, used for word boundaries.
bool word_byte(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  return std::isalnum(c) || c >= 0x80;
}

size_t skip_spaces(std::string_view s, size_t i, size_t max = 2) {
  size_t n = 0;
  while (i < s.size() && s[i] == ' ' && n < max) { ++i; ++n; }
  return i;
}

// Letters (and inner dashes for issuer parts like "ĐU-BTG") from i.
size_t scan_letters(std::string_view s, size_t i, bool allow_dash) {
  size_t j = i;
  while (j < s.size()) {
    if (size_t n = letter_at(s, j)) { j += n; continue; }
    if (allow_dash && s[j] == '-' && j > i && letter_at(s, j + 1)) { ++j; continue; }
    break;
  }
  return j;
}

// Tries to read a number starting at the digit at i. Returns the end.
std::optional<std::pair<DocNumber, size_t>> scan_number(std::string_view s, size_t i) {
  size_t j = i;
  int seq = 0;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 6) {
    seq = seq * 10 + (s[j] - '0');
    ++j;
  }
  if (j == i || (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))) return std::nullopt;
  j = skip_spaces(s, j);
  if (j >= s.size() || (s[j] != '-' && s[j] != '/')) {
    // "–" (en dash, E2 80 93) is a common typing variant of '-'
    if (!(s.substr(j, 3) == "\xE2\x80\x93")) return std::nullopt;
    j += 2;
  }
  ++j;
  j = skip_spaces(s, j);
  size_t kind_begin = j;
  if (j >= s.size() || !upper_letter_at(s, j)) {
    // lower-case kinds ("05-kh/đuk") are accepted only when parsing a whole number
    if (!letter_at(s, j)) return std::nullopt;
  }
  size_t kind_end = scan_letters(s, j, false);
  if (kind_end == kind_begin || kind_end - kind_begin > 8) return std::nullopt;
  j = skip_spaces(s, kind_end, 1);
  if (j >= s.size() || s[j] != '/') return std::nullopt;
  j = skip_spaces(s, j + 1, 1);
  size_t issuer_begin = j;
  size_t issuer_end = scan_letters(s, j, true);
  if (issuer_end == issuer_begin || issuer_end - issuer_begin > 16) return std::nullopt;
  DocNumber n;
  n.seq = seq;
  n.kind = std::string(s.substr(kind_begin, kind_end - kind_begin));
  n.issuer = std::string(s.substr(issuer_begin, issuer_end - issuer_begin));
  return std::make_pair(n, issuer_end);
}

// ", ngày 30/7/2019" or " ngày 16/6/2022" right after a number.
std::optional<Date> scan_date_after(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ',') ++i;
  i = skip_spaces(s, i, 3);
  static const std::string_view kNgay = "ng\xC3\xA0y";  // "ngày"
  if (s.substr(i, kNgay.size()) != kNgay) return std::nullopt;
  i = skip_spaces(s, i + kNgay.size(), 3);
  size_t j = i;
  while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '/' || s[j] == '-') &&
         j - i < 10) {
    ++j;
  }
  return Date::parse(s.substr(i, j - i));
}

std::string fold_abbr(const std::string& s) {
  std::string f = fold(s);
  std::string out;
  for (char c : f) {
    if (c != ' ') out += c;
  }
  return out;
}

}  // namespace

std::optional<DocNumber> DocNumber::parse(std::string_view text) {
  std::string t = trim(text);
  // Whatever stands before the first digit may only be "Số" (any case) and ':'.
  size_t first_digit = t.find_first_of("0123456789");
  if (first_digit == std::string::npos) return std::nullopt;
  std::string prefix;
  for (char c : fold(t.substr(0, first_digit))) {
    if (c != ' ' && c != ':') prefix += c;
  }
  if (!prefix.empty() && prefix != "so") return std::nullopt;
  std::string_view s = std::string_view(t).substr(first_digit);
  auto r = scan_number(s, 0);
  if (!r || r->second != s.size()) return std::nullopt;
  return r->first;
}

std::string DocNumber::key() const {
  return std::to_string(seq) + "-" + fold_abbr(kind) + "/" + fold_abbr(issuer);
}

std::string DocNumber::canonical() const {
  std::string n = seq < 10 ? "0" + std::to_string(seq) : std::to_string(seq);
  return n + "-" + kind + "/" + to_upper(issuer);
}

namespace {

// The words right before byte `at` of `text`, back to the nearest one that
// starts with a capital (at most four, "số" before the number skipped):
// "Quy định" in "thực hiện tốt Quy định số 4842-QĐ/TU".
std::string kind_before(std::string_view text, size_t at) {
  std::vector<std::string_view> words;
  size_t end = at;
  while (words.size() < 4) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 && word_byte(text, start - 1) && !std::isdigit(static_cast<unsigned char>(text[start - 1]))) --start;
    if (start == end) break;
    std::string_view w = text.substr(start, end - start);
    end = start;
    if (words.empty() && (w == "số" || w == "Số")) continue;
    words.push_back(w);
    const unsigned char lead = static_cast<unsigned char>(w[0]);
    const std::string_view first = w.substr(0, lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
    if (to_lower(first) != first) {  // a capital: where the kind's name starts
      std::string out;
      for (auto it = words.rbegin(); it != words.rend(); ++it) out += (out.empty() ? "" : " ") + std::string(*it);
      return out;
    }
  }
  return "";
}

}  // namespace

std::vector<Citation> find_citations(std::string_view text) {
  std::vector<Citation> out;
  size_t i = 0;
  while (i < text.size()) {
    // Digits are rare in running text: look for one before anything else.
    while (i < text.size() && (text[i] < '0' || text[i] > '9')) ++i;
    if (i >= text.size()) break;
    bool boundary = i == 0 || !(word_byte(text, i - 1) || text[i - 1] == '/' || text[i - 1] == '-' ||
                                text[i - 1] == '.');
    if (!boundary) {
      ++i;
      continue;
    }
    auto r = scan_number(text, i);
    // The kind must start with a capital here: running text is full of "3-năm/lần".
    if (r && upper_letter_at(text, text.find_first_not_of("0123456789 -/\xE2\x80\x93", i)) &&
        (r->second >= text.size() || !word_byte(text, r->second))) {
      Citation cit;
      cit.number = r->first;
      cit.begin = i;
      cit.end = r->second;
      cit.written = std::string(text.substr(i, r->second - i));
      cit.date = scan_date_after(text, r->second);
      cit.kind_written = kind_before(text, i);
      out.push_back(std::move(cit));
      i = r->second;
      continue;
    }
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  }
  return out;
}

std::optional<DocReference> parse_reference(std::string_view text) {
  DocReference ref;
  size_t at = text.find('@');
  auto number = DocNumber::parse(text.substr(0, at));
  if (!number) return std::nullopt;
  ref.number = *number;
  if (at != std::string_view::npos) {
    ref.date = Date::parse(trim(text.substr(at + 1)));
    if (!ref.date) return std::nullopt;
  }
  return ref;
}

}  // namespace congbo

// text.h: Unicode and string helpers shared by every step (utf8proc stays in text.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congbo {

class Diagnostics;

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<size_t> find_invalid_utf8(std::string_view s);

/// Unicode NFC. Input must be valid UTF-8. Decomposed Vietnamese ("tổ hợp")
/// comes out byte-identical to precomposed text.
std::string to_nfc(std::string_view s);

/// True for a code point NFC leaves alone wherever it stands: a starter
/// (combining class 0) that is its own NFC and never composes with the
/// character before it. Below U+0300, Latin Extended Additional (the
/// precomposed Vietnamese letters), general punctuation and currency signs.
/// Text made only of these is already NFC; to_nfc() then only copies it.
bool nfc_inert(int32_t cp);

/// Folding for matching and slugs: lower case, every tone and vowel mark
/// removed, đ/Đ → d. "Đảng viên" → "dang vien".
std::string fold(std::string_view s);

/// ASCII slug: folded, runs of anything but [a-z0-9] become one '-'.
/// "Mục đích, yêu cầu" → "muc-dich-yeu-cau".
std::string slugify(std::string_view s);
/// "51-KH/ĐUK: Kế hoạch …", or the title alone when there is no number: how
/// a numbered document or decision is named in lists, links and titles.
std::string numbered_title(const std::string& number, const std::string& title);

/// Lower case (Unicode aware).
std::string to_lower(std::string_view s);

/// One placement of the tone mark in the open syllables "oa", "oe", "uy",
/// which are written both ways ("hoá" and "hóa", "thuỷ" and "thủy"): the
/// mark goes on the first vowel, as the sample documents write them.
/// `word`: one lower-case NFC word; other words come back unchanged.
/// The search client (tim-kiem.js) does the same.
std::string one_tone_placement(std::string_view word);

/// A word of running text: a run of letters, marks and digits.
struct Word {
  std::string_view text;
  bool joined = false;  ///< only spaces separate it from the word before (no punctuation, no line break)
};
/// The words of `s` (valid UTF-8), in order.
std::vector<Word> split_words(std::string_view s);

/// Upper case (Unicode aware), for official headings ("Kế hoạch" → "KẾ HOẠCH").
std::string to_upper(std::string_view s);
/// Only the first letter upper case: a phrase as a column head ("đảng viên…" → "Đảng viên…").
std::string upper_first(std::string_view s);

/// 1-based line and column (in code points) of a byte offset.
struct TextPosition { int line = 1; int col = 1; };
TextPosition position_of(std::string_view s, size_t byte_offset);

/// Reports each control character in `s` (C0 other than TAB, LF and CR, and
/// DEL) as an error at its line and column; `line`/`col` are where `s`
/// starts in the file. They are invisible, break XML feeds, and come from
/// pasting (Word's page break is U+000C). At most a few per text.
void report_control_characters(std::string_view s, const std::string& path, int line, int col,
                               Diagnostics& diags);

/// `apostrophe`: how ' is written ("&#39;"; the theme's values, as kainjow
/// escapes them, "&apos;").
std::string html_escape(std::string_view s, const char* apostrophe = "&#39;");
/// A JSON string literal, quotes included; "<", ">" and "&" escaped so the
/// result can sit inside a <script> element.
std::string json_string(std::string_view s);
/// A JSON array of strings: ["a","b"].
std::string json_string_list(const std::vector<std::string>& items);
/// A stable 64-bit hash as 16 hex digits (eight bytes a step, mixed as
/// xxHash64 does), for cache keys (not security).
std::string stable_hash(std::string_view s);
/// The same hash fed piece by piece.
class StableHasher {
 public:
  /// Adding "ab" then "c" hashes as adding "abc".
  void add(std::string_view s);
  std::string hex() const;

 private:
  void block(uint64_t b);
  uint64_t h_ = 0x27D4EB2F165667C5ull;
  uint64_t length_ = 0;
  unsigned char pending_[8] = {};  ///< bytes not yet a whole 8-byte block
  size_t npending_ = 0;
};
std::string trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace congbo

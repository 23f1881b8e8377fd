// Unicode handling a Vietnamese writer and reader depend on.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <cstdlib>
#include <set>

#include "text.h"

using namespace congbo;

TEST_CASE("decomposed Vietnamese (tổ hợp keyboards) becomes identical to precomposed text") {
  const std::string precomposed = "Đảng ủy Khối";
  const std::string decomposed = "\xC4\x90" "a\xCC\x89ng u\xCC\x89y Kho\xCC\x82\xCC\x81i";
  CHECK(decomposed != precomposed);
  CHECK(to_nfc(decomposed) == precomposed);
  CHECK(to_nfc("plain ascii") == "plain ascii");
}

namespace {
std::string utf8(int32_t cp) {
  utf8proc_uint8_t buf[4];
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(utf8proc_encode_char(cp, buf)));
}
std::string library_nfc(const std::string& s) {
  auto* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  std::string r(reinterpret_cast<char*>(out));
  std::free(out);
  return r;
}
}  // namespace

TEST_CASE("text already in NFC is taken as it is, and only when NFC would not change it") {
  // Every code point the shortcut trusts is, by utf8proc itself, a starter
  // that is its own NFC and composes with none of the letters before it.
  const std::vector<std::string> before = {"a", "e", "o", "u", "y", "A", "E", "O", "\u00ea", "\u01a1", "\u01b0",
                                           "\u00e2", "\u0103", "\u1ea1", "\u1100", "\uac00", "\u0915", "\u0B47"};
  int trusted = 0;
  for (int32_t cp = 0x20; cp < 0x30000; ++cp) {
    if (!nfc_inert(cp) || !utf8proc_codepoint_valid(cp) || (cp >= 0xD800 && cp < 0xE000)) continue;
    ++trusted;
    CHECK_MESSAGE(utf8proc_get_property(cp)->combining_class == 0, cp);
    CHECK_MESSAGE(library_nfc(utf8(cp)) == utf8(cp), cp);
    for (const auto& b : before) CHECK_MESSAGE(library_nfc(b + utf8(cp)) == b + utf8(cp), cp);
  }
  CHECK(trusted > 900);
  // Mixed text: whatever is not trusted goes through utf8proc whole.
  const std::string typed = "Đảng ủy Khối — “Kế hoạch” 51‑KH, 100.000 ₫…";
  CHECK(to_nfc(typed) == typed);
  CHECK(to_nfc("ti\u00ea\u0301t ki\u1ec7m") == "ti\u1ebft ki\u1ec7m");  // ê + acute → ế
  CHECK(to_nfc("\u212b") == "\u00c5");                                      // Angstrom sign → Å
}

TEST_CASE("folding removes tones and vowel marks and maps đ/Đ to d") {
  CHECK(fold("Đảng viên") == "dang vien");
  CHECK(fold("ĐƯỜNG") == "duong");
  CHECK(fold("Thi đua") == "thi dua");
  CHECK(fold("chi bộ bốn tốt") == "chi bo bon tot");
}

TEST_CASE("slugs fold Vietnamese to ASCII words joined by dashes") {
  CHECK(slugify("Mục đích, yêu cầu") == "muc-dich-yeu-cau");
  CHECK(slugify("I. MỤC ĐÍCH YÊU CẦU") == "i-muc-dich-yeu-cau");
  CHECK(slugify("2.1. Hai chân") == "2-1-hai-chan");
  CHECK(slugify("  --Đổi mới--  ") == "doi-moi");
  CHECK(slugify("***") == "");
}

TEST_CASE("upper case keeps Vietnamese letters") {
  CHECK(to_upper("Kế hoạch") == "KẾ HOẠCH");
  CHECK(to_upper("Đảng ủy Khối") == "ĐẢNG ỦY KHỐI");
}

TEST_CASE("invalid UTF-8 is found at its byte, positions count characters") {
  CHECK_FALSE(find_invalid_utf8("Hợp lệ").has_value());
  std::string bad = "dòng một\nchữ \xFF sai";
  auto at = find_invalid_utf8(bad);
  REQUIRE(at.has_value());
  TextPosition p = position_of(bad, *at);
  CHECK(p.line == 2);
  CHECK(p.col == 5);
}

TEST_CASE("HTML escaping") {
  CHECK(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

TEST_CASE("the content hash that keys output files: the same however the bytes arrive, different for any change") {
  const std::string text = "Kế hoạch số 51-KH/ĐUK về thi đua xây dựng chi bộ bốn tốt, đảng bộ bốn tốt.";
  for (size_t cut1 = 0; cut1 <= text.size(); cut1 += 3) {
    for (size_t cut2 = cut1; cut2 <= text.size(); cut2 += 7) {
      StableHasher h;
      h.add(std::string_view(text).substr(0, cut1));
      h.add(std::string_view(text).substr(cut1, cut2 - cut1));
      h.add(std::string_view(text).substr(cut2));
      CHECK(h.hex() == stable_hash(text));
    }
  }
  // Every one-byte change, every truncation and every added byte changes it.
  std::set<std::string> seen{stable_hash(text)};
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    CHECK(seen.insert(stable_hash(changed)).second);
    CHECK(seen.insert(stable_hash(text.substr(0, i))).second);
  }
  CHECK(seen.insert(stable_hash(text + '\0')).second);
  CHECK(stable_hash("").size() == 16);
}

TEST_CASE("JSON strings escape quotes, backslashes, control characters and what could close a script tag") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("Kế hoạch 51-KH/ĐUK") == "\"Kế hoạch 51-KH/ĐUK\"");
  CHECK(json_string("a\"b\\c\nd\te</script>&") == "\"a\\\"b\\\\c\\nd\\u0009e\\u003c/script\\u003e\\u0026\"");
  CHECK(json_string(std::string("\x01x\x1f", 3)) == "\"\\u0001x\\u001f\"");
}

TEST_CASE("words: a character is part of a word exactly when utf8proc calls it a letter, mark or number") {
  for (int c = 1; c < 0x80; ++c) {
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    const utf8proc_category_t cat = utf8proc_category(c);
    const bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    CHECK_MESSAGE(split_words(text).size() == (word ? 1u : 2u), c);
  }
  // and every other character too, however many bytes it takes
  for (utf8proc_int32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (!utf8proc_codepoint_valid(c)) continue;
    utf8proc_uint8_t bytes[4];
    const auto n = utf8proc_encode_char(c, bytes);
    const std::string text = "a" + std::string(reinterpret_cast<char*>(bytes), static_cast<size_t>(n)) + "b";
    const utf8proc_category_t cat = utf8proc_category(c);
    const bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (split_words(text).size() != (word ? 1u : 2u)) FAIL_CHECK("code point " << c);
  }
  auto w = split_words("Kế hoạch 51-KH/ĐUK: chi bộ");
  std::vector<std::string> got;
  for (const auto& x : w) got.emplace_back(x.text);
  CHECK(got == std::vector<std::string>{"Kế", "hoạch", "51", "KH", "ĐUK", "chi", "bộ"});
}

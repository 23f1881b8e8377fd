// Unicode handling a Vietnamese writer and reader depend on.
#include <doctest/doctest.h>

#include "text.h"

using namespace congbo;

TEST_CASE("decomposed Vietnamese (tổ hợp keyboards) becomes identical to precomposed text") {
  const std::string precomposed = "Đảng ủy Khối";
  const std::string decomposed = "\xC4\x90" "a\xCC\x89ng u\xCC\x89y Kho\xCC\x82\xCC\x81i";
  CHECK(decomposed != precomposed);
  CHECK(to_nfc(decomposed) == precomposed);
  CHECK(to_nfc("plain ascii") == "plain ascii");
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

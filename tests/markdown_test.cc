// Markdown: GFM as writers use it, and nothing a writer types can inject a script.
#include <doctest/doctest.h>

#include "markdown.h"

using namespace congbo;

namespace {
RenderedMarkdown md(const std::string& text, Diagnostics& d, std::string base = "/") {
  return render_markdown(text, {base, "content/a.md", 10}, d);
}
}  // namespace

TEST_CASE("GFM extensions: tables, strikethrough, autolinks, task lists, footnotes") {
  Diagnostics d;
  auto r = md("| Đơn vị | Xếp loại |\n|---|---|\n| Chi bộ A | Tốt |\n\n~~bỏ~~\n\n"
              "Xem https://example.vn nhé.\n\n- [x] xong\n- [ ] chưa\n\n"
              "Theo quy định[^1].\n\n[^1]: Kế hoạch số 134-KH/TU.\n", d);
  CHECK(r.html.find("<table>") != std::string::npos);
  CHECK(r.html.find("<del>bỏ</del>") != std::string::npos);
  CHECK(r.html.find("<a href=\"https://example.vn\">") != std::string::npos);
  CHECK(r.html.find("type=\"checkbox\"") != std::string::npos);
  CHECK(r.html.find("data-footnote-ref") != std::string::npos);
  CHECK(r.html.find("Kế hoạch số 134-KH/TU.") != std::string::npos);
  // the way back from a footnote is labelled in Vietnamese, not cmark-gfm's English
  CHECK(r.html.find("aria-label=\"Quay lại chỗ đặt chú thích\"") != std::string::npos);
  CHECK(r.html.find("Back to") == std::string::npos);
  CHECK(d.items().empty());
}

TEST_CASE("headings get stable ids from their folded text, repeated ones numbered") {
  Diagnostics d;
  auto r = md("## Mục đích, yêu cầu\n\n### 1. Mục đích\n\n## Mục đích, yêu cầu\n", d);
  CHECK(r.html.find("<h2 id=\"muc-dich-yeu-cau\">Mục đích, yêu cầu</h2>") != std::string::npos);
  CHECK(r.html.find("<h3 id=\"1-muc-dich\">") != std::string::npos);
  CHECK(r.html.find("<h2 id=\"muc-dich-yeu-cau-2\">") != std::string::npos);
  REQUIRE(r.headings.size() == 3);
  CHECK(r.headings[1].level == 3);
  CHECK(r.headings[1].text == "1. Mục đích");
}

TEST_CASE("sup, sub and br pass through — other raw HTML shows as text with a warning") {
  Diagnostics d;
  auto r = md("H<sub>2</sub>O, m<sup>2</sup>, dòng<br>mới\n\n<script>alert(1)</script>\n\n"
              "Chữ <b onclick=\"x()\">đậm</b>\n", d);
  CHECK(r.html.find("H<sub>2</sub>O") != std::string::npos);
  CHECK(r.html.find("m<sup>2</sup>") != std::string::npos);
  CHECK(r.html.find("dòng<br />mới") != std::string::npos);
  CHECK(r.html.find("<script") == std::string::npos);
  CHECK(r.html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(r.html.find("<b ") == std::string::npos);
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].format() ==
        "content/a.md:12:1: warning: mã HTML \"<script>alert(1)</script>\" không được phép nên "
        "hiển thị như chữ thường; chỉ dùng được <sup>, <sub> và <br>");
  CHECK(d.items()[1].line == 14);
}

TEST_CASE("javascript: links are dropped with a warning") {
  Diagnostics d;
  auto r = md("[bấm](javascript:alert(1)) và [đúng](/van-ban/)\n", d);
  CHECK(r.html.find("javascript") == std::string::npos);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "liên kết \"javascript:alert(1)\" không an toàn nên đã bị bỏ");
}

TEST_CASE("root-relative links follow the site's base path") {
  Diagnostics d;
  auto r = md("[Văn bản](/van-ban/) và [ngoài](https://example.vn/x)\n", d, "/dang-uy/");
  CHECK(r.html.find("href=\"/dang-uy/van-ban/\"") != std::string::npos);
  CHECK(r.html.find("href=\"https://example.vn/x\"") != std::string::npos);
}

TEST_CASE("the summary is the first paragraph as plain text") {
  Diagnostics d;
  auto r = md("## Đề mục\n\nThực hiện *Chỉ thị* số 01-CT/TU.\n\nĐoạn hai.\n", d);
  CHECK(r.summary == "Thực hiện Chỉ thị số 01-CT/TU.");
}

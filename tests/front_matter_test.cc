// Front matter: the fenced TOML header a writer types at the top of each file.
#include <doctest/doctest.h>

#include "front_matter.h"

using namespace congbo;

TEST_CASE("front matter and body are split at the +++ fences") {
  Diagnostics d;
  auto fm = parse_front_matter("+++\ntitle = \"Kế hoạch\"\nnumber = \"51-KH/ĐUK\"\n+++\nNội dung\n",
                               "content/a.md", d);
  REQUIRE(fm.has_value());
  CHECK(d.items().empty());
  CHECK(fm->fields.find("title")->str == "Kế hoạch");
  CHECK(fm->fields.find("number")->line == 3);
  CHECK(fm->body == "Nội dung\n");
  CHECK(fm->body_line == 5);
}

TEST_CASE("a file without the opening fence is reported at its first line") {
  Diagnostics d;
  CHECK_FALSE(parse_front_matter("title = \"x\"\n", "content/a.md", d).has_value());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].format() ==
        "content/a.md:1:1: error: tệp phải bắt đầu bằng một dòng chỉ có +++ để mở phần "
        "thông tin đầu (front matter)");
}

TEST_CASE("a front matter that is never closed names the line that opened it") {
  Diagnostics d;
  CHECK_FALSE(parse_front_matter("+++\ntitle = \"x\"\nNội dung\n", "content/a.md", d).has_value());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].format() ==
        "content/a.md:1:1: error: không thấy dòng +++ đóng phần thông tin đầu đã mở ở dòng 1");
}

TEST_CASE("broken TOML is reported at its line in the file, not in the front matter") {
  Diagnostics d;
  CHECK_FALSE(parse_front_matter("+++\ntitle = \"x\"\nnumber = 51-KH\n+++\n", "content/a.md", d)
                  .has_value());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].line == 3);
  CHECK(d.items()[0].format().rfind("content/a.md:3:", 0) == 0);
  CHECK(d.items()[0].message.rfind("cú pháp TOML sai: ", 0) == 0);
}

TEST_CASE("fences tolerate Windows line endings and trailing spaces") {
  Diagnostics d;
  auto fm = parse_front_matter("+++\r\ntitle = \"x\"\r\n+++  \r\nThân\r\n", "content/a.md", d);
  REQUIRE(fm.has_value());
  CHECK(fm->fields.find("title")->str == "x");
}

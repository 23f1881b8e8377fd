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

TEST_CASE("the usual TOML mistakes are said in words an office writer understands, at their place") {
  // Not toml++'s English ("could not determine value type"): what to type instead.
  struct Case { const char* line; const char* at; const char* says; };
  const Case cases[] = {
      {"title = \"Kế hoạch", "2:18", "thiếu dấu nháy \" ở cuối giá trị"},
      {"title = 'Kế hoạch", "2:18", "thiếu dấu nháy ' ở cuối giá trị"},
      {"title = Kế hoạch", "2:9", "giá trị chữ phải đặt trong dấu nháy thẳng"},
      {"title = \u201CKế hoạch\u201D", "2:9", "dấu nháy cong “ ” (thường do chép từ Word)"},
      {"date = 21/10/2020", "2:10", "ngày phải viết theo dạng 2020-10-21, hoặc đặt trong dấu nháy"},
      {"date = 2021-02-30", "2:18", "ngày không có thật"},
      {"title: \"Kế hoạch\"", "2:6", "dùng dấu \"=\", không dùng dấu \":\""},
      {"title \"Kế hoạch\"", "2:7", "thiếu dấu \"=\" giữa tên trường và giá trị"},
      {"ngày ký = \"x\"", "2:3", "tên trường chỉ gồm chữ không dấu"},
      {"recipients = [\"a\" \"b\"]", "2:19", "các mục cách nhau bằng dấu phẩy"},
      {"title = \"Phong trào \"bốn tốt\"\"", "2:22", "sau giá trị còn chữ thừa"},
      {"title = \"C:\\du-lieu\"", "2:13", "dấu \\ trong chữ phải viết thành \\\\"},
      {"title = \"A\"\ntitle = \"B\"", "3:9", "trường \"title\" được viết hai lần"},
      {"[signer", "2:8", "chưa đóng bằng \"]\""},
      {"x = { a = 1,\n  b = 2 }", "2:13", "phải viết trọn trên một dòng"},
      {"x = { a = 1, }", "2:14", "không có dấu phẩy trước \"}\""},
  };
  for (const Case& c : cases) {
    const std::string line = c.line;
    CAPTURE(line);
    Diagnostics d;
    CHECK_FALSE(parse_front_matter(std::string("+++\n") + c.line + "\n+++\nNội dung.\n", "content/a.md", d).has_value());
    REQUIRE(d.items().size() == 1);
    const std::string m = d.items()[0].format();
    CAPTURE(m);
    CHECK(m.rfind(std::string("content/a.md:") + c.at + ": error: cú pháp TOML sai: ", 0) == 0);
    CHECK(m.find(c.says) != std::string::npos);
    CHECK(m.find("parsing") == std::string::npos);  // none of toml++'s English left
  }
}

TEST_CASE("fences tolerate Windows line endings and trailing spaces") {
  Diagnostics d;
  auto fm = parse_front_matter("+++\r\ntitle = \"x\"\r\n+++  \r\nThân\r\n", "content/a.md", d);
  REQUIRE(fm.has_value());
  CHECK(fm->fields.find("title")->str == "x");
}

// The readers' words: the built-in strings.toml, and a committee changing a
// heading or a title with its own strings.toml, without touching C++.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "page_words.h"
#include "site_fixture.h"

using namespace congbo;
using namespace congbo::testing;
namespace fs = std::filesystem;

namespace {

const char* kUnits = "[[unit]]\nid = \"cb-a\"\nname = \"Chi bộ A\"\ntype = \"chi bộ cơ sở\"\nsector = \"hành chính\"\n";
const char* kDoc = "+++\ntitle = \"Kế hoạch A\"\nnumber = \"1-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\ndate = 2021-03-04\n+++\nNội dung.\n";

// Puts the built-in words back whatever a test did (they are the process's).
struct BuiltinWordsAfter {
  ~BuiltinWordsAfter() { words::use(words::builtin_table()); }
};

}  // namespace

TEST_CASE("every word the C++ side asks for is in the built-in strings.toml") {
  const words::Table builtin = words::builtin_table();
  CHECK(builtin.size() > 120);
  const std::regex asked(R"re(text\("([a-z_]+\.[a-z_-]+)")re");
  int found = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(CONGBO_SOURCE_DIR) / "generator")) {
    if (e.path().extension() != ".cc") continue;
    const std::string src = read_file(e.path());
    for (std::sregex_iterator m(src.begin(), src.end(), asked), end; m != end; ++m) {
      ++found;
      CHECK_MESSAGE(builtin.count((*m)[1]) == 1, e.path().filename().string() << " asks for " << (*m)[1]);
    }
  }
  CHECK(found > 80);
  CHECK(words::text("date.year", {{"year", "2021"}}) == "Năm 2021");
  CHECK(words::text("no.such-word") == "no.such-word");
}

TEST_CASE("a committee changes a heading and a title with its own strings.toml") {
  BuiltinWordsAfter restore;
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/don-vi.toml", kUnits)
      .file("content/van-ban/a.md", kDoc)
      .file("strings.toml", "[section]\nvan-ban = \"Văn bản của Đảng ủy\"\n\n[date]\nyear = \"Năm ban hành {year}\"\n\n"
                            "[table]\nunit = \"Tên đơn vị\"\n");
  REQUIRE(site.build());
  CHECK(site.messages().find("warning") == std::string::npos);
  CHECK(contains_msg(site.read("van-ban/index.html"), ">Văn bản của Đảng ủy</h1>") == "yes");
  CHECK(contains_msg(site.read("van-ban/nam/2021/index.html"), "Năm ban hành 2021") == "yes");
  CHECK(site.read("don-vi/danh-sach-don-vi.csv").find("Tên đơn vị,Loại tổ chức") != std::string::npos);
  // The words a key does not change stay the built-in ones.
  CHECK(contains_msg(site.read("van-ban/index.html"), "Loại văn bản") == "yes");

  SUBCASE("changing the words is a change: the next build writes them") {
    site.file("strings.toml", "[section]\nvan-ban = \"Hệ thống văn bản\"\n");
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
    CHECK(contains_msg(site.read("van-ban/index.html"), ">Hệ thống văn bản</h1>") == "yes");
    CHECK(contains_msg(site.read("van-ban/nam/2021/index.html"), "Năm 2021") == "yes");
  }
}

TEST_CASE("a mistaken strings.toml is told at its place") {
  BuiltinWordsAfter restore;
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", kDoc);

  SUBCASE("a key the built-in words do not have, or a slot they do not fill, is a warning") {
    site.file("strings.toml", "[section]\nvan-bna = \"Văn bản\"\n[date]\nyear = \"Năm {nam}\"\n");
    REQUIRE(site.build());
    CHECK(site.messages() ==
          "strings.toml:2:1: warning: không có chữ nào mang tên \"section.van-bna\" trong bảng chữ của giao diện "
          "(themes/default/strings.toml); dòng này bị bỏ qua\n"
          "strings.toml:4:1: warning: \"date.year\" không có chỗ điền {nam}: congbo sẽ để nguyên \"{nam}\" trên trang\n");
  }
  SUBCASE("a value that is not text is an error, and nothing is written") {
    site.file("strings.toml", "[section]\nvan-ban = 3\n");
    CHECK_FALSE(site.build());
    CHECK(site.messages().find("strings.toml:2:1: error:") == 0);
    CHECK_FALSE(fs::exists(site.out() / "index.html"));
  }
  SUBCASE("a TOML mistake is said as in every other file") {
    site.file("strings.toml", "[section]\nvan-ban = Văn bản\n");
    CHECK_FALSE(site.build());
    CHECK(site.messages().find("strings.toml:2:") == 0);
  }
}

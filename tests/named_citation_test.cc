// Documents cited by name, not number: the forms the seed plans use for the
// Party's resolutions and charters, and the names a site declares.
#include <doctest/doctest.h>

#include "named_citation.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

namespace {

std::vector<std::string> names(const std::string& text, const std::vector<NamedDocument>& declared = {},
                               const std::string& issuer = "duk") {
  std::vector<std::string> out;
  for (const auto& c : find_named_citations(text, declared, issuer)) out.push_back(c.name);
  return out;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the named forms of the seed plans are found, each once, and nothing that only looks like one") {
  CHECK(names("Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng") ==
        std::vector<std::string>{"Nghị quyết Trung ương 4 khóa XII"});
  CHECK(names("quán triệt Nghị quyết Trung ương 4 (khóa XII) và Chỉ thị số 05-CT/TW") ==
        std::vector<std::string>{"Nghị quyết Trung ương 4 khóa XII"});
  CHECK(names("Nghị quyết Trung ương 4 khóa XI, XII và Chỉ thị") ==
        std::vector<std::string>{"Nghị quyết Trung ương 4 khóa XI", "Nghị quyết Trung ương 4 khóa XII"});
  CHECK(names("Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII") ==
        std::vector<std::string>{"Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"});
  CHECK(names("Nghị quyết Đại hội XX Đảng bộ tỉnh") == std::vector<std::string>{"Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"});
  CHECK(names("Nghị quyết Đại hội đại biểu Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh lần thứ XIII, nhiệm kỳ") ==
        std::vector<std::string>{"Nghị quyết Đại hội Đảng bộ Khối lần thứ XIII"});
  CHECK(names("thực hiện Điều lệ Đảng, Hiến pháp và pháp luật; Điều lệ Đảng") ==
        std::vector<std::string>{"Điều lệ Đảng Cộng sản Việt Nam", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"});
  // a number makes it a numbered citation; a term not said is not guessed
  CHECK(names("Nghị quyết số 21-NQ/TW ngày 16/6/2022").empty());
  CHECK(names("tiếp tục thực hiện Nghị quyết Trung ương 4, sau kiểm điểm").empty());
}

TEST_CASE("a province's or a bloc's own congress is that of the committee citing it") {
  auto a = find_named_citations("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI", {}, "duk-ben-tre");
  auto b = find_named_citations("Nghị quyết Đại hội XI Đảng bộ tỉnh", {}, "tu-quang-ngai");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].key != b[0].key);
  CHECK(a[0].scope == "duk-ben-tre");
  // the Party's own congress is one document whoever cites it
  CHECK(find_named_citations("Nghị quyết Đại hội XIII của Đảng", {}, "x")[0].key ==
        find_named_citations("Nghị quyết Đại hội XIII của Đảng", {}, "y")[0].key);
}

TEST_CASE("a name the site declares is found as written, and takes over a form it names") {
  std::vector<NamedDocument> declared = {
      {"qd-37", "Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
       {"Quy định những điều đảng viên không được làm"}, "37-QĐ/TW", ""},
      {"nq4", "Nghị quyết số 04-NQ/TW (Trung ương 4 khóa XII)", {"Nghị quyết Trung ương 4 khóa XII"}, "", "https://tulieuvankien.dangcongsan.vn/"},
  };
  auto found = find_named_citations("Không có đảng viên vi phạm Quy định những điều đảng viên không được làm. "
                                    "Nghị quyết Trung ương 4 (khóa XII)", declared, "duk");
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "Quy định số 37-QĐ/TW về những điều đảng viên không được làm");
  CHECK(found[0].number == "37-QĐ/TW");
  CHECK(found[1].name == "Nghị quyết số 04-NQ/TW (Trung ương 4 khóa XII)");
  CHECK(found[1].url == "https://tulieuvankien.dangcongsan.vn/");
}

TEST_CASE("documents cited by name are listed among the cited documents and on the citing page, linked where known") {
  TempSite site;
  site.file("site.toml", std::string(kMinimalConfig) +
                             "[named.qd-37]\nname = \"Quy định số 37-QĐ/TW về những điều đảng viên không được làm\"\n"
                             "aliases = [\"Quy định những điều đảng viên không được làm\"]\nnumber = \"37-QĐ/TW\"\n"
                             "[named.dieu-le]\nname = \"Điều lệ Đảng Cộng sản Việt Nam\"\nurl = \"https://dangcongsan.vn/dieu-le\"\n")
      .file("content/van-ban/kh.md",
            "+++\ntitle = \"Kế hoạch thi đua\"\nnumber = \"51-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\n"
            "Thực hiện Nghị quyết Trung ương 4 khóa XII và Điều lệ Đảng; không vi phạm Quy định những điều đảng viên không được làm.\n");
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string cited = site.read("van-ban/dan-chieu/index.html");
  CHECK(has(cited, "Nghị quyết Trung ương 4 khóa XII"));
  CHECK(has(cited, "<a href=\"https://dangcongsan.vn/dieu-le\">Điều lệ Đảng Cộng sản Việt Nam</a>"));
  CHECK(has(cited, "Quy định số 37-QĐ/TW về những điều đảng viên không được làm</p>"));  // its number said once
  const std::string page = site.read("van-ban/kh/index.html");
  CHECK(has(page, "<span class=\"rel-external\">Nghị quyết Trung ương 4 khóa XII</span>"));

  SUBCASE("a declared number the site has links to that page") {
    site.file("content/van-ban/qd-37.md",
              "+++\ntitle = \"Những điều đảng viên không được làm\"\nnumber = \"37-QĐ/TW\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung.\n");
    REQUIRE_MESSAGE(site.build(), site.messages());
    CHECK(has(site.read("van-ban/kh/index.html"), "<a href=\"/van-ban/qd-37/\">"));
    CHECK_FALSE(has(site.read("van-ban/dan-chieu/index.html"), "những điều đảng viên không được làm"));
  }
}

TEST_CASE("a declared named document with a number that is not one is refused at its line") {
  TempSite site;
  site.file("site.toml", std::string(kMinimalConfig) + "[named.x]\nname = \"Quy định X\"\nnumber = \"ba mươi bảy\"\n");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "site.toml:"));
  CHECK(has(site.messages(), "number = \"ba mươi bảy\" không phải số ký hiệu văn bản"));
}

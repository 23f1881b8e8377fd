// Party documents on the site: references become links, relationships show
// both ways, status follows replacement, browse pages and JSON-LD.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <map>

#include "site_fixture.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string config_with_two_issuers() {
  return std::string(kMinimalConfig) +
         "[issuers.tu]\nabbr = \"TU\"\nname = \"Tỉnh ủy Bến Tre\"\n";
}

void write_archive(TempSite& site) {
  site.file("site.toml", config_with_two_issuers())
      .file("content/van-ban/05-kh-duk.md",
            "+++\ntitle = \"Đổi mới công tác chính trị, tư tưởng\"\nnumber = \"05 -KH/ĐUK\"\nkind = \"KH\"\n"
            "issuer = \"duk\"\ndate = 2020-10-21\nfields = [\"Công tác tư tưởng\"]\n+++\nNội dung.\n")
      .file("content/van-ban/20-kh-duk.md",
            "+++\ntitle = \"Thi đua (bản cũ)\"\nnumber = \"20-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
            "date = 2021-01-14\n+++\nBản cũ.\n")
      .file("content/van-ban/51-kh-duk.md",
            "+++\ntitle = \"Thi đua xây dựng chi bộ trong sạch, vững mạnh\"\nnumber = \"51-KH/ĐUK\"\n"
            "kind = \"KH\"\nissuer = \"duk\"\ndate = 2021-06-01\n"
            "replaces = [\"20-KH/ĐUK@2021-01-14\", \"43-KH/ĐUK@2021-05-11\"]\nbased_on = [\"01-CT/TU\"]\n+++\n"
            "Thực hiện Kế hoạch số 05-KH/ĐUK của Đảng ủy Khối và Chỉ thị số 05-CT/TW của Bộ Chính trị.\n")
      .file("content/van-ban/01-ct-tu.md",
            "+++\ntitle = \"Phát động phong trào thi đua Đồng Khởi mới\"\nnumber = \"01-CT/TU\"\nkind = \"CT\"\n"
            "issuer = \"tu\"\ndate = 2020-10-17\nstatus = \"Còn hiệu lực một phần\"\n+++\n"
            "Theo Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.\n")
      .file("content/van-ban/khong-so.md",
            "+++\ntitle = \"Chương trình hành động\"\nkind = \"KH\"\nissuer = \"tu\"\n+++\nKhông số.\n");
}

}  // namespace

TEST_CASE("a cited number becomes a link to that document, which lists the citing one") {
  TempSite site;
  write_archive(site);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string p51 = site.read("van-ban/51-kh-duk/index.html");
  CHECK(has(p51, "Thực hiện Kế hoạch số <a href=\"/van-ban/05-kh-duk/\">05-KH/ĐUK</a> của Đảng ủy Khối"));
  // not on the site: plain text in the body
  CHECK(has(p51, "Chỉ thị số 05-CT/TW của Bộ Chính trị"));
  std::string p05 = site.read("van-ban/05-kh-duk/index.html");
  CHECK(has(p05, "<h3>Được dẫn chiếu bởi</h3>"));
  CHECK(has(p05, "<a href=\"/van-ban/51-kh-duk/\">Kế hoạch số 51-KH/ĐUK</a>"));
}

TEST_CASE("a replaced document is marked out of force and links to its replacement") {
  TempSite site;
  write_archive(site);
  REQUIRE(site.build());
  std::string old = site.read("van-ban/20-kh-duk/index.html");
  CHECK(has(old, "Tình trạng: <span class=\"force-name\">Hết hiệu lực</span>"));
  CHECK(has(old, "Từ ngày 01/06/2021: được thay thế bởi <a href=\"/van-ban/51-kh-duk/\">Kế hoạch số 51-KH/ĐUK</a></span>"));
  CHECK(has(old, "<h3>Bị thay thế bởi</h3>"));
  CHECK(has(old, "\"legislationLegalForce\":\"https://schema.org/NotInForce\""));

  std::string p51 = site.read("van-ban/51-kh-duk/index.html");
  CHECK(has(p51, "Tình trạng: <span class=\"force-name\">Còn hiệu lực</span>"));
  CHECK(has(p51, "<h3>Thay thế cho</h3>"));
  CHECK(has(p51, "<a href=\"/van-ban/20-kh-duk/\">Kế hoạch số 20-KH/ĐUK</a>"));
  // 43-KH/ĐUK is not on the site: shown, unlinked, and pointed at the list of cited documents
  CHECK(has(p51, "<span class=\"rel-external\">Kế hoạch số 43-KH/ĐUK, ngày 11/05/2021</span>"));
  CHECK(has(p51, "<h3>Căn cứ</h3>"));
  CHECK(has(p51, "<a href=\"/van-ban/01-ct-tu/\">Chỉ thị số 01-CT/TU</a>"));
  CHECK(has(site.read("van-ban/01-ct-tu/index.html"), "<h3>Được căn cứ bởi</h3>"));
  // a status written by hand is shown as written
  CHECK(has(site.read("van-ban/01-ct-tu/index.html"), "Tình trạng: <span class=\"force-name\">Còn hiệu lực một phần</span>"));
}

TEST_CASE("documents cited but not on the site are gathered once, with who cites them") {
  TempSite site;
  write_archive(site);
  REQUIRE(site.build());
  std::string cited = site.read("van-ban/dan-chieu/index.html");
  CHECK(has(cited, "Chỉ thị số 05-CT/TW, ngày 15/05/2016"));
  CHECK(has(cited, "Được dẫn chiếu bởi 2 văn bản:"));
  size_t first = cited.find("05-CT/TW");
  CHECK(cited.find("05-CT/TW", first + 1) == std::string::npos);
  CHECK(has(cited, "Kế hoạch số 43-KH/ĐUK, ngày 11/05/2021"));
}

TEST_CASE("JSON-LD describes each document as schema.org Legislation, number as written") {
  TempSite site;
  write_archive(site);
  REQUIRE(site.build());
  std::string p05 = site.read("van-ban/05-kh-duk/index.html");
  CHECK(has(p05, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Legislation\""));
  CHECK(has(p05, "\"legislationIdentifier\":\"05 -KH/ĐUK\""));
  CHECK(has(p05, "\"legislationType\":\"Kế hoạch\""));
  CHECK(has(p05, "\"legislationDate\":\"2020-10-21\""));
  CHECK(has(p05, "\"legislationPassedBy\":{\"@type\":\"Organization\",\"name\":\"Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre\"}"));
  std::string p51 = site.read("van-ban/51-kh-duk/index.html");
  CHECK(has(p51, "\"isBasedOn\":[\"https://example.vn/van-ban/01-ct-tu/\"]"));
  CHECK(has(p51, "\"legislationChanges\":[\"https://example.vn/van-ban/20-kh-duk/\",{\"@type\":\"Legislation\",\"legislationIdentifier\":\"43-KH/ĐUK\"}]"));
}

TEST_CASE("browse pages by kind, issuer, year and field, newest first and undated last") {
  TempSite site;
  write_archive(site);
  REQUIRE(site.build());
  std::string kinds = site.read("van-ban/loai/index.html");
  CHECK(has(kinds, "<a href=\"/van-ban/loai/ke-hoach/\">Kế hoạch</a> <span class=\"count\">4 văn bản</span>"));
  CHECK(has(kinds, "<a href=\"/van-ban/loai/chi-thi/\">Chỉ thị</a> <span class=\"count\">1 văn bản</span>"));
  // paginate = 2 in the fixture: four plans make two pages
  std::string plans = site.read("van-ban/loai/ke-hoach/index.html");
  CHECK(plans.find("51-KH/ĐUK") < plans.find("20-KH/ĐUK"));
  CHECK(has(site.read("van-ban/loai/ke-hoach/trang/2/index.html"), "Chương trình hành động"));
  CHECK(has(plans, "<p class=\"breadcrumb\"><a href=\"/van-ban/loai/\">Văn bản theo loại</a></p>"));

  CHECK(has(site.read("van-ban/co-quan/tu/index.html"), "01-CT/TU"));
  std::string years = site.read("van-ban/nam/index.html");
  CHECK(years.find("Năm 2021") < years.find("Năm 2020"));
  CHECK(years.find("Năm 2020") < years.find("Chưa rõ năm"));
  CHECK(has(site.read("van-ban/nam/chua-ro/index.html"), "Chương trình hành động"));
  CHECK(has(site.read("van-ban/linh-vuc/cong-tac-tu-tuong/index.html"), "05 -KH/ĐUK"));
  // the documents section offers the browse pages
  CHECK(has(site.read("van-ban/index.html"), "<a href=\"/van-ban/loai/\">Loại văn bản</a>"));
  // the properties table links to them
  std::string p05 = site.read("van-ban/05-kh-duk/index.html");
  CHECK(has(p05, "<a href=\"/van-ban/loai/ke-hoach/\">Kế hoạch</a>"));
  CHECK(has(p05, "<a class=\"tag\" href=\"/van-ban/linh-vuc/cong-tac-tu-tuong/\">Công tác tư tưởng</a>"));
  CHECK(has(site.read("sitemap.xml"), "<loc>https://example.vn/van-ban/loai/ke-hoach/</loc>"));
}

TEST_CASE("a page may not take the address of a browse page") {
  TempSite site;
  write_archive(site);
  site.file("content/van-ban/loai.md", "+++\ntitle = \"Loại\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\n");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "content/van-ban/loai.md:1:1: error: trang này có cùng địa chỉ /van-ban/loai/"));
}

TEST_CASE("a relationship entry that is not a number, and an undeclared issuer, are errors") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md",
            "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"khong-co\"\nreplaces = [\"Kế hoạch 20\"]\n+++\n");
  CHECK_FALSE(site.build());
  CHECK(site.messages() ==
        "content/van-ban/a.md:4:1: error: cơ quan ban hành \"khong-co\" chưa được khai báo trong bảng [issuers] của site.toml\n"
        "content/van-ban/a.md:5:13: error: \"Kế hoạch 20\" trong \"replaces\" không phải số văn bản; hãy viết như "
        "\"51-KH/ĐUK\" hoặc \"51-KH/ĐUK@2021-01-14\"\n");
}

TEST_CASE("an edit re-renders exactly the affected pages: the page, its lists, the pages that cite it") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", "+++\ntitle = \"Văn bản A\"\nnumber = \"1-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
                                    "date = 2021-01-01\n+++\nThực hiện Kế hoạch số 2-KH/ĐUK.\n")
      .file("content/van-ban/b.md", "+++\ntitle = \"Văn bản B\"\nnumber = \"2-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
                                    "date = 2020-01-01\n+++\nNội dung B.\n")
      .file("content/van-ban/c.md", "+++\ntitle = \"Văn bản C\"\nnumber = \"3-CT/ĐUK\"\nkind = \"CT\"\nissuer = \"duk\"\n"
                                    "date = 2019-01-01\n+++\nKhông liên quan.\n");
  REQUIRE(site.build());
  auto inode = [&](const std::string& rel) {
    struct stat s;
    return ::stat((site.out() / rel).c_str(), &s) == 0 ? s.st_ino : 0;
  };
  std::map<std::string, ino_t> before;
  for (const char* f : {"van-ban/a/index.html", "van-ban/b/index.html", "van-ban/c/index.html", "van-ban/loai/ke-hoach/index.html",
                        "van-ban/loai/chi-thi/index.html", "van-ban/nam/2019/index.html", "van-ban/nam/2020/index.html"}) {
    before[f] = inode(f);
  }
  site.file("content/van-ban/b.md", "+++\ntitle = \"Văn bản B đã sửa\"\nnumber = \"2-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
                                    "date = 2020-01-01\n+++\nNội dung B.\n");
  REQUIRE(site.build());
  // rendered again: the page, the lists that show it, the page that cites it
  CHECK(inode("van-ban/b/index.html") != before["van-ban/b/index.html"]);
  CHECK(inode("van-ban/a/index.html") != before["van-ban/a/index.html"]);
  CHECK(inode("van-ban/loai/ke-hoach/index.html") != before["van-ban/loai/ke-hoach/index.html"]);
  CHECK(inode("van-ban/nam/2020/index.html") != before["van-ban/nam/2020/index.html"]);
  // not touched: pages and lists that do not show it
  CHECK(inode("van-ban/c/index.html") == before["van-ban/c/index.html"]);
  CHECK(inode("van-ban/loai/chi-thi/index.html") == before["van-ban/loai/chi-thi/index.html"]);
  CHECK(inode("van-ban/nam/2019/index.html") == before["van-ban/nam/2019/index.html"]);
}

TEST_CASE("the head of a document prints the issuer's lines as its documents print them, and invents none") {
  TempSite site;
  site.file("site.toml", std::string(kMinimalConfig) +
                             "[issuers.benTre]\nabbr = \"ĐUK\"\nname = \"Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre\"\n"
                             "parent = \"Đảng bộ tỉnh Bến Tre\"\nheader = [\"ĐẢNG ỦY KHỐI\", \"CƠ QUAN - DOANH NGHIỆP TỈNH\"]\n"
                             "[issuers.khac]\nabbr = \"TU\"\nname = \"Ban Chấp hành Đảng bộ tỉnh (Đại hội lần thứ XX)\"\nheader = []\n")
      .file("content/van-ban/05.md", "+++\ntitle = \"Đổi mới\"\nnumber = \"05-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"benTre\"\n+++\nNội dung.\n")
      .file("content/van-ban/ctr.md", "+++\ntitle = \"Chương trình\"\nkind = \"KH\"\nissuer = \"khac\"\n+++\nNội dung.\n")
      .file("content/van-ban/a.md", "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung.\n");
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string printed = site.read("van-ban/05/index.html");
  CHECK(has(printed, "<p class=\"doc-parent\">ĐẢNG BỘ TỈNH BẾN TRE</p>\n      <p class=\"doc-body-name\">ĐẢNG ỦY KHỐI</p><p class=\"doc-body-name\">CƠ QUAN - DOANH NGHIỆP TỈNH</p>"));
  CHECK_FALSE(has(printed, "DOANH NGHIỆP TỈNH BẾN TRE"));
  // a head that states nothing: no line made up from the name, no star alone
  const std::string bare = site.read("van-ban/ctr/index.html");
  CHECK_FALSE(has(bare, "doc-body-name"));
  CHECK_FALSE(has(bare, "ĐẠI HỘI LẦN THỨ XX"));
  CHECK_FALSE(has(bare, "doc-star"));
  // without header: the name in capitals, as before
  CHECK(has(site.read("van-ban/a/index.html"), "<p class=\"doc-body-name\">"));
}

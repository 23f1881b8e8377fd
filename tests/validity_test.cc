// Validity as the document portals show it: not yet in force before its
// effective date, partly out of force once an amendment takes effect, out of
// force once replaced or expired — on the day the site is built, and on any
// day a reader picks.
#include <doctest/doctest.h>

#include "site_fixture.h"
#include "validity.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string doc(const std::string& number, const std::string& date, const std::string& more = "") {
  return "+++\ntitle = \"Văn bản " + number + "\"\nnumber = \"" + number + "\"\nkind = \"KH\"\nissuer = \"duk\"\ndate = " +
         date + "\n" + more + "+++\nNội dung.\n";
}

// 1-KH/ĐUK issued 2021-01-05, in force from 2021-02-01; 2-KH/ĐUK amends it
// from 2022-03-01; 3-KH/ĐUK, issued 2023-12-20, replaces it from 2024-01-01.
void write_plans(TempSite& site) {
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/1-kh-duk.md", doc("1-KH/ĐUK", "2021-01-05", "effective = 2021-02-01\n"))
      .file("content/van-ban/2-kh-duk.md", doc("2-KH/ĐUK", "2022-03-01", "amends = [\"1-KH/ĐUK\"]\n"))
      .file("content/van-ban/3-kh-duk.md",
            doc("3-KH/ĐUK", "2023-12-20", "effective = 2024-01-01\nreplaces = [\"1-KH/ĐUK\"]\n"));
}

bool build_on(TempSite& site, const std::string& day) {
  BuildOptions o;
  o.site_dir = site.dir();
  o.today = Date::parse(day);
  return site.build_with(o);
}

std::string status_of(const std::string& page) {
  const size_t at = page.find("<span class=\"force-name\">");
  return at == std::string::npos ? "" : page.substr(at + 25, page.find("</span>", at) - at - 25);
}

}  // namespace

TEST_CASE("a plan's force through its life: not yet, in force, partly amended, replaced") {
  TempSite site;
  write_plans(site);
  REQUIRE_MESSAGE(build_on(site, "2021-01-20"), site.messages());
  std::string one = site.read("van-ban/1-kh-duk/index.html");
  CHECK(status_of(one) == "Chưa có hiệu lực");
  CHECK(has(one, "Có hiệu lực từ ngày 01/02/2021."));
  CHECK(has(one, "<tr><th scope=\"row\">Ngày có hiệu lực</th><td>01/02/2021</td></tr>"));
  CHECK_FALSE(has(one, "legislationLegalForce"));
  CHECK(has(one, "\"legislationDateOfApplicability\":\"2021-02-01\""));

  REQUIRE(build_on(site, "2021-06-01"));
  CHECK(status_of(site.read("van-ban/1-kh-duk/index.html")) == "Còn hiệu lực");

  REQUIRE(build_on(site, "2022-06-01"));
  one = site.read("van-ban/1-kh-duk/index.html");
  CHECK(status_of(one) == "Hết hiệu lực một phần");
  CHECK(has(one, "Từ ngày 01/03/2022: bị sửa đổi một phần bởi <a href=\"/van-ban/2-kh-duk/\">Kế hoạch số 2-KH/ĐUK</a>"));
  CHECK(has(one, "\"legislationLegalForce\":\"https://schema.org/PartiallyInForce\""));
  // 3-KH/ĐUK is not in force yet: 1-KH/ĐUK is not replaced yet
  CHECK(status_of(site.read("van-ban/3-kh-duk/index.html")) == "Chưa có hiệu lực");

  REQUIRE(build_on(site, "2024-01-01"));
  one = site.read("van-ban/1-kh-duk/index.html");
  CHECK(status_of(one) == "Hết hiệu lực");
  CHECK(has(one, "Từ ngày 01/01/2024: được thay thế bởi <a href=\"/van-ban/3-kh-duk/\">Kế hoạch số 3-KH/ĐUK</a>, ngày 20/12/2023"));
  CHECK(has(one, "\"legislationLegalForce\":\"https://schema.org/NotInForce\""));
  // the page carries the whole timeline, for the reader's own today and any day they pick
  CHECK(has(one, "data-force=\"[{&quot;from&quot;:&quot;2021-02-01&quot;,&quot;status&quot;:&quot;Còn hiệu lực&quot;,&quot;start&quot;:true},"
                 "{&quot;from&quot;:&quot;2022-03-01&quot;,&quot;status&quot;:&quot;Hết hiệu lực một phần&quot;},"
                 "{&quot;from&quot;:&quot;2024-01-01&quot;,&quot;status&quot;:&quot;Hết hiệu lực&quot;}]\""));
  CHECK(has(one, "<script src=\"/js/hieu-luc.js\" defer></script>"));
}

TEST_CASE("the documents can be browsed by their status on the day of the build") {
  TempSite site;
  write_plans(site);
  REQUIRE(build_on(site, "2022-06-01"));
  const std::string partly = site.read("van-ban/hieu-luc/het-hieu-luc-mot-phan/index.html");
  CHECK(has(partly, "Văn bản 1-KH/ĐUK"));
  CHECK_FALSE(has(partly, "Văn bản 2-KH/ĐUK"));
  const std::string in_force = site.read("van-ban/hieu-luc/con-hieu-luc/index.html");
  CHECK(has(in_force, "Văn bản 2-KH/ĐUK"));
  CHECK(has(site.read("van-ban/hieu-luc/chua-co-hieu-luc/index.html"), "Văn bản 3-KH/ĐUK"));
  CHECK(has(site.read("van-ban/hieu-luc/index.html"), "Văn bản theo tình trạng hiệu lực"));
}

TEST_CASE("a document that expires by its own date, and dates that cannot be") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/1-kh-duk.md", doc("1-KH/ĐUK", "2021-01-05", "expires = 2022-01-01\n"));
  REQUIRE(build_on(site, "2023-01-01"));
  const std::string one = site.read("van-ban/1-kh-duk/index.html");
  CHECK(status_of(one) == "Hết hiệu lực");
  CHECK(has(one, "Từ ngày 01/01/2022</span>"));
  CHECK(has(one, "\"expires\":\"2022-01-01\""));

  TempSite wrong;
  wrong.file("site.toml", kMinimalConfig)
      .file("content/van-ban/1-kh-duk.md",
            doc("1-KH/ĐUK", "2021-01-05", "effective = 2021-03-01\nexpires = 2021-02-01\n"))
      .file("content/van-ban/2-kh-duk.md", doc("2-KH/ĐUK", "2021-01-05", "effective = 2020-12-01\n"));
  CHECK_FALSE(build_on(wrong, "2023-01-01"));
  CHECK_MESSAGE(has(wrong.messages(), "content/van-ban/1-kh-duk.md:8:1: error: ngày hết hiệu lực (expires = 01/02/2021) "
                                      "phải sau ngày có hiệu lực (effective = 01/03/2021)"),
                wrong.messages());
  CHECK_MESSAGE(has(wrong.messages(), "content/van-ban/2-kh-duk.md:7:1: warning: ngày có hiệu lực (effective = 01/12/2020) "
                                      "trước ngày ban hành (05/01/2021)"),
                wrong.messages());
}

TEST_CASE("a document replaced by an undated one is still not in force before its own start") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/1-kh-duk.md", doc("1-KH/ĐUK", "2021-01-05", "effective = 2030-01-01\n"))
      .file("content/van-ban/2-kh-duk.md",
            "+++\ntitle = \"Thay thế\"\nnumber = \"2-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\nreplaces = [\"1-KH/ĐUK\"]\n+++\nChữ.\n");
  REQUIRE_MESSAGE(build_on(site, "2026-06-01"), site.messages());
  const std::string one = site.read("van-ban/1-kh-duk/index.html");
  CHECK(status_of(one) == "Chưa có hiệu lực");
  // the start comes first and is marked, so the page's script says the same for any day before it
  CHECK(has(one, "[{&quot;from&quot;:&quot;2030-01-01&quot;,&quot;status&quot;:&quot;Còn hiệu lực&quot;,&quot;start&quot;:true},"
                 "{&quot;from&quot;:&quot;&quot;,&quot;status&quot;:&quot;Hết hiệu lực&quot;}]"));
}

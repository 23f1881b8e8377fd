// Emulation results, commendations, exemplary models and unit profiles, told
// as an office would use them: write the data, build, read the pages, CSV and
// messages a writer gets for each mistake.
#include <doctest/doctest.h>

#include "site_fixture.h"

using namespace congbo;
using namespace congbo::testing;

namespace {

const char* kUnits = R"([[unit]]
id = "db-dien-luc"
name = "Đảng bộ Công ty Điện lực"
type = "đảng bộ cơ sở"
sector = "doanh nghiệp nhà nước"

[[unit]]
id = "cb-kinh-doanh"
name = "Chi bộ Phòng Kinh doanh"
type = "chi bộ trực thuộc"
parent = "db-dien-luc"

[[unit]]
id = "cb-ky-thuat"
name = "Chi bộ Phòng Kỹ thuật"
type = "chi bộ trực thuộc"
parent = "db-dien-luc"

[[unit]]
id = "cb-ngan-hang"
name = "Chi bộ Ngân hàng Nhà nước"
type = "chi bộ cơ sở"
sector = "hành chính"
)";

// Rules of the "bốn tốt" plan; results for two years. Line numbers matter:
// the rows of 2024 start at line 49.
const char* kCampaignHead = R"(name = "Chi bộ bốn tốt"
plan = "van-ban/kh"
[[criteria]]
id = "chinh-tri"
name = "Hoàn thành tốt nhiệm vụ chính trị"
[[criteria]]
id = "sinh-hoat"
name = "Chất lượng sinh hoạt tốt"
[[criteria]]
id = "doan-ket"
name = "Đoàn kết, kỷ luật tốt"
[[criteria]]
id = "can-bo"
name = "Cán bộ, đảng viên tốt"
[[grade]]
id = "bon-tot"
name = "Bốn tốt"
criteria_at_least = 4
children_grade = "bon-tot"
children_share = "3/4"
[[grade]]
id = "tot"
name = "Hoàn thành tốt nhiệm vụ"
criteria_at_least = 3
criteria_include = ["chinh-tri"]
[[grade]]
id = "khong"
name = "Không hoàn thành nhiệm vụ"
otherwise = true
[[target]]
name = "Trên 50% đơn vị bốn tốt"
grade = "bon-tot"
above = "50%"
[commendation]
quota = "30%"
grade = "bon-tot"
years_running = 2
[[results]]
year = 2023
units = [
  { unit = "db-dien-luc", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
  { unit = "cb-kinh-doanh", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
  { unit = "cb-ky-thuat", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
  { unit = "cb-ngan-hang", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
]
)";

const char* kResults2024 = R"([[results]]
year = 2024
date = 2024-12-20
units = [
  { unit = "db-dien-luc", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
  { unit = "cb-kinh-doanh", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"] },
  { unit = "cb-ky-thuat", met = ["chinh-tri", "sinh-hoat", "doan-ket"] },
  { unit = "cb-ngan-hang", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"], note = "Có mô hình hay" },
]
)";

const char* kPlan = "+++\ntitle = \"Phát động phong trào thi đua\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung.\n";

const char* kModel = R"(+++
title = "Thắp sáng đường quê"
date = 2024-09-02
unit = "cb-kinh-doanh"
year = 2024
category = "Dân vận khéo"
images = [
  { src = "/anh/den.svg", alt = "Ba cột đèn sáng bên đường làng" },
]
+++
Chi bộ vận động bà con lắp đèn đường.
)";

const char* kDecision = R"(number = "215-QĐ/ĐUK"
date = 2025-01-10
issuer = "duk"
form = "Giấy khen"
title = "Tặng Giấy khen tổ chức đảng bốn tốt hai năm liền"
campaign = "bon-tot"
year = 2024

[[recipients]]
unit = "cb-ngan-hang"
achievement = "Hai năm liền bốn tốt"

[[recipients]]
name = "Nguyễn Văn A"
role = "Bí thư Chi bộ"
unit = "cb-kinh-doanh"
achievement = "Gương mẫu"
)";

// A site with every kind of record, all correct.
void write_records(TempSite& site) {
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/kh.md", kPlan)
      .file("content/don-vi.toml", kUnits)
      .file("content/thi-dua/bon-tot.toml", std::string(kCampaignHead) + kResults2024)
      .file("content/mo-hinh/thap-sang.md", kModel)
      .file("static/anh/den.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
      .file("content/khen-thuong/qd-215.toml", kDecision);
}

}  // namespace

TEST_CASE("a campaign's results become a table per year with grades computed from the criteria") {
  TempSite site;
  write_records(site);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.messages() == "");

  SUBCASE("the year's CSV opens in Excel: byte-order mark, CRLF, quoted commas, grades computed, and a grade "
          "the 3/4-of-cells rule lowered says so") {
    CHECK(site.read("thi-dua/bon-tot/ket-qua-2024.csv") ==
          "\xEF\xBB\xBFSTT,Đơn vị,Loại tổ chức,Đăng ký,Hoàn thành tốt nhiệm vụ chính trị,Chất lượng sinh hoạt tốt,"
          "\"Đoàn kết, kỷ luật tốt\",\"Cán bộ, đảng viên tốt\",Xếp loại,Ghi chú\r\n"
          "1,Đảng bộ Công ty Điện lực,Đảng bộ cơ sở,Có,Đạt,Đạt,Đạt,Đạt,Hoàn thành tốt nhiệm vụ,Xếp loại theo quy tắc: "
          "đạt 4/4 tiêu chí nhưng chỉ 1/2 chi bộ trực thuộc đạt “Bốn tốt” (cần 3/4) → Hoàn thành tốt nhiệm vụ.\r\n"
          "2,Chi bộ Phòng Kinh doanh,Chi bộ trực thuộc,Có,Đạt,Đạt,Đạt,Đạt,Bốn tốt,\r\n"
          "3,Chi bộ Phòng Kỹ thuật,Chi bộ trực thuộc,Có,Đạt,Đạt,Đạt,Không đạt,Hoàn thành tốt nhiệm vụ,\r\n"
          "4,Chi bộ Ngân hàng Nhà nước,Chi bộ cơ sở,Có,Đạt,Đạt,Đạt,Đạt,Bốn tốt,Có mô hình hay\r\n");
  }
  SUBCASE("counts and percentages per grade, and the target, are computed") {
    CHECK(site.read("thi-dua/bon-tot/xep-loai-2024.csv") ==
          "\xEF\xBB\xBFXếp loại,Số đơn vị,Tỉ lệ\r\n"
          "Bốn tốt,2,50%\r\n"
          "Hoàn thành tốt nhiệm vụ,2,50%\r\n"
          "Không hoàn thành nhiệm vụ,0,0%\r\n"
          "Tổng số đơn vị đăng ký,4,100%\r\n");
    // 2 of 4 is not above 50%.
    CHECK(site.read("thi-dua/bon-tot/chi-tieu-2024.csv") ==
          "\xEF\xBB\xBF" "Chỉ tiêu,Đơn vị đạt,Trên tổng số,Tỉ lệ đạt,Kết quả\r\n"
          "Trên 50% đơn vị bốn tốt,2,4,50%,Chưa đạt\r\n");
  }
  SUBCASE("the campaign page compares the years and charts the target in SVG with a text equivalent") {
    std::string page = site.read("thi-dua/bon-tot/index.html");
    CHECK(contains_msg(page, "<svg class=\"chart\"") == "yes");
    CHECK(contains_msg(page, "<desc id=\"bieu-do-1-d\">Chỉ tiêu: trên 50% đơn vị đăng ký đạt “Bốn tốt” trở lên. "
                             "năm 2023: 100% (4/4, đạt); năm 2024: 50% (2/4, chưa đạt).</desc>") == "yes");
    CHECK(contains_msg(page, "href=\"/van-ban/kh/\">Phát động phong trào thi đua</a>") == "yes");
    CHECK(contains_msg(page, "Đạt cả 4 tiêu chí; có ít nhất 3/4 chi bộ trực thuộc đạt “Bốn tốt” trở lên") == "yes");
    CHECK(site.read("thi-dua/bon-tot/so-sanh-cac-nam.csv") ==
          "\xEF\xBB\xBFNăm,Đơn vị đăng ký,Bốn tốt,Hoàn thành tốt nhiệm vụ,Không hoàn thành nhiệm vụ,Trên 50% đơn vị bốn tốt\r\n"
          "2023,4,4 (100%),0 (0%),0 (0%),100% – Đạt\r\n"
          "2024,4,2 (50%),2 (50%),0 (0%),50% – Chưa đạt\r\n");
  }
  SUBCASE("the plan that launched the campaign links to it") {
    std::string plan = site.read("van-ban/kh/index.html");
    CHECK(contains_msg(plan, "<h2 id=\"_thuc-hien\">Thực hiện văn bản này</h2>") == "yes");
    CHECK(contains_msg(plan, "<span class=\"tag\">Phong trào thi đua</span> <a href=\"/thi-dua/bon-tot/\">Chi bộ bốn tốt</a>") == "yes");
  }
  SUBCASE("the year page links each unit to its profile") {
    std::string page = site.read("thi-dua/bon-tot/2024/index.html");
    CHECK(contains_msg(page, "Xếp loại theo quy tắc: đạt 4/4 tiêu chí nhưng chỉ 1/2 chi bộ trực thuộc đạt") == "yes");
    // the year all its cells were bốn tốt, nothing lowered it: no note
    CHECK(site.read("thi-dua/bon-tot/2023/index.html").find("Xếp loại theo quy tắc") == std::string::npos);
    CHECK(contains_msg(page, "<a href=\"/don-vi/cb-ngan-hang/\">Chi bộ Ngân hàng Nhà nước</a>") == "yes");
    CHECK(contains_msg(page, "href=\"/thi-dua/bon-tot/ket-qua-2024.csv\"") == "yes");
  }
}

TEST_CASE("a unit's profile gathers its results, commendations and models year by year") {
  TempSite site;
  write_records(site);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string page = site.read("don-vi/cb-kinh-doanh/index.html");
  size_t y2025 = page.find("<h3>Năm 2025</h3>"), y2024 = page.find("<h3>Năm 2024</h3>"),
         y2023 = page.find("<h3>Năm 2023</h3>");
  REQUIRE(y2025 != std::string::npos);
  CHECK(y2025 < y2024);  // newest first
  CHECK(y2024 < y2023);
  std::string in2025 = page.substr(y2025, y2024 - y2025);
  std::string in2024 = page.substr(y2024, y2023 - y2024);
  CHECK(contains_msg(in2025, "Đồng chí Nguyễn Văn A, Bí thư Chi bộ – Gương mẫu") == "yes");
  CHECK(contains_msg(in2025, "href=\"/khen-thuong/qd-215/\">215-QĐ/ĐUK: Tặng Giấy khen") == "yes");
  CHECK(contains_msg(in2024, "href=\"/mo-hinh/thap-sang/\">Thắp sáng đường quê</a>") == "yes");
  CHECK(contains_msg(in2024, "Bốn tốt – đạt 4/4 tiêu chí") == "yes");
  CHECK(contains_msg(page, "Trực thuộc</dt><dd><a href=\"/don-vi/db-dien-luc/\">") == "yes");
  CHECK(contains_msg(page, "2 kết quả thi đua, 1 lần được khen thưởng, 1 mô hình") == "yes");
}

TEST_CASE("decisions, models and units are listed, searchable, in the sitemap and the feed") {
  TempSite site;
  write_records(site);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.exists("khen-thuong/index.html"));
  CHECK(site.exists("khen-thuong/nam/2025/index.html"));
  CHECK(site.exists("khen-thuong/hinh-thuc/giay-khen/index.html"));
  CHECK(site.read("khen-thuong/qd-215/danh-sach.csv") ==
        "\xEF\xBB\xBFSTT,\"Tập thể, cá nhân\",Chức vụ,Đơn vị,Thành tích\r\n"
        "1,Chi bộ Ngân hàng Nhà nước,,Tập thể,Hai năm liền bốn tốt\r\n"
        "2,Đồng chí Nguyễn Văn A,Bí thư Chi bộ,Chi bộ Phòng Kinh doanh,Gương mẫu\r\n");
  CHECK(site.exists("mo-hinh/nam/2024/index.html"));
  CHECK(site.exists("mo-hinh/chu-de/dan-van-kheo/index.html"));
  CHECK(site.exists("mo-hinh/don-vi/cb-kinh-doanh/index.html"));
  std::string model = site.read("mo-hinh/thap-sang/index.html");
  CHECK(contains_msg(model, "<img src=\"/anh/den.svg\" alt=\"Ba cột đèn sáng bên đường làng\"") == "yes");
  CHECK(site.exists("anh/den.svg"));
  CHECK(contains_msg(site.read("don-vi/danh-sach-don-vi.csv"), "Chi bộ Phòng Kinh doanh,Chi bộ trực thuộc,,Đảng bộ Công ty Điện lực,1,1\r\n") == "yes");

  std::string sitemap = site.read("sitemap.xml");
  for (const char* url : {"/thi-dua/bon-tot/", "/thi-dua/bon-tot/2024/", "/khen-thuong/qd-215/", "/don-vi/cb-ngan-hang/",
                          "/mo-hinh/thap-sang/"}) {
    CHECK(contains_msg(sitemap, std::string("<loc>https://example.vn") + url + "</loc>") == "yes");
  }
  std::string feed = site.read("feed.xml");
  CHECK(contains_msg(feed, "<title>215-QĐ/ĐUK: Giấy khen: Tặng Giấy khen tổ chức đảng bốn tốt hai năm liền</title>") == "yes");
  CHECK(contains_msg(feed, "href=\"https://example.vn/thi-dua/bon-tot/2024/\"") == "yes");
  // Search: every record is a document of the index, under its section.
  std::string manifest = site.read("search/manifest.json");
  for (const char* section : {"\"thi-dua\"", "\"khen-thuong\"", "\"don-vi\"", "\"mo-hinh\""}) {
    CHECK(contains_msg(manifest, section) == "yes");
  }
}

TEST_CASE("mistakes in records are reported at their line, and nothing is published") {
  TempSite site;
  write_records(site);
  REQUIRE(site.build());
  const std::string before = site.read("thi-dua/bon-tot/2024/index.html");

  SUBCASE("an unknown unit and a unit graded twice in one year") {
    std::filesystem::remove(site.dir() / "content/khen-thuong/qd-215.toml");
    site.file("content/thi-dua/bon-tot.toml", std::string(kCampaignHead) + R"([[results]]
year = 2024
units = [
  { unit = "cb-ngan-hang", met = ["chinh-tri"] },
  { unit = "cb-ngan-hang-nn", met = ["chinh-tri"] },
  { unit = "cb-ngan-hang", met = ["chinh-tri", "sinh-hoat"] },
]
)");
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/thi-dua/bon-tot.toml:50:3: error: không có đơn vị mã \"cb-ngan-hang-nn\" trong content/don-vi.toml\n"
          "content/thi-dua/bon-tot.toml:51:3: error: đơn vị \"cb-ngan-hang\" đã có kết quả năm 2024 ở dòng 49\n");
  }
  SUBCASE("a stated grade that contradicts the rules, unless the committee decided it with a reason") {
    std::filesystem::remove(site.dir() / "content/khen-thuong/qd-215.toml");
    site.file("content/thi-dua/bon-tot.toml", std::string(kCampaignHead) + R"([[results]]
year = 2024
units = [
  { unit = "cb-ngan-hang", met = ["chinh-tri", "sinh-hoat", "doan-ket"], grade = "bon-tot" },
  { unit = "cb-kinh-doanh", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"], grade = "tot", decided = true },
  { unit = "cb-ky-thuat", met = ["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"], grade = "tot", decided = true, reason = "Có đảng viên bị kỷ luật" },
]
)");
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/thi-dua/bon-tot.toml:49:3: error: đơn vị \"cb-ngan-hang\" ghi xếp loại “Bốn tốt” nhưng theo quy tắc "
          "của phong trào là “Hoàn thành tốt nhiệm vụ” (Đạt ít nhất 3 tiêu chí, trong đó có “Hoàn thành tốt nhiệm vụ "
          "chính trị”); nếu cấp ủy đã quyết định khác, ghi thêm decided = true và reason = \"lý do\"\n"
          "content/thi-dua/bon-tot.toml:50:100: error: xếp loại do cấp ủy quyết định (decided = true) cần ghi cả grade "
          "và reason (lý do)\n");
  }
  SUBCASE("a commendation over the campaign's quota") {
    // 30% of 4 registered units is 1: two collectives are too many.
    site.file("content/khen-thuong/qd-215.toml", std::string(kDecision) + R"(
[[recipients]]
unit = "db-dien-luc"
achievement = "Bốn tốt"
)");
    CHECK_FALSE(site.build());
    CHECK(contains_msg(site.messages(),
                       "content/khen-thuong/qd-215.toml:6:1: error: quyết định khen 2 tập thể, vượt mức 30% của 4 đơn vị "
                       "đăng ký năm 2024 (tối đa 1)\n") == "yes");
  }
  SUBCASE("an award to a unit that did not meet the standard two years running") {
    std::string d = kDecision;
    d.replace(d.find("unit = \"cb-ngan-hang\""), 21, "unit = \"cb-ky-thuat\"");
    site.file("content/khen-thuong/qd-215.toml", d);
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/khen-thuong/qd-215.toml:10:1: error: đơn vị \"cb-ky-thuat\" chưa đạt tiêu chuẩn khen thưởng: cần "
          "“Bốn tốt” trở lên 2 năm liền đến năm 2024, nhưng năm 2024 Hoàn thành tốt nhiệm vụ\n");
  }
  SUBCASE("a model with an image without alt text, in front matter or in the text") {
    site.file("content/mo-hinh/thap-sang.md", R"(+++
title = "Thắp sáng đường quê"
unit = "cb-kinh-doanh"
year = 2024
category = "Dân vận khéo"
images = [
  { src = "/anh/den.svg" },
]
+++
Chi bộ vận động bà con lắp đèn đường.

![](/anh/den.svg)
)");
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/mo-hinh/thap-sang.md:7:3: error: ảnh /anh/den.svg chưa có lời mô tả (alt); người đọc dùng trình đọc "
          "màn hình cần biết ảnh nói gì\n"
          "content/mo-hinh/thap-sang.md:12:1: error: ảnh /anh/den.svg chưa có lời mô tả (alt); người đọc dùng trình "
          "đọc màn hình cần biết ảnh nói gì\n");
  }
  SUBCASE("a model of an unknown unit, with a missing image") {
    std::string m = kModel;
    m.replace(m.find("cb-kinh-doanh"), 13, "cb-khong-co");
    m.replace(m.find("/anh/den.svg"), 12, "/anh/mat.svg");
    site.file("content/mo-hinh/thap-sang.md", m);
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/mo-hinh/thap-sang.md:4:1: error: không có đơn vị mã \"cb-khong-co\" trong content/don-vi.toml\n"
          "content/mo-hinh/thap-sang.md:8:3: error: không có tệp ảnh /anh/mat.svg trong thư mục static/ của trang\n");
  }
  SUBCASE("numbers out of range: a model's year, a results year, a score") {
    std::string m = kModel;
    m.replace(m.find("year = 2024"), 11, "year = 9223372036854775807");
    site.file("content/mo-hinh/thap-sang.md", m);
    site.file("content/thi-dua/bon-tot.toml", std::string(kCampaignHead) + R"([[results]]
year = -5
units = [
  { unit = "cb-kinh-doanh", met = ["chinh-tri"], score = inf },
]
)");
    CHECK_FALSE(site.build());
    const std::string got = site.messages();
    CHECK(contains_msg(got, "content/mo-hinh/thap-sang.md:5:1: error: giá trị của \"year\" phải từ 1930 đến 2100\n") == "yes");
    CHECK(contains_msg(got, "bon-tot.toml:47:1: error: giá trị của \"results.year\" phải từ 1930 đến 2100\n") == "yes");
    CHECK(contains_msg(got, "error: giá trị của \"score\" phải từ -100000 đến 100000\n") == "yes");
    CHECK_FALSE(site.build(false));  // check says so too
  }
  SUBCASE("units: an unknown type, a chi bộ trực thuộc without its đảng bộ") {
    site.file("content/don-vi.toml", std::string(kUnits) + R"(
[[unit]]
id = "cb-moi"
name = "Chi bộ mới"
type = "chi bộ trực thuộc"

[[unit]]
id = "cb-la"
name = "Chi bộ lạ"
type = "tổ đảng"
)");
    CHECK_FALSE(site.build());
    CHECK(site.messages() ==
          "content/don-vi.toml:26:1: error: chi bộ trực thuộc \"cb-moi\" cần trường parent: mã của đảng bộ cơ sở mà chi "
          "bộ trực thuộc\n"
          "content/don-vi.toml:33:1: error: loại tổ chức \"tổ đảng\" không có; dùng \"đảng bộ cơ sở\", \"chi bộ cơ sở\" "
          "hoặc \"chi bộ trực thuộc\"\n");
  }
  // Whatever the mistake, the published site is the previous one, whole.
  CHECK(site.read("thi-dua/bon-tot/2024/index.html") == before);
}

TEST_CASE("units chosen to pilot a campaign (làm điểm) are counted against the share the plan asks, and marked in the year's table") {
  TempSite site;
  write_records(site);
  std::string campaign = std::string(kCampaignHead) + kResults2024;
  // "… lựa chọn ít nhất 10% đối với đảng bộ cơ sở, ít nhất 15% đối với chi bộ để chỉ đạo làm điểm"
  campaign.insert(campaign.find("[commendation]"),
                  "[[target]]\nname = \"Ít nhất 10% đảng bộ cơ sở làm điểm\"\npilot = true\nat_least = \"10%\"\n"
                  "unit_types = [\"đảng bộ cơ sở\"]\n"
                  "[[target]]\nname = \"Ít nhất 50% chi bộ làm điểm\"\npilot = true\nat_least = \"50%\"\n"
                  "unit_types = [\"chi bộ cơ sở\", \"chi bộ trực thuộc\"]\n");
  const std::string row = "{ unit = \"db-dien-luc\", met";
  campaign.replace(campaign.rfind(row), row.size(), "{ unit = \"db-dien-luc\", pilot = true, met");
  site.file("content/thi-dua/bon-tot.toml", campaign);
  REQUIRE_MESSAGE(site.build(), site.messages());

  // 2024: the đảng bộ is a pilot (1/1), no cell is (0/3).
  CHECK(site.read("thi-dua/bon-tot/chi-tieu-2024.csv") ==
        "\xEF\xBB\xBF" "Chỉ tiêu,Đơn vị đạt,Trên tổng số,Tỉ lệ đạt,Kết quả\r\n"
        "Trên 50% đơn vị bốn tốt,2,4,50%,Chưa đạt\r\n"
        "Ít nhất 10% đảng bộ cơ sở làm điểm,1,1,100%,Đạt\r\n"
        "Ít nhất 50% chi bộ làm điểm,0,3,0%,Chưa đạt\r\n");
  const std::string csv = site.read("thi-dua/bon-tot/ket-qua-2024.csv");
  CHECK(csv.find("STT,Đơn vị,Loại tổ chức,Đăng ký,Làm điểm,Hoàn thành") != std::string::npos);
  CHECK(csv.find("1,Đảng bộ Công ty Điện lực,Đảng bộ cơ sở,Có,Có,Đạt") != std::string::npos);
  CHECK(csv.find("2,Chi bộ Phòng Kinh doanh,Chi bộ trực thuộc,Có,,Đạt") != std::string::npos);
  // The rule in words on the campaign page.
  CHECK(contains_msg(site.read("thi-dua/bon-tot/index.html"), "từ 50% chi bộ cơ sở và chi bộ trực thuộc được chọn làm điểm") == "yes");

  // A pilot target needs no grade; one with neither a grade nor pilot is still said.
  site.file("content/thi-dua/bon-tot.toml", std::string(kCampaignHead) + "[[target]]\nname = \"Thiếu\"\nat_least = \"10%\"\n" + kResults2024);
  CHECK_FALSE(site.build());
  CHECK(site.messages().find("content/thi-dua/bon-tot.toml") != std::string::npos);
}

TEST_CASE("a unit made up for the sample, or shown with a sample record, says 'Dữ liệu mẫu' on its page") {
  TempSite site;
  write_records(site);
  REQUIRE_MESSAGE(site.build(), site.messages());
  // real records: no notice anywhere
  CHECK(site.read("don-vi/cb-ngan-hang/index.html").find("Dữ liệu mẫu") == std::string::npos);
  CHECK(site.read("don-vi/index.html").find("Dữ liệu mẫu") == std::string::npos);

  SUBCASE("a sample campaign marks the pages of the units it grades") {
    site.file("content/thi-dua/bon-tot.toml", "sample = true\n" + std::string(kCampaignHead) + kResults2024);
    REQUIRE_MESSAGE(site.build(), site.messages());
    CHECK(contains_msg(site.read("don-vi/cb-ngan-hang/index.html"), "<strong>Dữ liệu mẫu.</strong>") == "yes");
    CHECK(site.read("don-vi/index.html").find("Dữ liệu mẫu") == std::string::npos);
    // and the real plan it names does not list it as if it were carried out for real
    CHECK(contains_msg(site.read("van-ban/kh/index.html"),
                       "<a href=\"/thi-dua/bon-tot/\">Chi bộ bốn tốt</a> <span class=\"sample-mark\">(dữ liệu mẫu") == "yes");
  }
  SUBCASE("a sample list of units marks the list and every unit's page") {
    site.file("content/don-vi.toml", "sample = true\n" + std::string(kUnits));
    REQUIRE_MESSAGE(site.build(), site.messages());
    CHECK(contains_msg(site.read("don-vi/index.html"), "<strong>Dữ liệu mẫu.</strong>") == "yes");
    CHECK(contains_msg(site.read("don-vi/cb-ky-thuat/index.html"), "<strong>Dữ liệu mẫu.</strong>") == "yes");
  }
}

// The emulation calendar: a campaign declares when units must register and
// report; congbo says, from the results the file holds, who has not done it
// by then — on the calendar page and on the campaign year's page.
#include <doctest/doctest.h>

#include "campaign.h"
#include "site_fixture.h"

using namespace congbo;
using namespace congbo::testing;

namespace {

const char* kUnits = R"([[unit]]
id = "cb-a"
name = "Chi bộ A"
type = "chi bộ cơ sở"

[[unit]]
id = "cb-b"
name = "Chi bộ B"
type = "chi bộ cơ sở"

[[unit]]
id = "cb-c"
name = "Chi bộ C"
type = "chi bộ cơ sở"
)";

const char* kCampaign = R"(name = "Thi đua thử"
period = "2024 - 2025"
[[criteria]]
id = "chinh-tri"
name = "Chính trị"
[[grade]]
id = "tot"
name = "Tốt"
criteria_at_least = 1
[[grade]]
id = "khong"
name = "Không đạt"
otherwise = true

[[deadline]]
kind = "dang-ky"
each_year = "31/03"

[[deadline]]
kind = "bao-cao"
name = "Báo cáo cuối năm"
each_year = "15/11"

[[deadline]]
kind = "tong-ket"
date = 2025-12-20

[[results]]
year = 2024
units = [
  { unit = "cb-a", registered_on = 2024-03-10, met = ["chinh-tri"] },
  { unit = "cb-b", registered_on = 2024-04-02, reported_on = 2024-11-20 },
  { unit = "cb-c", registered = false },
]
)";

Campaign load(const std::string& text, Diagnostics& diags) {
  auto c = Campaign::load(text, "content/thi-dua/t.toml", diags);
  REQUIRE(c);
  return *c;
}

}  // namespace

TEST_CASE("deadlines each year of the period: who has not registered or reported, and who did it late") {
  Diagnostics diags;
  const Units units = Units::load(kUnits, "content/don-vi.toml", diags);
  const Campaign c = load(kCampaign, diags);
  REQUIRE(diags.items().empty());
  const auto due = deadlines_due(c, units);
  REQUIRE(due.size() == 5);  // 31/03 and 15/11 of 2024 and 2025, and the tổng kết
  CHECK(due[0].date.iso() == "2024-03-31");
  CHECK(due[0].missing == std::vector<std::string>{"cb-c"});
  CHECK(due[0].late == std::vector<std::string>{"cb-b"});
  CHECK(due[1].date.iso() == "2024-11-15");
  CHECK(due[1].deadline->name == "Báo cáo cuối năm");
  CHECK(due[1].missing.empty());  // cb-a reported (a criterion), cb-b reported (late), cb-c did not register
  CHECK(due[1].late == std::vector<std::string>{"cb-b"});
  SUBCASE("a year with no results yet: every unit has still to register") {
    CHECK(due[2].date.iso() == "2025-03-31");
    CHECK(due[2].missing.size() == 3);
  }
  CHECK(due[4].deadline->kind == Deadline::Kind::Final);
  CHECK(due[4].missing.empty());
}

TEST_CASE("a deadline written wrong is said at its line") {
  Diagnostics diags;
  load("name = \"x\"\n[[deadline]]\nkind = \"nop-bai\"\ndate = 2025-01-01\n[[deadline]]\nkind = \"bao-cao\"\n"
       "[[deadline]]\nkind = \"bao-cao\"\neach_year = \"31/02\"\n",
       diags);
  std::string said;
  for (const auto& d : diags.sorted()) said += d.format() + "\n";
  CHECK(said ==
        "content/thi-dua/t.toml:3:1: error: loại hạn \"nop-bai\" không có; dùng \"dang-ky\" (đăng ký), \"bao-cao\" (báo cáo), "
        "\"so-ket\" (sơ kết) hoặc \"tong-ket\" (tổng kết)\n"
        "content/thi-dua/t.toml:5:1: error: hạn cần date = NĂM-THÁNG-NGÀY (một lần) hoặc each_year = \"ngày/tháng\" (hằng năm), "
        "chỉ một trong hai\n"
        "content/thi-dua/t.toml:9:1: error: \"31/02\" không phải ngày/tháng (ví dụ \"15/11\")\n");
}

TEST_CASE("the calendar page lists every deadline by date with the units behind — the year's page its own") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/don-vi.toml", kUnits).file("content/thi-dua/thu.toml", kCampaign);
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string calendar = site.read("thi-dua/lich/index.html");
  CHECK(calendar.find("<time datetime=\"2024-03-31\">31/03/2024</time>") != std::string::npos);
  CHECK(calendar.find("1 đơn vị chưa đăng ký") != std::string::npos);
  CHECK(calendar.find("1 đơn vị đăng ký sau hạn") != std::string::npos);
  CHECK(calendar.find("3 đơn vị chưa đăng ký") != std::string::npos);  // 2025: no results yet
  CHECK(calendar.find("Tổng kết") != std::string::npos);
  CHECK(calendar.find("/js/lich.js") != std::string::npos);
  CHECK(calendar.find("2024-03-31") < calendar.find("2024-11-15"));
  const std::string year = site.read("thi-dua/thu/2024/index.html");
  CHECK(year.find("Hạn đăng ký, báo cáo") != std::string::npos);
  CHECK(year.find("Báo cáo cuối năm") != std::string::npos);
  CHECK(year.find("2025-03-31") == std::string::npos);  // another year's
  CHECK(site.read("thi-dua/index.html").find("/thi-dua/lich/") != std::string::npos);
}

TEST_CASE("days between dates, for 'còn 12 ngày' and 'quá hạn 3 ngày'") {
  CHECK(Date{1970, 1, 1}.days() == 0);
  CHECK(Date{2026, 12, 3}.days() - Date{2026, 11, 15}.days() == 18);
  CHECK(Date{2025, 3, 1}.days() - Date{2024, 2, 28}.days() == 367);  // 2024 is a leap year
}

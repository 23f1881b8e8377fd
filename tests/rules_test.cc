// The rule vocabulary of emulation campaigns: each rule the seed plans state,
// written as campaign data, gives the grades the plans say it should.
#include <doctest/doctest.h>

#include "campaign.h"
#include "page_words.h"

using namespace congbo;

namespace {

// The "chi bộ bốn tốt" plan (2022–2027): four criteria; three including the
// political task → hoàn thành tốt nhiệm vụ; two including it → hoàn thành
// nhiệm vụ; a đảng bộ is "bốn tốt" only with 3/4 of its cells "bốn tốt";
// awards to no more than 30% of registered units, meeting the standard two years running.
const char* kFourGoods = R"(name = "Chi bộ bốn tốt"
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
id = "dang-vien"
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
id = "hoan-thanh"
name = "Hoàn thành nhiệm vụ"
criteria_at_least = 2
criteria_include = ["chinh-tri"]
[[grade]]
id = "khong"
name = "Không hoàn thành nhiệm vụ"
otherwise = true

[[target]]
name = "Trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên"
grade = "tot"
above = "90%"
unit_types = ["đảng bộ cơ sở", "chi bộ cơ sở"]

[commendation]
quota = "30%"
grade = "bon-tot"
years_running = 2
)";

// Quality evaluation on a 100-point scale.
const char* kHundredPoints = R"(name = "Đánh giá chất lượng"
[[grade]]
id = "xuat-sac"
name = "Hoàn thành xuất sắc nhiệm vụ"
score_at_least = 90
[[grade]]
id = "tot"
name = "Hoàn thành tốt nhiệm vụ"
score_at_least = 70
[[grade]]
id = "hoan-thanh"
name = "Hoàn thành nhiệm vụ"
score_at_least = 50
[[grade]]
id = "khong"
name = "Không hoàn thành nhiệm vụ"
otherwise = true
)";

Campaign load(const std::string& text, Diagnostics& diags) {
  auto c = Campaign::load(text, "content/thi-dua/t.toml", diags);
  REQUIRE(c);
  return *c;
}

Facts cell(std::vector<std::string> met) {
  Facts f;
  f.type = UnitType::Cell;
  f.met = std::move(met);
  return f;
}

std::string messages(const Diagnostics& diags) {
  std::string s;
  for (const auto& d : diags.sorted()) s += d.format() + "\n";
  return s;
}

}  // namespace

TEST_CASE("four criteria met: bốn tốt — three or two with the political task: tốt, hoàn thành") {
  Diagnostics diags;
  Rules r = load(kFourGoods, diags).rules;
  REQUIRE(messages(diags) == "");
  CHECK(r.evaluate(cell({"chinh-tri", "sinh-hoat", "doan-ket", "dang-vien"})) == "bon-tot");
  CHECK(r.evaluate(cell({"chinh-tri", "sinh-hoat", "doan-ket"})) == "tot");
  CHECK(r.evaluate(cell({"chinh-tri", "dang-vien"})) == "hoan-thanh");
  SUBCASE("without the political task, three criteria are not enough") {
    CHECK(r.evaluate(cell({"sinh-hoat", "doan-ket", "dang-vien"})) == "khong");
  }
  CHECK(r.evaluate(cell({"chinh-tri"})) == "khong");
}

TEST_CASE("a đảng bộ is bốn tốt only when three quarters of its cells are") {
  Diagnostics diags;
  Rules r = load(kFourGoods, diags).rules;
  Facts f = cell({"chinh-tri", "sinh-hoat", "doan-ket", "dang-vien"});
  f.type = UnitType::PartyCommittee;
  f.children_grades = {"bon-tot", "bon-tot", "bon-tot", "tot"};  // exactly 3/4
  CHECK(r.evaluate(f) == "bon-tot");
  f.children_grades = {"bon-tot", "bon-tot", "tot", "tot"};  // 2/4
  CHECK(r.evaluate(f) == "tot");
  f.children_grades = {};  // no cells graded: nothing to share
  CHECK(r.evaluate(f) == "bon-tot");
}

TEST_CASE("the 100-point scale: 90 and above xuất sắc, 70–89 tốt, 50–69 hoàn thành") {
  Diagnostics diags;
  Rules r = load(kHundredPoints, diags).rules;
  REQUIRE(messages(diags) == "");
  auto at = [&](double score) {
    Facts f;
    f.score = score;
    return r.evaluate(f);
  };
  CHECK(at(100) == "xuat-sac");
  CHECK(at(90) == "xuat-sac");
  CHECK(at(89.5) == "tot");
  CHECK(at(70) == "tot");
  CHECK(at(69) == "hoan-thanh");
  CHECK(at(50) == "hoan-thanh");
  CHECK(at(49.9) == "khong");
  CHECK(r.uses_score());
}

TEST_CASE("shares are exact: 3/4, 90%, 0,3%") {
  CHECK(Share::parse("3/4")->compare(3, 4) == 0);
  CHECK(Share::parse("90%")->compare(9, 10) == 0);
  CHECK(Share::parse("90%")->compare(19, 21) > 0);
  CHECK(Share::parse("0,3%")->compare(3, 1000) == 0);
  CHECK(Share::parse("30%")->limit(12) == 3);   // 3.6 → at most 3
  CHECK(Share::parse("30%")->limit(10) == 3);
  CHECK_FALSE(Share::parse("ba phần tư"));
  CHECK_FALSE(Share::parse("120%"));
}

TEST_CASE("the rules are shown in plain words") {
  Diagnostics diags;
  Rules r = load(kFourGoods, diags).rules;
  CHECK(r.describe(r.grades[0]) == "Đạt cả 4 tiêu chí; có ít nhất 3/4 chi bộ trực thuộc đạt “Bốn tốt” trở lên");
  CHECK(r.describe(r.grades[1]) == "Đạt ít nhất 3 tiêu chí, trong đó có “Hoàn thành tốt nhiệm vụ chính trị”");
  CHECK(r.describe(r.grades[3]) == "các trường hợp còn lại");
  CHECK(r.describe(r.targets[0]) == "trên 90% đảng bộ cơ sở và chi bộ cơ sở đạt “Hoàn thành tốt nhiệm vụ” trở lên");
  Rules h = load(kHundredPoints, diags).rules;
  CHECK(h.describe(h.grades[0]) == "Từ 90 điểm trở lên");
}

TEST_CASE("mistakes in the rules are reported where they are written") {
  Diagnostics diags;
  load(R"(name = "x"
[[criteria]]
id = "a"
name = "A"
[[grade]]
id = "g"
name = "G"
otherwise = true
[[grade]]
id = "h"
name = "H"
criteria_include = ["b"]
children_share = "ba phần tư"
[[target]]
name = "T"
grade = "z"
)",
       diags);
  CHECK(messages(diags) ==
        "content/thi-dua/t.toml:6:1: error: mức \"g\" có otherwise = true nên phải là mục [[grade]] cuối cùng\n"
        "content/thi-dua/t.toml:12:21: error: không có tiêu chí mã \"b\" trong các mục [[criteria]] của phong trào\n"
        "content/thi-dua/t.toml:13:1: error: children_share = \"ba phần tư\" không phải tỉ lệ; viết dạng \"90%\", \"0,3%\" hoặc \"3/4\"\n"
        "content/thi-dua/t.toml:13:1: error: children_grade và children_share phải đi cùng nhau, ví dụ children_grade = \"bon-tot\" và children_share = \"3/4\"\n"
        "content/thi-dua/t.toml:15:1: error: chỉ tiêu cần một mức: một trong above, at_least, below, at_most (ví dụ above = \"90%\"), hoặc một khoảng gồm một mức dưới (at_least hay above) và một mức trên (at_most hay below), ví dụ at_least = \"15%\", at_most = \"20%\" cho “15 - 20%”\n"
        "content/thi-dua/t.toml:16:1: error: không có mức xếp loại mã \"z\" trong các mục [[grade]] của phong trào\n");
}

TEST_CASE("percentages are computed with a decimal comma") {
  CHECK(words::percent(2, 3) == "66,7%");
  CHECK(words::percent(9, 10) == "90%");
  CHECK(words::percent(0, 0) == "–");
  CHECK(words::number(87.5) == "87,5");
}

TEST_CASE("a grade named with the verb is not said twice: phải đạt “bốn tốt”, not phải đạt Đạt “bốn tốt”") {
  CHECK(congbo::words::commendation_rule("30%", "Đạt “bốn tốt”", 2) ==
        "Số lượng khen thưởng không quá 30% số đơn vị đăng ký; đơn vị được khen phải đạt “bốn tốt” trở lên 2 năm liền.");
  CHECK(congbo::words::commendation_rule("", "Bốn tốt", 1) == "Đơn vị được khen phải đạt “Bốn tốt” trở lên.");
}

TEST_CASE("the grade a unit gets is explained in words: what it met and what the better grade lacks") {
  Diagnostics diags;
  Rules r = load(kFourGoods, diags).rules;
  auto why = [&](const Facts& f) { return r.explain(f, r.evaluate(f)); };
  CHECK(why(cell({"chinh-tri", "sinh-hoat", "doan-ket", "dang-vien"})) == "đạt 4/4 tiêu chí → Bốn tốt");
  CHECK(why(cell({"chinh-tri", "sinh-hoat", "doan-ket"})) == "đạt 3/4 tiêu chí nhưng cần 4 tiêu chí để “Bốn tốt” → Hoàn thành tốt nhiệm vụ");
  SUBCASE("a criterion the better grade names is said by name") {
    CHECK(why(cell({"sinh-hoat", "doan-ket", "dang-vien"})) ==
          "đạt 3/4 tiêu chí nhưng thiếu tiêu chí “Hoàn thành tốt nhiệm vụ chính trị” → Không hoàn thành nhiệm vụ");
  }
  SUBCASE("a đảng bộ whose cells fall short of 3/4") {
    Facts f = cell({"chinh-tri", "sinh-hoat", "doan-ket", "dang-vien"});
    f.type = UnitType::PartyCommittee;
    f.children_grades = {"bon-tot", "bon-tot", "tot", "tot"};
    CHECK(why(f) == "đạt 4/4 tiêu chí nhưng chỉ 2/4 chi bộ trực thuộc đạt “Bốn tốt” (cần 3/4) → Hoàn thành tốt nhiệm vụ");
    f.children_grades = {"bon-tot", "bon-tot", "bon-tot", "tot"};
    CHECK(why(f) == "đạt 4/4 tiêu chí, 3/4 chi bộ trực thuộc đạt “Bốn tốt” → Bốn tốt");
  }
}

namespace {
// Seed 000 (51-KH/ĐUK): "trên 80% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, trong đó có
// 15 - 20% hoàn thành xuất sắc nhiệm vụ".
std::string banded(const std::string& bounds) {
  return std::string(kHundredPoints) + "[[target]]\nname = \"15 - 20% hoàn thành xuất sắc\"\ngrade = \"xuat-sac\"\n" + bounds;
}

// One year of `excellent` units out of `total`, graded on the band.
bool band_met(const Campaign& c, int excellent, int total) {
  std::string toml;
  YearResults y;
  y.year = 2024;
  for (int i = 0; i < total; ++i) {
    const std::string id = "u" + std::to_string(i);
    toml += "[[unit]]\nid = \"" + id + "\"\nname = \"Đơn vị " + id + "\"\ntype = \"chi bộ cơ sở\"\n";
    UnitResult r;
    r.unit = id;
    r.grade = i < excellent ? "xuat-sac" : "tot";
    y.units.push_back(r);
  }
  Diagnostics diags;
  Units units = Units::load(toml, "content/don-vi.toml", diags);
  REQUIRE(messages(diags) == "");
  return c.summary(y, units).targets.front().met;
}
}  // namespace

TEST_CASE("a target band as the plan states it: 15 - 20% is met by 18%, not by 25% or 33%") {
  Diagnostics diags;
  Campaign c = load(banded("at_least = \"15%\"\nat_most = \"20%\"\n"), diags);
  REQUIRE(messages(diags) == "");
  CHECK(c.rules.describe(c.rules.targets[0]) == "từ 15% đến 20% đơn vị đăng ký đạt “Hoàn thành xuất sắc nhiệm vụ” trở lên");
  CHECK(band_met(c, 2, 11));       // 18,2%
  CHECK(band_met(c, 3, 20));       // exactly 15%
  CHECK(band_met(c, 1, 5));        // exactly 20%
  CHECK_FALSE(band_met(c, 3, 12)); // 25%
  CHECK_FALSE(band_met(c, 4, 12)); // 33,3%
  CHECK_FALSE(band_met(c, 1, 12)); // 8,3%
  SUBCASE("an upper bound that is not reached: 'dưới'") {
    Campaign below = load(banded("above = \"15%\"\nbelow = \"20%\"\n"), diags);
    CHECK(below.rules.describe(below.rules.targets[0]) == "trên 15% đến dưới 20% đơn vị đăng ký đạt “Hoàn thành xuất sắc nhiệm vụ” trở lên");
    CHECK_FALSE(band_met(below, 1, 5));  // 20% is not below 20%
    CHECK_FALSE(band_met(below, 3, 20)); // 15% is not above 15%
  }
}

TEST_CASE("a band written upside down, or with two lower bounds, is refused at its place") {
  Diagnostics diags;
  load(banded("at_least = \"20%\"\nat_most = \"15%\"\n"), diags);
  CHECK(messages(diags) == "content/thi-dua/t.toml:22:1: error: khoảng chỉ tiêu ngược: mức dưới 20% lớn hơn mức trên 15%\n");
  Diagnostics two;
  load(banded("at_least = \"15%\"\nabove = \"10%\"\n"), two);
  CHECK(messages(two).find("t.toml:19:1: error: chỉ tiêu cần một mức") != std::string::npos);
}

// A campaign year edited in the desk's grid: what the grid posts becomes the
// campaign file's own [[results]] table, the rest of the file untouched, and
// rows pasted from a spreadsheet are read by their columns.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "campaign.h"
#include "results_form.h"
#include "units_form.h"
#include "decision_form.h"
#include "config.h"

using namespace congbo;

namespace {

std::string read_file(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kPath = "content/thi-dua/chi-bo-bon-tot.toml";

std::string sample() { return read_file(std::string(CONGBO_SOURCE_DIR) + "/" + kPath); }

Units sample_units(Diagnostics& diags) {
  return Units::load(read_file(std::string(CONGBO_SOURCE_DIR) + "/content/don-vi.toml"), "content/don-vi.toml", diags);
}

}  // namespace

TEST_CASE("writing back a year the grid did not change gives the very same file, comments and all") {
  const std::string file = sample();
  Diagnostics diags;
  auto c = Campaign::load(file, kPath, diags);
  REQUIRE(c);
  REQUIRE(c->years.size() >= 3);
  for (const YearResults& y : c->years) {
    std::map<int, std::string> rows;
    CHECK(with_year(file, kPath, y, &rows) == file);
    // Each row's line is the line its unit is written on.
    std::istringstream in(file);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (rows.count(n)) CHECK(line.find("unit = \"" + rows[n] + "\"") != std::string::npos);
    }
    CHECK(rows.size() == y.units.size());
  }
}

TEST_CASE("the grid's boxes become the year's rows — an untouched unit not in the file stays out") {
  const std::string file = sample();
  Diagnostics diags;
  auto c = Campaign::load(file, kPath, diags);
  REQUIRE(c);
  std::map<std::string, std::string> posted = {
      {"nam", "2026"}, {"ngay", "18/12/2026"}, {"don-vi", "cb-xo-so cb-duoc-pham cb-thong-ke"},
      {"dk-cb-xo-so", "1"}, {"tc-cb-xo-so-chinh-tri", "1"}, {"tc-cb-xo-so-sinh-hoat", "1"}, {"tc-cb-xo-so-doan-ket", "1"},
      {"xl-cb-xo-so", "hoan-thanh"}, {"ly-do-cb-xo-so", "Có đảng viên vi phạm"},
      {"gc-cb-duoc-pham", "Chi bộ sáp nhập"},  // not registered, but a note: kept
  };
  std::map<std::string, std::string> mistakes;
  const YearResults y = read_grid(c->rules, [&](const std::string& n) { return posted.count(n) ? posted[n] : ""; }, mistakes);
  CHECK(mistakes.empty());
  REQUIRE(y.units.size() == 2);
  CHECK(write_year(y) ==
        "[[results]]\nyear = 2026\ndate = 2026-12-18\nunits = [\n"
        "  { unit = \"cb-xo-so\", met = [\"chinh-tri\", \"sinh-hoat\", \"doan-ket\"], grade = \"hoan-thanh\", decided = true, "
        "reason = \"Có đảng viên vi phạm\" },\n"
        "  { unit = \"cb-duoc-pham\", registered = false, note = \"Chi bộ sáp nhập\" },\n]\n");
  SUBCASE("a new year goes at the end, after a blank line, and the file still reads") {
    const std::string out = with_year(file, kPath, y, nullptr);
    CHECK(out.substr(0, file.size()) == file);
    auto again = Campaign::load(out, kPath, diags);
    REQUIRE(again);
    CHECK(again->year(2026) != nullptr);
    CHECK(diags.items().empty());
  }
  SUBCASE("a unit ticked as a pilot (làm điểm) keeps it in the file — a pilot alone is not an untouched row") {
    posted["ld-cb-xo-so"] = "1";
    posted["ld-cb-thong-ke"] = "1";
    mistakes.clear();
    const YearResults p = read_grid(c->rules, [&](const std::string& n) { return posted.count(n) ? posted[n] : ""; }, mistakes);
    const std::string out = write_year(p);
    CHECK(out.find("{ unit = \"cb-xo-so\", pilot = true, met = [") != std::string::npos);
    CHECK(out.find("{ unit = \"cb-thong-ke\", registered = false, pilot = true }") != std::string::npos);
    auto again = Campaign::load(with_year(file, kPath, p, nullptr), kPath, diags);
    REQUIRE(again);
    CHECK(again->result(2026, "cb-xo-so")->pilot);
  }
  SUBCASE("a score that is not a number is said, not guessed") {
    posted["diem-cb-xo-so"] = "chín mươi";
    mistakes.clear();
    read_grid(c->rules, [&](const std::string& n) { return posted.count(n) ? posted[n] : ""; }, mistakes);
    CHECK(mistakes["diem-cb-xo-so"] == "điểm \"chín mươi\" không phải một số (ví dụ 92 hoặc 87,5)");
  }
}

TEST_CASE("rows copied from a spreadsheet: by header names, or unit, registered and each criterion in order") {
  Diagnostics diags;
  auto c = Campaign::load(sample(), kPath, diags);
  REQUIRE(c);
  const Units units = sample_units(diags);
  SUBCASE("the columns congbo's own CSV has, in any order, units by name without marks") {
    const Pasted p = read_pasted(
        "STT\tĐơn vị\tĐăng ký\tHoàn thành tốt nhiệm vụ chính trị\tChất lượng sinh hoạt tốt\tXếp loại\n"
        "1\tchi bo cong ty tnhh mtv xo so kien thiet\tCó\tĐạt\tChưa đạt\tTốt\n",
        '\t', c->rules, units);
    REQUIRE(p.rows.size() == 1);
    CHECK(p.problems.empty());
    CHECK(p.rows[0].unit == "cb-xo-so");
    CHECK(p.rows[0].registered == true);
    CHECK(p.rows[0].met == std::map<std::string, bool>{{"chinh-tri", true}, {"sinh-hoat", false}});
  }
  SUBCASE("no header: unit, registered, then the criteria — a unit not in don-vi.toml or an unclear box is said by line") {
    const Pasted p = read_pasted("cb-thong-ke\tx\tx\tx\t\tx\nChi bộ Không Có\tx\n\ncb-xo-so\tx\tcó lẽ\n", '\t', c->rules, units);
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0].met.at("can-bo") == true);
    CHECK(p.rows[0].met.at("doan-ket") == false);
    REQUIRE(p.problems.size() == 2);
    CHECK(p.problems[0] == "dòng 2: không có đơn vị “Chi bộ Không Có” trong don-vi.toml");
    CHECK(p.problems[1] == "dòng 3, cột 3: “có lẽ” không rõ là đạt hay không (ghi x hoặc để trống)");
  }
  SUBCASE("the site's CSV has a Làm điểm column: read back as the pilot box") {
    const Pasted p = read_pasted("STT,Đơn vị,Đăng ký,Làm điểm\n1,cb-xo-so,Có,Có\n2,cb-thong-ke,Có,\n", ',', c->rules, units);
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0].pilot == true);
    CHECK(p.rows[1].pilot == false);
  }
  SUBCASE("a CSV with quoted cells") {
    const Pasted p = read_pasted("Đơn vị,Ghi chú\n\"cb-xo-so\",\"Ghi chú, có dấu phẩy \"\"trong\"\" ngoặc\"\n", ',', c->rules, units);
    REQUIRE(p.rows.size() == 1);
    CHECK(*p.rows[0].note == "Ghi chú, có dấu phẩy \"trong\" ngoặc");
  }
}

TEST_CASE("a grid of 500 units is sent packed in one field, and read as if each field had come alone") {
  const auto f = unpack_fields("dk-cb-a\t1\r\ntc-cb-a-chinh-tri\t1\ngc-cb-a\tGhi chú có\ttab\nno-tab-line\n\t\n");
  CHECK(f.at("dk-cb-a") == "1");
  CHECK(f.at("tc-cb-a-chinh-tri") == "1");
  CHECK(f.at("gc-cb-a") == "Ghi chú có\ttab");
  CHECK(f.size() == 3);
}

TEST_CASE("the units table rewrites only the unit that changed and adds new ones at the end") {
  const std::string file = read_file(std::string(CONGBO_SOURCE_DIR) + "/content/don-vi.toml");
  Diagnostics diags;
  const Units before = Units::load(file, "content/don-vi.toml", diags);
  std::vector<UnitRow> rows;
  for (const Unit& u : before.all()) rows.push_back(unit_row(u));
  CHECK(with_units(file, before, rows, nullptr) == file);  // nothing changed: the same bytes, comments and all
  rows[1].name = "Chi bộ Phòng Kinh doanh - Dịch vụ khách hàng";
  rows.push_back({"moi-1", "cb-moi", "Chi bộ Mới", "chi bộ cơ sở", "hành chính", "", ""});
  std::map<int, std::string> lines;
  const std::string out = with_units(file, before, rows, &lines);
  const Units after = Units::load(out, "content/don-vi.toml", diags);
  CHECK(diags.items().empty());
  CHECK(after.find("cb-dl-kinh-doanh")->name == "Chi bộ Phòng Kinh doanh - Dịch vụ khách hàng");
  CHECK(after.find("cb-moi")->type == UnitType::Cell);
  CHECK(out.substr(0, 600) == file.substr(0, 600));  // the header comments
  CHECK(out.find("\n\n[[unit]]\nid = \"cb-moi\"\nname = \"Chi bộ Mới\"\ntype = \"chi bộ cơ sở\"\nsector = \"hành chính\"\n") != std::string::npos);
  CHECK(lines[after.find("cb-moi")->line] == "moi-1");
}

TEST_CASE("a unit ticked for removal is taken out with its blank line — every other line stays") {
  const std::string file = read_file(std::string(CONGBO_SOURCE_DIR) + "/content/don-vi.toml");
  Diagnostics diags;
  const Units before = Units::load(file, "content/don-vi.toml", diags);
  std::vector<UnitRow> rows;
  for (const Unit& u : before.all()) rows.push_back(unit_row(u));
  rows[1].remove = true;  // cb-dl-kinh-doanh
  const std::string out = with_units(file, before, rows, nullptr);
  const Units after = Units::load(out, "content/don-vi.toml", diags);
  CHECK(after.find("cb-dl-kinh-doanh") == nullptr);
  CHECK(after.all().size() + 1 == before.all().size());
  std::string expected = file;
  const size_t at = expected.find("[[unit]]\nid = \"cb-dl-kinh-doanh\"");
  expected.erase(at, expected.find("[[unit]]", at + 1) - at);
  CHECK(out == expected);
}

TEST_CASE("a new unit given the id of one the table shows is not written over it: the checker says the id is taken") {
  const std::string file = read_file(std::string(CONGBO_SOURCE_DIR) + "/content/don-vi.toml");
  Diagnostics diags;
  const Units before = Units::load(file, "content/don-vi.toml", diags);
  std::vector<UnitRow> rows;
  for (const Unit& u : before.all()) rows.push_back(unit_row(u));
  rows.push_back({"moi-1", "cb-thong-ke", "Chi bộ Khác", "chi bộ cơ sở", "", "", ""});
  const std::string out = with_units(file, before, rows, nullptr);
  Diagnostics after;
  Units::load(out, "content/don-vi.toml", after);
  CHECK(after.has_errors());
  CHECK(out.find("name = \"Chi bộ Cục Thống kê tỉnh\"") != std::string::npos);
}

TEST_CASE("a commendation decision the form did not change is written back byte for byte — its rows know their lines") {
  const std::string path = "content/khen-thuong/qd-giay-khen-chi-bo-bon-tot-2024.toml";
  const std::string file = read_file(std::string(CONGBO_SOURCE_DIR) + "/" + path);
  Diagnostics diags;
  const auto config = parse_config(read_file(std::string(CONGBO_SOURCE_DIR) + "/site.toml"), "site.toml", diags);
  REQUIRE(config);
  const auto d = Decision::load(file, path, *config, diags);
  REQUIRE(d);
  std::map<int, int> rows;
  CHECK(write_decision(decision_form_from(*d, d->plan.text), file, &rows) == file);
  for (size_t i = 0; i < d->recipients.size(); ++i) CHECK(rows[d->recipients[i].line] == static_cast<int>(i));
}

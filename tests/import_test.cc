// Bringing existing documents in: the official layout read out of a file's
// text (Word through pandoc, PDF through pdftotext, plain text), the front
// matter filled from it, what was not found said, nothing overwritten.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "config.h"
#include "import.h"
#include "office_text.h"
#include "official_layout.h"
#include "page.h"
#include "site_fixture.h"
#include "subprocess.h"
#include "text.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

SiteConfig config() {
  SiteConfig c;
  c.kinds = {{"KH", "Kế hoạch"}, {"CTr", "Chương trình hành động"}};
  c.issuers = {{"duk", "ĐUK", "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre", "Đảng bộ tỉnh Bến Tre"},
               {"duk-khac", "ĐUK", "Đảng ủy Khối các cơ quan tỉnh", ""}};
  return c;
}

// A plan as an office's text export has it: the header split over lines, a
// paragraph cut by a page break, the cut end repeated, the signature last.
const char* kPlan =
    "ĐẢNG BỘ TỈNH BẾN TRE\n"
    "ĐẢNG ỦY KHỐI\n"
    "CƠ QUAN - DOANH NGHIỆP TỈNH\n"
    "*\n"
    "Số 05 -KH/ĐUK\n"
    "\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Bến Tre, ngày 21 tháng 10 năm 2020\n"
    "\n"
    "KẾ HOẠCH\n"
    "đổi mới, nâng cao chất lượng, hiệu quả\n"
    "công tác chính trị, tư tưởng\n"
    "\n"
    "Thực hiện Nghị quyết Đại hội, Ban Chấp hành xây dựng Kế hoạch như sau:\n"
    "\n"
    "I- MỤC ĐÍCH, YÊU CẦU\n"
    "\n"
    "1- Nâng cao nhận thức của các cấp ủy về vai trò của công tác chính trị, tư tưởng trong công tác xây\n"
    "\n"
    "dựng Đảng vững mạnh về chính trị, tư tưởng và đạo đức.\n"
    "\n"
    "tư tưởng và đạo đức.\n"
    "\n"
    "Kế hoạch này được phổ biến đến chi bộ.\n"
    "\n"
    "Nơi nhận:\n"
    "- Ban Thường vụ Tỉnh ủy (báo cáo),\n"
    "- Đ/c Nguyễn Văn Triết, UVTVTU,\n"
    "Chủ tịch UBMTTQVN tỉnh,\n"
    "- Lưu VT.\n"
    "\n"
    "**T/M BAN THƯỜNG VỤ\n"
    "PHÓ BÍ THƯ**\n"
    "\n"
    "Phạm Hữu Dự\n";

}  // namespace

TEST_CASE("a plan's official layout fills its front matter: header, number, date, kind, trích yếu, recipients, signature") {
  const RecognizedDocument d = recognize_layout(kPlan, config());
  CHECK(d.issuer == "duk");  // every word of its name and parent line is in the split header
  CHECK(d.number == "05 -KH/ĐUK");
  CHECK(d.place == "Bến Tre");
  REQUIRE(d.date);
  CHECK(d.date->iso() == "2020-10-21");
  CHECK(d.kind == "KH");
  CHECK(d.title == "Đổi mới, nâng cao chất lượng, hiệu quả công tác chính trị, tư tưởng");
  CHECK(d.authority == "T/M BAN THƯỜNG VỤ");
  CHECK(d.signer_role == "Phó Bí thư");
  CHECK(d.signer == "Phạm Hữu Dự");
  CHECK(d.recipients == std::vector<std::string>{"Ban Thường vụ Tỉnh ủy (báo cáo)",
                                                 "Đ/c Nguyễn Văn Triết, UVTVTU, Chủ tịch UBMTTQVN tỉnh", "Lưu VT"});
  CHECK(d.missing.empty());
  // The body: its parts as headings, the page break mended, the repeated fragment gone, no recipients.
  CHECK(d.body.find("## I- MỤC ĐÍCH, YÊU CẦU\n") != std::string::npos);
  CHECK(d.body.find("trong công tác xây dựng Đảng vững mạnh") != std::string::npos);
  CHECK(d.body.find("\ntư tưởng và đạo đức.\n") == std::string::npos);
  CHECK(d.body.find("Nơi nhận") == std::string::npos);
  CHECK(ends_with(d.body, "\nKế hoạch này được phổ biến đến chi bộ.\n"));
}

TEST_CASE("what a file does not have is left out and said, never guessed") {
  const RecognizedDocument d = recognize_layout(
      "\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\nThực hiện Nghị quyết Đại hội XX\n\nNội dung.\n\nNơi nhận:\n- Lưu Văn phòng.\n", config());
  CHECK(d.kind == "CTr");
  CHECK(d.title == "Thực hiện Nghị quyết Đại hội XX");
  CHECK(d.number.empty());
  CHECK(d.issuer.empty());
  CHECK_FALSE(d.date);
  CHECK(d.signer.empty());
  for (const char* m : {"số, ký hiệu", "cơ quan ban hành", "ngày ban hành", "địa danh", "người ký"}) {
    CHECK_MESSAGE(std::find(d.missing.begin(), d.missing.end(), m) != d.missing.end(), m);
  }
  // A number two issuers share is said so, not settled by a guess.
  const RecognizedDocument shared = recognize_layout("Số 12/KH/ĐUK\n\nKẾ HOẠCH\nthực hiện nhiệm vụ\n\nChữ.\n", config());
  CHECK(shared.issuer.empty());
  CHECK(shared.notes.size() == 1);
}

TEST_CASE("congbo import writes a document congbo reads, never over another, and --dry-run writes nothing") {
  TempSite site;
  site.file("site.toml", std::string(kMinimalConfig) + "[issuers.khac]\nabbr = \"TU\"\nname = \"Tỉnh ủy\"\n")
      .file("nhap/ke-hoach.txt", kPlan);
  ImportOptions o;
  o.site_dir = site.dir();
  o.files = {site.dir() / "nhap/ke-hoach.txt"};
  o.dry_run = true;
  std::ostringstream said;
  Diagnostics d;
  REQUIRE(import_documents(o, said, d));
  CHECK(said.str().find("sẽ ghi: content/van-ban/05-kh-duk.md") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir() / "content/van-ban/05-kh-duk.md"));

  o.dry_run = false;
  REQUIRE(import_documents(o, said, d));
  const std::string written = read_file(site.dir() / "content/van-ban/05-kh-duk.md");
  Diagnostics loaded;
  SiteConfig c = config();
  c.issuers[0].key = "duk";
  auto page = load_page("content/van-ban/05-kh-duk.md", written, c, loaded);
  REQUIRE(page);
  CHECK(page->doc.signer == "Phạm Hữu Dự");
  CHECK(page->date->iso() == "2020-10-21");
  CHECK(page->markdown.find("## I- MỤC ĐÍCH, YÊU CẦU") != std::string::npos);
  // The file brought in is published with the document, as its original.
  CHECK(written.find("attachments = [{ file = \"05-kh-duk.txt\", title = \"Văn bản gốc\" }]") != std::string::npos);
  CHECK(read_file(site.dir() / "content/van-ban/05-kh-duk.txt") == kPlan);

  Diagnostics again;
  CHECK_FALSE(import_documents(o, said, again));
  CHECK(again.items().at(0).format().find("đã có content/van-ban/05-kh-duk.md: không ghi đè") != std::string::npos);
  CHECK(read_file(site.dir() / "content/van-ban/05-kh-duk.md") == written);
}

TEST_CASE("--section puts imported documents in a folder inside van-ban, and no folder outside it") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("nhap/ke-hoach.txt", kPlan);
  ImportOptions o;
  o.site_dir = site.dir();
  o.files = {site.dir() / "nhap/ke-hoach.txt"};
  o.section = "van-ban/2020";
  std::ostringstream said;
  Diagnostics d;
  REQUIRE(import_documents(o, said, d));
  CHECK(fs::exists(site.dir() / "content/van-ban/2020/05-kh-duk.md"));
  CHECK(read_file(site.dir() / "content/van-ban/2020/05-kh-duk.txt") == kPlan);
  CHECK(said.str().find("kèm bản gốc content/van-ban/2020/05-kh-duk.txt") != std::string::npos);

  for (const char* bad : {"mo-hinh", "van-ban/../../etc", "van-ban//x", "van-ban/", "/van-ban", "van-ban\\x", "Van-Ban",
                          "van-bản", "van-ban-cu"}) {
    CHECK_MESSAGE(!section_refusal(bad).empty(), bad);
    o.section = bad;
    Diagnostics refused;
    CHECK_FALSE(import_documents(o, said, refused));
    CHECK(refused.items().at(0).format().find("--section phải là van-ban") != std::string::npos);
  }
  CHECK(section_refusal("van-ban").empty());
  CHECK(section_refusal("van-ban/nghi-quyet/2021").empty());
  CHECK(fs::directory_iterator(site.dir() / "content")->path().filename() == "van-ban");  // nothing written elsewhere
}

TEST_CASE("Word files come through pandoc — a PDF without text and an unknown type are said so") {
  TempSite site;
  // In Word every line of the layout is a paragraph of its own.
  std::string paragraphs;
  for (char c : std::string(kPlan)) paragraphs += c == '\n' ? std::string("\n\n") : std::string(1, c);
  site.file("site.toml", kMinimalConfig).file("nhap/ke-hoach.md", paragraphs);
  // A Word file made the way offices make them: here by pandoc itself from the text.
  const ProgramRun made = run_program({"pandoc", "--from", "markdown", "--to", "docx", "-o",
                                       (site.dir() / "nhap/ke-hoach.docx").string(), (site.dir() / "nhap/ke-hoach.md").string()},
                                      60, 1 << 20);
  REQUIRE_MESSAGE(made.started, "pandoc is not installed: run scripts/install-deps");
  REQUIRE(made.exit_code == 0);
  site.file("nhap/quet.pdf",
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
      .file("nhap/bang.xlsx", "PK");
  ImportOptions o;
  o.site_dir = site.dir();
  o.files = {site.dir() / "nhap/ke-hoach.docx", site.dir() / "nhap/quet.pdf", site.dir() / "nhap/bang.xlsx"};
  std::ostringstream said;
  Diagnostics d;
  CHECK_FALSE(import_documents(o, said, d));
  const std::string written = read_file(site.dir() / "content/van-ban/05-kh-duk.md");
  CHECK(written.find("signer = \"Phạm Hữu Dự\"") != std::string::npos);
  CHECK(written.find("date = 2020-10-21") != std::string::npos);
  CHECK(fs::exists(site.dir() / "content/van-ban/05-kh-duk.docx"));
  // …and the site builds with it: the original beside the page.
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.exists("van-ban/05-kh-duk/05-kh-duk.docx"));
  std::string errors;
  for (const auto& m : d.items()) errors += m.format() + "\n";
  CHECK_MESSAGE(errors.find("quet.pdf: error: tệp PDF không có chữ") != std::string::npos, errors);
  CHECK_MESSAGE(errors.find("bang.xlsx: error: chỉ nhập được tệp .docx, .odt, .pdf, .txt hoặc .md") != std::string::npos, errors);
}

TEST_CASE("a converter that hangs is stopped at its time limit") {
  const ProgramRun run = run_program({"sleep", "5"}, 1, 1024);
  CHECK(run.started);
  CHECK(run.timed_out);
  CHECK_FALSE(run_program({"khong-co-chuong-trinh-nay"}, 1, 1024).started);
}

TEST_CASE("a Word file's header and signature in two-column tables are read cell by cell") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("nhap/bang.html",
            "<table><tr><td><p>ĐẢNG BỘ TỈNH BẾN TRE</p><p>ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH</p><p>*</p><p>Số 05 -KH/ĐUK</p></td>"
            "<td><p><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong></p><p><em>Bến Tre, ngày 21 tháng 10 năm 2020</em></p></td></tr></table>"
            "<p><strong>KẾ HOẠCH</strong></p><p><strong>đổi mới công tác chính trị, tư tưởng</strong></p><p>Nội dung.</p>"
            "<table><tr><td><p>A</p></td><td><p>B</p></td></tr></table>"
            "<table><tr><td><p><strong>Nơi nhận:</strong></p><p>- Ban Thường vụ Tỉnh ủy,</p><p>- Lưu VT.</p></td>"
            "<td><p><strong>T/M BAN THƯỜNG VỤ</strong></p><p><strong>PHÓ BÍ THƯ</strong></p><p>Phạm Hữu Dự</p></td></tr></table>");
  const fs::path docx = site.dir() / "nhap/bang.docx";
  const ProgramRun made = run_program({"pandoc", "--from", "html", "--to", "docx", "-o", docx.string(),
                                       (site.dir() / "nhap/bang.html").string()}, 60, 1 << 20);
  REQUIRE_MESSAGE(made.started, "pandoc is not installed: run scripts/install-deps");
  std::string why;
  auto text = document_text(docx, &why);
  REQUIRE_MESSAGE(text, why);
  SiteConfig c = config();
  const RecognizedDocument d = recognize_layout(*text, c);
  CHECK(d.issuer == "duk");
  CHECK(d.number == "05 -KH/ĐUK");
  CHECK(d.place == "Bến Tre");
  CHECK(d.title == "Đổi mới công tác chính trị, tư tưởng");
  CHECK(d.signer_role == "Phó Bí thư");
  CHECK(d.signer == "Phạm Hữu Dự");
  CHECK(d.recipients == std::vector<std::string>{"Ban Thường vụ Tỉnh ủy", "Lưu VT"});
  CHECK(d.body.find("| A   | B   |") != std::string::npos);  // the body's own table is left as a table
  CHECK(d.body.find("Nơi nhận") == std::string::npos);
}

TEST_CASE("an ODT file typed one paragraph per line: the trích yếu's lines are joined, its bookmarks left out") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("nhap/dong.md", "Số 05-KH/ĐUK\n\n# KẾ HOẠCH\n\nđổi mới công tác chính trị, tư tưởng\n\nvà tuyên truyền\n\n"
                            "Thực hiện chỉ đạo của Tỉnh ủy, nay xây dựng kế hoạch.\n\n## I. MỤC ĐÍCH\n\nnội dung.\n");
  const fs::path odt = site.dir() / "nhap/dong.odt";
  const ProgramRun made = run_program({"pandoc", "--from", "markdown", "--to", "odt", "-o", odt.string(),
                                       (site.dir() / "nhap/dong.md").string()}, 60, 1 << 20);
  REQUIRE_MESSAGE(made.started, "pandoc is not installed: run scripts/install-deps");
  std::string why;
  auto text = document_text(odt, &why);
  REQUIRE_MESSAGE(text, why);
  CHECK(text->find("<span") == std::string::npos);
  const RecognizedDocument d = recognize_layout(*text, config());
  CHECK(d.kind == "KH");
  CHECK(d.number == "05-KH/ĐUK");
  CHECK(d.title == "Đổi mới công tác chính trị, tư tưởng và tuyên truyền");
  CHECK(d.body.rfind("Thực hiện chỉ đạo", 0) == 0);
  CHECK(without_bookmarks("## <span id=\"_Toc1\" class=\"anchor\"></span>I. A <span id=\"x\">kept</span>") ==
        "## I. A <span id=\"x\">kept</span>");
}

TEST_CASE("a PDF's text, with no blank lines and a date wrapped in its cell, still gives every field") {
  // What pdftotext prints for a header and a signature laid out in two-column tables.
  const RecognizedDocument d = recognize_layout(
      "ĐẢNG BỘ TỈNH BẾN TRE\nĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP\nTỈNH\n*\nSố 05-KH/ĐUK\n\n"
      "ĐẢNG CỘNG SẢN VIỆT NAM\nBến Tre, ngày 21 tháng 10 năm\n2020\n\nKẾ HOẠCH\nđổi mới công tác chính trị, tư tưởng\n"
      "Thực hiện chỉ đạo của Tỉnh ủy, Ban Thường vụ xây dựng kế hoạch như sau.\nNơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n"
      "- Lưu VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nPhạm Hữu Dự\n",
      config());
  CHECK(d.number == "05-KH/ĐUK");
  CHECK(d.place == "Bến Tre");
  CHECK(d.date->iso() == "2020-10-21");
  CHECK(d.title == "Đổi mới công tác chính trị, tư tưởng");
  CHECK(d.body.rfind("Thực hiện chỉ đạo", 0) == 0);
  CHECK(d.recipients == std::vector<std::string>{"Ban Thường vụ Tỉnh ủy", "Lưu VT"});
  CHECK(d.authority == "T/M BAN THƯỜNG VỤ");
  CHECK(d.signer == "Phạm Hữu Dự");
  CHECK(d.missing.empty());
}

TEST_CASE("footnotes left at the foot of their pages become real footnotes, and mend the paragraph they cut") {
  const RecognizedDocument d = recognize_layout(
      "KẾ HOẠCH\nthực hiện nhiệm vụ\n\n- Đạt chuẩn theo quy định của Tỉnh ủy<sup>(1)</sup>. Kiểm tra,\n\n"
      "<sup>(1)</sup> Thực hiện theo Kế hoạch số 134-KH/TU.\n\ngiám sát thường xuyên.\n", config());
  CHECK(d.body == "- Đạt chuẩn theo quy định của Tỉnh ủy[^1]. Kiểm tra, giám sát thường xuyên.\n\n"
                  "[^1]: Thực hiện theo Kế hoạch số 134-KH/TU.\n");
}

namespace {

// The words of a Markdown body, folded, Markdown marks left out.
std::vector<std::string> body_words(const std::string& md) {
  std::vector<std::string> out;
  for (const Word& w : split_words(md)) {
    const std::string f = fold(w.text);
    if (f.find_first_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) out.push_back(f);
  }
  return out;
}

// The share of `want`'s words that `got` has as often (footnotes may stand
// at the end or after their paragraph: the words, not their order).
double words_kept(const std::vector<std::string>& got, const std::vector<std::string>& want) {
  std::map<std::string, int> count;
  for (const std::string& w : want) ++count[w];
  size_t same = 0;
  for (const std::string& g : got) {
    if (count[g]-- > 0) ++same;
  }
  return want.empty() ? 1.0 : static_cast<double>(same) / static_cast<double>(std::max(got.size(), want.size()));
}

}  // namespace

TEST_CASE("each seed document imports to the front matter and the words of the sample made from it by hand") {
  const fs::path source = CONGBO_SOURCE_DIR;
  Diagnostics d;
  auto site = parse_config(read_file(source / "site.toml"), "site.toml", d);
  REQUIRE(site);
  struct Seed {
    const char* file;
    const char* sample;
    bool states_issuer;  // the seed's own text names its issuer (the others lost their header)
  };
  const Seed seeds[] = {{"000_cb66bda5281f350e.txt", "51-kh-duk.md", false},
                        {"001_5dcf4d47918a0738.txt", "ctr-nang-cao-nang-luc-lanh-dao-to-chuc-co-so-dang-2020-2025.md", false},
                        {"002_222903899b321cfe.txt", "12-kh-duk.md", false},
                        {"003_a32337044ddda96b.txt", "kh-thi-dua-chi-bo-bon-tot-2022-2027.md", false},
                        {"004_958b683d31464fa5.txt", "05-kh-duk.md", true}};
  for (const Seed& s : seeds) {
    CAPTURE(std::string(s.file));
    const RecognizedDocument got = recognize_layout(read_file(source / "tests/fixtures/seeds" / s.file), *site);
    Diagnostics loaded;
    auto want = load_page(std::string("content/van-ban/") + s.sample, read_file(source / "content/van-ban" / s.sample), *site, loaded);
    REQUIRE(want);
    CHECK(got.number == want->doc.number);
    CHECK(got.kind == want->doc.kind);
    CHECK(got.title == want->title);
    CHECK(got.place == want->doc.place);
    CHECK((got.date ? got.date->iso() : "") == (want->date ? want->date->iso() : ""));
    CHECK(got.authority == want->doc.authority);
    CHECK(got.signer_role == want->doc.signer_role);
    CHECK(got.signer == want->doc.signer);
    CHECK(got.recipients == want->doc.recipients);
    if (s.states_issuer) CHECK(got.issuer == want->doc.issuer);
    const double kept = words_kept(body_words(got.body), body_words(want->markdown));
    MESSAGE(std::string(s.file) << ": " << static_cast<int>(kept * 1000) / 10.0 << "% of the body's words as the sample has them");
    CHECK(kept > 0.99);
  }
}

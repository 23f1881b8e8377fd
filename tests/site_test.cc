// A writer's site built end to end: what readers get, and what a writer sees
// when a file is wrong (the published output must stay as it was).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "site_fixture.h"

using namespace congbo;
using congbo::testing::contains_msg;
using congbo::testing::kMinimalConfig;
using congbo::testing::built_from_nothing;
using congbo::testing::read_file;
using congbo::testing::snapshot;
using congbo::testing::TempSite;

namespace {

std::string doc(const std::string& title, const std::string& number, const std::string& date,
                const std::string& body = "Nội dung.\n") {
  std::string s = "+++\ntitle = \"" + title + "\"\n";
  if (!number.empty()) s += "number = \"" + number + "\"\n";
  s += "kind = \"KH\"\nissuer = \"duk\"\n";
  if (!date.empty()) s += "date = " + date + "\n";
  return s + "+++\n" + body;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a small site builds a home page, document pages, list pages, sitemap, feed, robots and 404") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/_index.md", "+++\ntitle = \"Chào mừng\"\n+++\nTrang của **Đảng ủy Khối**.\n")
      .file("content/van-ban/51-kh-duk.md",
            doc("Thi đua xây dựng chi bộ trong sạch, vững mạnh", "51-KH/ĐUK", "2021-06-01"))
      .file("content/van-ban/05-kh-duk.md",
            "+++\ntitle = \"Đổi mới công tác chính trị, tư tưởng\"\nnumber = \"05 -KH/ĐUK\"\n"
            "kind = \"KH\"\nissuer = \"duk\"\nplace = \"Bến Tre\"\ndate = \"21/10/2020\"\n"
            "signer = \"Võ Văn A\"\nsigner_role = \"Phó Bí thư\"\nauthority = \"T/M BAN THƯỜNG VỤ\"\n"
            "recipients = [\"Ban Thường vụ Tỉnh ủy (báo cáo)\", \"Lưu VT\"]\n+++\n"
            "## I- MỤC ĐÍCH, YÊU CẦU\n\nNâng cao nhận thức.\n")
      .file("content/van-ban/chuong-trinh.md", doc("Chương trình hành động", "", ""))
      .file("content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nVề trang này.\n");

  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.report.pages == 5);

  SUBCASE("the home page lists the newest documents and the sections") {
    std::string home = site.read("index.html");
    CHECK(has(home, "<html lang=\"vi\">"));
    CHECK(has(home, "Chào mừng"));
    CHECK(has(home, "Trang của <strong>Đảng ủy Khối</strong>."));
    CHECK(has(home, "href=\"/van-ban/\""));
    // newest first, undated last
    size_t a = home.find("51-KH/ĐUK"), b = home.find("05 -KH/ĐUK"), c = home.find("Chương trình hành động");
    CHECK(a < b);
    CHECK(b < c);
  }

  SUBCASE("a document page shows the official layout and its properties") {
    std::string page = site.read("van-ban/05-kh-duk/index.html");
    CHECK(has(page, "<title>05 -KH/ĐUK: Đổi mới công tác chính trị, tư tưởng – Đảng ủy Khối thử</title>"));
    CHECK(has(page, "ĐẢNG BỘ TỈNH BẾN TRE"));
    CHECK(has(page, "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH BẾN TRE"));
    CHECK(has(page, "Số 05 -KH/ĐUK"));
    CHECK(has(page, "ĐẢNG CỘNG SẢN VIỆT NAM"));
    CHECK(has(page, "Bến Tre, ngày 21 tháng 10 năm 2020"));
    CHECK(has(page, "KẾ HOẠCH"));
    CHECK(has(page, "<h2 id=\"i-muc-dich-yeu-cau\">I- MỤC ĐÍCH, YÊU CẦU</h2>"));
    CHECK(has(page, "T/M BAN THƯỜNG VỤ"));
    CHECK(has(page, "PHÓ BÍ THƯ"));
    CHECK(has(page, "Võ Văn A"));
    CHECK(has(page, "<li>Ban Thường vụ Tỉnh ủy (báo cáo)</li>"));
    CHECK(has(page, "Thuộc tính văn bản"));
    CHECK(has(page, "href=\"/css/congbo.css\""));
    CHECK(has(page, "class=\"skip-link\" href=\"#_noi-dung\""));
    CHECK(has(page, "<main id=\"_noi-dung\""));
  }

  SUBCASE("a document without number or date says so instead of inventing one") {
    std::string page = site.read("van-ban/chuong-trinh/index.html");
    CHECK(has(page, "Không ghi số"));
    CHECK(has(page, "Chưa rõ ngày"));
    CHECK_FALSE(has(page, "Số </p>"));
  }

  SUBCASE("section lists are paginated, newest first") {
    std::string p1 = site.read("van-ban/index.html");
    std::string p2 = site.read("van-ban/trang/2/index.html");
    CHECK(has(p1, "51-KH/ĐUK"));
    CHECK(has(p1, "05 -KH/ĐUK"));
    CHECK_FALSE(has(p1, "Chương trình hành động</a>"));
    CHECK(has(p2, "Chương trình hành động"));
    CHECK(has(p1, "rel=\"next\" href=\"/van-ban/trang/2/\""));
    CHECK(has(p2, "rel=\"prev\" href=\"/van-ban/\""));
    CHECK(has(p2, "<title>Văn bản – trang 2 – Đảng ủy Khối thử</title>"));
  }

  SUBCASE("a link shared on Zalo or Facebook has a title, a description and an address to show") {
    std::string home = site.read("index.html");
    CHECK(has(home, "<meta property=\"og:title\" content=\"Chào mừng\">"));
    CHECK(has(home, "<meta property=\"og:type\" content=\"website\">"));
    CHECK(has(home, "<meta property=\"og:url\" content=\"https://example.vn/\">"));
    std::string page = site.read("van-ban/51-kh-duk/index.html");
    CHECK(has(page, "<meta property=\"og:type\" content=\"article\">"));
    CHECK(has(page, "<meta property=\"og:title\" content=\"Thi đua xây dựng chi bộ trong sạch, vững mạnh\">"));
    CHECK(has(page, "<meta property=\"og:description\" content=\""));
    CHECK(has(page, "<meta name=\"twitter:card\" content=\"summary\">"));
  }

  SUBCASE("sitemap, feed and robots use absolute URLs") {
    std::string sitemap = site.read("sitemap.xml");
    CHECK(has(sitemap, "<loc>https://example.vn/van-ban/51-kh-duk/</loc><lastmod>2021-06-01</lastmod>"));
    CHECK(has(sitemap, "<loc>https://example.vn/gioi-thieu/</loc>"));
    std::string feed = site.read("feed.xml");
    CHECK(has(feed, "<title>51-KH/ĐUK: Thi đua xây dựng chi bộ trong sạch, vững mạnh</title>"));
    CHECK(has(feed, "<updated>2021-06-01T00:00:00+07:00</updated>"));
    CHECK(has(site.read("robots.txt"), "Sitemap: https://example.vn/sitemap.xml"));
    CHECK(has(site.read("404.html"), "Không tìm thấy trang"));
    CHECK(site.exists("css/congbo.css"));
  }
}

TEST_CASE("under a sub-path of base_url every internal link carries the sub-path") {
  TempSite site;
  std::string config = kMinimalConfig;
  config.replace(config.find("https://example.vn/"), 19, "https://example.vn/dang-uy/");
  site.file("site.toml", config)
      .file("content/van-ban/a.md", doc("Văn bản A", "1-KH/ĐUK", "2021-01-01", "Xem [danh sách](/van-ban/).\n"));
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string page = site.read("van-ban/a/index.html");
  CHECK(has(page, "href=\"/dang-uy/css/congbo.css\""));
  CHECK(has(page, "href=\"/dang-uy/van-ban/\""));
  CHECK(has(page, "href=\"/dang-uy/\""));
  CHECK_FALSE(has(page, "href=\"/van-ban/"));
  CHECK(has(site.read("sitemap.xml"), "<loc>https://example.vn/dang-uy/van-ban/a/</loc>"));
}

TEST_CASE("text typed with a decomposed (tổ hợp) keyboard comes out precomposed") {
  TempSite site;
  std::string decomposed_title = "Đa\xCC\x89ng u\xCC\x89y";  // "Đảng ủy" in NFD
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc(decomposed_title, "1-KH/ĐUK", "2021-01-01"));
  REQUIRE(site.build());
  std::string page = site.read("van-ban/a/index.html");
  CHECK(has(page, "Đảng ủy"));
  CHECK_FALSE(has(page, "a\xCC\x89"));
}

TEST_CASE("a long document gets a table of contents, a short one does not") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/dai.md", doc("Dài", "1-KH/ĐUK", "2021-01-01",
                                          "## I. Mục đích\n\nA\n\n## II. Nội dung\n\n### 1. Một\n\nB\n\n## III. Tổ chức\n"))
      .file("content/van-ban/ngan.md", doc("Ngắn", "2-KH/ĐUK", "2021-01-01", "## Một\n\nA\n"));
  REQUIRE(site.build());
  std::string dai = site.read("van-ban/dai/index.html");
  CHECK(has(dai, "Mục lục"));
  CHECK(has(dai, "<a href=\"#ii-noi-dung\">II. Nội dung</a>"));
  CHECK(has(dai, "class=\"toc-sub\"><a href=\"#1-mot\">"));
  CHECK_FALSE(has(site.read("van-ban/ngan/index.html"), "Mục lục"));
}

TEST_CASE("drafts are not published") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", "+++\ntitle = \"Nháp\"\nkind = \"KH\"\nissuer = \"duk\"\ndraft = true\n+++\n");
  REQUIRE(site.build());
  CHECK_FALSE(site.exists("van-ban/a/index.html"));
}

TEST_CASE("every mistake in one run is reported with file, line and column, and nothing is written") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/toml-hong.md", "+++\ntitle = \"Kế hoạch\nkind = \"KH\"\n+++\n")
      .file("content/van-ban/thieu-ten.md", "+++\nkind = \"KH\"\nissuer = \"duk\"\n+++\n")
      .file("content/van-ban/sai-kieu.md",
            "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"duk\"\nrecipients = \"Lưu VT\"\n+++\n")
      .file("content/van-ban/sai-ngay.md",
            "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"duk\"\ndate = \"31/02/2021\"\n+++\n")
      .file("content/van-ban/khong-fence.md", "title = \"A\"\n")
      .file("content/van-ban/loai-la.md", "+++\ntitle = \"A\"\nkind = \"KHH\"\nissuer = \"duk\"\n+++\n")
      .file("content/van-ban/utf8.md", "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nchữ \xC3 sai\n");

  CHECK_FALSE(site.build());
  CHECK_FALSE(std::filesystem::exists(site.out()));
  const std::string all = site.messages();
  CHECK(site.diags.error_count() == 7);
  CHECK(contains_msg(all, "content/van-ban/khong-fence.md:1:1: error: tệp phải bắt đầu bằng một dòng "
                          "chỉ có +++ để mở phần thông tin đầu (front matter)\n") == "yes");
  CHECK(contains_msg(all, "content/van-ban/loai-la.md:3:1: error: loại văn bản \"KHH\" chưa được khai "
                          "báo trong bảng [kinds] của site.toml\n") == "yes");
  CHECK(contains_msg(all, "content/van-ban/sai-kieu.md:5:1: error: trường \"recipients\" phải là danh "
                          "sách chuỗi, ví dụ [\"a\", \"b\"], nhưng ở đây là chuỗi chữ (đặt trong dấu nháy kép)\n") == "yes");
  CHECK(contains_msg(all, "content/van-ban/sai-ngay.md:5:1: error: \"31/02/2021\" không phải là ngày "
                          "hợp lệ; hãy viết theo dạng 2020-10-21 hoặc 21/10/2020\n") == "yes");
  CHECK(contains_msg(all, "content/van-ban/thieu-ten.md:1:1: error: thiếu trường bắt buộc \"title\"\n") == "yes");
  CHECK(contains_msg(all, "content/van-ban/toml-hong.md:2:") == "yes");
  CHECK(contains_msg(all, "content/van-ban/utf8.md:6:5: error: tệp không phải văn bản UTF-8 hợp lệ") == "yes");
}

TEST_CASE("two files that would write the same URL are an error naming both") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/Kế hoạch 51.md", doc("A", "51-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/ke-hoach-51.md", doc("B", "52-KH/ĐUK", "2021-01-01"));
  CHECK_FALSE(site.build());
  CHECK(site.messages() ==
        "content/van-ban/ke-hoach-51.md:1:1: error: trang này có cùng địa chỉ /van-ban/ke-hoach-51/ "
        "với content/van-ban/Kế hoạch 51.md; hãy đổi tên một trong hai tệp hoặc đặt trường \"slug\" khác nhau\n");
}

TEST_CASE("a page may not take the address of a section's list") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban.md", "+++\ntitle = \"Trùng\"\n+++\n");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "content/van-ban.md:1:1: error: trang này có cùng địa chỉ /van-ban/ với "
                             "trang danh sách của mục content/van-ban/"));
}

TEST_CASE("unknown front matter fields are warned about but the build goes on") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", "+++\ntitle = \"A\"\nkind = \"KH\"\nissuer = \"duk\"\nsinger = \"X\"\n+++\n");
  REQUIRE(site.build());
  CHECK(site.messages() ==
        "content/van-ban/a.md:5:1: warning: trường \"singer\" không được hỗ trợ nên bị bỏ qua (viết sai tên trường?)\n");
}

TEST_CASE("a failed build leaves the previous output byte for byte as it was") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("Bản đúng", "1-KH/ĐUK", "2021-01-01"));
  REQUIRE(site.build());
  auto before = snapshot(site.out());
  CHECK(before.count("van-ban/a/index.html") == 1);

  site.file("content/van-ban/a.md", "+++\ntitle = \"Bản hỏng\nkind = \"KH\"\n+++\n");
  CHECK_FALSE(site.build());
  CHECK(snapshot(site.out()) == before);
  // no temporary directories are left beside the output
  int entries = 0;
  for (auto& e : std::filesystem::directory_iterator(site.dir())) {
    CHECK_MESSAGE(e.path().filename().string().find(".tmp-") == std::string::npos, e.path().string());
    ++entries;
  }
  CHECK(entries == 4);  // site.toml, content, public, .congbo-cache
}

TEST_CASE("a successful rebuild replaces the output whole, dropping pages that were removed") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  std::filesystem::remove(site.dir() / "content/van-ban/b.md");
  REQUIRE(site.build());
  CHECK(site.exists("van-ban/a/index.html"));
  CHECK_FALSE(site.exists("van-ban/b/index.html"));
}

TEST_CASE("a rebuild does not rewrite unchanged files, so their modification times stay") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  struct stat before_a, before_b;
  REQUIRE(::stat((site.out() / "van-ban/a/index.html").c_str(), &before_a) == 0);
  REQUIRE(::stat((site.out() / "van-ban/b/index.html").c_str(), &before_b) == 0);
  site.file("content/van-ban/b.md", doc("B đã sửa", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  struct stat after_a, after_b;
  REQUIRE(::stat((site.out() / "van-ban/a/index.html").c_str(), &after_a) == 0);
  REQUIRE(::stat((site.out() / "van-ban/b/index.html").c_str(), &after_b) == 0);
  CHECK(after_a.st_ino == before_a.st_ino);  // the same file, not rewritten
  CHECK(after_a.st_mtim.tv_nsec == before_a.st_mtim.tv_nsec);
  CHECK(after_b.st_ino != before_b.st_ino);  // the changed page is new
  CHECK(has(site.read("van-ban/b/index.html"), "B đã sửa"));
}

namespace {

// Two builds of documents a and b (b edited between them): the first output
// is kept as the spare.
void built_twice(TempSite& site) {
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  site.file("content/van-ban/b.md", doc("B hai", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
}

ino_t inode(const std::filesystem::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

}  // namespace

TEST_CASE("the output a build replaces is kept beside it and brought up to date by the next, not written anew") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02"))
      .file("content/van-ban/c.md", doc("C", "3-KH/ĐUK", "2021-01-03"));
  for (int i = 10; i < 30; ++i) {
    site.file("content/van-ban/d" + std::to_string(i) + ".md", doc("D", std::to_string(i) + "-KH/ĐUK", "2020-01-01"));
  }
  REQUIRE(site.build());
  const ino_t a = inode(site.out() / "van-ban/a/index.html");
  site.file("content/van-ban/b.md", doc("B lần hai", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  const auto spare = site.dir() / ".public.congbo-spare";
  CHECK(std::filesystem::exists(spare / ".congbo-output"));  // the first output, kept
  site.file("content/van-ban/b.md", doc("B lần ba", "2-KH/ĐUK", "2021-01-02"));
  std::filesystem::remove(site.dir() / "content/van-ban/c.md");
  REQUIRE(site.build());
  // The third build worked in the first output: the untouched documents'
  // pages, at least, were already right there.
  CHECK(site.report.reused >= 20);
  CHECK(inode(site.out() / "van-ban/d15/index.html") == inode(spare / "van-ban/d15/index.html"));
  CHECK(inode(site.out() / "van-ban/a/index.html") == a);
  CHECK(has(site.read("van-ban/b/index.html"), "B lần ba"));
  CHECK_FALSE(site.exists("van-ban/c/index.html"));  // removed pages go, with their folders
  CHECK_FALSE(std::filesystem::exists(site.out() / "van-ban/c"));
  CHECK(snapshot(site.out()) == built_from_nothing(site));
  // The previous output is the spare now, whole: the second build's.
  CHECK(has(read_file(spare / "van-ban/b/index.html"), "B lần hai"));
}

TEST_CASE("a failed build in the spare leaves the output whole, and the next build in it is right") {
  TempSite site;
  built_twice(site);  // the first output is the spare now
  auto before = snapshot(site.out());
  site.file("content/van-ban/a.md", doc("A ba", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B ba", "2-KH/ĐUK", "2021-01-02", "[[Liên kết hỏng](\n"))
      .file("content/van-ban/d.md", "+++\ntitle = \"Hỏng\n+++\n");
  CHECK_FALSE(site.build());
  CHECK(snapshot(site.out()) == before);
  std::filesystem::remove(site.dir() / "content/van-ban/d.md");
  site.file("content/van-ban/b.md", doc("B ba", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  CHECK(snapshot(site.out()) == built_from_nothing(site));
}

TEST_CASE("a build stopped in the spare leaves it unknown: the next build looks at everything in it") {
  TempSite site;
  built_twice(site);  // the first output is the spare now
  // What a build killed half-way leaves: its working marker, stray files,
  // files missing, files half-changed.
  const auto spare = site.dir() / ".public.congbo-spare";
  std::filesystem::rename(spare / ".congbo-output", spare / ".congbo-partial");
  site.file(".public.congbo-spare/van-ban/rac/index.html", "rác");
  std::filesystem::remove(spare / "van-ban/a/index.html");
  std::filesystem::remove(spare / "index.html");
  std::ofstream(spare / "van-ban/b/index.html", std::ios::trunc) << "nửa chừng";
  site.file("content/van-ban/b.md", doc("B ba", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  CHECK(snapshot(site.out()) == built_from_nothing(site));
  CHECK_FALSE(std::filesystem::exists(site.out() / "van-ban/rac"));
}

TEST_CASE("a folder that only looks like congbo's spare is never used or removed") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file(".public.congbo-spare/cua-toi.docx", "không được xóa");
  REQUIRE(site.build());
  site.file("content/van-ban/a.md", doc("A hai", "1-KH/ĐUK", "2021-01-01"));
  REQUIRE(site.build());
  site.file("content/van-ban/a.md", doc("A ba", "1-KH/ĐUK", "2021-01-01"));
  REQUIRE(site.build());
  CHECK(read_file(site.dir() / ".public.congbo-spare/cua-toi.docx") == "không được xóa");
  CHECK(has(site.read("van-ban/a/index.html"), "A ba"));
}

TEST_CASE("the search index is kept while the documents are the same, and made anew when they change") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02"));
  REQUIRE(site.build());
  auto dir_of = [&] {
    std::string m = site.read("search/manifest.json");
    size_t at = m.find("\"dir\":\"") + 7;
    return m.substr(at, m.find('"', at) - at);
  };
  const std::string first = dir_of();
  const ino_t doc0 = inode(site.out() / first / "d/0.json.gz");
  REQUIRE(doc0 != 0);
  // A layout changed: every page is rendered again, the index is kept.
  site.file("layouts/404.mustache", "<p>Không có trang này.</p>\n");
  REQUIRE(site.build());
  CHECK(dir_of() == first);
  CHECK(inode(site.out() / first / "d/0.json.gz") == doc0);
  // A document's text changed: a new index, in a new folder; the old one is
  // gone. The other document's file is the same one, linked, not made again.
  const ino_t doc1 = inode(site.out() / first / "d/1.json.gz");
  site.file("content/van-ban/b.md", doc("B", "2-KH/ĐUK", "2021-01-02", "Nội dung mới.\n"));
  REQUIRE(site.build());
  const std::string second = dir_of();
  CHECK(second != first);
  CHECK_FALSE(std::filesystem::exists(site.out() / first));
  const bool a_first = inode(site.out() / second / "d/0.json.gz") == doc0;
  const bool b_first = inode(site.out() / second / "d/1.json.gz") == doc1;
  CHECK(a_first != b_first);  // exactly one of the two is unchanged (their order is the site's)
  auto kept = snapshot(site.out()), fresh = built_from_nothing(site);
  kept.erase(".congbo-output"), fresh.erase(".congbo-output");
  CHECK(kept == fresh);
}

TEST_CASE("check reads and validates everything and writes nothing") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"));
  CHECK(site.build(/*write=*/false));
  CHECK_FALSE(std::filesystem::exists(site.out()));
}

TEST_CASE("congbo never replaces a directory it did not make") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"))
      .file("public/tai-lieu-quan-trong.docx", "không được xóa");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "đã có dữ liệu không do congbo tạo ra"));
  CHECK(site.read("tai-lieu-quan-trong.docx") == "không được xóa");
}

TEST_CASE("an output folder that holds the site, or lies among the files it reads, is refused") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", doc("A", "1-KH/ĐUK", "2021-01-01"));
  for (const std::string out : {".", "content", "content/van-ban/trang", "static/web", "layouts/x", "themes/x"}) {
    CAPTURE(out);
    const auto dir = site.dir() / out;
    CHECK_FALSE(site.build_into(dir));
    CHECK((has(site.messages(), ": error: thư mục kết quả " + dir.string() + " chứa cả thư mục trang") ||
           has(site.messages(), ": error: thư mục kết quả " + dir.string() + " nằm trong thư mục")));
  }
  CHECK_FALSE(std::filesystem::exists(site.dir() / "content/van-ban/trang"));
  CHECK_FALSE(std::filesystem::exists(site.dir() / "static/web"));
  // Beside the sources, or outside the site, is fine.
  CHECK(site.build_into(site.dir() / "content-web"));
}

TEST_CASE("a missing site.toml is reported") {
  TempSite site;
  CHECK_FALSE(site.build());
  CHECK(site.messages() == "site.toml: error: không tìm thấy tệp site.toml ở thư mục gốc của trang\n");
}

TEST_CASE("a rebuild with nothing changed does nothing, and says the same warnings again") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", doc("Bản đúng", "1-KH/ĐUK", "2021-01-01"));
  site.file("content/van-ban/b.md", "+++\ntitle = \"B\"\nkind = \"KH\"\nissuer = \"duk\"\nsinger = \"x\"\n+++\nB.\n");
  REQUIRE(site.build());
  CHECK_FALSE(site.report.up_to_date);
  const std::string warnings = site.messages();
  CHECK(contains_msg(warnings, "content/van-ban/b.md:5:1: warning:") == "yes");
  auto before = snapshot(site.out());

  REQUIRE(site.build());
  CHECK(site.report.up_to_date);
  CHECK(site.messages() == warnings);
  CHECK(snapshot(site.out()) == before);

  SUBCASE("an edited file is built") {
    site.file("content/van-ban/a.md", doc("Bản sửa", "1-KH/ĐUK", "2021-01-01"));
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
    CHECK(contains_msg(site.read("van-ban/a/index.html"), "Bản sửa") == "yes");
  }
  SUBCASE("a file saved again unchanged is not a change, and the next check is by stat again") {
    site.file("content/van-ban/a.md", doc("Bản đúng", "1-KH/ĐUK", "2021-01-01"));
    REQUIRE(site.build());
    CHECK(site.report.up_to_date);
    CHECK(site.messages() == warnings);
    REQUIRE(site.build());
    CHECK(site.report.up_to_date);
    site.file("content/van-ban/a.md", doc("Bản đúng", "1-KH/ĐUK", "2021-01-01", "Nội dung khác.\n"));
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
  }
  SUBCASE("every kind of file saved again unchanged, read by the build or not, is not a change") {
    // The first build's content key comes from the bytes it loaded, the
    // next one's from reading every file: the two must agree.
    site.file("static/logo.svg", "<svg/>").file("content/van-ban/phu-luc.pdf", "%PDF-1.4");
    site.file("layouts/partials/footer.mustache", "<footer>Chân trang riêng</footer>");
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
    for (const char* f : {"site.toml", "content/van-ban/a.md", "content/van-ban/b.md", "static/logo.svg",
                          "content/van-ban/phu-luc.pdf", "layouts/partials/footer.mustache"}) {
      const std::string bytes = *file_bytes(site.dir() / f);
      std::filesystem::remove(site.dir() / f);  // a new inode and time, the same bytes
      site.file(f, bytes);
    }
    REQUIRE(site.build());
    CHECK(site.report.up_to_date);
  }
  SUBCASE("a new file is built") {
    site.file("content/van-ban/c.md", doc("Bản mới", "2-KH/ĐUK", "2021-02-01"));
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
    CHECK(site.exists("van-ban/c/index.html"));
  }
  SUBCASE("a removed output is built again") {
    std::filesystem::remove_all(site.out());
    REQUIRE(site.build());
    CHECK_FALSE(site.report.up_to_date);
    CHECK(snapshot(site.out()) == before);
  }
  SUBCASE("the same site named through another spelling of its folder is still nothing to build") {
    BuildOptions o;
    o.site_dir = site.dir() / "content" / "..";
    o.out_dir = site.dir() / "." / "public";
    Diagnostics d;
    BuildReport r;
    REQUIRE(build(o, d, &r));
    CHECK(r.up_to_date);
  }
  SUBCASE("another output directory is built") {
    REQUIRE(site.build_into(site.dir() / "khac"));
    CHECK_FALSE(site.report.up_to_date);
    CHECK(std::filesystem::exists(site.dir() / "khac/van-ban/a/index.html"));
  }
}

TEST_CASE("serve's preview: an edited page is rendered at once from the last build, the rest waits") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", doc("Kế hoạch A", "1-KH/ĐUK", "2021-01-01"))
      .file("content/van-ban/b.md", doc("Kế hoạch B", "2-KH/ĐUK", "2021-02-01", "Theo Kế hoạch số 1-KH/ĐUK."));
  BuildOptions o;
  o.site_dir = site.dir();
  Diagnostics diags;
  BuildReport report;
  std::unique_ptr<Site> built;
  REQUIRE(build(o, diags, &report, &built));
  REQUIRE(built);

  auto p = built->preview("content/van-ban/b.md", doc("Kế hoạch B đã sửa", "2-KH/ĐUK", "2021-02-01", "Theo Kế hoạch số 1-KH/ĐUK."));
  REQUIRE(p);
  CHECK(p->url == "/van-ban/b/");
  CHECK(contains_msg(p->html, "Kế hoạch B đã sửa") == "yes");
  // Linked as the last build linked it: the citation still finds A.
  CHECK(contains_msg(p->html, "<a href=\"/van-ban/a/\">1-KH/ĐUK</a>") == "yes");
  // Nothing was written: the full rebuild does that.
  CHECK(contains_msg(site.read("van-ban/b/index.html"), "Kế hoạch B đã sửa") != "yes");

  SUBCASE("what a preview cannot show goes to the full build") {
    CHECK_FALSE(built->preview("content/van-ban/moi.md", doc("Mới", "3-KH/ĐUK", "2021-03-01")));  // a new file
    CHECK_FALSE(built->preview("content/van-ban/a.md", "+++\ntitle = \"hỏng\n+++\n"));              // a broken one
  }
  SUBCASE("an up-to-date build still hands over a linked Site") {
    std::unique_ptr<Site> again;
    BuildReport r2;
    Diagnostics d2;
    REQUIRE(build(o, d2, &r2, &again));
    CHECK(r2.up_to_date);
    REQUIRE(again);
    CHECK(again->preview("content/van-ban/a.md", doc("A sửa", "1-KH/ĐUK", "2021-01-01")));
  }
}

TEST_CASE("a long list links the first and last pages and those near the current one, not every page") {
  TempSite site;
  site.file("site.toml", kMinimalConfig);  // two items a page
  for (int i = 1; i <= 40; ++i) {
    site.file("content/van-ban/d" + std::to_string(i) + ".md",
              doc("Văn bản " + std::to_string(i), std::to_string(i) + "-KH/ĐUK", "2021-01-01"));
  }
  REQUIRE(site.build());
  std::string p10 = site.read("van-ban/trang/10/index.html");  // of 20
  for (int k : {1, 8, 9, 11, 12, 20}) {
    CHECK_MESSAGE(has(p10, "/van-ban/" + (k == 1 ? std::string() : "trang/" + std::to_string(k) + "/") + "\">" + std::to_string(k) + "</a>"), k);
  }
  CHECK(has(p10, "aria-current=\"page\">10</a>"));
  CHECK_FALSE(has(p10, ">5</a>"));
  CHECK_FALSE(has(p10, ">15</a>"));
  CHECK(has(p10, "<li class=\"gap\" aria-hidden=\"true\">…</li>"));
  std::string p1 = site.read("van-ban/index.html");
  CHECK(has(p1, ">3</a>"));
  CHECK_FALSE(has(p1, ">4</a>"));
}

TEST_CASE("two saves within one clock tick, of the same size, are still told apart") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", doc("Bản AAA", "1-KH/ĐUK", "2021-01-01"));
  REQUIRE(site.build());
  const auto path = site.dir() / "content/van-ban/a.md";
  const auto when = std::filesystem::last_write_time(path);
  site.file("content/van-ban/a.md", doc("Bản BBB", "1-KH/ĐUK", "2021-01-01"));  // same size, same inode
  std::filesystem::last_write_time(path, when);  // and, as a coarse clock would have it, the same time
  REQUIRE(site.build());
  CHECK_FALSE(site.report.up_to_date);
  CHECK(has(site.read("van-ban/a/index.html"), "Bản BBB"));
}

TEST_CASE("the search index takes each page's plain text, it is not copied") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", "+++\ntitle = \"Văn bản A\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung dài.\n");
  BuildOptions o;
  o.site_dir = site.dir();
  Diagnostics d;
  BuildReport r;
  std::unique_ptr<Site> kept;
  REQUIRE(congbo::build(o, d, &r, &kept));
  REQUIRE(kept);
  REQUIRE(kept->rendered().size() == kept->pages().size());
  for (size_t i = 0; i < kept->pages().size(); ++i) {
    if (!kept->pages()[i].is_index) CHECK_MESSAGE(kept->rendered()[i].plain.empty(), kept->pages()[i].source);
  }
  CHECK(contains_msg(site.read("search/manifest.json"), "\"n\":") == "yes");
}

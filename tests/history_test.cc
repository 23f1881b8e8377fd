// The plan archive: every version of every document from git, what changed,
// removed documents, building exactly a committed revision.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "git_fixture.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::GitFixture;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string plan(const std::string& target, const std::string& signer = "Nguyễn Văn A") {
  return "+++\ntitle = \"Thi đua xây dựng chi bộ\"\nnumber = \"51-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
         "signer = \"" + signer + "\"\n+++\n## I. Mục tiêu\n\nHàng năm, trên " + target +
         " đảng viên hoàn thành tốt nhiệm vụ.\n";
}

}  // namespace

TEST_CASE("every committed version gets a permanent page, newest first, with what changed") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  std::string v1 = git.commit("Đăng bản dự thảo Kế hoạch 51", 10);
  site.file("content/van-ban/51.md", plan("90%", "Trần Thị B"));
  std::string v2 = git.commit("Sửa chỉ tiêu và người ký theo bản chính thức", 12, "Chánh Văn phòng");

  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.notes().empty());
  std::string page = site.read("van-ban/51/index.html");
  CHECK(has(page, "Cập nhật lần cuối: <time datetime=\"2024-01-13T08:00:00+07:00\">13/01/2024</time>"));
  CHECK(has(page, "<h2 id=\"_lich-su\">Lịch sử phiên bản</h2>"));
  size_t newer = page.find("Sửa chỉ tiêu và người ký theo bản chính thức"), older = page.find("Đăng bản dự thảo Kế hoạch 51");
  CHECK(newer < older);
  CHECK(has(page, "<a href=\"/van-ban/51/phien-ban/" + v1.substr(0, 7) + "/\">Đăng bản dự thảo Kế hoạch 51</a>"));
  CHECK(has(page, "<span class=\"author\">Chánh Văn phòng</span>"));

  std::string old = site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html");
  CHECK(has(old, "Đây là phiên bản ngày 11/01/2024, không phải bản hiện hành."));
  CHECK(has(old, "<a href=\"/van-ban/51/\">Xem bản hiện hành</a>"));
  CHECK(has(old, "trên 80% đảng viên"));  // rendered from that version's own text…
  CHECK(has(old, "Nguyễn Văn A"));        // …and its own front matter
  std::string current = site.read("van-ban/51/phien-ban/" + v2.substr(0, 7) + "/index.html");
  // the current version is the page itself: its address sends readers there, no second copy
  CHECK(has(current, "Phiên bản ngày 13/01/2024 là bản hiện hành của văn bản này:"));
  CHECK(has(current, "<meta http-equiv=\"refresh\" content=\"0; url=/van-ban/51/\">"));
  CHECK(has(current, "<link rel=\"canonical\" href=\"https://example.vn/van-ban/51/\">"));
  CHECK_FALSE(has(current, "Hàng năm, trên 90%"));

  std::string changes = site.read("van-ban/51/phien-ban/" + v2.substr(0, 7) + "/so-sanh/index.html");
  CHECK(has(changes, "trên <del>80%</del><ins>90%</ins> đảng viên"));
  CHECK(has(changes, "<li><strong>Người ký</strong>: <del>Nguyễn Văn A</del> → <ins>Trần Thị B</ins></li>"));
  CHECK(has(changes, "Thêm 1 từ, bỏ 1 từ."));

  std::string json = site.read("van-ban/51/phien-ban/phien-ban.json");
  CHECK(has(json, "\"id\":\"" + v2.substr(0, 7) + "\""));
  CHECK(has(json, "\"id\":\"" + v1.substr(0, 7) + "\""));
  // each version's fields too, so any two can be compared in the browser, metadata included
  CHECK(has(json, "[\"Người ký\",\"Trần Thị B\"]"));
  CHECK(has(json, "[\"Người ký\",\"Nguyễn Văn A\"]"));
  // and where each one's text is — the page itself for the current one — not the text again
  CHECK(has(json, "\"text\":\"/van-ban/51/\""));
  CHECK(has(json, "\"text\":\"/van-ban/51/phien-ban/" + v1.substr(0, 7) + "/\""));
  CHECK_FALSE(has(json, "80%"));
  CHECK(has(site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html"), "data-body>"));
  CHECK(has(site.read("van-ban/51/phien-ban/index.html"), "so-sanh.js"));
  CHECK(site.exists("js/so-sanh.js"));
}

TEST_CASE("a document with one version has its permalink and history page, and no comparison data — the permalink is no second copy") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  std::string v1 = git.commit("Đăng Kế hoạch 51", 10);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string permalink = site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html");
  // its permanent address answers, sending readers to the page (which is that version)…
  CHECK(has(permalink, "Phiên bản ngày 11/01/2024 là bản hiện hành của văn bản này:"));
  CHECK(has(permalink, "<a href=\"/van-ban/51/\">"));
  CHECK(has(site.read("van-ban/51/index.html"), "Đăng Kế hoạch 51"));  // its history, on the page
  CHECK(has(site.read("van-ban/51/phien-ban/index.html"), "url=/van-ban/51/#_lich-su"));
  CHECK_FALSE(site.exists("van-ban/51/phien-ban/phien-ban.json"));  // nothing to compare
  // A second version: now there are two to compare.
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Sửa chỉ tiêu", 11);
  REQUIRE(site.build());
  // …and once the document changes, the same address shows that version's own text
  const std::string then = site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html");
  CHECK(has(then, "trên 80% đảng viên"));
  CHECK(has(then, "Đây là phiên bản ngày 11/01/2024, không phải bản hiện hành."));
  CHECK(site.exists("van-ban/51/phien-ban/phien-ban.json"));
  CHECK(has(site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html"), "không phải bản hiện hành"));
}

TEST_CASE("a renamed file keeps its history, and a commit that only moved it is not a version") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/du-thao.md", plan("80%"));
  std::string v1 = git.commit("Bản đầu", 1);
  std::filesystem::rename(site.dir() / "content/van-ban/du-thao.md", site.dir() / "content/van-ban/51-kh-duk.md");
  std::string moved = git.commit("Đổi tên tệp theo số văn bản", 2);
  REQUIRE(site.build());
  std::string page = site.read("van-ban/51-kh-duk/index.html");
  CHECK(has(page, "Bản đầu"));
  CHECK_FALSE(has(page, "Đổi tên tệp theo số văn bản"));  // the same text under a new name: no new version
  CHECK(site.exists("van-ban/51-kh-duk/phien-ban/" + v1.substr(0, 7) + "/index.html"));
  // The move's own address (a build before this one may have published it) shows the version it kept.
  CHECK(has(site.read("van-ban/51-kh-duk/phien-ban/" + moved.substr(0, 7) + "/index.html"),
            "url=/van-ban/51-kh-duk/phien-ban/" + v1.substr(0, 7) + "/"));
}

TEST_CASE("a renamed file's old addresses, and its archive's, send readers to the new ones") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/du-thao.md", plan("80%"));
  std::string v1 = git.commit("Bản đầu", 1);
  site.file("content/van-ban/du-thao.md", plan("90%"));
  std::string v2 = git.commit("Sửa chỉ tiêu", 2);
  REQUIRE(site.build());
  const std::string old_version = "van-ban/du-thao/phien-ban/" + v1.substr(0, 7) + "/index.html";
  REQUIRE(site.exists(old_version));  // published under the old name

  std::filesystem::rename(site.dir() / "content/van-ban/du-thao.md", site.dir() / "content/van-ban/51-kh-duk.md");
  git.commit("Đổi tên tệp theo số văn bản", 3);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(has(site.read("van-ban/51-kh-duk/index.html"), "Sửa chỉ tiêu"));
  const std::string moved = site.read("van-ban/du-thao/index.html");
  CHECK(has(moved, "<meta http-equiv=\"refresh\" content=\"0; url=/van-ban/51-kh-duk/\">"));
  CHECK(has(moved, "<link rel=\"canonical\" href=\"https://example.vn/van-ban/51-kh-duk/\">"));
  CHECK(has(moved, "<a href=\"/van-ban/51-kh-duk/\">"));
  // Every address the archive had under the old name still answers.
  CHECK(has(site.read(old_version), "url=/van-ban/51-kh-duk/phien-ban/" + v1.substr(0, 7) + "/"));
  CHECK(has(site.read("van-ban/du-thao/phien-ban/" + v2.substr(0, 7) + "/so-sanh/index.html"), "/van-ban/51-kh-duk/phien-ban/"));
  CHECK(has(site.read("van-ban/du-thao/phien-ban/index.html"), "url=/van-ban/51-kh-duk/phien-ban/"));
  // And web servers can load them as real redirects.
  CHECK(has(site.read("_redirects"), "/van-ban/du-thao/ /van-ban/51-kh-duk/ 301\n"));
  CHECK(has(site.read("_redirects.nginx"), "\"/van-ban/du-thao/\" \"/van-ban/51-kh-duk/\";\n"));
  // Not in the sitemap: it lists the pages themselves.
  CHECK_FALSE(has(site.read("sitemap.xml"), "du-thao"));

  // A new file at the old name takes its address back.
  site.file("content/van-ban/du-thao.md", plan("70%"));
  git.commit("Dự thảo mới", 4);
  REQUIRE(site.build());
  CHECK_FALSE(has(site.read("van-ban/du-thao/index.html"), "http-equiv=\"refresh\""));
  CHECK_FALSE(has(site.read("van-ban/du-thao/phien-ban/index.html"), "51-kh-duk"));  // its own history, not the old one's
}

TEST_CASE("a document with one version shows its history on its page — the history address sends readers there") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/du-thao.md", plan("80%"));
  const std::string v1 = git.commit("Bản đầu", 1);
  REQUIRE(site.build());
  const std::string page = site.read("van-ban/du-thao/index.html");
  CHECK(has(page, "phien-ban/" + v1.substr(0, 7) + "/\">Bản đầu</a>"));  // the one line, on the page
  CHECK_FALSE(has(page, "Toàn bộ lịch sử"));                               // no second page to send readers to
  const std::string history = site.read("van-ban/du-thao/phien-ban/index.html");
  CHECK(has(history, "<meta http-equiv=\"refresh\" content=\"0; url=/van-ban/du-thao/#_lich-su\">"));
  CHECK(has(history, "<link rel=\"canonical\" href=\"https://example.vn/van-ban/du-thao/\">"));
  CHECK(history.size() < 1024);
  CHECK_FALSE(has(site.read("sitemap.xml"), "du-thao/phien-ban/"));

  SUBCASE("a second version: the history is a page again, linked and listed") {
    site.file("content/van-ban/du-thao.md", plan("90%"));
    git.commit("Sửa chỉ tiêu", 2);
    REQUIRE(site.build());
    CHECK(has(site.read("van-ban/du-thao/index.html"), "Toàn bộ lịch sử"));
    CHECK_FALSE(has(site.read("van-ban/du-thao/phien-ban/index.html"), "http-equiv=\"refresh\""));
    CHECK(has(site.read("van-ban/du-thao/phien-ban/index.html"), "Bản đầu"));
    CHECK(has(site.read("sitemap.xml"), "du-thao/phien-ban/</loc>"));
  }
}

TEST_CASE("a slug changed by hand leaves its old address, and its archive's, sending readers on") {
  TempSite site;
  GitFixture git(site.dir());
  auto with_slug = [](const std::string& slug, const std::string& target) {
    std::string text = plan(target);
    return slug.empty() ? text : text.insert(4, "slug = \"" + slug + "\"\n");
  };
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", with_slug("ke-hoach-51", "80%"));
  std::string v1 = git.commit("Bản đầu", 1);
  site.file("content/van-ban/51.md", with_slug("ke-hoach-51", "90%"));
  std::string v2 = git.commit("Sửa chỉ tiêu", 2);
  site.file("content/van-ban/51.md", with_slug("kh-51-thi-dua", "90%"));
  git.commit("Đổi địa chỉ", 3);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(has(site.read("van-ban/kh-51-thi-dua/index.html"), "90%"));
  CHECK(has(site.read("van-ban/ke-hoach-51/index.html"), "url=/van-ban/kh-51-thi-dua/\""));
  CHECK(has(site.read("van-ban/ke-hoach-51/phien-ban/" + v1.substr(0, 7) + "/index.html"),
            "url=/van-ban/kh-51-thi-dua/phien-ban/" + v1.substr(0, 7) + "/"));
  CHECK(has(site.read("van-ban/ke-hoach-51/phien-ban/" + v2.substr(0, 7) + "/so-sanh/index.html"), "url=/van-ban/kh-51-thi-dua/phien-ban/"));
  CHECK(has(site.read("_redirects"), "/van-ban/ke-hoach-51/ /van-ban/kh-51-thi-dua/ 301\n"));
  // the address without any slug was never published: nothing is made there
  CHECK_FALSE(site.exists("van-ban/51/index.html"));
}

TEST_CASE("a removed document keeps a page saying so, with its versions") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/cu.md", plan("80%")).file("content/van-ban/khac.md", plan("70%"));
  std::string v1 = git.commit("Đăng kế hoạch", 1);
  std::filesystem::remove(site.dir() / "content/van-ban/cu.md");
  std::string gone = git.commit("Gỡ kế hoạch đã hết hiệu lực", 5);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string page = site.read("van-ban/cu/index.html");
  CHECK(has(page, "<title>51-KH/ĐUK: Thi đua xây dựng chi bộ – Đảng ủy Khối thử</title>"));
  CHECK(has(page, "Văn bản này đã được gỡ khỏi trang ngày 06/01/2024 (lần lưu " + gone.substr(0, 7) +
                      ": Gỡ kế hoạch đã hết hiệu lực)."));
  CHECK(has(page, "/van-ban/cu/phien-ban/" + v1.substr(0, 7) + "/"));
  CHECK(has(site.read("van-ban/cu/phien-ban/" + v1.substr(0, 7) + "/index.html"), "không phải bản hiện hành"));
}

TEST_CASE("an old version with broken front matter is shown as text and never fails the build") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", "+++\ntitle = \"Thiếu dấu nháy\n+++\nNội dung <cũ>.\n");
  std::string v1 = git.commit("Bản lỗi", 1);
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Sửa lỗi phần đầu", 2);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string old = site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html");
  CHECK(has(old, "Phiên bản này có phần thông tin đầu không đọc được, nên được hiển thị nguyên văn."));
  CHECK(has(old, "Nội dung &lt;cũ&gt;."));
}

TEST_CASE("uncommitted changes are flagged — --ref builds exactly the committed tree") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  git.commit("Bản đã duyệt", 1);
  site.file("content/van-ban/51.md", plan("95%"))
      .file("content/van-ban/moi.md", "+++\ntitle = \"Chưa duyệt\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\n");

  REQUIRE(site.build());
  std::string working = site.read("van-ban/51/index.html");
  CHECK(has(working, "trên 95%"));
  CHECK(has(working, "Trang đang hiển thị có thay đổi chưa được lưu vào kho (chưa commit)."));
  CHECK(site.exists("van-ban/moi/index.html"));

  BuildOptions o;
  o.site_dir = site.dir();
  o.ref = "HEAD";
  site.diags = Diagnostics();
  REQUIRE(congbo::build(o, site.diags, &site.report));
  std::string published = site.read("van-ban/51/index.html");
  CHECK(has(published, "trên 80%"));
  CHECK_FALSE(has(published, "chưa commit"));
  CHECK_FALSE(site.exists("van-ban/moi/index.html"));
}

TEST_CASE("a revision that does not exist is a clear error, and nothing is written") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  git.commit("Bản đầu", 1);
  BuildOptions o;
  o.site_dir = site.dir();
  o.ref = "ban-chinh-thuc";
  CHECK_FALSE(congbo::build(o, site.diags, &site.report));
  CHECK(site.messages() ==
        "ban-chinh-thuc: error: không tìm thấy phiên bản \"ban-chinh-thuc\" trong kho git (tên nhánh, thẻ hoặc mã commit)\n");
  CHECK_FALSE(std::filesystem::exists(site.out()));
}

TEST_CASE("without a repository the site builds, with one notice") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  REQUIRE(site.build());
  CHECK(site.notes() == "note: thư mục trang không nằm trong kho git nên trang không có lịch sử phiên bản\n");
  CHECK_FALSE(has(site.read("van-ban/51/index.html"), "Lịch sử phiên bản"));
}

TEST_CASE("in a shallow clone the timeline says older history is missing") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%"));
  git.commit("Rất cũ", 1);
  site.file("content/van-ban/51.md", plan("80%"));
  std::string boundary = git.commit("Bản trong bản sao", 2);
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Bản mới", 3);
  // What `git clone --depth 2` records: this commit's parents are not here.
  site.file(".git/shallow", boundary + "\n");
  REQUIRE(site.build());
  std::string page = site.read("van-ban/51/index.html");
  CHECK(has(page, "Lịch sử trước đó không có trong bản sao này."));
  CHECK(has(page, "Bản trong bản sao"));
  CHECK_FALSE(has(page, "Rất cũ"));
}

TEST_CASE("a rebuild links unchanged versions from the previous output, with identical output") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  std::string v1 = git.commit("Một", 1);
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Hai", 2);
  REQUIRE(site.build());
  const std::string path = "van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html";
  std::string first = site.read(path);
  // Nothing changed: nothing to do at all.
  REQUIRE(site.build());
  CHECK(site.report.up_to_date);
  // A file saved again without changes: its bytes are the same, so still nothing to do.
  site.file("content/van-ban/51.md", plan("90%"));
  REQUIRE(site.build());
  CHECK(site.report.up_to_date);
  // Without the stamp: a build, but every file is already right, kept or
  // linked, not even rendered.
  std::filesystem::remove(site.dir() / ".congbo-cache/last-build");
  REQUIRE(site.build());
  CHECK_FALSE(site.report.up_to_date);
  CHECK(site.report.files > 0);
  CHECK(site.report.reused == site.report.files);
  CHECK(site.read(path) == first);
  // Without it or the kept spare (a fresh checkout, say): everything is rendered again, the same.
  std::filesystem::remove_all(site.out());
  std::filesystem::remove_all(site.dir() / ".public.congbo-spare");
  REQUIRE(site.build());
  CHECK(site.report.reused == 0);
  CHECK(site.read(path) == first);
}

TEST_CASE("rendering on several threads writes exactly what one thread writes") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig);
  for (int i = 0; i < 40; ++i) site.file("content/van-ban/d" + std::to_string(i) + ".md", plan(std::to_string(50 + i) + "%"));
  git.commit("Đăng", 1);
  for (int i = 0; i < 40; i += 3) site.file("content/van-ban/d" + std::to_string(i) + ".md", plan("99%"));
  git.commit("Sửa", 2);
  auto build_with = [&](int jobs, const std::string& out) {
    BuildOptions o;
    o.site_dir = site.dir();
    o.out_dir = site.dir() / out;
    o.cache_dir = site.dir() / (out + "-cache");  // each its own stamp: both really render
    o.jobs = jobs;
    Diagnostics d;
    BuildReport r;
    REQUIRE(congbo::build(o, d, &r));
  };
  build_with(1, "mot-luong");
  build_with(4, "bon-luong");
  auto one = congbo::testing::snapshot(site.dir() / "mot-luong");
  auto four = congbo::testing::snapshot(site.dir() / "bon-luong");
  CHECK(one.size() > 100);
  CHECK(one == four);
}

TEST_CASE("committing what was built is a change: the page no longer says it is uncommitted") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  git.commit("Một", 1);
  site.file("content/van-ban/51.md", plan("90%"));
  REQUIRE(site.build());
  CHECK(has(site.read("van-ban/51/index.html"), "có thay đổi chưa lưu"));
  REQUIRE(site.build());
  CHECK(site.report.up_to_date);
  git.commit("Hai", 2);  // the files on disk are the same; HEAD moved
  REQUIRE(site.build());
  CHECK_FALSE(site.report.up_to_date);
  CHECK_FALSE(has(site.read("van-ban/51/index.html"), "có thay đổi chưa lưu"));
}

TEST_CASE("a campaign's file has its last change from git — a removed one leaves no page behind") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig)
      .file("content/don-vi.toml", "[[unit]]\nid = \"cb-a\"\nname = \"Chi bộ A\"\ntype = \"chi bộ cơ sở\"\n")
      .file("content/thi-dua/a.toml",
            "name = \"Phong trào A\"\n[[grade]]\nid = \"tot\"\nname = \"Tốt\"\notherwise = true\n"
            "[[results]]\nyear = 2024\nunits = [ { unit = \"cb-a\" } ]\n");
  git.commit("Kết quả năm 2024", 5);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(has(site.read("thi-dua/a/index.html"), "Cập nhật lần cuối: <time"));
  std::filesystem::remove(site.dir() / "content/thi-dua/a.toml");
  git.commit("Bỏ phong trào A", 6);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK_FALSE(site.exists("thi-dua/a/index.html"));
}

TEST_CASE("a build at the same commit reads the history the last build kept, instead of walking it again") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  git.commit("Đăng Kế hoạch 51", 1);
  REQUIRE(site.build());
  const auto kept = site.dir() / ".congbo-cache/history";
  REQUIRE(std::filesystem::exists(kept));
  // Proof that it is read: what it says shows on the page.
  std::string text = congbo::testing::read_file(kept);
  text.replace(text.find("Đăng Kế hoạch 51"), std::string("Đăng Kế hoạch 51").size(), "Lời ghi trong bộ nhớ đệm");
  std::ofstream(kept, std::ios::binary | std::ios::trunc) << text;
  site.file("content/van-ban/51.md", plan("80%") + "\n");  // a change not committed: a build, same commit
  REQUIRE(site.build());
  CHECK(has(site.read("van-ban/51/index.html"), "Lời ghi trong bộ nhớ đệm"));
  // Something it cannot read is no harm: the history is walked again.
  std::ofstream(kept, std::ios::binary | std::ios::trunc) << "congbo-history 1\nhead x\nrác";
  site.file("content/van-ban/51.md", plan("80%"));
  REQUIRE(site.build());
  CHECK(has(site.read("van-ban/51/index.html"), "Đăng Kế hoạch 51"));
}

TEST_CASE("after new commits only they are walked, and the pages are as a full walk makes them, renames included") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/du-thao.md", plan("80%"))
      .file("content/van-ban/cu.md", plan("70%"));
  git.commit("Đăng dự thảo", 1);
  site.file("content/van-ban/du-thao.md", plan("85%"));
  git.commit("Sửa dự thảo", 2);
  REQUIRE(site.build());  // the history kept at "Sửa dự thảo"
  std::filesystem::rename(site.dir() / "content/van-ban/du-thao.md", site.dir() / "content/van-ban/51.md");
  std::filesystem::remove(site.dir() / "content/van-ban/cu.md");
  git.commit("Ban hành chính thức", 3);
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Sửa chỉ tiêu", 4);
  REQUIRE(site.build());
  std::string page = site.read("van-ban/51/index.html");
  CHECK(has(page, "Đăng dự thảo"));  // from before the rename, from the cache
  CHECK(has(page, "Sửa chỉ tiêu"));
  CHECK(site.exists("van-ban/cu/index.html"));  // the removed document keeps its page
  auto cached = congbo::testing::snapshot(site.out());
  cached.erase(".congbo-output");
  auto walked = congbo::testing::built_from_nothing(site);
  walked.erase(".congbo-output");
  CHECK(cached == walked);
}

TEST_CASE("documents kept in folders by year: each has exactly the commits that changed it") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/2023/a.md", plan("80%"))
      .file("content/van-ban/2023/b.md", plan("70%"))
      .file("content/van-ban/2024/c.md", plan("60%"));
  git.commit("Đăng ba kế hoạch", 1);
  site.file("content/van-ban/2023/b.md", plan("75%"));
  git.commit("Sửa kế hoạch năm 2023", 2);
  site.file("content/van-ban/2025/d.md", plan("90%"));
  git.commit("Thêm thư mục năm 2025", 3);
  std::filesystem::remove_all(site.dir() / "content/van-ban/2024");
  git.commit("Gỡ thư mục năm 2024", 4);
  REQUIRE_MESSAGE(site.build(), site.messages());
  auto versions = [&](const std::string& page) {
    std::string html = site.read(page);
    std::string seen;
    for (const char* c : {"Đăng ba kế hoạch", "Sửa kế hoạch năm 2023", "Thêm thư mục năm 2025", "Gỡ thư mục năm 2024"}) {
      if (has(html, c)) seen += std::string(seen.empty() ? "" : " | ") + c;
    }
    return seen;
  };
  CHECK(versions("van-ban/2023/a/index.html") == "Đăng ba kế hoạch");
  CHECK(versions("van-ban/2023/b/index.html") == "Đăng ba kế hoạch | Sửa kế hoạch năm 2023");
  CHECK(versions("van-ban/2025/d/index.html") == "Thêm thư mục năm 2025");
  CHECK(versions("van-ban/2024/c/index.html") == "Đăng ba kế hoạch | Gỡ thư mục năm 2024");
}

TEST_CASE("an old version is told apart by its title, and a comparison names documents as readers write them") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  std::string v1 = git.commit("Đăng bản dự thảo", 10);
  std::string text = plan("80%");
  text.insert(text.find("+++\n## I."), "based_on = [\"20-KH/ĐUK@2021-01-14\"]\n");
  site.file("content/van-ban/51.md", text);
  std::string v2 = git.commit("Thêm văn bản căn cứ", 12);

  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string old = site.read("van-ban/51/phien-ban/" + v1.substr(0, 7) + "/index.html");
  CHECK(has(old, "<title>Phiên bản ngày 11/01/2024 – 51-KH/ĐUK: Thi đua xây dựng chi bộ – "));
  CHECK_FALSE(has(site.read("van-ban/51/index.html"), "<title>Phiên bản"));
  std::string changes = site.read("van-ban/51/phien-ban/" + v2.substr(0, 7) + "/so-sanh/index.html");
  CHECK(has(changes, "20-KH/ĐUK ngày 14/01/2021"));
  CHECK_FALSE(has(changes, "@2021"));
}

TEST_CASE("the feed and the sitemap take their times from git, and never invent a date") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));  // no date stated
  const std::string first = git.commit("Đăng kế hoạch", 10).substr(0, 7);
  site.file("content/van-ban/51.md", plan("90%"));
  git.commit("Sửa chỉ tiêu", 12);

  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string feed = site.read("feed.xml");
  // the undated document: published when first committed, updated when last changed
  size_t entry = feed.find("<title>51-KH/ĐUK: Thi đua xây dựng chi bộ</title>");
  REQUIRE(entry != std::string::npos);
  std::string item = feed.substr(entry, feed.find("</entry>", entry) - entry);
  CHECK(has(item, "<published>2024-01-11T08:00:00+07:00</published>"));
  CHECK(has(item, "<updated>2024-01-13T08:00:00+07:00</updated>"));
  CHECK(has(feed, "<updated>2024-01-13T08:00:00+07:00</updated>\n  <author>"));  // the feed's: its newest entry's
  // the sitemap's lastmod is when the page last changed
  const std::string sitemap = site.read("sitemap.xml");
  CHECK(has(sitemap, "<loc>https://example.vn/van-ban/51/</loc><lastmod>2024-01-13T08:00:00+07:00</lastmod>"));
  // its history and its older version are listed too, as of the commit that made them; the newest
  // version's address, which only sends readers to the page, is not
  CHECK(has(sitemap, "<loc>https://example.vn/van-ban/51/phien-ban/</loc><lastmod>2024-01-13T08:00:00+07:00</lastmod>"));
  CHECK(has(sitemap, "<loc>https://example.vn/van-ban/51/phien-ban/" + first + "/</loc><lastmod>2024-01-11T08:00:00+07:00</lastmod>"));
  size_t versions = 0;
  for (size_t at = sitemap.find("/van-ban/51/phien-ban/"); at != std::string::npos; at = sitemap.find("/van-ban/51/phien-ban/", at + 1)) ++versions;
  CHECK(versions == 2);  // the history and the one older version
}

TEST_CASE("without history an undated document is left out of the feed rather than given a date") {
  TempSite site;
  std::string dated = plan("80%");
  const std::string number = "number = \"51-KH/ĐUK\"";
  dated.replace(dated.find(number), number.size(), "number = \"52-KH/ĐUK\"\ndate = 2021-06-01");
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%")).file("content/van-ban/52.md", dated);
  REQUIRE_MESSAGE(site.build(), site.messages());
  std::string feed = site.read("feed.xml");
  CHECK_FALSE(has(feed, "51-KH/ĐUK"));
  CHECK(has(feed, "<published>2021-06-01T00:00:00+07:00</published>"));
  CHECK(has(feed, "<updated>2021-06-01T00:00:00+07:00</updated>"));
}

TEST_CASE("the view of the documents on a date reads one small file per issue year, with versions and force") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("80%"));
  const std::string v1 = git.commit("Bản đầu", 10);
  site.file("content/van-ban/51.md", plan("90%"));
  const std::string v2 = git.commit("Sửa chỉ tiêu", 12);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.read("van-ban/ngay/nam.json") == "[[\"\",1]]");  // the plan has no date
  const std::string undated = site.read("van-ban/ngay/khong-ro.json");
  CHECK(has(undated, "\"u\":\"/van-ban/51/\",\"n\":\"51-KH/ĐUK\""));
  CHECK(has(undated, "\"a\":\"2024-01-11\""));  // first published
  CHECK(has(undated, "\"v\":[[\"2024-01-13\",\"" + v2.substr(0, 7) + "\"],[\"2024-01-11\",\"" + v1.substr(0, 7) + "\"]]"));
  CHECK(has(site.read("van-ban/ngay/index.html"), "ngay.js"));
  CHECK(has(site.read("van-ban/index.html"), "<a href=\"/van-ban/ngay/\">Văn bản như ngày…</a>"));
}

// Hostile input and damaged repositories: nothing from outside the site is
// published, no read of git hangs, and no archived version is lost in silence.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>

#include "git_fixture.h"
#include "images.h"
#include "messages.h"
#include "publish.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::GitFixture;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::snapshot;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string plan(const std::string& target) {
  return "+++\ntitle = \"Thi đua xây dựng chi bộ\"\nnumber = \"51-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n"
         "+++\nHàng năm, trên " + target + " đảng viên hoàn thành tốt nhiệm vụ.\n";
}

// A build that must end: a hang fails the test instead of hanging the suite
// (the thread is left behind, and the test binary ends with it).
bool build_within(TempSite& site, bool write, const fs::path& out = {}) {
  auto done = std::make_shared<std::promise<bool>>();
  auto result = done->get_future();
  std::thread([&site, write, out, done] {
    BuildOptions o;
    o.write = write;
    o.out_dir = out;
    done->set_value(site.build_with(o));
  }).detach();
  const auto limit = std::chrono::seconds(30);
  REQUIRE_MESSAGE(result.wait_for(limit) == std::future_status::ready, "the build did not end");
  return result.get();
}

// Cuts a file to `size` bytes, as a full disk or a broken copy leaves it.
void truncate_file(const fs::path& p, uintmax_t size) {
  REQUIRE(fs::exists(p));
  fs::permissions(p, fs::perms::owner_write, fs::perm_options::add);
  fs::resize_file(p, size);
}

// A site with three versions of one plan, each commit's objects loose.
struct ThreeVersions {
  TempSite site;
  GitFixture git{site.dir()};
  ThreeVersions() {
    site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%"));
    git.commit("Bản đầu", 1);
    site.file("content/van-ban/51.md", plan("80%"));
    git.commit("Sửa chỉ tiêu", 2);
    site.file("content/van-ban/51.md", plan("90%"));
    git.commit("Sửa lần nữa", 3);
  }
};

}  // namespace

TEST_CASE("a symbolic link to a file outside the site is an error naming it, and nothing is published") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%"));
  REQUIRE(site.build());
  const auto before = snapshot(site.out());
  fs::create_directories(site.dir() / "static/anh");
  fs::create_symlink("/etc/passwd", site.dir() / "static/anh/x.txt");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "static/anh/x.txt: error: liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang"));
  CHECK(snapshot(site.out()) == before);
  CHECK_FALSE(site.build(false));  // check says the same
  CHECK(has(site.messages(), "static/anh/x.txt: error:"));
}

TEST_CASE("a symbolic link to a page outside the site never reaches the lists, the feed or the search") {
  TempSite site, elsewhere;
  elsewhere.file("bi-mat.md", "+++\ntitle = \"Tài liệu mật\"\n+++\nNội dung mật.\n");
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%"));
  fs::create_symlink(elsewhere.dir() / "bi-mat.md", site.dir() / "content/van-ban/bi-mat.md");
  fs::create_directories(elsewhere.dir() / "thu-muc");
  fs::create_symlink(elsewhere.dir() / "thu-muc", site.dir() / "content/ngoai");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "content/van-ban/bi-mat.md: error: liên kết tượng trưng"));
  CHECK(has(site.messages(), "content/ngoai: error: liên kết tượng trưng"));
  CHECK_FALSE(site.exists("index.html"));
}

TEST_CASE("symbolic links that stay inside the site are followed, folders too — loops and dead links are errors") {
  TempSite site;
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%")).file("static/anh/a.txt", "ảnh");
  fs::create_directory_symlink("anh", site.dir() / "static/hinh");
  fs::create_symlink("anh/a.txt", site.dir() / "static/b.txt");
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.read("hinh/a.txt") == "ảnh");
  CHECK(site.read("b.txt") == "ảnh");

  fs::create_directory_symlink("..", site.dir() / "static/anh/vong");
  fs::create_symlink("khong-co.txt", site.dir() / "static/chet.txt");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "static/anh/vong: error: liên kết tượng trưng (symlink) này trỏ ngược lên"));
  CHECK(has(site.messages(), "static/chet.txt: error: liên kết tượng trưng (symlink) này trỏ tới khong-co.txt"));
}

TEST_CASE("a committed symbolic link is never published as the text it holds") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/51.md", plan("70%")).file("static/anh/a.txt", "ảnh");
  fs::create_symlink("anh/a.txt", site.dir() / "static/b.txt");
  const std::string inside = git.commit("Liên kết trong trang", 1);
  BuildOptions o;
  o.ref = inside;
  REQUIRE_MESSAGE(site.build_with(o), site.messages());
  CHECK(site.read("b.txt") == "ảnh");

  fs::create_symlink("../../../../etc/passwd", site.dir() / "static/c.txt");
  o.ref = git.commit("Liên kết ra ngoài", 2);
  CHECK_FALSE(site.build_with(o));
  CHECK(has(site.messages(), "static/c.txt: error: liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang"));
  CHECK(site.read("b.txt") == "ảnh");  // the previous output stays
}

TEST_CASE("a truncated old version is a clear error in build and check, never a hang, and the output stays") {
  ThreeVersions t;
  REQUIRE(t.site.build());
  const auto before = snapshot(t.site.out());
  truncate_file(t.git.object_file("HEAD~2:content/van-ban/51.md"), 20);
  fs::remove_all(t.site.dir() / ".congbo-cache");
  // Into a new folder, so the old version must be read, not reused.
  CHECK_FALSE(build_within(t.site, true, t.site.dir() / "moi"));
  CHECK_FALSE(fs::exists(t.site.dir() / "moi"));
  CHECK(has(t.site.messages(), "content/van-ban/51.md: error: không đọc được phiên bản"));
  CHECK(has(t.site.messages(), "bị hỏng (tệp bị cắt cụt hoặc không giải nén được)"));
  CHECK(has(t.site.messages(), "git fsck"));
  CHECK(snapshot(t.site.out()) == before);
  CHECK_FALSE(build_within(t.site, false));
  CHECK(has(t.site.messages(), "content/van-ban/51.md: error: không đọc được phiên bản"));
}

TEST_CASE("a damaged folder or root commit fails the build — the history is never cut short in silence") {
  SUBCASE("the content folder of an old commit") {
    ThreeVersions t;
    truncate_file(t.git.object_file("HEAD~1:content/van-ban"), 30);
    CHECK_FALSE(build_within(t.site, true));
    CHECK(has(t.site.messages(), ".git: error: không đọc được các tệp của lần commit"));
  }
  SUBCASE("the first commit, overwritten with garbage") {
    ThreeVersions t;
    const fs::path root = t.git.object_file("HEAD~2");
    fs::permissions(root, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(root, std::ios::binary | std::ios::trunc) << "xin chào, đây không phải là một đối tượng git";
    CHECK_FALSE(build_within(t.site, false));
    CHECK(has(t.site.messages(), ".git: error: không đọc được lần commit trước"));
    CHECK(has(t.site.messages(), "nên lịch sử phiên bản không đầy đủ"));
  }
  SUBCASE("a pack cut to half") {
    ThreeVersions t;
    REQUIRE(std::system(("git -C '" + t.site.dir().string() + "' gc -q 2>/dev/null").c_str()) == 0);
    fs::path pack;
    for (auto& e : fs::directory_iterator(t.site.dir() / ".git/objects/pack")) {
      if (e.path().extension() == ".pack") pack = e.path();
    }
    truncate_file(pack, fs::file_size(pack) / 2);
    CHECK_FALSE(build_within(t.site, true));
    CHECK(has(t.site.messages(), ".git: error: không đọc được"));
    CHECK_FALSE(t.site.exists("index.html"));
  }
}

TEST_CASE("publish refuses a release that would drop archived versions the served one has") {
  ThreeVersions t;
  const fs::path to = t.site.dir() / "web";
  PublishOptions o;
  o.site_dir = t.site.dir();
  o.to = to;
  Diagnostics d;
  PublishReport r;
  REQUIRE(publish(o, d, &r));
  const std::string served = fs::read_symlink(to / "current").filename().string();
  // History rewritten: one new commit with no parents in place of the three.
  fs::remove_all(t.site.dir() / ".git");
  GitFixture again(t.site.dir());
  again.commit("Lịch sử mới", 4);
  Diagnostics refused;
  CHECK_FALSE(publish(o, refused, &r));
  std::string text;
  for (const auto& m : refused.items()) text += m.format() + "\n";
  // three versions, two comparisons (the history page and the page stay: one version is left)
  CHECK_MESSAGE(has(text, "bản mới sẽ làm mất 5 địa chỉ lưu trữ"), text);
  CHECK(has(text, "/van-ban/51/phien-ban/"));
  CHECK(has(text, "--drop-versions"));
  CHECK(fs::read_symlink(to / "current").filename().string() == served);

  o.drop_versions = true;  // on purpose
  Diagnostics d2;
  CHECK(publish(o, d2, &r));
  CHECK(fs::read_symlink(to / "current").filename().string() != served);
}

TEST_CASE("an invisible control character is an error at its line and column — the feed always parses") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/51.md",
            "+++\ntitle = \"Kế hoạch\\u0001 thi đua\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nDòng một.\n\nCó \x01 ở đây.\n")
      .file("content/van-ban/52.md", "+++\ntitle = \"Hướng dẫn\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nTrang\x0csau.\n");
  CHECK_FALSE(site.build());
  CHECK(has(site.messages(), "content/van-ban/51.md:2:1: error: có ký tự điều khiển không nhìn thấy được (U+0001)"));
  CHECK(has(site.messages(), "content/van-ban/51.md:8:4: error: có ký tự điều khiển không nhìn thấy được (U+0001)"));
  CHECK(has(site.messages(), "content/van-ban/52.md:6:6: error: có ký tự điều khiển không nhìn thấy được (U+000C, dấu ngắt trang của Word)"));
  CHECK_FALSE(site.build(false));

  site.file("content/van-ban/51.md", "+++\ntitle = \"Kế hoạch thi đua\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nDòng một.\n")
      .file("content/van-ban/52.md", "+++\ntitle = \"Hướng dẫn\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nTrang sau.\n");
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string feed = (site.out() / "feed.xml").string(), map = (site.out() / "sitemap.xml").string();
  CHECK(std::system(("xmllint --noout '" + feed + "' '" + map + "'").c_str()) == 0);
}

TEST_CASE("every image, in the front matter or the body, is a file inside static/ with alt text") {
  CHECK(image_file("/mo-hinh/x/", "/anh/a%20b.png?v=2") == "anh/a b.png");
  CHECK(image_file("/mo-hinh/x/", "a.png") == "mo-hinh/x/a.png");
  CHECK(image_file("/mo-hinh/x/", "https://example.vn/a.png") == "");
  CHECK_FALSE(image_file("/mo-hinh/x/", "/anh/../../../etc/passwd").has_value());
  CHECK_FALSE(image_file("/mo-hinh/x/", "../../../../a.png").has_value());

  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("static/anh/co.png", "png")
      .file("content/gioi-thieu.md",
            "+++\ntitle = \"Giới thiệu\"\n+++\n![Trụ sở](/anh/co.png)\n\n![Hội trường](/anh/khong-co.png)\n\n"
            "![Lên trên](/anh/../../site.toml)\n");
  CHECK_FALSE(site.build());
  CHECK(site.messages() ==
        "content/gioi-thieu.md:6:1: error: không có tệp ảnh /anh/khong-co.png trong thư mục static/ của trang\n"
        "content/gioi-thieu.md:8:1: error: đường dẫn ảnh /anh/../../site.toml đi ra ngoài thư mục static/ của trang; "
        "ảnh phải nằm trong static/ (ví dụ /anh/ten-anh.jpg là tệp static/anh/ten-anh.jpg)\n");
  CHECK_FALSE(site.build(false));

  site.file("content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nBản đồ:\n\n![](/anh/co.png)\n");
  CHECK_FALSE(site.build());
  CHECK(site.messages() == "content/gioi-thieu.md:6:1: error: " + msg::image_without_alt("/anh/co.png") + "\n");
}

TEST_CASE("check says every warning build says, those found while rendering too") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nXem <script>alert(1)</script> và [đây](javascript:alert(1)).\n");
  REQUIRE(site.build());
  const std::string built = site.messages();
  CHECK(has(built, "content/gioi-thieu.md:4:5: warning:"));
  REQUIRE(site.build(false));
  CHECK(site.messages() == built);
}

TEST_CASE("a site.toml that is a link out of the site is said so, not 'missing'") {
  TempSite site, elsewhere;
  elsewhere.file("site.toml", kMinimalConfig);
  fs::create_symlink(elsewhere.dir() / "site.toml", site.dir() / "site.toml");
  CHECK_FALSE(site.build(false));
  CHECK(site.messages().rfind("site.toml: error: liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang", 0) == 0);
}

TEST_CASE("a loose object that would inflate past its stated size is refused, not read into memory") {
  ThreeVersions t;
  const fs::path blob = t.git.object_file("HEAD~2:content/van-ban/51.md");
  // "blob 10", then 64 MB of zeros: a few kilobytes on disk.
  REQUIRE(std::system(("python3 -c \"import sys,zlib; sys.stdout.buffer.write(zlib.compress(b'blob 10\\\\x00' + bytes(64<<20)))\" > '" +
                       blob.string() + ".bomb'").c_str()) == 0);
  fs::permissions(blob, fs::perms::owner_write, fs::perm_options::add);
  fs::rename(blob.string() + ".bomb", blob);
  CHECK(fs::file_size(blob) < 200000);
  CHECK_FALSE(build_within(t.site, false));
  CHECK(has(t.site.messages(), "không đọc được phiên bản"));
}

TEST_CASE("a --ref written as a short id that names a damaged commit ends with an error, not a hang") {
  ThreeVersions t;
  const fs::path head = t.git.object_file("HEAD");
  const std::string id = head.parent_path().filename().string() + head.filename().string();
  truncate_file(head, 25);
  auto done = std::make_shared<std::promise<bool>>();
  auto result = done->get_future();
  std::thread([&t, id, done] {
    BuildOptions o;
    o.write = false;
    o.ref = id.substr(0, 7);
    done->set_value(t.site.build_with(o));
  }).detach();
  REQUIRE_MESSAGE(result.wait_for(std::chrono::seconds(30)) == std::future_status::ready, "the check did not end");
  CHECK_FALSE(result.get());
  CHECK(has(t.site.messages(), "error:"));
}

// Publishing: exactly the committed tree, switched in one step, kept for
// rollback, and never half-done, even when the process is killed.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "git_fixture.h"
#include "output.h"
#include "publication_log.h"
#include "publish.h"
#include "release_check.h"
#include "site_fixture.h"
#include "text.h"

using namespace congbo;
using congbo::testing::check_release_whole;
using congbo::testing::GitFixture;
using congbo::testing::served;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

std::string plan(const std::string& title) { return congbo::testing::titled_plan(title); }

bool publish_site(const TempSite& site, const fs::path& to, Diagnostics& d, PublishReport* r, int keep = 5) {
  PublishOptions o;
  o.site_dir = site.dir();
  o.to = to;
  o.keep = keep;
  return publish(o, d, r);
}

}  // namespace

TEST_CASE("publish builds the committed tree into a new release and switches to it") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("Bản đã duyệt"));
  std::string commit = git.commit("Duyệt", 1);
  site.file("content/van-ban/a.md", plan("Bản nháp chưa duyệt"));  // not committed: not published
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport r;
  bool ok = publish_site(site, to, d, &r);
  REQUIRE_MESSAGE(ok, (d.items().empty() ? std::string() : d.items()[0].format()));
  CHECK(r.commit == commit);
  CHECK(served(to) == r.release);
  std::string page = read_file(to / "current" / "van-ban/a/index.html");
  CHECK(page.find("Bản đã duyệt") != std::string::npos);
  CHECK(page.find("Bản nháp") == std::string::npos);
  std::string manifest = read_file(to / "releases" / (r.release + ".json"));
  CHECK(manifest.find("\"commit\": \"" + commit + "\"") != std::string::npos);
  CHECK(manifest.find("\"van-ban/a/index.html\": ") != std::string::npos);
  check_release_whole(to);
}

TEST_CASE("a real folder already at TO/current is never replaced: publish says so before building") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A"));
  git.commit("Đăng", 1);
  fs::path to = site.dir() / "web";
  fs::create_directories(to / "current");
  site.file("web/current/index.html", "trang cũ do người khác đặt");
  Diagnostics d;
  PublishReport r;
  CHECK_FALSE(publish_site(site, to, d, &r));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].format().find("web/current: error: ở đây đã có một thư mục hay tệp thật") != std::string::npos);
  CHECK(read_file(to / "current" / "index.html") == "trang cũ do người khác đặt");
  CHECK_FALSE(fs::exists(to / "releases"));  // nothing built
}

TEST_CASE("a new release reuses unchanged files, and rollback returns to the one before") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A")).file("content/van-ban/b.md", plan("B"));
  git.commit("Một", 1);
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport first, second, back;
  REQUIRE(publish_site(site, to, d, &first));
  site.file("content/van-ban/b.md", plan("B đã sửa"));
  git.commit("Hai", 2);
  REQUIRE(publish_site(site, to, d, &second));
  CHECK(second.release != first.release);
  CHECK(served(to) == second.release);
  CHECK(second.reused > 0);
  struct stat s1, s2;
  REQUIRE(::stat((to / "releases" / first.release / "van-ban/a/index.html").c_str(), &s1) == 0);
  REQUIRE(::stat((to / "releases" / second.release / "van-ban/a/index.html").c_str(), &s2) == 0);
  CHECK(s1.st_ino == s2.st_ino);  // the same file, linked
  CHECK(read_file(to / "current/van-ban/b/index.html").find("B đã sửa") != std::string::npos);

  PublishOptions o;
  o.to = to;
  REQUIRE(rollback(o, d, &back));
  CHECK(back.release == first.release);
  CHECK(served(to) == first.release);
  CHECK(read_file(to / "current/van-ban/b/index.html").find("B đã sửa") == std::string::npos);
  Diagnostics d2;
  CHECK_FALSE(rollback(o, d2, &back));
  CHECK(d2.items()[0].message == "không có bản công bố nào trước bản đang chạy để quay lại");
}

TEST_CASE("only the last few releases are kept, and always the one served") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A"));
  git.commit("Một", 1);
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport r;
  for (int i = 0; i < 4; ++i) REQUIRE(publish_site(site, to, d, &r, 2));
  int dirs = 0;
  for (auto& e : fs::directory_iterator(to / "releases")) dirs += e.is_directory();
  CHECK(dirs == 2);
  CHECK(fs::exists(to / "releases" / served(to)));
}

TEST_CASE("a failing build never switches") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A"));
  git.commit("Tốt", 1);
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport good, bad;
  REQUIRE(publish_site(site, to, d, &good));
  site.file("content/van-ban/a.md", "+++\ntitle = \"hỏng\n+++\n");
  git.commit("Hỏng", 2);
  Diagnostics d2;
  CHECK_FALSE(publish_site(site, to, d2, &bad));
  CHECK(d2.has_errors());
  CHECK(served(to) == good.release);
  int dirs = 0;
  for (auto& e : fs::directory_iterator(to / "releases")) dirs += e.is_directory();
  CHECK(dirs == 1);
  check_release_whole(to);
}

TEST_CASE("a publish killed at any moment leaves the previous release served and whole") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig);
  for (int i = 0; i < 300; ++i) site.file("content/van-ban/d" + std::to_string(i) + ".md", plan("Văn bản " + std::to_string(i)));
  git.commit("Đăng", 1);
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport first;
  REQUIRE(publish_site(site, to, d, &first));
  for (int i = 0; i < 300; i += 3) site.file("content/van-ban/d" + std::to_string(i) + ".md", plan("Sửa " + std::to_string(i)));
  git.commit("Sửa", 2);

  // Kill the real binary at different moments of its work.
  int switched = 0;
  for (int delay_ms : {1, 5, 15, 30, 60, 100, 150, 250, 400, 600, 900, 1300, 2000}) {
    pid_t pid = fork();
    if (pid == 0) {
      int devnull = ::open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(CONGBO_BINARY, CONGBO_BINARY, "publish", "--site", site.dir().c_str(), "--to", to.c_str(), "--quiet",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // Whatever was interrupted, a whole release is served: the old or a finished new one.
    check_release_whole(to);
    if (served(to) != first.release) ++switched;
  }
  MESSAGE("publishes that finished before the kill: " << switched);
  // The next publish completes and clears what the killed ones left.
  PublishReport after;
  REQUIRE(publish_site(site, to, d, &after));
  for (auto& e : fs::directory_iterator(to / "releases")) {
    CHECK_MESSAGE(e.path().filename().string()[0] != '.', e.path().string());
  }
  check_release_whole(to);
}

TEST_CASE("a rename and a slug change between publishes keep every archived address the served release had") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("Bản đầu"));
  git.commit("Bản đầu", 1);
  site.file("content/van-ban/a.md", plan("Bản sửa"));
  git.commit("Sửa", 2);
  const fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport r;
  REQUIRE(publish_site(site, to, d, &r));
  const auto before = Output::read_manifest(to / "current");
  REQUIRE(before);

  fs::rename(site.dir() / "content/van-ban/a.md", site.dir() / "content/van-ban/b.md");
  git.commit("Đổi tên tệp", 3);
  std::string text = plan("Bản sửa");
  site.file("content/van-ban/b.md", text.insert(4, "slug = \"ke-hoach-b\"\n"));
  git.commit("Đặt địa chỉ", 4);
  Diagnostics d2;
  REQUIRE_MESSAGE(publish_site(site, to, d2, &r), (d2.items().empty() ? std::string() : d2.items()[0].format()));
  for (const auto& [path, id] : *before) {
    if (path.find("/phien-ban/") == std::string::npos || !ends_with(path, "/index.html")) continue;  // the pages
    CHECK_MESSAGE(fs::exists(to / "current" / path), path);
  }
  CHECK(read_file(to / "current/van-ban/a/index.html").find("url=/van-ban/ke-hoach-b/") != std::string::npos);
}

TEST_CASE("the about page shows the publication log: each publish, who published it and when, continued from release to release") {
  TempSite site;
  GitFixture git(site.dir());
  site.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A"));
  site.file("content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nVề trang này.\n");
  git.commit("Một", 1);
  fs::path to = site.dir() / "web";
  Diagnostics d;
  PublishReport first, second;
  REQUIRE(publish_site(site, to, d, &first));  // from the command line: no account name
  site.file("content/van-ban/a.md", plan("A đã sửa"));
  git.commit("Hai", 2);
  PublishOptions o;
  o.site_dir = site.dir();
  o.to = to;
  o.publisher = "Trần Thị Bích";
  REQUIRE(publish(o, d, &second));

  const std::string about = read_file(to / "current/gioi-thieu/index.html");
  REQUIRE(about.find("Nhật ký công bố") != std::string::npos);
  const size_t newest = about.find("Trần Thị Bích"), oldest = about.find("(từ dòng lệnh)");
  CHECK(newest != std::string::npos);
  CHECK(oldest != std::string::npos);
  CHECK(newest < oldest);  // newest first
  CHECK(about.find(second.commit.substr(0, 7)) != std::string::npos);
  CHECK(about.find(first.commit.substr(0, 7)) != std::string::npos);
  const std::string log = read_file(to / "current/xac-minh/nhat-ky-cong-bo.tsv");
  CHECK(log.find("1\t") == 0);
  CHECK(log.find("\t" + second.commit + "\tTrần Thị Bích\n") != std::string::npos);
  // The log file is part of the release: listed and hashed like every other file.
  check_release_whole(to);
  // A plain build has no log: it is not a publication.
  REQUIRE(site.build());
  CHECK(read_file(site.out() / "gioi-thieu/index.html").find("Nhật ký công bố") == std::string::npos);
  CHECK_FALSE(fs::exists(site.out() / "xac-minh/nhat-ky-cong-bo.tsv"));
}

TEST_CASE("publication times are shown in Vietnam's zone, and the log's file reads back what it wrote") {
  std::vector<PublicationEntry> log = {{1, "2026-12-31T20:05:00Z", "0123456789abcdef", ""},
                                       {2, "2026-12-03T14:50:54Z", "fedcba9876543210", "Nguyễn\tVăn A"}};
  const View v = publication_log_view(log);
  REQUIRE(v.items().size() == 2);
  CHECK(v.items()[0].get("time")->str() == "03/12/2026 21:50");
  CHECK(v.items()[1].get("time")->str() == "01/01/2027 03:05");  // past midnight: the next day, the next year
  const auto back = read_publication_log(publication_log_text(log));
  REQUIRE(back.size() == 2);
  CHECK(back[1].publisher == "Nguyễn Văn A");  // a tab in a name cannot break the file
  CHECK(back[0].commit == "0123456789abcdef");
  CHECK(read_publication_log("rác\n3\tkhông phải giờ\tabc\tX\n").empty());
}

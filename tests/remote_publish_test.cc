// Publishing to a web server that is another machine: over SSH with rsync,
// to an sshd the test starts on 127.0.0.1, with the guarantees of a
// publish here: a whole release, unchanged files linked, one switch, and
// the old release served whatever moment the transfer is cut.
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
#include "publish.h"
#include "release_check.h"
#include "remote_publish.h"
#include "site_fixture.h"
#include "ssh_fixture.h"

using namespace congbo;
using congbo::testing::check_release_whole;
using congbo::testing::GitFixture;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::served;
using congbo::testing::SshServer;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

std::string plan(const std::string& title) { return congbo::testing::titled_plan(title); }

struct RemoteSite {
  TempSite site, server_disk;
  GitFixture git{site.dir()};
  SshServer ssh;
  fs::path folder = server_disk.dir() / "srv" / "congbo";  // the server's folder (this machine's disk, for the test)

  explicit RemoteSite(int documents) {
    site.file("site.toml", kMinimalConfig);
    for (int i = 0; i < documents; ++i) site.file("content/van-ban/d" + std::to_string(i) + ".md", plan("Văn bản " + std::to_string(i)));
    git.commit("Đăng", 1);
  }
  PublishOptions options() const {
    PublishOptions o;
    o.site_dir = site.dir();
    o.to = "web:" + folder.string();
    o.ssh_config = ssh.config();
    return o;
  }
  bool publish(Diagnostics& d, PublishReport* r) const { return congbo::publish(options(), d, r); }
};

}  // namespace

TEST_CASE("an address USER@HOST:/FOLDER is a server — a folder here, or a malformed server folder, is said as such") {
  CHECK_FALSE(remote_target("/srv/web").has_value());
  CHECK_FALSE(remote_target("web").has_value());
  auto t = remote_target("congbo@may-chu.local:/srv/congbo/");
  REQUIRE(t.has_value());
  CHECK(t->host == "congbo@may-chu.local");
  CHECK(t->path == "/srv/congbo");
  CHECK(t->error.empty());
  for (const char* bad : {"web:srv/congbo", "web:/", "web:/srv/../etc", "web:/srv/x'y", "web:/srv/a b", "web:/srv/$(reboot)"}) {
    auto b = remote_target(bad);
    REQUIRE_MESSAGE(b.has_value(), bad);
    CHECK_MESSAGE(b->error.find("không dùng được") != std::string::npos, bad);
  }
  CHECK_FALSE(remote_target("-oProxyCommand=x:/srv").has_value());  // never an option for ssh: a folder here
}

TEST_CASE("a publish over SSH puts a whole release on the server, links unchanged files there, and rolls back") {
  RemoteSite s(20);
  REQUIRE_MESSAGE(s.ssh.ok(), s.ssh.why());
  Diagnostics d;
  PublishReport first, second, back;
  const bool published = s.publish(d, &first);
  REQUIRE_MESSAGE(published, (d.items().empty() ? std::string() : d.items()[0].message));
  CHECK(served(s.folder) == first.release);
  check_release_whole(s.folder);
  CHECK(read_file(s.folder / "current/van-ban/d3/index.html").find("Văn bản 3") != std::string::npos);

  s.site.file("content/van-ban/d3.md", plan("Văn bản 3 đã sửa"));
  s.git.commit("Sửa", 2);
  REQUIRE(s.publish(d, &second));
  CHECK(served(s.folder) == second.release);
  check_release_whole(s.folder);
  CHECK(second.reused > 0);
  struct stat a, b;
  REQUIRE(::stat((s.folder / "releases" / first.release / "van-ban/d5/index.html").c_str(), &a) == 0);
  REQUIRE(::stat((s.folder / "releases" / second.release / "van-ban/d5/index.html").c_str(), &b) == 0);
  CHECK(a.st_ino == b.st_ino);  // the same file on the server, hard-linked
  // A copy of what was sent stays here, for the next build to reuse.
  int copies = 0;
  for (auto& e : fs::directory_iterator(s.site.dir() / ".congbo-cache/publish")) {
    CHECK(read_file(e.path() / "last.name") == second.release + "\n");
    CHECK(fs::exists(e.path() / "last/van-ban/d5/index.html"));
    ++copies;
  }
  CHECK(copies == 1);
  // The publication log continues across machines: the second proof lists the first.
  CHECK(read_file(s.folder / "current/xac-minh/ban-cong-bo.txt").find(first.release) != std::string::npos);

  REQUIRE(rollback(s.options(), d, &back));
  CHECK(back.release == first.release);
  CHECK(served(s.folder) == first.release);
  Diagnostics none;
  CHECK_FALSE(rollback(s.options(), none, &back));  // nothing before the first
  CHECK(served(s.folder) == first.release);

  // The copy of the last release sent is kept here for the next build; the
  // server now serves another one, so the next publish works from the
  // server's record instead, and the publication log still continues.
  s.site.file("content/van-ban/d4.md", plan("Văn bản 4 đã sửa"));
  s.git.commit("Sửa nữa", 3);
  PublishReport third;
  REQUIRE(s.publish(d, &third));
  check_release_whole(s.folder);
  const std::string log = read_file(s.folder / "current/xac-minh/nhat-ky-cong-bo.tsv");
  CHECK(log.find("1\t") == 0);
  CHECK(log.find("\n2\t") != std::string::npos);
  CHECK(log.find("\n3\t") != std::string::npos);
  CHECK(read_file(s.folder / "current/van-ban/d4/index.html").find("Văn bản 4 đã sửa") != std::string::npos);
  CHECK(read_file(s.folder / "current/van-ban/d3/index.html").find("Văn bản 3 đã sửa") != std::string::npos);
  CHECK(none.items()[0].message == "không có bản công bố nào trước bản đang chạy để quay lại");
}

TEST_CASE("a remote publish is refused with the reason, the server unchanged: no connection, a real folder at current") {
  RemoteSite s(3);
  REQUIRE_MESSAGE(s.ssh.ok(), s.ssh.why());
  Diagnostics d;
  PublishReport r;
  PublishOptions closed = s.options();
  closed.ssh_config = s.server_disk.dir() / "closed_config";
  s.server_disk.file("closed_config", "Host web\n  HostName 127.0.0.1\n  Port 1\n");
  CHECK_FALSE(congbo::publish(closed, d, &r));
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message.find("không kết nối được tới máy chủ qua SSH") != std::string::npos);
  CHECK_FALSE(fs::exists(s.folder));

  fs::create_directories(s.folder / "current");
  s.server_disk.file("srv/congbo/current/index.html", "trang cũ");
  Diagnostics refused;
  CHECK_FALSE(s.publish(refused, &r));
  CHECK(refused.items()[0].message.find("không phải liên kết do congbo publish tạo ra") != std::string::npos);
  CHECK(read_file(s.folder / "current/index.html") == "trang cũ");
  CHECK(fs::is_empty(s.folder / "releases"));
}

TEST_CASE("a remote publish cut off at any moment leaves the server serving a whole release") {
  RemoteSite s(200);
  REQUIRE_MESSAGE(s.ssh.ok(), s.ssh.why());
  Diagnostics d;
  PublishReport first;
  REQUIRE(s.publish(d, &first));
  for (int i = 0; i < 200; i += 3) s.site.file("content/van-ban/d" + std::to_string(i) + ".md", plan("Sửa " + std::to_string(i)));
  s.git.commit("Sửa", 2);
  auto run = [&](int kill_after_ms) {  // the real binary in its own process group: ssh and rsync die with it
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
      ::setpgid(0, 0);
      int devnull = ::open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      const std::string to = "web:" + s.folder.string(), config = s.ssh.config().string();
      execl(CONGBO_BINARY, CONGBO_BINARY, "publish", "--site", s.site.dir().c_str(), "--to", to.c_str(), "--ssh-config",
            config.c_str(), "--keep", "50", "--quiet", static_cast<char*>(nullptr));
      _exit(127);
    }
    ::setpgid(pid, pid);
    int status = 0;
    if (kill_after_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
      ::kill(-pid, SIGKILL);
    }
    waitpid(pid, &status, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server's side of a cut connection ends
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() - 300;
  };
  const double whole = run(0);  // one publish left to finish: how long it takes
  check_release_whole(s.folder);
  int switched = 0;
  std::string last = served(s.folder);
  for (double share : {0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.97}) {
    run(static_cast<int>(whole * share));
    check_release_whole(s.folder);  // the old release or a finished new one, never a part
    if (served(s.folder) != last) ++switched, last = served(s.folder);
  }
  MESSAGE("a whole publish took " << whole << " ms; publishes that finished before the cut: " << switched);
  PublishReport after;
  PublishOptions o = s.options();
  REQUIRE(congbo::publish(o, d, &after));
  check_release_whole(s.folder);
  for (auto& e : fs::directory_iterator(s.folder / "releases")) {
    CHECK_MESSAGE(e.path().filename().string()[0] != '.', e.path().string());  // what the cut ones left is cleared
  }
}

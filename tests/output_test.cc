// The output directory: replaced whole or not at all, with the replaced one
// kept beside it as the spare that the next build brings up to date.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "output.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::read_file;
using congbo::testing::snapshot;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

// One build writing `files` (path → content) into DIR/public.
bool build(const TempSite& site, const std::map<std::string, std::string>& files, bool finish = true) {
  Output out;
  std::string err;
  REQUIRE(out.begin(site.dir() / "public", site.dir() / "trang", &err));
  for (const auto& [path, content] : files) REQUIRE(out.write(path, content, &err));
  if (!finish) return false;  // ~Output: the build stopped with an error
  return out.commit(&err);
}

}  // namespace

TEST_CASE("a build that stops in the spare leaves it saying what it holds, and the next build trusts it rightly") {
  TempSite site;
  REQUIRE(build(site, {{"a.html", "1"}, {"b/index.html", "1"}}));
  REQUIRE(build(site, {{"a.html", "2"}, {"b/index.html", "1"}}));
  const fs::path spare = site.dir() / ".public.congbo-spare";
  REQUIRE(read_file(spare / "a.html") == "1");
  // Working in the spare, a.html becomes "3", then the build fails.
  build(site, {{"a.html", "3"}, {"c.html", "3"}}, false);
  CHECK(read_file(site.dir() / "public/a.html") == "2");  // the served output is untouched
  CHECK(fs::exists(spare / ".congbo-output"));
  // The next build finds a.html already "3" there, keeps it, and drops what it does not write.
  REQUIRE(build(site, {{"a.html", "3"}, {"d.html", "4"}}));
  auto out = snapshot(site.dir() / "public");
  out.erase(".congbo-output");
  CHECK(out == std::map<std::string, std::string>{{"a.html", "3"}, {"d.html", "4"}});
  CHECK_FALSE(fs::exists(site.dir() / "public/b"));  // emptied folders go too
}

TEST_CASE("after a failed build, the spare is not taken to hold what it held before the build changed it") {
  TempSite site;
  REQUIRE(build(site, {{"a.html", "1"}}));
  REQUIRE(build(site, {{"a.html", "2"}}));
  build(site, {{"a.html", "3"}}, false);  // the spare had "1"; now it has "3"
  REQUIRE(build(site, {{"a.html", "1"}}));
  CHECK(read_file(site.dir() / "public/a.html") == "1");
}

TEST_CASE("a file kept from the served output is never written through: the served one stays as it was") {
  TempSite site;
  REQUIRE(build(site, {{"a.html", "1"}}));
  REQUIRE(build(site, {{"a.html", "1"}, {"b.html", "1"}}));  // a.html linked: one inode in both
  struct stat served {}, spare {};
  REQUIRE(::stat((site.dir() / "public/a.html").c_str(), &served) == 0);
  REQUIRE(::stat((site.dir() / ".public.congbo-spare/a.html").c_str(), &spare) == 0);
  CHECK(served.st_ino == spare.st_ino);
  // Changing a.html in the spare must not change the served copy before the swap.
  Output out;
  std::string err;
  REQUIRE(out.begin(site.dir() / "public", site.dir() / "trang", &err));
  REQUIRE(out.write("a.html", "2", &err));
  CHECK(read_file(site.dir() / "public/a.html") == "1");
  REQUIRE(out.commit(&err));
  CHECK(read_file(site.dir() / "public/a.html") == "2");
  CHECK(read_file(site.dir() / ".public.congbo-spare/a.html") == "1");
}

TEST_CASE("in the spare, a file standing where a folder is now needed gives way") {
  TempSite site;
  REQUIRE(build(site, {{"p", "1"}}));
  REQUIRE(build(site, {{"p", "1"}, {"q.html", "1"}}));
  REQUIRE(build(site, {{"p/index.html", "2"}}));  // works in the first output, which has the file p
  auto out = snapshot(site.dir() / "public");
  out.erase(".congbo-output");
  CHECK(out == std::map<std::string, std::string>{{"p/index.html", "2"}});
}

TEST_CASE("a file keyed by what it holds is linked from wherever the last build put it — one keyed by its inputs only from its own path") {
  TempSite site;
  auto inode = [&](const std::string& path) {
    struct stat st {};
    return ::stat((site.dir() / "public" / path).c_str(), &st) == 0 ? st.st_ino : 0;
  };
  {
    Output out;
    std::string err;
    REQUIRE(out.begin(site.dir() / "public", site.dir() / "trang", &err));
    REQUIRE(out.write_content("cu/d/0.json.gz", "noi-dung-0", "tài liệu 0", &err));
    REQUIRE(out.write_keyed("cu/s/0.bin.gz", "chi-muc-cu", "phân mảnh", &err));
    REQUIRE(out.commit(&err));
  }
  const ino_t doc = inode("cu/d/0.json.gz");
  Output out;
  std::string err;
  REQUIRE(out.begin(site.dir() / "public", site.dir() / "trang", &err));
  // The index moved to a new folder: the document with the same content is linked, not made again.
  CHECK(out.reuse_content("moi/d/0.json.gz", "noi-dung-0"));
  CHECK_FALSE(out.reuse_content("moi/d/1.json.gz", "noi-dung-1"));
  // A key of inputs names a file at one path: elsewhere it is made anew.
  CHECK_FALSE(out.reuse("moi/s/0.bin.gz", "chi-muc-cu"));
  REQUIRE(out.write_content("moi/d/1.json.gz", "noi-dung-1", "tài liệu 1", &err));
  REQUIRE(out.commit(&err));
  CHECK(inode("moi/d/0.json.gz") == doc);
  CHECK(read_file(site.dir() / "public/moi/d/0.json.gz") == "tài liệu 0");
  CHECK_FALSE(fs::exists(site.dir() / "public/cu"));  // not produced this time: gone
}

TEST_CASE("an output that cannot be written says why in Vietnamese, with the system's words after") {
  TempSite site;
  site.file("khong-phai-thu-muc", "một tệp đứng ở chỗ thư mục");
  Output out;
  std::string err;
  CHECK_FALSE(out.begin(site.dir() / "khong-phai-thu-muc" / "public", site.dir() / "trang", &err));
  CHECK(err.rfind("không ghi được thư mục kết quả: ", 0) == 0);
  CHECK(err.find("một phần của đường dẫn không phải thư mục (Not a directory)") != std::string::npos);
}

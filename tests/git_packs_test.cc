// Old versions read from a packed repository with deep delta chains — as
// `git gc` leaves a committee's repository after years of edits — are the
// bytes git itself reads, through the pack reader that keeps rebuilt bases
// (git_packs.h); a damaged pack is reported, never read as something else.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "git_fixture.h"
#include "history.h"
#include "site_fixture.h"

using namespace congbo;
using namespace congbo::testing;

namespace {

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

// A plan edited `times` times, paragraph by paragraph, beside 200 other files
// (so the content folder's tree is large and deltified too), then packed as
// tightly as git packs: every version a delta of the next, 50 deep.
std::vector<std::string> packed_history(TempSite& site, GitFixture& git, int times) {
  site.file("site.toml", "title = \"T\"\nbase_url = \"https://example.vn/\"\n");
  for (int i = 0; i < 200; ++i) site.file("content/van-ban/khac-" + std::to_string(i) + ".md", "+++\ntitle = \"Khác\"\n+++\nVăn bản khác.\n");
  std::vector<std::string> commits;
  std::vector<std::string> paragraphs;
  for (int i = 0; i < 40; ++i) {
    paragraphs.push_back("Đoạn " + std::to_string(i) + ": tăng cường công tác kiểm tra, giám sát của cấp ủy đối với việc thực hiện nhiệm vụ.");
  }
  for (int v = 0; v < times; ++v) {
    // One paragraph rewritten a version: each version is nearest the one before it, so git deltifies it against that.
    const int at = (v * 7) % 40;
    paragraphs[at] = "Đoạn " + std::to_string(at) + " sửa lần " + std::to_string(v) + ": đẩy mạnh phong trào thi đua yêu nước.";
    std::string body;
    for (const auto& p : paragraphs) body += p + "\n\n";
    site.file("content/van-ban/51.md", "+++\ntitle = \"Kế hoạch 51\"\n+++\n" + body);
    if (v % 7 == 3) site.file("content/van-ban/khac-" + std::to_string(v) + ".md", "+++\ntitle = \"Sửa\"\n+++\nĐã sửa.\n");
    commits.push_back(git.commit("Lần " + std::to_string(v), v + 1));
  }
  const std::string dir = site.dir().string();
  run("git -C '" + dir + "' repack -adfq --depth=50 --window=250 2>&1");
  return commits;
}

}  // namespace

TEST_CASE("every version of a plan edited 60 times, packed 50 deltas deep, reads as git reads it") {
  TempSite site;
  GitFixture git(site.dir());
  packed_history(site, git, 60);
  const std::string dir = site.dir().string();
  REQUIRE(run("git -C '" + dir + "' count-objects -v").find("count: 0\n") != std::string::npos);  // nothing loose: all read from the pack
  const std::string chains = run("git -C '" + dir + "' verify-pack -v \"$(ls '" + dir + "'/.git/objects/pack/*.idx)\" | grep 'chain length'");
  REQUIRE(chains.find("chain length = 20") != std::string::npos);

  Diagnostics diags;
  auto repo = Repository::open(site.dir(), diags);
  REQUIRE(repo);
  REQUIRE(repo->read_history("", diags));
  const FileHistory* h = repo->history("content/van-ban/51.md");
  REQUIRE(h);
  CHECK(h->versions.size() == 60);
  for (const Version& v : h->versions) {
    const auto mine = repo->blob(v.blob);
    REQUIRE(mine);
    CHECK(*mine == run("git -C '" + dir + "' cat-file blob " + v.blob));
  }
  const FileHistory* other = repo->history("content/van-ban/khac-3.md");
  REQUIRE(other);
  CHECK(other->versions.size() == 2);  // the walk read every tree of 60 commits right
  CHECK(diags.items().empty());
}

TEST_CASE("a damaged pack is reported, never read as other bytes") {
  for (const double where : {0.3, 0.6, 0.9}) {
    CAPTURE(where);
    TempSite site;
    GitFixture git(site.dir());
    packed_history(site, git, 30);
    const std::string dir = site.dir().string();
    const std::string pack = run("ls '" + dir + "'/.git/objects/pack/*.pack");
    {  // 512 bytes scribbled over
      std::fstream f(pack.substr(0, pack.find('\n')), std::ios::in | std::ios::out | std::ios::binary);
      f.seekg(0, std::ios::end);
      f.seekp(static_cast<std::streamoff>(static_cast<double>(f.tellg()) * where));
      const std::string junk(512, '\x5a');
      f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    Diagnostics diags;
    auto repo = Repository::open(site.dir(), diags);
    if (!repo || !repo->read_history("", diags)) {
      CHECK(diags.has_errors());  // the repository is said to be damaged
      continue;
    }
    const FileHistory* h = repo->history("content/van-ban/51.md");
    if (!h) continue;
    int unreadable = 0;
    for (const Version& v : h->versions) {
      const auto mine = repo->blob(v.blob);
      if (!mine) {
        ++unreadable;
        continue;
      }
      // what is read is that object: its id is the hash of the bytes
      const std::string copy = dir + "/read.bin";
      std::ofstream(copy, std::ios::binary) << *mine;
      CHECK(run("git hash-object '" + copy + "'").substr(0, 40) == v.blob);
    }
    Diagnostics verify;
    repo->verify_versions(verify);
    CHECK((unreadable > 0) == verify.has_errors());
  }
}

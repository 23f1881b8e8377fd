// Proof of publication: each release publish writes carries every file's
// SHA-256 and the whole publication log under the committee's signature,
// and congbo verify tells a reader whether a page is exactly what was
// published, and when.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "git_fixture.h"
#include "proof.h"
#include "publish.h"
#include "signing.h"
#include "site_fixture.h"
#include "verify.h"

using namespace congbo;
using congbo::testing::GitFixture;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

std::string plan(const std::string& body) {
  return "+++\ntitle = \"Kế hoạch\"\nkind = \"KH\"\nissuer = \"duk\"\nnumber = \"51-KH/ĐUK\"\n+++\n" + body + "\n";
}

std::string with_key(const std::string& public_key) {
  return "public_key = \"" + public_key + "\"\n" + kMinimalConfig;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// A site in git that signs its releases, its key kept outside the repository.
struct SignedSite {
  TempSite site, outside;
  GitFixture git{site.dir()};
  SigningKey key = new_signing_key();
  fs::path key_file = outside.dir() / "khoa-ky";
  fs::path to = outside.dir() / "web";

  SignedSite() {
    write(key_file, key_file_text(key));
    site.file("site.toml", with_key(key.public_key()));
  }
  std::string publish_as(const std::string& body, int day, fs::path key = {}) {
    site.file("content/van-ban/51-kh-duk.md", plan(body));
    git.commit("Sửa", day);
    PublishOptions o;
    o.site_dir = site.dir();
    o.to = to;
    o.key_file = key.empty() ? key_file : key;
    Diagnostics d;
    PublishReport r;
    last_errors = "";
    if (!publish(o, d, &r)) {
      for (const auto& item : d.items()) last_errors += item.format() + "\n";
      return "";
    }
    return r.release;
  }
  bool verify(const fs::path& target, const fs::path& against = {}) {
    VerifyOptions o;
    o.target = target;
    o.against = against;
    o.site_dir = site.dir();
    std::ostringstream out;
    Diagnostics d;
    const bool ok = congbo::verify(o, out, d);
    said = out.str();
    for (const auto& item : d.items()) said += item.format() + "\n";
    return ok;
  }
  std::string last_errors, said;
};

}  // namespace

TEST_CASE("a signature holds for exactly the bytes signed, and only under its own key") {
  const SigningKey key = new_signing_key(), other = new_signing_key();
  const std::string sig = key.sign("bản ghi công bố");
  CHECK(valid_public_key(key.public_key()));
  CHECK(signature_valid(key.public_key(), "bản ghi công bố", sig));
  CHECK_FALSE(signature_valid(key.public_key(), "bản ghi công bố.", sig));
  CHECK_FALSE(signature_valid(other.public_key(), "bản ghi công bố", sig));
  CHECK_FALSE(signature_valid("ed25519:abc", "bản ghi công bố", sig));
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the publication log carries each file from release to release") {
  const ReleaseStamp one{1, "000001-x", "c1", "2026-01-01T00:00:00Z"}, two{2, "000002-x", "c2", "2026-02-01T00:00:00Z"},
      three{3, "000003-x", "c3", "2026-03-01T00:00:00Z"};
  const Proof p1 = next_proof(nullptr, one, "https://example.vn/", "", {{"a.html", "aa"}, {"b.html", "bb"}});
  const Proof p2 = next_proof(&p1, two, "https://example.vn/", "", {{"a.html", "aa"}, {"b.html", "b2"}});
  const Proof p3 = next_proof(&p2, three, "https://example.vn/", "", {{"a.html", "aa"}, {"b.html", "bb"}});
  REQUIRE(p3.log.size() == 3);
  auto a = p3.find("aa");
  REQUIRE(a.size() == 1);
  CHECK(a[0]->first == 1);
  CHECK(a[0]->last == 3);
  // b.html went back to its first bytes: two separate spells, not one covering release 2.
  auto b = p3.find("bb");
  REQUIRE(b.size() == 2);
  CHECK(b[0]->first == 1);
  CHECK(b[0]->last == 1);
  CHECK(b[1]->first == 3);
  CHECK(p3.find("b2")[0]->last == 2);
  CHECK(p3.find("cc").empty());
}

TEST_CASE("a publish signs its release — congbo verify finds the release whole, and one changed byte") {
  SignedSite s;
  const std::string first = s.publish_as("Nội dung bản đầu.", 1);
  REQUIRE_MESSAGE(!first.empty(), s.last_errors);
  const fs::path release = s.to / "releases" / first;
  CHECK(fs::exists(release / kProofRoot));
  CHECK(fs::exists(release / kProofSignature));
  CHECK(s.verify(s.to));
  CHECK_MESSAGE(s.said.find("đúng là bản 1") != std::string::npos, s.said);

  // The site names the key and every page links to its check.
  CHECK(read_file(release / "xac-minh/index.html").find(s.key.public_key()) != std::string::npos);
  CHECK(read_file(release / "van-ban/51-kh-duk/index.html").find("/xac-minh/?trang=/van-ban/51-kh-duk/") != std::string::npos);

  std::string page = read_file(release / "van-ban/51-kh-duk/index.html");
  page[page.find("bản đầu")] = 'B';
  write(release / "van-ban/51-kh-duk/index.html", page);
  CHECK_FALSE(s.verify(s.to));
  CHECK_MESSAGE(s.said.find("van-ban/51-kh-duk/index.html: error: tệp đã bị sửa") != std::string::npos, s.said);
}

TEST_CASE("a page saved from an earlier release still verifies, and names its release") {
  SignedSite s;
  const std::string first = s.publish_as("Nội dung bản đầu.", 1);
  REQUIRE_MESSAGE(!first.empty(), s.last_errors);
  const fs::path saved = s.outside.dir() / "da-luu.html";
  write(saved, read_file(s.to / "releases" / first / "van-ban/51-kh-duk/index.html"));
  REQUIRE_MESSAGE(!s.publish_as("Nội dung đã sửa.", 2).empty(), s.last_errors);

  CHECK(s.verify(saved, s.to));
  CHECK_MESSAGE(s.said.find("ở địa chỉ /van-ban/51-kh-duk/, từ bản 1") != std::string::npos, s.said);
  CHECK_MESSAGE(s.said.find("đến bản 1") != std::string::npos, s.said);
  CHECK_MESSAGE(s.said.find("bản sau đó đã thay tệp này") != std::string::npos, s.said);

  write(saved, read_file(saved) + " ");
  CHECK_FALSE(s.verify(saved, s.to));
  CHECK_MESSAGE(s.said.find("không khớp với tệp nào đã công bố") != std::string::npos, s.said);
}

TEST_CASE("a changed publication record fails its signature") {
  SignedSite s;
  const std::string first = s.publish_as("Nội dung.", 1);
  REQUIRE_MESSAGE(!first.empty(), s.last_errors);
  const fs::path root = s.to / "releases" / first / kProofRoot;
  std::string text = read_file(root);
  text.replace(text.find("files "), 7, "files 9");
  write(root, text);
  CHECK_FALSE(s.verify(s.to));
  CHECK_MESSAGE(s.said.find("chữ ký không khớp") != std::string::npos, s.said);
}

TEST_CASE("publish refuses without the key site.toml promises, or with another key — the served release stays") {
  SignedSite s;
  const std::string first = s.publish_as("Nội dung.", 1);
  REQUIRE_MESSAGE(!first.empty(), s.last_errors);

  const fs::path other = s.outside.dir() / "khoa-khac";
  write(other, key_file_text(new_signing_key()));
  CHECK(s.publish_as("Bản khác.", 2, other).empty());
  CHECK_MESSAGE(s.last_errors.find("không phải cặp của public_key") != std::string::npos, s.last_errors);

  const fs::path broken = s.outside.dir() / "khoa-hong";
  write(broken, "không phải khóa\n");
  CHECK(s.publish_as("Bản khác.", 3, broken).empty());
  CHECK_MESSAGE(s.last_errors.find("không phải tệp khóa ký") != std::string::npos, s.last_errors);
  CHECK(fs::read_symlink(s.to / "current").filename() == first);
}

TEST_CASE("a damaged publication log stops the next publish instead of starting the log again") {
  SignedSite s;
  const std::string first = s.publish_as("Nội dung.", 1);
  REQUIRE_MESSAGE(!first.empty(), s.last_errors);
  for (auto& e : fs::directory_iterator(s.to / "releases" / first / "xac-minh/tep")) write(e.path(), "hỏng\n");
  CHECK(s.publish_as("Bản mới.", 2).empty());
  CHECK_MESSAGE(s.last_errors.find("đã bị sửa") != std::string::npos, s.last_errors);
  CHECK(fs::read_symlink(s.to / "current").filename() == first);
}

TEST_CASE("keygen never writes a key into a git repository, nor over another key") {
  TempSite site, outside;
  GitFixture git(site.dir());
  std::string why;
  CHECK_FALSE(create_key_file(site.dir() / "khoa-ky", &why));
  CHECK(why.find("không được nằm trong kho git") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir() / "khoa-ky"));
  auto key = create_key_file(outside.dir() / "khoa/khoa-ky", &why);
  REQUIRE(key);
  CHECK((fs::status(outside.dir() / "khoa/khoa-ky").permissions() & fs::perms::group_read) == fs::perms::none);
  CHECK(read_signing_key(outside.dir() / "khoa/khoa-ky", &why)->public_key() == key->public_key());
  CHECK_FALSE(create_key_file(outside.dir() / "khoa/khoa-ky", &why));
  CHECK(why.find("không ghi đè") != std::string::npos);
}

TEST_CASE("a site without public_key has no verification page — a wrong key is an error at its line") {
  TempSite plain;
  plain.file("site.toml", kMinimalConfig).file("content/van-ban/a.md", plan("A"));
  REQUIRE_MESSAGE(plain.build(), plain.messages());
  CHECK_FALSE(plain.exists("xac-minh/index.html"));
  CHECK(plain.read("van-ban/a/index.html").find("Xác minh trang này") == std::string::npos);

  TempSite wrong;
  wrong.file("site.toml", with_key("ed25519:khong-phai-khoa")).file("content/van-ban/a.md", plan("A"));
  CHECK_FALSE(wrong.build());
  CHECK_MESSAGE(wrong.messages().find("site.toml:1:1: error: public_key phải là khóa công khai") != std::string::npos,
                wrong.messages());
}

TEST_CASE("after a rollback the log keeps the release rolled back from: a page saved from it still verifies") {
  SignedSite s;
  REQUIRE_MESSAGE(!s.publish_as("Bản một.", 1).empty(), s.last_errors);
  const std::string second = s.publish_as("Bản hai.", 2);
  REQUIRE_MESSAGE(!second.empty(), s.last_errors);
  const fs::path saved = s.outside.dir() / "ban-hai.html";
  write(saved, read_file(s.to / "releases" / second / "van-ban/51-kh-duk/index.html"));
  Diagnostics d;
  PublishReport r;
  PublishOptions back;
  back.to = s.to;
  REQUIRE(rollback(back, d, &r));
  REQUIRE_MESSAGE(!s.publish_as("Bản ba.", 3).empty(), s.last_errors);
  CHECK(s.verify(saved, s.to));
  CHECK_MESSAGE(s.said.find("từ bản 2") != std::string::npos, s.said);
  CHECK(s.verify(s.to));  // the release served now is whole
}

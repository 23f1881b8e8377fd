// A document's signed original and appendices: published beside its page
// with kind, size and SHA-256, a PDF's first page shown as an image, and
// every path that could leave the folder refused.
#include <doctest/doctest.h>

#include "git_fixture.h"
#include "signing.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::GitFixture;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const char* kPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 280]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

std::string plan(const std::string& attachments) {
  return "+++\ntitle = \"Kế hoạch\"\nnumber = \"51-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\n" + attachments + "+++\nNội dung.\n";
}

}  // namespace

TEST_CASE("the signed original is published beside its page, with its kind, size, hash and first page") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/51-kh-duk.md", plan("attachments = [{ file = \"51-kh-duk.pdf\", title = \"Bản ký, đóng dấu\" }]\n"))
      .file("content/van-ban/51-kh-duk.pdf", kPdf);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.read("van-ban/51-kh-duk/51-kh-duk.pdf") == kPdf);
  const std::string page = site.read("van-ban/51-kh-duk/index.html");
  CHECK(has(page, "<h2 id=\"_van-ban-goc\">Văn bản gốc và tệp đính kèm</h2>"));
  CHECK(has(page, "<a href=\"/van-ban/51-kh-duk/51-kh-duk.pdf\" download>Bản ký, đóng dấu</a> <span class=\"attachment-meta\">PDF, 1 kB</span>"));
  CHECK(has(page, "SHA-256: <code>" + sha256_hex(kPdf) + "</code>"));
  // The first page, made by pdftoppm, 800 pixels wide, with its size so nothing moves as it loads.
  CHECK(has(page, "<img src=\"/van-ban/51-kh-duk/51-kh-duk.pdf.png\" width=\"800\" height=\"1120\""));
  CHECK(site.read("van-ban/51-kh-duk/51-kh-duk.pdf.png").compare(1, 3, "PNG") == 0);
}

TEST_CASE("an attachment outside its folder, missing, or of an unknown kind is an error at its line") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/a.md", plan("attachments = [{ file = \"../../site.toml\" }]\n"))
      .file("content/van-ban/b.md", plan("attachments = [{ file = \"khong-co.pdf\" }]\n").replace(40, 2, "52"))
      .file("content/van-ban/c.md", plan("attachments = [{ file = \"chay.exe\" }]\n").replace(40, 2, "53"))
      .file("content/van-ban/chay.exe", "MZ");
  CHECK_FALSE(site.build());
  const std::string m = site.messages();
  CHECK_MESSAGE(has(m, "content/van-ban/a.md:6:16: error: tệp đính kèm \"../../site.toml\" phải là tên một tệp nằm cạnh tệp văn bản"), m);
  CHECK_MESSAGE(has(m, "content/van-ban/b.md:6:16: error: không có tệp đính kèm content/van-ban/khong-co.pdf"), m);
  CHECK_MESSAGE(has(m, "content/van-ban/c.md:6:16: error: tệp đính kèm \"chay.exe\" không thuộc loại đăng được"), m);
  CHECK_FALSE(site.exists("index.html"));
}

TEST_CASE("a file that is not what its name says, or listed twice, is an error — one over the site's limit a warning") {
  TempSite site;
  site.file("site.toml", std::string("attachment_limit_mb = 1\n") + kMinimalConfig)
      .file("content/van-ban/a.md", plan("attachments = [{ file = \"gia.pdf\" }]\n"))
      .file("content/van-ban/gia.pdf", "<html>không phải PDF</html>")
      .file("content/van-ban/b.md",
            plan("attachments = [\n  { file = \"51.pdf\" },\n  { file = \"51.pdf\" },\n]\n").replace(40, 2, "52"))
      .file("content/van-ban/51.pdf", kPdf);
  CHECK_FALSE(site.build());
  const std::string m = site.messages();
  CHECK_MESSAGE(has(m, "content/van-ban/a.md:6:16: error: tệp đính kèm content/van-ban/gia.pdf không phải tệp PDF như đuôi tên của nó"), m);
  CHECK_MESSAGE(has(m, "content/van-ban/b.md:8:3: error: tệp đính kèm \"51.pdf\" đã được ghi ở trên"), m);

  TempSite big;
  big.file("site.toml", std::string("attachment_limit_mb = 1\n") + kMinimalConfig)
      .file("content/van-ban/a.md", plan("attachments = [{ file = \"lon.pdf\" }]\n"))
      .file("content/van-ban/lon.pdf", std::string(kPdf) + std::string(1100000, ' '));
  REQUIRE_MESSAGE(big.build(), big.messages());
  CHECK_MESSAGE(has(big.messages(), "content/van-ban/a.md:6:16: warning: tệp đính kèm content/van-ban/lon.pdf lớn hơn 1 MB (attachment_limit_mb trong site.toml)"),
                big.messages());
}

TEST_CASE("a signed original replaced in a later commit is a new version, and the one it replaced stays downloadable") {
  TempSite site;
  GitFixture git(site.dir());
  const std::string scan1 = std::string(kPdf) + "% bản quét lần 1\n", scan2 = std::string(kPdf) + "% bản quét lần 2, rõ dấu\n";
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/51-kh-duk.md", plan("attachments = [{ file = \"51-kh-duk.pdf\", title = \"Bản ký, đóng dấu\" }]\n"))
      .file("content/van-ban/51-kh-duk.pdf", scan1);
  const std::string v1 = git.commit("Đăng Kế hoạch 51 với bản quét", 1).substr(0, 7);
  REQUIRE_MESSAGE(site.build(), site.messages());  // the history kept at v1: the next build walks only what follows
  site.file("content/van-ban/51-kh-duk.pdf", scan2);
  const std::string v2 = git.commit("Thay bản quét rõ hơn", 2).substr(0, 7);  // the text is untouched
  REQUIRE_MESSAGE(site.build(), site.messages());

  // The history has both versions; the first shows, and links, the scan it had.
  CHECK(has(site.read("van-ban/51-kh-duk/index.html"), "Thay bản quét rõ hơn"));
  const std::string old_url = "/van-ban/51-kh-duk/phien-ban/" + v1 + "/51-kh-duk.pdf";
  CHECK(site.read(old_url.substr(1)) == scan1);
  CHECK(site.read("van-ban/51-kh-duk/51-kh-duk.pdf") == scan2);
  const std::string old = site.read("van-ban/51-kh-duk/phien-ban/" + v1 + "/index.html");
  CHECK(has(old, "<a href=\"" + old_url + "\" download>Bản ký, đóng dấu</a>"));
  CHECK(has(old, sha256_hex(scan1)));
  CHECK_FALSE(has(old, sha256_hex(scan2)));
  // What changed: the file, said with its size and hash, the text the same.
  const std::string change = site.read("van-ban/51-kh-duk/phien-ban/" + v2 + "/so-sanh/index.html");
  CHECK(has(change, "<strong>Tệp 51-kh-duk.pdf</strong>: <del>1 kB, SHA-256 " + sha256_hex(scan1).substr(0, 16) + "…</del> → <ins>1 kB, SHA-256 " +
                        sha256_hex(scan2).substr(0, 16) + "…</ins>"));

  // A rebuild links the archived scan from the last output; a fresh walk makes the same site.
  site.file("content/van-ban/51-kh-duk.md", plan("attachments = [{ file = \"51-kh-duk.pdf\", title = \"Bản ký, đóng dấu\" }]\n") + "Thêm.\n");
  const std::string v3 = git.commit("Bổ sung nội dung", 3).substr(0, 7);
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.read(old_url.substr(1)) == scan1);
  // v2's scan is still the page's own: its version links the file beside the page.
  CHECK(has(site.read("van-ban/51-kh-duk/phien-ban/" + v2 + "/index.html"), "<a href=\"/van-ban/51-kh-duk/51-kh-duk.pdf\" download>"));
  auto kept = congbo::testing::snapshot(site.out());
  kept.erase(".congbo-output");
  auto walked = congbo::testing::built_from_nothing(site);
  walked.erase(".congbo-output");
  for (const auto& [path, bytes] : kept) CHECK_MESSAGE(walked[path] == bytes, path);
  CHECK(kept.size() == walked.size());
}

// A document's signed original and appendices: published beside its page
// with kind, size and SHA-256, a PDF's first page shown as an image, and
// every path that could leave the folder refused.
#include <doctest/doctest.h>

#include "signing.h"
#include "site_fixture.h"

using namespace congbo;
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

TEST_CASE("a file that is not what its name says, or listed twice, is an error; one over the site's limit a warning") {
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

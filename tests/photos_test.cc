// A model's photo taken on a phone is published as copies a phone can load:
// 480, 960 and 1600 px wide, with the page's <img> given them (srcset), its
// width and height; the photo as sent stays at its own address.
#include <doctest/doctest.h>

#include <regex>

#include "image_resize.h"
#include "site_fixture.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::read_file;
using congbo::testing::TempSite;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A 2400 × 1600 JPEG (tests/fixtures/anh/canh-dong.jpg).
std::string photo() { return read_file(fs::path(CONGBO_SOURCE_DIR) / "tests/fixtures/anh/canh-dong.jpg"); }

const char* kUnits = "[[unit]]\nid = \"cb-a\"\nname = \"Chi bộ A\"\ntype = \"chi bộ cơ sở\"\n";

std::string model(const std::string& body) {
  return "+++\ntitle = \"Cánh đồng mẫu\"\nunit = \"cb-a\"\nyear = 2024\ncategory = \"Dân vận khéo\"\n"
         "images = [\n  { src = \"/anh/canh-dong.jpg\", alt = \"Cánh đồng lúa\" },\n]\n+++\n" + body;
}

// The address of the copy `width` px wide the page names, or "".
std::string copy_named(const std::string& html, int width) {
  std::smatch m;
  const std::regex r("(/_anh/[0-9a-f]{16}-" + std::to_string(width) + "\\.jpg) " + std::to_string(width) + "w");
  return std::regex_search(html, m, r) ? m[1].str() : "";
}

}  // namespace

TEST_CASE("a phone photo is resized: 480, 960 and 1600 px copies, upright, smaller than the photo") {
  const std::string original = photo();
  REQUIRE(original.size() > 10000);
  auto small = resize_image(original, 480, "jpg");
  REQUIRE(small);
  CHECK(small->width == 480);
  CHECK(small->height == 320);
  CHECK(small->bytes.size() < original.size());
  CHECK(small->bytes.substr(0, 2) == "\xFF\xD8");  // still a JPEG
  // never enlarged
  auto same = resize_image(original, 4000, "jpg");
  REQUIRE(same);
  CHECK(same->width == 2400);
  CHECK_FALSE(resize_image("không phải ảnh", 480, "jpg"));
}

TEST_CASE("a model's photos and a body's image are published with copies, sizes and srcset") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/don-vi.toml", kUnits)
      .file("static/anh/canh-dong.jpg", photo())
      .file("content/mo-hinh/canh-dong.md", model("Chi bộ vận động bà con.\n\n![Cánh đồng sau mùa gặt](/anh/canh-dong.jpg)\n"));
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string page = site.read("mo-hinh/canh-dong/index.html");
  for (int width : {480, 960, 1600}) {
    const std::string url = copy_named(page, width);
    REQUIRE_MESSAGE(!url.empty(), "no " << width << " px copy named");
    CHECK(site.exists(url.substr(1)));
  }
  // the figure and the body's image both show the 960 px copy, with its size
  const std::string shown = "src=\"" + copy_named(page, 960) + "\" srcset=\"";
  size_t first = page.find(shown);
  REQUIRE(first != std::string::npos);
  CHECK(page.find(shown, first + 1) != std::string::npos);
  CHECK(has(page, "width=\"960\" height=\"640\""));
  CHECK(has(page, "sizes=\"(max-width: 44rem) 100vw, 44rem\""));
  // what a phone loads is a fraction of the photo; the photo as sent is still there
  CHECK(site.read(copy_named(page, 480).substr(1)).size() < photo().size() / 2);
  CHECK(site.read("anh/canh-dong.jpg") == photo());

  SUBCASE("the copies are made once: a second build finds them in the cache") {
    size_t kept = 0;
    for (auto& e : fs::recursive_directory_iterator(site.dir())) kept += e.path().parent_path().filename() == "anh" &&
                                                                          e.path().extension() == ".size";
    CHECK(kept == 3);
    REQUIRE_MESSAGE(site.build(), site.messages());
    CHECK(site.read("mo-hinh/canh-dong/index.html") == page);
  }
}

TEST_CASE("a photo that is not what its name says is published as sent, with a warning at its place, from check too") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/don-vi.toml", kUnits)
      .file("static/anh/canh-dong.jpg", "đây không phải ảnh")
      .file("content/mo-hinh/canh-dong.md", model("Nội dung.\n"));
  REQUIRE_MESSAGE(site.build(), site.messages());
  const std::string said = "content/mo-hinh/canh-dong.md:7:3: warning: không đọc được ảnh static/anh/canh-dong.jpg";
  CHECK_MESSAGE(has(site.messages(), said), site.messages());
  CHECK(has(site.read("mo-hinh/canh-dong/index.html"), "<img src=\"/anh/canh-dong.jpg\" alt=\"Cánh đồng lúa\""));
  CHECK(site.build(false));
  CHECK(has(site.messages(), said));
}

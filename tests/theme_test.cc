// Themes: the built-in default, and a site overriding any template or asset by name.
#include <doctest/doctest.h>
#include <set>

#include "site_fixture.h"
#include "theme.h"
#include "view.h"

using namespace congbo;
using congbo::testing::kMinimalConfig;
using congbo::testing::TempSite;

TEST_CASE("the default theme is built in, so a site needs no copy of it") {
  TempSite site;
  Diagnostics d;
  auto theme = Theme::load(site.dir(), "default", d);
  REQUIRE(theme.has_value());
  for (const char* layout : {"base", "page", "document", "list", "home", "404", "sitemap.xml",
                             "feed.xml", "robots.txt", "partials/header"}) {
    CHECK_MESSAGE(theme->has(layout), layout);
  }
  CHECK(theme->static_files().count("css/congbo.css") == 1);
}

TEST_CASE("a site's layouts/ and static/ override the theme by name") {
  TempSite site;
  site.file("layouts/partials/footer.mustache", "<footer>Chân trang riêng của {{site.title}}</footer>")
      .file("static/css/congbo.css", "body{color:black}");
  Diagnostics d;
  auto theme = Theme::load(site.dir(), "default", d);
  REQUIRE(theme.has_value());
  CHECK(theme->static_files().at("css/congbo.css") == "body{color:black}");
  View v;
  v.set("site", View().set("title", "Đảng ủy <Khối>"));
  CHECK(theme->render("partials/footer", v, d) == "<footer>Chân trang riêng của Đảng ủy &lt;Khối&gt;</footer>");
}

TEST_CASE("an empty value never falls through to an outer value of the same name") {
  TempSite site;
  site.file("layouts/t.mustache", "{{#items}}[{{number}}]{{/items}}");
  Diagnostics d;
  auto theme = Theme::load(site.dir(), "default", d);
  View v;
  v.set("number", "51-KH/ĐUK");
  v.set("items", View::list().push(View().set("number", "")).push(View().set("number", "05-KH/ĐUK")));
  CHECK(theme->render("t", v, d) == "[][05-KH/ĐUK]");
}

TEST_CASE("a broken template is reported with its file when the theme is loaded, so check finds it too") {
  TempSite site;
  site.file("layouts/page.mustache", "{{#title}}không đóng");
  Diagnostics d;
  auto theme = Theme::load(site.dir(), "default", d);
  REQUIRE(d.items().size() == 1);
  CHECK(theme->render("page", View(), d).empty());
  CHECK(d.items()[0].path == "layouts/page.mustache");
  CHECK(d.items()[0].message.rfind("mẫu giao diện \"page\" có lỗi: ", 0) == 0);
}

TEST_CASE("a theme that exists nowhere is an error") {
  TempSite site;
  Diagnostics d;
  CHECK_FALSE(Theme::load(site.dir(), "khong-co", d).has_value());
  CHECK(d.items()[0].format() ==
        "site.toml: error: không tìm thấy giao diện \"khong-co\": thư mục themes/khong-co không có hoặc không có tệp "
        "nào (cần layouts/ hay static/)");
}

TEST_CASE("a theme is a plain folder under themes/: one error at site.toml's line otherwise") {
  TempSite site;
  site.file("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
  site.file("site.toml", "theme = \"../../x\"\n" + std::string(kMinimalConfig));
  CHECK_FALSE(site.build());
  CHECK(site.messages() ==
        "site.toml:1:1: error: tên giao diện \"../../x\" không hợp lệ: phải là tên một thư mục trong themes/ (chữ không "
        "dấu, số, dấu gạch), không có \"/\" hay \"..\"; hoặc bỏ dòng này để dùng giao diện mặc định\n");

  std::filesystem::create_directories(site.dir() / "themes/rong");  // a theme folder with nothing in it
  site.file("site.toml", "theme = \"rong\"\n" + std::string(kMinimalConfig));
  CHECK_FALSE(site.build());
  CHECK(site.messages() ==
        "site.toml:1:1: error: không tìm thấy giao diện \"rong\": thư mục themes/rong không có hoặc không có tệp nào "
        "(cần layouts/ hay static/)\n");

  // A theme that changes one template: the others are the built-in ones.
  site.file("themes/rong/layouts/page.mustache", "<main class=\"rong\">{{{content}}}</main>");
  REQUIRE_MESSAGE(site.build(), site.messages());
  CHECK(site.exists("index.html"));
}

TEST_CASE("values are escaped for HTML, and triple braces leave them as they are") {
  TempSite site;
  site.file("layouts/t.mustache", "<p title=\"{{v}}\">{{v}}</p>{{{v}}}");
  Diagnostics d;
  auto theme = Theme::load(site.dir(), "default", d);
  REQUIRE(theme.has_value());
  View v;
  v.set("v", "Chi bộ \"bốn tốt\" & 'đảng bộ' <mạnh>");
  CHECK(theme->render("t", v, d) ==
        "<p title=\"Chi bộ &quot;bốn tốt&quot; &amp; &apos;đảng bộ&apos; &lt;mạnh&gt;\">"
        "Chi bộ &quot;bốn tốt&quot; &amp; &apos;đảng bộ&apos; &lt;mạnh&gt;</p>"
        "Chi bộ \"bốn tốt\" & 'đảng bộ' <mạnh>");
  v.set("v", "&");
  CHECK(theme->render("t", v, d) == "<p title=\"&amp;\">&amp;</p>&");
}

TEST_CASE("a view's fingerprint changes with any value and tells shapes apart") {
  // The fingerprint decides whether a page is rendered again: two views that
  // could render differently must never share one.
  auto object = [](const std::string& k, View v) { View o; o.set(k, std::move(v)); return o; };
  auto list = [](std::vector<View> items) { View l = View::list(); for (auto& i : items) l.push(std::move(i)); return l; };
  std::vector<View> views = {
      object("a", "bc"), object("ab", "c"), object("a", "bd"), object("a", true), object("a", false),
      object("a", "t"), list({"a", "b"}), list({"ab"}), list({list({"a"}), list({"b"})}),
      list({list({"a", "b"})}), list({}), View(), View(""), View(std::string("\0", 1))};
  std::set<std::string> seen;
  for (const auto& v : views) seen.insert(v.fingerprint());
  CHECK(seen.size() == views.size());
  CHECK(object("a", "bc").fingerprint() == object("a", "bc").fingerprint());
}

TEST_CASE("check fails on a site template that build would fail on, and warns of a missing partial") {
  TempSite site;
  site.file("site.toml", kMinimalConfig)
      .file("content/van-ban/51.md", "+++\ntitle = \"Kế hoạch\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung.\n")
      .file("layouts/document.mustache", "{{#title}}không đóng");
  CHECK_FALSE(site.build(false));
  CHECK(site.messages().rfind("layouts/document.mustache: error: mẫu giao diện \"document\" có lỗi: ", 0) == 0);
  CHECK_FALSE(site.build());

  site.file("layouts/document.mustache", "<main>{{> chu-ky}}{{{content}}}</main>");
  CHECK(site.build(false));
  CHECK(site.messages() ==
        "layouts/document.mustache: warning: khuôn này gọi phần khuôn {{> chu-ky}} nhưng không có tệp "
        "layouts/partials/chu-ky.mustache; chỗ đó sẽ trống\n");
}

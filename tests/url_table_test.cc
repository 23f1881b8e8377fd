// The URL table: one owner per address, the site's own pages first.
#include <doctest/doctest.h>

#include "url_table.h"

using namespace congbo;

TEST_CASE("an address has one owner: a file that takes a reserved or taken one is told whose it is") {
  UrlTable t;
  t.reserve("/", "content/_index.md", UrlKind::Home);
  t.reserve("/van-ban/", "danh sách mục van-ban", UrlKind::List);
  t.reserve("/van-ban/trang/2/", "danh sách mục van-ban", UrlKind::ListPage);
  CHECK(t.add("/van-ban/a/", "content/van-ban/a.md", UrlKind::Page, 0) == nullptr);
  const UrlEntry* had = t.add("/van-ban/", "content/van-ban.md", UrlKind::Page, 1);
  REQUIRE(had);
  CHECK(had->owner == "danh sách mục van-ban");
  CHECK(t.add("/van-ban/a/", "content/van-ban/b.md", UrlKind::Page, 2)->owner == "content/van-ban/a.md");
  auto pages = t.of(UrlKind::Page);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0]->page == 0);
  CHECK(t.of(UrlKind::List).size() == 1);  // the sitemap lists a list's first page only
  CHECK(t.size() == 4);
}

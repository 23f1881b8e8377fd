// site.toml: what a site declares, and mistakes reported at their line.
#include <doctest/doctest.h>

#include "config.h"

using namespace congbo;

TEST_CASE("site.toml gives title, base URL, kinds and issuers") {
  Diagnostics d;
  auto c = parse_config(
      "title = \"Đảng ủy Khối\"\nbase_url = \"https://example.vn/dang-uy\"\npaginate = 5\n"
      "[kinds]\nKH = \"Kế hoạch\"\n\"QĐ\" = \"Quyết định\"\n"
      "[issuers.duk]\nabbr = \"ĐUK\"\nname = \"Đảng ủy Khối\"\n",
      "site.toml", d);
  REQUIRE(c.has_value());
  CHECK(d.items().empty());
  CHECK(c->base_url == "https://example.vn/dang-uy/");
  CHECK(c->base_path() == "/dang-uy/");
  CHECK(c->origin() == "https://example.vn");
  CHECK(c->paginate == 5);
  CHECK(c->language == "vi");
  CHECK(*c->kind_name("QĐ") == "Quyết định");
  REQUIRE(c->issuer("duk") != nullptr);
  CHECK(c->issuer("duk")->abbr == "ĐUK");
}

TEST_CASE("unknown keys in site.toml are warned about at their line, not ignored silently") {
  Diagnostics d;
  auto c = parse_config("title = \"T\"\nbase_url = \"https://e.vn/\"\npagniate = 5\n", "site.toml", d);
  REQUIRE(c.has_value());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].format() ==
        "site.toml:3:1: warning: khóa \"pagniate\" không được hỗ trợ trong site.toml nên bị bỏ qua "
        "(viết sai tên khóa?)");
}

TEST_CASE("a missing title, a wrong type and an issuer without a name are all reported") {
  Diagnostics d;
  auto c = parse_config("base_url = \"https://e.vn/\"\npaginate = \"mười\"\n[issuers.duk]\nabbr = \"ĐUK\"\n",
                        "site.toml", d);
  CHECK_FALSE(c.has_value());
  auto all = d.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].format() == "site.toml:1:1: error: thiếu trường bắt buộc \"title\"");
  CHECK(all[1].format() ==
        "site.toml:2:1: error: trường \"paginate\" phải là số nguyên, nhưng ở đây là chuỗi chữ "
        "(đặt trong dấu nháy kép)");
  CHECK(all[2].format() == "site.toml:3:1: error: thiếu trường bắt buộc \"issuers.duk.name\"");
}

TEST_CASE("base_url must be a web address") {
  Diagnostics d;
  CHECK_FALSE(parse_config("title = \"T\"\nbase_url = \"example.vn\"\n", "site.toml", d).has_value());
  CHECK(d.items()[0].format() ==
        "site.toml:2:1: error: base_url \"example.vn\" phải bắt đầu bằng http:// hoặc https://");
}

// The writers' desk's pieces: a document's form and the file written from
// it, accounts and their password hashes, sessions and locked logins, and
// when the desk refuses to start.
#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

#include "accounts.h"
#include "desk.h"
#include "desk_context.h"
#include "document_form.h"
#include "git_commit.h"
#include "kept_fields.h"
#include "model_form.h"
#include "page.h"
#include "scaffold.h"
#include "site.h"
#include "sessions.h"
#include "site_fixture.h"

using namespace congbo;
using namespace congbo::testing;

TEST_CASE("a document's form becomes the file congbo reads, and each line knows its field") {
  DocumentForm f;
  f.title = "Kế hoạch \"sơ kết\"";
  f.number = "2-KH/ĐUK";
  f.kind = "KH";
  f.issuer = "duk";
  f.date = "12/03/2024";
  f.recipients = "Các chi bộ\r\n\r\nLưu VP\n";
  f.based_on = "1-KH/ĐUK";
  f.body = "Dòng một\r\nDòng hai";
  WrittenDocument w = write_document(f);
  CHECK(w.text ==
        "+++\ntitle = \"Kế hoạch \\\"sơ kết\\\"\"\nnumber = \"2-KH/ĐUK\"\nkind = \"KH\"\nissuer = \"duk\"\ndate = 2024-03-12\n"
        "recipients = [\"Các chi bộ\", \"Lưu VP\"]\nbased_on = [\"1-KH/ĐUK\"]\n+++\nDòng một\nDòng hai\n");
  CHECK(field_for_line(w, 2) == "title");
  CHECK(field_for_line(w, 4) == "kind");
  CHECK(field_for_line(w, 6) == "date");
  CHECK(field_for_line(w, 10) == "body");
  CHECK(field_for_line(w, 1).empty());

  // Read back by congbo, it is the same form.
  SiteConfig config;
  config.kinds = {{"KH", "Kế hoạch"}};
  config.issuers = {{"duk", "ĐUK", "Đảng ủy Khối", ""}};
  Diagnostics d;
  auto page = load_page("content/van-ban/2-kh-duk.md", w.text, config, d);
  REQUIRE(page);
  CHECK(d.items().empty());
  DocumentForm back = form_from_page(*page);
  CHECK(back.title == f.title);
  CHECK(back.date == "12/03/2024");
  CHECK(back.recipients == "Các chi bộ\nLưu VP");
}

TEST_CASE("saving at the desk keeps every field the form does not show, and drops one the writer cleared") {
  const std::string before =
      "+++\ntitle = \"Kế hoạch cũ\"\nslug = \"ke-hoach-05\"  # địa chỉ đã công bố\nkind = \"KH\"\nissuer = \"duk\"\n"
      "place = \"Bến Tre\"\nperiod = \"2020-2025\"\neffective = 2021-01-01\nrecipients = [\n  \"Các chi bộ\",\n]\n"
      "[theme]\nbanner = \"do\"\n+++\nNội dung.\n";
  SiteConfig config;
  config.kinds = {{"KH", "Kế hoạch"}};
  config.issuers = {{"duk", "ĐUK", "Đảng ủy Khối", ""}};
  Diagnostics d;
  auto page = load_page("content/van-ban/05.md", before, config, d);
  REQUIRE(page);
  DocumentForm f = form_from_page(*page);
  f.title = "Kế hoạch mới";
  f.place = "";  // cleared by the writer: gone, not brought back
  WrittenDocument w = with_kept_fields(write_document(f), before);
  CHECK(w.text.find("title = \"Kế hoạch mới\"") != std::string::npos);
  CHECK(w.text.find("slug = \"ke-hoach-05\"  # địa chỉ đã công bố\n") != std::string::npos);
  CHECK(w.text.find("period = \"2020-2025\"\n") != std::string::npos);
  // effective has its own field now: written once, by the form
  CHECK(w.text.find("effective = 2021-01-01\n") == w.text.rfind("effective = 2021-01-01\n"));
  CHECK(w.text.find("effective = 2021-01-01\n") != std::string::npos);
  CHECK(w.text.find("[theme]\nbanner = \"do\"\n+++\nNội dung.\n") != std::string::npos);
  CHECK(w.text.find("Bến Tre") == std::string::npos);
  CHECK(w.text.find("Kế hoạch cũ") == std::string::npos);
  CHECK(field_for_line(w, w.body_line) == "body");
  Diagnostics again;
  auto saved = load_page("content/van-ban/05.md", w.text, config, again);
  REQUIRE(saved);
  CHECK(saved->url == "/van-ban/ke-hoach-05/");
  CHECK(saved->doc.period == "2020-2025");
  CHECK(saved->markdown == "Nội dung.\n");
}

TEST_CASE("dates are written as the office writes them") {
  CHECK(iso_from_display("21/10/2020") == "2020-10-21");
  CHECK(iso_from_display(" 5/6/2022 ") == "2022-06-05");
  CHECK(iso_from_display("") == "");
  CHECK_FALSE(iso_from_display("31/02/2021"));
  CHECK_FALSE(iso_from_display("29/02/2023"));
  CHECK(iso_from_display("29/02/2024") == "2024-02-29");
  CHECK_FALSE(iso_from_display("2020-10-21"));
  CHECK_FALSE(iso_from_display("21/10/2020x"));
  CHECK_FALSE(iso_from_display("21/10/1800"));
}

TEST_CASE("accounts keep an Argon2id hash, never the password, in a folder git ignores") {
  TempSite site;
  Accounts a;
  std::string why;
  CHECK_FALSE(a.add({"Lan Nguyen", "Lan", "", "soan", ""}, "mat-khau-dai", &why));
  CHECK(why.find("tên đăng nhập") == 0);
  CHECK_FALSE(a.add({"lan", "Lan", "", "soan", ""}, "ngan", &why));
  CHECK(why == "mật khẩu cần ít nhất 8 ký tự");
  CHECK_FALSE(a.add({"lan", "Lan", "", "quan-tri", ""}, "mat-khau-dai", &why));
  REQUIRE(a.add({"lan", "Nguyễn Thị \"Lan\"", "lan@example.vn", "soan", ""}, "mat-khau-dai", &why));
  REQUIRE(a.save(site.dir(), &why));
  const std::string file = read_file(Accounts::file_for(site.dir()));
  CHECK(file.find("$argon2id$") != std::string::npos);
  CHECK(file.find("mat-khau-dai") == std::string::npos);
  CHECK(read_file(site.dir() / ".congbo" / ".gitignore").find("\n*\n") != std::string::npos);

  Diagnostics d;
  Accounts loaded = Accounts::load(site.dir(), d);
  CHECK(d.items().empty());
  REQUIRE(loaded.find("lan"));
  CHECK(loaded.find("lan")->name == "Nguyễn Thị \"Lan\"");
  CHECK(loaded.verify("lan", "mat-khau-dai") == loaded.find("lan"));
  CHECK(loaded.verify("lan", "mat-khau-sai") == nullptr);
  CHECK(loaded.verify("khong-co", "mat-khau-dai") == nullptr);
}

TEST_CASE("sessions end at logout or after their lifetime — five failed logins lock the login") {
  Sessions s(std::chrono::minutes(0), std::chrono::minutes(15));
  std::string t = s.open("lan");
  CHECK(t.size() == 64);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK_FALSE(s.find(t));  // a lifetime of nothing has passed

  Sessions live;
  std::string u = live.open("lan");
  REQUIRE(live.find(u));
  CHECK(live.find(u)->csrf.size() == 64);
  CHECK(live.find(u)->csrf != u);
  // "Đã lưu …" is said once, on the next page, and never read from a URL.
  live.tell(u, "Đã lưu content/van-ban/a.md");
  CHECK(live.take_notice(u) == "Đã lưu content/van-ban/a.md");
  CHECK(live.take_notice(u).empty());
  live.close(u);
  CHECK_FALSE(live.find(u));

  for (int i = 0; i < 4; ++i) live.failed("lan");
  CHECK_FALSE(live.locked("lan"));
  CHECK(live.wait_for("lan") > std::chrono::milliseconds(0));  // slowed from the third
  live.failed("lan");
  CHECK(live.locked("lan"));
  CHECK_FALSE(live.locked("hoa"));
}

TEST_CASE("the desk opens to the network only with accounts and HTTPS") {
  DeskOptions o;
  CHECK(desk_refusal(o, false).find("chưa có tài khoản") == 0);
  CHECK(desk_refusal(o, true).empty());
  o.host = "0.0.0.0";
  CHECK(desk_refusal(o, true).find("cần HTTPS") != std::string::npos);
  o.tls_cert = "cert.pem";
  o.tls_key = "key.pem";
  CHECK(desk_refusal(o, true).empty());
}

TEST_CASE("a file's git id tells whether it changed since it was opened") {
  CHECK(blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  CHECK(blob_id("a\n") != blob_id("b\n"));
}

TEST_CASE("an upload is an image only when its bytes say so, and a model's file keeps each image's alt text") {
  CHECK(image_type(std::string("\x89PNG\r\n\x1a\n....", 12)) == "png");
  CHECK(image_type("\xFF\xD8\xFF\xE0....") == "jpg");
  CHECK(image_type("GIF89a...") == "gif");
  CHECK(image_type("RIFF\x10\0\0\0WEBPVP8 ") == "");  // a NUL cuts this literal short: not enough bytes
  CHECK(image_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "webp");
  CHECK(image_type("<script>alert(1)</script>") == "");
  CHECK(image_type("") == "");

  ModelForm f;
  f.title = "Dân vận khéo";
  f.unit = "cb-a";
  f.year = "2024";
  f.category = "Dân vận khéo";
  f.images = {{"/anh/mo-hinh/a.png", "Đảng viên cùng dân", ""}, {"/anh/mo-hinh/b.png", "", "Ảnh: chi bộ"}};
  f.body = "Nội dung.";
  WrittenDocument w = write_model(f);
  CHECK(w.text ==
        "+++\ntitle = \"Dân vận khéo\"\nunit = \"cb-a\"\nyear = 2024\ncategory = \"Dân vận khéo\"\nimages = [\n"
        "  { src = \"/anh/mo-hinh/a.png\", alt = \"Đảng viên cùng dân\", caption = \"\" },\n"
        "  { src = \"/anh/mo-hinh/b.png\", alt = \"\", caption = \"Ảnh: chi bộ\" },\n]\n+++\nNội dung.\n");
  CHECK(field_for_line(w, 8) == "image-1");  // where the checker says the second image has no alt
  f.year = "hai nghìn";
  CHECK(write_model(f).text.find("year = \"hai nghìn\"") != std::string::npos);  // the checker will say why
}

TEST_CASE("congbo init makes a site that builds, in its own repository — congbo new writes from the desk's templates") {
  TempSite holder;
  const std::filesystem::path dir = holder.dir() / "trang-moi";
  REQUIRE(init_site(dir) == 0);
  CHECK(std::filesystem::exists(dir / ".git"));
  CHECK(read_file(dir / ".gitignore").find("/public/") != std::string::npos);
  CHECK(recent_commits(dir, 5).size() == 1);
  CHECK(recent_commits(dir, 5)[0].subject == "Tạo trang bằng congbo init");
  CHECK(init_site(dir) == 1);  // never over a site that exists

  REQUIRE(new_content(dir, "van-ban", "Kế hoạch tổ chức hội nghị") == 0);
  const std::string doc = read_file(dir / "content/van-ban/ke-hoach-to-chuc-hoi-nghi.md");
  CHECK(doc.find("title = \"Kế hoạch tổ chức hội nghị\"\nkind = \"KH\"\nissuer = \"duk\"\ndate = ") == 4);
  CHECK(new_content(dir, "van-ban", "Kế hoạch tổ chức hội nghị") == 1);  // never over a file
  CHECK(new_content(dir, "bai-viet", "x") == 2);

  BuildOptions o;
  o.site_dir = dir;
  Diagnostics d;
  BuildReport r;
  CHECK(congbo::build(o, d, &r));
  CHECK(std::filesystem::exists(dir / "public/van-ban/ke-hoach-to-chuc-hoi-nghi/index.html"));
}

TEST_CASE("the desk checks against every campaign the build reads, whatever its file is named") {
  TempSite site;
  const std::string campaign = "name = \"Phong trào\"\n[[criteria]]\nid = \"a\"\nname = \"A\"\n[[grade]]\nid = \"tot\"\nname = \"Tốt\"\notherwise = true\n";
  site.file("content/thi-dua/bon-tot.toml", campaign).file("content/thi-dua/Bon_Tot 2.toml", campaign);
  site.file("content/thi-dua/ghi-chu.txt", "không phải phong trào");
  DeskContext cx;
  cx.options.site_dir = site.dir();
  Diagnostics diags;
  const auto all = site_campaigns(cx, diags);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "Bon_Tot 2");
  CHECK(all[1].id == "bon-tot");
  CHECK(named_data_file(cx, "content/thi-dua/", "Bon_Tot 2").empty());  // read and checked against, but not opened for editing
}

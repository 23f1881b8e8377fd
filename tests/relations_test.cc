// Resolving document numbers the way an archive of Party documents must:
// numbers repeat across committees and terms, so identity is (issuer, number, date).
#include <doctest/doctest.h>

#include <map>

#include "relations.h"

using namespace congbo;

namespace {

Page document(const std::string& source, const std::string& number, const std::string& issuer,
              std::optional<Date> date, const std::string& body = "") {
  Page p;
  p.source = source;
  p.section = "van-ban";
  p.is_document = true;
  p.doc.number = number;
  p.doc.issuer = issuer;
  p.doc.kind = "KH";
  p.date = date;
  p.markdown = body;
  p.title = source;
  return p;
}

int resolve(const std::vector<Page>& pages, const std::string& number, int from,
            std::optional<Date> date = std::nullopt) {
  DocumentIndex index(pages);
  auto r = index.resolve(*DocNumber::parse(number), date, from);
  return r.status == DocumentIndex::Status::Found ? r.page : (r.status == DocumentIndex::Status::Ambiguous ? -2 : -1);
}

const Date kToday{2026, 11, 23};

}  // namespace

TEST_CASE("a number written differently finds the same document") {
  std::vector<Page> pages = {document("a", "Số 12/KH/ĐUK", "duk", std::nullopt),
                             document("b", "1-KH/ĐUK", "duk", Date{2021, 1, 1})};
  CHECK(resolve(pages, "12-KH/ĐUK", 1) == 0);
  CHECK(resolve(pages, "12-kh/đuk", 1) == 0);
  CHECK(resolve(pages, "99-KH/ĐUK", 1) == -1);
}

TEST_CASE("the referring document's own issuer comes first") {
  std::vector<Page> pages = {document("other", "05-KH/ĐUK", "duk-khac", Date{2020, 1, 1}),
                             document("own", "05-KH/ĐUK", "duk", Date{2019, 1, 1}),
                             document("from", "51-KH/ĐUK", "duk", Date{2021, 1, 1})};
  CHECK(resolve(pages, "05-KH/ĐUK", 2) == 1);
}

TEST_CASE("another committee's document only when it is the only match") {
  std::vector<Page> one = {document("x", "05-CT/TW", "tw", Date{2016, 5, 15}),
                           document("from", "51-KH/ĐUK", "duk", Date{2021, 1, 1})};
  CHECK(resolve(one, "05-CT/TW", 1) == 0);
  std::vector<Page> two = {document("x", "05-KH/ĐUK", "duk-a", Date{2016, 5, 15}),
                           document("y", "05-KH/ĐUK", "duk-b", Date{2019, 5, 15}),
                           document("from", "51-KH/TU", "tu", Date{2021, 1, 1})};
  CHECK(resolve(two, "05-KH/ĐUK", 2) == -2);
}

TEST_CASE("without a date, the latest document dated on or before the referring one wins") {
  // numbering restarts each term: 05-KH/ĐUK exists in 2016 and 2020
  std::vector<Page> pages = {document("2016", "05-KH/ĐUK", "duk", Date{2016, 3, 1}),
                             document("2020", "05-KH/ĐUK", "duk", Date{2020, 10, 21}),
                             document("2025", "05-KH/ĐUK", "duk", Date{2025, 11, 1}),
                             document("from", "51-KH/ĐUK", "duk", Date{2021, 6, 1}),
                             document("from-2018", "9-KH/ĐUK", "duk", Date{2018, 1, 1})};
  CHECK(resolve(pages, "05-KH/ĐUK", 3) == 1);
  CHECK(resolve(pages, "05-KH/ĐUK", 4) == 0);
}

TEST_CASE("a date in the reference must match the document's date") {
  std::vector<Page> pages = {document("2016", "05-KH/ĐUK", "duk", Date{2016, 3, 1}),
                             document("2020", "05-KH/ĐUK", "duk", Date{2020, 10, 21}),
                             document("from", "51-KH/ĐUK", "duk", Date{2021, 6, 1})};
  CHECK(resolve(pages, "05-KH/ĐUK", 2, Date{2016, 3, 1}) == 0);
  CHECK(resolve(pages, "05-KH/ĐUK", 2, Date{2016, 3, 2}) == -1);
}

TEST_CASE("relationships are recorded both ways, and citations in the text too") {
  std::vector<Page> pages = {document("old.md", "20-KH/ĐUK", "duk", Date{2021, 1, 14}),
                             document("new.md", "51-KH/ĐUK", "duk", Date{2021, 6, 1},
                                      "Thực hiện Kế hoạch số 20-KH/ĐUK, ngày 14/01/2021 và Chỉ thị số 05-CT/TW.")};
  pages[1].doc.replaces = {{"20-KH/ĐUK@2021-01-14", 10, 13}};
  Diagnostics d;
  Relations r = link_documents(pages, kToday, d);
  CHECK(d.items().empty());
  REQUIRE(r.by_page[1].out[kReplaces].size() == 1);
  CHECK(r.by_page[1].out[kReplaces][0].page == 0);
  CHECK(r.by_page[0].in[kReplaces] == std::vector<int>{1});
  CHECK(r.by_page[0].in[kCites] == std::vector<int>{1});
  REQUIRE(r.by_page[1].out[kCites].size() == 2);
  CHECK(r.by_page[1].out[kCites][1].external == 0);
  CHECK(r.external[0].number == "05-CT/TW");
}

TEST_CASE("a document cited by several pages, with and without its date, is collected once") {
  std::vector<Page> pages = {document("a.md", "1-KH/ĐUK", "duk", Date{2021, 1, 1}, "theo Chỉ thị số 05-CT/TW của Bộ Chính trị"),
                             document("b.md", "2-KH/ĐUK", "duk", Date{2021, 1, 1}, "Chỉ thị số 05-CT/TW, ngày 15/5/2016"),
                             document("c.md", "3-KH/ĐUK", "duk", Date{2021, 1, 1}, "Chỉ thị số 05-CT/TW và lại 05-CT/TW")};
  Diagnostics d;
  Relations r = link_documents(pages, kToday, d);
  REQUIRE(r.external.size() == 1);
  CHECK(r.external[0].cited_by == std::vector<int>{0, 1, 2});
  CHECK(r.external[0].date == Date{2016, 5, 15});
  CHECK(r.by_page[2].out[kCites].size() == 1);
}

TEST_CASE("check warns about unmatched and ambiguous entries, duplicate identities, cycles and future dates") {
  std::vector<Page> pages = {document("content/van-ban/a.md", "05-KH/ĐUK", "duk-a", Date{2020, 1, 1}),
                             document("content/van-ban/b.md", "05-KH/ĐUK", "duk-b", Date{2020, 1, 1}),
                             document("content/van-ban/c.md", "7-KH/TU", "tu", Date{2999, 1, 1}),
                             document("content/van-ban/d.md", "8-KH/TU", "tu", Date{2020, 1, 1}),
                             document("content/van-ban/e.md", "9-KH/TU", "tu", Date{2020, 1, 1}),
                             document("content/van-ban/f.md", "10-KH/TU", "tu", Date{2020, 1, 1}),
                             document("content/van-ban/g.md", "10-KH/TU", "tu", Date{2020, 1, 1})};
  pages[2].doc.date_line = 6;
  pages[2].doc.date_col = 1;
  pages[2].doc.based_on = {{"05-KH/ĐUK", 8, 13}, {"99-KH/TU@2020-01-01", 8, 26}};
  pages[3].doc.replaces = {{"9-KH/TU", 9, 13}};
  pages[4].doc.replaces = {{"8-KH/TU", 9, 13}};
  Diagnostics d;
  link_documents(pages, kToday, d);
  std::string all;
  for (const auto& x : d.sorted()) all += x.format() + "\n";
  CHECK(all ==
        "content/van-ban/c.md:6:1: warning: ngày ban hành 01/01/2999 ở trong tương lai\n"
        "content/van-ban/c.md:8:13: warning: số 05-KH/ĐUK khớp với nhiều văn bản (content/van-ban/a.md, "
        "content/van-ban/b.md); hãy ghi thêm ngày ban hành, ví dụ \"05-KH/ĐUK@2020-01-01\"\n"
        "content/van-ban/c.md:8:26: warning: không có văn bản 99-KH/TU@2020-01-01 trên trang; văn bản này sẽ hiện không có liên kết\n"
        "content/van-ban/d.md:9:13: warning: các văn bản thay thế nhau thành vòng: 8-KH/TU → 9-KH/TU → 8-KH/TU\n"
        "content/van-ban/g.md:1:1: warning: văn bản số 10-KH/TU cùng cơ quan ban hành và cùng ngày đã có ở content/van-ban/f.md\n");
}

TEST_CASE("QĐ is a Quy định or a Quyết định as the text names it before the number") {
  std::vector<Page> pages = {document("a.md", "1-KH/ĐUK", "duk", Date{2021, 1, 1},
                                      "Thực hiện tốt Quy định số 4842-QĐ/TU, ngày 30/7/2019 và Quyết định số 99-QĐ/TU; "
                                      "theo Chỉ thị số 05-CT/TW và 12-QĐ/TU.")};
  Diagnostics d;
  Relations r = link_documents(pages, kToday, d);
  std::map<std::string, std::string> kind_of;
  for (const auto& e : r.external) kind_of[e.number] = e.kind_written;
  CHECK(kind_of["4842-QĐ/TU"] == "Quy định");
  CHECK(kind_of["99-QĐ/TU"] == "Quyết định");
  CHECK(kind_of["05-CT/TW"] == "");  // one name: the site's
  CHECK(kind_of["12-QĐ/TU"] == "");  // nothing written before it: the site's
}

TEST_CASE("an undated number with the referrer's own abbreviation is the referrer's committee's, never another's") {
  // Two Đảng ủy Khối: a "05-KH/ĐUK" in the second's plan is its own 05, which the site does not have
  std::vector<Page> pages = {document("ben-tre-05", "05-KH/ĐUK", "duk-ben-tre", Date{2020, 10, 21}),
                             document("cqdn-12", "12-KH/ĐUK", "duk-cqdn", Date{2021, 1, 1}),
                             document("tu-51", "51-KH/TU", "tu", Date{2021, 1, 1})};
  CHECK(resolve(pages, "05-KH/ĐUK", 1) == -1);                          // not linked: listed as cited
  CHECK(resolve(pages, "05-KH/ĐUK", 1, Date{2020, 10, 21}) == 0);       // its date says which: linked
  CHECK(resolve(pages, "05-KH/ĐUK", 2) == 0);                           // from the Tỉnh ủy: the one ĐUK 05 there is
}

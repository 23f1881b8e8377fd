// Document numbers as they are really written, and references in real sentences from the seeds.
#include <doctest/doctest.h>

#include "doc_number.h"

using namespace congbo;

TEST_CASE("the usual spellings of one number are the same number") {
  for (const char* written : {"51-KH/ĐUK", "51/KH/ĐUK", "51 - KH/ĐUK", "51-kh/đuk", "Số 51-KH/ĐUK",
                              "Số: 51-KH/ĐUK", "số 51 -KH/ĐUK", "051-KH/DUK"}) {
    auto n = DocNumber::parse(written);
    REQUIRE_MESSAGE(n.has_value(), written);
    CHECK_MESSAGE(n->key() == "51-kh/duk", written);
  }
  CHECK(DocNumber::parse("Số 05 -KH/ĐUK")->key() == DocNumber::parse("05-KH/ĐUK")->key());
  CHECK(DocNumber::parse("Số 12/KH/ĐUK")->key() == "12-kh/duk");
  CHECK(DocNumber::parse("4842-QĐ/TU")->key() == "4842-qd/tu");
  CHECK(DocNumber::parse("13-HD/BTCTU")->issuer == "BTCTU");
  CHECK(DocNumber::parse("05-KH/ĐUK")->canonical() == "05-KH/ĐUK");
}

TEST_CASE("things that are not document numbers are rejected") {
  for (const char* text : {"", "KH/ĐUK", "51", "51-KH", "17/10/2020", "Điều 5", "Khoản 3, Điều 4", "51-KH/ĐUK thêm"}) {
    CHECK_FALSE_MESSAGE(DocNumber::parse(text).has_value(), text);
  }
}

namespace {
std::vector<std::string> numbers_in(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& c : find_citations(text)) {
    out.push_back(c.written + (c.date ? "@" + c.date->iso() : ""));
  }
  return out;
}
}  // namespace

TEST_CASE("references are found in real sentences from the seeds, with their dates") {
  CHECK(numbers_in("Kế hoạch số 05-KH/ĐUK của Đảng ủy Khối về đổi mới, nâng cao chất lượng") ==
        std::vector<std::string>{"05-KH/ĐUK"});
  CHECK(numbers_in("thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII.") ==
        std::vector<std::string>{"05-CT/TW"});
  CHECK(numbers_in("Tập trung lãnh đạo thực hiện tốt Quy định số 4842-QĐ/TU, ngày 30/7/2019 và Kết luận "
                   "số 176-KL/TU, ngày 28/4/2020 của Ban Thường vụ Tỉnh ủy") ==
        std::vector<std::string>{"4842-QĐ/TU@2019-07-30", "176-KL/TU@2020-04-28"});
  CHECK(numbers_in("Để triển khai thực hiện hiệu quả Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành") ==
        std::vector<std::string>{"21-NQ/TW@2022-06-16"});
  CHECK(numbers_in("theo Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị") ==
        std::vector<std::string>{"01-KL/TW@2021-05-18"});
  CHECK(numbers_in("Kế hoạch này thay cho Kế hoạch số 20-KH/ĐUK, ngày 14/01/2021 và Kế hoạch số 43-KH/ĐUK, "
                   "ngày 11/5/2021 của Ban Thường vụ Đảng ủy Khối.") ==
        std::vector<std::string>{"20-KH/ĐUK@2021-01-14", "43-KH/ĐUK@2021-05-11"});
  CHECK(numbers_in("Hướng dẫn số 13-HD/BTCTU, ngày 12/9/2018 của Ban Tổ chức Tỉnh ủy") ==
        std::vector<std::string>{"13-HD/BTCTU@2018-09-12"});
}

TEST_CASE("dates, percentages and plain numbers in running text are not references") {
  CHECK(numbers_in("ngày 17/10/2020, kéo giảm tỷ lệ đảng viên vi phạm 2%/ năm, 15 - 20% hoàn thành") .empty());
  CHECK(numbers_in("giai đoạn 2020 - 2025, Quy định 4842: Hàng tháng") .empty());
  CHECK(numbers_in("3-năm/lần") .empty());
}

TEST_CASE("the citation's byte range covers exactly the number") {
  std::string text = "theo Kế hoạch số 05-KH/ĐUK.";
  auto c = find_citations(text);
  REQUIRE(c.size() == 1);
  CHECK(text.substr(c[0].begin, c[0].end - c[0].begin) == "05-KH/ĐUK");
}

TEST_CASE("relationship entries are a number with an optional @date") {
  auto r = parse_reference("20-KH/ĐUK@2021-01-14");
  REQUIRE(r.has_value());
  CHECK(r->number.key() == "20-kh/duk");
  CHECK(r->date == Date{2021, 1, 14});
  CHECK(parse_reference("43-KH/ĐUK")->date == std::nullopt);
  CHECK_FALSE(parse_reference("43-KH/ĐUK@hôm qua").has_value());
  CHECK_FALSE(parse_reference("Kế hoạch 43").has_value());
}

TEST_CASE("the kind's name written before a number is kept with it") {
  auto c = find_citations("thực hiện tốt Quy định số 4842-QĐ/TU và Kế hoạch 51-KH/ĐUK, văn bản 7-HD/TW");
  REQUIRE(c.size() == 3);
  CHECK(c[0].kind_written == "Quy định");
  CHECK(c[1].kind_written == "Kế hoạch");
  CHECK(c[2].kind_written == "");  // "văn bản", back to the comma: no capital, no kind
}

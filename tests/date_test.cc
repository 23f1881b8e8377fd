// Dates as documents write them.
#include <doctest/doctest.h>

#include "date.h"
#include "page_words.h"

using namespace congbo;

TEST_CASE("ISO and Vietnamese day-first dates parse — impossible days do not") {
  CHECK(Date::parse("2020-10-21") == Date{2020, 10, 21});
  CHECK(Date::parse("21/10/2020") == Date{2020, 10, 21});
  CHECK(Date::parse("1/2/2021") == Date{2021, 2, 1});
  CHECK_FALSE(Date::parse("30/02/2021").has_value());
  CHECK(Date::parse("29/02/2024").has_value());
  CHECK_FALSE(Date::parse("21/13/2020").has_value());
  CHECK_FALSE(Date::parse("hôm qua").has_value());
  CHECK_FALSE(Date::parse("2020-10").has_value());
}

TEST_CASE("dates are shown the way Vietnamese documents write them") {
  Date d{2020, 10, 21};
  CHECK(d.display() == "21/10/2020");
  CHECK(d.iso() == "2020-10-21");
  CHECK(words::date_long(2020, 10, 21) == "ngày 21 tháng 10 năm 2020");
  CHECK(words::date_long(2021, 2, 5) == "ngày 05 tháng 02 năm 2021");
}

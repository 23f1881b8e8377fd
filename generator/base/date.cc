// date.cc: parsing and formatting of Date.
#include "date.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <vector>

namespace congbo {

Date Date::today() {
  auto now = std::chrono::system_clock::now() + std::chrono::hours(7);  // Vietnam's time zone
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}
namespace {

std::vector<std::string_view> split_any(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::optional<int> to_int(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool Date::valid(int y, int m, int d) {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

std::optional<Date> Date::parse(std::string_view text) {
  auto parts = split_any(text, "-/.");
  if (parts.size() != 3) return std::nullopt;
  auto a = to_int(parts[0]), b = to_int(parts[1]), c = to_int(parts[2]);
  if (!a || !b || !c) return std::nullopt;
  Date d;
  if (parts[0].size() == 4) {
    d = {*a, *b, *c};  // year first: ISO
  } else if (parts[2].size() == 4) {
    d = {*c, *b, *a};  // day first: how Vietnamese documents write dates
  } else {
    return std::nullopt;
  }
  if (!valid(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::display() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

std::string Date::rfc3339() const { return iso() + "T00:00:00+07:00"; }

long Date::days() const {
  // Howard Hinnant's days_from_civil.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace congbo

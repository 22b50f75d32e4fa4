#include "load/dates.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace cvpress::detail {

namespace {

constexpr std::string_view kExpected = "(expected YYYY, YYYY-MM or YYYY-MM-DD)";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string two_digits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

} // namespace

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return month >= 1 && month <= 12 ? days[month - 1] : 0;
}

std::string format_iso(const CalendarDate& date) {
  std::string s = std::to_string(date.year);
  if (date.month > 0)
    s += "-" + two_digits(date.month);
  if (date.day > 0)
    s += "-" + two_digits(date.day);
  return s;
}

bool ends_before(const CalendarDate& start, const CalendarDate& end) {
  if (end.year != start.year)
    return end.year < start.year;
  if (start.month == 0 || end.month == 0 || end.month != start.month)
    return start.month != 0 && end.month != 0 && end.month < start.month;
  return start.day != 0 && end.day != 0 && end.day < start.day;
}

DateParse parse_date(std::string_view text, DateField field) {
  std::string_view s = trim(text);
  if (iequals(s, "present")) {
    if (field == DateField::start)
      return {std::nullopt, "'present' is only allowed in end_date or date"};
    return {Present{}, {}};
  }
  bool date_like = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '-';
  });
  if (!date_like) {
    if (field == DateField::date && !s.empty())
      return {FreeTextDate{std::string(s)}, {}};
    std::string expected = field == DateField::end
                               ? "(expected YYYY, YYYY-MM, YYYY-MM-DD or present)"
                               : std::string(kExpected);
    return {std::nullopt, "'" + std::string(s) + "' is not a date " + expected};
  }
  std::string_view parts[3];
  std::size_t n = 0;
  std::string_view rest = s;
  bool ok = true;
  while (ok) {
    auto dash = rest.find('-');
    if (n == 3) {
      ok = false;
      break;
    }
    parts[n++] = rest.substr(0, dash);
    if (dash == std::string_view::npos)
      break;
    rest.remove_prefix(dash + 1);
  }
  ok = ok && parts[0].size() == 4 && all_digits(parts[0]);
  for (std::size_t i = 1; ok && i < n; ++i)
    ok = parts[i].size() == 2 && all_digits(parts[i]);
  if (!ok)
    return {std::nullopt, "'" + std::string(s) + "' is not a date " + std::string(kExpected)};
  CalendarDate date;
  date.year = to_int(parts[0]);
  if (n >= 2) {
    date.month = to_int(parts[1]);
    if (date.month < 1 || date.month > 12)
      return {std::nullopt,
              "month " + std::to_string(date.month) + " is out of range " + std::string(kExpected)};
  }
  if (n == 3) {
    date.day = to_int(parts[2]);
    if (date.day < 1 || date.day > days_in_month(date.year, date.month))
      return {std::nullopt, "day " + std::to_string(date.day) + " is out of range for " +
                                format_iso({date.year, date.month, 0}) + " " +
                                std::string(kExpected)};
  }
  return {date, {}};
}

} // namespace cvpress::detail

#pragma once
// Parsing of CV dates: YYYY, YYYY-MM, YYYY-MM-DD, "present", free text.
#include <cvpress/model.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// Which forms a date field accepts.
enum class DateField {
  date,  ///< `date`: a date, present, or free text
  start, ///< `start_date`: a date only
  end,   ///< `end_date`: a date or present
};

/// The result of parsing one date: a value, or an error message.
struct DateParse {
  std::optional<DatePoint> value; ///< set on success
  std::string error;              ///< set on failure
};

/// Parses a date as written in `field`. Strings made only of digits and
/// '-' are checked as dates (month 1-12, day valid for the month).
DateParse parse_date(std::string_view text, DateField field);

/// Days in a month of the proleptic Gregorian calendar.
int days_in_month(int year, int month);

/// "2024", "2024-08" or "2024-08-15".
std::string format_iso(const CalendarDate& date);

/// True when `end` is before `start`, compared at their common precision.
bool ends_before(const CalendarDate& start, const CalendarDate& end);

} // namespace cvpress::detail

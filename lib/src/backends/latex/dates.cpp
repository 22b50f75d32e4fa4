#include "backends/latex/dates.hpp"

#include <array>
#include <charconv>

namespace cvpress::detail::latex {

namespace {

std::string number(int value) {
  char buf[16];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  return std::string(buf, end);
}

std::string format_point(const DatePoint &point) {
  static constexpr std::array<const char *, 12> months{"Jan",  "Feb", "Mar",  "Apr", "May", "June",
                                                       "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
  if (const auto *d = std::get_if<CalendarDate>(&point)) {
    if (d->month >= 1 && d->month <= 12)
      return std::string(months[static_cast<std::size_t>(d->month - 1)]) + " " + number(d->year);
    return number(d->year);
  }
  if (std::holds_alternative<Present>(point))
    return "present";
  return std::get<FreeTextDate>(point).text;
}

} // namespace

std::string format_dates(const Dates &dates) {
  if (dates.date)
    return format_point(*dates.date);
  if (!dates.start)
    return dates.end ? format_point(*dates.end) : std::string();
  const std::string start = format_point(*dates.start);
  const std::string end = dates.end ? format_point(*dates.end) : std::string("present");
  if (start == end)
    return start;
  return start + " \u2013 " + end;
}

} // namespace cvpress::detail::latex

#include "present/dates.hpp"

#include "base/source_date_epoch.hpp"
#include "text/locale_format.hpp"

#include <array>
#include <charconv>
#include <chrono>

namespace cvpress::detail {

namespace {

constexpr std::array<const char*, 12> k_months{"Jan",  "Feb", "Mar",  "Apr", "May", "June",
                                               "July", "Aug", "Sept", "Oct", "Nov", "Dec"};

std::string point(const DatePoint& p, const Locale& locale) {
  if (std::holds_alternative<Present>(p))
    return locale.present.value_or("present");
  if (const auto* f = std::get_if<FreeTextDate>(&p))
    return f->text;
  const auto& d = std::get<CalendarDate>(p);
  char year[12];
  auto [end, ec] = std::to_chars(year, year + sizeof year, d.year);
  (void)ec;
  std::string out;
  if (d.month >= 1 && d.month <= 12) {
    const auto m = static_cast<std::size_t>(d.month - 1);
    out = locale.month_abbreviations.size() == 12 ? locale.month_abbreviations[m]
          : locale.month_names.size() == 12       ? locale.month_names[m]
                                                  : k_months[m];
    out += ' ';
  }
  out.append(year, end);
  return out;
}

} // namespace

std::string format_dates(const Dates& dates, const Locale& locale) {
  // CLDR formats for every language ("Aug 2024", "2024年8月至今"); an English
  // CV with RenderCV overrides (month names, present, to) keeps RenderCV's
  // own forms: the overrides joined by a plain spaced separator.
  const std::string tag = resolve_language(locale.language);
  const bool english = tag.empty() || tag == "en" || tag.starts_with("en-");
  const bool overrides = locale.month_abbreviations.size() == 12 ||
                         locale.month_names.size() == 12 || locale.present || locale.to;
  if (!english || !overrides)
    return format_dates(dates, DateLocale(locale));
  if (dates.date)
    return point(*dates.date, locale);
  if (!dates.start && !dates.end)
    return {};
  const std::string sep = " " + locale.to.value_or("–") + " ";
  if (!dates.start)
    return point(*dates.end, locale);
  const std::string end =
      dates.end ? point(*dates.end, locale) : locale.present.value_or("present");
  const std::string start = point(*dates.start, locale);
  if (start == end)
    return start;
  return start + sep + end;
}

CalendarDate current_date(const Settings& settings) {
  if (settings.current_date)
    return *settings.current_date;
  std::chrono::sys_seconds now =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (const auto epoch = source_date_epoch_from_env())
    now = std::chrono::sys_seconds(std::chrono::seconds(*epoch));
  const std::chrono::year_month_day ymd(std::chrono::floor<std::chrono::days>(now));
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string format_time_span(const Dates& dates, const Locale& locale, const CalendarDate& today) {
  if (dates.date || !dates.start)
    return {};
  const auto* start = std::get_if<CalendarDate>(&*dates.start);
  if (!start)
    return {};
  CalendarDate end = today;
  if (dates.end) {
    if (const auto* e = std::get_if<CalendarDate>(&*dates.end))
      end = *e;
    else if (!std::holds_alternative<Present>(*dates.end))
      return {}; // free text
  }
  const Duration span = duration_between(*start, end);
  if (span.years <= 0 && span.months <= 0)
    return {};
  if (!locale.year && !locale.years && !locale.month && !locale.months)
    return format_duration(span, DateLocale(locale));
  // RenderCV's form with the CV's own words.
  auto part = [](int n, const std::optional<std::string>& one,
                 const std::optional<std::string>& many, const char* en_one, const char* en_many) {
    return std::to_string(n) + " " + (n == 1 ? one.value_or(en_one) : many.value_or(en_many));
  };
  std::string out;
  if (span.years > 0)
    out = part(span.years, locale.year, locale.years, "year", "years");
  if (span.months > 0)
    out += (out.empty() ? "" : " ") +
           part(span.months, locale.month, locale.months, "month", "months");
  return out;
}

} // namespace cvpress::detail

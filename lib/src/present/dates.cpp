#include "present/dates.hpp"

#include "base/source_date_epoch.hpp"
#include "text/locale_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

namespace cvpress::detail {

namespace {

constexpr std::array<const char*, 12> k_months{"Jan",  "Feb", "Mar",  "Apr", "May", "June",
                                               "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> k_month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string two_digits(int n) {
  std::string s = std::to_string(n % 100);
  return s.size() < 2 ? "0" + s : s;
}

// A point in time through RenderCV's single_date template; a year alone is
// written as the year, as RenderCV does.
std::string rendercv_point(const DatePoint& p, const Locale& locale, const RenderCvDateText& t) {
  if (std::holds_alternative<Present>(p))
    return locale.present.value_or("present");
  if (const auto* f = std::get_if<FreeTextDate>(&p))
    return f->text;
  const auto& d = std::get<CalendarDate>(p);
  if (d.month < 1 || d.month > 12)
    return std::to_string(d.year);
  return substitute_date_placeholders(t.single_date, d, locale);
}

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

std::string substitute_date_placeholders(std::string text, const CalendarDate& d,
                                         const Locale& locale) {
  const auto m = static_cast<std::size_t>(std::clamp(d.month, 1, 12) - 1);
  const std::string abbreviation =
      locale.month_abbreviations.size() == 12 ? locale.month_abbreviations[m] : k_months[m];
  const std::string name =
      locale.month_names.size() == 12 ? locale.month_names[m] : k_month_names[m];
  const int day = d.day > 0 ? d.day : 1; // YYYY-MM is the first of the month, as in RenderCV
  // Longer placeholders first: MONTH_NAME before MONTH.
  text = replace_all(std::move(text), "FULL_MONTH_NAME", name); // RenderCV 1.x
  text = replace_all(std::move(text), "MONTH_ABBREVIATION", abbreviation);
  text = replace_all(std::move(text), "MONTH_NAME", name);
  text = replace_all(std::move(text), "MONTH_IN_TWO_DIGITS", two_digits(m + 1));
  text = replace_all(std::move(text), "MONTH", std::to_string(m + 1));
  text = replace_all(std::move(text), "DAY_IN_TWO_DIGITS", two_digits(day));
  text = replace_all(std::move(text), "DAY", std::to_string(day));
  text = replace_all(std::move(text), "YEAR_IN_TWO_DIGITS", two_digits(d.year));
  return replace_all(std::move(text), "YEAR", std::to_string(d.year));
}

std::string format_dates(const Dates& dates, const Locale& locale,
                         const RenderCvDateText* rendercv) {
  // CLDR formats for every language ("Aug 2024", "2024年8月至今"); an English
  // CV with RenderCV overrides (month names, present, to) keeps RenderCV's
  // own forms: the overrides joined by a plain spaced separator.
  const std::string tag = resolve_language(locale.language);
  const bool english = tag.empty() || tag == "en" || tag.starts_with("en-");
  const bool overrides = locale.month_abbreviations.size() == 12 ||
                         locale.month_names.size() == 12 || locale.present || locale.to;
  if (rendercv && (english || overrides)) {
    const RenderCvDateText& t = *rendercv;
    if (dates.date)
      return rendercv_point(*dates.date, locale, t);
    if (!dates.start)
      return dates.end ? rendercv_point(*dates.end, locale, t) : std::string();
    const std::string start = rendercv_point(*dates.start, locale, t);
    const std::string end =
        dates.end ? rendercv_point(*dates.end, locale, t) : locale.present.value_or("present");
    if (start == end)
      return start;
    std::string range = t.date_range;
    if (locale.to) // RenderCV 1.x's word between the dates
      range = replace_all(std::move(range), " \u2013 ", " " + *locale.to + " ");
    range = replace_all(std::move(range), "START_DATE", start);
    return replace_all(std::move(range), "END_DATE", end);
  }
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

std::string format_time_span(const Dates& dates, const Locale& locale, const CalendarDate& today,
                             bool rendercv) {
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
  const std::string tag = resolve_language(locale.language);
  const bool english = tag.empty() || tag == "en" || tag.starts_with("en-");
  if (!locale.year && !locale.years && !locale.month && !locale.months && !(rendercv && english))
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

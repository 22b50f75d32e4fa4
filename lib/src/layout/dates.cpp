#include "layout/dates.hpp"

#include "text/locale_format.hpp"

#include <array>
#include <charconv>

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

} // namespace cvpress::detail

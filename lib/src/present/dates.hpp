#pragma once
// Date strings for the layout: RenderCV's English forms, CLDR (text/
// locale_format) for every other language.
#include <cvpress/model.hpp>

#include <string>

namespace cvpress::detail {

/// RenderCV's date templates (design.templates.single_date, date_range), for
/// a CV drawn with a RenderCV theme.
struct RenderCvDateText {
  std::string single_date = "MONTH_ABBREVIATION YEAR";   ///< MONTH_NAME, MONTH, DAY, YEAR, ...
  std::string date_range = "START_DATE \u2013 END_DATE"; ///< START_DATE, END_DATE
};

/// "Aug 2024", "2020 – 2023", "Aug 2024 – present", "Fall 2023"; "" for no date.
/// Formatted by CLDR for every language ("Sep 2013 – Jun 2017", "2024年8月至今"),
/// except English with RenderCV overrides (locale.present, locale.to, 12
/// month_abbreviations or month_names), which keeps RenderCV's forms. With
/// `rendercv` (a RenderCV theme), English and any CV with its own month names
/// follow RenderCV's templates: "Sept 2021", "May 2022 – Aug 2022".
std::string format_dates(const Dates& dates, const Locale& locale,
                         const RenderCvDateText* rendercv = nullptr);

/// RenderCV's date placeholders (MONTH_NAME, MONTH_ABBREVIATION, MONTH,
/// MONTH_IN_TWO_DIGITS, DAY, DAY_IN_TWO_DIGITS, YEAR, YEAR_IN_TWO_DIGITS)
/// of `date` substituted in `text`, months named as in format_dates().
std::string substitute_date_placeholders(std::string text, const CalendarDate& date,
                                         const Locale& locale);

/// The day open ranges end on: settings.current_date, else the UTC date of
/// SOURCE_DATE_EPOCH (reproducible builds), else today's UTC date.
CalendarDate current_date(const Settings& settings);

/// The time span of a range of calendar dates ("2 years 3 months"), counted
/// as duration_between() does, up to `today` for an open range (no end, or
/// `present`); "" for a single date, free text, or an end before the start.
/// Words: CLDR plural forms of the CV's language ("2 года 3 месяца"), or
/// RenderCV's locale.year/years/month/months when any is given
/// ("1 Jahr 2 Monate").
/// With `rendercv` (a RenderCV theme), an English CV gets RenderCV's words
/// without commas ("2 years 3 months").
std::string format_time_span(const Dates& dates, const Locale& locale, const CalendarDate& today,
                             bool rendercv = false);

} // namespace cvpress::detail

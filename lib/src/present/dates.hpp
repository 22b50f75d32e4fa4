#pragma once
// Date strings for the layout: RenderCV's English forms, CLDR (text/
// locale_format) for every other language.
#include <cvpress/model.hpp>

#include <string>

namespace cvpress::detail {

/// "Aug 2024", "2020 – 2023", "Aug 2024 – present", "Fall 2023"; "" for no date.
/// Formatted by CLDR for every language ("Sep 2013 – Jun 2017", "2024年8月至今"),
/// except English with RenderCV overrides (locale.present, locale.to, 12
/// month_abbreviations or month_names), which keeps RenderCV's forms.
std::string format_dates(const Dates& dates, const Locale& locale);

/// The day open ranges end on: settings.current_date, else the UTC date of
/// SOURCE_DATE_EPOCH (reproducible builds), else today's UTC date.
CalendarDate current_date(const Settings& settings);

/// The time span of a range of calendar dates ("2 years 3 months"), counted
/// as duration_between() does, up to `today` for an open range (no end, or
/// `present`); "" for a single date, free text, or an end before the start.
/// Words: CLDR plural forms of the CV's language ("2 года 3 месяца"), or
/// RenderCV's locale.year/years/month/months when any is given
/// ("1 Jahr 2 Monate").
std::string format_time_span(const Dates& dates, const Locale& locale, const CalendarDate& today);

} // namespace cvpress::detail

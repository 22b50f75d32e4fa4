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

} // namespace cvpress::detail

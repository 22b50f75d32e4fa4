#pragma once
// Date strings for the layout: RenderCV's English forms, CLDR (text/
// locale_format) for every other language.
#include <cvpress/model.hpp>

#include <string>

namespace cvpress::detail {

/// "Aug 2024", "2020 – 2023", "Aug 2024 – present", "Fall 2023"; "" for no date.
/// Honours locale.present, locale.to and 12 locale.month_abbreviations.
/// Non-English languages are formatted by CLDR: "2024年8月 – 至今".
std::string format_dates(const Dates& dates, const Locale& locale);

} // namespace cvpress::detail

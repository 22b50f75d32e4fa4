#pragma once
// Date strings for the layout. English only for now; the locale work
// replaces format_dates() with CLDR-based formatting.
#include <cvpress/model.hpp>

#include <string>

namespace cvpress::detail {

/// "Aug 2024", "2020 – 2023", "Aug 2024 – present", "Fall 2023"; "" for no date.
/// Honours locale.present, locale.to and 12 locale.month_abbreviations.
std::string format_dates(const Dates &dates, const Locale &locale);

} // namespace cvpress::detail

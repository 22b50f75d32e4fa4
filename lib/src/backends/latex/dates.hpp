#pragma once
// Date formatting for the LaTeX backend. English for now; the locale issue
// replaces this one function.
#include <cvpress/model.hpp>

#include <string>

namespace cvpress::detail::latex {

/// Formats an entry's dates as plain (unescaped) text: "Aug 2024",
/// "2020 – 2023", "Aug 2024 – present"; a start without an end is open.
/// Free-text dates are kept verbatim. Empty dates give "".
std::string format_dates(const Dates &dates);

} // namespace cvpress::detail::latex

#pragma once
// Value parsing shared by style files and a CV's RenderCV `design:` block:
// lengths, colours, page sizes and the text-area check.
#include "style/style.hpp"

#include <cvpress/diagnostics.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// The range a length must lie in.
enum class LengthKind {
  font_size, ///< 1-200pt
  page,      ///< 72-14400pt
  margin,    ///< 0-14400pt
  spacing,   ///< 0-14400pt
  offset,    ///< -14400-14400pt (RenderCV allows negative spaces)
};

/// "" when `v` (pt) lies in the range of `kind`, else the reason.
std::string length_range_error(double v, LengthKind kind);

/// "2cm", "20mm", "1in", "10pt", "1.4em" (x `em`), or a bare number of points.
std::optional<double> parse_length(std::string_view text, double em);

/// "#004f90", "004f90", "#04f", "rgb(0, 79, 144)", "hsl(270, 60%, 70%)" or a
/// colour name.
std::optional<std::uint32_t> parse_color(std::string_view text);

/// A page size by name ("a4", "us-letter", ...): width and height in pt.
std::optional<std::pair<double, double>> page_size(std::string_view name);

/// Throws InputError at `where` unless the margins leave room for the date
/// column and some text.
void check_geometry(const Style& s, const SourceLocation& where, const std::string& path);

/// "90%" or a bare fraction (0.9) as a fraction; nullopt when neither.
std::optional<double> parse_fraction(std::string_view text);

/// page.max_pages: sets `s.max_pages` from a whole number of pages (1 or
/// more); returns the reason when the text is not one, else "".
std::string set_max_pages(std::string_view text, Style& s);

/// page.fit_floor: sets `s.fit_floor` from a percentage (50%-100%); returns
/// the reason when the text is not one, else "".
std::string set_fit_floor(std::string_view text, Style& s);

/// `s` in lower case (ASCII).
std::string ascii_lower(std::string_view s);

} // namespace cvpress::detail

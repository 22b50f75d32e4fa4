#pragma once
// The whitelist for inline math ($...$) passed to LaTeX as math.
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail::latex {

/// Checks a math span against the whitelist: ASCII letters, digits and
/// inert punctuation; ^ and _ (one of each per atom); balanced braces;
/// Greek letters, common operators, relations and arrows; \frac, \sqrt,
/// accents, math alphabets (\mathrm, \mathbf, ...) and \text{...} (whose
/// argument is text: any letters, no math commands). Returns nullopt when
/// the span is safe to emit as `$tex$`, otherwise the reason, e.g.
/// "\input is not an allowed math command".
std::optional<std::string> check_math(std::string_view tex);

} // namespace cvpress::detail::latex

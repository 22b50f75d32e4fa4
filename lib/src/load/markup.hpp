#pragma once
// Inline markup (Markdown subset, parsed with md4c) -> RichText.
#include <cvpress/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// Parses one text field's inline markup: **bold**, *italic*, [text](url),
/// `code`, $math$. Block syntax is not interpreted (a leading "- " or "# "
/// stays literal text). Input must be valid UTF-8; output text is NFC.
/// Problems (e.g. an unsupported math command) are appended to `warnings`
/// as messages without location.
RichText parse_markup(std::string_view text, const SourceLocation& where,
                      std::vector<std::string>* warnings = nullptr);

/// Best Unicode rendering of a TeX math span (Greek letters, \times, \circ,
/// \pm, \leq, ..., ^ and _ with Unicode super/subscripts where they exist).
/// Unknown commands are kept as written, and reported in `unknown`.
std::string math_to_unicode(std::string_view tex, std::vector<std::string>* unknown = nullptr);

} // namespace cvpress::detail

#pragma once
// The LaTeX backend's security boundary: every CV string reaches the .tex
// file through escape_text() (ordinary text) or escape_url() (the URL
// argument of \href). Nothing a CV contains can form a TeX command.
#include "text/links.hpp"
#include "text/unicode.hpp"

#include <string>
#include <string_view>

namespace cvpress::detail::latex {

/// Escapes text for LaTeX text mode so that it prints literally: TeX
/// specials become commands (`\` -> `\textbackslash{}`, `{` -> `\{`, ...),
/// TeX ligature inputs are broken up (`--` -> `-{}-`, `'` ->
/// `\textquotesingle{}`), U+00A0 becomes `~`, U+00AD becomes `\-`, line
/// breaks and tabs become spaces, other control characters are dropped and
/// U+FFFD and invalid UTF-8 become `\symbol{65533}` (LuaLaTeX rejects a
/// literal U+FFFD).
std::string escape_text(std::string_view text);

/// Escapes a URL for the first argument of hyperref's \href: bytes outside
/// the URL character set are percent-encoded (UTF-8), and `#`, `%`, `&`,
/// `_`, `~` are written as `\#`, `\%`, `\&`, `\_`, `\~`, which hyperref
/// turns back into the characters, even inside other macros' arguments.
std::string escape_url(std::string_view url);

/// A link target that only opens web, mail or phone links: detail::link_target()
/// (the allow-list shared with the PDF backend); "" means "draw as plain
/// text". Not escaped; pass the result to escape_url().
std::string safe_link_target(std::string_view url);

/// Keeps printable ASCII and replaces everything else with '?': for text in
/// TeX comments.
std::string comment_safe(std::string_view text);

} // namespace cvpress::detail::latex

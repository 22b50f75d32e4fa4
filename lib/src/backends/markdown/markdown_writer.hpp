#pragma once
// The Markdown writer (backends/markdown): CommonMark shaped like RenderCV's
// Markdown output — "# Name", the contacts as a list, "# Section", "## Entry"
// with its dates, rows, summary and highlights as paragraphs and lists.
#include "style/style.hpp"

#include <cvpress/model.hpp>

#include <string>
#include <string_view>

namespace cvpress::detail::markdown {

/// `text` as literal CommonMark inline text: \ ` * _ [ ] < > | ~ are
/// backslash-escaped, '&' when it could start a character reference,
/// line breaks and controls become spaces.
[[nodiscard]] std::string escape(std::string_view text);

/// A paragraph that cannot be read as another block: a leading '#', '-',
/// '+', '=' or "12." / "12)" is escaped.
[[nodiscard]] std::string paragraph(std::string text);

/// The whole Markdown file for `cv`.
[[nodiscard]] std::string make_document(const Cv& cv, const Style& style);

} // namespace cvpress::detail::markdown

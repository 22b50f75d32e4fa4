#pragma once
// The HTML writer: one self-contained, semantic HTML5 file (backends/html).
#include "resources/photo.hpp"
#include "style/style.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail::html {

/// `text` safe in HTML text and quoted attribute values: escape_xml()
/// (text/xml_escape.hpp).
[[nodiscard]] std::string escape(std::string_view text);

/// `text` for a double-quoted CSS string inside a <style> element: quotes,
/// backslashes, angle brackets, ampersands and controls dropped.
[[nodiscard]] std::string escape_css_string(std::string_view text);

/// A CSS font-family list for `fonts` (each family quoted, characters that
/// could end the string or the style element dropped) ending in `generic`.
[[nodiscard]] std::string css_font_list(const FontChainSpec& fonts, std::string_view generic);

/// The whole HTML file for `cv` in `style`. `photo`, when given, is embedded
/// as a data: URI. Problems are appended to `warnings`.
[[nodiscard]] std::string make_document(const Cv& cv, const Style& style,
                                        const std::optional<Photo>& photo,
                                        std::vector<Diagnostic>& warnings);

} // namespace cvpress::detail::html

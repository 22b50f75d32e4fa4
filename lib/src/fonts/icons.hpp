#pragma once
// Header icons (RenderCV's connection icons): Font Awesome names, their code
// points in Debian's fonts-font-awesome (Font Awesome 4.7) and the face.
#include "fonts/font_set.hpp"

#include <span>
#include <string_view>

namespace cvpress::detail {

/// Font family of the icons (fontconfig name of fonts-font-awesome's font).
inline constexpr std::string_view kIconFamily = "FontAwesome";

/// The Font Awesome 4.7 code point of icon `name`: a 4.7 name or alias
/// ("map-marker", "envelope"), or a Font Awesome 5/6 name 4.7 has under
/// another name ("location-dot", "calendar-days"). A leading "fa-" is
/// ignored. 0 when unknown.
char32_t icon_code_point(std::string_view name);

/// Every name icon_code_point() knows, sorted (for "did you mean").
std::span<const std::string_view> icon_names();

/// RenderCV's icon name for a connection kind ("location", "email",
/// "phone", "website") or social network ("GitHub", "Google Scholar"); ""
/// when it has none.
std::string_view connection_icon_name(std::string_view kind);

/// The icon face, nullptr when the font is not installed.
const FontFace* icon_face();

/// The face and code point to draw icon `name` with, when the installed
/// font has its glyph; nullptr/0 otherwise.
struct IconGlyph {
  const FontFace* face = nullptr; ///< the icon face
  char32_t cp = 0;                ///< its code point in the face
};
/// The glyph of icon `name` (see IconGlyph); an empty IconGlyph when the
/// name is unknown or the face lacks it.
IconGlyph icon_glyph(std::string_view name);

} // namespace cvpress::detail

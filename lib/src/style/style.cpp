#include "style/style.hpp"

namespace cvpress::detail {

Style default_style() {
  Style s;
  // Sans body with per-script fallbacks available from Debian's font packages.
  s.body_fonts.families = {"Noto Sans",          "DejaVu Sans",          "Noto Sans Arabic",
                           "Noto Sans Hebrew",   "WenQuanYi Micro Hei",  "Noto Sans Symbols",
                           "Noto Sans Symbols2", "DejaVu Sans Mono"};
  s.heading_fonts = s.body_fonts;
  return s;
}

} // namespace cvpress::detail

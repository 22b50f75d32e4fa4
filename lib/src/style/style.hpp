#pragma once
// The resolved look of a CV, shared by every backend. For now built in code
// (default_style()); the styles issue turns this into data files in styles/.
// Lengths are in PDF points (1/72 in); colours are 0xRRGGBB.
#include "text/names.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// A font role's family fallback chain, first family preferred. Every
/// character is drawn from the first family that has a glyph for it.
struct FontChainSpec {
  std::vector<std::string> families; ///< e.g. {"Noto Sans", "DejaVu Sans", "WenQuanYi Micro Hei"}
};

/// How section headings look.
enum class HeadingLook {
  rule_below,   ///< a full-width rule under the title
  partial_rule, ///< the title followed by a rule filling the rest of the line
  underline,    ///< the title underlined (only under its text)
  small_caps,   ///< small capitals with a full-width rule under them
  bar,          ///< a coloured bar before the title (moderncv)
  plain,        ///< the title alone
};

/// Which side of the page a column or photo is on.
enum class Side { left, right };

/// Everything a backend needs to draw a CV.
struct Style {
  std::string name = "classic";           ///< style name
  std::string description;                ///< one line for `cvpress styles`
  double page_width = 595.276;            ///< A4 by default
  double page_height = 841.89;            ///< A4 by default
  double margin_top = 56.69;              ///< 2 cm
  double margin_bottom = 56.69;           ///< 2 cm
  double margin_left = 56.69;             ///< 2 cm
  double margin_right = 56.69;            ///< 2 cm
  FontChainSpec body_fonts;               ///< body text
  FontChainSpec heading_fonts;            ///< section headings
  FontChainSpec name_fonts;               ///< the name in the header
  double body_size = 10;                  ///< body font size
  double name_size = 24;                  ///< name in the header
  double headline_size = 11;              ///< headline under the name
  double heading_size = 13;               ///< section headings
  double line_spacing = 1.25;             ///< line height as a multiple of the font size
  std::uint32_t primary_color = 0x004F90; ///< name, headings, links
  std::uint32_t text_color = 0x000000;    ///< body text
  HeadingLook heading_look = HeadingLook::rule_below; ///< section heading decoration
  bool header_centered = true;                        ///< name and contact line centred
  Side photo_side = Side::right;                      ///< where the photo goes in the header
  NameStyle name_order = NameStyle::automatic;        ///< Latin/native order of the header name
  std::string contact_separator = " | ";              ///< between contact items
  double date_column_width = 100;                     ///< column for dates and locations (LaTeX)
  /// The PDF's date column is as wide as the widest text it holds in a
  /// section, at least this (points) ...
  double date_column_min = 0;
  /// ... and at most this (0: 40% of the text width); wider text wraps.
  double date_column_max = 0;
  Side date_column_side = Side::right; ///< side of the date/location column
  /// Sections (keys or titles, compared in snake_case) whose date ranges also
  /// show their time span ("2 years 3 months"): RenderCV's show_time_spans_in.
  std::vector<std::string> show_time_spans_in;
  std::string bullet = "•";        ///< highlight bullet glyph
  std::string nested_bullet = "–"; ///< nested highlight bullet
  double entry_spacing = 6;        ///< vertical space between entries
  double entry_stretch = 0;        ///< how far entry_spacing may grow to fill a page
  double entry_shrink = 0;         ///< how far entry_spacing may shrink to save a page
  double section_spacing = 10;     ///< vertical space before a section heading
  double section_stretch = 0;      ///< how far section_spacing may grow
  double section_shrink = 0;       ///< how far section_spacing may shrink
  /// Vertical space between the entries of a section whose entries are all
  /// one line (awards, services, interests): they keep the body leading.
  double item_spacing = 0;
  double item_stretch = 0; ///< how far item_spacing may grow
  double item_shrink = 0;  ///< how far item_spacing may shrink
  /// An entry is split across pages only when it is taller than this
  /// fraction of the text area (then with at least two lines on each side).
  double split_fraction = 0.35;
  int max_pages = 0;                ///< fit the CV to this many pages (0: no limit)
  double fit_floor = 0.9;           ///< fitting scales type and leading down to this factor at most
  SourceLocation max_pages_where{}; ///< where max_pages was set (for the warning)
  std::string max_pages_path = "max_pages"; ///< its field path ("design.page.max_pages")
  bool justify = false;                     ///< justified (true) or ragged-right text
  std::string footer = "{name} – page {page} of {pages}"; ///< footer template; "" for none
};

/// True when `section` (its key or its title, in snake_case: "Work
/// Experience" = "work_experience") is listed in style.show_time_spans_in.
bool shows_time_spans(const Style& style, std::string_view section_key,
                      std::string_view section_title);

/// The built-in default style ("classic").
const Style& default_style();

} // namespace cvpress::detail

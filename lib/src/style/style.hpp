#pragma once
// The resolved look of a CV, shared by every backend. For now built in code
// (default_style()); the styles issue turns this into data files in styles/.
// Lengths are in PDF points (1/72 in); colours are 0xRRGGBB.
#include "text/names.hpp"

#include <cstdint>
#include <optional>
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

/// Horizontal alignment of a block (RenderCV's `left`/`center`/`right`).
enum class BlockAlign { left, center, right };

/// How phone numbers are written (RenderCV's phone_number_format).
enum class PhoneFormat {
  as_written,    ///< as in the CV (cvpress's own styles)
  national,      ///< "(555) 123-4567"
  international, ///< "+1 555-123-4567"
  e164,          ///< "+15551234567"
};

/// The column templates of one RenderCV entry type, with RenderCV's
/// placeholders (`**COMPANY**, POSITION`, `LOCATION\nDATE`, ...).
struct EntryTemplates {
  std::string entry_type;                   ///< "education_entry", "one_line_entry", ...
  std::string main_column;                  ///< main column (or a one-line entry's template)
  std::optional<std::string> degree_column; ///< education: degree column; nullopt = none
  std::string date_and_location_column;     ///< right-hand column
  friend bool operator==(const EntryTemplates&, const EntryTemplates&) = default;
};

/// RenderCV `design:` values that have no older cvpress counterpart. They
/// are read and checked so a RenderCV file loads without warnings; which of
/// them layout draws yet is listed in docs/styles.md ("drawn" column).
struct RenderCvLook {
  bool show_top_note = false;                    ///< page.show_top_note
  std::uint32_t name_color = 0x004F90;           ///< colors.name
  std::uint32_t headline_color = 0x004F90;       ///< colors.headline
  std::uint32_t connections_color = 0x004F90;    ///< colors.connections
  std::uint32_t section_titles_color = 0x004F90; ///< colors.section_titles
  std::uint32_t links_color = 0x004F90;          ///< colors.links
  std::uint32_t footer_color = 0x808080;         ///< colors.footer
  std::uint32_t top_note_color = 0x808080;       ///< colors.top_note
  bool hyphenate = true;                         ///< typography.alignment != ...-no-hyphenation
  BlockAlign date_column_align =
      BlockAlign::right;                        ///< typography.date_and_location_column_alignment
  FontChainSpec headline_fonts;                 ///< typography.font_family.headline
  FontChainSpec connections_fonts;              ///< typography.font_family.connections
  double connections_size = 10;                 ///< typography.font_size.connections
  bool small_caps_name = false;                 ///< typography.small_caps.name
  bool small_caps_headline = false;             ///< typography.small_caps.headline
  bool small_caps_connections = false;          ///< typography.small_caps.connections
  bool small_caps_section_titles = false;       ///< typography.small_caps.section_titles
  bool bold_name = true;                        ///< typography.bold.name
  bool bold_headline = false;                   ///< typography.bold.headline
  bool bold_connections = false;                ///< typography.bold.connections
  bool bold_section_titles = true;              ///< typography.bold.section_titles
  bool underline_links = false;                 ///< links.underline
  bool external_link_icon = false;              ///< links.show_external_link_icon
  BlockAlign header_align = BlockAlign::center; ///< header.alignment (right kept here)
  double photo_width = 99.21;                   ///< header.photo_width (3.5cm)
  double photo_space_left = 11.34;              ///< header.photo_space_left (0.4cm)
  double photo_space_right = 11.34;             ///< header.photo_space_right (0.4cm)
  double space_below_name = 19.84;              ///< header.space_below_name (0.7cm)
  double space_below_headline = 19.84;          ///< header.space_below_headline
  double space_below_connections = 19.84;       ///< header.space_below_connections
  bool connections_hyperlink = true;            ///< header.connections.hyperlink
  bool show_icons = false;                      ///< header.connections.show_icons; header.icons
  bool display_urls = false;                    ///< ...display_urls_instead_of_usernames
  double space_between_connections = 14.17;     ///< ...space_between_connections (0.5cm)
  bool heading_centered = false;                ///< section_titles.type centered_*
  bool heading_rule_centered = false;           ///< centered_with_centered_partial_line
  double heading_line_thickness = 0.5;          ///< section_titles.line_thickness
  double heading_space_below = 8.5;             ///< section_titles.space_below (0.3cm)
  bool section_page_break = true;               ///< sections.allow_page_break
  double text_entry_spacing = 3;                ///< ...space_between_text_based_entries
  double entry_side_space = 5.67;               ///< entries.side_space (0.2cm)
  double column_gap = 2.83;                     ///< entries.space_between_columns (0.1cm)
  bool entry_page_break = false;                ///< entries.allow_page_break
  bool short_second_row = true;                 ///< entries.short_second_row
  double degree_width = 28.35;                  ///< entries.degree_width (1cm)
  double summary_space_above = 0;               ///< entries.summary.space_above
  double summary_space_left = 0;                ///< entries.summary.space_left
  double highlights_space_left = 4.25;          ///< entries.highlights.space_left
  double highlights_space_above = 0;            ///< entries.highlights.space_above
  double highlights_space_between = 0;          ///< ...space_between_items
  double bullet_text_gap = 5;                   ///< ...space_between_bullet_and_text (0.5em)
  std::string footer_template;                  ///< templates.footer as written ("" = not given)
  std::string top_note = "*LAST_UPDATED CURRENT_DATE*";                  ///< templates.top_note
  std::string single_date = "MONTH_ABBREVIATION YEAR";                   ///< templates.single_date
  std::string date_range = "START_DATE \u2013 END_DATE";                 ///< templates.date_range
  std::string time_span = "HOW_MANY_YEARS YEARS HOW_MANY_MONTHS MONTHS"; ///< templates.time_span
  std::vector<EntryTemplates> entry_templates; ///< templates.*_entry / entry_types.* as given
};

/// Everything a backend needs to draw a CV.
struct Style {
  std::string name = "cvpress";           ///< style name
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
  PhoneFormat phone_format = PhoneFormat::as_written; ///< header.connections.phone_number_format
  /// RenderCV's English date text ("Sept 2021", "May 2022 – Aug 2022")
  /// instead of CLDR's: set when the CV names a RenderCV theme (design.theme)
  /// and no cvpress style is chosen with --style.
  bool rendercv_dates = false;
  RenderCvLook rendercv; ///< the rest of RenderCV's design model
};

/// True when `section` (its key or its title, in snake_case: "Work
/// Experience" = "work_experience") is listed in style.show_time_spans_in.
bool shows_time_spans(const Style& style, std::string_view section_key,
                      std::string_view section_title);

/// The built-in default style ("cvpress"), for a CV naming no style or theme.
const Style& default_style();

} // namespace cvpress::detail

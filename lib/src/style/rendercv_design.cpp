// RenderCV's `design:` block (its 2.x schema and the older 1.x spellings)
// read onto a Style: one table of keys, each with its value type and the
// style field it sets. Unknown keys are warnings with a did-you-mean; a bad
// value (a length without a unit, `type: bogus`) is a located error.
#include "load/node_reader.hpp"
#include "style/style_loader.hpp"
#include "style/style_values.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace cvpress::detail {

namespace {

// The nine RenderCV themes and the built-in style of each (its
// header.connections.show_icons default is in the style's design block).
struct ThemeMap {
  std::string_view theme, style;
};
// Each RenderCV theme is a built-in style of its name (styles/NAME.yaml).
constexpr ThemeMap kThemes[] = {{"classic", "classic"},
                                {"ember", "ember"},
                                {"engineeringclassic", "engineeringclassic"},
                                {"engineeringresumes", "engineeringresumes"},
                                {"harvard", "harvard"},
                                {"ink", "ink"},
                                {"moderncv", "moderncv"},
                                {"opal", "opal"},
                                {"sb2nov", "sb2nov"},
                                // Our own style names work as themes too.
                                {"banking", "banking"},
                                {"cvpress", "cvpress"},
                                {"dense", "dense"},
                                {"serif", "serif"}};
constexpr std::string_view kRenderCvThemes[] = {
    "classic", "ember", "engineeringclassic", "engineeringresumes", "harvard", "ink", "moderncv",
    "opal",    "sb2nov"};

// ------------------------------------------------------------ the key table

// What a design key holds.
enum class T {
  group,         // a map of keys
  font_group,    // a font name for every element, or a map per element
  length,        // spacing, may be negative (RenderCV allows it)
  margin,        // 0 or more
  font_size,     // 1-200pt
  line_spacing,  // RenderCV leading, turned into a line-height factor
  color,         // a colour
  flag,          // true/false
  text,          // any string
  template_text, // a template string, or null (no column)
  choice,        // one of `choices`
  list,          // a list of strings
  max_pages,     // cvpress: a whole number of pages, 1 or more
  fit_floor,     // cvpress: a percentage, 50%-100%
};

// A value read from the block, handed to a setter.
struct Val {
  double length = 0;
  std::uint32_t color = 0;
  bool flag = false;
  bool null = false;
  std::string text;
  std::vector<std::string> list;
};
using Setter = void (*)(Style&, const Val&);

struct Key {
  std::string_view name;
  T type;
  Setter set = nullptr;
  std::span<const Key> children = {};
  std::span<const std::string_view> choices = {};
};

void first_font(FontChainSpec& chain, const std::string& family) {
  auto& f = chain.families;
  f.erase(std::remove(f.begin(), f.end(), family), f.end());
  f.insert(f.begin(), family);
}

BlockAlign block_align(std::string_view v) {
  return v == "left" ? BlockAlign::left : v == "right" ? BlockAlign::right : BlockAlign::center;
}

// "*NAME -- PAGE_NUMBER/TOTAL_PAGES*" as a cvpress footer ("{name} – {page}/{pages}"):
// the placeholders layout fills, Typst's "--" as an en dash, emphasis marks dropped.
std::string footer_from_template(std::string t) {
  auto replace = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = t.find(from); at != std::string::npos; at = t.find(from, at + to.size()))
      t.replace(at, from.size(), to);
  };
  std::erase(t, '*');
  replace("---", "\u2014");
  replace("--", "\u2013");
  replace("PAGE_NUMBER", "{page}");
  replace("TOTAL_PAGES", "{pages}");
  replace("NAME", "{name}");
  return t;
}

EntryTemplates& templates_of(Style& s, std::string_view type) {
  auto& list = s.rendercv.entry_templates;
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const EntryTemplates& e) { return e.entry_type == type; });
  if (it != list.end())
    return *it;
  list.push_back(EntryTemplates{std::string(type), {}, {}, {}});
  return list.back();
}

constexpr std::string_view kEntryTypes[] = {"one_line_entry", "education_entry", "normal_entry",
                                            "experience_entry", "publication_entry"};

// Setters for the templates of entry type I: 2.x columns and 1.x row templates.
template <int I> void set_main(Style& s, const Val& v) {
  templates_of(s, kEntryTypes[I]).main_column = v.text;
}
// 1.x rows replace the first line, or the lines after it, of the main
// column (the theme's 2.x default or the other row).
template <int I> void set_first_row(Style& s, const Val& v) {
  auto& t = templates_of(s, kEntryTypes[I]).main_column;
  const std::size_t nl = t.find('\n');
  t = v.text + (nl == std::string::npos ? "" : t.substr(nl));
}
template <int I> void set_second_row(Style& s, const Val& v) {
  auto& t = templates_of(s, kEntryTypes[I]).main_column;
  t = t.substr(0, t.find('\n')) + "\n" + v.text;
}
template <int I> void set_date_column(Style& s, const Val& v) {
  templates_of(s, kEntryTypes[I]).date_and_location_column = v.text;
}
void set_degree_column(Style& s, const Val& v) {
  auto& t = templates_of(s, "education_entry").degree_column;
  if (v.null)
    t.reset();
  else
    t = v.text;
}
void set_degree_width(Style& s, const Val& v) { s.rendercv.degree_width = v.length; }
void set_none(Style&, const Val&) {} // read and checked, nothing to keep (1.x variants)

constexpr std::string_view kPageSizeNames[] = {"a4", "a5", "us-letter", "us-executive",
                                               // RenderCV 1.x
                                               "a0", "a1", "a2", "a3", "a6", "a7", "a8", "us-legal",
                                               "letter"};
constexpr std::string_view kBodyAlign[] = {"left", "justified", "justified-with-no-hyphenation"};
constexpr std::string_view kAlign[] = {"left", "center", "right"};
constexpr std::string_view kSides[] = {"left", "right"};
constexpr std::string_view kPhoneFormats[] = {"national", "international", "E164"};
constexpr std::string_view kSectionTitleTypes[] = {
    "with_partial_line", "with_full_line", "without_line", "moderncv", "centered_without_line",
    "centered_with_partial_line", "centered_with_centered_partial_line", "centered_with_full_line",
    // RenderCV 1.x spellings (its own typo included)
    "with-partial-line", "with-parial-line", "with-full-line", "without-line"};
constexpr std::string_view kBullets[] = {"●", "•", "◦", "-", "◆", "★", "■", "—", "○"};

// ---- page
constexpr Key kPage[] = {
    {"size",
     T::choice,
     [](Style& s, const Val& v) {
       auto wh = page_size(v.text);
       s.page_width = wh->first;
       s.page_height = wh->second;
     },
     {},
     kPageSizeNames},
    {"top_margin", T::margin, [](Style& s, const Val& v) { s.margin_top = v.length; }},
    {"bottom_margin", T::margin, [](Style& s, const Val& v) { s.margin_bottom = v.length; }},
    {"left_margin", T::margin, [](Style& s, const Val& v) { s.margin_left = v.length; }},
    {"right_margin", T::margin, [](Style& s, const Val& v) { s.margin_right = v.length; }},
    {"show_footer", T::flag,
     [](Style& s, const Val& v) {
       if (!v.flag)
         s.footer.clear();
     }},
    {"show_top_note", T::flag, [](Style& s, const Val& v) { s.rendercv.show_top_note = v.flag; }},
    // cvpress: fit the CV to this many pages; the smallest type scale fitting may use
    {"max_pages", T::max_pages},
    {"fit_floor", T::fit_floor},
    // 1.x
    {"show_page_numbering", T::flag,
     [](Style& s, const Val& v) {
       if (!v.flag)
         s.footer.clear();
     }},
    {"show_last_updated_date", T::flag,
     [](Style& s, const Val& v) { s.rendercv.show_top_note = v.flag; }},
};

// ---- colors: cvpress draws one accent colour (primary) and the text colour;
// name, connections, section_titles and links each set the accent (the last
// one given wins, as before 2.x) and keep their own slot.
constexpr Key kColors[] = {
    {"body", T::color, [](Style& s, const Val& v) { s.text_color = v.color; }},
    {"name", T::color,
     [](Style& s, const Val& v) { s.primary_color = s.rendercv.name_color = v.color; }},
    {"headline", T::color, [](Style& s, const Val& v) { s.rendercv.headline_color = v.color; }},
    {"connections", T::color,
     [](Style& s, const Val& v) { s.primary_color = s.rendercv.connections_color = v.color; }},
    {"section_titles", T::color,
     [](Style& s, const Val& v) { s.primary_color = s.rendercv.section_titles_color = v.color; }},
    {"links", T::color,
     [](Style& s, const Val& v) { s.primary_color = s.rendercv.links_color = v.color; }},
    {"footer", T::color, [](Style& s, const Val& v) { s.rendercv.footer_color = v.color; }},
    {"top_note", T::color, [](Style& s, const Val& v) { s.rendercv.top_note_color = v.color; }},
    // 1.x
    {"text", T::color, [](Style& s, const Val& v) { s.text_color = v.color; }},
    {"last_updated_date_and_page_numbering", T::color,
     [](Style& s, const Val& v) { s.rendercv.footer_color = s.rendercv.top_note_color = v.color; }},
};

// ---- typography
constexpr Key kFontFamily[] = {
    {"body", T::text, [](Style& s, const Val& v) { first_font(s.body_fonts, v.text); }},
    {"name", T::text, [](Style& s, const Val& v) { first_font(s.name_fonts, v.text); }},
    {"headline", T::text,
     [](Style& s, const Val& v) { first_font(s.rendercv.headline_fonts, v.text); }},
    {"connections", T::text,
     [](Style& s, const Val& v) { first_font(s.rendercv.connections_fonts, v.text); }},
    {"section_titles", T::text,
     [](Style& s, const Val& v) { first_font(s.heading_fonts, v.text); }},
};
constexpr Key kFontSize[] = {
    {"body", T::font_size, [](Style& s, const Val& v) { s.body_size = v.length; }},
    {"name", T::font_size, [](Style& s, const Val& v) { s.name_size = v.length; }},
    {"headline", T::font_size, [](Style& s, const Val& v) { s.headline_size = v.length; }},
    {"connections", T::font_size,
     [](Style& s, const Val& v) { s.rendercv.connections_size = v.length; }},
    {"section_titles", T::font_size, [](Style& s, const Val& v) { s.heading_size = v.length; }},
};
constexpr Key kSmallCaps[] = {
    {"name", T::flag, [](Style& s, const Val& v) { s.rendercv.small_caps_name = v.flag; }},
    {"headline", T::flag, [](Style& s, const Val& v) { s.rendercv.small_caps_headline = v.flag; }},
    {"connections", T::flag,
     [](Style& s, const Val& v) { s.rendercv.small_caps_connections = v.flag; }},
    {"section_titles", T::flag,
     [](Style& s, const Val& v) { s.rendercv.small_caps_section_titles = v.flag; }},
};
constexpr Key kBold[] = {
    {"name", T::flag, [](Style& s, const Val& v) { s.rendercv.bold_name = v.flag; }},
    {"headline", T::flag, [](Style& s, const Val& v) { s.rendercv.bold_headline = v.flag; }},
    {"connections", T::flag, [](Style& s, const Val& v) { s.rendercv.bold_connections = v.flag; }},
    {"section_titles", T::flag,
     [](Style& s, const Val& v) { s.rendercv.bold_section_titles = v.flag; }},
};
void set_body_alignment(Style& s, const Val& v) {
  s.justify = v.text.starts_with("justified");
  s.rendercv.hyphenate = v.text != "justified-with-no-hyphenation";
}
void set_date_alignment(Style& s, const Val& v) {
  s.rendercv.date_column_align = block_align(v.text);
}
void set_all_fonts(Style& s, const Val& v) {
  for (auto* chain : {&s.body_fonts, &s.name_fonts, &s.heading_fonts, &s.rendercv.headline_fonts,
                      &s.rendercv.connections_fonts})
    first_font(*chain, v.text);
}
constexpr Key kTypography[] = {
    {"line_spacing", T::line_spacing, nullptr},
    {"alignment", T::choice, set_body_alignment, {}, kBodyAlign},
    {"date_and_location_column_alignment", T::choice, set_date_alignment, {}, kAlign},
    {"font_family", T::font_group, set_all_fonts, kFontFamily},
    {"font_size", T::group, nullptr, kFontSize},
    {"small_caps", T::group, nullptr, kSmallCaps},
    {"bold", T::group, nullptr, kBold},
};
// 1.x `text:`
constexpr Key kText[] = {
    {"font_family", T::text, set_all_fonts},
    {"font_size", T::font_size, [](Style& s, const Val& v) { s.body_size = v.length; }},
    {"leading", T::line_spacing, nullptr},
    {"alignment", T::choice, set_body_alignment, {}, kBodyAlign},
    {"date_and_location_column_alignment", T::choice, set_date_alignment, {}, kAlign},
};

// ---- links
constexpr Key kLinks[] = {
    {"underline", T::flag, [](Style& s, const Val& v) { s.rendercv.underline_links = v.flag; }},
    {"show_external_link_icon", T::flag,
     [](Style& s, const Val& v) { s.rendercv.external_link_icon = v.flag; }},
    // 1.x
    {"use_external_link_icon", T::flag,
     [](Style& s, const Val& v) { s.rendercv.external_link_icon = v.flag; }},
};

// ---- header
void set_separator(Style& s, const Val& v) {
  s.contact_separator = v.text.empty() ? "   " : " " + v.text + " ";
}
constexpr Key kConnections[] = {
    {"phone_number_format",
     T::choice,
     [](Style& s, const Val& v) {
       s.phone_format = v.text == "national"        ? PhoneFormat::national
                        : v.text == "international" ? PhoneFormat::international
                                                    : PhoneFormat::e164;
     },
     {},
     kPhoneFormats},
    {"hyperlink", T::flag,
     [](Style& s, const Val& v) { s.rendercv.connections_hyperlink = v.flag; }},
    {"show_icons", T::flag, [](Style& s, const Val& v) { s.rendercv.show_icons = v.flag; }},
    {"display_urls_instead_of_usernames", T::flag,
     [](Style& s, const Val& v) { s.rendercv.display_urls = v.flag; }},
    {"separator", T::text, set_separator},
    {"space_between_connections", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_between_connections = v.length; }},
};
void set_header_alignment(Style& s, const Val& v) {
  s.rendercv.header_align = block_align(v.text);
  s.header_centered = v.text == "center";
}
constexpr Key kHeader[] = {
    {"alignment", T::choice, set_header_alignment, {}, kAlign},
    {"photo_width", T::margin, [](Style& s, const Val& v) { s.rendercv.photo_width = v.length; }},
    {"photo_position",
     T::choice,
     [](Style& s, const Val& v) { s.photo_side = v.text == "left" ? Side::left : Side::right; },
     {},
     kSides},
    {"photo_space_left", T::length,
     [](Style& s, const Val& v) { s.rendercv.photo_space_left = v.length; }},
    {"photo_space_right", T::length,
     [](Style& s, const Val& v) { s.rendercv.photo_space_right = v.length; }},
    {"space_below_name", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_below_name = v.length; }},
    {"space_below_headline", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_below_headline = v.length; }},
    {"space_below_connections", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_below_connections = v.length; }},
    {"connections", T::group, nullptr, kConnections},
    // 1.x
    {"name_font_family", T::text, [](Style& s, const Val& v) { first_font(s.name_fonts, v.text); }},
    {"name_font_size", T::font_size, [](Style& s, const Val& v) { s.name_size = v.length; }},
    {"name_bold", T::flag, [](Style& s, const Val& v) { s.rendercv.bold_name = v.flag; }},
    {"small_caps_for_name", T::flag,
     [](Style& s, const Val& v) { s.rendercv.small_caps_name = v.flag; }},
    {"vertical_space_between_name_and_connections", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_below_name = v.length; }},
    {"vertical_space_between_connections_and_first_section", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_below_connections = v.length; }},
    {"horizontal_space_between_connections", T::length,
     [](Style& s, const Val& v) { s.rendercv.space_between_connections = v.length; }},
    {"connections_font_family", T::text,
     [](Style& s, const Val& v) { first_font(s.rendercv.connections_fonts, v.text); }},
    {"separator_between_connections", T::text, set_separator},
    {"use_icons_for_connections", T::flag,
     [](Style& s, const Val& v) { s.rendercv.show_icons = v.flag; }},
    {"use_urls_as_placeholders_for_connections", T::flag,
     [](Style& s, const Val& v) { s.rendercv.display_urls = v.flag; }},
    {"make_connections_links", T::flag,
     [](Style& s, const Val& v) { s.rendercv.connections_hyperlink = v.flag; }},
};

// ---- section titles
void set_section_title_type(Style& s, const Val& v) {
  std::string t = v.text;
  std::replace(t.begin(), t.end(), '-', '_');
  if (t == "with_parial_line")
    t = "with_partial_line";
  s.rendercv.heading_centered = t.starts_with("centered_");
  s.rendercv.heading_rule_centered = t == "centered_with_centered_partial_line";
  if (t.starts_with("centered_"))
    t.erase(0, 9);
  if (t == "with_partial_line" || t == "with_centered_partial_line")
    s.heading_look = HeadingLook::partial_rule;
  else if (t == "with_full_line")
    s.heading_look = HeadingLook::rule_below;
  else if (t == "without_line")
    s.heading_look = HeadingLook::plain;
  else
    s.heading_look = HeadingLook::bar; // moderncv
}
// The style's stretch stays; its shrink never exceeds the new space.
void set_section_spacing(Style& s, const Val& v) {
  s.section_spacing = v.length;
  s.section_shrink = std::min(s.section_shrink, v.length);
}
void set_entry_spacing(Style& s, const Val& v) {
  s.entry_spacing = v.length;
  s.entry_shrink = std::min(s.entry_shrink, v.length);
}
constexpr Key kSectionTitles[] = {
    {"type", T::choice, set_section_title_type, {}, kSectionTitleTypes},
    {"line_thickness", T::margin,
     [](Style& s, const Val& v) { s.rendercv.heading_line_thickness = v.length; }},
    {"space_above", T::margin, set_section_spacing},
    {"space_below", T::length,
     [](Style& s, const Val& v) { s.rendercv.heading_space_below = v.length; }},
    // 1.x
    {"font_family", T::text, [](Style& s, const Val& v) { first_font(s.heading_fonts, v.text); }},
    {"font_size", T::font_size, [](Style& s, const Val& v) { s.heading_size = v.length; }},
    {"bold", T::flag, [](Style& s, const Val& v) { s.rendercv.bold_section_titles = v.flag; }},
    {"small_caps", T::flag,
     [](Style& s, const Val& v) { s.rendercv.small_caps_section_titles = v.flag; }},
    {"vertical_space_above", T::margin, set_section_spacing},
    {"vertical_space_below", T::length,
     [](Style& s, const Val& v) { s.rendercv.heading_space_below = v.length; }},
};

// ---- sections
void set_time_spans(Style& s, const Val& v) { s.show_time_spans_in = v.list; }
constexpr Key kSections[] = {
    {"allow_page_break", T::flag,
     [](Style& s, const Val& v) { s.rendercv.section_page_break = v.flag; }},
    {"space_between_regular_entries", T::margin, set_entry_spacing},
    {"space_between_text_based_entries", T::length,
     [](Style& s, const Val& v) { s.rendercv.text_entry_spacing = v.length; }},
    {"show_time_spans_in", T::list, set_time_spans},
};

// ---- entries
constexpr Key kSummary[] = {
    {"space_above", T::length,
     [](Style& s, const Val& v) { s.rendercv.summary_space_above = v.length; }},
    {"space_left", T::length,
     [](Style& s, const Val& v) { s.rendercv.summary_space_left = v.length; }},
};
void set_bullet(Style& s, const Val& v) { s.bullet = v.text; }
void set_nested_bullet(Style& s, const Val& v) { s.nested_bullet = v.text; }
constexpr Key kHighlights[] = {
    {"bullet", T::choice, set_bullet, {}, kBullets},
    {"nested_bullet", T::choice, set_nested_bullet, {}, kBullets},
    {"space_left", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_left = v.length; }},
    {"space_above", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_above = v.length; }},
    {"space_between_items", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_between = v.length; }},
    {"space_between_bullet_and_text", T::length,
     [](Style& s, const Val& v) { s.rendercv.bullet_text_gap = v.length; }},
};
// 1.x top-level `highlights:`
constexpr Key kHighlights1[] = {
    {"bullet", T::choice, set_bullet, {}, kBullets},
    {"nested_bullet", T::choice, set_nested_bullet, {}, kBullets},
    {"top_margin", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_above = v.length; }},
    {"left_margin", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_left = v.length; }},
    {"vertical_space_between_highlights", T::length,
     [](Style& s, const Val& v) { s.rendercv.highlights_space_between = v.length; }},
    {"horizontal_space_between_bullet_and_highlight", T::length,
     [](Style& s, const Val& v) { s.rendercv.bullet_text_gap = v.length; }},
    {"summary_left_margin", T::length,
     [](Style& s, const Val& v) { s.rendercv.summary_space_left = v.length; }},
};
constexpr Key kEntries[] = {
    {"date_and_location_width", T::margin,
     [](Style& s, const Val& v) { s.date_column_width = v.length; }},
    {"side_space", T::length,
     [](Style& s, const Val& v) { s.rendercv.entry_side_space = v.length; }},
    {"space_between_columns", T::length,
     [](Style& s, const Val& v) { s.rendercv.column_gap = v.length; }},
    {"allow_page_break", T::flag,
     [](Style& s, const Val& v) { s.rendercv.entry_page_break = v.flag; }},
    {"short_second_row", T::flag,
     [](Style& s, const Val& v) { s.rendercv.short_second_row = v.flag; }},
    {"degree_width", T::margin, set_degree_width},
    {"summary", T::group, nullptr, kSummary},
    {"highlights", T::group, nullptr, kHighlights},
    // 1.x
    {"left_and_right_margin", T::length,
     [](Style& s, const Val& v) { s.rendercv.entry_side_space = v.length; }},
    {"horizontal_space_between_columns", T::length,
     [](Style& s, const Val& v) { s.rendercv.column_gap = v.length; }},
    {"vertical_space_between_entries", T::margin, set_entry_spacing},
    {"allow_page_break_in_sections", T::flag,
     [](Style& s, const Val& v) { s.rendercv.section_page_break = v.flag; }},
    {"allow_page_break_in_entries", T::flag,
     [](Style& s, const Val& v) { s.rendercv.entry_page_break = v.flag; }},
    {"show_time_spans_in", T::list, set_time_spans},
};

// ---- templates (2.x)
constexpr Key kOneLineTpl[] = {{"main_column", T::text, set_main<0>}};
constexpr Key kEducationTpl[] = {{"main_column", T::text, set_main<1>},
                                 {"degree_column", T::template_text, set_degree_column},
                                 {"date_and_location_column", T::text, set_date_column<1>}};
constexpr Key kNormalTpl[] = {{"main_column", T::text, set_main<2>},
                              {"date_and_location_column", T::text, set_date_column<2>}};
constexpr Key kExperienceTpl[] = {{"main_column", T::text, set_main<3>},
                                  {"date_and_location_column", T::text, set_date_column<3>}};
constexpr Key kPublicationTpl[] = {{"main_column", T::text, set_main<4>},
                                   {"date_and_location_column", T::text, set_date_column<4>}};
constexpr Key kTemplates[] = {
    {"footer", T::text,
     [](Style& s, const Val& v) {
       s.rendercv.footer_template = v.text;
       if (!s.footer.empty()) // page.show_footer: false wins
         s.footer = footer_from_template(v.text);
     }},
    {"top_note", T::text, [](Style& s, const Val& v) { s.rendercv.top_note = v.text; }},
    {"single_date", T::text, [](Style& s, const Val& v) { s.rendercv.single_date = v.text; }},
    {"date_range", T::text, [](Style& s, const Val& v) { s.rendercv.date_range = v.text; }},
    {"time_span", T::text, [](Style& s, const Val& v) { s.rendercv.time_span = v.text; }},
    {"one_line_entry", T::group, nullptr, kOneLineTpl},
    {"education_entry", T::group, nullptr, kEducationTpl},
    {"normal_entry", T::group, nullptr, kNormalTpl},
    {"experience_entry", T::group, nullptr, kExperienceTpl},
    {"publication_entry", T::group, nullptr, kPublicationTpl},
};

// ---- entry_types (1.x): row templates joined into the main column
constexpr Key kOneLine1[] = {{"template", T::text, set_main<0>}};
constexpr Key kEducation1[] = {{"main_column_first_row_template", T::text, set_first_row<1>},
                               {"main_column_second_row_template", T::text, set_second_row<1>},
                               {"degree_column_template", T::template_text, set_degree_column},
                               {"degree_column_width", T::margin, set_degree_width},
                               {"date_and_location_column_template", T::text, set_date_column<1>}};
constexpr Key kNormal1[] = {{"main_column_first_row_template", T::text, set_first_row<2>},
                            {"main_column_second_row_template", T::text, set_second_row<2>},
                            {"date_and_location_column_template", T::text, set_date_column<2>}};
constexpr Key kExperience1[] = {{"main_column_first_row_template", T::text, set_first_row<3>},
                                {"main_column_second_row_template", T::text, set_second_row<3>},
                                {"date_and_location_column_template", T::text, set_date_column<3>}};
constexpr Key kPublication1[] = {
    {"main_column_first_row_template", T::text, set_first_row<4>},
    {"main_column_second_row_template", T::text, set_second_row<4>},
    {"main_column_second_row_without_journal_template", T::text, set_none},
    {"main_column_second_row_without_url_template", T::text, set_none},
    {"date_and_location_column_template", T::text, set_date_column<4>}};
constexpr Key kEntryTypes1[] = {
    {"one_line_entry", T::group, nullptr, kOneLine1},
    {"education_entry", T::group, nullptr, kEducation1},
    {"normal_entry", T::group, nullptr, kNormal1},
    {"experience_entry", T::group, nullptr, kExperience1},
    {"publication_entry", T::group, nullptr, kPublication1},
};

constexpr Key kDesign[] = {
    {"theme", T::text, set_none},
    {"page", T::group, nullptr, kPage},
    {"colors", T::group, nullptr, kColors},
    {"typography", T::group, nullptr, kTypography},
    {"links", T::group, nullptr, kLinks},
    {"header", T::group, nullptr, kHeader},
    {"section_titles", T::group, nullptr, kSectionTitles},
    {"sections", T::group, nullptr, kSections},
    {"entries", T::group, nullptr, kEntries},
    {"templates", T::group, nullptr, kTemplates},
    // 1.x
    {"text", T::group, nullptr, kText},
    {"highlights", T::group, nullptr, kHighlights1},
    {"entry_types", T::group, nullptr, kEntryTypes1},
};

// ------------------------------------------------------------- the reader

std::string kind_name(OptionValue::Kind k) {
  switch (k) {
  case OptionValue::Kind::null:
    return "nothing";
  case OptionValue::Kind::scalar:
    return "a string";
  case OptionValue::Kind::sequence:
    return "a list";
  case OptionValue::Kind::map:
    return "a map";
  }
  return "a value";
}

class DesignReader {
public:
  std::vector<Diagnostic> out;

  void read(const OptionValue& design, Style& s) {
    if (design.kind != OptionValue::Kind::map)
      return;
    // `em` lengths are relative to the body size the block sets, wherever it
    // sets it.
    em_ = s.body_size;
    for (const char* group : {"typography", "text"})
      if (const OptionValue* g = design.find(group))
        if (const OptionValue* v = g->find("font_size")) {
          const OptionValue* body = v->kind == OptionValue::Kind::map ? v->find("body") : v;
          if (body && body->kind == OptionValue::Kind::scalar)
            if (auto l = parse_length(body->scalar, s.body_size); l && *l >= 1 && *l <= 200)
              em_ = *l;
        }
    group(design, "design", kDesign, s);
    check_theme(design);
  }

private:
  double em_ = 10;

  void error(const OptionValue& v, const std::string& path, std::string message) {
    out.push_back({Severity::error, v.where, path, std::move(message)});
  }

  void check_theme(const OptionValue& design) {
    const OptionValue* t = design.find("theme");
    if (!t || t->kind != OptionValue::Kind::scalar)
      return;
    const std::string& theme = t->scalar;
    if (!style_for_theme(theme).empty())
      return;
    const bool well_formed = !theme.empty() && std::all_of(theme.begin(), theme.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (!well_formed) { // RenderCV's rule for a custom theme's name
      error(*t, "design.theme",
            "the custom theme name should only contain lowercase letters and digits, got '" +
                theme + "'");
      return;
    }
    std::string message = "unknown theme '" + theme + "', using classic";
    if (auto s = suggest(theme, kRenderCvThemes))
      message += " (did you mean '" + std::string(*s) + "'?)";
    else
      message += " (themes: " + quoted_list(kRenderCvThemes, " and ") + ")";
    out.push_back({Severity::warning, t->where, "design.theme", std::move(message)});
  }

  void group(const OptionValue& map, const std::string& path, std::span<const Key> keys, Style& s) {
    if (map.kind == OptionValue::Kind::null)
      return;
    if (map.kind != OptionValue::Kind::map) {
      error(map, path, "expected a map, got " + kind_name(map.kind));
      return;
    }
    std::vector<std::string_view> names;
    for (const auto& k : keys)
      names.push_back(k.name);
    for (const auto& [name, value] : map.keys) {
      const std::string p = path + "." + name;
      if (p == "design.theme") // read and checked by the loader and check_theme()
        continue;
      const std::string& key = name; // clang 14 cannot capture a structured binding
      auto it = std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return k.name == key; });
      if (it == keys.end()) {
        std::string message = "unknown RenderCV design option, ignored";
        if (auto sug = suggest(name, names))
          message += " (did you mean '" + std::string(*sug) + "'?)";
        else if (names.size() <= 13)
          message += " (expected " + quoted_list(names) + ")";
        else
          message += " (docs/styles.md lists RenderCV's design keys)";
        // The key's own position is not kept; its value's is close enough.
        out.push_back({Severity::warning, value.where, p, std::move(message)});
        continue;
      }
      leaf(*it, value, p, s);
    }
  }

  void leaf(const Key& k, const OptionValue& v, const std::string& path, Style& s) {
    using K = OptionValue::Kind;
    if (k.type == T::group || (k.type == T::font_group && v.kind == K::map)) {
      group(v, path, k.children, s);
      return;
    }
    Val val;
    if (v.kind == K::null) {
      if (k.type == T::template_text) { // `degree_column: null`: no degree column
        val.null = true;
        k.set(s, val);
      }
      return; // RenderCV's default stays
    }
    if (k.type == T::list) {
      if (v.kind == K::scalar) {
        val.list.push_back(v.scalar);
      } else if (v.kind == K::sequence) {
        for (std::size_t i = 0; i < v.items.size(); ++i) {
          if (v.items[i].kind != K::scalar) {
            error(v.items[i], path + "[" + std::to_string(i) + "]",
                  "expected a string, got " + kind_name(v.items[i].kind));
            return;
          }
          val.list.push_back(v.items[i].scalar);
        }
      } else {
        error(v, path, "expected a list of strings, got " + kind_name(v.kind));
        return;
      }
      k.set(s, val);
      return;
    }
    if (v.kind != K::scalar) {
      error(v, path, "expected a string, got " + kind_name(v.kind));
      return;
    }
    const std::string& text = v.scalar;
    val.text = text;
    switch (k.type) {
    case T::length:
    case T::margin:
    case T::font_size:
    case T::line_spacing: {
      auto l = parse_length(text, em_);
      if (!l) {
        error(v, path,
              "expected a number followed by a unit (cm, in, pt, mm, em) such as 0.1cm, got '" +
                  text + "'");
        return;
      }
      const LengthKind kind = k.type == T::font_size ? LengthKind::font_size
                              : k.type == T::length  ? LengthKind::offset
                                                     : LengthKind::margin;
      if (std::string why = length_range_error(*l, kind); !why.empty()) {
        error(v, path, why);
        return;
      }
      if (k.type == T::line_spacing) {
        // Typst's leading is the gap between lines; the line box is the
        // font's cap height tall, so the baseline distance is cap height +
        // leading: 0.66em in Source Sans 3, RenderCV's default font.
        const double factor = 0.66 + *l / em_;
        if (factor < 0.8 || factor > 3) {
          error(v, path,
                "gives a line height of " + std::to_string(factor).substr(0, 4) +
                    " times the font size; expected 0.1em to 2.3em");
          return;
        }
        s.line_spacing = factor;
        return;
      }
      val.length = *l;
      break;
    }
    case T::color: {
      auto c = parse_color(text);
      if (!c) {
        error(v, path,
              "expected a colour such as rgb(0, 79, 144), \"#004f90\", hsl(270, 60%, 70%) or a "
              "colour name, got '" +
                  text + "'");
        return;
      }
      val.color = *c;
      break;
    }
    case T::flag: {
      const std::string l = ascii_lower(text);
      if (l == "true" || l == "yes" || l == "on")
        val.flag = true;
      else if (!(l == "false" || l == "no" || l == "off")) {
        error(v, path, "expected true or false, got '" + text + "'");
        return;
      }
      break;
    }
    case T::choice: {
      auto it = std::find(k.choices.begin(), k.choices.end(), text);
      if (it == k.choices.end()) {
        std::string message = "unknown value '" + text + "'";
        if (auto sug = suggest(text, k.choices))
          message += " (did you mean '" + std::string(*sug) + "'?)";
        else
          message += " (expected " + quoted_list(k.choices) + ")";
        error(v, path, std::move(message));
        return;
      }
      break;
    }
    case T::max_pages:
      if (std::string why = set_max_pages(text, s); !why.empty())
        error(v, path, std::move(why));
      else
        s.max_pages_where = v.where, s.max_pages_path = path;
      return;
    case T::fit_floor:
      if (std::string why = set_fit_floor(text, s); !why.empty())
        error(v, path, std::move(why));
      return;
    case T::font_group:
    case T::text:
    case T::template_text:
    case T::group:
    case T::list:
      break;
    }
    if (k.set)
      k.set(s, val);
  }
};

} // namespace

namespace {

DesignValue design_value(const Key& k) {
  switch (k.type) {
  case T::group:
  case T::font_group:
    return DesignValue::font;
  case T::length:
  case T::margin:
  case T::font_size:
  case T::line_spacing:
    return DesignValue::length;
  case T::color:
    return DesignValue::color;
  case T::flag:
    return DesignValue::flag;
  case T::text:
    return DesignValue::text;
  case T::template_text:
    return DesignValue::template_;
  case T::choice:
    return DesignValue::choice;
  case T::list:
    return DesignValue::sections;
  case T::max_pages:
    return DesignValue::count;
  case T::fit_floor:
    return DesignValue::fraction;
  }
  return DesignValue::text;
}

void list_options(std::span<const Key> keys, const std::string& prefix,
                  std::vector<DesignOption>& out) {
  for (const Key& k : keys) {
    std::string key = prefix + std::string(k.name);
    if (k.type == T::group) {
      list_options(k.children, key + ".", out);
      continue;
    }
    if (key == "theme")
      out.push_back({key, DesignValue::theme});
    else
      out.push_back({key, design_value(k), k.choices});
  }
}

constexpr std::array<std::string_view, std::size(kThemes)> kThemeNames = [] {
  std::array<std::string_view, std::size(kThemes)> names{};
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = kThemes[i].theme;
  return names;
}();

} // namespace

std::span<const DesignOption> design_options() {
  static const std::vector<DesignOption> options = [] {
    std::vector<DesignOption> out;
    list_options(kDesign, "", out);
    return out;
  }();
  return options;
}

std::span<const std::string_view> theme_names() { return kThemeNames; }

std::span<const std::string_view> page_size_names() { return kPageSizeNames; }

std::string_view style_for_theme(std::string_view theme) {
  for (const auto& m : kThemes)
    if (m.theme == theme)
      return m.style;
  return {};
}

bool is_rendercv_theme(std::string_view theme) {
  return std::find(std::begin(kRenderCvThemes), std::end(kRenderCvThemes), theme) !=
         std::end(kRenderCvThemes);
}

std::vector<Diagnostic> design_diagnostics(const Design& design) {
  Style scratch = default_style();
  DesignReader reader;
  reader.read(design.options, scratch);
  return std::move(reader.out);
}

void apply_design(const Design& design, Style& s) {
  DesignReader reader;
  reader.read(design.options, s);
  std::vector<Diagnostic> errors;
  for (auto& d : reader.out)
    if (d.severity == Severity::error)
      errors.push_back(std::move(d));
  if (!errors.empty())
    throw InputError(std::move(errors));
  if (const OptionValue* page = design.options.find("page"))
    check_geometry(s, page->where, "design.page");
  else
    check_geometry(s, design.options.where, "design");
}

Style resolve_style(const RenderOptions& options, const Design& design) {
  Style style;
  if (!options.style.empty())
    style = load_style(options.style); // relative to the working directory
  else if (auto name = style_for_theme(design.theme); !name.empty())
    style = load_style(name);
  else if (!design.theme.empty()) // an unknown theme (warned about): RenderCV's default
    style = load_style("classic");
  else
    style = default_style();
  // RenderCV's text conventions come with the RenderCV theme styles (their
  // `design:` block sets rendercv_dates); cvpress's own styles keep CLDR's.
  if (style.rendercv_dates && style.phone_format == PhoneFormat::as_written)
    style.phone_format = PhoneFormat::national; // RenderCV's default
  apply_design(design, style);
  if (options.max_pages < 0)
    throw UsageError("max_pages must be 1 or more, got " + std::to_string(options.max_pages));
  if (options.max_pages > 0) { // the command line's --max-pages wins
    style.max_pages = options.max_pages;
    style.max_pages_where = {};
    style.max_pages_path = "max_pages";
  }
  return style;
}

} // namespace cvpress::detail

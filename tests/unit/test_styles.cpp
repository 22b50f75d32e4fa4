#include "scratch_dir.hpp"
#include "style/style_loader.hpp"

#include <cvpress/load.hpp>
#include <cvpress/style.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;
using cvpress_test::ScratchDir;

namespace {

std::string style_errors(std::string_view yaml, const fs::path& base = {}) {
  try {
    (void)parse_style(yaml, "my.yaml", base);
    return "valid";
  } catch (const InputError& e) {
    return e.what();
  } catch (const UsageError& e) {
    return std::string("usage: ") + e.what();
  }
}

bool near(double a, double b) { return std::abs(a - b) < 0.01; }

} // namespace

TEST_CASE("styles: the built-in styles: cvpress's own and RenderCV's nine themes") {
  auto list = builtin_styles();
  std::vector<std::string> names;
  for (const auto& s : list) {
    names.push_back(s.name);
    CHECK_FALSE(s.description.empty());
  }
  CHECK(names == std::vector<std::string>{"banking", "classic", "cvpress", "dense", "ember",
                                          "engineeringclassic", "engineeringresumes", "harvard",
                                          "ink", "moderncv", "opal", "sb2nov", "serif"});

  const Style cvpress = load_style("cvpress");
  CHECK(near(cvpress.margin_left, 56.69));
  CHECK(near(cvpress.page_width, 595.276)); // A4
  CHECK(near(cvpress.date_column_width, 102.05));
  CHECK(cvpress.primary_color == 0x004f90);
  CHECK(cvpress.heading_look == HeadingLook::partial_rule);
  CHECK(cvpress.body_fonts.families.front() == "Noto Sans");
  CHECK(cvpress.footer == "{name} – page {page} of {pages}");
  CHECK_FALSE(cvpress.rendercv_dates);
  CHECK_FALSE(cvpress.rendercv.show_top_note);

  const Style banking = load_style("banking");
  CHECK(banking.primary_color == 0x1f3a5f);
  CHECK(banking.heading_look == HeadingLook::rule_below);
  CHECK(banking.justify);
  CHECK(banking.body_fonts.families == cvpress.body_fonts.families); // inherited

  const Style dense = load_style("dense");
  CHECK(dense.body_size == 9);
  CHECK(dense.heading_look == HeadingLook::small_caps);
  CHECK_FALSE(dense.header_centered);
  CHECK(near(dense.margin_top, 39.69));

  const Style serif = load_style("serif");
  CHECK(serif.body_fonts.families.front() == "Noto Serif");
  CHECK(serif.date_column_side == Side::left);
  CHECK(serif.primary_color == 0x000000);
  CHECK(serif.nested_bullet == "◦");

  // RenderCV's classic defaults: letter, 0.7in margins, 30pt bold name, the
  // top note, the footer template, time spans in experience.
  const Style classic = load_style("classic");
  CHECK(classic.page_width == 612);
  CHECK(classic.page_height == 792);
  CHECK(near(classic.margin_left, 50.4));
  CHECK(classic.name_size == 30);
  CHECK(classic.rendercv.bold_name);
  CHECK(classic.rendercv.show_top_note);
  CHECK(classic.footer == "{name} – {page}/{pages}");
  CHECK(classic.show_time_spans_in == std::vector<std::string>{"experience"});
  CHECK(classic.heading_look == HeadingLook::partial_rule);
  CHECK(classic.rendercv_dates);
  CHECK(classic.body_fonts.families.front() == "Lato");
  REQUIRE(classic.rendercv.entry_templates.size() == 5);

  // Each theme: its own defaults over classic's.
  const Style ember = load_style("ember");
  CHECK(ember.rendercv.heading_centered);
  CHECK(ember.heading_look == HeadingLook::plain);
  CHECK(ember.rendercv.name_color == 0x9b2319);
  CHECK(ember.bullet == "◆");
  CHECK(ember.name_fonts.families.front() == "Gentium Book Plus");
  CHECK(ember.show_time_spans_in.empty());
  const Style harvard = load_style("harvard");
  CHECK(harvard.rendercv.heading_centered);
  CHECK(harvard.rendercv.heading_rule_centered);
  CHECK(near(harvard.margin_left, 36));
  CHECK_FALSE(harvard.rendercv.show_top_note);
  const Style moderncv = load_style("moderncv");
  CHECK(moderncv.heading_look == HeadingLook::bar);
  CHECK(moderncv.date_column_side == Side::left);
  CHECK_FALSE(moderncv.header_centered);
  CHECK(near(moderncv.rendercv.heading_line_thickness, 4.25));
  const Style opal = load_style("opal");
  CHECK(opal.footer.empty());
  CHECK(opal.rendercv.small_caps_section_titles);
  CHECK(opal.body_fonts.families.front() == "Lato");
  const Style er = load_style("engineeringresumes");
  CHECK(er.footer.empty());
  CHECK(er.heading_look == HeadingLook::rule_below);
  CHECK(er.rendercv.display_urls);
  CHECK_FALSE(er.rendercv.entry_templates[1].degree_column.has_value());
  CHECK(load_style("ink").body_fonts.families.front() == "Gentium Book Plus");
  CHECK(load_style("sb2nov").body_fonts.families.front() == "Latin Modern Roman");
  CHECK_FALSE(load_style("engineeringclassic").header_centered);

  CHECK(&default_style() == &default_style());
  CHECK(default_style().name == "cvpress");
}

TEST_CASE("styles: a user style extends a built-in and overrides only what it sets") {
  Style s = parse_style("extends: cvpress\nname: mine\ncolors: {primary: \"rgb(200, 0, 0)\"}\n"
                        "sizes: {body: 11pt, heading: 1.3em}\npage: {size: us-letter}\n",
                        "my.yaml");
  CHECK(s.name == "mine");
  CHECK(s.primary_color == 0xc80000);
  CHECK(s.body_size == 11);
  CHECK(near(s.heading_size, 14.3)); // em is relative to the body size set before it
  CHECK(s.page_width == 612);
  CHECK(s.page_height == 792);
  CHECK(near(s.margin_left, 56.69)); // inherited
  CHECK(s.heading_look == HeadingLook::partial_rule);
}

TEST_CASE("styles: header.name_order maps onto NameStyle") {
  CHECK(default_style().name_order == NameStyle::automatic);
  const std::pair<const char*, NameStyle> cases[] = {
      {"automatic", NameStyle::automatic},
      {"latin_then_native", NameStyle::latin_then_native},
      {"native_then_latin", NameStyle::native_then_latin},
      {"latin_only", NameStyle::latin_only},
      {"native_only", NameStyle::native_only}};
  for (const auto& [value, style] : cases) {
    INFO(value);
    CHECK(parse_style(std::string("extends: cvpress\nheader: {name_order: ") + value + "}\n",
                      "my.yaml")
              .name_order == style);
  }
}

TEST_CASE("styles: extends a file relative to the style's folder") {
  ScratchDir dir;
  dir.write("base.yaml", "extends: serif\ncolors: {text: \"#333\"}\n");
  dir.write("child.yaml", "extends: ./base.yaml\nheadings: {look: bar}\n");
  Style s = load_style((dir.path / "child.yaml").string());
  CHECK(s.text_color == 0x333333);
  CHECK(s.heading_look == HeadingLook::bar);
  CHECK(s.body_fonts.families.front() == "Noto Serif");

  dir.write("a.yaml", "extends: ./b.yaml\n");
  dir.write("b.yaml", "extends: ./a.yaml\n");
  CHECK_THROWS_WITH_AS(load_style((dir.path / "a.yaml").string()),
                       ((dir.path / "a.yaml").string() +
                        ":1:10: extends: styles extend each other more than 8 levels deep (a "
                        "cycle?)")
                           .c_str(),
                       InputError);
}

TEST_CASE("styles: error messages with locations") {
  CHECK(style_errors("extends: cvpress\ncolour: {primary: red}\n") ==
        "my.yaml:2:1: colour: unknown key (did you mean 'colors'?)");
  CHECK(style_errors("extends: cvpress\nsizes: {body: 10 px}\n") ==
        "my.yaml:2:15: sizes.body: expected a length such as 10pt, 2cm, 20mm, 1in or 1.2em, got "
        "'10 px'");
  CHECK(style_errors("extends: cvpress\nsizes: {body: 0pt}\n") ==
        "my.yaml:2:15: sizes.body: must be greater than 0");
  CHECK(style_errors("extends: cvpress\ncolors: {primary: \"#12345\"}\n") ==
        "my.yaml:2:19: colors.primary: expected a colour such as \"#004f90\", rgb(0, 79, 144) or "
        "a colour name, got '#12345'");
  CHECK(style_errors("extends: cvpress\nheadings: {look: partial-rule}\n") ==
        "my.yaml:2:18: headings.look: unknown value 'partial-rule' (did you mean "
        "'partial_rule'?)");
  CHECK(style_errors("extends: cvpress\npage: {size: b5}\n") ==
        "my.yaml:2:14: page.size: unknown page size 'b5' (expected a4, a5, a3, us-letter, "
        "letter, us-legal, us-executive, or page.width and page.height)");
  CHECK(style_errors("extends: cvpress\nheader: {align: middle}\n") ==
        "my.yaml:2:17: header.align: unknown value 'middle' (expected center or left)");
  CHECK(style_errors("extends: cvpress\nheader: {name_order: latin_first}\n") ==
        "my.yaml:2:22: header.name_order: unknown value 'latin_first' (expected automatic, "
        "latin_then_native, native_then_latin, latin_only or native_only)");
  CHECK(style_errors("extends: cvpress\nspacing: {line: 9}\n") ==
        "my.yaml:2:17: spacing.line: expected a line height factor between 0.8 and 3, got '9'");
  CHECK(style_errors("extends: cvpress\ntext: {justify: maybe}\n") ==
        "my.yaml:2:17: text.justify: expected true or false, got 'maybe'");
  CHECK(style_errors("extends: cvpress\nfonts: body\n") ==
        "my.yaml:2:8: fonts: expected a map, got a string");
  CHECK(style_errors("extends: cvpress\npage: {margins: {left: 9cm, right: 9cm}}\n") ==
        "my.yaml: page: the margins leave a text area too small for the date column and text");
  CHECK(style_errors("name: bare\n") ==
        "my.yaml:1:1: fonts.body: a style needs body fonts (set fonts.body or extend a built-in "
        "style)");
  CHECK(style_errors("extends: clasic\n") ==
        "my.yaml:1:10: extends: unknown style 'clasic' (built-in styles: banking, classic, "
        "cvpress, dense, ember, engineeringclassic, "
        "engineeringresumes, harvard, ink, moderncv, opal, sb2nov, serif; or give a .yaml file)");
  CHECK(style_errors("extends: cvpress\ncolors: [red\n").starts_with("my.yaml:3:1: "));
  CHECK_THROWS_WITH_AS(
      load_style("nonesuch"),
      "unknown style 'nonesuch' (built-in styles: banking, classic, cvpress, dense, ember, "
      "engineeringclassic, "
      "engineeringresumes, harvard, ink, moderncv, opal, sb2nov, serif; or give a .yaml file)",
      UsageError);
}

TEST_CASE("styles: RenderCV design options map onto the style") {
  auto loaded =
      load_cv_string("cv:\n  name: J\ndesign:\n  theme: moderncv\n"
                     "  page: {size: us-letter, top_margin: 1cm, left_margin: 1.5cm}\n"
                     "  colors: {text: \"rgb(10,10,10)\", name: \"rgb(0,100,0)\"}\n"
                     "  text: {font_size: 11pt, alignment: left, font_family: DejaVu Sans}\n"
                     "  section_titles: {type: without-line, font_size: 1.5em}\n"
                     "  entries: {date_and_location_width: 4cm}\n"
                     "  highlights: {bullet: ◦, nested_bullet: \"-\"}\n"
                     "  header: {alignment: left, name_font_size: 30pt}\n",
                     "cv.yaml");
  CHECK(loaded.warnings.empty());
  Style s = resolve_style({}, loaded.cv.design);
  // theme moderncv -> the moderncv style, then the design options on top.
  CHECK(s.name == "moderncv");
  CHECK(s.page_width == 612);
  CHECK(near(s.margin_top, 28.35));
  CHECK(near(s.margin_left, 42.52));
  CHECK(near(s.margin_right, 50.4)); // RenderCV's 0.7in
  CHECK(s.text_color == 0x0a0a0a);
  CHECK(s.primary_color == 0x006400);
  CHECK(s.body_size == 11);
  CHECK_FALSE(s.justify);
  CHECK(s.body_fonts.families.front() == "DejaVu Sans");
  CHECK(s.heading_look == HeadingLook::plain);
  CHECK(near(s.heading_size, 16.5));
  CHECK(near(s.date_column_width, 113.39));
  CHECK(s.bullet == "◦");
  CHECK(s.nested_bullet == "-");
  CHECK_FALSE(s.header_centered);
  CHECK(s.name_size == 30);

  // --style wins over the theme; the design options still apply.
  RenderOptions o;
  o.style = "serif";
  Style h = resolve_style(o, loaded.cv.design);
  CHECK(h.name == "serif");
  CHECK(h.page_width == 612);

  CHECK(style_for_theme("sb2nov") == "sb2nov");
  CHECK(style_for_theme("engineeringresumes") == "engineeringresumes");
  CHECK(style_for_theme("nope").empty());
}

TEST_CASE("styles: unknown themes and design keys are warnings, known keys are read") {
  auto loaded = load_cv_string("cv:\n  name: J\ndesign:\n  theme: fancy\n"
                               "  header: {photo_width: 3cm, photo_widht: 3cm}\n"
                               "  links: {underline: true}\n",
                               "cv.yaml");
  REQUIRE(loaded.warnings.size() == 2);
  CHECK(loaded.warnings[0].to_string() ==
        "cv.yaml:4:10: warning: design.theme: unknown theme 'fancy', using classic (themes: "
        "classic, ember, engineeringclassic, engineeringresumes, harvard, ink, moderncv, opal "
        "and sb2nov)");
  CHECK(loaded.warnings[1].to_string() ==
        "cv.yaml:5:43: warning: design.header.photo_widht: unknown RenderCV design option, "
        "ignored (did you mean 'photo_width'?)");
  const Style s = resolve_style({}, loaded.cv.design);
  CHECK(s.name == "classic"); // RenderCV's default theme
  CHECK(s.rendercv_dates);
  CHECK(near(s.rendercv.photo_width, 85.04));
  CHECK(s.rendercv.underline_links);
}

TEST_CASE("styles: the date column's min_width and max_width") {
  const Style classic = load_style("cvpress");
  CHECK(near(classic.date_column_min, 28.35)); // 1cm
  CHECK(classic.date_column_max == 0);         // 40% of the text width
  const Style s =
      parse_style("extends: cvpress\ndates: {min_width: 2cm, max_width: 3cm}\n", "my.yaml", {});
  CHECK(near(s.date_column_min, 56.69));
  CHECK(near(s.date_column_max, 85.04));
  CHECK(style_errors("extends: cvpress\ndates: {min_width: -1cm}\n") ==
        "my.yaml:2:20: dates.min_width: must be 0 or more");
}

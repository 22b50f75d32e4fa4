// RenderCV compatibility on the data side (issue 15): its whole design
// schema, locale and settings blocks, phone numbers, validation, dates.
#include "present/dates.hpp"
#include "present/present.hpp"
#include "scratch_dir.hpp"
#include "style/style_loader.hpp"
#include "text/links.hpp"
#include "text/phone.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;
using cvpress_test::ScratchDir;

namespace {

const fs::path kData = fs::path(CVPRESS_TEST_DATA) / "rendercv";

constexpr const char* kThemes[] = {"Classic", "Ember", "Engineeringclassic", "Engineeringresumes",
                                   "Harvard", "Ink",   "Moderncv",           "Opal",
                                   "Sb2nov"};

bool near(double a, double b) { return std::abs(a - b) < 0.01; }

// Every diagnostic of loading `yaml`, one per line ("valid" when none).
std::string messages(const std::string& yaml) {
  try {
    auto loaded = load_cv_string(yaml, "cv.yaml");
    std::string out;
    for (const auto& w : loaded.warnings)
      out += w.to_string() + "\n";
    return out.empty() ? "valid" : out;
  } catch (const InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics())
      out += d.to_string() + "\n";
    return out;
  }
}

std::string with_design(const std::string& design) {
  return "cv:\n  name: Jane Doe\ndesign:\n  theme: classic\n" + design;
}

Style style_of(const std::string& yaml, const RenderOptions& options = {}) {
  auto loaded = load_cv_string(yaml, "cv.yaml");
  return resolve_style(options, loaded.cv.design);
}

} // namespace

TEST_CASE("rendercv: the nine example files with every block switched on load without warnings") {
  for (const char* theme : kThemes) {
    const fs::path file = kData / (std::string("John_Doe_") + theme + "Theme_CV.yaml");
    CAPTURE(file);
    LoadResult loaded = load_cv_file(file);
    std::string warnings;
    for (const auto& w : loaded.warnings)
      warnings += w.to_string() + "\n";
    CHECK(warnings == "");
    CHECK(loaded.cv.design.options.find("templates") != nullptr); // really switched on
    const Style s = resolve_style({}, loaded.cv.design);
    CHECK(s.page_width == 612); // us-letter
    CHECK(s.rendercv_dates);
    CHECK(s.phone_format == PhoneFormat::national);
    CHECK(s.rendercv.entry_templates.size() == 5);
    CHECK(loaded.cv.settings.render_command.has_value());
    CHECK(loaded.cv.settings.pdf_title == "NAME - CV");
    CHECK(loaded.cv.locale.last_updated == "Last updated in");
    CHECK(loaded.cv.locale.degree_with_area == "DEGREE in AREA");
  }
}

TEST_CASE("rendercv: design values land in the style (classic example)") {
  LoadResult loaded = load_cv_file(kData / "John_Doe_ClassicTheme_CV.yaml");
  const Style s = resolve_style({}, loaded.cv.design);
  CHECK(near(s.margin_top, 50.4)); // 0.7in
  CHECK(s.footer == "{name} \u2013 {page}/{pages}");
  CHECK(s.rendercv.footer_template == "*NAME -- PAGE_NUMBER/TOTAL_PAGES*");
  CHECK(s.rendercv.show_top_note);
  CHECK(s.rendercv.top_note == "*LAST_UPDATED CURRENT_DATE*");
  CHECK(s.heading_look == HeadingLook::partial_rule);
  CHECK(near(s.heading_size, 14)); // 1.4em of 10pt
  CHECK(s.name_size == 30);
  CHECK(near(s.line_spacing, 1.26)); // cap height 0.66 + 0.6em leading
  CHECK(s.justify);
  CHECK(s.rendercv.hyphenate);
  CHECK(s.body_fonts.families.front() == "Source Sans 3");
  CHECK(s.rendercv.headline_fonts.families.front() == "Source Sans 3");
  CHECK(s.text_color == 0x000000);
  CHECK(s.rendercv.footer_color == 0x808080);
  CHECK(s.show_time_spans_in == std::vector<std::string>{"experience"});
  CHECK(near(s.date_column_width, 117.64)); // 4.15cm
  CHECK(near(s.rendercv.degree_width, 28.35));
  CHECK(s.bullet == "•");
  CHECK(s.rendercv.single_date == "MONTH_ABBREVIATION YEAR");
  const auto& edu = s.rendercv.entry_templates[1];
  CHECK(edu.entry_type == "education_entry");
  CHECK(edu.main_column == "**INSTITUTION**, AREA\nSUMMARY\nHIGHLIGHTS");
  CHECK(edu.degree_column == "**DEGREE**");
  CHECK(edu.date_and_location_column == "LOCATION\nDATE");

  // engineeringresumes: `degree_column:` null means no degree column.
  LoadResult er = load_cv_file(kData / "John_Doe_EngineeringresumesTheme_CV.yaml");
  const Style e = resolve_style({}, er.cv.design);
  CHECK_FALSE(e.rendercv.entry_templates[1].degree_column.has_value());
  CHECK(e.name == "engineeringresumes");
}

TEST_CASE("rendercv: section title types, 2.x and 1.x spellings") {
  CHECK(style_of(with_design("  section_titles: {type: with_full_line}\n")).heading_look ==
        HeadingLook::rule_below);
  CHECK(style_of(with_design("  section_titles: {type: with-full-line}\n")).heading_look ==
        HeadingLook::rule_below);
  CHECK(style_of(with_design("  section_titles: {type: without_line}\n")).heading_look ==
        HeadingLook::plain);
  CHECK(style_of(with_design("  section_titles: {type: with-parial-line}\n")).heading_look ==
        HeadingLook::partial_rule);
  const Style c = style_of(with_design("  section_titles: {type: centered_with_full_line}\n"));
  CHECK(c.heading_look == HeadingLook::rule_below);
  CHECK(c.rendercv.heading_centered);
  CHECK(messages(with_design("  section_titles:\n    type: bogus\n")) ==
        "cv.yaml:6:11: design.section_titles.type: unknown value 'bogus' (expected "
        "with_partial_line, with_full_line, without_line, moderncv, centered_without_line, "
        "centered_with_partial_line, centered_with_centered_partial_line, "
        "centered_with_full_line, with-partial-line, with-parial-line, with-full-line or "
        "without-line)\n");
  CHECK(messages(with_design("  section_titles:\n    type: with_ful_line\n")) ==
        "cv.yaml:6:11: design.section_titles.type: unknown value 'with_ful_line' (did "
        "you mean 'with_full_line'?)\n");
}

TEST_CASE("rendercv: unknown design keys are warnings with a suggestion") {
  CHECK(messages(with_design("  header:\n    photo_widht: 3cm\n")) ==
        "cv.yaml:6:18: warning: design.header.photo_widht: unknown RenderCV design option, "
        "ignored (did you mean 'photo_width'?)\n");
  CHECK(messages(with_design("  typography:\n    font_size: {bdy: 10pt}\n")) ==
        "cv.yaml:6:22: warning: design.typography.font_size.bdy: unknown RenderCV design option, "
        "ignored (did you mean 'body'?)\n");
}

TEST_CASE("rendercv: bad design values are located errors") {
  CHECK(messages(with_design("  page:\n    top_margin: wide\n")) ==
        "cv.yaml:6:17: design.page.top_margin: expected a number followed by a unit (cm, "
        "in, pt, mm, em) such as 0.1cm, got 'wide'\n");
  CHECK(messages(with_design("  colors:\n    name: blu\n")) ==
        "cv.yaml:6:11: design.colors.name: expected a colour such as rgb(0, 79, 144), "
        "\"#004f90\", hsl(270, 60%, 70%) or a colour name, got 'blu'\n");
  CHECK(messages(with_design("  links:\n    underline: maybe\n")) ==
        "cv.yaml:6:16: design.links.underline: expected true or false, got 'maybe'\n");
  CHECK(messages(with_design("  entries:\n    highlights: {bullet: x}\n")) ==
        "cv.yaml:6:26: design.entries.highlights.bullet: unknown value 'x' (did you mean "
        "'-'?)\n");
  CHECK(messages(with_design("  header:\n    connections: {phone_number_format: e164}\n")) ==
        "cv.yaml:6:40: design.header.connections.phone_number_format: unknown value "
        "'e164' (did you mean 'E164'?)\n");
  CHECK(messages(with_design("  page:\n    size: legal\n")) ==
        "cv.yaml:6:11: design.page.size: unknown value 'legal' (expected a4, a5, us-letter, "
        "us-executive, a0, a1, a2, a3, a6, a7, a8, us-legal or letter)\n");
  // A negative space is allowed (Typst allows it); a negative margin is not.
  CHECK(messages(with_design("  header:\n    space_below_name: -0.2cm\n")) == "valid");
  CHECK(messages(with_design("  page:\n    left_margin: -1cm\n")) ==
        "cv.yaml:6:18: design.page.left_margin: must be between 0pt and 14400pt, got "
        "-28.346456692913385pt\n");
  CHECK(messages("cv:\n  name: J\ndesign:\n  theme: Not_Valid\n") ==
        "cv.yaml:4:10: design.theme: the custom theme name should only contain lowercase "
        "letters and digits, got 'Not_Valid'\n");
  CHECK(messages("cv:\n  name: J\ndesign:\n  theme: clasic\n") ==
        "cv.yaml:4:10: warning: design.theme: unknown theme 'clasic', using classic (did you "
        "mean 'classic'?)\n");
}

TEST_CASE("rendercv: colours, fonts and lengths in every form") {
  const Style s = style_of(with_design("  colors: {body: 7fffd4, name: \"hsl(270, 60%, 70%)\"}\n"
                                       "  typography:\n    font_family: DejaVu Serif\n"
                                       "    font_size: {body: 12pt, section_titles: 1.5em}\n"
                                       "    alignment: justified-with-no-hyphenation\n"
                                       "    date_and_location_column_alignment: center\n"
                                       "  header: {alignment: right}\n"));
  CHECK(s.text_color == 0x7fffd4);
  CHECK(s.primary_color == 0xb285e0);
  CHECK(s.rendercv.name_color == 0xb285e0);
  for (const auto* chain : {&s.body_fonts, &s.name_fonts, &s.heading_fonts,
                            &s.rendercv.headline_fonts, &s.rendercv.connections_fonts})
    CHECK(chain->families.front() == "DejaVu Serif");
  CHECK(s.body_size == 12);
  CHECK(near(s.heading_size, 18)); // em of the body size the block sets
  CHECK(s.justify);
  CHECK_FALSE(s.rendercv.hyphenate);
  CHECK(s.rendercv.date_column_align == BlockAlign::center);
  CHECK(s.rendercv.header_align == BlockAlign::right);
  CHECK_FALSE(s.header_centered);
}

TEST_CASE("rendercv: 1.x spellings map onto the same fields") {
  const std::string yaml =
      with_design("  text: {leading: 0.5em, date_and_location_column_alignment: left}\n"
                  "  header: {use_icons_for_connections: false, name_bold: false}\n"
                  "  page: {show_page_numbering: false, show_last_updated_date: true}\n"
                  "  highlights: {bullet: ◦, left_margin: 0.3cm}\n"
                  "  entries: {allow_page_break_in_entries: true, left_and_right_margin: 0cm}\n"
                  "  entry_types:\n"
                  "    experience_entry:\n"
                  "      main_column_first_row_template: '**COMPANY**'\n"
                  "      main_column_second_row_template: SUMMARY\n"
                  "    education_entry: {degree_column_width: 2cm}\n");
  CHECK(messages(yaml) == "valid");
  const Style s = style_of(yaml);
  CHECK(near(s.line_spacing, 1.16));
  CHECK(s.rendercv.date_column_align == BlockAlign::left);
  CHECK_FALSE(s.rendercv.show_icons);
  CHECK_FALSE(s.rendercv.bold_name);
  CHECK(s.footer.empty());
  CHECK(s.rendercv.show_top_note);
  CHECK(s.bullet == "◦");
  CHECK(near(s.rendercv.highlights_space_left, 8.5));
  CHECK(s.rendercv.entry_page_break);
  CHECK(s.rendercv.entry_side_space == 0);
  // The 1.x rows replace the theme's main column.
  REQUIRE(s.rendercv.entry_templates.size() == 5);
  CHECK(s.rendercv.entry_templates[3].entry_type == "experience_entry");
  CHECK(s.rendercv.entry_templates[3].main_column == "**COMPANY**\nSUMMARY");
  CHECK(near(s.rendercv.degree_width, 56.69));
}

TEST_CASE("rendercv: phone numbers with libphonenumber") {
  CHECK(phone_e164("+1-609-999-9995") == "+16099999995");
  CHECK(phone_e164("tel:+90-541-999-99-99") == "+905419999999");
  CHECK_FALSE(phone_e164("(857)209-1101")); // no country code
  CHECK_FALSE(phone_e164("+1 555 0100"));   // too short for the US
  CHECK(format_phone("+1-609-999-9995", PhoneStyle::national) == "(609) 999-9995");
  CHECK(format_phone("+1-609-999-9995", PhoneStyle::international) == "+1 609-999-9995");
  CHECK(format_phone("+1-609-999-9995", PhoneStyle::e164) == "+16099999995");
  CHECK(format_phone("+46 18 471 00 00", PhoneStyle::international) == "+46 18 471 00 00");

  // The header shows the number as the design says; the link is E.164.
  for (auto [format, shown] :
       {std::pair{"national", "(609) 999-9995"}, std::pair{"international", "+1 609-999-9995"},
        std::pair{"E164", "+16099999995"}}) {
    auto loaded = load_cv_string(
        std::string("cv:\n  name: J\n  phone: +1-609-999-9995\ndesign:\n  theme: classic\n"
                    "  header: {connections: {phone_number_format: ") +
            format + "}}\n",
        "cv.yaml");
    const Style style = resolve_style({}, loaded.cv.design);
    const Presenter pr(loaded.cv, style);
    const auto contacts = pr.contacts();
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0].shown == shown);
    CHECK(contacts[0].uri == "tel:+16099999995");
  }
  // RenderCV's default (national) under a RenderCV theme; as written otherwise.
  auto plain = load_cv_string("cv:\n  name: J\n  phone: +1-609-999-9995\n", "cv.yaml");
  const Style plain_style = resolve_style({}, plain.cv.design);
  CHECK(Presenter(plain.cv, plain_style).contacts()[0].shown == "+1-609-999-9995");
  RenderOptions own;
  own.style = "cvpress";
  auto themed = load_cv_string(
      "cv:\n  name: J\n  phone: +1-609-999-9995\ndesign:\n  theme: classic\n", "cv.yaml");
  const Style theme_style = resolve_style({}, themed.cv.design);
  const Style own_style = resolve_style(own, themed.cv.design);
  CHECK(Presenter(themed.cv, theme_style).contacts()[0].shown == "(609) 999-9995");
  CHECK(Presenter(themed.cv, own_style).contacts()[0].shown == "+1-609-999-9995");

  // Invalid numbers: always without digits, and without a country code under a RenderCV theme.
  CHECK(messages("cv:\n  name: J\n  phone: call me\n") ==
        "cv.yaml:3:10: cv.phone: 'call me' is not a valid phone number\n");
  CHECK(messages("cv:\n  name: J\n  phone: (857)209-1101\n") == "valid");
  CHECK(messages("cv:\n  name: J\n  phone: [+1-609-999-9995, (857)209-1101]\ndesign:\n"
                 "  theme: sb2nov\n") ==
        "cv.yaml:3:28: cv.phone[1]: '(857)209-1101' is not a valid phone number "
        "(RenderCV needs its country code, e.g. +1 609 999 9995)\n");
  CHECK(messages("cv:\n  name: J\nlocale:\n  phone_number_format: natonal\n") ==
        "cv.yaml:4:24: locale.phone_number_format: unknown phone number format 'natonal' "
        "(did you mean 'national'?)\n");
}

TEST_CASE("rendercv: URL, social network and photo checks") {
  CHECK(messages("cv:\n  name: J\n  website: [https://a.org, not a url]\n") ==
        "cv.yaml:3:28: cv.website[1]: 'not a url' is not a valid URL (e.g. "
        "https://example.com)\n");
  CHECK(messages("cv:\n  name: J\n  website: example.org\n") == "valid");
  auto social = [](const std::string& network, const std::string& username) {
    return messages("cv:\n  name: J\n  social_networks:\n    - network: " + network +
                    "\n      username: \"" + username + "\"\n");
  };
  CHECK(social("ORCID", "0000-0002-1825-0097") == "valid");
  CHECK(social("ORCID", "0000-0002-1825-009X") == "valid");
  CHECK(social("ORCID", "12345") ==
        "cv.yaml:5:17: cv.social_networks[0].username: ORCID username should be in the "
        "format 'XXXX-XXXX-XXXX-XXXX'\n");
  CHECK(social("IMDB", "nm1234567") == "valid");
  CHECK(social("IMDB", "nm12") == "cv.yaml:5:17: cv.social_networks[0].username: IMDB "
                                  "name should be in the format 'nmXXXXXXX'\n");
  CHECK(social("Mastodon", "@jane@mastodon.social") == "valid");
  CHECK(social("Mastodon", "jane") ==
        "cv.yaml:5:17: cv.social_networks[0].username: Mastodon username should be in the "
        "format '@username@domain'\n");
  CHECK(social("StackOverflow", "12345/jane") == "valid");
  CHECK(social("StackOverflow", "jane") ==
        "cv.yaml:5:17: cv.social_networks[0].username: StackOverflow username should be "
        "in the format 'user_id/username'\n");
  CHECK(social("YouTube", "@jane") == "cv.yaml:5:17: cv.social_networks[0].username: "
                                      "YouTube username should not start with '@'; remove it\n");
  CHECK(social("Bluesky", "jane.bsky.social") == "valid");
  CHECK(social("Bluesky", "@jane") ==
        "cv.yaml:5:17: cv.social_networks[0].username: Bluesky username should be a valid "
        "handle with no '@' (e.g. 'username.bsky.social' or 'domain.com')\n");
  CHECK(social("WhatsApp", "+1-609-999-9995") == "valid");
  CHECK(social("WhatsApp", "12") ==
        "cv.yaml:5:17: cv.social_networks[0].username: WhatsApp username should be your "
        "phone number with its country code (e.g. +1 for the USA, +44 for the UK)\n");
  CHECK(social("Reddit", "jane_doe") == "valid");
  CHECK(social("Reddit", "jd") ==
        "cv.yaml:5:17: cv.social_networks[0].username: Reddit username should be 3 to 23 "
        "letters, digits, underscores or hyphens\n");

  // RenderCV's profile links for its newer networks.
  CHECK(social_link({"Reddit", "jane_doe", {}}).url == "https://reddit.com/user/jane_doe");
  CHECK(social_link({"WhatsApp", "+1-609-999-9995", {}}).url == "https://wa.me/+1-609-999-9995");

  // A missing photo is found by the loader (so validate reports it with the rest).
  ScratchDir dir;
  const fs::path cv = dir.write("cv.yaml", "cv:\n  name: J\n  photo: me.jpg\n");
  try {
    (void)load_cv_file(cv);
    FAIL("a missing photo loaded");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == cv.string() + ":3:3: cv.photo: photo 'me.jpg' not found");
  }
}

TEST_CASE("rendercv: wrong_input.yaml gives RenderCV's located errors") {
  const fs::path file = kData / "wrong_input.yaml";
  std::string got;
  try {
    (void)load_cv_file(file);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics())
      got += d.to_string().substr(file.string().size()) + "\n";
  }
  // RenderCV's expected_errors.yaml lists 18 located field errors (plus one
  // "problems with the entries" line per section); each is here, on the same
  // line (RenderCV puts the end-before-start error on the entry, line 47), in
  // cvpress's wording; the unknown design key is a warning.
  CHECK(got ==
        ":4:12: cv.website: 'not_a_valid_url' is not a valid URL (e.g. https://example.com)\n"
        ":5:10: cv.phone: 'not_a_valid_phone_number' is not a valid phone number\n"
        ":7:7: cv.email[0]: 'not_a_valid_email' is not a valid e-mail address\n"
        ":8:7: cv.email[1]: 'not_a_valid_email_2' is not a valid e-mail address\n"
        ":9:3: cv.photo: photo 'photo_doesnt_exist.jpg' not found\n"
        ":14:17: cv.social_networks[1].username: ORCID username should be in the format "
        "'XXXX-XXXX-XXXX-XXXX'\n"
        ":16:17: cv.social_networks[2].username: IMDB name should be in the format 'nmXXXXXXX'\n"
        ":19:9: cv.sections.welcome_to_rendercv_tests[0]: cannot tell the entry type: an entry "
        "needs one of the keys institution (education), company (experience), authors "
        "(publication), events (talk), patent_number (patent), role (service), reversed_number, "
        "number, bullet, label (one-line) or name (normal)\n"
        ":23:9: cv.sections.welcome_to_rendercv_tests_2[1]: all entries in a section must have "
        "the same type: this entry is 'experience', the first is 'education'\n"
        ":23:9: cv.sections.welcome_to_rendercv_tests_2[1].institution: missing required key "
        "'institution' (the section's entries are education entries)\n"
        ":23:9: cv.sections.welcome_to_rendercv_tests_2[1].area: missing required key 'area' (the "
        "section's entries are education entries)\n"
        ":26:9: cv.sections.welcome_to_rendercv_tests_3[0]: missing required key 'position'\n"
        ":33:15: cv.sections.welcome_to_rendercv_tests_4[0].date: month 13 is out of range "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
        ":41:15: cv.sections.welcome_to_rendercv_tests_6[0].date: day 50 is out of range for "
        "2025-01 (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
        ":45:11: cv.sections.welcome_to_rendercv_tests_7[0].name: expected a string, got a map\n"
        ":50:19: cv.sections.welcome_to_rendercv_tests_8[0].end_date: end_date 2020-01-01 is "
        "before start_date 2025-01-01\n"
        ":56:18: cv.sections.welcome_to_rendercv_tests_9[0].authors: expected a list of names, "
        "got a string\n"
        ":58:10: design.theme: the custom theme name should only contain lowercase letters and "
        "digits, got 'not_a_valid_theme'\n"
        ":59:26: warning: design.extra_field_in_design: unknown RenderCV design option, ignored "
        "(expected theme, page, colors, typography, links, header, section_titles, sections, "
        "entries, templates, text, highlights or entry_types)\n"
        ":61:17: settings.current_date: 'todady' is not a date (expected YYYY, YYYY-MM or "
        "YYYY-MM-DD)\n");
  std::size_t errors = 0;
  for (std::size_t at = got.find('\n'); at != std::string::npos; at = got.find('\n', at + 1))
    ++errors;
  CHECK(errors - 1 >= 18); // all lines but the warning
  LoadResult ok = load_cv_file(kData / "input_file.yaml");
  CHECK(ok.warnings.empty());
}

TEST_CASE("rendercv: dates as RenderCV writes them under a RenderCV theme") {
  const std::string cv = "cv:\n  name: J\n  sections:\n    experience:\n"
                         "      - company: A\n        position: B\n"
                         "        start_date: 2022-05\n        end_date: 2022-08\n"
                         "      - company: C\n        position: D\n"
                         "        start_date: 2021-09\n        end_date: 2021-09\n"
                         "      - company: E\n        position: F\n"
                         "        start_date: 2019\n        end_date: present\n"
                         "settings:\n  current_date: 2024-03-15\n  sort: none\n";
  auto dates_of = [](const std::string& yaml, const RenderOptions& options = {}) {
    auto loaded = load_cv_string(yaml, "cv.yaml");
    const Style style = resolve_style(options, loaded.cv.design);
    std::vector<std::string> out;
    const SectionView view = Presenter(loaded.cv, style).section(loaded.cv.sections[0]);
    for (const auto& e : view.entries)
      out.push_back(e.aside.at(0).dates);
    return out;
  };
  const std::string themed = cv + "design:\n  theme: classic\n";
  CHECK(dates_of(themed) ==
        std::vector<std::string>{"May 2022 \u2013 Aug 2022", "Sept 2021", "2019 \u2013 present"});
  // cvpress's own style keeps CLDR's forms.
  RenderOptions own;
  own.style = "cvpress";
  const auto cldr = dates_of(themed, own);
  REQUIRE(cldr.size() == 3);
  CHECK(cldr[0].starts_with("May"));
  CHECK(cldr[0].ends_with("Aug 2022"));
  CHECK(cldr[0].find("2022") == cldr[0].size() - 4); // the year once: "May – Aug 2022"
  CHECK(cldr[1] == "Sep 2021");
  CHECK(cldr[2].starts_with("2019"));
  CHECK(cldr[2].ends_with("present")); // CLDR spaces: not RenderCV's " – "
  CHECK(cldr[2] != "2019 \u2013 present");
  CHECK(dates_of(cv)[0] == cldr[0]);
  // The CV's templates and locale words win.
  CHECK(dates_of(themed + "  templates:\n    single_date: MONTH_NAME YEAR\n"
                          "    date_range: START_DATE to END_DATE\n"
                          "locale:\n  present: now\n") ==
        std::vector<std::string>{"May 2022 to August 2022", "September 2021", "2019 to now"});
  CHECK(dates_of(themed + "locale:\n  month_abbreviations: [Ja, Fe, Mr, Ap, My, Jn, Jl, Au, Se, "
                          "Oc, No, De]\n")[0] == "My 2022 \u2013 Au 2022");
  CHECK(substitute_date_placeholders("DAY_IN_TWO_DIGITS/MONTH_IN_TWO_DIGITS/YEAR_IN_TWO_DIGITS "
                                     "MONTH DAY YEAR",
                                     CalendarDate{2024, 3, 5}, Locale{}) == "05/03/24 3 5 2024");
}

TEST_CASE("rendercv: settings.pdf_title and render_command") {
  auto loaded = load_cv_string("cv:\n  name: Jane Doe\nsettings:\n  current_date: 2024-09-03\n"
                               "  pdf_title: NAME's CV (CURRENT_DATE, YEAR)\n"
                               "  render_command:\n    output_folder: out\n"
                               "    pdf_path: OUTPUT_FOLDER/NAME_IN_LOWER_KEBAB_CASE-MONTH.pdf\n"
                               "    dont_generate_html: true\n",
                               "cv.yaml");
  const Style style = resolve_style({}, loaded.cv.design);
  const Presenter pr(loaded.cv, style);
  CHECK(pr.document_title() == "Jane Doe's CV (Sept 2024, 2024)");
  const auto planned = planned_outputs("/cvs/cv.yaml", loaded.cv);
  REQUIRE(planned.size() == 5);
  CHECK(planned[0].format == "pdf");
  CHECK(planned[0].path == "/cvs/out/jane-doe-9.pdf");
  CHECK_FALSE(planned[0].off);
  CHECK(planned[1].path == "/cvs/out/Jane_Doe_CV.typ");
  CHECK(planned[3].format == "html");
  CHECK(planned[3].off);

  // `cvpress render` without -o writes where render_command says.
  ScratchDir dir;
  const fs::path cv =
      dir.write("cv.yaml", "cv:\n  name: John Doe\nsettings:\n  render_command:\n"
                           "    pdf_path: OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.pdf\n");
  RenderRequest request;
  request.input = cv;
  std::ostringstream out, err;
  CHECK(render_file(request, out, err) == ExitCode::ok);
  CHECK(fs::is_regular_file(dir.path / "rendercv_output" / "John_Doe_CV.pdf"));
  CHECK(err.str() == "");
  // dont_generate_pdf: nothing is written.
  const fs::path off =
      dir.write("off.yaml", "cv:\n  name: Ann Lee\nsettings:\n  render_command:\n"
                            "    dont_generate_pdf: true\n    dont_generate_markdown: true\n"
                            "    dont_generate_html: true\n"
                            "    dont_generate_png: true\n");
  request.input = off;
  std::ostringstream out2, err2;
  CHECK(render_file(request, out2, err2) == ExitCode::ok);
  CHECK(out2.str() ==
        off.string() + ": nothing written (settings.render_command turns every format off)\n");
  CHECK_FALSE(fs::exists(dir.path / "rendercv_output" / "Ann_Lee_CV.pdf"));
}

TEST_CASE("rendercv: bold_keywords in the LaTeX backend too") {
  auto loaded = load_cv_string("cv:\n  name: J\n  sections:\n    skills:\n"
                               "      - Python and C++ daily\nsettings:\n"
                               "  bold_keywords: [Python]\n",
                               "cv.yaml");
  const Backend* latex = find_backend("latex");
  REQUIRE(latex);
  const std::string tex = latex->render(loaded.cv, {}).bytes;
  CHECK(tex.find("\\textbf{Python} and C++ daily") != std::string::npos);
}

// Header icons (issue 15 item 3): Font Awesome names, RenderCV's connection
// icons, the theme defaults, and the icons in the display list.
#include "fonts/icons.hpp"
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

const char* const k_cv = R"(cv:
  name: Ada Lovelace
  location: London
  email: ada@example.com
  social_networks:
    - network: github
      username: ada
    - network: ORCID
      username: 0000-0002-1825-0097
  custom_connections:
    - placeholder: Office hours
      fontawesome_icon: calendar-days
    - placeholder: Engine
      fontawesome_icon: calender
  sections:
    interests:
      - Mathematics
)";

std::string with_design(const std::string& design) {
  return std::string(k_cv) + (design.empty() ? "" : "design:\n" + design);
}

LoadResult load(const std::string& yaml) { return load_cv_string(yaml, "icons.yaml"); }

LaidOutDocument lay_out(const LoadResult& r, const RenderOptions& options = {}) {
  const Style style = resolve_style(options, r.cv.design);
  return layout_cv(r.cv, style, ".");
}

// The header's decorative (icon) items, in painting order.
std::vector<TextItem> icons_of(const LaidOutDocument& doc) {
  std::vector<TextItem> out;
  for (const auto& item : doc.pages.front().items)
    if (const auto* t = std::get_if<TextItem>(&item); t && t->decorative)
      out.push_back(*t);
  return out;
}

std::string utf8(char32_t cp) {
  std::string s;
  s += static_cast<char>(0xE0 | (cp >> 12));
  s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (cp & 0x3F));
  return s;
}

} // namespace

TEST_CASE("icons: Font Awesome 4.7 names, RenderCV's 5/6 names and the fa- prefix") {
  CHECK(icon_code_point("map-marker") == 0xF041);
  CHECK(icon_code_point("location-dot") == 0xF041); // RenderCV's location icon
  CHECK(icon_code_point("fa-envelope") == 0xF0E0);
  CHECK(icon_code_point("x-twitter") == 0xF099);
  CHECK(icon_code_point("calendar-days") == 0xF073);
  CHECK(icon_code_point("orcid") == 0);    // not in Font Awesome 4.7
  CHECK(icon_code_point("Envelope") == 0); // names are lower case
  CHECK(icon_code_point("") == 0);
  CHECK(std::is_sorted(icon_names().begin(), icon_names().end()));
  CHECK(icon_names().size() > 780);
}

TEST_CASE("icons: RenderCV's icon for each connection kind and network (any case)") {
  CHECK(connection_icon_name("location") == "location-dot");
  CHECK(connection_icon_name("email") == "envelope");
  CHECK(connection_icon_name("website") == "link");
  CHECK(connection_icon_name("github") == "github");
  CHECK(connection_icon_name("Google Scholar") == "graduation-cap");
  CHECK(connection_icon_name("Leetcode") == "code");
  CHECK(connection_icon_name("Friendster").empty());
}

TEST_CASE("icons: the installed font has RenderCV's icons 4.7 knows, none for the others") {
  REQUIRE(icon_face() != nullptr); // fonts-font-awesome (scripts/install-deps.sh)
  for (const char* kind : {"location", "email", "phone", "website", "LinkedIn", "GitHub", "GitLab",
                           "IMDB", "Instagram", "StackOverflow", "YouTube", "Google Scholar",
                           "Telegram", "WhatsApp", "Leetcode", "X", "Reddit"}) {
    CAPTURE(kind);
    CHECK(icon_glyph(connection_icon_name(kind)).face != nullptr);
  }
  for (const char* kind : {"ORCID", "Mastodon", "ResearchGate", "Bluesky"}) {
    CAPTURE(kind);
    CHECK(icon_glyph(connection_icon_name(kind)).face == nullptr);
  }
}

TEST_CASE("icons: an unknown fontawesome_icon is a located warning with a suggestion") {
  const LoadResult r = load(with_design(""));
  std::vector<std::string> found;
  for (const auto& w : r.warnings)
    if (w.message.find("Font Awesome") != std::string::npos)
      found.push_back(w.to_string());
  REQUIRE(found.size() == 1);
  CHECK(found.front() ==
        "icons.yaml:14:25: warning: cv.custom_connections[1].fontawesome_icon: Font Awesome 4.7 "
        "(fonts-font-awesome) has no icon 'calender'; the connection is shown without one "
        "(did you mean 'calendar'?)");
}

TEST_CASE("icons: drawn before the connections under a RenderCV theme that shows them") {
  const LoadResult r = load(with_design("  theme: classic\n"));
  const LaidOutDocument doc = lay_out(r);
  const std::vector<TextItem> icons = icons_of(doc);
  // location, email, GitHub, calendar-days; none for ORCID or 'calender'.
  REQUIRE(icons.size() == 4);
  CHECK(icons[0].text == utf8(0xF041));
  CHECK(icons[1].text == utf8(0xF0E0));
  CHECK(icons[2].text == utf8(0xF09B));
  CHECK(icons[3].text == utf8(0xF073));
  for (const TextItem& icon : icons) {
    CHECK(family_name(*icon.face) == "FontAwesome");
    CHECK(icon.size == doctest::Approx(10 * 1.05)); // 1.05 em of the 10 pt connections
    CHECK(icon.color == 0x004F90);                  // the connections' colour
  }
  // The text follows its icon after the gap (0.34 em) on the same baseline.
  for (const auto& item : doc.pages.front().items)
    if (const auto* t = std::get_if<TextItem>(&item); t && t->text == "ada@example.com") {
      CHECK(t->y == doctest::Approx(icons[1].y));
      CHECK(t->x == doctest::Approx(icons[1].x + icons[1].width).epsilon(0.001));
      CHECK(icons[1].width > 3.4);
    }
  CHECK(std::none_of(doc.warnings.begin(), doc.warnings.end(), [](const Diagnostic& d) {
    return d.message.find("no installed font") != std::string::npos;
  }));
  // One link covers the e-mail's icon and its text.
  int mail_links = 0;
  for (const auto& item : doc.pages.front().items)
    if (const auto* l = std::get_if<LinkItem>(&item); l && l->uri == "mailto:ada@example.com") {
      ++mail_links;
      CHECK(l->x == doctest::Approx(icons[1].x));
    }
  CHECK(mail_links == 1);
}

TEST_CASE("icons: off in cvpress's own styles and themes without them, unless the design says") {
  CHECK(icons_of(lay_out(load(with_design("")))).empty());
  CHECK(icons_of(lay_out(load(with_design("  theme: sb2nov\n")))).empty());
  CHECK(icons_of(lay_out(load(with_design("  theme: classic\n  header:\n    connections:\n"
                                          "      show_icons: false\n"))))
            .empty());
  CHECK(icons_of(lay_out(load(with_design("  theme: sb2nov\n  header:\n    connections:\n"
                                          "      show_icons: true\n"))))
            .size() == 4);
  // RenderCV 1.x's spelling.
  CHECK(icons_of(lay_out(load(with_design("  theme: harvard\n  header:\n"
                                          "    use_icons_for_connections: true\n"))))
            .size() == 4);
  // A cvpress style chosen with --style keeps its own default (off).
  RenderOptions own;
  own.style = "cvpress";
  CHECK(icons_of(lay_out(load(with_design("  theme: classic\n")), own)).empty());
}

TEST_CASE("icons: in a right-to-left CV each icon stays at the start of its own item") {
  const LoadResult r = load_cv_string("cv:\n  name: Sara Ahmadi\n  location: تهران، ایران\n"
                                      "  email: sara@example.com\n  website: https://example.com\n"
                                      "locale:\n  language: persian\ndesign:\n  theme: classic\n",
                                      "fa.yaml");
  const LaidOutDocument doc = lay_out(r);
  const std::vector<TextItem> icons = icons_of(doc);
  REQUIRE(icons.size() == 3);
  const TextItem *mail = nullptr, *web = nullptr;
  double place_left = 1e9, place_right = 0; // the location's items (bidi may split it)
  for (const auto& item : doc.pages.front().items)
    if (const auto* t = std::get_if<TextItem>(&item)) {
      if (t->text.find("ایران") != std::string::npos ||
          t->text.find("تهران") != std::string::npos) {
        place_left = std::min(place_left, t->x);
        place_right = std::max(place_right, t->x + t->width);
      } else if (t->text == "sara@example.com")
        mail = t;
      else if (t->text == "example.com")
        web = t;
    }
  REQUIRE(place_right > 0);
  REQUIRE(mail);
  REQUIRE(web);
  // The paragraph stays right to left: the location (first item) on the right,
  // its icon right of it (the gap on the icon's left); left-to-right items
  // keep their icon on their left.
  CHECK(place_left > mail->x);
  const auto icon = [&](char32_t cp) {
    for (const TextItem& t : icons)
      if (t.text == utf8(cp))
        return t;
    FAIL("no icon");
    return TextItem{};
  };
  CHECK(icon(0xF041).x == doctest::Approx(place_right).epsilon(0.001));
  CHECK(icon(0xF0E0).x + icon(0xF0E0).width == doctest::Approx(mail->x).epsilon(0.001));
  CHECK(icon(0xF0C1).x + icon(0xF0C1).width == doctest::Approx(web->x).epsilon(0.001));
}

// Trace goldens of example CVs loaded from YAML (examples/), checks that hold
// for every example (items inside the text area, no lost entries), and the
// mirrored page of the right-to-left example.
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;

namespace {

void check_golden(const std::string& example, const std::string& golden_name) {
  const fs::path src = example.starts_with("tests/")
                           ? fs::path(CVPRESS_SOURCE_DIR) / example
                           : fs::path(CVPRESS_SOURCE_DIR) / "examples" / example;
  LoadResult loaded = load_cv_file(src);
  if (!loaded.cv.settings.current_date) // RenderCV's examples: a fixed "today"
    loaded.cv.settings.current_date = CalendarDate{2026, 3, 1};
  // The style the CLI would use: the design's theme and options.
  const Style style = resolve_style({}, loaded.cv.design);
  const LaidOutDocument doc = layout_cv(loaded.cv, style, src.parent_path());
  const std::string got = trace(doc);
  const fs::path golden = fs::path(CVPRESS_SOURCE_DIR) / "tests/golden/layout" / golden_name;
  const char* update = std::getenv("CVPRESS_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << got;
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing golden " << golden << "; run with CVPRESS_UPDATE_GOLDEN=1");
  std::stringstream want;
  want << in.rdbuf();
  CHECK(got == want.str());
}

} // namespace

TEST_CASE("layout: trace golden of examples/showcase.yaml") {
  check_golden("showcase.yaml", "showcase.trace");
}

TEST_CASE("layout: trace golden of examples/qinghao-hu-cv.yaml") {
  check_golden("qinghao-hu-cv.yaml", "qinghao-hu-cv.trace");
}

TEST_CASE("layout: trace golden of examples/hebrew-cv.yaml (right to left)") {
  check_golden("hebrew-cv.yaml", "hebrew-cv.trace");
}

// RenderCV themes (their built-in styles, RenderCV's defaults): the
// classic example in classic, harvard's in harvard, moderncv's in moderncv.
TEST_CASE("layout: trace goldens of RenderCV's classic, harvard and moderncv themes") {
  check_golden("tests/data/rendercv/John_Doe_ClassicTheme_CV.yaml", "rendercv-classic.trace");
  check_golden("tests/data/rendercv/John_Doe_HarvardTheme_CV.yaml", "rendercv-harvard.trace");
  check_golden("tests/data/rendercv/John_Doe_ModerncvTheme_CV.yaml", "rendercv-moderncv.trace");
}

TEST_CASE("layout: a right-to-left example is mirrored") {
  const fs::path src = fs::path(CVPRESS_SOURCE_DIR) / "examples/hebrew-cv.yaml";
  const LoadResult loaded = load_cv_file(src);
  for (auto look : {HeadingLook::partial_rule, HeadingLook::underline, HeadingLook::bar}) {
    Style st = default_style();
    st.heading_look = look;
    CAPTURE(static_cast<int>(look));
    const LaidOutDocument doc = layout_cv(loaded.cv, st, src.parent_path());
    REQUIRE(!doc.pages.empty());
    const double left = st.margin_left, right = st.page_width - st.margin_right;
    const double date_edge = left + st.date_column_width; // the date column ends here
    auto near = [](double a, double b) { return std::abs(a - b) < 0.05; };
    auto is_label = [](const std::string& t) {
      return t == "•" || t == "–" ||
             (!t.empty() && t.back() == '.' && t.front() >= '0' && t.front() <= '9' &&
              t.size() <= 3);
    };
    const auto& items = doc.pages[0].items;
    // Text lines by baseline (superscripts left out), from the first heading
    // down to the footer.
    std::map<double, std::vector<const TextItem*>, std::greater<>> lines;
    double first_heading = 0;
    for (const auto& item : items)
      if (const auto* t = std::get_if<TextItem>(&item)) {
        if (t->size == st.heading_size)
          first_heading = std::max(first_heading, t->y);
        if (t->y > st.margin_bottom + 20 && t->size >= st.body_size)
          lines[t->y].push_back(t);
      }
    REQUIRE(first_heading > 0);
    int headings = 0, decorations = 0, dated = 0, aligned = 0, labelled = 0;
    std::vector<double> item_ends; // right edges of list items' text
    for (const auto& [y, line] : lines) {
      if (y > first_heading)
        continue; // the centred header
      double min_x = 1e9, max_x = 0, date_right = 0, main_left = 1e9, label_x = -1;
      bool heading = false, year = false;
      for (const TextItem* t : line) {
        if (is_label(t->text) && t->x > right - 30) {
          label_x = t->x;
          continue;
        }
        min_x = std::min(min_x, t->x);
        max_x = std::max(max_x, t->x + t->width);
        heading = heading || t->size == st.heading_size;
        if (t->x + t->width < date_edge) {
          date_right = std::max(date_right, t->x + t->width);
          year = year || t->text.find("20") != std::string::npos;
        } else {
          main_left = std::min(main_left, t->x);
        }
      }
      INFO("line at y " << y);
      if (label_x >= 0) {
        // A list item: the bullet or number in the right indent, the text
        // right-aligned before it.
        ++labelled;
        CHECK(max_x < label_x);
        CHECK(label_x > right - 30);
        item_ends.push_back(max_x);
      } else if (heading && look == HeadingLook::bar) {
        CHECK(near(max_x, right - 8)); // the bar's room
      } else if (max_x > date_edge) {
        // The main column ends at the right margin (or, on a list item's
        // next line, where the item's text ends).
        ++aligned;
        CHECK((near(max_x, right) || std::any_of(item_ends.begin(), item_ends.end(),
                                                 [&](double e) { return near(max_x, e); })));
      }
      if (heading) {
        ++headings;
        // The rule fills the line left of the title; the underline is under
        // it; the bar is right of it.
        for (const auto& item : items) {
          if (const auto* r = std::get_if<RuleItem>(&item); r && std::abs(r->y0 - y) < 8) {
            ++decorations;
            const double x0 = std::min(r->x0, r->x1), x1 = std::max(r->x0, r->x1);
            if (look == HeadingLook::partial_rule) {
              CHECK(near(x0, left));
              CHECK(x1 < min_x);
            } else {
              CHECK(near(x0, min_x));
              CHECK(near(x1, max_x));
            }
          } else if (const auto* b = std::get_if<RectItem>(&item); b && std::abs(b->y - y) < 8) {
            ++decorations;
            CHECK(b->x >= max_x);
            CHECK(near(b->x + b->width, right));
          }
        }
      }
      if (year) {
        // Dates start at the left margin, before the main column.
        ++dated;
        CHECK(near(min_x, left));
        CHECK(date_right < main_left);
      }
    }
    CHECK(headings >= 6);
    CHECK(decorations == headings);
    CHECK(dated >= 5);
    CHECK(aligned > 15); // fewer lines since text below the dates runs the full width
    CHECK(labelled >= 5);
  }
}

TEST_CASE("layout: every example lays out inside the text area") {
  const Style st = default_style();
  for (const auto& entry : fs::directory_iterator(fs::path(CVPRESS_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".yaml")
      continue;
    INFO(entry.path().filename().string());
    const LoadResult loaded = load_cv_file(entry.path());
    const LaidOutDocument doc = layout_cv(loaded.cv, st, entry.path().parent_path());
    CHECK(!doc.pages.empty());
    CHECK(doc.bookmarks.size() == loaded.cv.sections.size());
    const double x0 = st.margin_left - 0.01, x1 = st.page_width - st.margin_right + 0.01;
    const double y0 = st.margin_bottom - 0.01, y1 = st.page_height - st.margin_top + 0.01;
    for (const auto& page : doc.pages)
      for (const auto& item : page.items)
        if (const auto* t = std::get_if<TextItem>(&item)) {
          INFO(t->text);
          CHECK(t->x >= x0);
          CHECK(t->x + t->width <= x1);
          CHECK(t->y >= y0);
          CHECK(t->y <= y1);
        }
  }
}

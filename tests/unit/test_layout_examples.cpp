// Trace goldens of example CVs loaded from YAML (examples/), and checks
// that hold for every example: items inside the text area, no lost entries.
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;

namespace {

void check_golden(const std::string& example, const std::string& golden_name) {
  const fs::path src = fs::path(CVPRESS_SOURCE_DIR) / "examples" / example;
  const LoadResult loaded = load_cv_file(src);
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

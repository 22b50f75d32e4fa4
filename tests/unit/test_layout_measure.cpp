// The date column and the measure (issue 14, item 3): lines give way to the
// date column only beside its text; the column is as wide as its widest text.
#include "layout/layout.hpp"
#include "test_layout_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;
using namespace layout_test;

namespace {

std::vector<const TextItem*> texts(const LaidOutDocument& doc) {
  std::vector<const TextItem*> out;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item))
        out.push_back(t);
  return out;
}

const TextItem* find(const LaidOutDocument& doc, const std::string& text, bool prefix = false) {
  for (const auto* t : texts(doc))
    if (t->text == text || (prefix && t->text.rfind(text, 0) == 0))
      return t;
  return nullptr;
}

// Right edges of the text lines (baselines rounded) between baselines y0 > y1.
std::vector<std::pair<double, double>> line_ends(const LaidOutDocument& doc, double y0, double y1,
                                                 double x_max) {
  std::vector<std::pair<double, double>> ends; // (baseline, right edge)
  for (const auto* t : texts(doc)) {
    if (t->y > y0 + 0.1 || t->y < y1 - 0.1 || t->x >= x_max)
      continue;
    auto it = std::find_if(ends.begin(), ends.end(),
                           [&](const auto& e) { return std::abs(e.first - t->y) < 0.5; });
    if (it == ends.end())
      ends.emplace_back(t->y, t->x + t->width);
    else
      it->second = std::max(it->second, t->x + t->width);
  }
  return ends;
}

const std::string k_long =
    "Designed and built a distributed scheduler for deep learning training jobs on shared GPU "
    "clusters, cutting the average job completion time by half across four datacenters";

} // namespace

TEST_CASE("layout: text beside the date column gives way to it, below it runs the full width") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  ExperienceEntry e;
  e.position = rt("Research Intern");
  e.company = rt("Shanghai AI Laboratory");
  e.details.dates = range(2022, 3, 2023, 6);
  e.details.location = rt("Shanghai, China");
  e.details.highlights = {Highlight{rt(k_long), {}}, Highlight{rt(k_long), {}}};
  cv.sections.push_back(Section{"experience", "Experience", {e}, {}});
  const Style st = default_style();
  const LaidOutDocument doc = layout_cv(cv, st, {});
  const double right = st.page_width - st.margin_right;
  const TextItem* date = find(doc, "Mar 2022", true);
  const TextItem* place = find(doc, "Shanghai, China");
  REQUIRE(date);
  REQUIRE(place);
  const double column = std::min(date->x, place->x); // the date column's left edge
  CHECK(date->x + date->width == doctest::Approx(right).epsilon(0.001));
  // The head rows sit beside the column's two lines.
  for (const auto& [y, end] : line_ends(doc, date->y, place->y, column))
    CHECK(end < column - 5);
  // The bullets start below the column: their lines reach past its left edge.
  const auto below = line_ends(doc, place->y - 1, 0, right + 1);
  REQUIRE(below.size() >= 3);
  const double widest = std::max_element(below.begin(), below.end(), [](auto& a, auto& b) {
                          return a.second < b.second;
                        })->second;
  CHECK(widest > column + 20);
  for (const auto& [y, end] : below)
    CHECK(end <= right + 0.01);
}

TEST_CASE("layout: a years-only date column is narrow, a publication title uses the width") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  PublicationEntry p;
  p.title = rt("Characterization of Large Language Model Development in the Datacenter with "
               "Trillion-Parameter Models on Heterogeneous Clusters");
  p.authors = {Author{rt("Qinghao Hu"), true, false, false},
               Author{rt("Peng Sun"), false, false, false}};
  p.journal = rt("USENIX Symposium on Networked Systems Design and Implementation");
  p.dates = single(2024);
  cv.sections.push_back(Section{"publications", "Publications", {p}, {}});
  const Style st = default_style();
  const LaidOutDocument doc = layout_cv(cv, st, {});
  const double right = st.page_width - st.margin_right;
  const double width = right - st.margin_left;
  const TextItem* year = find(doc, "2024");
  REQUIRE(year);
  // The column holds "2024" (within the style's minimum), far narrower than
  // the style's nominal column_width.
  const double column = std::max(year->width + 0.5, st.date_column_min);
  CHECK(column < 0.1 * width);
  CHECK(column < st.date_column_width / 2);
  CHECK(year->x + year->width == doctest::Approx(right).epsilon(0.001));
  // The title's first line, beside the year, reaches close to the column.
  const auto ends = line_ends(doc, year->y, year->y, right - column);
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].second > right - column - 10 - 60);
  CHECK(ends[0].second < right - column - 5);
  // Its second line, below the year, may run up to the right margin.
  const auto next = line_ends(doc, year->y - 1, year->y - 20, right + 1);
  REQUIRE(!next.empty());
  CHECK(next.front().second <= right + 0.01);
}

TEST_CASE("layout: a summary moved up beside a taller date column is narrow there, wide below") {
  // A one-line title beside "dates / location": the summary starts under the
  // title, beside the location, and widens once below it.
  Cv cv;
  cv.header.name.full = "Jane Doe";
  NormalEntry e;
  e.name = rt("Project Title");
  e.details.dates = range(2024, 1, 2024, 6);
  e.details.location = rt("Fairfax, Virginia, United States");
  e.details.summary = rt(k_long);
  cv.sections.push_back(Section{"projects", "Projects", {e}, {}});
  const Style st = default_style();
  const LaidOutDocument doc = layout_cv(cv, st, {});
  const double right = st.page_width - st.margin_right;
  const TextItem* place = find(doc, "Fairfax, Virginia, United States");
  REQUIRE(place);
  const auto lines = line_ends(doc, place->y, 0, place->x);
  REQUIRE(lines.size() >= 2);
  // The summary's first line is level with the location and stops before it.
  CHECK(std::abs(lines.front().first - place->y) < 1.5);
  CHECK(lines.front().second < place->x - 5);
  // Its next line, below the date column, runs past the column's left edge.
  const auto below = line_ends(doc, place->y - 5, 0, right + 1);
  REQUIRE(!below.empty());
  CHECK(below.front().second > place->x + 20);
}

// Page breaking over the whole document (layout/paginate): one test per
// rule on synthetic blocks of 12.5 pt lines, then fitting to max_pages
// and the style's bad values.
#include "layout/layout.hpp"
#include "layout/paginate.hpp"
#include "style/style_loader.hpp"
#include "test_layout_support.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace cvpress;
using namespace cvpress::detail;
using namespace layout_test;

namespace {

constexpr double k_line = 12.5;
// A text area of exactly 40 lines.
const PageFrame k_frame{40 * k_line, 0};

// A block of `lines` one-line strips (a splittable paragraph) or one strip
// of `lines` lines (kept whole), after `gap` of glue.
Block block(int lines, bool per_line, double gap = 6, double stretch = 3, double shrink = 2,
            BlockRef::Kind kind = BlockRef::Kind::entry, int entry = 0) {
  Block b;
  b.ref = {kind, 0, entry};
  if (per_line) {
    for (int i = 0; i < lines; ++i) {
      Strip s;
      s.height = k_line;
      s.lines = 1;
      if (i == 0)
        s.space_before = gap, s.stretch = stretch, s.shrink = shrink;
      b.strips.push_back(s);
    }
  } else {
    Strip s;
    s.height = lines * k_line;
    s.lines = lines;
    s.space_before = gap, s.stretch = stretch, s.shrink = shrink;
    b.strips.push_back(s);
  }
  return b;
}

Block heading(int section) {
  Block b = block(1, false, 10, 4, 3, BlockRef::Kind::heading);
  b.ref.section = section;
  b.keep_with_next = true;
  return b;
}

// Rigid one-line entries filling `lines` lines (no glue between them).
void filler(std::vector<Block>& blocks, int lines) {
  for (int i = 0; i < lines; ++i)
    blocks.push_back(block(1, false, 0, 0, 0, BlockRef::Kind::entry, 100 + i));
}

LaidOutDocument paginated(std::vector<Block> blocks, BreakRules rules = {}) {
  LaidOutDocument doc;
  paginate(blocks, k_frame, doc, rules);
  return doc;
}

std::string style_errors(std::string_view yaml) {
  try {
    (void)parse_style(yaml, "my.yaml", {});
    return "valid";
  } catch (const InputError& e) {
    return e.what();
  }
}

Cv long_cv(int entries) {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"experience", "Experience", {}, {}};
  for (int i = 0; i < entries; ++i) {
    ExperienceEntry e;
    e.position = rt("Position E" + std::to_string(i));
    e.company = rt("Company");
    e.details.dates = range(2010, 1, 2011, 2);
    for (int k = 0; k < 3; ++k)
      e.details.highlights.push_back(
          Highlight{rt("E" + std::to_string(i) + " highlight " + std::to_string(k)), {}});
    s.entries.emplace_back(e);
  }
  cv.sections.push_back(s);
  return cv;
}

} // namespace

TEST_CASE("paginate: a heading is kept with the first two lines of its first entry") {
  // Filler leaves `room` lines at the foot of page 1 for the heading and a
  // tall (splittable) entry; more filler follows, so page 2 is full.
  auto first_break = [](int room) {
    std::vector<Block> blocks;
    filler(blocks, 40 - room);
    blocks.push_back(heading(1));
    blocks.push_back(block(20, true)); // 50% of the page: may split
    filler(blocks, 40);
    const std::vector<std::size_t> starts = choose_breaks(blocks, k_frame, {});
    REQUIRE(starts.size() >= 2);
    return starts[1];
  };
  for (int room = 1; room <= 14; ++room) {
    INFO("room " << room);
    const std::size_t h = 40 - room; // the heading's strip
    const std::size_t at = first_break(room);
    CHECK(at != h + 1);         // never a heading alone at the foot
    if (at > h && at < h + 21)  // inside its entry:
      CHECK(at - (h + 1) >= 2); // two lines or more below the heading
    if (room <= 3)              // no room for heading, gap and two lines
      CHECK(at <= h);
  }
  // A lot of room: the entry is split under its heading rather than leave
  // 30% of the page empty.
  const std::size_t at = first_break(12);
  CHECK(at > 40 - 12 + 2);
  CHECK(at < 40 - 12 + 21);
}

TEST_CASE("paginate: two lines on each side of a split, even to save a page") {
  // Rigid glue and fewest pages: two pages only if a 20-line entry left one
  // line under its heading (page 1) or one line over (page 2); the rule
  // costs a third page instead.
  BreakRules fewest;
  fewest.fewest_pages = true;
  auto widow = [&](int before) {
    std::vector<Block> blocks;
    filler(blocks, before);
    blocks.push_back(block(1, false, 0, 0, 0, BlockRef::Kind::heading));
    blocks.back().keep_with_next = true;
    blocks.push_back(block(20, true, 0, 0, 0));
    filler(blocks, 21);
    return choose_breaks(blocks, k_frame, fewest).size();
  };
  CHECK(widow(38) == 3);
  CHECK(widow(37) == 2); // room for the heading and two lines
  std::vector<Block> orphan;
  filler(orphan, 21);
  orphan.push_back(block(20, true, 0, 0, 0));
  filler(orphan, 39);
  CHECK(choose_breaks(orphan, k_frame, fewest).size() == 3);
}

TEST_CASE("paginate: a heading keeps two lines of a list, a list never ends alone on a page") {
  // One-line list entries (awards): each is its own block, so the rule
  // counts lines across blocks. Rigid glue, fewest pages: two pages only if
  // one award stayed under its heading, or the last one went over alone.
  BreakRules fewest;
  fewest.fewest_pages = true;
  auto list_case = [&](int before, int after) {
    std::vector<Block> blocks;
    filler(blocks, before);
    blocks.push_back(block(1, false, 0, 0, 0, BlockRef::Kind::heading));
    blocks.back().ref.section = 1;
    blocks.back().keep_with_next = true;
    for (int i = 0; i < 6; ++i) {
      blocks.push_back(block(1, false, 0, 0, 0, BlockRef::Kind::entry, i));
      blocks.back().ref.section = 1;
      blocks.back().list_item = true;
    }
    filler(blocks, after);
    return choose_breaks(blocks, k_frame, fewest).size();
  };
  CHECK(list_case(38, 35) == 3); // heading + 1 award would fit on page 1
  CHECK(list_case(37, 35) == 2); // heading + 2 awards do
  CHECK(list_case(34, 39) == 3); // the 6th award alone would start page 2
  CHECK(list_case(34, 38) == 2); // the last 2 awards start page 2
}

TEST_CASE("paginate: an entry shorter than the split fraction is never split") {
  // 10 lines = 25% of the page, under the 35% fraction: kept whole even
  // when 8 of its lines would fit.
  for (int room = 2; room <= 9; ++room) {
    std::vector<Block> blocks;
    filler(blocks, 40 - room);
    blocks.push_back(block(10, true, 0, 0, 0, BlockRef::Kind::entry, 7));
    filler(blocks, 40);
    const LaidOutDocument doc = paginated(blocks);
    INFO("room " << room);
    for (const PageBreak& b : doc.breaks)
      CHECK_FALSE(b.inside);
  }
}

TEST_CASE("paginate: a tall entry is split with at least two lines on each side") {
  bool split = false;
  for (int room = 1; room <= 14; ++room) {
    std::vector<Block> blocks;
    filler(blocks, 40 - room);
    blocks.push_back(block(20, true, 0, 0, 0, BlockRef::Kind::entry, 7)); // 50% of the page
    filler(blocks, 40);
    const std::vector<std::size_t> starts = choose_breaks(blocks, k_frame, {});
    INFO("room " << room);
    REQUIRE(starts.size() >= 2);
    const std::size_t first_line = 40 - room; // strip index of the entry's first line
    if (starts[1] > first_line && starts[1] < first_line + 20) {
      split = true;
      const std::size_t before = starts[1] - first_line;
      CHECK(before >= 2);
      CHECK(20 - before >= 2);
    }
    if (room == 1) // one line of room: never a single line before the break
      CHECK(starts[1] <= first_line);
  }
  CHECK(split); // with enough room it is split rather than leave a gap
}

TEST_CASE("paginate: a short last page is pulled back by shrinking the glue") {
  // 30 entries of one line with 6pt plus 3pt minus 2pt between them need
  // 30 * 12.5 + 29 * 6 = 549 pt, 49 pt more than the page; 29 * 2 = 58 pt
  // of shrink absorbs it: one page, not a page 2 holding two lines.
  std::vector<Block> blocks;
  for (int i = 0; i < 30; ++i)
    blocks.push_back(block(1, false, i == 0 ? 0 : 6, 3, 2, BlockRef::Kind::entry, i));
  CHECK(paginated(blocks).pages.size() == 1);
  // Without shrink it takes two pages, and the second is not left with a
  // line or two: the breaker balances it to at least 30% of the page.
  std::vector<Block> rigid;
  for (int i = 0; i < 30; ++i)
    rigid.push_back(block(1, false, i == 0 ? 0 : 6, 0, 0, BlockRef::Kind::entry, i));
  const LaidOutDocument doc = paginated(rigid);
  REQUIRE(doc.pages.size() == 2);
  const int on_last = 30 - doc.breaks[0].at.entry;
  CHECK(on_last * (k_line + 6) >= 0.3 * 40 * k_line);
}

TEST_CASE("paginate: pages but the last are filled by stretching the glue") {
  std::vector<Block> blocks;
  for (int i = 0; i < 4; ++i) {
    blocks.push_back(block(9, false, i == 0 ? 0 : 6, 12, 2, BlockRef::Kind::entry, i));
  }
  // 4 x 9 lines + 3 gaps (486 pt) fit; add a fifth entry to force 2 pages.
  blocks.push_back(block(30, false, 6, 12, 2, BlockRef::Kind::entry, 4));
  std::vector<Block> copy = blocks;
  LaidOutDocument doc;
  for (auto& b : copy) // give every strip an item to find it by
    b.strips.front().items.push_back(RectItem{0, 0, 1, 1, 0});
  paginate(copy, k_frame, doc, {});
  REQUIRE(doc.pages.size() == 2);
  // Page 1: 4 rects; the last one's bottom (y - height) reaches the frame's
  // bottom because the three gaps stretched (14 pt of room, 36 of stretch).
  REQUIRE(doc.pages[0].items.size() == 4);
  const auto& last = std::get<RectItem>(doc.pages[0].items.back());
  CHECK(last.y - 9 * k_line == doctest::Approx(0).epsilon(1e-6));
}

TEST_CASE("paginate: a 5,000-entry document is broken in bounded time") {
  std::vector<Block> blocks;
  for (int i = 0; i < 5000; ++i)
    blocks.push_back(block(1 + i % 4, i % 7 == 0, 6, 3, 2, BlockRef::Kind::entry, i));
  const std::vector<std::size_t> starts = choose_breaks(blocks, k_frame, {});
  // About 12,000 lines: at least 300 pages of 40 lines.
  CHECK(starts.size() >= 300);
  CHECK(starts.size() <= 500);
}

TEST_CASE("fit: max_pages shrinks the glue first, then type, then warns") {
  Style st = default_style();
  // The shortest CV of this kind that takes two pages.
  int n = 3;
  while (layout_cv(long_cv(n), st, ".").pages.size() < 2)
    ++n;
  const Cv cv = long_cv(n);
  st.max_pages = 1;
  const LaidOutDocument fitted = layout_cv(cv, st, ".");
  CHECK(fitted.pages.size() == 1);
  CHECK(fitted.scale < 1);
  CHECK(fitted.scale >= st.fit_floor);
  CHECK(fitted.warnings.empty());
  // Far too long for one page: set at the floor, with a warning.
  const LaidOutDocument too_long = layout_cv(long_cv(3 * n), st, ".");
  CHECK(too_long.scale == doctest::Approx(0.9));
  REQUIRE(too_long.warnings.size() == 1);
  CHECK(too_long.warnings[0].path == "max_pages");
  CHECK(too_long.warnings[0].message ==
        "the CV does not fit on 1 page even with its type at 90% (the style's floor); it takes " +
            std::to_string(too_long.pages.size()) + " pages");
  // A CV that fits is left alone.
  CHECK(layout_cv(long_cv(3), st, ".").scale == 1);
}

TEST_CASE("fit: spacing gives way twice as fast as type, leading never under 1.1") {
  const Style st = default_style();
  const Style s = scaled_style(st, 0.9);
  CHECK(s.body_size == doctest::Approx(st.body_size * 0.9));
  CHECK(s.heading_size == doctest::Approx(st.heading_size * 0.9));
  CHECK(s.entry_spacing == doctest::Approx(st.entry_spacing * 0.8));
  CHECK(s.entry_shrink == doctest::Approx(st.entry_shrink * 0.8));
  CHECK(s.section_spacing == doctest::Approx(st.section_spacing * 0.8));
  CHECK(s.item_stretch == doctest::Approx(st.item_stretch * 0.8));
  CHECK(s.line_spacing == doctest::Approx(std::max(1.1, st.line_spacing * 0.9)));
  // A floor under 50% cannot make the spacing negative.
  CHECK(scaled_style(st, 0.4).entry_spacing == 0);
  CHECK(scaled_style(st, 1).entry_spacing == st.entry_spacing);
}

TEST_CASE("styles: bad page fitting and glue values are located errors") {
  CHECK(style_errors("extends: classic\npage: {fit_floor: 120%}\n") ==
        "my.yaml:2:19: page.fit_floor: must be 100% or less (fitting never enlarges type), got "
        "'120%'");
  CHECK(style_errors("extends: classic\npage: {max_pages: 0}\n") ==
        "my.yaml:2:19: page.max_pages: must be 1 or more, got 0");
  CHECK(style_errors("extends: classic\npage: {max_pages: two}\n") ==
        "my.yaml:2:19: page.max_pages: expected a whole number of pages, got 'two'");
  CHECK(style_errors("extends: classic\nspacing: {entry: 6pt plus -2pt}\n") ==
        "my.yaml:2:18: spacing.entry: the stretch must be 0 or more, got -2pt");
  CHECK(style_errors("extends: classic\nspacing: {item: 2pt minus -1pt}\n") ==
        "my.yaml:2:17: spacing.item: the shrink must be 0 or more, got -1pt");
  CHECK(style_errors("extends: classic\nspacing: {entry: 2pt minus 3pt}\n") ==
        "my.yaml:2:18: spacing.entry: the shrink must not exceed the space itself (2pt), got 3pt");
  CHECK(style_errors("extends: classic\nspacing: {entry: 6pt plush 2pt}\n") ==
        "my.yaml:2:18: spacing.entry: expected a length with optional stretch and shrink such as "
        "6pt plus 3pt minus 2pt, got '6pt plush 2pt'");
  const Style ok = parse_style(
      "extends: classic\npage: {max_pages: 2, fit_floor: 85%}\nspacing: {entry: 5pt plus 2pt minus "
      "1pt}\n",
      "my.yaml", {});
  CHECK(ok.max_pages == 2);
  CHECK(ok.fit_floor == doctest::Approx(0.85));
  CHECK(ok.entry_spacing == 5);
  CHECK(ok.entry_stretch == 2);
  CHECK(ok.entry_shrink == 1);
}

TEST_CASE("design: page.max_pages in a CV is checked with its location") {
  auto errors_of = [](const std::string& yaml) {
    try {
      const Cv cv = load_cv_string(yaml, "cv.yaml").cv;
      (void)resolve_style(RenderOptions{}, cv.design);
      return std::string("valid");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
  };
  CHECK(errors_of("cv:\n  name: Jane\ndesign:\n  page:\n    max_pages: 0\n") ==
        "cv.yaml:5:16: design.page.max_pages: must be 1 or more, got 0");
  CHECK(errors_of("cv:\n  name: Jane\ndesign:\n  page:\n    fit_floor: 101%\n") ==
        "cv.yaml:5:16: design.page.fit_floor: must be 100% or less (fitting never enlarges "
        "type), got '101%'");
  const Cv cv =
      load_cv_string("cv:\n  name: Jane\ndesign:\n  page:\n    max_pages: 2\n", "cv.yaml").cv;
  const Style st = resolve_style(RenderOptions{}, cv.design);
  CHECK(st.max_pages == 2);
  CHECK(st.max_pages_path == "design.page.max_pages");
  RenderOptions cli;
  cli.max_pages = 1; // --max-pages wins over the CV
  CHECK(resolve_style(cli, cv.design).max_pages == 1);
}

TEST_CASE("latex: pages break where the layout breaks them, entries kept whole") {
  const Backend* latex = find_backend("latex");
  REQUIRE(latex != nullptr);
  // Filler paragraphs until the layout moves the second heading to page 2.
  bool seen = false;
  for (int filler = 30; filler < 70 && !seen; ++filler) {
    Cv cv;
    cv.header.name.full = "Jane Doe";
    Section first{"a", "First", {}, {}};
    for (int i = 0; i < filler; ++i)
      first.entries.emplace_back(TextEntry{rt("Filler paragraph " + std::to_string(i)), {}});
    Section second{"b", "Second", {}, {}};
    NormalEntry n;
    n.name = rt("FIRST-OF-SECOND");
    for (int k = 0; k < 6; ++k)
      n.details.highlights.push_back(Highlight{rt("highlight " + std::to_string(k)), {}});
    second.entries.emplace_back(n);
    Section third{"c", "Third", {}, {}}; // so that page 2 is not short
    for (int i = 0; i < 50; ++i)
      third.entries.emplace_back(TextEntry{rt("More filler " + std::to_string(i)), {}});
    cv.sections = {first, second, third};
    const LaidOutDocument doc = layout_cv(cv, default_style(), ".");
    const std::string tex = latex->render(cv, RenderOptions{}).bytes;
    INFO("filler " << filler);
    // Exactly the layout's breaks, and no entry marked splittable.
    std::size_t breaks = 0;
    for (std::size_t at = tex.find("\n\\cvPageBreak\n"); at != std::string::npos;
         at = tex.find("\n\\cvPageBreak\n", at + 1))
      ++breaks;
    CHECK(breaks == doc.breaks.size());
    CHECK(tex.find("\\begingroup\\cvSplittable") == std::string::npos);
    for (const PageBreak& b : doc.breaks)
      if (b.at.kind == BlockRef::Kind::heading) {
        const std::string& title = cv.sections.at(static_cast<std::size_t>(b.at.section)).title;
        CHECK(tex.find("\\cvPageBreak\n\\cvSection{" + title + "}") != std::string::npos);
        seen = true;
      }
  }
  CHECK(seen);
  // Rows end with \cvKeep (no break inside an entry); a talk's events list
  // starts without a break after its title.
  const std::string tex = latex->render(Cv{}, RenderOptions{}).bytes;
  CHECK(tex.find("\\newcommand{\\cvKeep}{\\penalty\\cvKeepPenalty}") != std::string::npos);
  CHECK(tex.find("beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty,endpenalty=0}") !=
        std::string::npos);
}

TEST_CASE("latex: an entry the layout splits is splittable in TeX too") {
  const Backend* latex = find_backend("latex");
  REQUIRE(latex != nullptr);
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"experience", "Experience", {}, {}};
  ExperienceEntry e;
  e.position = rt("Long");
  for (int k = 0; k < 90; ++k)
    e.details.highlights.push_back(Highlight{rt("highlight " + std::to_string(k)), {}});
  s.entries.emplace_back(e);
  cv.sections = {s};
  const LaidOutDocument doc = layout_cv(cv, default_style(), ".");
  REQUIRE(!doc.breaks.empty());
  CHECK(doc.breaks[0].inside);
  const std::string tex = latex->render(cv, RenderOptions{}).bytes;
  CHECK(tex.find("\\begingroup\\cvSplittable\n\\cvExperience{Long}") != std::string::npos);
  CHECK(tex.find("\n\\cvPageBreak\n") == std::string::npos);
}

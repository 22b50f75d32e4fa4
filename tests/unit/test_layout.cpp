// CV layout tests: pagination rules, text area, header links, photos, dates,
// and the trace golden.
#include "fonts/font_set.hpp"
#include "layout/layout.hpp"
#include "present/dates.hpp"
#include "resources/image.hpp"
#include "style/style_loader.hpp"
#include "test_layout_support.hpp"
#include "text/translations.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace cvpress;
using namespace cvpress::detail;
using namespace layout_test;

namespace {

const std::string
    k_png("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00"
          "\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d"
          "\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80\xeb"
          "\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
          70);

// SOI, SOF0 (2x3, 3 components), SOS, two bytes of scan data, EOI.
const std::string k_jpeg("\xff\xd8\xff\xc0\x00\x11\x08\x00\x03\x00\x02\x03\x01\x11\x00\x02\x11\x01"
                         "\x03\x11\x01\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00\x12"
                         "\xff\x00\xff\xd9",
                         40);

Cv many_entries_cv(int entries, int highlights) {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"experience", "Experience", {}, {}};
  for (int i = 0; i < entries; ++i) {
    ExperienceEntry e;
    e.position = rt("Position E" + std::to_string(i) + ":");
    e.company = rt("Company");
    e.details.dates = range(2010 + i, 1, 2011 + i, 2);
    for (int k = 0; k < highlights; ++k)
      e.details.highlights.push_back(
          Highlight{rt("E" + std::to_string(i) + ": highlight number " + std::to_string(k) +
                       " with enough words to be a realistic bullet point"),
                    {}});
    s.entries.emplace_back(e);
  }
  cv.sections.push_back(s);
  return cv;
}

// Every item lies inside the page's text area (margins excluded).
void check_inside(const LaidOutDocument& doc, const Style& st) {
  const double x0 = st.margin_left - 0.01, x1 = st.page_width - st.margin_right + 0.01;
  const double y0 = st.margin_bottom - 0.01, y1 = st.page_height - st.margin_top + 0.01;
  auto inside = [&](double x, double y) { return x >= x0 && x <= x1 && y >= y0 && y <= y1; };
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      std::visit(
          [&](const auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, TextItem>) {
              INFO(it.text);
              CHECK(inside(it.x, it.y));
              CHECK(inside(it.x + it.width, it.y));
              // The font's whole ascent and descent, not just the baseline.
              const FaceMetrics m = metrics(*it.face);
              CHECK(it.y + m.ascender * it.size <= y1);
              CHECK(it.y + m.descender * it.size >= y0);
            } else if constexpr (std::is_same_v<T, RuleItem>) {
              CHECK(inside(it.x0, it.y0));
              CHECK(inside(it.x1, it.y1));
            } else {
              CHECK(inside(it.x, it.y));
              CHECK(inside(it.x + it.width, it.y + it.height));
            }
          },
          item);
}

int page_of(const LaidOutDocument& doc, const std::string& needle) {
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    if (page_text(doc.pages[p]).find(needle) != std::string::npos)
      return static_cast<int>(p);
  return -1;
}

std::filesystem::path temp_dir() {
  auto d = std::filesystem::temp_directory_path() / "cvpress_layout_test";
  std::filesystem::create_directories(d);
  return d;
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

} // namespace

TEST_CASE("layout: an entry that fits on a page is never split") {
  const Style st = default_style();
  const Cv cv = many_entries_cv(14, 4);
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  REQUIRE(doc.pages.size() >= 2);
  for (int i = 0; i < 14; ++i) {
    const std::string tag = "E" + std::to_string(i) + ":";
    std::set<int> pages;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
      if (page_text(doc.pages[p]).find(tag) != std::string::npos)
        pages.insert(static_cast<int>(p));
    INFO(tag);
    CHECK(pages.size() == 1);
  }
  check_inside(doc, st);
}

TEST_CASE("layout: an entry taller than a page is split between lines, inside the text area") {
  const Style st = default_style();
  const LaidOutDocument doc = layout_cv(many_entries_cv(1, 80), st, ".");
  CHECK(doc.pages.size() >= 2);
  check_inside(doc, st);
}

TEST_CASE("layout: a section heading never ends a page") {
  const Style st = default_style();
  for (int filler = 30; filler < 60; ++filler) {
    Cv cv;
    cv.header.name.full = "Jane Doe";
    Section first{"a", "First", {}, {}};
    for (int i = 0; i < filler; ++i)
      first.entries.emplace_back(TextEntry{rt("Filler paragraph " + std::to_string(i)), {}});
    Section second{"b", "Second", {}, {}};
    NormalEntry n;
    n.name = rt("FIRST-OF-SECOND");
    n.details.highlights = {Highlight{rt("HIGHLIGHT-ONE"), {}}, Highlight{rt("HIGHLIGHT-TWO"), {}}};
    second.entries.emplace_back(n);
    cv.sections = {first, second};
    const LaidOutDocument doc = layout_cv(cv, st, ".");
    REQUIRE(doc.bookmarks.size() == 2);
    INFO("filler " << filler);
    CHECK(doc.bookmarks[1].page == page_of(doc, "FIRST-OF-SECOND"));
    CHECK(doc.bookmarks[1].page == page_of(doc, "Second"));
    // The short entry is one kept-together block: never split after its
    // first line (a check of the first line only would pass that).
    CHECK(doc.bookmarks[1].page == page_of(doc, "HIGHLIGHT-ONE"));
    CHECK(doc.bookmarks[1].page == page_of(doc, "HIGHLIGHT-TWO"));
  }
}

TEST_CASE("layout: footer with page numbers on every page") {
  const Style st = default_style();
  const LaidOutDocument doc = layout_cv(many_entries_cv(14, 4), st, ".");
  const std::string n = std::to_string(doc.pages.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    CHECK(page_text(doc.pages[p]).find("Jane Doe – page " + std::to_string(p + 1) + " of " + n) !=
          std::string::npos);
}

namespace {

const Style& rendercv_classic() {
  static const Style st = [] {
    RenderOptions o;
    o.style = "classic";
    return resolve_style(o, Design{});
  }();
  return st;
}

std::vector<const TextItem*> items_starting(const Page& page, std::string_view prefix) {
  std::vector<const TextItem*> out;
  for (const auto& it : page.items)
    if (const auto* t = std::get_if<TextItem>(&it); t && t->text.starts_with(prefix))
      out.push_back(t);
  return out;
}

} // namespace

TEST_CASE("layout: RenderCV themes set the top note and footer in the margins, as Typst does") {
  const Style& st = rendercv_classic();
  REQUIRE(st.rendercv_dates);
  const LaidOutDocument doc = layout_cv(many_entries_cv(14, 4), st, ".");
  REQUIRE(doc.pages.size() >= 2);
  const double top = st.page_height - st.margin_top;
  // The note's cap height halfway up the top margin, on the first page only.
  const auto note = items_starting(doc.pages[0], "Last updated in");
  REQUIRE(note.size() == 1);
  CHECK(note[0]->y + 0.7 * note[0]->size == doctest::Approx(top + st.margin_top / 2).epsilon(1e-3));
  CHECK(note[0]->size == doctest::Approx(0.9 * st.body_size));
  CHECK(items_starting(doc.pages[1], "Last updated in").empty());
  // The header starts at the text area's top, not below the note.
  const auto name = items_starting(doc.pages[0], "Jane Doe");
  REQUIRE_FALSE(name.empty());
  const double name_top = name[0]->y + metrics(*name[0]->face).ascender * name[0]->size;
  CHECK(name_top <= top + 0.01);
  CHECK(name_top > top - 0.2 * name[0]->size); // within its own line box, not 35 pt down
  // The footer's baseline half the bottom margin up (less Typst's 0.6em).
  const std::string n = std::to_string(doc.pages.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const auto footer =
        items_starting(doc.pages[p], "Jane Doe – " + std::to_string(p + 1) + "/" + n);
    REQUIRE(footer.size() == 1);
    CHECK(footer[0]->y ==
          doctest::Approx(st.margin_bottom / 2 + 0.6 * st.body_size - 0.7 * footer[0]->size));
    // Everything else stays in the text area.
    for (const auto& it : doc.pages[p].items)
      if (const auto* t = std::get_if<TextItem>(&it);
          t && t != footer[0] && (p > 0 || t != note[0]))
        CHECK(t->y >= st.margin_bottom);
  }
}

TEST_CASE(
    "layout: RenderCV's degree column widens to its longest word; bullets stay by their text") {
  Cv cv = small_cv();
  std::get<EducationEntry>(cv.sections.at(0).entries.at(0)).degree = rt("Ph.D. student");
  const LaidOutDocument doc = layout_cv(cv, rendercv_classic(), ".");
  const Page& page = doc.pages.at(0);
  // "Ph.D." above "student": no word broken by a hyphen in the column.
  const auto phd = items_starting(page, "Ph.D.");
  const auto student = items_starting(page, "student");
  REQUIRE(phd.size() == 1);
  REQUIRE(student.size() == 1);
  CHECK(phd[0]->x == student[0]->x);
  CHECK(student[0]->y < phd[0]->y);
  CHECK(items_starting(page, "stu-").empty());
  // The main column starts right of the wider column.
  const auto inst = items_starting(page, "Nanyang");
  REQUIRE(inst.size() == 1);
  CHECK(inst[0]->x > student[0]->x + student[0]->width);
  // The first highlight starts below the two-line column, its bullet beside it.
  const auto advisor = items_starting(page, "Advisor");
  REQUIRE(advisor.size() == 1);
  CHECK(advisor[0]->y < student[0]->y);
  bool bullet = false;
  for (const TextItem* t : items_starting(page, "\u2022"))
    bullet = bullet || std::abs(t->y - advisor[0]->y) < 0.01;
  CHECK(bullet);
}

TEST_CASE("layout: RenderCV's links.underline underlines links in the text, not connections") {
  Cv cv = small_cv();
  RichText text;
  text.runs.emplace_back(TextRun{"See ", {}});
  text.runs.emplace_back(TextRun{"the paper", Format{false, false, "https://example.com/p"}});
  cv.sections.back().entries.emplace_back(TextEntry{text, {}});
  for (const bool underline : {false, true}) {
    Style st = rendercv_classic();
    st.rendercv.underline_links = underline;
    const LaidOutDocument doc = layout_cv(cv, st, ".");
    std::vector<RuleItem> under; // rules under a link's text
    for (const Page& page : doc.pages)
      for (const auto& it : page.items)
        if (const auto* r = std::get_if<RuleItem>(&it))
          for (const auto& other : page.items)
            if (const auto* l = std::get_if<LinkItem>(&other);
                l && std::abs(r->x0 - l->x) < 0.01 && std::abs(r->x1 - l->x - l->width) < 0.01 &&
                r->y0 > l->y && r->y0 < l->y + l->height)
              under.push_back(*r);
    INFO("underline: ", underline);
    // Two rules, under the publication's DOI and "the paper": the header's
    // five connections (links too) stay plain.
    std::size_t links = 0;
    for (const auto& it : doc.pages.front().items)
      links += std::holds_alternative<LinkItem>(it) ? 1 : 0;
    CHECK(links >= 5 + 2);
    REQUIRE(under.size() == (underline ? 2U : 0U));
    if (underline) {
      const auto paper = items_starting(doc.pages.back(), "the paper");
      REQUIRE(paper.size() == 1);
      const auto r = std::find_if(under.begin(), under.end(), [&](const RuleItem& x) {
        return std::abs(x.x0 - paper[0]->x) < 0.01 &&
               std::abs(x.y0 - (paper[0]->y - 0.1 * paper[0]->size)) < 0.01;
      });
      REQUIRE(r != under.end());
      CHECK(r->x1 == doctest::Approx(paper[0]->x + paper[0]->width));
      CHECK(r->thickness == doctest::Approx(0.05 * paper[0]->size));
    }
  }
}

TEST_CASE("layout: RenderCV's external link icon follows the text's links, not connections") {
  Cv cv = small_cv();
  RichText text;
  text.runs.emplace_back(TextRun{"See ", {}});
  text.runs.emplace_back(TextRun{"the paper", Format{false, false, "https://example.com/p"}});
  text.runs.emplace_back(TextRun{" now.", {}});
  cv.sections.back().entries.emplace_back(TextEntry{text, {}});
  Style st = rendercv_classic();
  st.rendercv.external_link_icon = true;
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  const std::string icon = "\uf08e"; // Font Awesome 4.7 external-link
  std::vector<const TextItem*> icons;
  for (const Page& page : doc.pages)
    for (const TextItem* t : items_starting(page, icon))
      icons.push_back(t);
  // After the publication's DOI and "the paper"; none after the five connections.
  REQUIRE(icons.size() == 2);
  const auto paper = items_starting(doc.pages.back(), "the paper");
  REQUIRE(paper.size() == 1);
  const TextItem* after = icons[0]->y == paper[0]->y ? icons[0] : icons[1];
  CHECK(after->decorative);
  CHECK(after->size == doctest::Approx(0.65 * paper[0]->size));
  CHECK(after->y == doctest::Approx(paper[0]->y + 0.2 * paper[0]->size));
  CHECK(after->x > paper[0]->x);
  CHECK(after->x - (paper[0]->x + paper[0]->width) < paper[0]->size / 2);
  // The sentence goes on after it.
  CHECK(items_starting(doc.pages.back(), " now.").size() +
            items_starting(doc.pages.back(), "now.").size() ==
        1);
}

TEST_CASE("layout: RenderCV's short_second_row keeps the main column beside the dates") {
  Cv cv = small_cv();
  auto& x = std::get<ExperienceEntry>(cv.sections.at(1).entries.at(0));
  std::string longer = "Scheduled";
  for (int i = 0; i < 40; ++i)
    longer += " training jobs";
  x.details.highlights = {Highlight{rt(longer), {}}};
  for (const bool short_row : {true, false}) {
    Style st = rendercv_classic();
    st.rendercv.short_second_row = short_row;
    const LaidOutDocument doc = layout_cv(cv, st, ".");
    double dates_x = 1e9, right = 0;
    for (const Page& page : doc.pages) {
      for (const TextItem* t : items_starting(page, "Shanghai, China"))
        dates_x = std::min(dates_x, t->x);
      for (const auto& it : page.items)
        if (const auto* t = std::get_if<TextItem>(&it);
            t && (t->text.find("training jobs") != std::string::npos))
          right = std::max(right, t->x + t->width);
    }
    INFO("short_second_row: ", short_row);
    REQUIRE(dates_x < 1e9);
    // true: every line of the highlight ends left of the date column; false:
    // the lines below the dates run on to the right margin.
    CHECK((right < dates_x) == short_row);
  }
}

TEST_CASE("layout: a German CV gets translated default titles, footer and present word") {
  Cv cv = many_entries_cv(14, 4);
  cv.locale.language = "german";
  std::get<ExperienceEntry>(cv.sections.front().entries.back()).details.dates =
      range(2024, 8, 0, 0);
  const LaidOutDocument doc = layout_cv(cv, default_style(), ".");
  const std::string n = std::to_string(doc.pages.size());
  REQUIRE(doc.pages.size() > 1);
  std::string all;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    all += page_text(doc.pages[p]);
    CHECK(page_text(doc.pages[p]).find("Jane Doe – Seite " + std::to_string(p + 1) + " von " + n) !=
          std::string::npos);
  }
  CHECK(all.find("Berufserfahrung\n") != std::string::npos);
  CHECK(all.find("Experience") == std::string::npos);
  CHECK(all.find("heute") != std::string::npos);
}

TEST_CASE("layout: the style's name_order arranges the header name") {
  Style st = default_style();
  auto first_text = [&](NameStyle order) {
    st.name_order = order;
    const LaidOutDocument doc = layout_cv(small_cv(), st, ".");
    for (const auto& it : doc.pages.front().items)
      if (const auto* t = std::get_if<TextItem>(&it))
        return t->text;
    return std::string();
  };
  CHECK(first_text(NameStyle::latin_only) == "Qiaoling Chen");
  CHECK(first_text(NameStyle::native_only) == "陈巧玲");
  CHECK(first_text(NameStyle::native_then_latin).starts_with("陈巧玲"));
  CHECK(first_text(NameStyle::automatic).starts_with("Qiaoling"));
}

TEST_CASE("layout: a name without a Latin form is romanised for the PDF metadata only") {
  Cv cv = many_entries_cv(1, 1);
  cv.header.name = PersonName{};
  cv.header.name.full = "陈巧玲";
  cv.locale.language = "mandarin_chinese";
  const LaidOutDocument doc = layout_cv(cv, default_style(), ".");
  CHECK(doc.info.author == "Chen Qiaoling");
  CHECK(doc.info.title == "Chen Qiaoling – CV");
  const std::string text = page_text(doc.pages.front());
  CHECK(text.find("陈巧玲") != std::string::npos);
  CHECK(text.find("Qiaoling") == std::string::npos); // header and footer keep the native name
}

TEST_CASE("layout: co-first and corresponding marks are superscripts with a legend") {
  auto items = [](const LaidOutDocument& doc) {
    std::vector<TextItem> out;
    for (const auto& page : doc.pages)
      for (const auto& it : page.items)
        if (const auto* t = std::get_if<TextItem>(&it))
          out.push_back(*t);
    return out;
  };
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section pubs{"publications", "Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("A Paper");
  p.authors = {Author{rt("Ann Lee"), true, false, false}, Author{rt("Bo Li"), false, true, false}};
  pubs.entries.emplace_back(p);
  cv.sections.push_back(pubs);
  Section plain{"projects", "Projects", {}, {}};
  PublicationEntry q;
  q.title = rt("Unmarked");
  q.authors = {Author{rt("Ann Lee"), false, false, false}};
  plain.entries.emplace_back(q);
  cv.sections.push_back(plain);

  std::vector<TextItem> t = items(layout_cv(cv, default_style(), "."));
  auto find = [&](const std::string& text) {
    auto it = std::find_if(t.begin(), t.end(), [&](const TextItem& i) { return i.text == text; });
    INFO(text);
    REQUIRE(it != t.end());
    return *it;
  };
  const TextItem name = find("Ann Lee");
  const TextItem star = find("*");
  const TextItem dagger = find("†");
  CHECK(star.size == doctest::Approx(6.5));
  CHECK(star.y == doctest::Approx(name.y + 3));
  CHECK(dagger.y == doctest::Approx(name.y + 3));
  CHECK(star.x == doctest::Approx(name.x + name.width));
  const TextItem legend = find("* co-first author\u2003† corresponding author");
  CHECK(legend.y < name.y);
  CHECK(legend.y > find("Projects").y); // right after its own section
  CHECK(std::count_if(t.begin(), t.end(), [](const TextItem& i) {
          return i.text.find("co-first") != std::string::npos;
        }) == 1);

  cv.locale.language = "german";
  cv.sections.front().entries.front() = [&] {
    PublicationEntry only = p;
    only.authors[1].corresponding = false;
    return only;
  }();
  t = items(layout_cv(cv, default_style(), "."));
  find("* " + std::string(translate(Word::co_first_author, "de")));
}

TEST_CASE("layout: header, contact links, document info, owner in bold") {
  const Style st = default_style();
  const Cv cv = small_cv();
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  CHECK(doc.info.title == "Qiaoling Chen – CV");
  CHECK(doc.info.author == "Qiaoling Chen");
  CHECK(doc.info.subject == "Curriculum vitae");
  std::set<std::string> uris;
  for (const auto& it : doc.pages[0].items)
    if (const auto* l = std::get_if<LinkItem>(&it))
      uris.insert(l->uri);
  CHECK(uris.count("mailto:qiaoling@example.com") == 1);
  CHECK(uris.count("tel:+6512345678") == 1);
  CHECK(uris.count("https://github.com/qlchen") == 1);
  CHECK(uris.count("https://scholar.google.com/citations?user=abcDEF") == 1);
  CHECK(uris.count("https://doi.org/10.1145/3575693.3575705") == 1);
  bool owner_bold = false, name_primary = false;
  for (const auto& it : doc.pages[0].items)
    if (const auto* t = std::get_if<TextItem>(&it)) {
      if (t->text == "Qiaoling Chen" && is_bold(*t->face) && t->size == 10)
        owner_bold = true;
      if (t->text.find("Qiaoling Chen") == 0 && t->size == st.name_size &&
          t->color == st.primary_color)
        name_primary = true;
    }
  CHECK(owner_bold);
  CHECK(name_primary);
  CHECK(page_text(doc.pages[0]).find("陈巧玲") != std::string::npos);
  REQUIRE(doc.bookmarks.size() == cv.sections.size());
  CHECK(doc.bookmarks[0].title == "Education");
  check_inside(doc, st);
}

TEST_CASE("layout: every heading look and justification stay inside the text area") {
  for (auto look : {HeadingLook::rule_below, HeadingLook::partial_rule, HeadingLook::underline,
                    HeadingLook::small_caps, HeadingLook::bar}) {
    Style st = default_style();
    st.heading_look = look;
    st.justify = true;
    st.header_centered = false;
    check_inside(layout_cv(small_cv(), st, "."), st);
  }
}

TEST_CASE("layout: photo is validated before use") {
  const auto dir = temp_dir();
  write_file(dir / "ok.png", k_png);
  write_file(dir / "short.png", k_png.substr(0, 50));
  write_file(dir / "ok.jpg", k_jpeg);
  write_file(dir / "short.jpg", k_jpeg.substr(0, 30));
  write_file(dir / "text.png", "hello");
  const Style st = default_style();
  Cv cv = small_cv();
  // The loader records where `photo:` is written (test_file_access checks
  // it end to end); errors point there.
  cv.source_file = (dir / "cv.yaml").string();
  cv.header.photo_where = SourceLocation{cv.source_file, 3, 3};

  cv.header.photo = "ok.png";
  LaidOutDocument doc = layout_cv(cv, st, dir);
  int images = 0;
  for (const auto& it : doc.pages[0].items)
    if (const auto* im = std::get_if<ImageItem>(&it)) {
      ++images;
      CHECK(im->format == ImageItem::Format::png);
      CHECK(im->bytes == k_png);
      CHECK(im->width == doctest::Approx(im->height)); // 1x1 pixels
    }
  CHECK(images == 1);
  check_inside(doc, st);

  cv.header.photo = "ok.jpg";
  CHECK(layout_cv(cv, st, dir).pages.size() >= 1);

  for (const char* bad : {"missing.png", "short.png", "short.jpg", "text.png"}) {
    cv.header.photo = bad;
    INFO(bad);
    try {
      (void)layout_cv(cv, st, dir);
      FAIL("no InputError");
    } catch (const InputError& e) {
      CHECK(e.diagnostics().at(0).path == "cv.photo");
      CHECK(e.diagnostics().at(0).where.file == (dir / "cv.yaml").string());
      CHECK(e.diagnostics().at(0).where.line == 3);
      CHECK(e.diagnostics().at(0).where.column == 3);
    }
  }
}

TEST_CASE("inspect_image: PNG and JPEG structure") {
  std::string why;
  auto png = inspect_image(k_png, why);
  REQUIRE(png);
  CHECK(png->width == 1);
  CHECK(png->height == 1);
  auto jpg = inspect_image(k_jpeg, why);
  REQUIRE(jpg);
  CHECK(jpg->format == ImageItem::Format::jpeg);
  CHECK(jpg->width == 2);
  CHECK(jpg->height == 3);
  for (std::size_t cut = 0; cut < k_png.size(); ++cut)
    CHECK_FALSE(inspect_image(k_png.substr(0, cut), why));
  for (std::size_t cut = 0; cut < k_jpeg.size(); ++cut) {
    INFO("cut " << cut);
    CHECK_FALSE(inspect_image(k_jpeg.substr(0, cut), why));
  }
  std::string bad_crc = k_png;
  bad_crc[40] ^= 1;
  CHECK_FALSE(inspect_image(bad_crc, why));
  CHECK(why.find("CRC") != std::string::npos);
}

TEST_CASE("format_dates: English from CLDR") {
  // ICU's en interval patterns put thin spaces (U+2009) around the en dash.
  Locale en;
  CHECK(format_dates(single(2024, 8), en) == "Aug 2024");
  CHECK(format_dates(single(2024), en) == "2024");
  CHECK(format_dates(range(2020, 0, 2023, 0), en) == "2020\u2009\u2013\u20092023");
  CHECK(format_dates(range(2024, 8, 0, 0), en) == "Aug 2024\u2009\u2013\u2009present");
  CHECK(format_dates(range(2013, 9, 2017, 6), en) == "Sep 2013\u2009\u2013\u2009Jun 2017");
  Dates free;
  free.date = FreeTextDate{"Fall 2023"};
  CHECK(format_dates(free, en) == "Fall 2023");
  CHECK(format_dates(Dates{}, en).empty());
  en.language = "en-GB";
  CHECK(format_dates(single(2021, 9), en) == "Sept 2021");
}

TEST_CASE("format_dates: English with RenderCV overrides keeps RenderCV's forms") {
  Locale en;
  en.present = "now";
  CHECK(format_dates(range(2021, 9, 2022, 6), en) == "Sept 2021 – June 2022");
  Dates open;
  open.start = CalendarDate{2022, 1, 0};
  CHECK(format_dates(open, en) == "Jan 2022 – now");
  Locale to;
  to.to = "to";
  CHECK(format_dates(range(2020, 0, 2023, 0), to) == "2020 to 2023");
  Locale de;
  de.present = "heute";
  de.month_abbreviations = {"Jan.", "Feb.", "März", "Apr.", "Mai",  "Juni",
                            "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."};
  CHECK(format_dates(range(2024, 3, 0, 0), de) == "März 2024 – heute");
}

TEST_CASE("layout: trace golden of a small CV") {
  const LaidOutDocument doc = layout_cv(small_cv(), default_style(), ".");
  const std::string got = trace(doc);
  const std::filesystem::path golden =
      std::filesystem::path(CVPRESS_SOURCE_DIR) / "tests/golden/layout/small_cv.trace";
  const char* update = std::getenv("CVPRESS_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << got;
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing golden; run with CVPRESS_UPDATE_GOLDEN=1");
  std::stringstream want;
  want << in.rdbuf();
  CHECK(got == want.str());
}

// Its speed (about a millisecond) is measured by bench/ (cvpress_bench
// --breakdown, docs/benchmarks.md), not asserted in a unit test.
TEST_CASE("layout: a CV of 10 entries with 4 highlights each lays out on two pages") {
  const Style st = default_style();
  const Cv cv = many_entries_cv(10, 4);
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  CHECK(doc.pages.size() == 2);
  check_inside(doc, st);
  CHECK(layout_cv(cv, st, ".").pages.size() == doc.pages.size()); // deterministic
}

TEST_CASE("layout: a publication with hundreds of authors still stays inside the text area") {
  const Style st = default_style();
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"pubs", "Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("A very collaborative paper");
  p.label = "J1";
  p.dates = single(2020, 1);
  for (int i = 0; i < 600; ++i)
    p.authors.push_back(Author{rt("Author Number" + std::to_string(i)), false, false, false});
  s.entries.emplace_back(p);
  cv.sections.push_back(s);
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  CHECK(doc.pages.size() >= 2);
  check_inside(doc, st);
  CHECK(page_of(doc, "Author Number599") == static_cast<int>(doc.pages.size()) - 1);
}

TEST_CASE("layout: settings.bold_keywords are bold wherever they occur") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  cv.settings.bold_keywords = {"CUDA", "C++"};
  Section s{"skills", "Skills", {}, {}};
  s.entries.emplace_back(TextEntry{rt("I write C++ and CUDA, mostly CUDA."), {}});
  cv.sections.push_back(s);
  const LaidOutDocument doc = layout_cv(cv, default_style(), ".");
  std::vector<std::string> bold;
  for (const auto& it : doc.pages[0].items)
    if (const auto* t = std::get_if<TextItem>(&it))
      if (is_bold(*t->face) && t->size == 10)
        bold.push_back(t->text);
  CHECK(bold == std::vector<std::string>{"C++", "CUDA", "CUDA"});
}

TEST_CASE("format_dates: other languages use CLDR") {
  Locale zh;
  zh.language = "mandarin_chinese";
  const std::string s = format_dates(single(2024, 8), zh);
  CHECK(s.find("2024") != std::string::npos);
  CHECK(s.find("8") != std::string::npos);
  CHECK(s.find("Aug") == std::string::npos);
  Locale de;
  de.language = "german";
  CHECK(format_dates(range(2024, 3, 0, 0), de).find("2024") != std::string::npos);
}

TEST_CASE("layout: without a footer, every built-in look stays inside the text area") {
  Style st = default_style();
  st.footer.clear();
  for (auto side : {Side::left, Side::right}) {
    st.date_column_side = side;
    st.photo_side = side;
    const LaidOutDocument doc = layout_cv(many_entries_cv(14, 4), st, ".");
    CHECK(doc.pages.size() >= 2);
    check_inside(doc, st);
    check_inside(layout_cv(small_cv(), st, "."), st);
  }
}

TEST_CASE("layout: a right-to-left CV is mirrored, its paragraphs right-aligned") {
  const Style st = default_style();
  Cv cv;
  cv.locale.language = "hebrew";
  cv.header.name.full = "דנה כהן";
  cv.header.emails = {"dana@example.com"};
  Section s{"experience", "ניסיון", {}, {}};
  ExperienceEntry e;
  e.position = rt("מהנדסת תוכנה");
  e.company = rt("חברה בע\"מ");
  e.details.dates = range(2020, 1, 0, 0);
  e.details.highlights = {Highlight{rt("פיתוח מערכות מבוזרות"), {}}};
  s.entries.emplace_back(e);
  cv.sections.push_back(s);
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  check_inside(doc, st);
  const double right = st.page_width - st.margin_right;
  double position_right = 0, date_y = 0, date_x = 1e9, bullet_x = 0, rule_x1 = 0;
  for (const auto& it : doc.pages[0].items) {
    if (const auto* t = std::get_if<TextItem>(&it)) {
      if (t->text.find("מהנדסת") != std::string::npos)
        position_right = t->x + t->width;
      if (t->text.find("2020") != std::string::npos)
        date_y = t->y;
      if (t->text == "•")
        bullet_x = t->x;
    } else if (const auto* r = std::get_if<RuleItem>(&it)) {
      rule_x1 = std::max(r->x0, r->x1);
    }
  }
  // The date line is a bidi line ("היום – 2020 ינו׳" from the left): its
  // leftmost item starts the column.
  for (const auto& it : doc.pages[0].items)
    if (const auto* t = std::get_if<TextItem>(&it); t && t->y == date_y)
      date_x = std::min(date_x, t->x);
  CHECK(position_right == doctest::Approx(right).epsilon(1e-6));  // main column on the right
  CHECK(date_x == doctest::Approx(st.margin_left).epsilon(1e-6)); // dates on the left
  CHECK(bullet_x > right - 20);                                   // bullets on the right
  CHECK(rule_x1 < right - 20); // the heading's partial rule is left of the title
}

TEST_CASE("layout: content beside a two-line date column starts right under the title") {
  // A one-line title with "dates / location" on the right: the summary and
  // the bullets continue under the title, not below the location.
  Cv cv;
  cv.header.name.full = "Jane Doe";
  NormalEntry e;
  e.name = rt("Project Title");
  e.details.dates = range(2024, 1, 2024, 6);
  e.details.location = rt("Fairfax, VA");
  e.details.summary = rt("George Mason University");
  e.details.highlights.push_back(Highlight{rt("Built the first bullet"), {}});
  cv.sections.push_back(Section{"projects", "Projects", {e}, {}});
  LaidOutDocument doc = layout_cv(cv, default_style(), {});
  auto y_of = [&](std::string_view text) {
    for (const auto& item : doc.pages.at(0).items)
      if (const auto* t = std::get_if<TextItem>(&item); t && t->text == text)
        return t->y;
    FAIL("no text item '" << text << "'");
    return 0.0;
  };
  const double title = y_of("Project Title");
  const double summary = y_of("George Mason University");
  const double location = y_of("Fairfax, VA");
  const double bullet = y_of("Built the first bullet");
  const double line = default_style().body_size * default_style().line_spacing;
  CHECK(title - summary == doctest::Approx(line).epsilon(0.15));
  CHECK(std::abs(summary - location) <= 1.5); // level with the location (1 pt space before)
  CHECK(summary - bullet < 2 * line);
  // The bullet glyph sits on its text's baseline.
  bool glyph_on_line = false;
  for (const auto& item : doc.pages.at(0).items)
    if (const auto* t = std::get_if<TextItem>(&item); t && t->text == default_style().bullet)
      glyph_on_line = glyph_on_line || std::abs(t->y - bullet) < 0.01;
  CHECK(glyph_on_line);
}

// Typesetter tests: line breaking, bidi, Arabic shaping, font fallback warnings.
#include "layout/paragraph.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

struct Setter {
  Style style = default_style();
  std::vector<Diagnostic> warnings;
  Typesetter ts{style, "en", warnings};

  std::vector<LaidLine> set(const std::string& text, double width, Align align = Align::left) {
    SpanStyle s;
    s.size = 10;
    std::vector<Span> spans{Span{text, s}};
    return ts.set(spans, width, align, {});
  }
};

// A line's text in visual order (items sorted by x).
std::string visual(const LaidLine& line) {
  std::vector<const TextItem*> items;
  for (const auto& it : line.items)
    if (const auto* t = std::get_if<TextItem>(&it))
      items.push_back(t);
  std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->x < b->x; });
  std::string out;
  double end = 0;
  for (const auto* t : items) {
    if (!out.empty() && t->x > end + 1)
      out += ' '; // a blank piece is not drawn
    out += t->text;
    end = t->x + t->width;
  }
  return out;
}

double right_edge(const LaidLine& line) {
  double r = 0;
  for (const auto& it : line.items)
    if (const auto* t = std::get_if<TextItem>(&it))
      r = std::max(r, t->x + t->width);
  return r;
}

// Flags for a string of single-byte characters: breaks after spaces.
std::vector<std::uint8_t> simple_flags(std::string_view s) {
  std::vector<std::uint8_t> f(s.size(), cluster_start);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ')
      f[i] |= is_space;
    if (i > 0 && s[i - 1] == ' ' && s[i] != ' ')
      f[i] |= break_before;
    if (s[i] == '\n' && i + 1 < s.size())
      f[i + 1] |= hard_before;
  }
  return f;
}

std::vector<std::string> pieces(std::string_view s, const std::vector<LineRange>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    out.emplace_back(s.substr(l.begin, l.content_end - l.begin));
  return out;
}

} // namespace

TEST_CASE("break_lines_greedy: greedy at break opportunities, spaces hang") {
  const std::string s = "aaa bbb ccc dd";
  const std::vector<double> adv(s.size(), 1.0);
  std::vector<LineRange> out;
  break_lines_greedy(adv, simple_flags(s), 7, out);
  CHECK(pieces(s, out) == std::vector<std::string>{"aaa bbb", "ccc dd"});
  break_lines(adv, simple_flags(s), 7, out);
  CHECK(pieces(s, out) == std::vector<std::string>{"aaa bbb", "ccc dd"});
  CHECK_FALSE(out[0].last);
  CHECK(out[1].last);
  break_lines(adv, simple_flags(s), 100, out);
  CHECK(pieces(s, out) == std::vector<std::string>{s});
}

TEST_CASE("break_lines: an over-long word is broken between characters") {
  const std::string s = "ab abcdefghij c";
  const std::vector<double> adv(s.size(), 1.0);
  std::vector<LineRange> out;
  break_lines(adv, simple_flags(s), 4, out);
  CHECK(pieces(s, out) == std::vector<std::string>{"ab", "abcd", "efgh", "ij c"});
  // Width below one character: still one character per line, never empty.
  const std::vector<double> adv3(3, 1.0);
  break_lines(adv3, simple_flags("xyz"), 0.5, out);
  CHECK(out.size() == 3);
}

TEST_CASE("break_lines: hard breaks end a line") {
  const std::string s = "one\ntwo";
  std::vector<double> adv(s.size(), 1.0);
  auto flags = simple_flags(s);
  flags[3] |= is_space; // the newline hangs
  std::vector<LineRange> out;
  break_lines(adv, flags, 100, out);
  CHECK(pieces(s, out) == std::vector<std::string>{"one", "two"});
  CHECK(out[0].last);
}

TEST_CASE("typesetter: Latin text wraps within the width, ragged and justified") {
  Setter t;
  const std::string s = "The quick brown fox jumps over the lazy dog and keeps running far away "
                        "from the farm, where the farmer and his wife are still asleep.";
  auto lines = t.set(s, 160);
  REQUIRE(lines.size() > 2);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(right_edge(l) <= 160 + 1e-6);
    joined += (joined.empty() ? "" : " ") + visual(l);
  }
  CHECK(joined == s);
  auto just = t.set(s, 160, Align::justify);
  REQUIRE(just.size() == lines.size());
  // Every line but the last reaches the right edge; words are separate items.
  for (std::size_t i = 0; i + 1 < just.size(); ++i)
    CHECK(right_edge(just[i]) == doctest::Approx(160).epsilon(1e-6));
  CHECK(right_edge(just.back()) < 159);
  // A line that would need huge gaps stays ragged (a capitalised word is
  // not hyphenated).
  auto loose = t.set("a b Verylongwordthatfillsmostoftheline", 170, Align::justify);
  REQUIRE(loose.size() == 2);
  CHECK(right_edge(loose[0]) < 40);
  for (const auto& it : just[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it))
      CHECK(tx->text.find(' ') == std::string::npos);
}

TEST_CASE("typesetter: CJK breaks between ideographs") {
  Setter t;
  const std::string s = "我们研究大规模深度学习训练集群的调度问题并设计系统";
  auto lines = t.set(s, 52); // about five ideographs per line
  REQUIRE(lines.size() >= 4);
  std::string joined;
  for (const auto& l : lines) {
    const std::string v = visual(l);
    CHECK(!v.empty());
    CHECK(v.size() % 3 == 0); // whole ideographs only
    CHECK(right_edge(l) <= 52 + 1e-6);
    joined += v;
  }
  CHECK(joined == s);
}

TEST_CASE("typesetter: URLs break only at their break points") {
  Setter t;
  const std::string url = "https://github.com/qinghao-hu/characterization-of-llm/tree/main/docs";
  auto lines = t.set("Code: " + url, 150);
  REQUIRE(lines.size() >= 2);
  const std::string all = "Code: " + url;
  std::size_t at = 0;
  for (const auto& l : lines) {
    CHECK(right_edge(l) <= 150 + 1e-6);
    const std::string v = visual(l);
    REQUIRE(all.compare(at, v.size(), v) == 0); // nothing lost or reordered
    at += v.size();
    if (at < all.size() && all[at] == ' ') {
      ++at; // broken at a space
    } else if (at < all.size()) {
      // Inside the URL a line ends after a separator, never inside a word.
      CHECK(std::string("/-.?&=_").find(v.back()) != std::string::npos);
    }
  }
  CHECK(at == all.size());
}

TEST_CASE("typesetter: an over-long word is broken by characters, never overflowing") {
  Setter t;
  auto lines = t.set("see Pneumonoultramicroscopicsilicovolcanoconiosis now", 60);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(right_edge(l) <= 60 + 1e-6);
    joined += visual(l);
  }
  CHECK(joined == "seePneumonoultramicroscopicsilicovolcanoconiosisnow");
}

// The TextItem whose text is `text`.
const TextItem* item_with(const LaidLine& line, const std::string& text) {
  for (const auto& it : line.items)
    if (const auto* t = std::get_if<TextItem>(&it); t && t->text == text)
      return t;
  return nullptr;
}

TEST_CASE("typesetter: an Arabic name inside English text is in visual order and shaped") {
  Setter t;
  auto lines = t.set("Dr. محمد علي visited.", 400);
  REQUIRE(lines.size() == 1);
  // Items keep their text in logical order; the RTL words are placed right
  // to left (علي left of محمد).
  CHECK(visual(lines[0]) == "Dr. علي محمد visited.");
  const TextItem* name = item_with(lines[0], "محمد");
  REQUIRE(name != nullptr);
  CHECK(name->rtl);
  REQUIRE(name->glyphs.size() == 4);
  // Glyphs right to left: final د first (leftmost), initial م last; the
  // joining forms are not the letters' nominal (isolated) glyphs.
  CHECK(name->glyphs.front().cluster == std::string("محم").size());
  CHECK(name->glyphs.back().cluster == 0);
  CHECK(name->glyphs.back().gid != glyph_id(*name->face, U'م'));
  CHECK(name->glyphs.front().gid != glyph_id(*name->face, U'د'));
  CHECK(t.warnings.empty());
}

TEST_CASE("typesetter: lam-alef is one glyph, its text both letters") {
  Setter t;
  auto lines = t.set("لا", 400);
  REQUIRE(lines.size() == 1);
  const TextItem* la = item_with(lines[0], "لا");
  REQUIRE(la != nullptr);
  CHECK(la->glyphs.size() == 1);
  CHECK(la->rtl);
}

TEST_CASE("typesetter: a Hebrew name inside English text is in visual order") {
  Setter t;
  auto lines = t.set("Prof. שלום כהן spoke (twice).", 400);
  REQUIRE(lines.size() == 1);
  CHECK(visual(lines[0]) == "Prof. כהן שלום spoke (twice).");
  const TextItem* shalom = item_with(lines[0], "שלום");
  const TextItem* cohen = item_with(lines[0], "כהן");
  REQUIRE(shalom != nullptr);
  REQUIRE(cohen != nullptr);
  CHECK(cohen->x < shalom->x);
  CHECK(shalom->rtl);
  REQUIRE(shalom->glyphs.size() == 4);
  CHECK(shalom->glyphs.front().gid == glyph_id(*shalom->face, U'ם')); // leftmost: the last letter
}

TEST_CASE("typesetter: RTL combining marks stay after their base") {
  Setter t;
  auto lines = t.set("x שָׁלוֹם y", 400);
  REQUIRE(lines.size() == 1);
  CHECK(visual(lines[0]) == "x שָׁלוֹם y");
  CHECK(t.warnings.empty());
  const TextItem* word = item_with(lines[0], "שָׁלוֹם");
  REQUIRE(word != nullptr);
  // The marks are positioned on their bases: no advance of their own.
  int marks = 0;
  double sum = 0;
  for (const ShapedGlyph& g : word->glyphs) {
    marks += g.advance == 0;
    sum += g.advance;
  }
  CHECK(marks >= 2);
  CHECK(sum * word->size / 1000 == doctest::Approx(word->width));
}

TEST_CASE("typesetter: an RTL paragraph mirrors brackets") {
  Setter t;
  auto lines = t.set("שלום (כהן)", 400);
  REQUIRE(lines.size() == 1);
  // Right to left: "(" is at the right end, drawn as the mirrored glyph.
  const TextItem* open = nullptr;
  for (const auto& it : lines[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it); tx && tx->text.find('(') != std::string::npos)
      open = tx;
  REQUIRE(open != nullptr);
  CHECK(open->rtl);
  const TextItem* word = item_with(lines[0], "שלום");
  REQUIRE(word != nullptr);
  CHECK(word->x > open->x);
  bool mirrored = false;
  for (const ShapedGlyph& g : open->glyphs)
    mirrored = mirrored || (g.gid == glyph_id(*open->face, U')') && open->text[g.cluster] == '(');
  CHECK(mirrored);
}

TEST_CASE("typesetter: uncovered characters are replaced and warned about once") {
  Setter t;
  SourceLocation where{"cv.yaml", 3, 7};
  SpanStyle s;
  // U+10FFFD (private use) and U+0378 (unassigned): no installed font has them.
  std::vector<Span> spans{Span{"a\U0010FFFDb\U0010FFFD \u0378", s}};
  auto lines = t.ts.set(spans, 400, Align::left, where);
  REQUIRE(lines.size() == 1);
  const std::string v = visual(lines[0]);
  CHECK(v == "a\uFFFDb\uFFFD \uFFFD");
  REQUIRE(t.warnings.size() == 2);
  CHECK(t.warnings[0].severity == Severity::warning);
  CHECK(t.warnings[0].where == where);
  CHECK(t.warnings[0].message == "no installed font has U+10FFFD '\U0010FFFD'; drawn as U+FFFD");
  CHECK(t.warnings[1].message == "no installed font has U+0378 '\u0378'; drawn as U+FFFD");
}

TEST_CASE("typesetter: characters beyond the BMP are drawn with a font that has them") {
  Setter t;
  SpanStyle s;
  // 📝 only Symbola has; 🎖 Noto Sans Symbols2 (before Symbola in the chain).
  std::vector<Span> spans{Span{"\U0001F4DD Publications \U0001F396 \U0001D538", s}};
  auto lines = t.ts.set(spans, 400, Align::left, {});
  CHECK(t.warnings.empty());
  REQUIRE(lines.size() == 1);
  CHECK(visual(lines[0]) == "\U0001F4DD Publications \U0001F396 \U0001D538");
  std::map<std::string, std::string> family_of;
  for (const auto& it : lines[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it)) {
      REQUIRE(tx->face != nullptr);
      CHECK(tx->width > 0);
      family_of[tx->text] = family_name(*tx->face);
    }
  CHECK(family_of["\U0001F4DD"] == "Symbola");
  CHECK(family_of["\U0001F396"] == "Noto Sans Symbols2");
  CHECK(family_of[" Publications "] == "Noto Sans");
}

TEST_CASE("typesetter: emoji variation selectors and joiners are not drawn but kept as text") {
  Setter t;
  SourceLocation where{"cv.yaml", 1, 1};
  SpanStyle s;
  // 🎖️ (with VS16), 👨‍💻 (a ZWJ sequence: two glyphs), and a lone U+FE0F.
  const std::string text = "\U0001F396\uFE0F Awards \U0001F468\u200D\U0001F4BB \uFE0Fx";
  std::vector<Span> spans{Span{text, s}};
  auto lines = t.ts.set(spans, 400, Align::left, where);
  CHECK(t.warnings.empty()); // no U+FFFD for the selectors and joiners
  REQUIRE(lines.size() == 1);
  std::string layer;
  for (const auto& it : lines[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it)) {
      layer += tx->text;
      for (const ShapedGlyph& g : tx->glyphs)
        CHECK(g.gid != 0); // the marks are shaped away, not drawn as .notdef
    }
  CHECK(layer == text);
  int coder_glyphs = 0;
  for (const auto& it : lines[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it))
      if (tx->text.find("\U0001F468") != std::string::npos ||
          tx->text.find("\U0001F4BB") != std::string::npos) {
        coder_glyphs += static_cast<int>(tx->glyphs.size());
      }
  CHECK(coder_glyphs == 2);
}

TEST_CASE("typesetter: links cover their text; fallback faces split items") {
  Setter t;
  SpanStyle plain, link;
  link.link = "https://example.com";
  std::vector<Span> spans{Span{"see ", plain}, Span{"example 例子", link}, Span{" now", plain}};
  auto lines = t.ts.set(spans, 400, Align::left, {});
  REQUIRE(lines.size() == 1);
  int links = 0;
  double lx0 = 0, lx1 = 0;
  for (const auto& it : lines[0].items)
    if (const auto* l = std::get_if<LinkItem>(&it)) {
      ++links;
      lx0 = l->x;
      lx1 = l->x + l->width;
      CHECK(l->uri == "https://example.com");
    }
  CHECK(links == 1);
  double tx0 = 1e9, tx1 = 0;
  std::vector<std::string> faces;
  for (const auto& it : lines[0].items)
    if (const auto* tx = std::get_if<TextItem>(&it))
      if (tx->text.find("example") != std::string::npos ||
          tx->text.find("例") != std::string::npos) {
        tx0 = std::min(tx0, tx->x);
        tx1 = std::max(tx1, tx->x + tx->width);
        faces.push_back(family_name(*tx->face));
      }
  CHECK(lx0 == doctest::Approx(tx0));
  CHECK(lx1 == doctest::Approx(tx1));
  CHECK(faces.size() == 2);
  CHECK(faces[0] != faces[1]);
}

TEST_CASE("icu_locale_for maps RenderCV language names") {
  CHECK(icu_locale_for("english") == "en");
  CHECK(icu_locale_for("mandarin_chinese") == "zh");
  CHECK(icu_locale_for("zh-Hans") == "zh_Hans");
  CHECK(icu_locale_for("") == "en");
}

TEST_CASE("typesetter: random mixed-script text never leaves its box") {
  Setter t;
  const std::vector<std::string> pool = {"a",
                                         "Z",
                                         "q",
                                         " ",
                                         " ",
                                         "  ",
                                         "-",
                                         "/",
                                         ".",
                                         ",",
                                         "(",
                                         ")",
                                         "深",
                                         "度",
                                         "学",
                                         "。",
                                         "م",
                                         "ح",
                                         "ل",
                                         "ا",
                                         "ש",
                                         "ל",
                                         "ו",
                                         "\u05B8",
                                         "\u0301",
                                         "\U0001F600",
                                         "\n",
                                         "\t",
                                         "\u00AD",
                                         "\u200D",
                                         "\u00A0",
                                         "\u2009",
                                         "\xff",
                                         "https://x.org/a-b",
                                         "Pneumonoultramicroscopic",
                                         "1"};
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const int n = static_cast<int>(next() % 60);
    for (int i = 0; i < n; ++i)
      s += pool[next() % pool.size()];
    const double width = 30 + next() % 400;
    const Align align = static_cast<Align>(next() % 4);
    INFO("round " << round << " width " << width << " text " << s);
    for (const auto& line : t.set(s, width, align)) {
      CHECK(line.height > 0);
      for (const auto& it : line.items) {
        if (const auto* tx = std::get_if<TextItem>(&it)) {
          CHECK(tx->x >= -1e-6);
          CHECK(tx->x + tx->width <= width + 1e-6);
          CHECK(tx->face != nullptr);
          CHECK(!tx->text.empty());
        } else if (const auto* l = std::get_if<LinkItem>(&it)) {
          CHECK(l->x >= -1e-6);
        }
      }
    }
  }
}

// Total-fit line breaking, hyphenation and the text layer across hyphens
// (issue 14, items 1 and 2).
#include "layout/paragraph.hpp"
#include "scratch_dir.hpp"
#include "text/hyphenate.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

// Flags for single-byte text: breaks after spaces and after '-'.
std::vector<std::uint8_t> flags_of(std::string_view s) {
  std::vector<std::uint8_t> f(s.size(), cluster_start);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ')
      f[i] |= is_space;
    if (i > 0 && s[i - 1] == ' ' && s[i] != ' ')
      f[i] |= break_before;
    if (i > 0 && s[i - 1] == '-')
      f[i] |= break_before | after_hyphen;
  }
  return f;
}

std::vector<std::string> pieces(std::string_view s, const std::vector<LineRange>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    out.emplace_back(s.substr(l.begin, l.content_end - l.begin));
  return out;
}

// Sum of the cubed empty fractions of every line but the last (raggedness).
double raggedness(const std::vector<LineRange>& lines, double width) {
  double r = 0;
  for (const auto& l : lines)
    if (!l.last)
      r += std::pow((width - static_cast<double>(l.content_end - l.begin)) / width, 3);
  return r;
}

struct Setter {
  Style style = default_style();
  std::vector<Diagnostic> warnings;
  Typesetter ts;
  explicit Setter(const std::string& lang = "en") : ts(style, lang, warnings) {}

  std::vector<std::string> lines(const std::vector<Span>& spans, double width,
                                 Align align = Align::left) {
    std::vector<std::string> out;
    for (const auto& l : ts.set(spans, width, align, {})) {
      std::string text;
      for (const auto& it : l.items)
        if (const auto* t = std::get_if<TextItem>(&it))
          text += (text.empty() ? "" : " ") + t->text;
      out.push_back(text);
    }
    return out;
  }
  std::vector<std::string> lines(const std::string& text, double width, Align align = Align::left) {
    SpanStyle s;
    return lines({Span{text, s}}, width, align);
  }
};

bool ends_with_added_hyphen(const std::string& line) { return !line.empty() && line.back() == '-'; }

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
      out.append(buf.data(), n);
    ::pclose(p);
  }
  return out;
}

} // namespace

TEST_CASE("break_lines: total fit beats greedy on a known paragraph") {
  // Greedy fills the first line and leaves "cc" alone in the middle; the
  // total fit evens the lines out.
  const std::string s = "aaa bb cc ddddd";
  const std::vector<double> adv(s.size(), 1.0);
  std::vector<LineRange> greedy, best;
  break_lines_greedy(adv, flags_of(s), 6, greedy);
  CHECK(pieces(s, greedy) == std::vector<std::string>{"aaa bb", "cc", "ddddd"});
  break_lines(adv, flags_of(s), 6, best);
  CHECK(pieces(s, best) == std::vector<std::string>{"aaa", "bb cc", "ddddd"});
  CHECK(raggedness(best, 6) < raggedness(greedy, 6));
  // Never more lines than greedy needs.
  CHECK(best.size() == greedy.size());
}

TEST_CASE("break_lines: no last line of one short word") {
  const std::string s = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kk";
  const std::vector<double> adv(s.size(), 1.0);
  std::vector<LineRange> greedy, best;
  break_lines_greedy(adv, flags_of(s), 24, greedy);
  REQUIRE(pieces(s, greedy).back() == "kk"); // greedy strands it
  const BreakQuality q = break_lines(adv, flags_of(s), 24, best);
  CHECK_FALSE(q.stranded);
  CHECK(best.size() == greedy.size());
  const std::string last = pieces(s, best).back();
  CHECK(last.find(' ') != std::string::npos); // two words or more
  // Justified too (the spaces of the line above stretch to take the word).
  const std::string j = "aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mm";
  const std::vector<double> jadv(j.size(), 1.0);
  break_lines_greedy(jadv, flags_of(j), 24, greedy);
  REQUIRE(pieces(j, greedy).back() == "mm");
  const double w[1] = {24};
  CHECK_FALSE(break_lines(jadv, flags_of(j), BreakSpec{w, true, {}}, best).stranded);
  CHECK(pieces(j, best).back().find(' ') != std::string::npos);
}

TEST_CASE("break_lines: lines narrower beside a column, full width below") {
  const std::string s = "aaa bbb ccc ddd eee fff ggg hhh iii";
  const std::vector<double> adv(s.size(), 1.0);
  const double widths[2] = {7, 20}; // the first line beside a date column
  std::vector<LineRange> out;
  break_lines(adv, flags_of(s), BreakSpec{widths, false, {}}, out);
  const auto p = pieces(s, out);
  REQUIRE(p.size() >= 2);
  CHECK(p[0].size() <= 7);
  CHECK(p[1].size() > 7); // below the column the line is wider
  for (std::size_t i = 1; i < p.size(); ++i)
    CHECK(p[i].size() <= 20);
}

TEST_CASE("break_lines: an over-long word breaks between characters, a wide character overflows") {
  const std::string s = "ab abcdefghij c";
  const std::vector<double> adv(s.size(), 1.0);
  std::vector<LineRange> out;
  BreakQuality q = break_lines(adv, flags_of(s), 4, out);
  CHECK(pieces(s, out) == std::vector<std::string>{"ab", "abcd", "efgh", "ij c"});
  CHECK(q.emergency);
  CHECK_FALSE(q.overfull);
  // One character wider than the measure: set overfull, one per line.
  const std::vector<double> wide(3, 2.0);
  q = break_lines(wide, flags_of("xyz"), 1.5, out);
  CHECK(out.size() == 3);
  CHECK(q.overfull);
}

TEST_CASE("break_lines: a hyphen point is used only when it improves the paragraph") {
  // "aaaa-bbbb" style points: a discretionary hyphen (flag hyphen_before)
  // costs a penalty; with room to spare it is not taken.
  const std::string s = "xx yyyyzzzz";
  const std::vector<double> adv(s.size(), 1.0);
  auto f = flags_of(s);
  f[7] |= hyphen_before; // yyyy-zzzz
  std::vector<double> hy(s.size(), 0);
  hy[7] = 1;
  const double narrow[1] = {8}, wide[1] = {20};
  std::vector<LineRange> out;
  break_lines(adv, f, BreakSpec{wide, false, hy}, out);
  CHECK(out.size() == 1);
  break_lines(adv, f, BreakSpec{narrow, false, hy}, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].hyphen);
  CHECK(pieces(s, out) == std::vector<std::string>{"xx yyyy", "zzzz"});
}

TEST_CASE("hyphenator: dictionaries by language, lazily cached; none installed is no hyphenation") {
  auto en = Hyphenator::for_language("english");
  REQUIRE(en);
  CHECK(en == Hyphenator::for_language("en")); // cached, one per language
  std::vector<std::size_t> p;
  en->points("hyphenation", p);
  CHECK(p == std::vector<std::size_t>{2, 6}); // hy-phen-ation
  en->points("Characterization", p);
  CHECK(!p.empty());
  auto de = Hyphenator::for_language("de");
  REQUIRE(de);
  de->points("Zusammenfassung", p);
  CHECK(p == std::vector<std::size_t>{2, 5, 8, 11}); // zu-sam-men-fas-sung
  // No dictionary for the language, or none in the folder: nullptr.
  CHECK_FALSE(Hyphenator::for_language("tlh"));
  cvpress_test::ScratchDir dir;
  CHECK_FALSE(Hyphenator::for_language("en", dir.path.string()));
  // A broken dictionary file: not used, no crash.
  dir.write("hyph_en_US.dic", std::string("\x01\x02 garbage \xff\xfe\n1a1\n", 16));
  auto bad = Hyphenator::for_language("en-US", dir.path.string());
  if (bad) {
    bad->points("hyphenation", p); // whatever it finds, it returns
    CHECK(p.size() < 11);
  }
}

TEST_CASE("typesetter: hyphenation never in a name, URL or e-mail; plain words may") {
  Setter t;
  SpanStyle plain;
  SpanStyle name = plain;
  name.keep_together = true; // authors
  SpanStyle link = plain;
  link.link = "https://example.org/";
  const double width = 75;
  // The control: a plain lower-case word does get hyphenated in this measure.
  bool hyphenated = false;
  for (const auto& l : t.lines("a characterization internationalization", width))
    hyphenated = hyphenated || ends_with_added_hyphen(l);
  CHECK(hyphenated);
  auto none = [&](const std::vector<Span>& spans) {
    for (const auto& l : t.lines(spans, width))
      CHECK_MESSAGE(!ends_with_added_hyphen(l), l);
  };
  none({Span{"a ", plain}, Span{"characterization internationalization", name}});
  none({Span{"a ", plain}, Span{"characterization.internationalization.org", link}});
  none({Span{"a characterization@internationalization.org", plain}});
  none({Span{"a example.org/characterization/internationalization", plain}});
  none({Span{"a Characterization Internationalization", plain}}); // names are capitalised
  none({Span{"a 大规模深度学习训练集群的调度问题并设计系统", plain}});
  SpanStyle off = plain;
  off.hyphenate = false; // the date column
  none({Span{"a characterization internationalization", off}});
  // German capitalises nouns: they are hyphenated (with the German patterns).
  Setter de("de");
  bool noun = false;
  for (const auto& l :
       de.lines("eine Zusammenfassungsbeschreibung Zusammenfassungsbeschreibung", 90))
    noun = noun || ends_with_added_hyphen(l);
  CHECK(noun);
}

TEST_CASE("typesetter: an over-long word is reported with its location") {
  Style style = default_style();
  std::vector<Diagnostic> warnings;
  Typesetter ts(style, "en", warnings);
  SpanStyle s;
  const SourceLocation where{"cv.yaml", 12, 7};
  const std::vector<Span> spans{Span{"see https://example.org/" + std::string(80, 'x'), s}};
  (void)ts.set(spans, 100.0, Align::left, where);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where.line == 12);
  CHECK(warnings[0].message.find("is wider than its line: broken between characters") !=
        std::string::npos);
}

TEST_CASE("pdf: text layer exact across a hyphen the text has and an added one") {
  if (run("command -v pdftotext >/dev/null 2>&1 && echo yes") != "yes\n")
    FAIL("pdftotext missing (scripts/install-deps.sh installs it)");
  cvpress_test::ScratchDir dir;
  // Long compounds: the lines can only break at their hyphens. Then long
  // lower-case words in a narrow page: hyphenation.
  std::string compounds;
  for (int i = 0; i < 12; ++i)
    compounds += "state-of-the-art-trillion-parameter-resource-constrained-";
  compounds += "end";
  const std::string words = "characterization internationalization electroencephalographically "
                            "incomprehensibilities characterization internationalization "
                            "electroencephalographically incomprehensibilities";
  const auto file = dir.write("cv.yaml", "cv:\n  name: Test Person\n  sections:\n    notes:\n"
                                         "      - " +
                                             compounds + "\n      - " + words + "\n");
  const auto style = dir.write("narrow.yaml", "extends: classic\npage:\n  margins: {top: 2cm, "
                                              "bottom: 2cm, left: 7cm, right: 7cm}\n");
  const Cv cv = load_cv_file(file).cv;
  RenderOptions options;
  options.base_dir = dir.path;
  options.style = style.string();
  const RenderResult result = find_backend("pdf")->render(cv, options);
  std::ofstream(dir.path / "cv.pdf", std::ios::binary) << result.bytes;
  const std::string pdf = "'" + (dir.path / "cv.pdf").string() + "'";
  std::string text = run("pdftotext -enc UTF-8 " + pdf + " -");
  // Lines are joined by a space, as a reader would: words must come back whole.
  std::replace(text.begin(), text.end(), '\n', ' ');
  CHECK(text.find(compounds) != std::string::npos);
  CHECK(text.find(words) != std::string::npos);
  // And the page really has line-final hyphens of both kinds.
  const std::string layout = run("pdftotext -layout -enc UTF-8 " + pdf + " -");
  CHECK(layout.find("--\n") != std::string::npos); // a kept hyphen (written twice)
  std::size_t added = 0;
  for (std::size_t p = layout.find("-\n"); p != std::string::npos; p = layout.find("-\n", p + 1))
    if (p > 0 && std::isalpha(static_cast<unsigned char>(layout[p - 1])))
      ++added;
  CHECK(added > 0);
}

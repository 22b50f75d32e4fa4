// LaTeX backend: escaping, URL escaping, the math whitelist, preamble toggles.
#include "backends/latex/escape.hpp"
#include "backends/latex/math.hpp"
#include "backends/latex/writer.hpp"
#include "text/translations.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <limits>

using namespace cvpress;
using namespace cvpress::detail::latex;

namespace {

RichText rt(std::string s) { return RichText::from_plain(std::move(s), {"cv.yaml", 3, 7}); }

std::string render(const Cv& cv, std::vector<Diagnostic>* warnings = nullptr) {
  const Backend* b = find_backend("latex");
  REQUIRE(b != nullptr);
  RenderResult r = b->render(cv, {});
  if (warnings)
    *warnings = r.warnings;
  return r.bytes;
}

bool contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("latex escape: TeX special characters") {
  CHECK(escape_text("\\") == "\\textbackslash{}");
  CHECK(escape_text("{") == "\\{");
  CHECK(escape_text("}") == "\\}");
  CHECK(escape_text("$") == "\\$");
  CHECK(escape_text("&") == "\\&");
  CHECK(escape_text("#") == "\\#");
  CHECK(escape_text("^") == "\\textasciicircum{}");
  CHECK(escape_text("_") == "\\_");
  CHECK(escape_text("~") == "\\textasciitilde{}");
  CHECK(escape_text("%") == "\\%");
  CHECK(escape_text("[x]") == "{[}x{]}");
  CHECK(escape_text("plain text 123") == "plain text 123");
}

TEST_CASE("latex escape: ligature inputs stay literal") {
  CHECK(escape_text("a--b") == "a-{}-b");
  CHECK(escape_text("a---b") == "a-{}-{}-b");
  CHECK(escape_text("a-b") == "a-b");
  CHECK(escape_text("``q''") ==
        "\\textasciigrave{}\\textasciigrave{}q\\textquotesingle{}\\textquotesingle{}");
  CHECK(escape_text("O'Brien") == "O\\textquotesingle{}Brien");
  CHECK(escape_text(",,") == ",{},");
  CHECK(escape_text("!`") == "!\\textasciigrave{}");
}

TEST_CASE("latex escape: other ASCII punctuation") {
  CHECK(escape_text("<") == "\\textless{}");
  CHECK(escape_text(">") == "\\textgreater{}");
  CHECK(escape_text("|") == "\\textbar{}");
  CHECK(escape_text("\"") == "\\textquotedbl{}");
  CHECK(escape_text("a*b@c!d?e/f=g+h(i);:.") == "a*b@c!d?e/f=g+h(i);:.");
}

TEST_CASE("latex escape: spaces, soft hyphen and control characters") {
  CHECK(escape_text("a\u00A0b") == "a~b");
  CHECK(escape_text("co\u00ADop") == "co\\-op");
  CHECK(escape_text("a\nb\tc\rd") == "a b c d");
  CHECK(escape_text("a\u2028b") == "a b");
  CHECK(escape_text(std::string("a\0b", 3)) == "ab");
  CHECK(escape_text("a\x01\x1b\x7f"
                    "b") == "ab");
  CHECK(escape_text("a\u0085b") == "ab");                             // C1 control
  CHECK(escape_text("\xff") == "\\symbol{65533}");                    // invalid UTF-8
  CHECK(escape_text("\xe9\x99") == "\\symbol{65533}\\symbol{65533}"); // truncated
  CHECK(escape_text("\uFFFD") == "\\symbol{65533}");
  CHECK(escape_text("陈巧玲 محمد דוד é") == "陈巧玲 محمد דוד é");
}

TEST_CASE("latex escape: hostile strings cannot form commands") {
  CHECK(escape_text("\\input{/etc/hostname}") == "\\textbackslash{}input\\{/etc/hostname\\}");
  CHECK(escape_text("\\immediate\\write18{rm -rf /}") ==
        "\\textbackslash{}immediate\\textbackslash{}write18\\{rm -rf /\\}");
  CHECK(escape_text("^^5cinput") == "\\textasciicircum{}\\textasciicircum{}5cinput");
  CHECK(escape_text("\\catcode`\\@=11") ==
        "\\textbackslash{}catcode\\textasciigrave{}\\textbackslash{}@=11");
  CHECK(escape_text("\\end{document}") == "\\textbackslash{}end\\{document\\}");
  CHECK(escape_text("}}{") == "\\}\\}\\{");
  // The only backslashes left start the fixed escape commands.
  const std::string out = escape_text("\\csname\\endcsname\\def\\x#1{#1}%");
  CHECK(out == "\\textbackslash{}csname\\textbackslash{}endcsname\\textbackslash{}def"
               "\\textbackslash{}x\\#1\\{\\#1\\}\\%");
}

TEST_CASE("latex url escape") {
  CHECK(escape_url("https://example.com/a-b_c~d") == "https://example.com/a-b\\_c\\~d");
  CHECK(escape_url("https://x.org/?a=1&b=2#top") == "https://x.org/?a=1\\&b=2\\#top");
  CHECK(escape_url("https://x.org/a%20b") == "https://x.org/a\\%20b");
  CHECK(escape_url("https://x.org/100%") == "https://x.org/100\\%25");
  CHECK(escape_url("https://x.org/a b") == "https://x.org/a\\%20b");
  CHECK(escape_url("https://x.org/\\input{x}") == "https://x.org/\\%5Cinput\\%7Bx\\%7D");
  CHECK(escape_url("https://x.org/^$\"<>|`") ==
        "https://x.org/\\%5E\\%24\\%22\\%3C\\%3E\\%7C\\%60");
  CHECK(escape_url("https://x.org/é") == "https://x.org/\\%C3\\%A9");
  CHECK(escape_url("https://x.org/\n") == "https://x.org/\\%0A");
}

TEST_CASE("latex link targets: only web, mail and phone schemes") {
  CHECK(safe_link_target("https://a.org") == "https://a.org");
  CHECK(safe_link_target("HTTP://a.org") == "http://a.org");
  CHECK(safe_link_target("mailto:a@b.org") == "mailto:a@b.org");
  CHECK(safe_link_target("tel:+123") == "tel:+123");
  CHECK(safe_link_target("example.com") == "https://example.com");
  // Anything else is drawn as plain text (no \href), as in the PDF backend.
  CHECK(safe_link_target("run:/bin/sh") == "");
  CHECK(safe_link_target("file:///etc/passwd") == "");
  CHECK(safe_link_target("javascript:alert(1)") == "");
  CHECK(detail::percent_encode("a b@c.org") == "a%20b@c.org");
}

TEST_CASE("latex math whitelist accepts common formulas") {
  for (const char* ok : {"1.06\\times",
                         "x^2",
                         "x_i^2",
                         "\\alpha + \\beta",
                         "O(n \\log n)",
                         "\\leq 5\\%",
                         "90^\\circ",
                         "\\pm 0.1",
                         "\\frac{1}{2}",
                         "\\sqrt{x}",
                         "10^{-3}",
                         "\\text{ms}",
                         "\\mathrm{d}x",
                         "f'(x)",
                         "f'^2",
                         "\\{a, b\\}",
                         "a \\to b",
                         "\\sum_{i=1}^{n} x_i",
                         "\\text{über}",
                         "",
                         "x_{\\text{max}}",
                         "\\mathbf{x}^\\top",
                         "x^{\\sum}",
                         "\\sqrt\\alpha",
                         "10^\\circ",
                         "x^{\\,}"}) {
    INFO(ok);
    if (std::string_view(ok) == "\\mathbf{x}^\\top")
      CHECK(check_math(ok).has_value()); // \top is not whitelisted
    else
      CHECK_FALSE(check_math(ok).has_value());
  }
}

TEST_CASE("latex math whitelist rejects everything else") {
  for (const char* bad : {"\\input{/etc/hostname}",
                          "\\immediate\\write18{ls}",
                          "\\catcode`\\^=7",
                          "^^5c",
                          "x^^5cinput",
                          "\\csname foo\\endcsname",
                          "\\end{document}",
                          "{",
                          "}",
                          "a}{b",
                          "\\def\\x{1}",
                          "#1",
                          "a & b",
                          "50%",
                          "$",
                          "~",
                          "x^2^3",
                          "x_1_2",
                          "x^2'",
                          "\\text{a_b}",
                          "\\text{\\alpha}",
                          "\\frac{1}",
                          "\\sqrt[3]{x}",
                          "x^",
                          "\\left(",
                          "é",
                          "\\",
                          "a\\\\b",
                          "\\text{$x$}",
                          "\\mathbb{R}",
                          "\\verb|x|",
                          "\"",
                          "a\nb",
                          "x^\\,",
                          "\\sqrt\\ldots",
                          "^\\sum",
                          "\\frac\\log 2",
                          "\\text\\%"}) {
    INFO(bad);
    CHECK(check_math(bad).has_value());
  }
  CHECK(check_math(std::string(1001, 'x')).has_value());
  CHECK(check_math(std::string(40, '{') + std::string(40, '}')).has_value());
}

TEST_CASE("latex dates: locale formatting, breaking only around the dash") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"projects", "Projects", {}, {}};
  auto add = [&](Dates d) {
    NormalEntry e{rt("P"), {}, {}};
    e.details.dates = std::move(d);
    s.entries.push_back(e);
  };
  Dates d;
  d.date = CalendarDate{2024, 8, 0};
  add(d);
  d = {};
  d.start = CalendarDate{2020, 0, 0};
  d.end = CalendarDate{2023, 0, 0};
  add(d);
  d.start = CalendarDate{2024, 8, 0};
  d.end = Present{};
  add(d);
  d = {};
  d.date = FreeTextDate{"Fall 2023"};
  add(d);
  cv.sections.push_back(s);
  const std::string tex = render(cv);
  CHECK(contains(tex, "\\cvNormal{P}{Aug~2024}{}"));
  CHECK(contains(tex, "\\cvNormal{P}{2020 \u2013 2023}{}"));
  CHECK(contains(tex, "\\cvNormal{P}{Aug~2024 \u2013 present}{}"));
  CHECK(contains(tex, "\\cvNormal{P}{Fall~2023}{}"));
}

TEST_CASE("latex: a Chinese CV gets translated default titles and footer") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  cv.locale.language = "mandarin_chinese";
  cv.sections.push_back(Section{"education", "Education", {}, {}});
  cv.sections.push_back(Section{"Hobbies", "Hobbies", {}, {}});
  for (auto& s : cv.sections)
    s.entries.push_back(NormalEntry{rt("P"), {}, {}});
  const std::string tex = render(cv);
  CHECK(contains(tex, "\\cvSection{教育经历}"));
  CHECK(contains(tex, "\\cvSection{Hobbies}"));
  CHECK(contains(tex, "第 \\thepage{} 页，共 \\pageref*{cvLastPage} 页"));
  CHECK_FALSE(contains(tex, "page \\thepage{}"));
}

TEST_CASE("latex: the style's name_order arranges the header name") {
  Cv cv;
  cv.header.name = {"Qiaoling Chen", "Qiaoling", "Chen", "陈巧玲", "", {}};
  detail::Style st = detail::default_style();
  std::vector<Diagnostic> w;
  CHECK(contains(make_document(cv, st, w), "\\cvName{Qiaoling Chen (陈巧玲)}"));
  st.name_order = detail::NameStyle::native_then_latin;
  CHECK(contains(make_document(cv, st, w), "\\cvName{陈巧玲 Qiaoling Chen}"));
  st.name_order = detail::NameStyle::native_only;
  CHECK(contains(make_document(cv, st, w), "\\cvName{陈巧玲}"));
  st.name_order = detail::NameStyle::latin_only;
  CHECK(contains(make_document(cv, st, w), "\\cvName{Qiaoling Chen}"));
}

TEST_CASE("latex: a name without a Latin form is romanised for the PDF metadata only") {
  Cv cv;
  cv.header.name.full = "陈巧玲";
  cv.locale.language = "mandarin_chinese";
  const std::string tex = render(cv);
  CHECK(contains(tex, "pdftitle={Chen Qiaoling \u2013 CV}"));
  CHECK(contains(tex, "pdfauthor={Chen Qiaoling}"));
  CHECK(contains(tex, "\\cvName{陈巧玲}"));
  CHECK(contains(tex, "\\newcommand{\\cvFooter}{陈巧玲 \u2013 "));
}

TEST_CASE("latex: a legend follows a publications section that uses author marks") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section pubs{"publications", "Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("A Paper");
  p.authors = {Author{rt("Ann Lee"), true, false, false}, Author{rt("Bo Li"), false, true, false}};
  pubs.entries.emplace_back(p);
  cv.sections.push_back(pubs);
  std::string tex = render(cv);
  CHECK(contains(tex, "\\cvMarksLegend{* co-first author\\quad \u2020 corresponding author}\n"));
  CHECK(tex.find("\\cvMarksLegend{*") > tex.find("\\end{cvPublications}"));
  cv.locale.language = "german";
  cv.sections.front().entries.front() = [&] {
    PublicationEntry only = p;
    only.authors[0].co_first = false;
    return only;
  }();
  tex = render(cv);
  CHECK(contains(tex, "\\cvMarksLegend{\u2020 " +
                          std::string(detail::translate(detail::Word::corresponding_author, "de")) +
                          "}\n"));
  cv.sections.front().entries.front() = [&] {
    PublicationEntry none = p;
    none.authors[0].co_first = false;
    none.authors[1].corresponding = false;
    return none;
  }();
  CHECK_FALSE(contains(render(cv), "\\cvMarksLegend{"));
}

TEST_CASE("latex: a right-to-left CV is mirrored like the PDF layout") {
  Cv cv;
  cv.header.name.full = "David Cohen";
  Section s{"education", "Education", {}, {}};
  NormalEntry e{rt("P"), {}, {}};
  e.details.dates.date = CalendarDate{2024, 0, 0};
  e.details.highlights.push_back({rt("H"), {rt("N")}});
  s.entries.push_back(e);
  cv.sections.push_back(s);
  const std::string ltr = render(cv);
  CHECK(contains(ltr, "\\AtBeginDocument{\\raggedright}"));
  CHECK(contains(ltr, "% Entries. \\cvRow{main}{side}: the main column and the dates/location "
                      "column (right)"));
  CHECK(contains(ltr, "\\item\\cvBesideDates H\n"));
  CHECK_FALSE(contains(ltr, "cvRightAligned"));
  cv.locale.language = "hebrew";
  const std::string rtl = render(cv);
  CHECK(contains(rtl, "\\AtBeginDocument{\\raggedleft}"));
  CHECK(contains(rtl, "% Entries. \\cvRow{main}{side}: the main column and the dates/location "
                      "column (left)"));
  CHECK(contains(rtl, "\\cvMainLeft \\cvMainLeft=\\cvMainMargin\n"));
  CHECK(contains(rtl, "\\leftskip=\\cvMainLeft plus 1fil\\rightskip=\\cvMainRight\\relax"));
  // Latin text in a right-to-left CV: a left-to-right run that turns its
  // paragraph left to right when it comes first.
  CHECK(contains(rtl, "\\item\\cvRightAligned \\cvDirL{}\\cvLTR{H}\n"));
  CHECK(contains(rtl, "\\item\\cvRightAligned \\cvDirL{}\\cvLTR{N}\n"));
  CHECK(contains(rtl, "\\newcommand{\\cvRightAligned}"));
  // Right-to-left paragraphs; rows and headings are mirrored by hand.
  CHECK(contains(rtl, "\\AddToHook{para/begin}"));
  CHECK(contains(rtl, "\\cvNoAutoDir\\noindent\\cvBookmark{#2}"));
  CHECK(contains(rtl, "\\newcommand{\\cvEntryStart}{\\cvPayHang\\if@nobreak\\else\\penalty0 "
                      "\\fi\\addvspace{\\cvEntrySpace}\\cvNoAutoDir"));
  CHECK(contains(rtl, "\\cvRTL{\\cvFooter}"));
  CHECK(contains(rtl, "\\newcommand{\\cvFooter}{\\cvDirL{}\\cvLTR{David Cohen}\\cvDirR{}"));
  CHECK(contains(rtl, "\\cvHebrew{עמוד}"));
  CHECK_FALSE(contains(ltr, "AddToHook"));
  CHECK_FALSE(contains(ltr, "cvDir"));
}

TEST_CASE("latex: every heading look is mirrored in a right-to-left CV") {
  detail::Style st = detail::default_style();
  Features f;
  f.rtl_document = true;
  DocumentMeta meta{"T", "A"};
  meta.rtl = true;
  auto heading = [&](detail::HeadingLook look) {
    st.heading_look = look;
    const std::string p = make_preamble(st, f, meta);
    const auto at = p.find("\\newcommand{\\cvSection}");
    REQUIRE(at != std::string::npos);
    return p.substr(at, p.find("\\makeatother", at) - at);
  };
  const std::string right = "\\leftskip=0pt plus 1fil\\parfillskip=0pt\\relax ";
  // The title at the right margin: a right-to-left run, right-aligned or
  // after the rule that fills the line.
  CHECK(contains(heading(detail::HeadingLook::rule_below), right + "\\cvRTL{#1}\\par}"));
  CHECK(contains(heading(detail::HeadingLook::plain), right + "\\cvRTL{#1}\\par}"));
  CHECK(contains(heading(detail::HeadingLook::small_caps),
                 right + "\\cvRTL{\\MakeUppercase{#1}}\\par}"));
  CHECK(contains(heading(detail::HeadingLook::partial_rule),
                 "\\leaders\\hrule height 0.45em depth -0.38em\\hfill\\enspace \\cvRTL{#1}\\par}"));
  CHECK(contains(heading(detail::HeadingLook::bar),
                 right + "\\cvRTL{#1}\\enspace\\rule[-0.2em]{3bp}{1em}\\par}"));
  // The underline under the title, at the right.
  const std::string underline = heading(detail::HeadingLook::underline);
  CHECK(contains(underline, "{\\parfillskip=0pt\\hfill\\copy0\\par}"));
  CHECK(contains(underline, "\\moveright\\dimexpr\\linewidth-\\wd0\\relax"));
  for (auto look : {detail::HeadingLook::rule_below, detail::HeadingLook::partial_rule,
                    detail::HeadingLook::underline, detail::HeadingLook::small_caps,
                    detail::HeadingLook::bar, detail::HeadingLook::plain})
    CHECK(contains(heading(look), "\\cvNoAutoDir\\noindent"));
  // Left to right: the title first.
  meta.rtl = false;
  CHECK(contains(heading(detail::HeadingLook::partial_rule), "#1\\enspace\\leaders"));
  CHECK_FALSE(contains(heading(detail::HeadingLook::partial_rule), "cvNoAutoDir"));
}

TEST_CASE("latex authors: the owner is found by name or bold") {
  Cv cv;
  cv.header.name = {"Qinghao Hu", "Qinghao", "Hu", "胡清昊", "", {}};
  Section s{"publications", "Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("T");
  RichText bold;
  bold.runs.push_back(TextRun{"Meng Zhang", {true, false, ""}});
  p.authors = {{rt("Q. Hu"), true, false, false},
               {bold, false, false, true},
               {rt("Qing Hu"), false, false, false},
               {rt("胡清昊"), false, true, false}};
  s.entries.push_back(p);
  cv.sections.push_back(s);
  const std::string tex = render(cv);
  CHECK(contains(tex, "\\cvAuthors{\\cvOwner{Q. Hu}\\cvCoFirst{}, \\cvOwner{Meng Zhang}, "
                      "\\cvAuthor{Qing Hu}, \\cvOwner{胡清昊}\\cvCorresponding{}}"));
}

TEST_CASE("latex script runs") {
  Features f;
  CHECK(typeset_text("Hello", f) == "Hello");
  CHECK_FALSE(f.cjk);
  CHECK_FALSE(f.rtl());
  CHECK(typeset_text("陈巧玲", f) == "陈巧玲");
  CHECK(f.cjk);
  CHECK(typeset_text("Dr محمد علي, PhD", f) == "Dr \\cvArabic{محمد علي}, PhD");
  CHECK(f.arabic);
  CHECK_FALSE(f.hebrew);
  CHECK(typeset_text("דוד {x}", f) == "\\cvHebrew{דוד} \\{x\\}");
  CHECK(f.hebrew);
  // Digits and punctuation inside a run: in \cvNeutral (Noto Sans Hebrew has
  // none of them), spaces and the geresh stay in the run's font.
  CHECK(typeset_text("ספט׳ 2019 – יוני", f) ==
        "\\cvHebrew{ספט׳ \\cvNeutral{2019} \\cvNeutral{–} יוני}");
  CHECK(typeset_text("מנחה: פרופ׳ לוי", f) == "\\cvHebrew{מנחה\\cvNeutral{:} פרופ׳ לוי}");
  CHECK(typeset_text("(אבג)", f) == "(\\cvHebrew{אבג})");
  // Persian: zero-width non-joiners stay in the Arabic font.
  CHECK(typeset_text("مهارت\u200cها (۲۰۲۴)", f) == "\\cvArabic{مهارت\u200cها \\cvNeutral{(}۲۰۲۴})");
  // The Arabic comma is a separator between Latin words, in the Arabic font.
  CHECK(typeset_text("Python، C++", f) == "Python{\\cvArabicFont ،} C++");
}

TEST_CASE("latex script runs in a right-to-left document") {
  Features f;
  f.rtl_document = true;
  CHECK(f.rtl());
  // Digits and punctuation only: left-to-right words, no direction mark.
  CHECK(typeset_text("2019 – 2024", f) == "2019 – 2024");
  CHECK(typeset_text("+972 3 555 1234", f) == "+972 3 555 1234");
  // The first strong letter marks the direction; Latin runs are embedded.
  CHECK(typeset_text("David Cohen", f) == "\\cvDirL{}\\cvLTR{David Cohen}");
  CHECK(typeset_text("דוד כהן David Cohen", f) ==
        "\\cvDirR{}\\cvHebrew{דוד כהן} \\cvLTR{David Cohen}");
  // A year after the Hebrew month: a neutral in the paragraph's direction.
  CHECK(typeset_text("ספט׳ 2019 – יוני 2024", f) ==
        "\\cvDirR{}\\cvHebrew{ספט׳ \\cvNeutral{2019} \\cvNeutral{–} יוני} \\cvNeutral{2024}");
  // Digits after Latin letters belong to the Latin run.
  CHECK(typeset_text("Python 3 ו־Go", f) ==
        "\\cvDirL{}\\cvLTR{Python 3} \\cvHebrew{ו־}\\cvLTR{Go}");
  CHECK(typeset_text("C++, Go", f) == "\\cvDirL{}\\cvLTR{C++, Go}");
  CHECK(typeset_text("Python، C++، Julia", f) ==
        "\\cvDirL{}\\cvLTR{Python{\\cvArabicFont ،} C++{\\cvArabicFont ،} Julia}");
  CHECK(typeset_text("", f).empty());
}

TEST_CASE("latex symbol runs: emoji and other pictographs the main font lacks") {
  Features f;
  CHECK(typeset_text("Publications", f) == "Publications");
  CHECK_FALSE(f.symbols);
  CHECK(typeset_text("📝 Publications", f) == "\\cvSymbol{📝} Publications");
  CHECK(f.symbols);
  // A variation selector or joiner stays in the run of the symbol before it.
  CHECK(typeset_text("🎖\uFE0F Awards", f) == "\\cvSymbol{🎖\uFE0F} Awards");
  CHECK(typeset_text("👨\u200D💻!", f) == "\\cvSymbol{👨\u200D💻}!");
  // Math letters, a watch (emoji presentation), shapes; not ™ nor arrows.
  CHECK(typeset_text("𝔸 ⌚ ▪ ™ →", f) == "\\cvSymbol{𝔸} \\cvSymbol{⌚} \\cvSymbol{▪} ™ →");
  // CJK Extension B is CJK (xeCJK), not a symbol.
  Features g;
  CHECK(typeset_text("𠀀", g) == "𠀀");
  CHECK(g.cjk);
  CHECK_FALSE(g.symbols);
}

TEST_CASE("latex preamble: the symbol font is declared only when used, Symbola first") {
  const detail::Style st = detail::default_style();
  Features f;
  CHECK_FALSE(contains(make_preamble(st, f, {"T", "A"}), "cvSymbolFont"));
  f.symbols = true;
  const std::string p = make_preamble(st, f, {"T", "A"});
  CHECK(contains(p, "\\IfFontExistsTF{Symbola}{\\newfontfamily\\cvSymbolFont{Symbola}}{%\n"
                    "  \\IfFontExistsTF{Noto Sans Symbols2}"));
  CHECK(contains(p, "\\DeclareRobustCommand{\\cvSymbol}[1]{{\\cvSymbolFont#1}}"));
  // Symbola is never the main font.
  CHECK(contains(p, "\\setmainfont{Noto Sans}"));
  CHECK_FALSE(contains(p, "\\setmainfont{Symbola}"));
}

TEST_CASE("latex preamble toggles") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  Section s{"education", "Education", {}, {}};
  s.entries.push_back(EducationEntry{rt("MIT"), rt("Physics"), rt("PhD"), {}, {}});
  cv.sections.push_back(s);
  std::string tex = render(cv);
  CHECK_FALSE(contains(tex, "xeCJK"));
  CHECK_FALSE(contains(tex, "TeXXeTstate"));
  CHECK_FALSE(contains(tex, "Arabic"));
  CHECK_FALSE(contains(tex, "Hebrew"));
  CHECK_FALSE(contains(tex, "amsmath"));
  CHECK(contains(tex, "\\usepackage{fontspec}"));
  CHECK(contains(tex, "pdfauthor={Jane Doe}"));
  CHECK(contains(tex, "\\cvEducation{MIT}{PhD}{Physics}{}{}"));

  cv.header.name.native = "陈巧玲";
  tex = render(cv);
  CHECK(contains(tex, "\\usepackage{xeCJK}"));
  CHECK(contains(tex, "\\cvName{Jane Doe (陈巧玲)}"));
  CHECK_FALSE(contains(tex, "TeXXeTstate"));

  cv.header.affiliation = {"جامعة"};
  tex = render(cv);
  CHECK(contains(tex, "TeXXeTstate"));
  CHECK(contains(tex, "Noto Sans Arabic"));
  CHECK_FALSE(contains(tex, "Noto Sans Hebrew"));

  cv.header.affiliation = {"אוניברסיטה"};
  tex = render(cv);
  CHECK(contains(tex, "TeXXeTstate"));
  CHECK(contains(tex, "Noto Sans Hebrew"));
  CHECK_FALSE(contains(tex, "Noto Sans Arabic"));
}

TEST_CASE("latex math runs: accepted as math, rejected as text with a warning") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  RichText h;
  h.where = {"cv.yaml", 4, 11};
  h.runs.push_back(TextRun{"speedup ", {}});
  h.runs.push_back(MathRun{"1.06\\times", "1.06×", {}});
  h.runs.push_back(MathRun{"", "", {}});
  h.runs.push_back(MathRun{"  ", "", {}});
  h.runs.push_back(TextRun{" and ", {}});
  h.runs.push_back(MathRun{"\\input{/etc/hostname}", "\\input{/etc/hostname}", {}});
  cv.header.headline = h;
  std::vector<Diagnostic> warnings;
  const std::string tex = render(cv, &warnings);
  CHECK(contains(tex, "\\usepackage{amsmath}"));
  CHECK(contains(tex, "speedup $1.06\\times$ and \\textbackslash{}input\\{/etc/hostname\\}"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].severity == Severity::warning);
  CHECK(warnings[0].where == SourceLocation{"cv.yaml", 4, 11});
  CHECK(warnings[0].path == "cv.headline");
  CHECK(contains(warnings[0].message, "\\input is not an allowed math command"));
  cv.header.photo = "me.jpg";
  render(cv, &warnings);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].path == "cv.photo");
}

TEST_CASE("latex document is deterministic and has no dates") {
  Cv cv;
  cv.header.name.full = "Jane Doe";
  cv.header.emails = {"jane@example.com"};
  CHECK(render(cv) == render(cv));
  CHECK(contains(render(cv), "\\href{mailto:jane@example.com}{jane@example.com}"));
  CHECK_FALSE(contains(render(cv), "\\today"));
}

namespace {

// A CV with every entry type, hostile strings and three scripts.
Cv sample_cv() {
  const std::string hostile = "\\input{/etc/hostname} \\immediate\\write18{touch pwned} "
                              "\\catcode`\\^=7 ^^5c \\csname relax\\endcsname \\end{document} "
                              "}{ $ & # _ ~ % -- --- `` '' <x> | \"q\" a\u00A0b so\u00ADft";
  Cv cv;
  cv.header.name = {"Qiaoling Chen", "Qiaoling", "Chen", "陈巧玲", "", {}};
  cv.header.headline = rt("PhD student " + hostile);
  cv.header.location = "Singapore";
  cv.header.affiliation = {"S-Lab, Nanyang Technological University", "محمد", "דוד"};
  cv.header.emails = {"qiaoling@example.com"};
  cv.header.phones = {"+65 1234 5678"};
  cv.header.websites = {"https://example.com/~qc/?a=1&b=2#x"};
  cv.header.social_networks = {{"GitHub", "qc", {}}, {"Google Scholar", "abc_DEF", {}}};
  Section edu{"education", "Education", {}, {"cv.yaml", 10, 3}};
  EducationEntry e{rt("Nanyang Technological University"),
                   rt("Computer Science"),
                   rt("PhD"),
                   {},
                   {"cv.yaml", 11, 5}};
  e.details.dates.start = CalendarDate{2020, 8, 0};
  e.details.dates.end = Present{};
  e.details.location = rt("Singapore");
  e.details.summary = rt("Summary " + hostile);
  e.details.highlights.push_back({rt("Highlight " + hostile), {rt("Nested 陈巧玲")}});
  edu.entries.push_back(e);
  cv.sections.push_back(edu);

  Section exp{"experience", "Experience", {}, {}};
  ExperienceEntry x{rt("Shanghai AI Lab"), rt("Research Intern"), {}, {}};
  x.details.dates.start = CalendarDate{2019, 0, 0};
  x.details.dates.end = CalendarDate{2020, 0, 0};
  exp.entries.push_back(x);
  cv.sections.push_back(exp);

  Section pubs{"publications", "Selected Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("Lucid: A Non-Intrusive Scheduler");
  p.authors = {{rt("Qiaoling Chen"), true, false, true},
               {rt("Meng Zhang"), true, true, false},
               {rt("Peng Sun"), false, false, false}};
  p.journal = rt("Architectural Support for Programming Languages and Operating Systems");
  p.venue_short = "ASPLOS '23";
  p.dates.date = CalendarDate{2023, 3, 0};
  p.awards = {rt("Distinguished Paper Award")};
  p.label = "C1";
  p.status = rt("Published");
  p.note = rt("Co-first authors.");
  p.doi = "10.1145/3575693.3575705";
  pubs.entries.push_back(p);
  PublicationEntry p2;
  p2.title = rt("Hostile title " + hostile);
  p2.authors = {{rt("A. B."), false, false, false}};
  p2.url = "https://arxiv.org/abs/2401.00001";
  p2.label = "J1";
  pubs.entries.push_back(p2);
  cv.sections.push_back(pubs);

  Section talks{"talks", "Talks", {}, {}};
  TalkEntry t{rt("Characterization of LLM Development"), {}, {}, "", {}};
  TalkEvent ev{rt("NSDI"), rt("Santa Clara, United States"), {}, "2 p.m.", rt("Aurojit Panda"), {}};
  ev.dates.date = CalendarDate{2024, 4, 0};
  t.events.push_back(ev);
  talks.entries.push_back(t);
  cv.sections.push_back(talks);

  Section service{"service", "Service", {}, {}};
  ServiceEntry sv{
      rt("AE Committee Member"), rt("USENIX Annual Technical Conference"), "ATC '22", {}, {}, {}};
  sv.dates.date = CalendarDate{2022, 0, 0};
  service.entries.push_back(sv);
  cv.sections.push_back(service);

  Section patents{"patents", "Patents", {}, {}};
  PatentEntry pt{rt("A new method of video making"), "CN111970571A", {}, rt("Granted"), {}, "", {}};
  pt.dates.date = CalendarDate{2020, 0, 0};
  patents.entries.push_back(pt);
  cv.sections.push_back(patents);

  Section skills{"skills", "Skills", {}, {}};
  skills.entries.push_back(OneLineEntry{rt("Languages"), rt("C++, Python, " + hostile), {}});
  cv.sections.push_back(skills);

  Section bullets{"bullets", "Bullets", {}, {}};
  bullets.entries.push_back(BulletEntry{rt("[bracket] first " + hostile), {}});
  cv.sections.push_back(bullets);

  Section numbered{"numbered", "Numbered", {}, {}};
  numbered.entries.push_back(NumberedEntry{rt("one"), {}});
  numbered.entries.push_back(NumberedEntry{rt("two"), {}});
  cv.sections.push_back(numbered);

  Section reversed{"reversed", "Reversed", {}, {}};
  reversed.entries.push_back(ReversedNumberedEntry{rt("newest"), {}});
  reversed.entries.push_back(ReversedNumberedEntry{rt("oldest"), {}});
  cv.sections.push_back(reversed);

  Section text{"about", "About Me " + hostile, {}, {}};
  text.entries.push_back(TextEntry{rt("Text paragraph " + hostile + " محمد and דוד."), {}});
  cv.sections.push_back(text);
  return cv;
}

} // namespace

TEST_CASE("latex sample document") {
  const std::string tex = render(sample_cv());
  CHECK(contains(tex, "\\cvName{Qiaoling Chen (陈巧玲)}"));
  CHECK(contains(tex, "\\cvOwner{Qiaoling Chen}\\cvCoFirst{}"));
  CHECK(contains(tex, "\\cvAuthor{Meng Zhang}\\cvCoFirst{}\\cvCorresponding{}"));
  CHECK(contains(tex, "\\cvDoi{https://doi.org/10.1145/3575693.3575705}"));
  Cv odd = sample_cv();
  std::get<PublicationEntry>(odd.sections[2].entries[0]).doi = "10.1000/a#b%";
  CHECK(contains(render(odd), R"(\cvDoi{https://doi.org/10.1000/a\%23b\%25}{10.1000/a\#b\%})"));
  CHECK(contains(tex, "\\cvNumbered{2.}{newest}"));
  CHECK(contains(tex, "\\cvNumbered{1.}{oldest}"));
  CHECK(contains(tex, "% cv.sections.education[0] (line 11)"));
  CHECK(contains(tex, "\\usepackage{xeCJK}"));
  CHECK_FALSE(contains(tex, "\\input{"));
  CHECK_FALSE(contains(tex, "\\write18"));
  // Optional test aid: dump the document for a manual xelatex run.
  if (const char* dump = std::getenv("CVPRESS_LATEX_DUMP")) {
    std::ofstream out(dump, std::ios::binary);
    out << tex;
  }
}

TEST_CASE("latex preamble: style values cannot inject TeX or Lua") {
  detail::Style st = detail::default_style();
  st.body_fonts.families = {"Evil\"}) os.execute(\"id\") --\\input{x}", "WenQuanYi Micro Hei"};
  st.body_size = std::numeric_limits<double>::quiet_NaN();
  st.contact_separator = "\\input{x}";
  st.footer = "{name} \\write18{x} {page}";
  Features f;
  f.cjk = true;
  const std::string p = make_preamble(st, f, {"T", "A \\input{x}"});
  CHECK(contains(p, "\\setmainfont{Evil os.executeid -{}-inputx}"));
  CHECK_FALSE(contains(p, "\")"));
  CHECK_FALSE(contains(p, "\\input{"));
  CHECK_FALSE(contains(p, "\\write18"));
  CHECK_FALSE(contains(p, "nan"));
  CHECK(contains(p, "\\fontsize{0bp}"));
}

TEST_CASE("latex preamble follows the style") {
  detail::Style st = detail::default_style();
  st.date_column_side = detail::Side::left;
  st.heading_look = detail::HeadingLook::plain;
  st.bullet = "▪";
  st.name_fonts.families = {"Noto Serif"};
  Features f;
  const std::string p = make_preamble(st, f, {"T", "A"});
  CHECK(contains(p, "\\cvMainLeft=\\cvMainMargin"));
  CHECK(contains(p, "\\cvMainRight=0pt"));
  CHECK(contains(p, "% left column: dates and locations"));
  CHECK(contains(p, "label={\\cvSymbol{▪}}"));
  CHECK(contains(p, "\\newfontfamily\\cvSymbolFont"));
  CHECK(contains(p, "\\newfontfamily\\cvNameFont{Noto Serif}"));
  CHECK_FALSE(contains(p, "\\hrule"));
}

TEST_CASE("latex: a paragraph's last word is tied to the one before it") {
  const std::string yaml = R"(cv:
  name: Jane Doe
  sections:
    experience:
      - company: Acme
        position: Engineer
        start_date: 2020-01
        highlights:
          - "Cut the cost of training a typical Resnet model."
          - "Sped up \\quad by $x^2$ per step"
          - "One"
          - "Ends with https://example.org/a-very-long-path-name"
    service:
      - event: USENIX Annual Technical Conference
        role: AE Committee Member
        date: 2022
)";
  const LoadResult loaded = load_cv_string(yaml, "cv.yaml");
  CHECK(loaded.warnings.empty());
  const std::string tex = render(loaded.cv);
  CHECK(contains(tex, "typical Resnet~model."));
  CHECK(contains(tex, "AE Committee~Member"));
  // Math is left alone, a single word has nothing to tie to, a long last
  // word (over 20 characters) is not short.
  CHECK(contains(tex, "per step"));
  CHECK(contains(tex, "\\item\\cvBesideDates One\n"));
  CHECK(contains(tex, "Ends with https"));
}

TEST_CASE("latex: a publication's status ends its venue line, as in the PDF") {
  const std::string yaml = R"(cv:
  name: Jane Doe
  sections:
    publications:
      - title: A Paper
        authors: [Jane Doe]
        journal: Submitted to the Conference on Things
        status: Preprint
)";
  const std::string tex = render(load_cv_string(yaml, "cv.yaml").cv);
  CHECK(contains(tex, "\\cvVenue{}{Submitted to the Conference on Things \u00b7~Preprint}"));
}

TEST_CASE(
    "latex: RenderCV templates set publications and one-line entries, degree column widened") {
  const LoadResult loaded = load_cv_string(R"(cv:
  name: John Doe
  sections:
    education:
      - institution: Zhejiang University
        area: Electrical Engineering
        degree: Bachelor
        start_date: 2014-09
        end_date: 2018-06
    publications:
      - title: Sparse Mixture-of-Experts at Scale
        authors: ["*John Doe*", Sarah Williams]
        doi: 10.1234/neurips.2023.1234
        journal: NeurIPS 2023
        date: 2023-07
    skills:
      - label: Languages
        details: C++
design:
  theme: classic
  templates:
    one_line_entry:
      main_column: "LABEL -- *DETAILS*"
)",
                                           "cv.yaml");
  const std::string tex = render(loaded.cv);
  // publication_entry: "**TITLE**\nSUMMARY\nAUTHORS\nURL (JOURNAL)".
  CHECK(contains(tex, "\\cvLine{\\cvOwner{\\textit{John Doe}}, \\cvAuthor{Sarah~Williams}}\n"));
  CHECK(contains(tex, "\\cvLine{\\href{https://doi.org/10.1234/neurips.2023.1234}"
                      "{\\cvLinkText{10.1234/neurips.2023.1234}} (NeurIPS~2023)}\n"));
  CHECK_FALSE(contains(tex, "\\cvDoi{"));
  CHECK(contains(tex, "\\cvOneLineRow{Languages \u2013 \\textit{C++}}\n"));
  // "Bachelor" is wider than degree_width (1 cm = 28.35 bp): the section's
  // column is widened as the PDF layout widens it.
  CHECK(contains(tex, "\\begingroup\\setlength{\\cvDegreeWidth}{"));
}

TEST_CASE("latex: RenderCV's links.underline underlines the CV's links, not its connections") {
  const std::string yaml = R"(cv:
  name: John Doe
  website: https://example.org/
  sections:
    about:
      - "See [the paper](https://example.com/p)."
design:
  theme: sb2nov
)";
  const std::string underlined = render(load_cv_string(yaml, "cv.yaml").cv);
  CHECK(contains(underlined, "\\newcommand{\\cvLinkText}[1]{\\uline{#1}}"));
  CHECK(contains(underlined, "\\href{https://example.com/p}{\\cvLinkText{the~paper}}"));
  CHECK(contains(underlined, "\\href{https://example.org/}{"));
  CHECK_FALSE(contains(underlined, "\\href{https://example.org/}{\\cvLinkText"));
  // classic does not underline: \cvLinkText leaves the text as it is.
  std::string plain_yaml = yaml;
  plain_yaml.replace(plain_yaml.find("sb2nov"), 6, "classic");
  const std::string plain = render(load_cv_string(plain_yaml, "cv.yaml").cv);
  CHECK(contains(plain, "\\newcommand{\\cvLinkText}[1]{#1}"));
  CHECK_FALSE(contains(plain, "ulem"));
}

TEST_CASE("latex: RenderCV's external link icon follows the CV's links") {
  const LoadResult loaded = load_cv_string(R"(cv:
  name: John Doe
  sections:
    about:
      - "See [the paper](https://example.com/p)."
design:
  theme: classic
  links: {show_external_link_icon: true}
)",
                                           "cv.yaml");
  const std::string tex = render(loaded.cv);
  CHECK(contains(tex, "\\newcommand{\\cvLinkText}[1]{#1\\cvLinkIcon}"));
  CHECK(contains(tex, "\\cvLinkIconFont\\symbol{\"F08E}"));
  CHECK(contains(tex, "ActualText={}"));
  CHECK(contains(tex, "\\href{https://example.com/p}{\\cvLinkText{the~paper}}"));
}

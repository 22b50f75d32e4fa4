// Inline markup: parse_markup (md4c) and math_to_unicode.
#include "load/markup.hpp"

#include <cvpress/model.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace cvpress;
using cvpress::detail::math_to_unicode;
using cvpress::detail::parse_markup;

namespace {

// Compact, exact form of the runs: T"text", C"code", M"tex"="unicode",
// followed by b (bold), i (italic), @url (link); runs joined by " | ".
std::string dump(const RichText& rt) {
  std::string out;
  for (const auto& run : rt.runs) {
    if (!out.empty())
      out += " | ";
    const Format* f = nullptr;
    if (const auto* t = std::get_if<TextRun>(&run)) {
      out += "T\"" + t->text + "\"";
      f = &t->format;
    } else if (const auto* c = std::get_if<CodeRun>(&run)) {
      out += "C\"" + c->text + "\"";
      f = &c->format;
    } else {
      const auto& m = std::get<MathRun>(run);
      out += "M\"" + m.tex + "\"=\"" + m.unicode + "\"";
      f = &m.format;
    }
    if (f->bold)
      out += "b";
    if (f->italic)
      out += "i";
    if (!f->link.empty())
      out += "@" + f->link;
  }
  return out;
}

std::string md(std::string_view text) { return dump(parse_markup(text, {})); }

std::vector<std::string> warnings_of(std::string_view text) {
  std::vector<std::string> w;
  parse_markup(text, {}, &w);
  return w;
}

} // namespace

TEST_CASE("markup: plain text and empty input") {
  CHECK(md("Hello, world") == R"(T"Hello, world")");
  CHECK(parse_markup("", {}).runs.empty());
  CHECK(parse_markup("   \n  ", {}).runs.empty());
  // Inner spaces are kept; the ends are trimmed.
  CHECK(md("  a   b  ") == R"(T"a   b")");
}

TEST_CASE("markup: where is copied") {
  SourceLocation loc{"cv.yaml", 12, 7};
  CHECK(parse_markup("x", loc).where == loc);
  CHECK(parse_markup("", loc).where == loc);
}

TEST_CASE("markup: bold, italic and nesting") {
  CHECK(md("**bold**") == R"(T"bold"b)");
  CHECK(md("*italic*") == R"(T"italic"i)");
  CHECK(md("_italic_") == R"(T"italic"i)");
  CHECK(md("***both***") == R"(T"both"bi)");
  CHECK(md("a **b *c* d** e") == R"(T"a " | T"b "b | T"c"bi | T" d"b | T" e")");
  CHECK(md("*a **b** c*") == R"(T"a "i | T"b"bi | T" c"i)");
  CHECK(md("***a** b*") == R"(T"a"bi | T" b"i)");
  // Intraword underscores are not emphasis.
  CHECK(md("snake_case_name") == R"(T"snake_case_name")");
}

TEST_CASE("markup: adjacent runs with the same format merge") {
  RichText rt = parse_markup("a \\* b &amp; c", {});
  REQUIRE(rt.runs.size() == 1);
  CHECK(std::get<TextRun>(rt.runs[0]).text == "a * b & c");
  // Separate bold spans with nothing between them merge too.
  CHECK(md("**a** **b**") == R"(T"a"b | T" " | T"b"b)");
}

TEST_CASE("markup: links") {
  CHECK(md("[text](https://example.org)") == R"(T"text"@https://example.org)");
  CHECK(md("see [**bold** and *it*](http://x.org/?a=1&amp;b=2) now") ==
        R"(T"see " | T"bold"b@http://x.org/?a=1&b=2 | T" and "@http://x.org/?a=1&b=2 | )"
        R"(T"it"i@http://x.org/?a=1&b=2 | T" now")");
  CHECK(md("**[a](u.org)**") == R"(T"a"b@u.org)");
  CHECK(md("[`code`](u.org)") == R"(C"code"@u.org)");
  // Schemes outside the allow-list lose their link (the loader warns).
  CHECK(md("[a](javascript:alert(1))") == R"(T"a")");
  CHECK(md("<file:///etc/passwd>") == R"(T"file:///etc/passwd")");
  CHECK(md("<https://example.org>") == R"(T"https://example.org"@https://example.org)");
  // Undefined references stay literal.
  CHECK(md("[a] and [b][c]") == R"(T"[a] and [b][c]")");
  // Images show their alt text.
  CHECK(md("![logo](logo.png)") == R"(T"logo")");
}

TEST_CASE("markup: code spans") {
  CHECK(md("use `a*b*c` here") == R"(T"use " | C"a*b*c" | T" here")");
  CHECK(md("`$x$`") == R"(C"$x$")");
  CHECK(md("**`x`**") == R"(C"x"b)");
  CHECK(md("`a` `b`") == R"(C"a" | T" " | C"b")");
}

TEST_CASE("markup: math spans") {
  CHECK(md("$x^2$") == R"(M"x^2"="x²")");
  CHECK(
      md("speedup of $1.06 \\times \\text{ to } 1.66 \\times$ overall") ==
      R"(T"speedup of " | M"1.06 \times \text{ to } 1.66 \times"="1.06× to 1.66×" | T" overall")");
  CHECK(md("$\\circ$") == R"(M"\circ"="∘")");
  CHECK(md("*a $\\alpha$ b*") == R"(T"a "i | M"\alpha"="α"i | T" b"i)");
  CHECK(md("[$\\pi$](u.org)") == R"(M"\pi"="π"@u.org)");
  // Markdown is not applied inside math.
  CHECK(md("$a*b*c$") == R"(M"a*b*c"="a*b*c")");
  CHECK(md("$$x_1$$") == R"(M"x_1"="x₁")");
}

TEST_CASE("markup: dollar rule") {
  // A '$' opens math only before a non-space; it closes only after a
  // non-space and not before a digit (pandoc's rule), so money stays text.
  CHECK(md("$5 and $6") == R"(T"$5 and $6")");
  CHECK(md("raised $5M-$6M") == R"(T"raised $5M-$6M")");
  CHECK(md("cost $5, saved $6 today") == R"(T"cost $5, saved $6 today")");
  CHECK(md("$ x$") == R"(T"$ x$")");
  CHECK(md("$x $") == R"(T"$x $")");
  CHECK(md("$x$5") == R"(T"$x$5")");
  CHECK(md("$x$, $y$") == R"(M"x"="x" | T", " | M"y"="y")");
  CHECK(md("a $ b $c$") == R"(T"a $ b " | M"c"="c")");
  CHECK(md("US$5") == R"(T"US$5")");
  CHECK(md("\\$5 \\$6") == R"(T"$5 $6")");
}

TEST_CASE("markup: escapes and entities") {
  CHECK(md("\\*not italic\\*") == R"(T"*not italic*")");
  CHECK(md("\\$x\\$") == R"(T"$x$")");
  CHECK(md("a\\_b \\` \\[x\\]") == R"(T"a_b ` [x]")");
  CHECK(md("AT&amp;T &lt;3 &copy; &#233; &#xE9; &unknownname; &#0;") ==
        "T\"AT&T <3 © é é &unknownname; \uFFFD\"");
  CHECK(md("a & b") == R"(T"a & b")");
  CHECK(md("back\\slash \\d") == R"(T"back\slash \d")");
}

TEST_CASE("markup: unmatched markers stay literal") {
  CHECK(md("Shang Yang*") == R"(T"Shang Yang*")");
  CHECK(md("*Shang Yang") == R"(T"*Shang Yang")");
  CHECK(md("5 * 3 = 15") == R"(T"5 * 3 = 15")");
  CHECK(md("a ** b") == R"(T"a ** b")");
  CHECK(md("**a*") == R"(T"*" | T"a"i)");
  CHECK(md("`open") == R"(T"`open")");
  CHECK(md("[open(") == R"(T"[open(")");
  CHECK(md("x_1 and y_2") == R"(T"x_1 and y_2")");
}

TEST_CASE("markup: block syntax is literal") {
  CHECK(md("- foo") == R"(T"- foo")");
  CHECK(md("+ foo") == R"(T"+ foo")");
  CHECK(md("* foo") == R"(T"* foo")");
  CHECK(md("1. foo") == R"(T"1. foo")");
  CHECK(md("2) foo") == R"(T"2) foo")");
  CHECK(md("2024. A good year") == R"(T"2024. A good year")");
  CHECK(md("3.14 is pi") == R"(T"3.14 is pi")");
  CHECK(md("# foo") == R"(T"# foo")");
  CHECK(md("### foo ###") == R"(T"### foo ###")");
  CHECK(md("#1 ranked") == R"(T"#1 ranked")");
  CHECK(md("> foo") == R"(T"> foo")");
  CHECK(md("    indented") == R"(T"indented")"); // leading spaces are trimmed
  CHECK(md("---") == R"(T"---")");
  CHECK(md("***") == R"(T"***")");
  CHECK(md("* * *") == R"(T"* * *")");
  CHECK(md("___") == R"(T"___")");
  CHECK(md("| a | b |") == R"(T"| a | b |")");
  CHECK(md("```code") == R"(T"```code")");
  CHECK(md("~~~") == R"(T"~~~")");
  CHECK(md("[a]: https://x.org") == R"(T"[a]: https://x.org")");
  CHECK(md("<div>x</div>") == R"(T"<div>x</div>")");
  CHECK(md("-5% error") == R"(T"-5% error")");
  // Markup after a literal block marker still works.
  CHECK(md("- **bold** item") == R"(T"- " | T"bold"b | T" item")");
  CHECK(md("**bold** start") == R"(T"bold"b | T" start")");
  CHECK(md("*it* start") == R"(T"it"i | T" start")");
  CHECK(md("[a](u.org): b") == R"(T"a"@u.org | T": b")");
  CHECK(md("```x```") == R"(C"x")");
}

TEST_CASE("markup: raw HTML is literal") {
  CHECK(md("<b>x</b>") == R"(T"<b>x</b>")");
  CHECK(md("a <br> b <!-- c -->") == R"(T"a <br> b <!-- c -->")");
}

TEST_CASE("markup: line breaks") {
  CHECK(md("first line\nsecond line") == R"(T"first line second line")");
  CHECK(md("a  \n   b\r\nc\n\nd\n") == R"(T"a b c d")");
  // Block markers on later lines stay literal too.
  CHECK(md("intro\n- item\n# head\n---") == R"(T"intro - item # head ---")");
  CHECK(md("**bold\nacross**") == R"(T"bold across"b)");
  CHECK(md("`code\nspan`") == R"(C"code span")");
}

TEST_CASE("markup: NFC") {
  CHECK(md("Caf"
           "e\u0301") == "T\"Caf\u00E9\"");
  CHECK(md("**e\u0301**") == "T\"\u00E9\"b");
  CHECK(md("`e\u0301`") == "C\"\u00E9\"");
  CHECK(md("$\\hat{e}$") == "M\"\\hat{e}\"=\"\u00EA\"");
}

TEST_CASE("markup: plain() of parsed text") {
  CHECK(parse_markup("**Speedup** of $1.06 \\times$ with [code](u) and `x`", {}).plain() ==
        "Speedup of 1.06× with code and x");
  CHECK(parse_markup("- a\n  *b*", {}).plain() == "- a b");
}

TEST_CASE("markup: unknown math commands warn") {
  std::vector<std::string> w;
  RichText rt = parse_markup("$\\foo x + \\bar{y} + \\foo$ and $\\qux$", {}, &w);
  CHECK(dump(rt) == R"(M"\foo x + \bar{y} + \foo"="\foo x+ȳ+\foo" | T" and " | M"\qux"="\qux")");
  REQUIRE(w.size() == 2);
  CHECK(w[0] == "unsupported math command \\foo kept as text");
  CHECK(w[1] == "unsupported math command \\qux kept as text");
  CHECK(warnings_of("$\\alpha$ **b**").empty());
  // A null warnings pointer is fine.
  CHECK(dump(parse_markup("$\\foo$", {}, nullptr)) == R"(M"\foo"="\foo")");
}

TEST_CASE("math_to_unicode: Greek letters") {
  CHECK(math_to_unicode("\\alpha\\beta\\gamma\\omega") == "αβγω");
  CHECK(math_to_unicode("\\Gamma\\Delta\\Omega") == "ΓΔΩ");
  CHECK(math_to_unicode("\\varepsilon \\epsilon \\phi \\varphi") == "εϵϕφ");
}

TEST_CASE("math_to_unicode: operators and relations") {
  CHECK(math_to_unicode("a \\times b \\cdot c \\circ d") == "a×b⋅c∘d");
  CHECK(math_to_unicode("\\pm\\mp\\div") == "±∓÷");
  CHECK(math_to_unicode("\\leq\\le\\geq\\ge\\neq\\approx\\sim\\simeq\\equiv\\propto") ==
        "≤≤≥≥≠≈∼≃≡∝");
  CHECK(math_to_unicode("\\infty\\partial\\nabla\\sum\\prod\\int") == "∞∂∇∑∏∫");
  CHECK(math_to_unicode("\\to\\rightarrow\\leftarrow\\Rightarrow\\Leftrightarrow") == "→→←⇒⇔");
  CHECK(math_to_unicode("\\in\\notin\\subset\\subseteq\\cup\\cap\\forall\\exists") == "∈∉⊂⊆∪∩∀∃");
  CHECK(math_to_unicode("\\ell\\dots\\ldots\\cdots\\degree\\prime\\%") == "ℓ……⋯°′%");
  CHECK(math_to_unicode("\\sqrt{2}") == "√2");
  CHECK(math_to_unicode("\\sqrt{x+1}") == "√(x+1)");
  CHECK(math_to_unicode("\\sqrt[3]{8}") == "∛8");
  CHECK(math_to_unicode("x - 1") == "x−1");
  CHECK(math_to_unicode("f'(x)") == "f′(x)");
  CHECK(math_to_unicode("\\not= \\not\\in") == "≠∉");
}

TEST_CASE("math_to_unicode: scripts") {
  CHECK(math_to_unicode("x^2") == "x²");
  CHECK(math_to_unicode("x_{10}") == "x₁₀");
  CHECK(math_to_unicode("10^{-3}") == "10⁻³");
  CHECK(math_to_unicode("y^{n+1}") == "yⁿ⁺¹");
  CHECK(math_to_unicode("x_i^2") == "xᵢ²");
  CHECK(math_to_unicode("x^23") == "x²3"); // one token, as TeX reads it
  CHECK(math_to_unicode("x^\\alpha") == "xᵅ");
  CHECK(math_to_unicode("90^\\circ") == "90°");
  CHECK(math_to_unicode("f^\\prime") == "f′");
  CHECK(math_to_unicode("x_{\\text{max}}") == "xₘₐₓ");
  // No Unicode form for every character: the ^/_ form stays.
  CHECK(math_to_unicode("z^q") == "z^q");
  CHECK(math_to_unicode("x^{q+1}") == "x^{q+1}");
  CHECK(math_to_unicode("w_{abc}") == "w_{abc}");
  CHECK(math_to_unicode("x_") == "x_");
}

TEST_CASE("math_to_unicode: text, fonts, spaces and braces") {
  CHECK(math_to_unicode("1.06 \\times \\text{ to } 1.66 \\times") == "1.06× to 1.66×");
  CHECK(math_to_unicode("\\mathrm{d}x \\mathbf{v} \\textbf{ok}") == "dxvok");
  CHECK(math_to_unicode("\\text{a \\textbf{b} c}") == "a b c");
  CHECK(math_to_unicode("a\\ b~c") == "a b c");
  CHECK(math_to_unicode("a\\,b") == "a\u2009b");
  CHECK(math_to_unicode("{a}{{b}}  c") == "abc");
  CHECK(math_to_unicode("a  +   b") == "a+b");
  CHECK(math_to_unicode("\\frac{1}{2}") == "1/2");
  CHECK(math_to_unicode("\\frac{n+1}{2}") == "(n+1)/2");
  CHECK(math_to_unicode("\\mathbb{R}^n") == "ℝⁿ");
  CHECK(math_to_unicode("\\left( x \\right.") == "(x");
  CHECK(math_to_unicode("O(n \\log n)") == "O(n\u2009log\u2009n)");
  CHECK(math_to_unicode("\\log(x)") == "log(x)");
}

TEST_CASE("math_to_unicode: unknown commands") {
  std::vector<std::string> unknown;
  CHECK(math_to_unicode("\\foo{x} + \\bar y \\baz", &unknown) == "\\foo{x}+ȳ\\baz");
  CHECK(unknown == std::vector<std::string>{"\\foo", "\\baz"});
  unknown.clear();
  CHECK(math_to_unicode("\\foo x", &unknown) == "\\foo x");
  CHECK(unknown == std::vector<std::string>{"\\foo"});
  CHECK(math_to_unicode("\\foo") == "\\foo"); // null `unknown` is fine
  CHECK(math_to_unicode("\\") == "\\");
}

TEST_CASE("markup: hostile input neither crashes nor hangs") {
  const char* patterns[] = {"*a", "**a", "_a",   "[",    "[a](",   "$ ",       "$a$1",
                            "$",  "`",   "``a",  "\\",   "{",      "*$",       "&amp;",
                            "<",  "![",  "\n- ", "$x^{", "$\\not", "$\\frac{", "$\\mathbb{"};
  const auto start = std::chrono::steady_clock::now();
  for (const char* p : patterns) {
    std::string s;
    while (s.size() < 64 * 1024)
      s += p;
    RichText rt = parse_markup(s, {});
    CHECK(rt.plain().size() <= 4 * s.size());
  }
  for (const char* p : {"{", "x^{", "\\frac{", "\\sqrt", "\\not", "\\hat", "\\foo{", "}"}) {
    std::string s;
    while (s.size() < 64 * 1024)
      s += p;
    CHECK(math_to_unicode(s).size() <= 8 * s.size());
  }
  // Every byte value and a NUL.
  std::string all;
  for (int c = 1; c < 128; ++c)
    all += static_cast<char>(c);
  all += std::string("a\0b", 3);
  CHECK_NOTHROW(parse_markup(all, {}));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 30.0);
}

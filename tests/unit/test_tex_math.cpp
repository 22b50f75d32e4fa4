// The one TeX math command table and control-sequence reader (text/tex_math),
// shared by the markup loader (math -> Unicode) and the LaTeX backend (checker).
#include "backends/latex/math.hpp"
#include "load/markup.hpp"
#include "text/tex_math.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace cvpress::detail;

TEST_CASE("tex math table: sorted, unique, consistent") {
  const auto all = tex::all_commands();
  REQUIRE(all.size() > 300);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const tex::Command& c = all[i];
    CAPTURE(std::string(c.name));
    if (i > 0)
      CHECK(all[i - 1].name < c.name);
    CHECK(tex::find_command(c.name) == &c);
    CHECK(!c.name.empty());
    for (char ch : c.name)
      CHECK(tex::is_letter(ch));
    // A bare argument is a plain symbol TeX takes as one token.
    if (c.bare_argument)
      CHECK(c.latex == tex::Latex::symbol);
    if (c.kind == tex::Kind::accent)
      CHECK(!c.unicode.empty());
  }
  CHECK(tex::find_command("alpha")->unicode == "α");
  CHECK(tex::find_command("input") == nullptr);
  CHECK(tex::find_command("") == nullptr);
  CHECK(tex::find_command("frac")->latex == tex::Latex::two_math_args);
  CHECK(tex::find_command("text")->latex == tex::Latex::text_arg);
  CHECK(tex::find_command("texttt")->latex == tex::Latex::none); // Unicode reader only
}

TEST_CASE("tex math: both backends read commands from the one table") {
  // A LaTeX-allowed command is known to the Unicode reader (no "unknown").
  for (const tex::Command& c : tex::all_commands()) {
    if (c.latex == tex::Latex::none)
      continue;
    CAPTURE(std::string(c.name));
    std::string tex = "\\" + std::string(c.name);
    if (c.latex == tex::Latex::math_arg || c.latex == tex::Latex::text_arg)
      tex += "{x}";
    if (c.latex == tex::Latex::two_math_args)
      tex += "{x}{y}";
    CHECK_FALSE(latex::check_math(tex).has_value());
    std::vector<std::string> unknown;
    math_to_unicode(tex, &unknown);
    CHECK(unknown.empty());
  }
}

TEST_CASE("tex math: control_name reads a control word or one character") {
  std::size_t pos = 0;
  CHECK(tex::control_name("alpha2", pos) == "alpha");
  CHECK(pos == 5);
  pos = 0;
  CHECK(tex::control_name(",x", pos) == ",");
  CHECK(pos == 1);
  pos = 0;
  CHECK(tex::control_name("\xc3\xa9x", pos) == "\xc3\xa9"); // one code point
  CHECK(pos == 2);
  pos = 3;
  CHECK(tex::control_name("abc", pos).empty());
}

#pragma once
// TeX math as both backends read it: the one command table and the
// control-sequence reader. The markup loader turns math into Unicode for the
// PDF (load/markup_math.cpp); the LaTeX backend passes math to TeX and lets
// through only what this table allows (backends/latex/math.cpp).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cvpress::detail::tex {

/// How the Unicode reader treats a command.
enum class Kind : std::uint8_t {
  symbol,    ///< stands for `unicode` (empty for sizing, \left, \limits, ...)
  function,  ///< an operator name set upright (\log)
  text,      ///< one argument, read as text (\text)
  math_font, ///< one argument, math shown as it is (\mathbf)
  accent,    ///< one argument; `unicode` is the combining mark (\hat)
  special,   ///< read by its own rule: \frac \dfrac \tfrac \cfrac \sqrt \mathbb
             ///< \operatorname \not \pmod \bmod \mod
};

/// What the LaTeX backend lets through to TeX.
enum class Latex : std::uint8_t {
  none,          ///< not allowed
  symbol,        ///< no arguments
  math_arg,      ///< one math argument (no optional argument)
  text_arg,      ///< one text argument
  two_math_args, ///< \frac
};

/// One math command (the name without its backslash).
struct Command {
  std::string_view name;
  Kind kind;
  Latex latex;
  /// May be a script or command argument without braces in LaTeX: a
  /// mathchardef (\alpha), not a macro that expands to several tokens (\sum).
  bool bare_argument;
  std::string_view unicode; ///< see Kind
};

/// The command called `name` (e.g. "alpha"), or nullptr when unknown.
const Command* find_command(std::string_view name);

/// Every command, sorted by name.
std::span<const Command> all_commands();

/// True for an ASCII letter (what a control word is made of).
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Reads the control sequence name that starts at `pos` (just after a '\'):
/// a run of ASCII letters (a control word) or else one character (a control
/// symbol, a whole UTF-8 code point), and moves `pos` past it. Empty at the
/// end of `s`.
std::string_view control_name(std::string_view s, std::size_t& pos);

} // namespace cvpress::detail::tex

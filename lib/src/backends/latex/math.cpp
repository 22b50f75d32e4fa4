#include "backends/latex/math.hpp"

#include <algorithm>
#include <iterator>

namespace cvpress::detail::latex {

namespace {

// Math-mode commands without arguments.
constexpr std::string_view kMathSymbols[] = {"alpha",
                                             "beta",
                                             "gamma",
                                             "delta",
                                             "epsilon",
                                             "varepsilon",
                                             "zeta",
                                             "eta",
                                             "theta",
                                             "vartheta",
                                             "iota",
                                             "kappa",
                                             "lambda",
                                             "mu",
                                             "nu",
                                             "xi",
                                             "pi",
                                             "varpi",
                                             "rho",
                                             "varrho",
                                             "sigma",
                                             "varsigma",
                                             "tau",
                                             "upsilon",
                                             "phi",
                                             "varphi",
                                             "chi",
                                             "psi",
                                             "omega",
                                             "Gamma",
                                             "Delta",
                                             "Theta",
                                             "Lambda",
                                             "Xi",
                                             "Pi",
                                             "Sigma",
                                             "Upsilon",
                                             "Phi",
                                             "Psi",
                                             "Omega",
                                             "times",
                                             "cdot",
                                             "circ",
                                             "bullet",
                                             "pm",
                                             "mp",
                                             "div",
                                             "ast",
                                             "star",
                                             "leq",
                                             "geq",
                                             "le",
                                             "ge",
                                             "neq",
                                             "ne",
                                             "approx",
                                             "sim",
                                             "simeq",
                                             "cong",
                                             "equiv",
                                             "propto",
                                             "ll",
                                             "gg",
                                             "infty",
                                             "partial",
                                             "nabla",
                                             "sum",
                                             "prod",
                                             "int",
                                             "in",
                                             "notin",
                                             "ni",
                                             "subset",
                                             "supset",
                                             "subseteq",
                                             "supseteq",
                                             "cup",
                                             "cap",
                                             "setminus",
                                             "emptyset",
                                             "forall",
                                             "exists",
                                             "neg",
                                             "land",
                                             "lor",
                                             "wedge",
                                             "vee",
                                             "oplus",
                                             "otimes",
                                             "to",
                                             "gets",
                                             "rightarrow",
                                             "leftarrow",
                                             "Rightarrow",
                                             "Leftarrow",
                                             "leftrightarrow",
                                             "Leftrightarrow",
                                             "mapsto",
                                             "uparrow",
                                             "downarrow",
                                             "ldots",
                                             "cdots",
                                             "dots",
                                             "prime",
                                             "ell",
                                             "hbar",
                                             "angle",
                                             "perp",
                                             "parallel",
                                             "mid",
                                             "langle",
                                             "rangle",
                                             "lfloor",
                                             "rfloor",
                                             "lceil",
                                             "rceil",
                                             "log",
                                             "ln",
                                             "exp",
                                             "sin",
                                             "cos",
                                             "tan",
                                             "min",
                                             "max",
                                             "lim",
                                             "sup",
                                             "inf",
                                             "quad",
                                             "qquad",
                                             "deg"};

// Symbols that may be a script or command argument without braces
// (mathchardefs, not macros).
constexpr std::string_view kSingleTokenArgs[] = {
    "alpha",    "beta",   "gamma", "delta",    "epsilon", "varepsilon", "zeta", "eta",     "theta",
    "vartheta", "iota",   "kappa", "lambda",   "mu",      "nu",         "xi",   "pi",      "varpi",
    "rho",      "varrho", "sigma", "varsigma", "tau",     "upsilon",    "phi",  "varphi",  "chi",
    "psi",      "omega",  "Gamma", "Delta",    "Theta",   "Lambda",     "Xi",   "Pi",      "Sigma",
    "Upsilon",  "Phi",    "Psi",   "Omega",    "infty",   "prime",      "ell",  "partial", "nabla",
    "times",    "cdot",   "circ",  "pm",       "mp",      "ast",        "star", "bullet"};

// Commands with one argument whose content is math.
constexpr std::string_view kMathOneArg[] = {"sqrt",   "mathrm",  "mathbf", "mathit",   "mathsf",
                                            "mathtt", "mathcal", "hat",    "bar",      "tilde",
                                            "vec",    "dot",     "ddot",   "overline", "underline"};

// Commands with one argument whose content is text (amsmath's \text).
constexpr std::string_view kTextOneArg[] = {"text",   "textrm", "textbf", "textit",
                                            "textsf", "textup", "mbox"};

template <std::size_t N> bool contains(const std::string_view (&list)[N], std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Recursive-descent checker over the span.
class Checker {
public:
  explicit Checker(std::string_view tex) : s_(tex) {}

  std::optional<std::string> run() {
    if (s_.size() > 1000)
      return std::string("the formula is longer than 1000 characters");
    list(false);
    if (!error_ && pos_ < s_.size())
      fail("unbalanced '}'");
    return error_;
  }

private:
  std::string_view s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<std::string> error_;

  void fail(std::string why) {
    if (!error_)
      error_ = std::move(why);
  }
  [[nodiscard]] bool at_end() const { return pos_ >= s_.size(); }
  [[nodiscard]] char peek() const { return s_[pos_]; }

  void skip_spaces() {
    while (!at_end() && peek() == ' ')
      ++pos_;
  }

  // Reads a control sequence name after '\'.
  std::string_view control_name() {
    const std::size_t start = pos_;
    if (at_end())
      return {};
    if (is_letter(peek())) {
      while (!at_end() && is_letter(peek()))
        ++pos_;
    } else {
      ++pos_;
    }
    return s_.substr(start, pos_ - start);
  }

  // A sequence of atoms until '}' or the end.
  void list(bool text) {
    bool has_sup = false, has_sub = false;
    while (!error_ && !at_end() && peek() != '}') {
      const char c = peek();
      if (c == '^' || c == '_') {
        if (text)
          return fail(std::string("'") + c + "' is not allowed in \\text");
        ++pos_;
        if (!at_end() && (peek() == '^' || peek() == '_'))
          return fail("'^^' and '__' are not allowed");
        bool& flag = c == '^' ? has_sup : has_sub;
        if (flag)
          return fail(std::string("double ") + (c == '^' ? "superscript" : "subscript"));
        flag = true;
        argument(false);
        continue;
      }
      if (c == '\'' && !text) {
        if (has_sup)
          return fail("a prime after a superscript");
        ++pos_;
        continue;
      }
      // Any other item starts a new atom.
      has_sup = has_sub = false;
      item(text);
    }
  }

  // One group, character or command (with its arguments).
  void item(bool text) {
    const char c = peek();
    if (c == '{') {
      group(text);
      return;
    }
    if (c == '\\') {
      ++pos_;
      command(text);
      return;
    }
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      if (!text)
        return fail("non-ASCII characters are only allowed inside \\text{}");
      ++pos_;
      return;
    }
    if (is_letter(c) || (c >= '0' && c <= '9') || c == ' ') {
      ++pos_;
      return;
    }
    static constexpr std::string_view inert = "+-=()[]/.,;:!|<>*?@";
    if (inert.find(c) != std::string_view::npos || (text && c == '\'')) {
      ++pos_;
      return;
    }
    if (b < 0x20 || b == 0x7F)
      return fail("control characters are not allowed");
    fail(std::string("'") + c + "' is not allowed in math");
  }

  void group(bool text) {
    ++pos_; // '{'
    if (++depth_ > 16)
      return fail("braces are nested too deeply");
    list(text);
    if (error_)
      return;
    if (at_end())
      return fail("unbalanced '{'");
    ++pos_; // '}'
    --depth_;
  }

  // A required argument: a group or one token (not '}', '^', '_').
  void argument(bool text) {
    skip_spaces();
    if (at_end() || peek() == '}' || peek() == '^' || peek() == '_' || peek() == '\'')
      return fail("a command or script is missing its argument");
    if (peek() == '{')
      return group(text);
    if (peek() == '\\') {
      // Without braces only plain math symbols work: macros such as \sum,
      // \ldots or \, would leave part of their expansion outside.
      ++pos_;
      const std::string_view name = control_name();
      if (text || !contains(kSingleTokenArgs, name))
        return fail("put \\" + std::string(name) + " in braces when it is an argument");
      return;
    }
    item(text);
  }

  void symbol_command(std::string_view name, bool text) {
    static constexpr std::string_view text_ok = "%#&$_{} ";
    static constexpr std::string_view math_ok = "%#&$_{} ,;!:|";
    if (name.size() == 1 && (text ? text_ok : math_ok).find(name[0]) != std::string_view::npos)
      return;
    fail("\\" + std::string(name) + " is not an allowed math command");
  }

  void command(bool text) {
    const std::string_view name = control_name();
    if (name.empty())
      return fail("a lone '\\' at the end");
    if (!is_letter(name[0]))
      return symbol_command(name, text);
    if (contains(kTextOneArg, name))
      return argument(true);
    if (text)
      return fail("\\" + std::string(name) + " is not allowed in \\text");
    if (contains(kMathSymbols, name))
      return;
    if (contains(kMathOneArg, name)) {
      skip_spaces();
      if (!at_end() && peek() == '[')
        return fail("optional arguments are not allowed");
      return argument(false);
    }
    if (name == "frac") {
      argument(false);
      if (!error_)
        argument(false);
      return;
    }
    fail("\\" + std::string(name) + " is not an allowed math command");
  }
};

} // namespace

std::optional<std::string> check_math(std::string_view tex) { return Checker(tex).run(); }

} // namespace cvpress::detail::latex

#include "backends/latex/math.hpp"

#include "text/tex_math.hpp"

namespace cvpress::detail::latex {

namespace {

using tex::is_letter;
using tex::Latex;

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
  std::string_view control_name() { return tex::control_name(s_, pos_); }

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
      const tex::Command* cmd = tex::find_command(name);
      if (text || !cmd || !cmd->bare_argument)
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
    const tex::Command* cmd = tex::find_command(name);
    const Latex use = cmd ? cmd->latex : Latex::none;
    if (use == Latex::text_arg)
      return argument(true);
    if (text)
      return fail("\\" + std::string(name) + " is not allowed in \\text");
    if (use == Latex::symbol)
      return;
    if (use == Latex::math_arg) {
      skip_spaces();
      if (!at_end() && peek() == '[')
        return fail("optional arguments are not allowed");
      return argument(false);
    }
    if (use == Latex::two_math_args) {
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

// math_to_unicode: a small TeX math reader producing a readable Unicode form.
#include "load/markup.hpp"
#include "text/tex_math.hpp"
#include "text/unicode.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cvpress::detail {
namespace {

using Table = std::unordered_map<std::string_view, std::string_view>;

// ------------------------------------------------------------ UTF-8 helpers

// Length of the UTF-8 sequence starting at s[i] (1 for an ill-formed byte).
std::size_t cp_len(std::string_view s, std::size_t i) {
  std::size_t end = i;
  next_code_point(s, end);
  return end - i;
}

// Splits UTF-8 text into code point strings.
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = cp_len(s, i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

const Table& superscripts() {
  static const Table t = {
      {"0", "⁰"},
      {"1", "¹"},
      {"2", "²"},
      {"3", "³"},
      {"4", "⁴"},
      {"5", "⁵"},
      {"6", "⁶"},
      {"7", "⁷"},
      {"8", "⁸"},
      {"9", "⁹"},
      {"+", "⁺"},
      {"-", "⁻"},
      {"−", "⁻"},
      {"=", "⁼"},
      {"(", "⁽"},
      {")", "⁾"},
      {"a", "ᵃ"},
      {"b", "ᵇ"},
      {"c", "ᶜ"},
      {"d", "ᵈ"},
      {"e", "ᵉ"},
      {"f", "ᶠ"},
      {"g", "ᵍ"},
      {"h", "ʰ"},
      {"i", "ⁱ"},
      {"j", "ʲ"},
      {"k", "ᵏ"},
      {"l", "ˡ"},
      {"m", "ᵐ"},
      {"n", "ⁿ"},
      {"o", "ᵒ"},
      {"p", "ᵖ"},
      {"r", "ʳ"},
      {"s", "ˢ"},
      {"t", "ᵗ"},
      {"u", "ᵘ"},
      {"v", "ᵛ"},
      {"w", "ʷ"},
      {"x", "ˣ"},
      {"y", "ʸ"},
      {"z", "ᶻ"},
      {"A", "ᴬ"},
      {"B", "ᴮ"},
      {"D", "ᴰ"},
      {"E", "ᴱ"},
      {"G", "ᴳ"},
      {"H", "ᴴ"},
      {"I", "ᴵ"},
      {"J", "ᴶ"},
      {"K", "ᴷ"},
      {"L", "ᴸ"},
      {"M", "ᴹ"},
      {"N", "ᴺ"},
      {"O", "ᴼ"},
      {"P", "ᴾ"},
      {"R", "ᴿ"},
      {"T", "ᵀ"},
      {"U", "ᵁ"},
      {"V", "ⱽ"},
      {"W", "ᵂ"},
      {"α", "ᵅ"},
      {"β", "ᵝ"},
      {"γ", "ᵞ"},
      {"δ", "ᵟ"},
      {"ε", "ᵋ"},
      {"θ", "ᶿ"},
      {"ι", "ᶥ"},
      {"φ", "ᵠ"},
      {"χ", "ᵡ"},
      // Already raised marks.
      {"′", "′"},
      {"″", "″"},
      {"‴", "‴"},
      {"°", "°"},
      {"∘", "°"},
      {"*", "*"},
      {"∗", "*"},
      {"†", "†"},
      {"‡", "‡"},
  };
  return t;
}

const Table& subscripts() {
  static const Table t = {
      {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"},
      {"7", "₇"}, {"8", "₈"}, {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"−", "₋"}, {"=", "₌"},
      {"(", "₍"}, {")", "₎"}, {"a", "ₐ"}, {"e", "ₑ"}, {"h", "ₕ"}, {"i", "ᵢ"}, {"j", "ⱼ"},
      {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"}, {"o", "ₒ"}, {"p", "ₚ"}, {"r", "ᵣ"},
      {"s", "ₛ"}, {"t", "ₜ"}, {"u", "ᵤ"}, {"v", "ᵥ"}, {"x", "ₓ"}, {"ə", "ₔ"}, {"β", "ᵦ"},
      {"γ", "ᵧ"}, {"ρ", "ᵨ"}, {"φ", "ᵩ"}, {"χ", "ᵪ"},
  };
  return t;
}

// Double-struck letter for \mathbb.
std::string double_struck(std::string_view cp) {
  static const Table special = {{"C", "ℂ"}, {"H", "ℍ"}, {"N", "ℕ"}, {"P", "ℙ"},
                                {"Q", "ℚ"}, {"R", "ℝ"}, {"Z", "ℤ"}};
  if (auto it = special.find(cp); it != special.end())
    return std::string(it->second);
  if (cp.size() != 1)
    return std::string(cp);
  char c = cp[0];
  std::uint32_t code = 0;
  if (c >= 'A' && c <= 'Z')
    code = 0x1D538 + static_cast<std::uint32_t>(c - 'A');
  else if (c >= 'a' && c <= 'z')
    code = 0x1D552 + static_cast<std::uint32_t>(c - 'a');
  else if (c >= '0' && c <= '9')
    code = 0x1D7D8 + static_cast<std::uint32_t>(c - '0');
  else
    return std::string(cp);
  std::string out;
  append_utf8(out, code);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
using tex::is_letter;
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when `s` reads as one operand (no operator inside), e.g. "10", "x", "π".
bool is_simple_operand(std::string_view s) {
  for (std::string_view cp : code_points(s)) {
    if (cp.size() == 1 ? !(is_letter(cp[0]) || is_digit(cp[0]) || cp[0] == '.')
                       : (cp == "−" || cp == "×" || cp == "⋅" || cp == "±" || cp == "∓" ||
                          cp == "÷" || cp == "\u2009" || cp == "\u2003"))
      return false;
  }
  return !s.empty();
}

// The reader. Spaces between math tokens are dropped; \text keeps them.
class MathReader {
public:
  MathReader(std::string_view tex, std::vector<std::string>* unknown)
      : s_(tex), unknown_(unknown) {}

  std::string run() { return sequence(false, false); }

private:
  static constexpr int kMaxDepth = 32;

  std::string_view s_;
  std::vector<std::string>* unknown_;
  std::size_t i_ = 0;
  int depth_ = 0;
  // A thin space goes before the next operand after an operator name.
  bool op_space_ = false;

  bool at_end() const { return i_ >= s_.size(); }

  void skip_spaces() {
    while (!at_end() && is_space(s_[i_]))
      ++i_;
  }

  // Reads a group's contents up to the matching '}' (or the end), without
  // recursion; used past the depth limit.
  std::string raw_group() {
    std::string out;
    int level = 1;
    while (!at_end()) {
      char c = s_[i_++];
      if (c == '\\' && !at_end()) {
        out += c;
        out += s_[i_++];
        continue;
      }
      if (c == '{')
        ++level;
      if (c == '}' && --level == 0)
        break;
      out += c;
    }
    return out;
  }

  // Contents until the closing '}' (when in_group) or the end.
  std::string sequence(bool in_group, bool text_mode) {
    std::string out;
    int flat = 0; // braces not recursed into (depth limit)
    while (!at_end()) {
      char c = s_[i_];
      if (c == '}') {
        ++i_;
        if (flat > 0) {
          --flat;
          continue;
        }
        if (in_group)
          return out;
        continue; // stray '}'
      }
      if (c == '{' && depth_ >= kMaxDepth) {
        ++flat;
        ++i_;
        continue;
      }
      if (is_space(c) && !text_mode) {
        ++i_;
        continue;
      }
      if (!text_mode && (c == '^' || c == '_')) {
        ++i_;
        out += script(c == '^');
        continue;
      }
      const bool pending = std::exchange(op_space_, false);
      std::string piece = token(text_mode);
      if (piece.empty()) {
        op_space_ = op_space_ || pending;
      } else if (op_space_ && !out.empty()) {
        // "n\log n": an operator name after an operand.
        const char l = out.back();
        if (is_letter(l) || is_digit(l) || static_cast<unsigned char>(l) >= 0x80)
          out += "\u2009";
      } else if (pending) {
        const char f = piece[0];
        if (is_letter(f) || is_digit(f) || static_cast<unsigned char>(f) >= 0x80)
          out += "\u2009";
      }
      out += piece;
    }
    return out;
  }

  // One token: a group, a command with its arguments, or a character. In
  // math '-' is a minus sign and '\'' a prime; in text characters stay as
  // written. '~' is a space in both.
  std::string token(bool text_mode) {
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      ++depth_;
      std::string g = sequence(true, text_mode);
      --depth_;
      return g;
    }
    if (c == '\\')
      return command(text_mode);
    if (c == '~') {
      ++i_;
      return " ";
    }
    if (!text_mode && c == '-') {
      ++i_;
      return "−";
    }
    if (!text_mode && c == '\'') {
      ++i_;
      return "′";
    }
    std::size_t n = cp_len(s_, i_);
    std::string out(s_.substr(i_, n));
    i_ += n;
    return out;
  }

  // A command's argument: a {group} or the next token. nullopt-like empty
  // with `found` false when there is none.
  std::string argument(bool text_mode, bool* found = nullptr) {
    skip_spaces();
    if (found)
      *found = !at_end() && s_[i_] != '}';
    if (at_end() || s_[i_] == '}')
      return {};
    if (depth_ >= kMaxDepth) {
      if (s_[i_] == '{') {
        ++i_;
        return raw_group();
      }
      std::size_t n = cp_len(s_, i_);
      std::string out(s_.substr(i_, n));
      i_ += n;
      return out;
    }
    ++depth_;
    std::string out;
    if (s_[i_] == '{') {
      ++i_;
      out = sequence(true, text_mode);
    } else {
      out = token(text_mode);
    }
    --depth_;
    return out;
  }

  // ^ or _ and its argument.
  std::string script(bool sup) {
    // "\log_2 n": the pending operator space waits for the operand.
    const bool pending = std::exchange(op_space_, false);
    std::string out = script_body(sup);
    op_space_ = pending;
    return out;
  }

  std::string script_body(bool sup) {
    skip_spaces();
    const bool group = !at_end() && s_[i_] == '{';
    bool found = false;
    std::string arg = argument(false, &found);
    const std::string mark = sup ? "^" : "_";
    if (!found)
      return mark;
    const Table& table = sup ? superscripts() : subscripts();
    std::string mapped;
    for (std::string_view cp : code_points(arg)) {
      auto it = table.find(cp);
      if (it == table.end())
        return group ? mark + "{" + arg + "}" : mark + arg; // keep the ^/_ form
      mapped += it->second;
    }
    return arg.empty() ? mark + "{}" : mapped;
  }

  // A command at s_[i_] == '\\'.
  std::string command(bool text_mode) {
    ++i_; // backslash
    if (at_end())
      return "\\";
    char c = s_[i_];
    if (!is_letter(c)) {
      ++i_;
      switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '\\':
        return " ";
      case ',':
        return "\u2009";
      case ':':
      case '>':
        return "\u205F";
      case ';':
        return "\u2004";
      case '!':
        return "";
      case '%':
      case '$':
      case '#':
      case '&':
      case '_':
      case '{':
      case '}':
        return std::string(1, c);
      case '|':
        return "‖";
      default: {
        // Unknown control symbol: keep as written.
        --i_;
        std::size_t n = cp_len(s_, i_);
        std::string kept = "\\" + std::string(s_.substr(i_, n));
        i_ += n;
        report(kept);
        return kept;
      }
      }
    }
    const std::string_view name = tex::control_name(s_, i_);
    if (text_mode)
      skip_spaces(); // TeX swallows spaces after a control word

    const tex::Command* cmd = tex::find_command(name);
    const tex::Kind kind = cmd ? cmd->kind : tex::Kind::special;
    if (cmd && kind == tex::Kind::symbol) {
      if (name == "left" || name == "right" || name == "middle" || name.starts_with("big") ||
          name.starts_with("Big")) {
        // "\left." is an invisible delimiter.
        skip_spaces();
        if (!at_end() && s_[i_] == '.')
          ++i_;
      }
      return std::string(cmd->unicode);
    }
    if (cmd && kind == tex::Kind::function) {
      op_space_ = true;
      return std::string(name);
    }
    if (name == "operatorname") {
      if (!at_end() && s_[i_] == '*')
        ++i_;
      std::string arg = argument(true);
      op_space_ = true;
      return arg;
    }
    if (cmd && kind == tex::Kind::text)
      return argument(true);
    if (cmd && kind == tex::Kind::math_font)
      return argument(text_mode);
    if (name == "mathbb") {
      std::string out;
      const std::string arg = argument(false); // code_points() views into it
      for (std::string_view cp : code_points(arg))
        out += double_struck(cp);
      return out;
    }
    if (cmd && kind == tex::Kind::accent) {
      const std::string_view mark = cmd->unicode;
      std::string out;
      const std::string arg = argument(text_mode); // code_points() views into it
      auto cps = code_points(arg);
      bool each = name == "overline" || name == "underline";
      for (std::size_t k = 0; k < cps.size(); ++k) {
        out += cps[k];
        if (each || k + 1 == cps.size())
          out += mark;
      }
      return out;
    }
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac") {
      std::string num = argument(false);
      std::string den = argument(false);
      auto wrap = [](const std::string& part) {
        return is_simple_operand(part) || part.empty() ? part : "(" + part + ")";
      };
      return wrap(num) + "/" + wrap(den);
    }
    if (name == "sqrt") {
      std::string root = "√";
      skip_spaces();
      if (!at_end() && s_[i_] == '[') {
        std::size_t close = s_.find(']', i_);
        if (close != std::string_view::npos) {
          std::string_view index = s_.substr(i_ + 1, close - i_ - 1);
          i_ = close + 1;
          if (index == "3")
            root = "∛";
          else if (index == "4")
            root = "∜";
          else
            root = MathReader(index, unknown_).script_form(true) + "√";
        }
      }
      std::string arg = argument(false);
      return is_simple_operand(arg) || arg.empty() ? root + arg : root + "(" + arg + ")";
    }
    if (name == "not") {
      // NFC later composes e.g. "=" + U+0338 into "≠".
      skip_spaces();
      if (at_end() || s_[i_] == '}' || depth_ >= kMaxDepth)
        return "\u0338";
      ++depth_;
      std::string next = token(false);
      --depth_;
      return next + "\u0338";
    }
    if (name == "pmod")
      return " (mod " + argument(false) + ")";
    if (name == "bmod" || name == "mod")
      return " mod ";

    // Unknown: keep as written, with any directly following {groups}.
    std::string kept = "\\" + std::string(name);
    report(kept);
    while (!at_end() && s_[i_] == '{' && depth_ < kMaxDepth) {
      ++i_;
      ++depth_;
      kept += "{" + sequence(true, text_mode) + "}";
      --depth_;
    }
    if (kept.size() == name.size() + 1) {
      // Keep the command apart from a following letter.
      std::size_t j = i_;
      while (j < s_.size() && is_space(s_[j]))
        ++j;
      if (j < s_.size() && is_letter(s_[j]) && !text_mode)
        kept += ' ';
    }
    return kept;
  }

  // Whole input as a superscript if every character has one, else "^{...}".
  std::string script_form(bool sup) {
    std::string arg = run();
    const Table& table = sup ? superscripts() : subscripts();
    std::string mapped;
    for (std::string_view cp : code_points(arg)) {
      auto it = table.find(cp);
      if (it == table.end())
        return std::string(sup ? "^" : "_") + "{" + arg + "}";
      mapped += it->second;
    }
    return mapped;
  }

  void report(const std::string& command) {
    if (unknown_)
      unknown_->push_back(command);
  }
};

} // namespace

std::string math_to_unicode(std::string_view tex, std::vector<std::string>* unknown) {
  return to_nfc(MathReader(tex, unknown).run());
}

} // namespace cvpress::detail

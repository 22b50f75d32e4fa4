#include "backends/latex/escape.hpp"
#include "text/links.hpp"
#include "text/unicode.hpp"

#include <array>

namespace cvpress::detail::latex {

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    const char32_t next = pos < text.size() ? static_cast<unsigned char>(text[pos]) : 0;
    switch (cp) {
    case '\\':
      out += "\\textbackslash{}";
      break;
    case '{':
      out += "\\{";
      break;
    case '}':
      out += "\\}";
      break;
    case '$':
      out += "\\$";
      break;
    case '&':
      out += "\\&";
      break;
    case '#':
      out += "\\#";
      break;
    case '%':
      out += "\\%";
      break;
    case '_':
      out += "\\_";
      break;
    case '^':
      out += "\\textasciicircum{}";
      break;
    case '~':
      out += "\\textasciitilde{}";
      break;
    // Brackets could be read as an optional argument after a macro.
    case '[':
      out += "{[}";
      break;
    case ']':
      out += "{]}";
      break;
    // TeX ligature inputs: keep the characters as written.
    case '-':
      out += next == '-' ? "-{}" : "-";
      break;
    case ',':
      out += next == ',' ? ",{}" : ",";
      break;
    case '`':
      out += "\\textasciigrave{}";
      break;
    case '\'':
      out += "\\textquotesingle{}";
      break;
    case '"':
      out += "\\textquotedbl{}";
      break;
    case '<':
      out += "\\textless{}";
      break;
    case '>':
      out += "\\textgreater{}";
      break;
    case '|':
      out += "\\textbar{}";
      break;
    case 0x00A0:
      out += '~';
      break;
    case 0x00AD:
      out += "\\-";
      break;
    // LuaLaTeX stops at a literal U+FFFD (its mark for invalid UTF-8).
    case 0xFFFD:
      out += "\\symbol{65533}";
      break;
    case '\t':
    case '\n':
    case '\r':
    case 0x2028:
    case 0x2029:
      out += ' ';
      break;
    default:
      // Other C0/C1 controls and DEL never reach TeX.
      if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        break;
      append_utf8(out, cp);
    }
  }
  return out;
}

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

std::string escape_url(std::string_view url) {
  std::string out;
  out.reserve(url.size() + 8);
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (is_alnum(c)) {
      out += c;
      continue;
    }
    switch (c) {
    // Unreserved and reserved URL characters that are inert in TeX.
    case '-':
    case '.':
    case '/':
    case ':':
    case '?':
    case '=':
    case '@':
    case '+':
    case ',':
    case ';':
    case '!':
    case '*':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
      out += c;
      break;
    // Characters hyperref's \href maps back from their escaped form.
    case '#':
      out += "\\#";
      break;
    case '&':
      out += "\\&";
      break;
    case '_':
      out += "\\_";
      break;
    case '~':
      out += "\\~";
      break;
    case '%':
      // An existing %XX escape stays; a lone % is encoded.
      if (i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]))
        out += "\\%";
      else
        out += "\\%25";
      break;
    default: {
      const auto b = static_cast<unsigned char>(c);
      out += "\\%";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
    }
  }
  return out;
}

std::string safe_link_target(std::string_view url) { return link_target(url); }

std::string comment_safe(std::string_view text) {
  std::string out;
  for (const char c : text)
    out += (c >= 0x20 && c < 0x7F) ? c : '?';
  return out;
}

} // namespace cvpress::detail::latex

// Escaping for XML and HTML (see xml_escape.hpp).
#include "text/xml_escape.hpp"

namespace cvpress::detail {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
        break; // controls are not allowed in HTML text
      // U+FFFE and U+FFFF (EF BF BE/BF): noncharacters.
      if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
          (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
        i += 2;
        break;
      }
      out += c;
    }
  }
  return out;
}

} // namespace cvpress::detail

#include <cvpress/diagnostics.hpp>

#include <charconv>

namespace cvpress {

namespace {
void append_int(std::string& out, int value) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  out.append(buf, end);
}
} // namespace

std::string escape_controls(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xC2 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80) {
      // C1 controls U+0080-U+009F (U+009B is a terminal's CSI)
      auto d = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else if (c == 0xE2 && text.substr(i + 1, 1) == "\x80" && i + 2 < text.size() &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029"; // line/paragraph separators
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += escape_controls(where.file);
    out += ':';
  }
  if (where.known()) {
    append_int(out, where.line);
    out += ':';
    append_int(out, where.column > 0 ? where.column : 1);
    out += ':';
  }
  if (!out.empty())
    out += ' ';
  if (severity == Severity::warning)
    out += "warning: ";
  if (!path.empty()) {
    out += escape_controls(path);
    out += ": ";
  }
  out += escape_controls(message);
  return out;
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty())
      out += '\n';
    out += d.to_string();
  }
  return out.empty() ? std::string("invalid input") : out;
}
} // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

} // namespace cvpress

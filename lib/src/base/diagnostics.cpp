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

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
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
    out += path;
    out += ": ";
  }
  out += message;
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

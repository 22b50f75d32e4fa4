#include <cvpress/doctor.hpp>

#include "text/mojibake.hpp"
#include "text/unicode.hpp"

#include <ostream>

namespace cvpress {

std::string MojibakeFinding::to_string() const {
  Diagnostic d{Severity::error, where, "", "looks like mojibake of \"" + repaired + "\""};
  return d.to_string();
}

std::vector<MojibakeFinding> find_mojibake(std::string_view text, std::string_view filename) {
  std::vector<MojibakeFinding> out;
  std::size_t line = 1, line_start = 0, scanned = 0;
  for (const auto& span : detail::find_mojibake(text)) {
    for (; scanned < span.begin; ++scanned)
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    MojibakeFinding f;
    f.where = {std::string(filename), static_cast<int>(line),
               static_cast<int>(span.begin - line_start + 1)};
    f.found = std::string(text.substr(span.begin, span.end - span.begin));
    f.repaired = span.repaired;
    f.encoding = span.encoding;
    out.push_back(std::move(f));
  }
  return out;
}

std::string repair_mojibake(std::string_view text) { return detail::repair_mojibake(text); }

ExitCode doctor_files(const std::vector<std::filesystem::path>& files, bool fix, std::ostream& out,
                      std::ostream& err) {
  ExitCode result = ExitCode::ok;
  for (const auto& file : files) {
    try {
      std::string text = read_file(file, LoadLimits{}.max_file_bytes);
      if (auto bad = detail::find_invalid_utf8(text)) {
        err << file.string() << ": not valid UTF-8 (byte offset " << *bad
            << "); doctor only repairs text that is valid UTF-8\n";
        result = ExitCode::input;
        continue;
      }
      auto findings = find_mojibake(text, file.string());
      for (const auto& f : findings)
        out << f.to_string() << '\n';
      if (findings.empty())
        continue;
      if (fix) {
        write_file_atomically(file, repair_mojibake(text));
        out << file.string() << ": repaired " << findings.size()
            << (findings.size() == 1 ? " string\n" : " strings\n");
      } else if (result == ExitCode::ok) {
        result = ExitCode::input;
      }
    } catch (const IoError& e) {
      err << "cvpress: " << e.what() << '\n';
      result = ExitCode::io;
    }
  }
  return result;
}

} // namespace cvpress

#include <cvpress/doctor.hpp>
#include <cvpress/files.hpp>

#include "text/unicode.hpp"

#include <ostream>

namespace cvpress {

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
    } catch (const Error& e) {
      result = report_error(e, err);
    }
  }
  return result;
}

} // namespace cvpress

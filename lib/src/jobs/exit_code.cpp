// The one mapping from the cvpress::Error hierarchy to exit codes.
#include <cvpress/diagnostics.hpp>
#include <cvpress/exit_code.hpp>

#include <ostream>
#include <string_view>

namespace cvpress {

ExitCode exit_code_of(const std::exception& error) noexcept {
  if (dynamic_cast<const InputError*>(&error))
    return ExitCode::input;
  if (dynamic_cast<const IoError*>(&error))
    return ExitCode::io;
  if (dynamic_cast<const UnavailableError*>(&error))
    return ExitCode::unavailable;
  if (dynamic_cast<const RenderError*>(&error))
    return ExitCode::render;
  if (dynamic_cast<const UsageError*>(&error))
    return ExitCode::usage;
  return ExitCode::internal;
}

ExitCode report_error(const std::exception& error, std::ostream& err,
                      const std::filesystem::path& input) {
  const ExitCode code = exit_code_of(error);
  if (const auto* e = dynamic_cast<const InputError*>(&error)) {
    for (const auto& d : e->diagnostics())
      err << d.to_string() << '\n';
  } else if (code == ExitCode::render && !input.empty() &&
             std::string_view(error.what()).rfind(input.string() + ":", 0) != 0) {
    // (A located render error already starts with the input's name.)
    err << "cvpress: " << escape_controls(input.string() + ": " + error.what()) << '\n';
  } else if (code == ExitCode::internal) {
    err << "cvpress: internal error: " << escape_controls(error.what()) << '\n';
  } else {
    err << "cvpress: " << escape_controls(error.what()) << '\n';
  }
  return code;
}

} // namespace cvpress

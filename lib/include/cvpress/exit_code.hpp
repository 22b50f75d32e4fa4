#pragma once
/// @file exit_code.hpp
/// Process exit codes and the one mapping from cvpress errors to them, used
/// by every job (validate, render, batch, doctor) and by the CLI.

#include <cvpress/export.hpp>

#include <exception>
#include <filesystem>
#include <iosfwd>

namespace cvpress {

/// Process exit codes shared by the CLI and documented in the README.
enum class ExitCode : int {
  ok = 0,          ///< success
  internal = 1,    ///< a bug: unexpected exception
  usage = 2,       ///< bad command line or options
  input = 3,       ///< the CV or style is invalid (errors printed with locations)
  render = 4,      ///< the CV is valid but could not be rendered
  io = 5,          ///< a file could not be read or written
  unavailable = 6, ///< a plug-in this needs (png format, preview) is not installed
};

/// The exit code for an exception: InputError → input, IoError → io,
/// UnavailableError → unavailable, any other RenderError → render, UsageError → usage, anything
/// else → internal.
[[nodiscard]] CVPRESS_API ExitCode exit_code_of(const std::exception& error) noexcept;

/// Prints `error` to `err` the way the CLI reports it and returns
/// exit_code_of(error): an InputError as its diagnostics, one per line; a
/// RenderError as "cvpress: INPUT: message" ("cvpress: message" when the
/// message already starts with "INPUT:", e.g. a located --strict error, or
/// `input` is empty); other cvpress errors as "cvpress: message"; anything
/// else as "cvpress: internal error: message".
CVPRESS_API ExitCode report_error(const std::exception& error, std::ostream& err,
                                  const std::filesystem::path& input = {});

} // namespace cvpress

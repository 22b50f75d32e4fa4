#pragma once
/// @file diagnostics.hpp
/// Source locations, diagnostics (errors and warnings as values) and the
/// exception hierarchy rooted in cvpress::Error.

#include <cvpress/export.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// A position in an input file. Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file; ///< path as given by the caller, e.g. "cv.yaml"
  int line = 0;     ///< 1-based line, 0 when unknown
  int column = 0;   ///< 1-based column (in bytes), 0 when unknown
  /// True when a line is known.
  [[nodiscard]] bool known() const { return line > 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// How serious a diagnostic is.
enum class Severity { warning, error };

/// One message about the input: `FILE:LINE:COLUMN: field.path: message`.
struct CVPRESS_API Diagnostic {
  Severity severity = Severity::error; ///< error or warning
  SourceLocation where;                ///< where it applies
  std::string path;                    ///< field path, e.g. "cv.sections.education[0].start_date"
  std::string message;                 ///< human text, no trailing period needed

  /// The one-line form, `FILE:LINE:COLUMN: path: message`; warnings get a
  /// `warning: ` prefix before the path. Missing parts are left out.
  /// Control characters in any part are escaped (escape_controls()), so a
  /// diagnostic is always one line and never a terminal escape sequence.
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// `text` with C0 controls, DEL, C1 controls and U+2028/U+2029 written as
/// escapes (`\n`, `\t`, `\x1b`, `\u009b`, `\u2028`), for quoting user text in
/// messages.
[[nodiscard]] std::string escape_controls(std::string_view text);

/// Root of every exception cvpress throws.
class CVPRESS_API Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The input (a CV or a style) is invalid. Carries every error found, and
/// the warnings found alongside them, in input order; `what()` is their
/// one-line forms joined by newlines.
class CVPRESS_API InputError : public Error {
public:
  /// Builds from diagnostics that include at least one error.
  explicit InputError(std::vector<Diagnostic> diagnostics);
  /// All errors and warnings found (never empty), in input order.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

/// A file could not be read or written.
class CVPRESS_API IoError : public Error {
public:
  using Error::Error;
};

/// Rendering failed for a reason other than invalid input (e.g. no usable
/// font, a backend failure).
class CVPRESS_API RenderError : public Error {
public:
  using Error::Error;
};

/// A part of cvpress that this needs is not installed: a plug-in such as the
/// png format's rasteriser (libcvpress-png.so), the preview server
/// (libcvpress-preview.so) or the phone number checks (libcvpress-phone.so) is missing or cannot be loaded. A RenderError, so
/// callers that catch those need no change; the CLI exits with
/// ExitCode::unavailable.
class CVPRESS_API UnavailableError : public RenderError {
public:
  using RenderError::RenderError;
};

/// Options given to the library or CLI are invalid (unknown format, ...).
class CVPRESS_API UsageError : public Error {
public:
  using Error::Error;
};

} // namespace cvpress

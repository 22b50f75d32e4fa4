#pragma once
/// @file job.hpp
/// Whole-command jobs (validate, render) as library calls, so the CLI only
/// parses options. Each returns an exit code from ExitCode (exit_code.hpp)
/// and writes human-readable lines to the given streams. The file helpers
/// read_file() and write_file_atomically() are in files.hpp.

#include <cvpress/backend.hpp>
#include <cvpress/exit_code.hpp>
#include <cvpress/export.hpp>
#include <cvpress/files.hpp>
#include <cvpress/load.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// Validates each file, printing diagnostics (errors to `err`, a summary
/// line per file to `out`). Runs every check `render` runs (photo, style,
/// `design:`, page limit) by rendering to memory with `render` (base_dir
/// defaults to each file's folder). Returns ok, or input when any file has
/// errors, render when one cannot be rendered, or io when one cannot be read.
CVPRESS_API ExitCode validate_files(const std::vector<std::filesystem::path>& files,
                                    std::ostream& out, std::ostream& err,
                                    const LoadOptions& options = {},
                                    const RenderOptions& render = {});

/// Like validate_files(), but writes one JSON document to `out` for the whole
/// run (`cvpress validate --format json`):
/// `{"files":[{"file":F,"valid":B,"diagnostics":[{"file","line","column",
/// "path","severity","message"}]}]}`. Every error and warning of every file
/// is a diagnostic (an unreadable file too: line, column and path are null
/// when unknown); nothing is written to `err` except usage errors (an invalid
/// `render.style`). Returns the same exit code as validate_files().
CVPRESS_API ExitCode validate_files_json(const std::vector<std::filesystem::path>& files,
                                         std::ostream& out, std::ostream& err,
                                         const LoadOptions& options = {},
                                         const RenderOptions& render = {});

/// A single render request.
struct RenderRequest {
  std::filesystem::path input;  ///< the CV file
  std::filesystem::path output; ///< destination; "" for default_output_path()
  std::string format;           ///< backend name; "" infers from the output extension (else pdf)
  RenderOptions options;        ///< style and file-access options
  LoadOptions load;             ///< loader limits
  bool quiet = false;           ///< print no summary line ("OUT: N bytes, P pages")
};

/// Where `render` writes when no output is given: next to `input`, named like
/// RenderCV's output from the CV owner's name in ASCII ("Qinghao_Hu_CV.pdf";
/// a native-only name is romanised: 陈巧玲 → "Chen_Qiaoling_CV.pdf"), or the
/// input's stem when the name has no ASCII form (山田太郎 → "cv.pdf" for cv.yaml).
[[nodiscard]] CVPRESS_API std::filesystem::path
default_output_path(const std::filesystem::path& input, const Cv& cv, const Backend& backend);

/// One output RenderCV's `settings.render_command` plans.
struct PlannedOutput {
  std::string format;         ///< backend name: "pdf", "typst", "markdown", "html", "png"
  std::filesystem::path path; ///< resolved: placeholders substituted, relative to the CV's folder
  bool off = false;           ///< `dont_generate_<format>: true`
};

/// The outputs `settings.render_command` plans for `cv` (empty without one):
/// OUTPUT_FOLDER becomes `output_folder`; NAME, NAME_IN_SNAKE_CASE,
/// NAME_IN_LOWER_SNAKE_CASE, NAME_IN_UPPER_SNAKE_CASE, NAME_IN_KEBAB_CASE,
/// NAME_IN_LOWER_KEBAB_CASE, NAME_IN_UPPER_KEBAB_CASE and the date
/// placeholders (MONTH_NAME, YEAR, ...: the current date) are substituted.
/// render_file() writes each format it has a backend for, unless off, when
/// neither an output nor a format is requested.
[[nodiscard]] CVPRESS_API std::vector<PlannedOutput>
planned_outputs(const std::filesystem::path& input, const Cv& cv);

/// Input given as "-" is read from standard input (named `<stdin>` in
/// messages; relative photo and bibliography paths resolve against the
/// working directory; the default output is NAME_CV.pdf there).
///
/// Loads, renders and writes atomically (temporary file + rename, so a
/// failure never leaves a partial output), then runs the backend's finish()
/// step (latex with the "compile" option: xelatex). Errors are printed by
/// report_error(); returns the exit code.
CVPRESS_API ExitCode render_file(const RenderRequest& request, std::ostream& out,
                                 std::ostream& err);

/// Options of `cvpress new`.
struct StarterOptions {
  std::string style;  ///< built-in style written as `design.theme` ("" = none, classic)
  std::string locale; ///< `locale.language` (RenderCV name or BCP-47 tag; "" = none, English)
};

/// A commented starter CV for `name` (education, experience, publications,
/// skills) that loads and renders with no warning. Throws UsageError for an
/// empty name, an unknown style or an unknown locale language.
[[nodiscard]] CVPRESS_API std::string starter_cv(std::string_view name,
                                                 const StarterOptions& options = {});

/// The file `cvpress new` writes by default, in RenderCV's naming and with the
/// same stem as default_output_path(): "Jane Doe" -> "Jane_Doe_CV.yaml"
/// ("CV.yaml" when the name has no ASCII form).
[[nodiscard]] CVPRESS_API std::filesystem::path starter_cv_path(std::string_view name,
                                                                const StarterOptions& options = {});

/// `cvpress new`: writes starter_cv() to `output` ("" = starter_cv_path() in the
/// working directory; "-" = standard output) and prints "OUT: written" to `out`
/// (unless `quiet`). Refuses to replace an existing file (IoError, exit io).
/// Errors are printed by report_error(); returns the exit code.
CVPRESS_API ExitCode new_cv(std::string_view name, const StarterOptions& options,
                            const std::filesystem::path& output, std::ostream& out,
                            std::ostream& err, bool quiet = false);

} // namespace cvpress

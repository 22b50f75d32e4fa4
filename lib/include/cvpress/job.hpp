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
#include <vector>

namespace cvpress {

/// Validates each file, printing diagnostics (errors to `err`, a summary
/// line per file to `out`). Runs every check `render` runs (photo, style,
/// `design:`, page limit) by rendering to memory with `render` (base_dir
/// defaults to each file's folder). Returns ok, or input when any file has
/// errors, render when one cannot be rendered, or io when one cannot be read.
CVPRESS_API ExitCode validate_files(const std::vector<std::filesystem::path>& files,
                                    std::ostream& out, std::ostream& err, const LoadOptions& options = {},
                                    const RenderOptions& render = {});

/// A single render request.
struct RenderRequest {
  std::filesystem::path input;  ///< the CV file
  std::filesystem::path output; ///< destination; "" for default_output_path()
  std::string format;           ///< backend name; "" infers from the output extension (else pdf)
  RenderOptions options;        ///< style and file-access options
  LoadOptions load;             ///< loader limits
};

/// Where `render` writes when no output is given: next to `input`, named like
/// RenderCV's output from the CV owner's name in ASCII ("Qinghao_Hu_CV.pdf";
/// a native-only name is romanised: 陈巧玲 → "Chen_Qiaoling_CV.pdf"), or the
/// input's stem when the name has no ASCII form (山田太郎 → "cv.pdf" for cv.yaml).
[[nodiscard]] CVPRESS_API std::filesystem::path
default_output_path(const std::filesystem::path& input, const Cv& cv, const Backend& backend);

/// Loads, renders and writes atomically (temporary file + rename, so a
/// failure never leaves a partial output), then runs the backend's finish()
/// step (latex with the "compile" option: xelatex). Errors are printed by
/// report_error(); returns the exit code.
CVPRESS_API ExitCode render_file(const RenderRequest& request, std::ostream& out,
                                 std::ostream& err);

} // namespace cvpress

#pragma once
/// @file job.hpp
/// Whole-command jobs (validate, render) as library calls, so the CLI only
/// parses options. Each returns an exit code from ExitCode and writes
/// human-readable lines to the given streams.

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cvpress {

/// Process exit codes shared by the CLI and documented in the README.
enum class ExitCode : int {
  ok = 0,       ///< success
  internal = 1, ///< a bug: unexpected exception
  usage = 2,    ///< bad command line or options
  input = 3,    ///< the CV or style is invalid (errors printed with locations)
  render = 4,   ///< the CV is valid but could not be rendered
  io = 5,       ///< a file could not be read or written
};

/// Validates each file, printing diagnostics (errors to `err`, a summary
/// line per file to `out`). Runs every check `render` runs (photo, style,
/// `design:`, page limit) by rendering to memory with `render` (base_dir
/// defaults to each file's folder). Returns ok, or input when any file has
/// errors, render when one cannot be rendered, or io when one cannot be read.
ExitCode validate_files(const std::vector<std::filesystem::path>& files, std::ostream& out,
                        std::ostream& err, const LoadOptions& options = {},
                        const RenderOptions& render = {});

/// A single render request.
struct RenderRequest {
  std::filesystem::path input;  ///< the CV file
  std::filesystem::path output; ///< destination; "" for default_output_path()
  std::string format;           ///< backend name; "" infers from the output extension (else pdf)
  RenderOptions options;        ///< style and file-access options
  LoadOptions load;             ///< loader limits
  bool compile = false;         ///< latex only: also run xelatex and write the PDF next to `output`
};

/// Where `render` writes when no output is given: next to `input`, named like
/// RenderCV's output from the CV owner's name in ASCII ("Qinghao_Hu_CV.pdf";
/// a native-only name is romanised: 陈巧玲 → "Chen_Qiaoling_CV.pdf"), or the
/// input's stem when the name has no ASCII form (山田太郎 → "cv.pdf" for cv.yaml).
[[nodiscard]] std::filesystem::path default_output_path(const std::filesystem::path& input,
                                                        const Cv& cv, const Backend& backend);

/// Loads, renders and writes atomically (temporary file + rename, so a
/// failure never leaves a partial output). Returns the exit code.
ExitCode render_file(const RenderRequest& request, std::ostream& out, std::ostream& err);

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then rename. Throws IoError.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Reads a whole file. Throws IoError with the OS reason.
[[nodiscard]] std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

} // namespace cvpress

#pragma once
/// @file backend.hpp
/// The backend interface (pdf, latex, ...) and the registry of backends.

#include <cvpress/diagnostics.hpp>
#include <cvpress/export.hpp>
#include <cvpress/model.hpp>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// Bounds on what a render may produce or read (see docs/security.md).
struct RenderLimits {
  std::uint64_t max_image_pixels = 40'000'000; ///< photo width x height (40 megapixels)
  int max_pages = 50;                          ///< pages of a PDF
};

/// Options common to every backend.
struct RenderOptions {
  std::string style;              ///< built-in style name or style file path; "" = default
  std::filesystem::path base_dir; ///< folder relative paths in the CV resolve against
  std::vector<std::filesystem::path> allowed_dirs; ///< extra folders images/styles may come from
  RenderLimits limits;                             ///< resource bounds
  /// Fit the CV to at most this many pages (`--max-pages`; 0: the style's or
  /// the CV's `design.page.max_pages`, if any): the vertical glue shrinks
  /// first, then type and leading in small steps down to the style's
  /// `page.fit_floor`; when even that does not fit, the result has a warning.
  int max_pages = 0;
  /// Backend-specific options, NAME or NAME=VALUE, each NAME one the backend
  /// lists in Backend::supported_options(); e.g. "compile" for latex (also run
  /// xelatex on the written .tex and write the PDF next to it; `render
  /// --compile`), "dpi=200" for png (the images' resolution; `--dpi 200`).
  std::vector<std::string> backend_options;
  /// A character no installed font has is an error (RenderError, exit code
  /// 4, nothing written) instead of a warning with U+FFFD drawn in its place
  /// (`--strict`). Honoured by the pdf backend, which chooses the fonts.
  bool strict = false;
  /// PDF/A-2a output (`--pdfa`): the pdf backend's tagged PDF also carries
  /// PDF/A identification in its XMP metadata and an sRGB output intent with
  /// the ICC profile embedded. Other backends ignore it.
  bool pdfa = false;
};

/// A further file of an output made of several files (the png format's
/// pages after the first), written next to the output: see extra_output_path().
struct ExtraOutput {
  std::string suffix; ///< put before the output's extension: "-2" makes cv.png cv-2.png
  std::string bytes;  ///< the file's content
};

/// What a backend produced.
struct RenderResult {
  std::string bytes;                ///< the output file's content
  std::vector<Diagnostic> warnings; ///< e.g. characters no font covers
  int pages = 0;                    ///< page count when known, else 0
  std::vector<ExtraOutput> extra;   ///< further files (png: pages 2..N); usually none
};

/// A renderer for one output format. Implementations are stateless and
/// safe to call from several threads at once.
class CVPRESS_API Backend {
public:
  virtual ~Backend() = default;
  /// Format name used by `--format`, e.g. "pdf".
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// One-line description for `--help`.
  [[nodiscard]] virtual std::string_view description() const = 0;
  /// File extensions (without dot) that select this backend, e.g. {"pdf"}.
  [[nodiscard]] virtual std::vector<std::string> extensions() const = 0;
  /// Renders a CV. Throws RenderError (or InputError for problems the
  /// backend finds in the input, e.g. a bad photo).
  [[nodiscard]] virtual RenderResult render(const Cv& cv, const RenderOptions& options) const = 0;
  /// True when render() may return RenderResult::extra files (png: one per
  /// page after the first, named OUTPUT-2.EXT, ...); batch then also treats
  /// an input whose output would be such a file as a collision. Default: false.
  [[nodiscard]] virtual bool writes_page_files() const { return false; }
  /// Names of the RenderOptions::backend_options this backend honours, e.g.
  /// {"compile"}. Default: none.
  [[nodiscard]] virtual std::vector<std::string> supported_options() const { return {}; }
  /// Runs after render()'s bytes were written to `output`, for options that
  /// work on the written file (latex "compile": xelatex writes the PDF next
  /// to it). `cv_file` names the CV in messages. Prints what it wrote to `out`
  /// and what failed to `err`; returns false on failure (a render error).
  /// Default: nothing to do, true.
  [[nodiscard]] virtual bool finish(const std::filesystem::path& output, const std::string& cv_file,
                                    const RenderOptions& options, std::ostream& out,
                                    std::ostream& err) const {
    (void)output, (void)cv_file, (void)options, (void)out, (void)err;
    return true;
  }
};

/// Every built-in backend, in a stable order.
[[nodiscard]] CVPRESS_API const std::vector<const Backend*>& backends();

/// The backend named `name`, or nullptr.
[[nodiscard]] CVPRESS_API const Backend* find_backend(std::string_view name);

/// The backend whose extension matches `path`'s extension, or nullptr.
[[nodiscard]] CVPRESS_API const Backend* backend_for_path(const std::filesystem::path& path);

/// Where `extra`, a RenderResult's further file, goes for the output `output`:
/// the suffix before the extension ("out/cv.png", "-2" -> "out/cv-2.png"; no
/// extension: appended).
[[nodiscard]] CVPRESS_API std::filesystem::path
extra_output_path(const std::filesystem::path& output, const ExtraOutput& extra);

/// Comma-separated list of backend names, e.g. "latex, pdf" (for messages).
[[nodiscard]] CVPRESS_API std::string backend_names();

/// Throws UsageError unless `backend` honours every entry of
/// `options.backend_options` (by NAME, before any '='), e.g. "--compile works
/// only with the latex format".
CVPRESS_API void check_backend_options(const Backend& backend, const RenderOptions& options);

} // namespace cvpress

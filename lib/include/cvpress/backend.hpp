#pragma once
/// @file backend.hpp
/// The backend interface (pdf, latex, ...) and the registry of backends.

#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <cstdint>
#include <filesystem>
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
};

/// What a backend produced.
struct RenderResult {
  std::string bytes;                ///< the output file's content
  std::vector<Diagnostic> warnings; ///< e.g. characters no font covers
  int pages = 0;                    ///< page count when known, else 0
};

/// A renderer for one output format. Implementations are stateless and
/// safe to call from several threads at once.
class Backend {
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
};

/// Every built-in backend, in a stable order.
[[nodiscard]] const std::vector<const Backend*>& backends();

/// The backend named `name`, or nullptr.
[[nodiscard]] const Backend* find_backend(std::string_view name);

/// The backend whose extension matches `path`'s extension, or nullptr.
[[nodiscard]] const Backend* backend_for_path(const std::filesystem::path& path);

/// Comma-separated list of backend names, e.g. "latex, pdf" (for messages).
[[nodiscard]] std::string backend_names();

} // namespace cvpress

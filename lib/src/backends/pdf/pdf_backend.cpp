#include "backends/pdf/pdf_backend.hpp"

#include "backends/pdf/painter.hpp"
#include "base/source_date_epoch.hpp"
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <string>

namespace cvpress::detail {

namespace {

class PdfBackend final : public Backend {
public:
  [[nodiscard]] std::string_view name() const override { return "pdf"; }
  [[nodiscard]] std::string_view description() const override {
    return "PDF typeset by cvpress itself (libharu), fonts embedded as subsets";
  }
  [[nodiscard]] std::vector<std::string> extensions() const override { return {"pdf"}; }
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions& options) const override {
    // options.style, else the CV's design.theme, else classic; design options on top.
    const Style style = resolve_style(options, cv.design);
    PhotoAccess access;
    access.allowed_dirs = options.allowed_dirs;
    access.max_pixels = options.limits.max_image_pixels;
    LaidOutDocument document =
        layout_document(cv, style, resolve_resources(cv, options.base_dir, access));
    if (options.limits.max_pages > 0 &&
        document.pages.size() > static_cast<std::size_t>(options.limits.max_pages))
      throw RenderError("the CV needs " + std::to_string(document.pages.size()) +
                        " pages, more than the limit of " +
                        std::to_string(options.limits.max_pages));
    if (options.strict && !document.missing_glyphs.empty()) {
      // The first uncovered character, with its place in the CV.
      Diagnostic d = document.warnings.at(document.missing_glyphs.front());
      d.severity = Severity::error;
      d.message = d.message.substr(0, d.message.find("; drawn as"));
      const std::size_t more = document.missing_glyphs.size() - 1;
      if (more > 0)
        d.message +=
            " (and " + std::to_string(more) + " more character" + (more == 1 ? "" : "s") + ")";
      throw RenderError(d.to_string() + " (strict: a missing glyph is an error)");
    }
    PaintOptions paint;
    paint.date_epoch = source_date_epoch_from_env();
    paint.pdfa = options.pdfa;
    RenderResult result;
    result.bytes = paint_pdf(document, paint);
    result.pages = static_cast<int>(document.pages.empty() ? 1 : document.pages.size());
    result.warnings = std::move(document.warnings);
    return result;
  }
};

} // namespace

const Backend& pdf_backend() {
  static const PdfBackend backend;
  return backend;
}

} // namespace cvpress::detail

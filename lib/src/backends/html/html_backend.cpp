// The "html" backend: one self-contained HTML5 file (backends/html/html_writer.hpp).
#include "backends/html/html_writer.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>

namespace cvpress::detail {

namespace {

class HtmlBackend final : public Backend {
public:
  [[nodiscard]] std::string_view name() const override { return "html"; }
  [[nodiscard]] std::string_view description() const override {
    return "one self-contained semantic HTML file (style as CSS, photo embedded)";
  }
  [[nodiscard]] std::vector<std::string> extensions() const override { return {"html", "htm"}; }
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions& options) const override {
    const Style style = resolve_style(options, cv.design);
    PhotoAccess access;
    access.allowed_dirs = options.allowed_dirs;
    access.max_pixels = options.limits.max_image_pixels;
    const Resources resources = resolve_resources(cv, options.base_dir, access);
    RenderResult result;
    result.bytes = html::make_document(cv, style, resources.photo, result.warnings);
    return result;
  }
};

} // namespace

/// The HTML backend (registered in backends/registry_list.cpp).
const Backend* html_backend() {
  static const HtmlBackend backend;
  return &backend;
}

} // namespace cvpress::detail

// The "latex" backend: one self-contained .tex file for XeLaTeX/LuaLaTeX.
#include "backends/latex/writer.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>

namespace cvpress {

namespace detail {

namespace {

class LatexBackend final : public Backend {
public:
  [[nodiscard]] std::string_view name() const override { return "latex"; }
  [[nodiscard]] std::string_view description() const override {
    return "XeLaTeX source (.tex) with a restylable preamble";
  }
  [[nodiscard]] std::vector<std::string> extensions() const override { return {"tex"}; }
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions& options) const override {
    RenderResult result;
    const Style style = resolve_style(options, cv.design);
    result.bytes = latex::make_document(cv, style, result.warnings);
    return result;
  }
};

} // namespace

/// The LaTeX backend (registered in backends/registry_list.cpp).
const Backend* latex_backend() {
  static const LatexBackend backend;
  return &backend;
}

} // namespace detail

} // namespace cvpress

// The "latex" backend: one self-contained .tex file for XeLaTeX/LuaLaTeX.
#include "backends/latex/writer.hpp"
#include "style/style.hpp"

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
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions&) const override {
    RenderResult result;
    result.bytes = latex::make_document(cv, default_style(), result.warnings);
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

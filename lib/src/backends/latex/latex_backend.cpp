// The "latex" backend: one self-contained .tex file for XeLaTeX/LuaLaTeX.
#include "backends/latex/compile.hpp"
#include "backends/latex/writer.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>

#include <algorithm>
#include <ostream>

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
  [[nodiscard]] std::vector<std::string> supported_options() const override { return {"compile"}; }
  // "compile": xelatex turns the written .tex into a PDF next to it.
  [[nodiscard]] bool finish(const std::filesystem::path& output, const std::string& cv_file,
                            const RenderOptions& options, std::ostream& out,
                            std::ostream& err) const override {
    const auto& opts = options.backend_options;
    if (std::find(opts.begin(), opts.end(), "compile") == opts.end())
      return true;
    std::filesystem::path pdf = output;
    pdf.replace_extension(".pdf");
    if (!latex::compile_tex(output, pdf, cv_file, err))
      return false;
    out << pdf.string() << ": compiled with xelatex\n";
    return true;
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

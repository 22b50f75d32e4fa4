// The "latex" backend: one self-contained .tex file for XeLaTeX/LuaLaTeX.
#include "backends/latex/compile.hpp"
#include "backends/latex/writer.hpp"
#include "layout/layout.hpp"
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
    Style style = resolve_style(options, cv.design);
    // The PDF layout's decisions (without the photo, which LaTeX leaves
    // out): its page breaks, list sections and, fitting to max_pages, its
    // type scale. Without usable fonts TeX breaks the pages alone.
    latex::LayoutDecisions decisions;
    try {
      LaidOutDocument laid = layout_document(cv, style, Resources{});
      if (laid.scale < 1)
        style = scaled_style(style, laid.scale);
      // RenderCV themes keep RenderCV's narrow main column beside the dates
      // in TeX (the PDF runs it full width below them): TeX breaks those
      // pages itself rather than follow breaks made for other line counts.
      if (!style.rendercv_dates)
        decisions.breaks = std::move(laid.breaks);
      decisions.list_sections = std::move(laid.list_sections);
      decisions.date_widths = std::move(laid.date_widths);
      decisions.degree_widths = std::move(laid.degree_widths);
      for (auto& w : laid.warnings) // fitting's; glyph warnings are the PDF's
        if (w.path == style.max_pages_path)
          result.warnings.push_back(std::move(w));
    } catch (const RenderError&) {
    }
    result.bytes = latex::make_document(cv, style, result.warnings, decisions);
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

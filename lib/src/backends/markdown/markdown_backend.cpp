// The "markdown" backend (backends/markdown/markdown_writer.hpp).
#include "backends/markdown/markdown_writer.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>

namespace cvpress::detail {

namespace {

class MarkdownBackend final : public Backend {
public:
  [[nodiscard]] std::string_view name() const override { return "markdown"; }
  [[nodiscard]] std::string_view description() const override {
    return "Markdown (CommonMark) shaped like RenderCV's Markdown output";
  }
  [[nodiscard]] std::vector<std::string> extensions() const override { return {"md", "markdown"}; }
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions& options) const override {
    RenderResult result;
    result.bytes = markdown::make_document(cv, resolve_style(options, cv.design));
    return result;
  }
};

} // namespace

/// The Markdown backend (registered in backends/registry_list.cpp).
const Backend* markdown_backend() {
  static const MarkdownBackend backend;
  return &backend;
}

} // namespace cvpress::detail

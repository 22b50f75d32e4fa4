// The "png" backend: page images of our own PDF. The rasteriser (poppler +
// libpng) is the plug-in libcvpress-png.so (lib/plugins/png), loaded on first
// use so that other formats never map poppler. Page 1 is the output file;
// pages 2..N are extra files next to it (cv.png, cv-2.png, cv-3.png, ...).
// Built only with CVPRESS_WITH_PNG (libpoppler-cpp-dev).
#include "backends/png/png_backend.hpp"
#include "backends/pdf/pdf_backend.hpp"
#include "base/plugin.hpp"

#include <cvpress/backend.hpp>

#include <charconv>
#include <new>

namespace cvpress::detail {

namespace {

// The plug-in's table; throws UnavailableError when it is missing.
const cvpress_png_plugin& png_plugin() {
  return *static_cast<const cvpress_png_plugin*>(
      plugin_table("png", CVPRESS_PNG_ABI, "the png format"));
}

} // namespace

void require_png_plugin() { (void)png_plugin(); }

std::vector<std::string> rasterise_pdf(const std::string& pdf, double dpi) {
  const cvpress_png_plugin& plugin = png_plugin();
  std::vector<std::string> pages;
  auto keep = [](void* context, int, const unsigned char* png, std::size_t size) -> int {
    try {
      static_cast<std::vector<std::string>*>(context)->emplace_back(
          reinterpret_cast<const char*>(png), size);
      return 0;
    } catch (...) { // (bad_alloc) never through the plug-in's frames
      return 1;
    }
  };
  char error[CVPRESS_PLUGIN_ERROR_SIZE] = {};
  if (plugin.rasterise(reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size(), dpi, keep,
                       &pages, error, sizeof error) != 0) {
    if (error[0] == '\0')
      throw std::bad_alloc(); // only keep() stops it
    throw RenderError(error);
  }
  return pages;
}

namespace {

// The "dpi=N" backend option (`--dpi N`), else kPngDpi.
double dpi_of(const RenderOptions& options) {
  double dpi = kPngDpi;
  for (const std::string& o : options.backend_options) {
    if (!o.starts_with("dpi="))
      continue;
    const std::string_view value = std::string_view(o).substr(4);
    int n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < kPngMinDpi || n > kPngMaxDpi)
      throw UsageError("--dpi must be a whole number from " + std::to_string(kPngMinDpi) + " to " +
                       std::to_string(kPngMaxDpi) + ", not '" + std::string(value) + "'");
    dpi = n;
  }
  return dpi;
}

class PngBackend final : public Backend {
public:
  [[nodiscard]] std::string_view name() const override { return "png"; }
  [[nodiscard]] std::string_view description() const override {
    return "page images of the PDF (poppler; 150 dpi, --dpi N): cv.png, cv-2.png, ...";
  }
  [[nodiscard]] std::vector<std::string> extensions() const override { return {"png"}; }
  [[nodiscard]] bool writes_page_files() const override { return true; }
  [[nodiscard]] std::vector<std::string> supported_options() const override { return {"dpi"}; }
  [[nodiscard]] RenderResult render(const Cv& cv, const RenderOptions& options) const override {
    const double dpi = dpi_of(options); // a bad --dpi fails before any work
    require_png_plugin();               // and so does a missing plug-in
    RenderResult pdf = pdf_backend().render(cv, options);
    std::vector<std::string> pages = rasterise_pdf(pdf.bytes, dpi);
    RenderResult result;
    result.warnings = std::move(pdf.warnings);
    result.pages = static_cast<int>(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (i == 0)
        result.bytes = std::move(pages[i]);
      else
        result.extra.push_back({"-" + std::to_string(i + 1), std::move(pages[i])});
    }
    return result;
  }
};

} // namespace

const Backend* png_backend() {
  static const PngBackend backend;
  return &backend;
}

} // namespace cvpress::detail

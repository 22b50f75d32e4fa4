// The "png" backend: page images of our own PDF, rasterised with poppler's
// C++ API and encoded with libpng. Page 1 is the output file; pages 2..N are
// extra files next to it (cv.png, cv-2.png, cv-3.png, ...). Built only with
// CVPRESS_WITH_PNG (libpoppler-cpp-dev).
#include "backends/png/png_backend.hpp"
#include "backends/pdf/pdf_backend.hpp"

#include <cvpress/backend.hpp>

#include <png.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace cvpress::detail {

std::string encode_png_rgb(const std::vector<unsigned char>& rgb, int width, int height) {
  // libpng's simplified API: no longjmp through our frames.
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr))
    throw RenderError("cannot encode the page image (libpng)");
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, rgb.data(), 0, nullptr))
    throw RenderError("cannot encode the page image (libpng)");
  out.resize(size);
  return out;
}

std::vector<std::string> rasterise_pdf(const std::string& pdf, double dpi) {
  // poppler keeps global state (fonts, error callback): one document at a time.
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked())
    throw RenderError("poppler cannot read the PDF to rasterise it");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_hinting, true);
  renderer.set_paper_color(0xFFFFFFFF);
  renderer.set_image_format(poppler::image::format_argb32);
  std::vector<std::string> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page)
      throw RenderError("poppler cannot read page " + std::to_string(i + 1));
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32)
      throw RenderError("poppler cannot rasterise page " + std::to_string(i + 1));
    const int w = image.width(), h = image.height();
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    for (int y = 0; y < h; ++y) {
      const auto* row =
          reinterpret_cast<const unsigned char*>(image.const_data()) +
          static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row());
      unsigned char* dst =
          rgb.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 3;
      for (int x = 0; x < w; ++x) {
        // argb32 is a native-endian 0xAARRGGBB word; the paper is opaque white.
        std::uint32_t px;
        std::memcpy(&px, row + static_cast<std::size_t>(x) * 4, 4);
        dst[3 * x] = static_cast<unsigned char>(px >> 16);
        dst[3 * x + 1] = static_cast<unsigned char>(px >> 8);
        dst[3 * x + 2] = static_cast<unsigned char>(px);
      }
    }
    pages.push_back(encode_png_rgb(rgb, w, h));
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

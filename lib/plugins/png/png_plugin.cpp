// libcvpress-png.so: the png format's rasteriser. Our own PDF is rasterised
// with poppler's C++ API and each page encoded with libpng, behind the C
// table of base/plugin_abi.h (no exception leaves this file).
#include "base/plugin_abi.h"

#include <png.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace {

// An error for the caller's buffer, thrown only inside this file.
struct Failure {
  std::string message;
};

// An 8-bit RGB image as PNG bytes (libpng's simplified API: no longjmp
// through our frames).
std::string encode_png_rgb(const std::vector<unsigned char>& rgb, int width, int height) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr))
    throw Failure{"cannot encode the page image (libpng)"};
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, rgb.data(), 0, nullptr))
    throw Failure{"cannot encode the page image (libpng)"};
  out.resize(size);
  return out;
}

// Returns false when `page` asked to stop.
bool rasterise(const unsigned char* pdf, std::size_t size, double dpi, cvpress_png_page_fn page,
               void* context) {
  // poppler keeps global state (fonts, error callback): one document at a time.
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      reinterpret_cast<const char*>(pdf), static_cast<int>(size)));
  if (!doc || doc->is_locked())
    throw Failure{"poppler cannot read the PDF to rasterise it"};
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_hinting, true);
  renderer.set_paper_color(0xFFFFFFFF);
  renderer.set_image_format(poppler::image::format_argb32);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (!p)
      throw Failure{"poppler cannot read page " + std::to_string(i + 1)};
    const poppler::image image = renderer.render_page(p.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32)
      throw Failure{"poppler cannot rasterise page " + std::to_string(i + 1)};
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
    const std::string png = encode_png_rgb(rgb, w, h);
    if (page(context, i, reinterpret_cast<const unsigned char*>(png.data()), png.size()) != 0)
      return false;
  }
  return true;
}

void set_error(char* error, std::size_t error_size, const std::string& message) {
  if (error && error_size > 0)
    std::snprintf(error, error_size, "%s", message.c_str());
}

int rasterise_c(const unsigned char* pdf, std::size_t size, double dpi, cvpress_png_page_fn page,
                void* context, char* error, std::size_t error_size) {
  set_error(error, error_size, "");
  try {
    return rasterise(pdf, size, dpi, page, context) ? 0 : 1;
  } catch (const Failure& f) {
    set_error(error, error_size, f.message);
  } catch (const std::exception& e) {
    set_error(error, error_size, std::string("cannot rasterise the PDF: ") + e.what());
  } catch (...) {
    set_error(error, error_size, "cannot rasterise the PDF");
  }
  return 1;
}

const cvpress_png_plugin kTable = {CVPRESS_PNG_ABI, &rasterise_c};

} // namespace

extern "C" __attribute__((visibility("default"))) const void* cvpress_plugin_entry(uint32_t abi) {
  return abi == CVPRESS_PNG_ABI ? &kTable : nullptr;
}

#pragma once
// Page images (backends/png): our PDF rasterised by poppler, encoded by libpng.
#include <cvpress/backend.hpp>

#include <string>
#include <vector>

namespace cvpress::detail {

/// Resolution of the "png" format's page images, unless the "dpi=N" backend
/// option (`--dpi N`) gives one from kPngMinDpi to kPngMaxDpi (an A4 page at
/// 300 dpi is 2480x3508 pixels, 35 MB while it is rasterised).
inline constexpr double kPngDpi = 150;
inline constexpr int kPngMinDpi = 36;
inline constexpr int kPngMaxDpi = 300;

/// Each page of `pdf` as a PNG (8-bit RGB on white) at `dpi`. Throws
/// RenderError when poppler cannot read or rasterise it.
[[nodiscard]] std::vector<std::string> rasterise_pdf(const std::string& pdf, double dpi);

/// An 8-bit RGB image (`width` x `height`, rows top to bottom) as PNG bytes.
[[nodiscard]] std::string encode_png_rgb(const std::vector<unsigned char>& rgb, int width,
                                         int height);

/// The PNG backend (registered in backends/registry_list.cpp).
const Backend* png_backend();

} // namespace cvpress::detail

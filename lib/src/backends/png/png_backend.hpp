#pragma once
// Page images (backends/png): our PDF rasterised by poppler and encoded by
// libpng in the plug-in libcvpress-png.so (lib/plugins/png, base/plugin.hpp).
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

/// Each page of `pdf` as a PNG (8-bit RGB on white) at `dpi`, by the png
/// plug-in. Throws UnavailableError when the plug-in is missing, RenderError
/// when poppler cannot read or rasterise the PDF.
[[nodiscard]] std::vector<std::string> rasterise_pdf(const std::string& pdf, double dpi);

/// Loads the png plug-in now; throws UnavailableError when it is missing.
void require_png_plugin();

/// The PNG backend (registered in backends/registry_list.cpp).
const Backend* png_backend();

} // namespace cvpress::detail

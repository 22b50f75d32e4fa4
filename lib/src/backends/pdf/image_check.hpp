#pragma once
// Structural checks for images before libharu sees them. libharu 2.3.0's
// libpng error callback returns instead of jumping, so libpng aborts the
// process on a corrupt PNG; these checks reject such files first.
#include <string>
#include <string_view>

namespace cvpress::detail {

/// "" when `bytes` is a well-formed PNG that libharu can load (signature,
/// chunk layout and CRCs, IHDR, PLTE for palette images, IDAT, IEND, no
/// unknown critical chunk); otherwise the reason.
std::string png_problem(std::string_view bytes);

/// "" when `bytes` looks like a baseline/progressive JPEG (SOI, a SOF
/// marker with sane sizes); otherwise the reason.
std::string jpeg_problem(std::string_view bytes);

} // namespace cvpress::detail

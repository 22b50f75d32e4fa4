#pragma once
// Minimal raster validation before anything reaches libharu (which aborts
// the process on some broken files, e.g. a truncated PNG).
#include "layout/display_list.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// A validated image: its format and pixel size.
struct ImageInfo {
  ImageItem::Format format = ImageItem::Format::png;
  int width = 0;
  int height = 0;
};

/// Checks a PNG (signature, IHDR, chunk structure and CRCs, IEND) or a JPEG
/// (SOI, SOF with dimensions, segment structure, EOI). nullopt and a reason
/// in `why` when the bytes are not a complete image of either kind.
std::optional<ImageInfo> inspect_image(std::string_view bytes, std::string& why);

} // namespace cvpress::detail

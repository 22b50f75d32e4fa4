#pragma once
// Minimal raster validation before anything reaches libharu (which aborts
// the process on some broken files, e.g. a truncated PNG).

#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// How a raster image is encoded.
enum class ImageFormat { png, jpeg };

/// A validated image: its format and pixel size.
struct ImageInfo {
  ImageFormat format = ImageFormat::png;
  int width = 0;
  int height = 0;
};

/// Checks a PNG (signature, IHDR, chunk structure and CRCs, IEND) or a JPEG
/// (SOI, SOF with dimensions, segment structure, EOI). nullopt and a reason
/// in `why` when the bytes are not a complete image of either kind.
std::optional<ImageInfo> inspect_image(std::string_view bytes, std::string& why);

/// For a PNG that inspect_image() accepted: inflates the image data and
/// checks that it is one complete zlib stream of exactly the size the header
/// promises, with a valid filter type on every row, and that the image is
/// not interlaced. libpng (inside libharu 2.3.0) aborts the process, or
/// libharu frees memory twice, on files that fail these checks. "" when the
/// data is fine, else the reason. Call only after bounding the pixel count:
/// it inflates the whole image (in fixed-size pieces, without keeping it).
std::string png_data_problem(std::string_view bytes);

} // namespace cvpress::detail

#pragma once
// Photos are printed small: a 6000x6000 portrait placed 72 pt wide needs
// 300 pixels across at 300 dpi. Larger photos are decoded (libpng,
// libjpeg-turbo), reduced by area averaging and re-encoded, so a CV with a
// camera photo stays a small PDF.

#include "resources/image.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// A re-encoded image and its new pixel size.
struct Downsampled {
  std::string bytes; ///< PNG (from a PNG) or baseline JPEG (from a JPEG)
  ImageInfo info;    ///< same format, the new size
};

/// Reduces an image that inspect_image() (and, for PNG, png_data_problem())
/// accepted so that it fits in `max_width` x `max_height` pixels, keeping its
/// aspect ratio. nullopt when it fits already (or is at most a third too
/// large: re-encoding costs quality), or when it cannot be decoded or
/// converted (CMYK JPEGs): the caller keeps the original bytes. Alpha is
/// composited over white. Memory stays one input row plus the output: rows
/// are read one at a time (JPEGs at 1/2, 1/4 or 1/8 scale when that is still
/// large enough).
std::optional<Downsampled> downsample_image(std::string_view bytes, const ImageInfo& info,
                                            int max_width, int max_height);

} // namespace cvpress::detail

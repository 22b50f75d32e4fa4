#pragma once
// Draws a LaidOutDocument into PDF bytes with libharu.
#include "layout/display_list.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cvpress::detail {

/// How the painter writes the file.
struct PaintOptions {
  bool compress = true; ///< Flate-compress content, images and fonts
  /// Seconds since 1970 (UTC) for /CreationDate and /ModDate; no dates when
  /// unset. The backend takes it from SOURCE_DATE_EPOCH.
  std::optional<std::int64_t> date_epoch;
  /// PDF/A-2a: XMP identification and an sRGB output intent (the document
  /// is tagged either way).
  bool pdfa = false;
};

/// The PDF file for `document`. Deterministic: equal input and options give
/// byte-identical output. Throws RenderError on any libharu failure.
std::string paint_pdf(const LaidOutDocument& document, const PaintOptions& options = {});

} // namespace cvpress::detail

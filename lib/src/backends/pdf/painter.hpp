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
};

/// The PDF file for `document`. Deterministic: equal input and options give
/// byte-identical output. Throws RenderError on any libharu failure.
std::string paint_pdf(const LaidOutDocument& document, const PaintOptions& options = {});

/// SOURCE_DATE_EPOCH parsed as a non-negative integer, or nullopt when unset,
/// malformed or past the year 9999.
std::optional<std::int64_t> source_date_epoch_from_env();

} // namespace cvpress::detail

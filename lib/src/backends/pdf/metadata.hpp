#pragma once
// Document-level metadata written at object level: the XMP packet in the
// catalog (Dublin Core, PDF/UA-1 and, for PDF/A-2a, PDF/A identification),
// the trailer's file identifier and, for PDF/A, the sRGB output intent with
// its embedded ICC profile.
#include "backends/pdf/hpdf_document.hpp"
#include "layout/display_list.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// What the metadata says besides the document information.
struct MetadataOptions {
  std::optional<std::int64_t> date_epoch; ///< creation and modification date (UTC), if any
  bool pdfa = false;                      ///< PDF/A-2a identification and output intent
  bool compress = true;                   ///< Flate-compress the ICC profile
  std::uint64_t digest = 0;               ///< hash of the content, for the file identifier
};

/// The XMP packet for `info` (its values must equal the Info dictionary's).
std::string xmp_packet(const DocumentInfo& info, std::string_view producer,
                       const MetadataOptions& options);

/// Adds /Metadata (and, for PDF/A, /OutputIntents) to the catalog and /ID to
/// the trailer. Throws RenderError when PDF/A is asked of a build without
/// an sRGB profile.
void write_metadata(HpdfDocument& pdf, const DocumentInfo& info, const MetadataOptions& options);

/// The sRGB ICC profile built into the library (empty when the build found
/// none; see lib/CMakeLists.txt).
std::string_view srgb_icc_profile();

} // namespace cvpress::detail

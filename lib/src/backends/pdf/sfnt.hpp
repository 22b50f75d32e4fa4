#pragma once
// Reads what a PDF font dictionary needs from a (subset) TrueType font.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// Facts from the head, hhea, hmtx, OS/2, post, name and cmap tables.
struct SfntFacts {
  unsigned units_per_em = 1000;        ///< head.unitsPerEm
  int x_min = 0, y_min = 0;            ///< head bounding box, font units
  int x_max = 0, y_max = 0;            ///< head bounding box, font units
  int ascender = 0, descender = 0;     ///< hhea, font units
  int cap_height = 0;                  ///< OS/2 sCapHeight (0 when absent)
  double italic_angle = 0;             ///< post.italicAngle, degrees
  std::string postscript_name;         ///< name ID 6 ("" when absent)
  bool no_embedding = false;           ///< OS/2 fsType says "restricted license"
  std::vector<std::uint16_t> advances; ///< advance width per glyph, font units
};

/// Parses `ttf`. Throws RenderError when a required table is missing or
/// malformed.
SfntFacts read_sfnt(std::string_view ttf);

/// Glyph id of each of `chars` in the (3,10) format-12 cmap of `ttf`, or
/// without one in its (3,1) format-4 cmap (0 when unmapped). Throws
/// RenderError when there is neither.
std::vector<unsigned> glyph_ids(std::string_view ttf, const std::vector<char32_t>& chars);

} // namespace cvpress::detail

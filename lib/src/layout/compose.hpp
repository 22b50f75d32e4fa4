#pragma once
// Composition: what the presentation stage says a CV shows, set in boxes
// (header, headings, entries with their main column, date column and
// hanging labels) as blocks of strips for pagination.
#include "layout/boxes.hpp"
#include "layout/structure.hpp"
#include "present/present.hpp"
#include "resources/photo.hpp"

#include <vector>

namespace cvpress::detail {

/// Where composition puts things: the text area and the mirror axis.
struct PageGeometry {
  double left = 0;   ///< text area left edge
  double width = 0;  ///< text area width
  double top = 0;    ///< text area top (y up)
  double bottom = 0; ///< text area bottom limit
  double axis = 0;   ///< mirror axis of a right-to-left document, else 0
};

/// The header and every section of `cv` as blocks, top to bottom (positions
/// relative to each strip's top; pagination places them). Paragraphs are
/// set with `ts`; `resources` are already resolved (no file I/O here).
/// The structure nodes of what they show go into `structure` in reading
/// order, and the blocks' items refer to them. With `date_widths`, appends
/// each section's date column width (0 for a section without dates or
/// locations); with `degree_widths`, each section's RenderCV degree column
/// width.
std::vector<Block> compose_blocks(const Cv& cv, const Style& style, const Resources& resources,
                                  const Presenter& presenter, Typesetter& ts,
                                  const PageGeometry& geometry, StructureBuilder& structure,
                                  std::vector<double>* date_widths = nullptr,
                                  std::vector<double>* degree_widths = nullptr);

} // namespace cvpress::detail

#pragma once
// Right-to-left pages: the layout is built left to right, then mirrored
// around the text area's vertical axis (line boxes as they are placed,
// emit(); shapes at the end, mirror_shapes()).
#include "layout/display_list.hpp"

namespace cvpress::detail {

/// The left edge of a box [x, x + w) mirrored around `axis`.
inline double mirror_box(double axis, double x, double w) { return axis - x - w; }

/// Mirrors the rules, rectangles and images of every page around `axis`
/// (text lines were mirrored line by line when they were placed).
void mirror_shapes(LaidOutDocument& doc, double axis);

} // namespace cvpress::detail

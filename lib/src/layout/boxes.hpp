#pragma once
// The boxes of composition: typeset lines stacked into units (an entry's
// main column, date column and hanging label), units into strips that are
// never split across pages, strips into blocks.
#include "layout/paragraph.hpp"

#include <string>
#include <utility>
#include <vector>

namespace cvpress::detail {

/// A line stack: lines drawn top to bottom, each at its own x.
using Stack = std::vector<std::pair<double, LaidLine>>;

/// The stack's height (its lines' heights summed).
double height_of(const Stack& s);

/// Moves an item by (dx, dy).
void translate(PageItem& item, double dx, double dy);

/// Moves a stack's items into `out`, its top at depth `top` (y up, so items
/// get negative y). `axis` != 0 mirrors the line boxes around it
/// (right-to-left documents): a box at x of width w moves to axis - x - w;
/// its content stays as set.
void emit(Stack& s, double top, std::vector<PageItem>& out, double axis);

/// Appends `lines` to `s`, each at `x`.
void append(Stack& s, double x, std::vector<LaidLine>&& lines);

/// A piece of a block that is never split: placed at one page position.
/// Item x is absolute, y relative to the strip's top (after space_before).
struct Strip {
  double space_before = 0;     ///< gap above it (dropped at the top of a page)
  double stretch = 0;          ///< how far the gap may grow to fill a page
  double shrink = 0;           ///< how far the gap may shrink to save a page
  double height = 0;           ///< its height
  int lines = 1;               ///< text lines in it (the widow/orphan rule counts these)
  std::vector<PageItem> items; ///< its content
  /// Page furniture drawn in the top margin above it (RenderCV's top note),
  /// relative to the page's text-area top: no part of its height or overhang.
  std::vector<PageItem> margin_items;
};

/// Consecutive strips that belong together (an entry, a heading, the header).
struct Block {
  std::vector<Strip> strips;   ///< top to bottom
  bool keep_with_next = false; ///< headings
  std::string bookmark;        ///< non-empty: an outline entry at the block's top
  BlockRef ref;                ///< what it shows (page breaks are reported by it)
  bool list_item = false;      ///< an entry of a list section (item spacing)
};

/// Part of an entry: a main stack with an optional right-aligned aside
/// (dates) and hanging label (bullets, numbers), all starting at the top.
struct Unit {
  double space_before = 0;  ///< gap above it
  double stretch = 0;       ///< how far the gap may grow
  double shrink = 0;        ///< how far the gap may shrink
  Stack main, aside, label; ///< main column, date column, hanging label
  bool splittable = false;  ///< plain paragraph: may break between lines
};

/// True when unit `u` moves up beside the aside of the unit before it (an
/// aside `aside_h` tall beside a main column `main_h` tall): to_block()
/// does so, and composition sets such a unit's first lines narrow.
bool moves_beside(double aside_h, double main_h, const Unit& u);

/// Units become strips: one strip per unit, or, for plain paragraphs and
/// units taller than `page_h`, one strip per main line (the first one
/// taking as many lines as the aside and label need). Short units without
/// an aside first move up beside a taller aside before them. `axis` as in
/// emit().
Block to_block(std::vector<Unit>& units, double page_h, double axis);

} // namespace cvpress::detail

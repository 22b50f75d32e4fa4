#pragma once
// Page breaking: blocks of strips onto pages, chosen over the whole
// document (dynamic programming over the break candidates, each page
// costed: badness of its glue, a split entry, a short last page), then the
// glue set to fill each page; bookmarks; page footers.
#include "layout/boxes.hpp"

#include <string>
#include <vector>

namespace cvpress::detail {

/// The text area of every page: y of its top and of its bottom limit.
struct PageFrame {
  double top = 0;    ///< first strip's top (page height - top margin)
  double bottom = 0; ///< nothing below (bottom margin + footer room)
};

/// How pages may break.
struct BreakRules {
  /// Entries taller than this fraction of the text area may be split
  /// (between lines, with at least two lines on each side).
  double split_fraction = 0.35;
  /// Fitting to a page count: fewer pages first, whatever the glue's badness.
  bool fewest_pages = false;
};

/// The breaks chosen for `blocks`: the index (in the document's strips,
/// empty blocks skipped, counted from 0) of the first strip of every page;
/// the first is 0. Its size is the page count. The search is bounded: each
/// page looks back only over the strips that can fit on it.
std::vector<std::size_t> choose_breaks(const std::vector<Block>& blocks, const PageFrame& frame,
                                       const BreakRules& rules);

/// Places `blocks` on pages of `frame` in `doc` (which gets at least one
/// page) at the breaks choose_breaks() picks, stretching or shrinking the
/// glue between strips to fill each page but the last, with an outline
/// entry for each block's bookmark; records the breaks in doc.breaks.
void paginate(std::vector<Block>& blocks, const PageFrame& frame, LaidOutDocument& doc,
              const BreakRules& rules = {});

/// The page footer: a pattern with {name}, {page}, {pages}.
struct FooterSpec {
  std::string text;         ///< style.footer ("" for none)
  std::string tag;          ///< the CV's language (localised words)
  std::string owner;        ///< {name}: the owner in Latin script
  SpanStyle style;          ///< the footer's look
  double left = 0;          ///< text area left edge
  double width = 0;         ///< text area width
  double margin_bottom = 0; ///< the line box sits on this margin
  double axis = 0;          ///< mirror axis of a right-to-left page, else 0
  /// > 0: the baseline's height above the page's bottom edge, in the margin
  /// (RenderCV's footer); else the line box sits on the margin.
  double baseline = 0;
};

/// Adds the footer line to every page of `doc` (none when `f.text` is empty).
void add_footers(LaidOutDocument& doc, Typesetter& ts, const FooterSpec& f);

} // namespace cvpress::detail

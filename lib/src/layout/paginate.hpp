#pragma once
// Page breaking: blocks of strips onto pages (entries kept whole when they
// fit, headings kept with their first entry), bookmarks, then page footers.
// A later line- and page-breaking algorithm (Knuth-Plass, shaped widths)
// plugs in here and in paragraph.hpp.
#include "layout/boxes.hpp"

#include <string>
#include <vector>

namespace cvpress::detail {

/// The text area of every page: y of its top and of its bottom limit.
struct PageFrame {
  double top = 0;    ///< first strip's top (page height - top margin)
  double bottom = 0; ///< nothing below (bottom margin + footer room)
};

/// Places `blocks` on pages of `frame` in `doc` (which gets at least one
/// page), with an outline entry for each block's bookmark.
void paginate(std::vector<Block>& blocks, const PageFrame& frame, LaidOutDocument& doc);

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
};

/// Adds the footer line to every page of `doc` (none when `f.text` is empty).
void add_footers(LaidOutDocument& doc, Typesetter& ts, const FooterSpec& f);

} // namespace cvpress::detail

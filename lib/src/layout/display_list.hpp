#pragma once
// The laid-out document: a closed set of positioned items per page.
// Contract between layout/ (produces) and the painters (backends/pdf draws it
// with libharu; trace() prints it for golden tests).
// Coordinates are PDF points with the origin at the page's bottom-left, y up.
#include "resources/image.hpp"

#include <cvpress/diagnostics.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cvpress::detail {

class FontFace;

/// A run of text in one face, size and colour, drawn left to right from its
/// baseline origin. `text` is UTF-8 in visual order, already shaped (Arabic
/// presentation forms), every character covered by `face`.
struct TextItem {
  double x = 0;                   ///< baseline start
  double y = 0;                   ///< baseline
  const FontFace* face = nullptr; ///< the face that has every glyph
  double size = 10;               ///< font size in points
  std::uint32_t color = 0;        ///< 0xRRGGBB
  std::string text;               ///< UTF-8, visual order
  double width = 0;               ///< advance width as measured by layout
  /// When not empty: what the run stands for in the text layer, i.e. `text`
  /// with the variation selectors and joiners (U+FE0F, U+200D, ...) that
  /// are not drawn. The PDF painter writes it as /ActualText.
  std::string actual_text;
};

/// A straight line.
struct RuleItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0; ///< end points
  double thickness = 0.5;                ///< line width
  std::uint32_t color = 0;               ///< 0xRRGGBB
};

/// A filled rectangle.
struct RectItem {
  double x = 0, y = 0, width = 0, height = 0; ///< lower-left corner and size
  std::uint32_t color = 0;                    ///< fill, 0xRRGGBB
};

/// A raster image (already validated and fully read).
struct ImageItem {
  double x = 0, y = 0, width = 0, height = 0; ///< placement box
  using Format = ImageFormat;                 ///< PNG or JPEG
  Format format = Format::png;                ///< encoding of `bytes`
  std::string bytes;                          ///< the file's content
  /// Set by layout for a photo resource that passed every check (structure, CRCs and,
  /// for PNG, the inflated data); painters check unmarked images themselves.
  bool checked = false;
};

/// A clickable area.
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0; ///< lower-left corner and size
  std::string uri;                            ///< mailto:, tel:, https://...
};

/// Everything that can be placed on a page: a closed set.
using PageItem = std::variant<TextItem, RuleItem, RectItem, ImageItem, LinkItem>;

/// One page.
struct Page {
  std::vector<PageItem> items; ///< in painting order
};

/// An outline (bookmark) entry pointing at a place.
struct Bookmark {
  std::string title; ///< UTF-8
  int page = 0;      ///< 0-based page index
  double y = 0;      ///< top of the target
};

/// PDF document information.
struct DocumentInfo {
  std::string title;    ///< e.g. "Qinghao Hu – CV"
  std::string author;   ///< the person's name
  std::string subject;  ///< e.g. "Curriculum vitae"
  std::string keywords; ///< optional
};

/// A whole laid-out document.
struct LaidOutDocument {
  double page_width = 595.276;      ///< points
  double page_height = 841.89;      ///< points
  std::vector<Page> pages;          ///< at least one
  std::vector<Bookmark> bookmarks;  ///< one per section, in order
  DocumentInfo info;                ///< metadata
  std::vector<Diagnostic> warnings; ///< e.g. characters no font covers
};

/// Readable text form of every item, coordinates rounded to 0.1 pt, one item
/// per line, for golden tests (SILE-style debug output).
std::string trace(const LaidOutDocument& document);

} // namespace cvpress::detail

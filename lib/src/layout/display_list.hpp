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

/// One shaped glyph of a TextItem. Lengths are in 1/1000 em of the item's
/// size (the unit of PDF glyph widths), so unkerned glyphs need no
/// adjustment in the PDF.
struct ShapedGlyph {
  std::uint32_t gid = 0;     ///< glyph id in the face (not the subset)
  std::int32_t advance = 0;  ///< pen advance after the glyph
  std::int32_t dx = 0;       ///< horizontal offset of the glyph from the pen
  std::int32_t dy = 0;       ///< vertical offset (up) of the glyph
  std::uint32_t cluster = 0; ///< byte offset in `TextItem::text` of its cluster
};

/// A run of text in one face, size and colour, drawn left to right from its
/// baseline origin. Shaped by HarfBuzz (layout/paragraph): `glyphs` in visual
/// order, `text` the UTF-8 characters they stand for in logical order. A
/// TextItem without glyphs is drawn character by character from the cmap
/// (`text` then in visual order).
struct TextItem {
  double x = 0;                    ///< baseline start
  double y = 0;                    ///< baseline
  const FontFace* face = nullptr;  ///< the face that has every glyph
  double size = 10;                ///< font size in points
  std::uint32_t color = 0;         ///< 0xRRGGBB
  std::string text;                ///< UTF-8 (see above)
  std::vector<ShapedGlyph> glyphs; ///< shaped glyphs, visual order (may be empty)
  bool rtl = false;                ///< right-to-left text: `glyphs` run against `text`
  double width = 0;                ///< advance width as measured by layout
  /// When not empty: what the run stands for in the text layer, i.e. `text`
  /// with the variation selectors and joiners (U+FE0F, U+200D, ...) that
  /// are not drawn. The PDF painter writes it as /ActualText.
  std::string actual_text;
  int node = -1; ///< structure node (LaidOutDocument::structure); -1: an artifact
  /// A space follows in the text that is not drawn (the space a line breaks
  /// at, a justified gap): the PDF painter adds a zero-advance space glyph
  /// so the tagged text keeps its word boundaries.
  bool space_after = false;
  /// The last glyph is a hyphen the line break added (not in the CV's
  /// text): tagged PDF draws it as an artifact.
  bool added_hyphen = false;
  /// An ornament, not text (a header icon): the PDF painter wraps it in an
  /// empty /ActualText so it is absent from the text layer (copying,
  /// pdftotext, search). A tagged PDF marks such items /Artifact.
  bool decorative = false;
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
  int node = -1; ///< structure node (a Figure); -1: an artifact
};

/// A clickable area.
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0; ///< lower-left corner and size
  std::string uri;                            ///< mailto:, tel:, https://...
  int node = -1;                              ///< structure node (a Link); -1: none
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
  std::string lang;     ///< BCP 47 language of the document ("en", "zh-CN"); may be empty
};

/// What a block of the layout shows: the header, a section's heading, one
/// of its entries or its marks legend. Indices are the model's.
struct BlockRef {
  /// The kind of block.
  enum class Kind { header, heading, entry, legend };
  Kind kind = Kind::header; ///< the kind
  int section = -1;         ///< index into Cv::sections (heading, entry, legend)
  int entry = -1;           ///< index into the section's entries (entry)
};

/// Where the layout starts a new page: before the block `at`, or inside it
/// (`inside`: an entry taller than the split fraction, broken between lines).
struct PageBreak {
  BlockRef at;         ///< the first block on the new page
  bool inside = false; ///< the break falls inside `at`, not before it
};

/// The role of a structure node: the PDF standard structure types a CV uses.
enum class StructRole : std::uint8_t {
  document, ///< the root
  sect,     ///< the header, or a section
  h1,       ///< the person's name
  h2,       ///< a section title
  p,        ///< a paragraph: a row, a date column, a summary, a legend
  div,      ///< an entry of several paragraphs
  l,        ///< a list (highlights, a publication list, bullets)
  li,       ///< a list item
  lbl,      ///< a list item's label (bullet, number)
  lbody,    ///< a list item's body
  link,     ///< a link; its annotations are in it too
  figure,   ///< the photo (with alt text)
  span,     ///< text inside a paragraph (in another language, or between links)
  artifact, ///< decoration (bullet glyphs): painted as an artifact, not in the tree
};

/// One node of the logical structure (tagged PDF). Nodes are stored in
/// reading order, each after its parent; a node's children are the nodes
/// naming it as their parent, in storage order. Items refer to the node
/// whose content they are; items with no node are artifacts (rules, page
/// footers, decorations).
struct StructNode {
  StructRole role = StructRole::p; ///< the structure type
  int parent = -1;                 ///< index of the parent node (-1: the root only)
  std::string lang;                ///< BCP 47 language when it differs from the document's
  std::string alt;                 ///< alternate text (Figure), or a link's description
  /// The node's text in logical order when its glyphs are drawn in another
  /// order (right-to-left documents) or form (small capitals); written as
  /// the element's /ActualText.
  std::string actual_text;
};

/// A whole laid-out document.
struct LaidOutDocument {
  double page_width = 595.276;      ///< points
  double page_height = 841.89;      ///< points
  std::vector<Page> pages;          ///< at least one
  std::vector<Bookmark> bookmarks;  ///< one per section, in order
  DocumentInfo info;                ///< metadata
  std::vector<Diagnostic> warnings; ///< e.g. characters no font covers
  /// Indices in `warnings` of the characters no font covers (drawn as
  /// U+FFFD), in order; RenderOptions::strict makes the first an error.
  std::vector<std::size_t> missing_glyphs;
  /// One per page after the first: where it starts (the LaTeX backend
  /// breaks its pages at the same places).
  std::vector<PageBreak> breaks;
  double scale = 1; ///< type and leading scale chosen to fit max_pages (1: none)
  /// Sections (indices into Cv::sections) set as lists: every entry a
  /// single row, with the style's item spacing between them.
  std::vector<int> list_sections;
  /// Width of each section's date column (indexed like Cv::sections; 0 for
  /// a section without dates or locations, whose entries run full width).
  std::vector<double> date_widths;
  /// Width of each section's RenderCV degree column (indexed like
  /// Cv::sections): design.entries.degree_width, widened to its longest word.
  std::vector<double> degree_widths;
  /// The logical structure in reading order (node 0 the document); empty
  /// for an untagged document.
  std::vector<StructNode> structure;
};

/// Readable text form of every item, coordinates rounded to 0.1 pt, one item
/// per line, for golden tests (SILE-style debug output).
std::string trace(const LaidOutDocument& document);

} // namespace cvpress::detail

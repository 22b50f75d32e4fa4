#pragma once
// Paragraph typesetting: styled spans -> lines of positioned TextItems and
// LinkItems. Per-character font fallback, ICU line breaking, bidi reordering
// and Arabic shaping live here; the CV layout only deals with spans.
#include "fonts/font_set.hpp"
#include "layout/display_list.hpp"
#include "style/style.hpp"

#include <cvpress/diagnostics.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cvpress::detail {

/// Which font chain of the style a span uses.
/// `icon`: the header icons' font alone (fonts/icons.hpp), for spans of
/// icon code points the caller has checked the face has.
enum class FontRole : std::uint8_t { body, heading, mono, name, icon };

/// The look of a span.
struct SpanStyle {
  FontRole role = FontRole::body;
  bool bold = false;
  bool italic = false;
  double size = 10;
  std::uint32_t color = 0;
  std::string link;           ///< URI; a LinkItem covers the span's text
  bool keep_together = false; ///< no line break inside (unless longer than a line)
  bool hyphenate = true;      ///< words may be hyphenated (never in links, names, kept spans)
  double rise = 0;            ///< baseline shift up, in points (superscripts)
  int node = -1;              ///< structure node of its items (display_list.hpp); -1: artifact
  double space_after = 0;     ///< extra advance after the span's last glyph, in points
  bool decorative = false;    ///< an ornament, not text (TextItem::decorative)
  /// A link never underlined (header connections), even where the style
  /// underlines links (RenderCV's links.underline).
  bool plain_link = false;
};

/// A piece of text in one style.
struct Span {
  std::string text; ///< UTF-8, logical order
  SpanStyle style;
};

/// Horizontal alignment of a paragraph's lines.
enum class Align : std::uint8_t { left, right, center, justify };

/// One typeset line. Item x is relative to the paragraph box's left edge,
/// item y relative to the baseline (y up).
struct LaidLine {
  double width = 0;     ///< natural width of the content
  double height = 0;    ///< line box height
  double baseline = 0;  ///< distance from the line box top down to the baseline
  double box_width = 0; ///< the width the line was set in
  std::vector<PageItem> items;
};

// ------------------------------------------------ font-free line breaking

/// Per-character flags for break_lines().
enum BreakFlag : std::uint8_t {
  break_before = 1,   ///< a line may start at this character
  hard_before = 2,    ///< a line must start at this character
  is_space = 4,       ///< a space: hangs (does not count) at the end of a line
  cluster_start = 8,  ///< emergency (character) breaks are allowed before it
  hyphen_before = 16, ///< a line may end before it with a hyphen added (hyphenation)
  after_hyphen = 32,  ///< the character before is a hyphen the text has
};

/// One line: characters [begin, end); [begin, content_end) without the
/// trailing spaces; `last` for a paragraph's last line or one ended by a
/// hard break (never justified); `hyphen`: ends with an added hyphen.
struct LineRange {
  std::size_t begin = 0, end = 0, content_end = 0;
  bool last = false;
  bool hyphen = false;
};

/// What total-fit line breaking needs besides the characters.
struct BreakSpec {
  /// The measure of line i is widths[min(i, size - 1)] (lines beside a
  /// date column may be narrower than the lines below it); at least one.
  std::span<const double> widths;
  /// Justified: spaces stretch (by half) and shrink (by a third); else
  /// ragged, with a raggedness cost on every line but the last.
  bool justify = false;
  /// Per character: the width of the hyphen a line ending before it (at a
  /// hyphen_before point) gets. Empty: no hyphenation.
  std::span<const double> hyphen;
};

/// How good a paragraph's breaks are.
struct BreakQuality {
  double demerits = 0; ///< total cost (the sum the breaker minimised)
  double worst = 0; ///< worst badness of a line but the last (100: a third empty / fully stretched)
  bool stranded = false;  ///< the last line is one short word
  bool emergency = false; ///< a word had to be broken between characters
  bool overfull = false;  ///< a line is wider than its measure (one character wider than it)
};

/// Total-fit (Knuth–Plass) line breaking over measured characters: the
/// breaks that minimise the paragraph's demerits, (10 + badness)² per line
/// plus penalties (hyphenation, consecutive hyphens, a last line that is one
/// short word). A word longer than its line is broken between characters
/// (cluster starts) instead of overflowing; only a single character wider
/// than the measure overflows.
BreakQuality break_lines(std::span<const double> advances, std::span<const std::uint8_t> flags,
                         const BreakSpec& spec, std::vector<LineRange>& out);

/// break_lines() with one measure, ragged.
BreakQuality break_lines(std::span<const double> advances, std::span<const std::uint8_t> flags,
                         double width, std::vector<LineRange>& out);

/// Greedy (first-fit) line breaking: each line takes as much as fits. The
/// reference the total fit is compared with in tests.
void break_lines_greedy(std::span<const double> advances, std::span<const std::uint8_t> flags,
                        double width, std::vector<LineRange>& out);

// ------------------------------------------------------------- typesetter

/// Width of text set on one line: what composition (label and date column
/// widths, contact packing) asks of the fonts. Typesetter measures with the
/// style's fonts; shaped widths plug in behind the same call.
class TextMeasure {
public:
  virtual ~TextMeasure() = default;
  /// Width of `spans` on one line, in points.
  virtual double measure(std::span<const Span> spans) = 0;
};

/// Typesets paragraphs with the style's fonts. One per layout run (not
/// thread-safe; holds ICU iterators and scratch buffers).
class Typesetter final : public TextMeasure {
public:
  /// `language`: locale for line breaking (RenderCV name or BCP-47 tag).
  /// Uncovered characters are reported once each into `warnings`.
  Typesetter(const Style& style, const std::string& language, std::vector<Diagnostic>& warnings);
  ~Typesetter() override;
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  /// Right-to-left document: paragraphs default to RTL and "left" and
  /// "right" alignment swap (the CV layout mirrors its columns).
  void set_rtl(bool rtl);
  /// Breaks `spans` into lines of at most `width` points.
  std::vector<LaidLine> set(std::span<const Span> spans, double width, Align align,
                            const SourceLocation& where);
  /// Breaks `spans` into lines, line i at most widths[min(i, size - 1)]
  /// points wide (each LaidLine's box_width is its own measure). Words are
  /// hyphenated (in the CV's language) only where that lowers the cost; a
  /// word broken between characters is reported into the warnings.
  std::vector<LaidLine> set(std::span<const Span> spans, std::span<const double> widths,
                            Align align, const SourceLocation& where);
  /// Width of `spans` on one line (no warnings: set() reports them).
  double measure(std::span<const Span> spans) override;
  /// Ascender/descender of a role's first face, in em.
  FaceMetrics role_metrics(FontRole role);
  /// Line box height for text of `size`.
  double line_height(double size) const;
  /// Indices in the warnings vector of the "no installed font has"
  /// warnings reported so far.
  const std::vector<std::size_t>& missing_glyphs() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// ICU locale id for a RenderCV language name or BCP-47 tag ("english" -> "en").
std::string icu_locale_for(const std::string& language);

} // namespace cvpress::detail

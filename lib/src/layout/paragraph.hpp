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
enum class FontRole : std::uint8_t { body, heading, mono, name };

/// The look of a span.
struct SpanStyle {
  FontRole role = FontRole::body;
  bool bold = false;
  bool italic = false;
  double size = 10;
  std::uint32_t color = 0;
  std::string link;           ///< URI; a LinkItem covers the span's text
  bool keep_together = false; ///< no line break inside (unless longer than a line)
  double rise = 0;            ///< baseline shift up, in points (superscripts)
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
  break_before = 1,  ///< a line may start at this character
  hard_before = 2,   ///< a line must start at this character
  is_space = 4,      ///< a space: hangs (does not count) at the end of a line
  cluster_start = 8, ///< emergency (character) breaks are allowed before it
};

/// One line: characters [begin, end); [begin, content_end) without the
/// trailing spaces; `last` for a paragraph's last line or one ended by a
/// hard break (never justified).
struct LineRange {
  std::size_t begin = 0, end = 0, content_end = 0;
  bool last = false;
};

/// Greedy line breaking over measured characters: breaks at the latest
/// allowed position that fits `width`; a word longer than a line is broken
/// between characters (cluster starts) instead of overflowing.
void break_lines(std::span<const double> advances, std::span<const std::uint8_t> flags,
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

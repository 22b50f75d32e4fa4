#pragma once
// Model text to styled spans: rich text (bold, italic, links, code, math),
// settings.bold_keywords, small capitals.
#include "layout/paragraph.hpp"
#include "text/keywords.hpp"

#include <cvpress/model.hpp>

#include <string>
#include <vector>

namespace cvpress::detail {

/// Makes spans in a style's body look.
class SpanMaker {
public:
  /// `bold_keywords`: settings.bold_keywords (bold wherever they occur).
  SpanMaker(const Style& style, const std::vector<std::string>& bold_keywords)
      : style_(style), keywords_(bold_keywords) {}

  /// Body text: the style's size and colour.
  [[nodiscard]] SpanStyle body(bool bold = false, bool italic = false) const;
  /// Text size of footers and the marks legend.
  [[nodiscard]] double footer_size() const {
    return style_.body_size * (style_.rendercv_dates ? 0.9 : 0.8); // RenderCV: 0.9em
  }
  /// Appends `rt` in `base` (its own bold, italic and links on top; links in
  /// the primary colour; code in the mono font; bold keywords marked).
  void rich(std::vector<Span>& out, const RichText& rt, const SpanStyle& base) const;
  /// rich() into a new list.
  [[nodiscard]] std::vector<Span> rich(const RichText& rt, const SpanStyle& base) const;
  /// Appends `s` in `style` unless it is empty.
  static void text(std::vector<Span>& out, std::string s, const SpanStyle& style);

private:
  const Style& style_;
  const KeywordMatcher keywords_; // settings.bold_keywords, one pass over the text

  void push_with_keywords(std::vector<Span>& out, Span sp) const;
};

/// Small capitals: lower-case letters become capitals at 80% size.
std::vector<Span> small_caps(const std::string& text, const SpanStyle& style);

} // namespace cvpress::detail

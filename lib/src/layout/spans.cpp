// Model text to styled spans.
#include "layout/spans.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace cvpress::detail {

SpanStyle SpanMaker::body(bool bold, bool italic) const {
  SpanStyle s;
  s.size = style_.body_size;
  s.color = style_.text_color;
  s.bold = bold;
  s.italic = italic;
  return s;
}

void SpanMaker::rich(std::vector<Span>& out, const RichText& rt, const SpanStyle& base) const {
  for (const auto& run : rt.runs) {
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          Span sp;
          sp.style = base;
          sp.style.bold = base.bold || r.format.bold;
          sp.style.italic = base.italic || r.format.italic;
          if (!r.format.link.empty()) {
            sp.style.link = r.format.link;
            sp.style.color = style_.primary_color; // links look like links (classic)
          }
          if constexpr (std::is_same_v<T, MathRun>) {
            sp.text = r.unicode;
          } else {
            sp.text = r.text;
            if constexpr (std::is_same_v<T, CodeRun>)
              sp.style.role = FontRole::mono;
          }
          if constexpr (std::is_same_v<T, TextRun>)
            push_with_keywords(out, std::move(sp));
          else if (!sp.text.empty())
            out.push_back(std::move(sp));
        },
        run);
  }
}

// settings.bold_keywords: every occurrence in ordinary text is bold.
void SpanMaker::push_with_keywords(std::vector<Span>& out, Span sp) const {
  if (sp.text.empty())
    return;
  if (sp.style.bold || keywords_.empty()) {
    out.push_back(std::move(sp));
    return;
  }
  std::size_t from = 0; // one pass over the text (text/keywords.hpp)
  for (auto [at, len] : keywords_.find_all(sp.text)) {
    if (at > from)
      out.push_back(Span{sp.text.substr(from, at - from), sp.style});
    out.push_back(Span{sp.text.substr(at, len), sp.style});
    out.back().style.bold = true;
    from = at + len;
  }
  if (from < sp.text.size())
    out.push_back(Span{from == 0 ? std::move(sp.text) : sp.text.substr(from), sp.style});
}

std::vector<Span> SpanMaker::rich(const RichText& rt, const SpanStyle& base) const {
  std::vector<Span> out;
  rich(out, rt, base);
  return out;
}

void SpanMaker::text(std::vector<Span>& out, std::string s, const SpanStyle& style) {
  if (!s.empty())
    out.push_back(Span{std::move(s), style});
}

std::vector<Span> small_caps(const std::string& text, const SpanStyle& style) {
  std::vector<Span> out;
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0)
      c = 0xFFFD;
    const bool small = u_islower(c);
    if (out.empty() || (out.back().style.size < style.size) != small) {
      out.push_back(Span{"", style});
      if (small)
        out.back().style.size = style.size * 0.8;
    }
    const UChar32 u = small ? u_toupper(c) : c;
    char buf[4];
    std::int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, u);
    out.back().text.append(buf, static_cast<std::size_t>(k));
  }
  return out;
}

} // namespace cvpress::detail

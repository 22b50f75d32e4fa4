#include "layout/paragraph.hpp"
#include "text/unicode.hpp"

#include "text/locale_format.hpp"

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <unordered_set>

namespace cvpress::detail {

// ------------------------------------------------------------ break_lines

void break_lines(std::span<const double> adv, std::span<const std::uint8_t> flags, double width,
                 std::vector<LineRange>& out) {
  out.clear();
  const std::size_t n = adv.size();
  if (width < 1)
    width = 1;
  std::size_t start = 0;
  while (start < n) {
    std::size_t end = n;
    bool hard = false;
    std::size_t last_break = 0; // 0 = none (a break at `start` is useless)
    double w = 0;
    for (std::size_t k = start; k < n; ++k) {
      if (k > start && (flags[k] & hard_before)) {
        end = k;
        hard = true;
        break;
      }
      if (k > start && (flags[k] & break_before))
        last_break = k;
      if (!(flags[k] & is_space) && w + adv[k] > width + 1e-6) {
        if (last_break > start) {
          end = last_break;
        } else {
          // Over-long word: break before this character (at a cluster start),
          // keeping at least one cluster on the line.
          std::size_t e = k;
          while (e > start && !(flags[e] & cluster_start))
            --e;
          if (e == start) {
            e = start + 1;
            while (e < n && !(flags[e] & cluster_start))
              ++e;
          }
          end = e;
        }
        break;
      }
      w += adv[k];
    }
    std::size_t content_end = end;
    while (content_end > start && (flags[content_end - 1] & is_space))
      --content_end;
    out.push_back({start, end, content_end, hard || end == n});
    start = end;
  }
}

// ---------------------------------------------------------------- helpers

std::string icu_locale_for(const std::string& language) {
  std::string id = resolve_language(language);
  std::replace(id.begin(), id.end(), '-', '_');
  return id.empty() ? "en" : id;
}

namespace {

bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF);
}

// Variation selectors, the zero-width joiner and tag characters: parts of
// emoji sequences that are not drawn but kept in the text layer.
bool is_sequence_mark(char32_t cp) {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || (cp >= 0xE0020 && cp <= 0xE007F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_rtl(char32_t cp) {
  if (cp < 0x0590)
    return false;
  auto d = u_charDirection(static_cast<UChar32>(cp));
  return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_RIGHT_TO_LEFT_EMBEDDING ||
         d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_RIGHT_TO_LEFT_ISOLATE;
}

// One character of a paragraph, after shaping and font selection.
struct Glyph {
  char32_t cp = 0;                // the character drawn
  std::uint32_t u16 = 0;          // offset in the paragraph's UTF-16 text
  std::uint32_t span = 0;         // index of its span
  const FontFace* face = nullptr; // nullptr: not drawn (controls, ignorables)
};

} // namespace

// ------------------------------------------------------------- Typesetter

struct Typesetter::Impl {
  const Style& style;
  std::vector<Diagnostic>& warnings;
  std::unordered_set<char32_t> warned;
  std::array<std::optional<FontChain>, 16> chains; // role x bold x italic
  std::array<std::optional<FaceMetrics>, 4> role_metrics;
  UBreakIterator* breaker = nullptr;
  UBiDi* para = nullptr;
  UBiDi* line = nullptr;

  // Scratch buffers, reused by every paragraph.
  std::u16string text16, piece16, shaped16;
  std::vector<std::uint32_t> span_start16;
  std::vector<Glyph> glyphs;
  std::vector<double> adv;
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> u16_to_glyph;
  std::vector<LineRange> ranges;
  std::vector<std::uint32_t> order; // glyph index | rtl bit
  bool has_rtl = false;
  bool rtl_document = false;

  Impl(const Style& s, std::vector<Diagnostic>& w) : style(s), warnings(w) {}
  ~Impl() {
    if (breaker)
      ubrk_close(breaker);
    if (line)
      ubidi_close(line);
    if (para)
      ubidi_close(para);
  }

  const FontChain& chain(const SpanStyle& s) {
    std::size_t i = static_cast<std::size_t>(s.role) * 4 + (s.bold ? 2 : 0) + (s.italic ? 1 : 0);
    auto& c = chains[i];
    if (!c) {
      std::vector<std::string> families;
      if (s.role == FontRole::mono)
        families.push_back("DejaVu Sans Mono");
      const FontChainSpec* spec = &style.body_fonts;
      if (s.role == FontRole::heading && !style.heading_fonts.families.empty())
        spec = &style.heading_fonts;
      if (s.role == FontRole::name)
        spec = !style.name_fonts.families.empty()      ? &style.name_fonts
               : !style.heading_fonts.families.empty() ? &style.heading_fonts
                                                       : spec;
      families.insert(families.end(), spec->families.begin(), spec->families.end());
      std::vector<const FontFace*> faces;
      for (const auto& f : families)
        if (const FontFace* face = FontCatalog::shared().find(f, s.bold, s.italic))
          faces.push_back(face);
      if (faces.empty())
        throw RenderError("no usable font: none of the style's font families is installed");
      c.emplace(std::move(faces));
    }
    return *c;
  }

  void warn_uncovered(char32_t cp, const SourceLocation& where, bool replaced_by_fffd) {
    if (!warned.insert(cp).second)
      return;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string msg = "no installed font has ";
    msg += code;
    msg += " '";
    append_utf8(msg, cp);
    msg += replaced_by_fffd ? "'; drawn as U+FFFD" : "'; drawn as '?'";
    warnings.push_back(Diagnostic{Severity::warning, where, "", std::move(msg)});
  }

  // Builds text16, glyphs, adv and flags for `spans` (no line breaking).
  // `where` == nullptr: measuring only, no warnings.
  void prepare(std::span<const Span> spans, const SourceLocation* where) {
    text16.clear();
    span_start16.clear();
    has_rtl = false;
    for (const auto& sp : spans) {
      span_start16.push_back(static_cast<std::uint32_t>(text16.size()));
      piece16.clear();
      bool arabic = false;
      const auto* s = reinterpret_cast<const std::uint8_t*>(sp.text.data());
      std::int32_t i = 0, len = static_cast<std::int32_t>(sp.text.size());
      while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0)
          c = 0xFFFD;
        arabic = arabic || is_arabic_letter(static_cast<char32_t>(c));
        has_rtl = has_rtl || is_rtl(static_cast<char32_t>(c));
        if (c <= 0xFFFF) {
          piece16 += static_cast<char16_t>(c);
        } else {
          piece16 += static_cast<char16_t>(U16_LEAD(c));
          piece16 += static_cast<char16_t>(U16_TRAIL(c));
        }
      }
      if (arabic) {
        // Letters to presentation forms (per span; lam-alef may shrink the text).
        UErrorCode st = U_ZERO_ERROR;
        shaped16.resize(piece16.size() * 2 + 4);
        const std::uint32_t opts =
            U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK;
        std::int32_t out =
            u_shapeArabic(piece16.data(), static_cast<std::int32_t>(piece16.size()),
                          shaped16.data(), static_cast<std::int32_t>(shaped16.size()), opts, &st);
        if (U_SUCCESS(st)) {
          shaped16.resize(static_cast<std::size_t>(out));
          piece16.swap(shaped16);
        }
      }
      text16 += piece16;
    }
    span_start16.push_back(static_cast<std::uint32_t>(text16.size()));

    glyphs.clear();
    adv.clear();
    flags.clear();
    u16_to_glyph.assign(text16.size() + 1, 0);
    std::uint32_t span = 0;
    const std::int32_t n16 = static_cast<std::int32_t>(text16.size());
    std::int32_t i = 0;
    while (i < n16) {
      const std::int32_t at = i;
      UChar32 c;
      U16_NEXT(text16.data(), i, n16, c);
      while (span + 1 < spans.size() && static_cast<std::uint32_t>(at) >= span_start16[span + 1])
        ++span;
      const auto g = static_cast<std::uint32_t>(glyphs.size());
      for (std::int32_t k = at; k < i; ++k)
        u16_to_glyph[static_cast<std::size_t>(k)] = g;
      Glyph gl{static_cast<char32_t>(c), static_cast<std::uint32_t>(at), span, nullptr};
      std::uint8_t fl = 0;
      double a = 0;
      const SpanStyle& st = spans[span].style;
      const auto gc = U_GET_GC_MASK(c);
      if (c == '\t')
        gl.cp = c = ' ';
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
        fl |= is_space;
      } else if ((gc & (U_GC_CC_MASK | U_GC_CF_MASK)) ||
                 u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        // Controls, bidi marks, ZWJ, variation selectors: not drawn.
      } else {
        const FontChain& ch = chain(st);
        int fi = ch.face_for(gl.cp);
        if (fi < 0) {
          int rep = ch.face_for(0xFFFD);
          if (where)
            warn_uncovered(gl.cp, *where, rep >= 0);
          if (rep >= 0) {
            gl.cp = 0xFFFD;
            fi = rep;
          } else {
            gl.cp = '?';
            fi = ch.face_for('?');
          }
        }
        if (fi >= 0) {
          gl.face = &ch.face(static_cast<std::size_t>(fi));
          a = pdf_advance_em(*gl.face, gl.cp) * st.size;
        }
        if (c == ' ')
          fl |= is_space;
      }
      if (!(gc & U_GC_M_MASK))
        fl |= cluster_start;
      glyphs.push_back(gl);
      adv.push_back(a);
      flags.push_back(fl);
    }
    u16_to_glyph[text16.size()] = static_cast<std::uint32_t>(glyphs.size());
  }

  void find_breaks(std::span<const Span> spans) {
    if (glyphs.empty())
      return;
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(breaker, text16.data(), static_cast<std::int32_t>(text16.size()), &st);
    if (U_FAILURE(st))
      return;
    for (std::int32_t b = ubrk_next(breaker); b != UBRK_DONE; b = ubrk_next(breaker)) {
      if (b <= 0 || static_cast<std::size_t>(b) >= text16.size())
        continue;
      const std::uint32_t g = u16_to_glyph[static_cast<std::size_t>(b)];
      flags[g] |= break_before;
      const std::int32_t status = ubrk_getRuleStatus(breaker);
      if (status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT)
        flags[g] |= hard_before;
    }
    // Spans kept together lose their inner (soft) break opportunities.
    for (std::size_t s = 0; s < spans.size(); ++s) {
      if (!spans[s].style.keep_together)
        continue;
      const std::uint32_t g0 = u16_to_glyph[span_start16[s]];
      const std::uint32_t g1 = u16_to_glyph[span_start16[s + 1]];
      for (std::uint32_t g = g0 + 1; g < g1; ++g)
        flags[g] &= static_cast<std::uint8_t>(~break_before);
    }
  }

  // Fills `order` with the line's glyphs in visual order.
  void visual_order(const LineRange& r) {
    order.clear();
    if (!has_rtl) {
      for (std::size_t g = r.begin; g < r.content_end; ++g)
        order.push_back(static_cast<std::uint32_t>(g));
      return;
    }
    const std::int32_t b16 = static_cast<std::int32_t>(glyphs[r.begin].u16);
    const std::int32_t e16 = r.content_end < glyphs.size()
                                 ? static_cast<std::int32_t>(glyphs[r.content_end].u16)
                                 : static_cast<std::int32_t>(text16.size());
    UErrorCode st = U_ZERO_ERROR;
    ubidi_setLine(para, b16, e16, line, &st);
    const std::int32_t runs = U_SUCCESS(st) ? ubidi_countRuns(line, &st) : 0;
    if (U_FAILURE(st)) {
      for (std::size_t g = r.begin; g < r.content_end; ++g)
        order.push_back(static_cast<std::uint32_t>(g));
      return;
    }
    for (std::int32_t i = 0; i < runs; ++i) {
      std::int32_t ls = 0, len = 0;
      const UBiDiDirection dir = ubidi_getVisualRun(line, i, &ls, &len);
      if (len <= 0)
        continue;
      const std::uint32_t g0 = u16_to_glyph[static_cast<std::size_t>(b16 + ls)];
      const std::uint32_t g1 = u16_to_glyph[static_cast<std::size_t>(b16 + ls + len - 1)];
      if (dir == UBIDI_RTL) {
        // Clusters right to left, each kept base-first so that combining
        // marks (harakat, niqqud) follow their base as the fonts expect.
        std::uint32_t end = g1 + 1;
        while (end > g0) {
          std::uint32_t start = end - 1;
          while (start > g0 && !(flags[start] & cluster_start))
            --start;
          for (std::uint32_t g = start; g < end; ++g)
            order.push_back(g | 0x80000000u);
          end = start;
        }
      } else {
        for (std::uint32_t g = g0; g <= g1; ++g)
          order.push_back(g);
      }
    }
  }
};

Typesetter::Typesetter(const Style& style, const std::string& language,
                       std::vector<Diagnostic>& warnings)
    : impl_(std::make_unique<Impl>(style, warnings)) {
  UErrorCode st = U_ZERO_ERROR;
  const std::string loc = icu_locale_for(language);
  impl_->breaker = ubrk_open(UBRK_LINE, loc.c_str(), nullptr, 0, &st);
  if (U_FAILURE(st)) {
    st = U_ZERO_ERROR;
    impl_->breaker = ubrk_open(UBRK_LINE, "en", nullptr, 0, &st);
  }
  if (U_FAILURE(st))
    throw RenderError(std::string("ICU line break iterator: ") + u_errorName(st));
  impl_->para = ubidi_open();
  impl_->line = ubidi_open();
}

Typesetter::~Typesetter() = default;

double Typesetter::line_height(double size) const { return size * impl_->style.line_spacing; }

FaceMetrics Typesetter::role_metrics(FontRole role) {
  auto& m = impl_->role_metrics[static_cast<std::size_t>(role)];
  if (!m) {
    SpanStyle s;
    s.role = role;
    m = metrics(impl_->chain(s).face(0));
  }
  return *m;
}

double Typesetter::measure(std::span<const Span> spans) {
  impl_->prepare(spans, nullptr);
  double w = 0;
  for (double a : impl_->adv)
    w += a;
  return w;
}

void Typesetter::set_rtl(bool rtl) { impl_->rtl_document = rtl; }

std::vector<LaidLine> Typesetter::set(std::span<const Span> spans, double width, Align align,
                                      const SourceLocation& where) {
  Impl& m = *impl_;
  if (m.rtl_document && align == Align::left)
    align = Align::right;
  else if (m.rtl_document && align == Align::right)
    align = Align::left;
  m.prepare(spans, &where);
  std::vector<LaidLine> lines;
  if (m.glyphs.empty())
    return lines;
  m.find_breaks(spans);
  break_lines(m.adv, m.flags, width, m.ranges);
  if (m.has_rtl) {
    UErrorCode st = U_ZERO_ERROR;
    ubidi_setPara(m.para, m.text16.data(), static_cast<std::int32_t>(m.text16.size()),
                  m.rtl_document ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR, nullptr, &st);
    if (U_FAILURE(st))
      m.has_rtl = false;
  }
  lines.reserve(m.ranges.size());
  for (const LineRange& r : m.ranges) {
    LaidLine ln;
    double max_size = 0;
    FontRole role = FontRole::body;
    double content = 0;
    int spaces = 0;
    double space_w = 0;
    for (std::size_t g = r.begin; g < r.end; ++g) {
      const SpanStyle& st = spans[m.glyphs[g].span].style;
      if (st.size > max_size) {
        max_size = st.size;
        role = st.role;
      }
      if (g < r.content_end) {
        content += m.adv[g];
        if ((m.flags[g] & is_space) && m.glyphs[g].face) {
          ++spaces;
          space_w += m.adv[g];
        }
      }
    }
    const FaceMetrics fm = role_metrics(role);
    ln.width = content;
    ln.box_width = width;
    ln.height = line_height(max_size);
    ln.baseline = ln.height / 2 + (fm.ascender + fm.descender) / 2 * max_size;

    double x = 0, extra = 0;
    if (align == Align::right)
      x = width - content;
    else if (align == Align::center)
      x = (width - content) / 2;
    else if (align == Align::justify && !r.last && spaces > 0 && content < width)
      extra = (width - content) / spaces;
    // A line that would need spaces over four times their width stays ragged.
    if (extra * spaces > 3 * space_w)
      extra = 0;
    if (align == Align::justify && extra == 0 && m.rtl_document)
      x = width - content; // unjustified lines of a right-to-left document
    x = std::max(0.0, x);
    const bool split_words = extra > 0;

    m.visual_order(r);
    // Group consecutive glyphs of one span and face into TextItems.
    TextItem cur;
    std::uint32_t cur_span = UINT32_MAX;
    bool open = false;
    std::uint32_t link_span = UINT32_MAX;
    double link_x0 = 0, link_x1 = 0;
    const double asc_limit = ln.baseline, desc_limit = ln.baseline - ln.height;
    auto flush_link = [&] {
      if (link_span == UINT32_MAX)
        return;
      const SpanStyle& st = spans[link_span].style;
      const FaceMetrics lm = role_metrics(st.role);
      const double y0 = std::max(lm.descender * st.size, desc_limit);
      const double y1 = std::min(lm.ascender * st.size, asc_limit);
      ln.items.emplace_back(LinkItem{link_x0, y0, link_x1 - link_x0, y1 - y0, st.link});
      link_span = UINT32_MAX;
    };
    auto flush = [&] {
      if (!open)
        return;
      open = false;
      const SpanStyle& st = spans[cur_span].style;
      if (!st.link.empty()) {
        if (link_span == cur_span) {
          link_x1 = cur.x + cur.width;
        } else {
          flush_link();
          link_span = cur_span;
          link_x0 = cur.x;
          link_x1 = cur.x + cur.width;
        }
      } else {
        flush_link();
      }
      // Blank pieces (a lone space between two styles) draw nothing.
      if (cur.text.find_first_not_of(' ') != std::string::npos)
        ln.items.emplace_back(std::move(cur));
      cur = TextItem{};
    };
    for (std::uint32_t o : m.order) {
      const std::uint32_t g = o & 0x7FFFFFFFu;
      const Glyph& gl = m.glyphs[g];
      if (!gl.face) {
        // An emoji's variation selector or joiner joins the run before it.
        if (open && gl.span == cur_span && !(o & 0x80000000u) && is_sequence_mark(gl.cp)) {
          if (cur.actual_text.empty())
            cur.actual_text = cur.text;
          append_utf8(cur.actual_text, gl.cp);
        }
        continue;
      }
      const double a = m.adv[g];
      if (split_words && (m.flags[g] & is_space)) {
        flush();
        x += a + extra;
        continue;
      }
      if (!open || gl.span != cur_span || gl.face != cur.face) {
        flush();
        const SpanStyle& st = spans[gl.span].style;
        cur.x = x;
        cur.y = st.rise;
        cur.face = gl.face;
        cur.size = st.size;
        cur.color = st.color;
        cur_span = gl.span;
        open = true;
      }
      char32_t cp = gl.cp;
      if ((o & 0x80000000u) && u_isMirrored(static_cast<UChar32>(cp)))
        cp = static_cast<char32_t>(u_charMirror(static_cast<UChar32>(cp)));
      append_utf8(cur.text, cp);
      if (!cur.actual_text.empty())
        append_utf8(cur.actual_text, cp);
      cur.width += a;
      x += a;
    }
    flush();
    flush_link();
    lines.push_back(std::move(ln));
  }
  return lines;
}

} // namespace cvpress::detail

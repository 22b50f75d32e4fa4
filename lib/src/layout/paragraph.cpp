#include "layout/paragraph.hpp"
#include "fonts/icons.hpp"
#include "text/unicode.hpp"

#include "text/hyphenate.hpp"
#include "text/locale_format.hpp"

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <hb.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace cvpress::detail {

// ------------------------------------------------------------ break_lines

void break_lines_greedy(std::span<const double> adv, std::span<const std::uint8_t> flags,
                        double width, std::vector<LineRange>& out) {
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

namespace {

// Costs, in TeX's units: a line's demerits are (10 + badness)² plus the
// squares of its penalties.
constexpr double k_line_penalty = 10;
constexpr double k_hyphen_penalty = 50 * 50;    // a hyphen added (\hyphenpenalty)
constexpr double k_ex_hyphen_penalty = 50 * 50; // after a hyphen the text has
constexpr double k_double_hyphen = 10000;       // two hyphenated lines in a row
constexpr double k_final_hyphen = 5000;         // the last line ends a hyphenated word
constexpr double k_stranded = 1e7;              // last line: one short word
constexpr double k_stranded_fraction = 0.3;     // "short": under this much of the measure
constexpr double k_emergency = 1e8;             // a word broken between characters
constexpr double k_overfull = 1e12;             // a line wider than its measure
constexpr double k_ragged_stretch = 1.0 / 3;    // ragged: badness 100 at a third empty
constexpr double k_max_badness = 1e5;           // (10 + 1e5)² stays below k_overfull

enum class Kind : std::uint8_t { normal, hyphen, emergency, forced };

struct Candidate {
  std::size_t pos = 0; // a line may start here
  std::size_t ce = 0;  // the previous line's content end when it ends here
  Kind kind = Kind::normal;
};

} // namespace

BreakQuality break_lines(std::span<const double> adv, std::span<const std::uint8_t> flags,
                         double width, std::vector<LineRange>& out) {
  const double w[1] = {width};
  return break_lines(adv, flags, BreakSpec{w, false, {}}, out);
}

BreakQuality break_lines(std::span<const double> adv, std::span<const std::uint8_t> flags,
                         const BreakSpec& spec, std::vector<LineRange>& out) {
  out.clear();
  const std::size_t n = adv.size();
  if (n == 0)
    return {};
  std::vector<double> widths(spec.widths.begin(), spec.widths.end());
  if (widths.empty())
    widths.push_back(1);
  for (double& v : widths)
    v = std::max(v, 1.0);
  const std::size_t classes = widths.size();
  const double min_w = *std::min_element(widths.begin(), widths.end());
  const double max_w = *std::max_element(widths.begin(), widths.end());
  const bool hyphens = spec.hyphen.size() == n;

  // Prefix sums: advances, space advances, space count.
  std::vector<double> x(n + 1, 0), sp(n + 1, 0);
  std::vector<std::uint32_t> nsp(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const bool space = flags[i] & is_space;
    x[i + 1] = x[i] + adv[i];
    sp[i + 1] = sp[i] + (space ? adv[i] : 0);
    nsp[i + 1] = nsp[i] + (space ? 1 : 0);
  }
  auto content_end = [&](std::size_t p) {
    while (p > 0 && (flags[p - 1] & is_space))
      --p;
    return p;
  };

  // Break candidates; words wider than the narrowest measure get emergency
  // candidates between their clusters.
  std::vector<Candidate> cands;
  cands.push_back({0, 0, Kind::normal});
  auto add = [&](std::size_t p, Kind k) {
    const std::size_t prev = cands.back().pos;
    const std::size_t ce = content_end(p);
    if (x[std::max(ce, prev)] - x[prev] > min_w + 1e-6) {
      for (std::size_t q = prev + 1; q < ce; ++q)
        if ((flags[q] & cluster_start) && !(flags[q] & is_space))
          cands.push_back({q, q, Kind::emergency});
    }
    cands.push_back({p, ce, k});
  };
  for (std::size_t p = 1; p < n; ++p) {
    const std::uint8_t f = flags[p];
    if (f & hard_before)
      add(p, Kind::forced);
    else if (f & break_before)
      add(p, Kind::normal);
    else if (hyphens && (f & hyphen_before) && spec.hyphen[p] > 0)
      add(p, Kind::hyphen);
  }
  add(n, Kind::forced);

  // Dynamic programming over (candidate, line class, ended hyphenated).
  const std::size_t m = cands.size();
  const std::size_t per = classes * 2;
  std::vector<double> best(m * per, std::numeric_limits<double>::infinity());
  std::vector<std::uint32_t> from(m * per, UINT32_MAX);
  best[0] = 0;

  struct Line {
    double demerits = 0, badness = 0;
    bool overfull = false, stranded = false;
  };
  // The line from candidate j (line class cls, the line before ended
  // hyphenated: hy) to candidate k.
  auto line = [&](std::size_t j, std::size_t cls, bool hy, std::size_t k) {
    Line l;
    const Candidate& a = cands[j];
    const Candidate& b = cands[k];
    const double wd = widths[std::min(cls, classes - 1)];
    const std::size_t ce = std::max(b.ce, a.pos);
    double w = x[ce] - x[a.pos];
    if (b.kind == Kind::hyphen)
      w += spec.hyphen[b.pos];
    const bool last = b.kind == Kind::forced;
    const double diff = wd - w;
    const double spaces = sp[ce] - sp[a.pos];
    if (last) {
      l.overfull = diff < -1e-6;
    } else if (spec.justify) {
      const double stretch = spaces / 2, shrink = spaces / 3;
      if (diff >= 0) {
        // Past TeX's 10000 (stretch ratio 4.64) the badness still grows,
        // linearly, to a cap far below an overfull line's cost: of two lines
        // too loose to justify, the fuller one wins ("Thesis: Efficient ...
        // for" over "Thesis:" alone). A line without spaces stretches as if
        // it had half a point.
        const double r = diff / std::max(stretch, 0.5);
        l.badness = diff <= 0.5 && stretch <= 0 ? 0.0
                    : r <= 4.6416               ? 100 * r * r * r
                                  : std::min(k_max_badness, 10000 + 100 * (r - 4.6416));
      } else if (-diff <= shrink + 1e-6)
        l.badness = 100 * std::pow(-diff / shrink, 3);
      else
        l.overfull = true;
    } else {
      if (diff < -1e-6)
        l.overfull = true;
      else
        l.badness = 100 * std::pow(diff / (wd * k_ragged_stretch), 3);
    }
    const bool ends_hyphen = b.kind == Kind::hyphen ||
                             (b.kind == Kind::normal && b.pos < n && (flags[b.pos] & after_hyphen));
    double d = (k_line_penalty + l.badness) * (k_line_penalty + l.badness);
    if (b.kind == Kind::hyphen)
      d += k_hyphen_penalty;
    else if (ends_hyphen)
      d += k_ex_hyphen_penalty;
    if (hy && ends_hyphen)
      d += k_double_hyphen;
    if (hy && last)
      d += k_final_hyphen;
    if (b.kind == Kind::emergency)
      d += k_emergency;
    // A last line of one short word under other lines ("Sparse / Attention").
    if (last && j > 0 && a.pos > 0 && !(flags[a.pos] & hard_before) && nsp[ce] == nsp[a.pos] &&
        w < k_stranded_fraction * max_w) {
      d += k_stranded;
      l.stranded = true;
    }
    if (l.overfull)
      d += k_overfull * (1 + (w - wd));
    l.demerits = d;
    return l;
  };

  for (std::size_t j = 0; j + 1 < m; ++j) {
    for (std::size_t cls = 0; cls < classes; ++cls)
      for (int hy = 0; hy < 2; ++hy) {
        const std::size_t s = j * per + cls * 2 + static_cast<std::size_t>(hy);
        if (best[s] == std::numeric_limits<double>::infinity())
          continue;
        bool fitted = false;
        for (std::size_t k = j + 1; k < m; ++k) {
          const Line l = line(j, cls, hy != 0, k);
          if (l.overfull) {
            // A hyphen point may overflow where the word's end would not.
            if (cands[k].kind == Kind::hyphen &&
                x[cands[k].ce] - x[cands[j].pos] <= widths[std::min(cls, classes - 1)])
              continue;
            if (fitted)
              break;
          }
          const Kind kind = cands[k].kind;
          const bool ends_hyphen =
              kind == Kind::hyphen ||
              (kind == Kind::normal && cands[k].pos < n && (flags[cands[k].pos] & after_hyphen));
          const std::size_t t =
              k * per + std::min(cls + 1, classes - 1) * 2 + (ends_hyphen ? 1 : 0);
          const double d = best[s] + l.demerits;
          if (d < best[t]) {
            best[t] = d;
            from[t] = static_cast<std::uint32_t>(s);
          }
          if (l.overfull || kind == Kind::forced)
            break; // the least overfull line only; never past a hard break
          fitted = true;
        }
      }
  }

  std::size_t s = (m - 1) * per;
  for (std::size_t t = s; t < m * per; ++t)
    if (best[t] < best[s])
      s = t;
  std::vector<std::size_t> path; // state indices, last first
  for (std::size_t t = s; t != 0 && t != UINT32_MAX; t = from[t])
    path.push_back(t);
  BreakQuality q;
  q.demerits = best[s];
  std::size_t prev = 0;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const std::size_t j = prev / per, k = *it / per;
    const Line l = line(j, (prev % per) / 2, (prev % 2) != 0, k);
    const Candidate& a = cands[j];
    const Candidate& b = cands[k];
    out.push_back(
        {a.pos, b.pos, std::max(b.ce, a.pos), b.kind == Kind::forced, b.kind == Kind::hyphen});
    if (b.kind != Kind::forced)
      q.worst = std::max(q.worst, l.badness);
    q.stranded = q.stranded || l.stranded;
    q.overfull = q.overfull || l.overfull;
    q.emergency = q.emergency || b.kind == Kind::emergency;
    prev = *it;
  }
  return q;
}

// ---------------------------------------------------------------- helpers

std::string icu_locale_for(const std::string& language) {
  std::string id = resolve_language(language);
  std::replace(id.begin(), id.end(), '-', '_');
  return id.empty() ? "en" : id;
}

namespace {

// Scripts whose text the style's fonts are trusted with; any other script
// prefers its own Noto family (fonts-noto-core, fonts-noto-cjk) to the
// chain's later members (which may cover it without the OpenType tables to
// shape it, or, for CJK, without a real bold).
bool generic_script(UScriptCode sc) {
  return sc == USCRIPT_LATIN || sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC ||
         sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN;
}

bool cjk_script(UScriptCode sc) {
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
         sc == USCRIPT_HANGUL || sc == USCRIPT_BOPOMOFO || sc == USCRIPT_KATAKANA_OR_HIRAGANA;
}

// Floor of a / b for b > 0.
std::int32_t floor_div(std::int64_t a, std::int64_t b) {
  return static_cast<std::int32_t>(a >= 0 ? a / b : -((-a + b - 1) / b));
}

// HarfBuzz position (font units) in 1/1000 em, floored like the PDF /W
// widths (see pdf_advance_em) so an unkerned glyph needs no adjustment.
std::int32_t milli_em(hb_position_t v, unsigned upem) {
  return floor_div(static_cast<std::int64_t>(v) * 1000, upem);
}

bool is_rtl(char32_t cp) {
  if (cp < 0x0590)
    return false;
  auto d = u_charDirection(static_cast<UChar32>(cp));
  return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_RIGHT_TO_LEFT_EMBEDDING ||
         d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_RIGHT_TO_LEFT_ISOLATE;
}

// One character of a paragraph, after font selection.
struct Glyph {
  char32_t cp = 0;                     // the character (U+FFFD/'?' when no font has it)
  std::uint32_t u16 = 0;               // offset in the paragraph's UTF-16 text
  std::uint32_t span = 0;              // index of its span
  const FontFace* face = nullptr;      // nullptr: not drawn (line breaks, lone controls)
  UScriptCode script = USCRIPT_COMMON; // resolved (Common/Inherited take a neighbour's)
  bool rtl = false;                    // bidi level is odd
};

// One glyph out of hb_shape, in its run's visual order.
struct Out {
  std::uint32_t gid = 0;
  std::int32_t advance = 0, dx = 0, dy = 0; // 1/1000 em
  std::uint32_t ch = 0;                     // first character of its cluster
};

// Characters [c0, c1) shaped together: one span, face, script, direction.
struct Run {
  std::uint32_t c0 = 0, c1 = 0;
  std::uint32_t g0 = 0, g1 = 0; // its glyphs in `shaped`
  bool rtl = false;
};

} // namespace

// ------------------------------------------------------------- Typesetter

struct Typesetter::Impl {
  const Style& style;
  std::vector<Diagnostic>& warnings;
  std::unordered_set<char32_t> warned;
  std::vector<std::size_t> missing;                // indices in `warnings` of uncovered characters
  std::array<std::optional<FontChain>, 20> chains; // role x bold x italic
  std::array<std::optional<FaceMetrics>, 5> role_metrics;
  UBreakIterator* breaker = nullptr;
  UBiDi* para = nullptr;
  UBiDi* line = nullptr;

  // Scratch buffers, reused by every paragraph.
  std::string language;
  std::string locale; // ICU locale id of the CV's language, e.g. "zh_Hant_TW"
  hb_buffer_t* buffer = nullptr;
  std::map<std::tuple<int, bool, bool>, std::vector<const FontFace*>> script_faces;
  std::u16string text16;
  std::u16string bidi16; // text16 as bidi sees it (ornaments neutral), when it differs
  std::vector<std::uint32_t> span_start16;
  std::vector<Glyph> glyphs;
  std::vector<double> adv;
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> u16_to_glyph;
  std::vector<LineRange> ranges;
  std::vector<std::uint8_t> replaced; // per character: drawn as U+FFFD or '?'
  std::vector<std::uint8_t> hb_start; // per character: starts a HarfBuzz cluster
  std::vector<std::uint32_t> byte_of; // scratch: character -> byte offset in an item
  hb_language_t hb_lang = HB_LANGUAGE_INVALID;
  std::u16string cache_key;
  std::unordered_map<std::u16string, std::vector<Out>> shape_cache;
  std::vector<Out> shaped;
  std::vector<Run> runs;
  bool has_rtl = false;
  bool rtl_document = false;

  // Hyphenation (the CV's language; nullptr: no dictionary installed),
  // loaded when a paragraph first needs it.
  std::string hyphen_language;
  bool hyphenator_looked_up = false;
  std::shared_ptr<const Hyphenator> hyphenator;
  const Hyphenator* hyphens() {
    if (!hyphenator_looked_up) {
      hyphenator_looked_up = true;
      hyphenator = Hyphenator::for_language(hyphen_language);
    }
    return hyphenator.get();
  }
  bool hyphenate_capitals = false; // German capitalises nouns
  std::vector<double> hyph_adv;    // per character: the hyphen's width before it
  std::vector<std::size_t> points;
  std::string word;
  std::unordered_map<std::string, std::vector<std::size_t>> word_points;
  struct HyphenGlyph {
    std::uint32_t gid = 0;
    std::int32_t advance = 0; // 1/1000 em
  };
  std::unordered_map<const FontFace*, HyphenGlyph> hyphen_glyphs;
  std::vector<LineRange> alt_ranges;

  Impl(const Style& s, std::vector<Diagnostic>& w) : style(s), warnings(w) {}
  ~Impl() {
    hb_buffer_destroy(buffer);
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
      if (s.role == FontRole::icon) {
        c.emplace(std::vector<const FontFace*>{icon_face()});
        if (c->size() == 0)
          throw RenderError("no usable font: the icon font is not installed");
        return *c;
      }
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

  // The Noto faces for `sc` (sans, or serif first when the role's first face
  // is a serif; for CJK, Noto Sans/Serif CJK in the region the language and
  // script call for), in the span's weight and slant; empty when none
  // installed.
  const std::vector<const FontFace*>& faces_for_script(UScriptCode sc, const SpanStyle& s) {
    auto key = std::make_tuple(static_cast<int>(sc), s.bold, s.italic);
    auto it = script_faces.find(key);
    if (it != script_faces.end())
      return it->second;
    std::vector<const FontFace*> faces;
    const char* name = uscript_getName(sc);
    if (name && *name) {
      const bool serif = family_name(chain(s).face(0)).find("Serif") != std::string::npos;
      const std::string suffix =
          cjk_script(sc) ? "CJK " + noto_cjk_region(uscript_getShortName(sc), locale) : name;
      const std::string sans = "Noto Sans " + suffix;
      const std::string ser = "Noto Serif " + suffix;
      // Urdu is written in Nastaliq (fonts-noto-core has Noto Nastaliq Urdu).
      if (sc == USCRIPT_ARABIC && (locale == "ur" || locale.rfind("ur_", 0) == 0))
        if (const FontFace* face =
                FontCatalog::shared().find("Noto Nastaliq Urdu", s.bold, s.italic))
          faces.push_back(face);
      for (const std::string& f : serif ? std::array{ser, sans} : std::array{sans, ser})
        if (const FontFace* face = FontCatalog::shared().find(f, s.bold, s.italic))
          faces.push_back(face);
    }
    return script_faces.emplace(key, std::move(faces)).first->second;
  }

  // The face for `cp` of script `sc`: the chain's first face, the script's
  // own Noto face (for scripts beyond Latin/Greek/Cyrillic), then the rest
  // of the chain; nullptr when none has it.
  const FontFace* face_for(char32_t cp, UScriptCode sc, const SpanStyle& st) {
    const FontChain& ch = chain(st);
    if (!generic_script(sc)) {
      if (has_glyph(ch.face(0), cp))
        return &ch.face(0);
      for (const FontFace* f : faces_for_script(sc, st))
        if (has_glyph(*f, cp))
          return f;
    }
    const int fi = ch.face_for(cp);
    return fi < 0 ? nullptr : &ch.face(static_cast<std::size_t>(fi));
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
    missing.push_back(warnings.size());
    warnings.push_back(Diagnostic{Severity::warning, where, "", std::move(msg)});
  }

  // Builds text16, glyphs (font, script, direction), the shaped runs, adv
  // and flags for `spans` (no line breaking). `where` == nullptr: measuring
  // only, no warnings.
  void prepare(std::span<const Span> spans, const SourceLocation* where) {
    text16.clear();
    span_start16.clear();
    has_rtl = false;
    for (const auto& sp : spans) {
      span_start16.push_back(static_cast<std::uint32_t>(text16.size()));
      const auto* s = reinterpret_cast<const std::uint8_t*>(sp.text.data());
      std::int32_t i = 0, len = static_cast<std::int32_t>(sp.text.size());
      while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0)
          c = 0xFFFD;
        if (c == '\t')
          c = ' ';
        has_rtl = has_rtl || is_rtl(static_cast<char32_t>(c));
        if (c <= 0xFFFF) {
          text16 += static_cast<char16_t>(c);
        } else {
          text16 += static_cast<char16_t>(U16_LEAD(c));
          text16 += static_cast<char16_t>(U16_TRAIL(c));
        }
      }
    }
    span_start16.push_back(static_cast<std::uint32_t>(text16.size()));

    glyphs.clear();
    adv.clear();
    flags.clear();
    replaced.clear();
    u16_to_glyph.assign(text16.size() + 1, 0);
    std::uint32_t span = 0;
    UScriptCode last_strong = USCRIPT_COMMON;
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
      UErrorCode err = U_ZERO_ERROR;
      Glyph gl{static_cast<char32_t>(c),
               static_cast<std::uint32_t>(at),
               span,
               nullptr,
               uscript_getScript(c, &err),
               false};
      if (U_FAILURE(err))
        gl.script = USCRIPT_COMMON;
      // Punctuation and spaces (Common) look for a face like the text
      // before them: "，" after 陈 in Noto Sans CJK, not in a later font.
      if (gl.script != USCRIPT_COMMON && gl.script != USCRIPT_INHERITED &&
          gl.script != USCRIPT_UNKNOWN)
        last_strong = gl.script;
      std::uint8_t fl = 0;
      bool repl = false;
      const SpanStyle& st = spans[span].style;
      const auto gc = U_GET_GC_MASK(c);
      const Glyph* prev = g > 0 && glyphs[g - 1].span == span ? &glyphs[g - 1] : nullptr;
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
        fl |= is_space;
      } else if ((gc & (U_GC_CC_MASK | U_GC_CF_MASK)) ||
                 u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        // Joiners, variation selectors, bidi marks: shaped with the text
        // before them (HarfBuzz uses and hides them), else not drawn.
        if (prev && prev->face && !replaced[g - 1])
          gl.face = prev->face;
      } else {
        // A combining mark stays with its base's face when it can.
        if ((gc & U_GC_M_MASK) && prev && prev->face && !replaced[g - 1] &&
            has_glyph(*prev->face, gl.cp))
          gl.face = prev->face;
        else
          gl.face =
              face_for(gl.cp,
                       gl.script == USCRIPT_COMMON || gl.script == USCRIPT_INHERITED ? last_strong
                                                                                     : gl.script,
                       st);
        if (!gl.face) {
          const FontChain& ch = chain(st);
          int rep = ch.face_for(0xFFFD);
          if (where)
            warn_uncovered(gl.cp, *where, rep >= 0);
          if (rep >= 0) {
            gl.cp = 0xFFFD;
          } else {
            gl.cp = '?';
            rep = ch.face_for('?');
          }
          repl = true;
          if (rep >= 0)
            gl.face = &ch.face(static_cast<std::size_t>(rep));
        }
        if (c == ' ')
          fl |= is_space;
      }
      if (!(gc & U_GC_M_MASK))
        fl |= cluster_start;
      glyphs.push_back(gl);
      adv.push_back(0);
      flags.push_back(fl);
      replaced.push_back(repl);
    }
    u16_to_glyph[text16.size()] = static_cast<std::uint32_t>(glyphs.size());
    resolve_scripts();
    if (has_rtl) {
      // Ornaments (icons: private-use characters, strong left-to-right) take
      // the direction of the text after them (an icon and its item read as
      // one), so bidi sees them as a mark of that direction (LRM, RLM, or
      // the neutral U+FFFC before neutrals).
      const char16_t* bidi_text = text16.data();
      for (std::size_t k = 0; k < spans.size(); ++k) {
        if (!spans[k].style.decorative)
          continue;
        if (bidi_text != bidi16.data()) {
          bidi16 = text16;
          bidi_text = bidi16.data();
        }
        char16_t mark = u'\uFFFC';
        for (std::int32_t u = static_cast<std::int32_t>(span_start16[k + 1]); u < n16;) {
          UChar32 c;
          U16_NEXT(text16.data(), u, n16, c);
          const UCharDirection d = u_charDirection(c);
          if (d == U_LEFT_TO_RIGHT) {
            mark = u'\u200E';
            break;
          }
          if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) {
            mark = u'\u200F';
            break;
          }
        }
        for (std::uint32_t u = span_start16[k]; u < span_start16[k + 1]; ++u)
          bidi16[u] = mark;
      }
      UErrorCode st = U_ZERO_ERROR;
      ubidi_setPara(para, bidi_text, n16, rtl_document ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR,
                    nullptr, &st);
      const UBiDiLevel* levels = U_SUCCESS(st) ? ubidi_getLevels(para, &st) : nullptr;
      if (U_FAILURE(st) || !levels)
        has_rtl = false;
      else
        for (Glyph& gl : glyphs)
          gl.rtl = (levels[gl.u16] & 1) != 0;
    }
    shape_runs(spans);
  }

  // Common and Inherited characters take the script of the text before them
  // (or, at the start, after them).
  void resolve_scripts() {
    UScriptCode last = USCRIPT_COMMON;
    for (Glyph& gl : glyphs) {
      if (gl.script == USCRIPT_COMMON || gl.script == USCRIPT_INHERITED ||
          gl.script == USCRIPT_UNKNOWN)
        gl.script = last;
      else
        last = gl.script;
    }
    UScriptCode next = USCRIPT_COMMON;
    for (auto it = glyphs.rbegin(); it != glyphs.rend(); ++it) {
      if (it->script == USCRIPT_COMMON)
        it->script = next;
      else
        next = it->script;
    }
  }

  // Splits the characters into runs (span, face, script, direction) and
  // shapes each with HarfBuzz; fills adv (a cluster's advance on its first
  // character) and clears cluster_start inside HarfBuzz's clusters.
  void shape_runs(std::span<const Span> spans) {
    runs.clear();
    shaped.clear();
    hb_start.assign(glyphs.size() + 1, 0);
    const std::uint32_t n = static_cast<std::uint32_t>(glyphs.size());
    for (std::uint32_t c = 0; c < n;) {
      const Glyph& first = glyphs[c];
      if (!first.face) {
        ++c;
        continue;
      }
      std::uint32_t e = c + 1;
      if (!replaced[c])
        while (e < n && !replaced[e] && glyphs[e].face == first.face &&
               glyphs[e].span == first.span && glyphs[e].script == first.script &&
               glyphs[e].rtl == first.rtl)
          ++e;
      Run run{c, e, static_cast<std::uint32_t>(shaped.size()), 0, first.rtl};
      shape(run, spans[first.span].style);
      run.g1 = static_cast<std::uint32_t>(shaped.size());
      runs.push_back(run);
      c = e;
    }
    hb_start[n] = 1;
    for (std::uint32_t c = 0; c < n; ++c)
      if (glyphs[c].face && !hb_start[c])
        flags[c] &= static_cast<std::uint8_t>(~cluster_start);
  }

  void shape(const Run& run, const SpanStyle& st) {
    const FontFace& face = *glyphs[run.c0].face;
    const unsigned upem = units_per_em(face);
    hb_font_t* font = hb_font(face);
    if (replaced[run.c0]) {
      // U+FFFD or '?' for a character no font has: its nominal glyph.
      const std::uint32_t gid = glyph_id(face, glyphs[run.c0].cp);
      shaped.push_back({gid, milli_em(hb_font_get_glyph_h_advance(font, gid), upem), 0, 0, run.c0});
    } else {
      const std::uint32_t b16 = glyphs[run.c0].u16;
      const std::uint32_t e16 =
          run.c1 < glyphs.size() ? glyphs[run.c1].u16 : static_cast<std::uint32_t>(text16.size());
      // Composition measures the same texts again and again: shaped runs
      // are cached per typesetter, keyed by face, script, direction, the
      // text and its neighbouring characters (context for joining).
      std::u16string& key = cache_key;
      key.clear();
      const auto face_bits = reinterpret_cast<std::uintptr_t>(&face);
      for (int k = 0; k < 4; ++k)
        key += static_cast<char16_t>(face_bits >> (16 * k));
      key += static_cast<char16_t>(glyphs[run.c0].script);
      key += run.rtl ? u'R' : u'L';
      key += b16 > 0 ? text16[b16 - 1] : u'\0';
      key += e16 < text16.size() ? text16[e16] : u'\0';
      key.append(text16, b16, e16 - b16);
      if (auto hit = shape_cache.find(key); hit != shape_cache.end()) {
        for (Out o : hit->second) {
          o.ch += run.c0;
          shaped.push_back(o);
        }
      } else {
        hb_buffer_clear_contents(buffer);
        hb_buffer_add_utf16(buffer, reinterpret_cast<const std::uint16_t*>(text16.data()),
                            static_cast<int>(text16.size()), b16, static_cast<int>(e16 - b16));
        hb_buffer_set_direction(buffer, run.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(
            buffer, hb_script_from_string(uscript_getShortName(glyphs[run.c0].script), -1));
        hb_buffer_set_language(buffer, hb_lang);
        hb_buffer_set_flags(buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
        hb_shape(font, buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
        std::vector<Out> cached;
        cached.reserve(count);
        for (unsigned k = 0; k < count; ++k) {
          const Out o{info[k].codepoint, milli_em(pos[k].x_advance, upem),
                      milli_em(pos[k].x_offset, upem), milli_em(pos[k].y_offset, upem),
                      u16_to_glyph[info[k].cluster]};
          shaped.push_back(o);
          cached.push_back(o);
          cached.back().ch -= run.c0;
        }
        shape_cache.emplace(key, std::move(cached));
      }
    }
    // A span's space_after widens its last glyph (an icon's gap to the text).
    // Right to left, the gap is on the glyph's left (the text is there).
    if (st.space_after > 0 && shaped.size() > run.g0 &&
        (run.c1 == glyphs.size() || glyphs[run.c1].span != glyphs[run.c0].span)) {
      const auto gap = static_cast<std::int32_t>(std::lround(st.space_after * 1000 / st.size));
      shaped.back().advance += gap;
      if (run.rtl)
        shaped.back().dx += gap;
    }
    for (std::size_t k = run.g0; k < shaped.size(); ++k) {
      const Out& o = shaped[k];
      adv[o.ch] += o.advance * st.size / 1000.0;
      hb_start[o.ch] = 1;
    }
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
      if (g > 0 && (glyphs[g - 1].cp == U'-' || glyphs[g - 1].cp == U'\u2010'))
        flags[g] |= after_hyphen;
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

  // The hyphen glyph of `face` (gid 0: it has none).
  const HyphenGlyph& hyphen_glyph(const FontFace* face) {
    auto it = hyphen_glyphs.find(face);
    if (it != hyphen_glyphs.end())
      return it->second;
    HyphenGlyph h;
    h.gid = glyph_id(*face, U'-');
    if (h.gid != 0)
      h.advance = milli_em(hb_font_get_glyph_h_advance(hb_font(*face), h.gid), units_per_em(*face));
    return hyphen_glyphs.emplace(face, h).first->second;
  }

  static bool hyphenable_script(UScriptCode sc) {
    return sc == USCRIPT_LATIN || sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC;
  }

  // Marks hyphenation points (hyphen_before, hyph_adv) in the words that may
  // take them: letters of Latin, Greek or Cyrillic script in a plain body
  // span (no link, not kept together), lower case (German: capitalised too),
  // not part of an address, e-mail, compound, or a word with digits.
  // False when no point was found.
  bool mark_hyphens(std::span<const Span> spans) {
    const std::size_t n = glyphs.size();
    hyph_adv.assign(n, 0);
    bool any = false;
    auto letter = [&](std::size_t c) {
      return u_hasBinaryProperty(static_cast<UChar32>(glyphs[c].cp), UCHAR_ALPHABETIC) ||
             u_getCombiningClass(static_cast<UChar32>(glyphs[c].cp)) != 0;
    };
    auto blank = [&](std::size_t c) { return (flags[c] & is_space) || !glyphs[c].face; };
    std::size_t c = 0;
    while (c < n) {
      if (!letter(c)) {
        ++c;
        continue;
      }
      const std::size_t w0 = c;
      const std::uint32_t span = glyphs[c].span;
      while (c < n && glyphs[c].span == span && letter(c))
        ++c;
      const std::size_t w1 = c;
      const SpanStyle& st = spans[span].style;
      if (w1 - w0 < 5 || !st.hyphenate || st.keep_together || !st.link.empty() ||
          st.role != FontRole::body)
        continue;
      // The whitespace-delimited token around the word.
      std::size_t t0 = w0, t1 = w1;
      while (t0 > 0 && !blank(t0 - 1))
        --t0;
      while (t1 < n && !blank(t1))
        ++t1;
      bool ok = true;
      for (std::size_t k = t0; k < t1 && ok; ++k) {
        const char32_t cp = glyphs[k].cp;
        if (cp == '@' || cp == '/' || cp == '\\' || cp == ':' || cp == '_' || cp == '=' ||
            cp == '#' || u_isdigit(static_cast<UChar32>(cp)))
          ok = false;
        else if (cp == '.' && k + 1 < t1 && letter(k + 1))
          ok = false; // example.org, e.g. a domain
      }
      if (!ok || (w0 > 0 && (glyphs[w0 - 1].cp == '-' || glyphs[w0 - 1].cp == U'\u2010')) ||
          (w1 < n && (glyphs[w1].cp == '-' || glyphs[w1].cp == U'\u2010')))
        continue; // compounds break at their own hyphen
      word.clear();
      for (std::size_t k = w0; k < w1 && ok; ++k) {
        if (!hyphenable_script(glyphs[k].script) || !glyphs[k].face)
          ok = false;
        const auto cp = static_cast<UChar32>(glyphs[k].cp);
        if (u_isupper(cp) && (k > w0 || !hyphenate_capitals))
          ok = false; // names, acronyms, CamelCase
        append_utf8(word, glyphs[k].cp);
      }
      if (!ok)
        continue;
      auto it = word_points.find(word);
      if (it == word_points.end()) {
        hyphenator->points(word, points);
        it = word_points.emplace(word, points).first;
      }
      for (std::size_t k : it->second) {
        const std::size_t p = w0 + k;
        if (p >= w1 || !(flags[p] & cluster_start))
          continue;
        const HyphenGlyph& h = hyphen_glyph(glyphs[p - 1].face);
        if (h.gid == 0)
          continue;
        flags[p] |= hyphen_before;
        hyph_adv[p] = h.advance * st.size / 1000.0;
        any = true;
      }
    }
    return any;
  }

  // One piece of a line in visual order: the glyphs of run `run` whose
  // characters are in [lo, hi).
  struct Piece {
    std::uint32_t run, lo, hi;
  };
  std::vector<Piece> pieces;

  // The runs of `r`'s characters [lo, hi), in logical order, appended to
  // `pieces` (reversed when `rtl`).
  void add_pieces(std::uint32_t lo, std::uint32_t hi, bool rtl) {
    const std::size_t first = pieces.size();
    auto it = std::upper_bound(runs.begin(), runs.end(), lo,
                               [](std::uint32_t c, const Run& r) { return c < r.c1; });
    for (; it != runs.end() && it->c0 < hi; ++it)
      pieces.push_back({static_cast<std::uint32_t>(it - runs.begin()), std::max(lo, it->c0),
                        std::min(hi, it->c1)});
    if (rtl)
      std::reverse(pieces.begin() + static_cast<std::ptrdiff_t>(first), pieces.end());
  }

  // Fills `pieces` with the line's runs in visual order.
  void visual_order(const LineRange& r) {
    pieces.clear();
    const auto lo = static_cast<std::uint32_t>(r.begin);
    const auto hi = static_cast<std::uint32_t>(r.content_end);
    if (!has_rtl || lo >= hi) {
      add_pieces(lo, hi, false);
      return;
    }
    const std::int32_t b16 = static_cast<std::int32_t>(glyphs[r.begin].u16);
    const std::int32_t e16 = r.content_end < glyphs.size()
                                 ? static_cast<std::int32_t>(glyphs[r.content_end].u16)
                                 : static_cast<std::int32_t>(text16.size());
    UErrorCode st = U_ZERO_ERROR;
    ubidi_setLine(para, b16, e16, line, &st);
    const std::int32_t count = U_SUCCESS(st) ? ubidi_countRuns(line, &st) : 0;
    if (U_FAILURE(st)) {
      add_pieces(lo, hi, false);
      return;
    }
    for (std::int32_t i = 0; i < count; ++i) {
      std::int32_t ls = 0, len = 0;
      const UBiDiDirection dir = ubidi_getVisualRun(line, i, &ls, &len);
      if (len <= 0)
        continue;
      add_pieces(u16_to_glyph[static_cast<std::size_t>(b16 + ls)],
                 u16_to_glyph[static_cast<std::size_t>(b16 + ls + len)], dir == UBIDI_RTL);
    }
  }
};

Typesetter::Typesetter(const Style& style, const std::string& language,
                       std::vector<Diagnostic>& warnings)
    : impl_(std::make_unique<Impl>(style, warnings)) {
  UErrorCode st = U_ZERO_ERROR;
  const std::string loc = icu_locale_for(language);
  impl_->locale = loc;
  impl_->breaker = ubrk_open(UBRK_LINE, loc.c_str(), nullptr, 0, &st);
  if (U_FAILURE(st)) {
    st = U_ZERO_ERROR;
    impl_->breaker = ubrk_open(UBRK_LINE, "en", nullptr, 0, &st);
  }
  if (U_FAILURE(st))
    throw RenderError(std::string("ICU line break iterator: ") + u_errorName(st));
  impl_->para = ubidi_open();
  impl_->line = ubidi_open();
  impl_->buffer = hb_buffer_create();
  std::string tag = loc;
  std::replace(tag.begin(), tag.end(), '_', '-');
  impl_->hb_lang = hb_language_from_string(tag.c_str(), -1);
  impl_->hyphen_language = language.empty() ? "en" : language;
  impl_->hyphenate_capitals = loc.rfind("de", 0) == 0;
}

Typesetter::~Typesetter() = default;

const std::vector<std::size_t>& Typesetter::missing_glyphs() const { return impl_->missing; }

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
  const double w[1] = {width};
  return set(spans, w, align, where);
}

std::vector<LaidLine> Typesetter::set(std::span<const Span> spans, std::span<const double> widths,
                                      Align align, const SourceLocation& where) {
  Impl& m = *impl_;
  // RenderCV's links.show_external_link_icon: Font Awesome's external-link
  // after each link of the text (not the header's connections), 0.65 em,
  // raised, a quarter em after it; drawn, not read (decorative), not underlined.
  std::vector<Span> with_icons;
  if (m.style.rendercv_dates && m.style.rendercv.external_link_icon)
    if (const IconGlyph g = icon_glyph("external-link"); g.face) {
      for (std::size_t i = 0; i < spans.size(); ++i) {
        with_icons.push_back(spans[i]);
        const SpanStyle& st = spans[i].style;
        if (st.link.empty() || st.plain_link || st.decorative ||
            (i + 1 < spans.size() && spans[i + 1].style.link == st.link))
          continue;
        with_icons.back().style.space_after += st.size / 4;
        SpanStyle is = st;
        is.role = FontRole::icon;
        is.bold = is.italic = false;
        is.size = st.size * 0.65;
        is.rise = st.rise + st.size * 0.2;
        is.hyphenate = false;
        is.decorative = true;
        is.plain_link = true;
        is.space_after = 0;
        std::string text;
        append_utf8(text, g.cp);
        with_icons.push_back(Span{std::move(text), std::move(is)});
      }
      if (with_icons.size() != spans.size())
        spans = with_icons;
    }
  if (m.rtl_document && align == Align::left)
    align = Align::right;
  else if (m.rtl_document && align == Align::right)
    align = Align::left;
  m.prepare(spans, &where);
  std::vector<LaidLine> lines;
  if (m.glyphs.empty())
    return lines;
  m.find_breaks(spans);
  const double one[1] = {1};
  if (widths.empty())
    widths = one;
  BreakSpec spec{widths, align == Align::justify, {}};
  BreakQuality q = break_lines(m.adv, m.flags, spec, m.ranges);
  // Hyphenation only when the paragraph needs it (a loose or stranded line,
  // a word broken between characters) and only if it lowers the cost.
  if ((q.worst > 40 || q.stranded || q.emergency || q.overfull) && !m.has_rtl && !m.rtl_document &&
      m.hyphens() && m.mark_hyphens(spans)) {
    spec.hyphen = m.hyph_adv;
    const BreakQuality h = break_lines(m.adv, m.flags, spec, m.alt_ranges);
    if (h.demerits < q.demerits) {
      std::swap(m.ranges, m.alt_ranges);
      q = h;
    }
  }
  if (q.emergency || q.overfull) {
    std::string word;
    for (const LineRange& r : m.ranges) {
      if (r.end < m.glyphs.size() && r.end == r.content_end && !r.hyphen &&
          !(m.flags[r.end] & (break_before | hyphen_before))) {
        std::size_t b = r.end, e = r.end;
        while (b > r.begin && !(m.flags[b - 1] & is_space) && !(m.flags[b] & break_before))
          --b;
        while (e < m.glyphs.size() && !(m.flags[e] & is_space) &&
               !(e > r.end && (m.flags[e] & break_before)))
          ++e;
        for (std::size_t k = b; k < e && k < b + 40; ++k)
          append_utf8(word, m.glyphs[k].cp);
        break;
      }
    }
    Diagnostic d{Severity::warning, where, "",
                 word.empty()
                     ? std::string("a character is wider than its line: the line overflows")
                     : "'" + word + "' is wider than its line: broken between characters"};
    // Composition may set a paragraph twice (narrow, then full width): once.
    if (std::none_of(m.warnings.begin(), m.warnings.end(), [&](const Diagnostic& w) {
          return w.where == d.where && w.message == d.message;
        }))
      m.warnings.push_back(std::move(d));
  }
  lines.reserve(m.ranges.size());
  std::size_t line_no = 0;
  for (const LineRange& r : m.ranges) {
    const double width = widths[std::min(line_no++, widths.size() - 1)];
    LaidLine ln;
    double max_size = 0;
    FontRole role = FontRole::body;
    double content = 0;
    int spaces = 0;
    double space_w = 0;
    // Ornaments (icons) fit the line of their text; they size a line only
    // when it has nothing else.
    double ornament_size = 0;
    for (std::size_t g = r.begin; g < r.end; ++g) {
      const SpanStyle& st = spans[m.glyphs[g].span].style;
      if (st.decorative) {
        ornament_size = std::max(ornament_size, st.size);
      } else if (st.size > max_size) {
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
    if (max_size == 0 && ornament_size > 0) {
      max_size = ornament_size;
      role = FontRole::icon;
    }
    const FaceMetrics fm = role_metrics(role);
    ln.box_width = width;
    ln.height = line_height(max_size);
    ln.baseline = ln.height / 2 + (fm.ascender + fm.descender) / 2 * max_size;

    // A line ending in an added hyphen: its glyph, in the face of the last character.
    const Impl::HyphenGlyph* hyphen = nullptr;
    double hyphen_w = 0;
    if (r.hyphen && r.content_end > r.begin && m.glyphs[r.content_end - 1].face) {
      hyphen = &m.hyphen_glyph(m.glyphs[r.content_end - 1].face);
      hyphen_w = hyphen->advance * spans[m.glyphs[r.content_end - 1].span].style.size / 1000.0;
      content += hyphen_w;
    }
    ln.width = content;
    double x = 0, extra = 0;
    if (align == Align::right)
      x = width - content;
    else if (align == Align::center)
      x = (width - content) / 2;
    else if (align == Align::justify && !r.last && spaces > 0 && content > width - 3 * space_w &&
             content < width + space_w / 3 + 1e-6)
      extra = (width - content) / spaces; // stretch, or shrink by at most a third
    if (extra < 0)
      ln.width = width;
    if (align == Align::justify && extra == 0 && m.rtl_document)
      x = width - content; // unjustified lines of a right-to-left document
    x = std::max(0.0, x);
    const bool split_words = extra != 0;

    m.visual_order(r);
    // Group consecutive glyphs of one span and face into TextItems.
    TextItem cur;
    std::uint32_t cur_span = UINT32_MAX;
    bool open = false;
    std::uint32_t link_span = UINT32_MAX;
    double link_x0 = 0, link_x1 = 0;
    const double asc_limit = ln.baseline, desc_limit = ln.baseline - ln.height;
    // Characters [begin, end) of the current item's clusters; glyph clusters
    // hold character indices until flush() makes them byte offsets.
    std::uint32_t cur_lo = 0, cur_hi = 0;
    std::uint32_t stretched = UINT32_MAX; // the last space justification widened
    bool added_hyphen = false;            // the open item ends with an added hyphen
    // A line broken after a hyphen the text has: pdftotext (poppler) takes
    // a line-final '-' for an added one and drops it, joining the lines; the
    // hyphen is written to the text layer twice so that "Trillion-Parameter"
    // comes back whole. It is an item of its own.
    const std::size_t kept_hyphen = !r.last && !r.hyphen && !m.has_rtl && r.end == r.content_end &&
                                            r.end > r.begin && m.glyphs[r.end - 1].cp == U'-'
                                        ? r.end - 1
                                        : SIZE_MAX;
    // A space the line does not draw (a justified gap, a lone space between
    // styles, the space a line breaks at) is noted on the item before it,
    // for the structure text of tagged PDF.
    auto space_after = [&ln, &m] {
      if (m.has_rtl) // visual order: the item before is not the previous word
        return;
      for (auto it = ln.items.rbegin(); it != ln.items.rend(); ++it)
        if (auto* t = std::get_if<TextItem>(&*it)) {
          t->space_after = true;
          return;
        }
    };
    auto flush_link = [&] {
      if (link_span == UINT32_MAX)
        return;
      const SpanStyle& st = spans[link_span].style;
      const FaceMetrics lm = role_metrics(st.role);
      const double y0 = std::max(lm.descender * st.size, desc_limit);
      const double y1 = std::min(lm.ascender * st.size, asc_limit);
      link_span = UINT32_MAX;
      // RenderCV's links.underline (Typst's underline: about 0.1 em under
      // the baseline, 0.05 em thick), in the link's colour.
      if (impl_->style.rendercv_dates && impl_->style.rendercv.underline_links && !st.plain_link)
        ln.items.emplace_back(RuleItem{link_x0, st.rise - 0.1 * st.size,
                                       link_x1 - st.space_after, // not under an icon's gap
                                       st.rise - 0.1 * st.size, 0.05 * st.size, st.color});
      // A span continuing the last link's target where it ends (an icon and
      // its text) widens that link instead of adding another.
      for (auto it = ln.items.rbegin(); it != ln.items.rend(); ++it)
        if (auto* prev = std::get_if<LinkItem>(&*it)) {
          const double px1 = prev->x + prev->width;
          if (prev->uri == st.link &&
              (std::abs(px1 - link_x0) < 0.01 || std::abs(prev->x - link_x1) < 0.01)) {
            const double top = std::max(prev->y + prev->height, y1);
            const double right = std::max(px1, link_x1);
            prev->x = std::min(prev->x, link_x0);
            prev->y = std::min(prev->y, y0);
            prev->width = right - prev->x;
            prev->height = top - prev->y;
            if (prev->node < 0) // an icon's link takes its text's structure node
              prev->node = st.node;
            return;
          }
          break;
        }
      ln.items.emplace_back(LinkItem{link_x0, y0, link_x1 - link_x0, y1 - y0, st.link, st.node});
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
      // The characters in logical order; clusters as byte offsets.
      m.byte_of.clear();
      for (std::uint32_t c = cur_lo; c < cur_hi; ++c) {
        m.byte_of.push_back(static_cast<std::uint32_t>(cur.text.size()));
        append_utf8(cur.text, m.glyphs[c].cp);
      }
      for (ShapedGlyph& sg : cur.glyphs)
        sg.cluster = sg.cluster == UINT32_MAX ? static_cast<std::uint32_t>(cur.text.size())
                                              : m.byte_of[sg.cluster - cur_lo];
      if (added_hyphen) {
        cur.text += '-';
        cur.added_hyphen = true;
        added_hyphen = false;
      }
      // Blank pieces (a lone space between two styles) draw nothing.
      if (cur.text.find_first_not_of(' ') != std::string::npos)
        ln.items.emplace_back(std::move(cur));
      else
        space_after();
      cur = TextItem{};
    };
    for (const auto& piece : m.pieces) {
      const Run& run = m.runs[piece.run];
      const Glyph& first = m.glyphs[run.c0];
      const SpanStyle& st = spans[first.span].style;
      // An item covers contiguous characters: a piece that does not continue
      // the current one starts a new item.
      if (open && ((piece.lo != cur_hi && piece.hi != cur_lo) || run.rtl != cur.rtl))
        flush();
      for (std::uint32_t k = run.g0; k < run.g1; ++k) {
        const Out& o = m.shaped[k];
        if (o.ch < piece.lo || o.ch >= piece.hi)
          continue;
        const double a = o.advance * st.size / 1000.0;
        if (split_words && (m.flags[o.ch] & is_space)) {
          // A space's cluster (with any marks on it) is not drawn; the
          // justification adds to it once.
          flush();
          if (o.ch != stretched)
            space_after();
          x += a + (o.ch != stretched ? extra : 0);
          stretched = o.ch;
          continue;
        }
        // The cluster's characters: up to the next cluster start.
        std::uint32_t end = o.ch + 1;
        while (end < piece.hi && !m.hb_start[end])
          ++end;
        if (o.ch == kept_hyphen)
          flush();
        if (!open || first.span != cur_span || first.face != cur.face) {
          flush();
          cur.x = x;
          cur.y = st.rise;
          cur.face = first.face;
          cur.size = st.size;
          cur.color = st.color;
          cur.rtl = run.rtl;
          cur.node = st.node;
          cur.decorative = st.decorative;
          cur_span = first.span;
          cur_lo = o.ch;
          cur_hi = end;
          open = true;
        }
        cur_lo = std::min(cur_lo, o.ch);
        cur_hi = std::max(cur_hi, end);
        cur.glyphs.push_back({o.gid, o.advance, o.dx, o.dy, o.ch});
        cur.width += a;
        x += a;
      }
    }
    if (open && hyphen && hyphen->gid != 0) {
      cur.glyphs.push_back({hyphen->gid, hyphen->advance, 0, 0, UINT32_MAX});
      cur.width += hyphen_w;
      x += hyphen_w;
      added_hyphen = true;
    }
    if (open && kept_hyphen != SIZE_MAX && cur_lo == kept_hyphen)
      cur.actual_text = "--";
    flush();
    flush_link();
    if (r.end > r.content_end)
      space_after();
    lines.push_back(std::move(ln));
  }
  return lines;
}

} // namespace cvpress::detail

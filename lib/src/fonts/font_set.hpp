#pragma once
// Font access for the PDF backend: fontconfig lookup, per-character
// fallback, metrics (HarfBuzz), and true subsets that libharu can embed.
// Contract between fonts/ (implements) and layout/ + backends/pdf/ (use).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct hb_font_t;

namespace cvpress::detail {

/// One loaded TrueType face (a .ttf, or one face of a .ttc). Immutable after
/// loading and shared read-only by every thread; owned by FontCatalog.
class FontFace;

/// Vertical metrics in em units (multiply by the font size).
struct FaceMetrics {
  double ascender = 0.8;   ///< above the baseline, positive
  double descender = -0.2; ///< below the baseline, negative
  double line_gap = 0;     ///< extra leading
};

/// Process-wide cache of faces, loaded once; thread-safe.
class FontCatalog {
public:
  /// The process-wide catalogue.
  static FontCatalog& shared();
  /// The face of `family` (exact family name, as fontconfig knows it) in the
  /// requested weight/slant, falling back to the family's regular face when
  /// it has no such variant; nullptr when the family is not installed or is
  /// not TrueType-outline (libharu cannot draw CFF).
  const FontFace* find(std::string_view family, bool bold = false, bool italic = false);
};

/// Glyph coverage and metrics of a face.
bool has_glyph(const FontFace& face, char32_t cp);
/// Horizontal advance of `cp`'s glyph in em units (0 when missing).
double advance_em(const FontFace& face, char32_t cp);
/// The advance libharu writes into the PDF (/W) and draws with: the advance
/// in 1/1000 em, truncated, as em units. Differs from advance_em by < 0.001;
/// measure with this to place text exactly where the PDF viewer puts it.
double pdf_advance_em(const FontFace& face, char32_t cp);
/// Vertical metrics.
FaceMetrics metrics(const FontFace& face);
/// Family name, e.g. "Noto Sans".
const std::string& family_name(const FontFace& face);
/// File the face was loaded from, and its index in a collection.
const std::string& file_path(const FontFace& face);
int face_index(const FontFace& face);
/// True for a bold face (real or the regular fallback used for bold).
bool is_bold(const FontFace& face);
/// True for an italic/oblique face (real or the upright fallback used for
/// italic, like is_bold).
bool is_italic(const FontFace& face);
/// True when bold was asked for but the family has no bold face, so this is
/// the regular face (the painter may embolden it).
bool synthetic_bold(const FontFace& face);
/// True when italic was asked for but the family has no italic face.
bool synthetic_italic(const FontFace& face);
/// Units per em of the face.
unsigned units_per_em(const FontFace& face);
/// Glyph id of `cp` in the face's own cmap, 0 when missing.
std::uint32_t glyph_id(const FontFace& face, char32_t cp);
/// The face's HarfBuzz font (scale = units per em), e.g. for shaping or
/// kerning. Shared and immutable: do not modify or destroy it.
hb_font_t* hb_font(const FontFace& face);

/// A fallback chain: the faces for one role and variant, in order.
class FontChain {
public:
  FontChain() = default;
  /// Keeps the non-null faces in order.
  explicit FontChain(std::vector<const FontFace*> faces);
  /// Index of the first face that has a glyph for `cp`, or -1.
  int face_for(char32_t cp) const;
  /// The i-th face.
  const FontFace& face(std::size_t i) const { return *faces_[i]; }
  /// Number of faces.
  std::size_t size() const { return faces_.size(); }

private:
  std::vector<const FontFace*> faces_;
};

/// A TrueType font holding exactly the glyphs for `codepoints` (plus
/// .notdef), with every composite glyph flattened into a simple glyph
/// (libharu 2.3.0 loses composite components), a (3,1) format-4 cmap of the
/// BMP characters, a (3,10) format-12 cmap of all characters when some are
/// beyond the BMP, and the original advances and vertical metrics. Its outlines are identical to
/// the source glyphs. Throws RenderError when the face cannot be subset.
std::string build_subset_ttf(const FontFace& face, const std::set<char32_t>& codepoints);

} // namespace cvpress::detail

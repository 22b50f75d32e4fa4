#pragma once
// Font access for the PDF backend: fontconfig lookup, per-character
// fallback, metrics (HarfBuzz), and font subsets (hb-subset) for embedding.
// Contract between fonts/ (implements) and layout/ + backends/pdf/ (use).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct hb_font_t;

namespace cvpress::detail {

/// One loaded face with TrueType (glyf) or CFF outlines (a .ttf/.otf, or one
/// face of a .ttc). Immutable after
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
  /// it has no such variant; nullptr when the family is not installed or has
  /// neither TrueType (glyf) nor CFF outlines.
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

/// A subset of one face for embedding in a PDF, and what a PDF font
/// dictionary needs to know about it. Lengths are in font units.
struct FontSubset {
  /// For a glyf face: a TrueType font made by HarfBuzz's hb-subset: .notdef,
  /// the glyphs of the requested characters and their composite components
  /// (composites are kept), a cmap of those characters (format 4, and format
  /// 12 when some are beyond the BMP), original advances and metrics, no
  /// hinting, no layout tables. For a CFF face (`cff`): the bare CFF table of
  /// hb-subset's OpenType subset (PDF FontFile3 /CIDFontType0C). Its outlines
  /// are identical to the source glyphs.
  std::string program;
  /// True when `program` is a bare CFF font (embed as CIDFontType0).
  bool cff = false;
  /// The PDF character code (CID) of each glyph id of `program`: the glyph id
  /// itself, except in a CID-keyed CFF font, whose charset keeps the source
  /// font's CIDs (a PDF viewer selects a CIDFontType0 glyph by CID).
  std::vector<unsigned> codes;
  /// Glyph id in `program` of each requested code point, in set order (0 when
  /// the face has no glyph for it).
  std::vector<unsigned> glyphs;
  std::vector<unsigned> advances; ///< advance width per glyph id of `program`
  unsigned units_per_em = 1000;   ///< head.unitsPerEm
  /// Bounding box of .notdef and the characters' glyphs, as drawn.
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  int ascender = 0, descender = 0; ///< as layout measures them (hb_font_get_h_extents)
  int cap_height = 0;              ///< OS/2 sCapHeight (0 when absent)
  double italic_angle = 0;         ///< post.italicAngle, degrees
  std::string postscript_name;     ///< name ID 6 ("" when absent)
  bool no_embedding = false;       ///< OS/2 fsType says "restricted license"
};

/// The charset of a bare CFF font program (`FontSubset::program` of a CFF
/// face): the CID of each glyph id for a CID-keyed font; empty for a
/// name-keyed one. Throws RenderError when the program cannot be read.
std::vector<unsigned> cff_cids(std::string_view cff);

/// The subset of `face` for `codepoints`. Throws RenderError when the face
/// cannot be subset.
FontSubset subset_font(const FontFace& face, const std::set<char32_t>& codepoints);
/// The subset of `face` with the glyphs `gids` (ids in the face, e.g. what
/// the shaper chose; GSUB output need not be in the cmap): `FontSubset::glyphs`
/// gives each one's id in the subset, in set order (0 for an id beyond the
/// face's glyphs). `chars`: characters whose nominal glyphs may be among
/// `gids` (they go in the subset's cmap, and make hb-subset much faster than
/// glyph ids alone). Throws RenderError.
FontSubset subset_glyphs(const FontFace& face, const std::set<unsigned>& gids,
                         const std::set<char32_t>& chars = {});

} // namespace cvpress::detail

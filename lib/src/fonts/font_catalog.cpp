// FontCatalog: fontconfig lookup (exact family; TrueType glyf or OpenType CFF outlines),
// a process-wide cache of HarfBuzz faces and a persistent cache of lookups
// (fonts/font_cache.hpp) so a warm process never initialises fontconfig.
#include "fonts/font_cache.hpp"
#include "fonts/font_face.hpp"

#include <cvpress/diagnostics.hpp>

#include <fontconfig/fontconfig.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>

namespace cvpress::detail {

LoadedFace::~LoadedFace() {
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

namespace {

constexpr hb_tag_t glyf_tag = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t cff_tag = HB_TAG('C', 'F', 'F', ' ');

// Length of table `tag` of `face` (0 when absent).
unsigned table_length(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  const unsigned len = hb_blob_get_length(blob);
  hb_blob_destroy(blob);
  return len;
}

// Loads face `index` of `path`; nullptr when unreadable or neither glyf- nor
// CFF-based (CFF2 variable fonts and bitmap-only fonts are not embedded).
std::unique_ptr<LoadedFace> load_face(const std::string& path, int index) {
  auto lf = std::make_unique<LoadedFace>();
  lf->blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!lf->blob)
    return nullptr;
  if (index < 0 || static_cast<unsigned>(index) >= hb_face_count(lf->blob))
    return nullptr;
  lf->face = hb_face_create(lf->blob, static_cast<unsigned>(index));
  if (hb_face_get_glyph_count(lf->face) == 0)
    return nullptr;
  if (table_length(lf->face, glyf_tag) == 0) {
    if (table_length(lf->face, cff_tag) == 0)
      return nullptr; // CFF2 or bitmap-only
    lf->cff = true;
  }
  hb_face_make_immutable(lf->face);
  lf->upem = hb_face_get_upem(lf->face);
  if (lf->upem == 0)
    return nullptr;
  lf->font = hb_font_create(lf->face);
  hb_font_set_scale(lf->font, static_cast<int>(lf->upem), static_cast<int>(lf->upem));
  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(lf->font, &ext) && ext.ascender != 0) {
    const double em = lf->upem;
    lf->metrics.ascender = ext.ascender / em;
    lf->metrics.descender = ext.descender / em;
    lf->metrics.line_gap = ext.line_gap / em;
  }
  hb_font_make_immutable(lf->font);
  return lf;
}

// True when one of the pattern's family names equals `family` (ignoring case).
bool has_family(FcPattern* pat, const std::string& family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(pat, FC_FAMILY, i, &name) == FcResultMatch; ++i)
    if (FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family.c_str())) == 0)
      return true;
  return false;
}

} // namespace

struct CatalogState {
  std::mutex mutex;
  bool fc_ready = false;
  std::map<std::pair<std::string, int>, std::unique_ptr<LoadedFace>> files; // null = unusable
  std::map<std::tuple<std::string, bool, bool>, std::unique_ptr<FontFace>> faces;
  std::optional<FontCache> cache; // read on the first lookup

  const LoadedFace* file(const std::string& path, int index) {
    auto key = std::make_pair(path, index);
    auto it = files.find(key);
    if (it == files.end())
      it = files.emplace(key, load_face(path, index)).first;
    return it->second.get();
  }

  std::unique_ptr<FontFace> make_face(const std::string& family, bool bold, bool italic,
                                      const CachedFace& c) {
    if (!c.found)
      return nullptr;
    const LoadedFace* lf = file(c.path, c.index);
    if (!lf)
      return nullptr;
    auto face = std::make_unique<FontFace>();
    face->family = family;
    face->path = c.path;
    face->index = c.index;
    face->bold = bold;
    face->italic = italic;
    face->synthetic_bold = c.synthetic_bold;
    face->synthetic_italic = c.synthetic_italic;
    face->loaded = lf;
    return face;
  }

  // The face of `family`: from the persistent cache when it knows the
  // lookup and the file still loads, else from fontconfig (then recorded).
  std::unique_ptr<FontFace> lookup(const std::string& family, bool bold, bool italic) {
    if (!cache)
      cache.emplace();
    const FontCache::Key key{family, bold, italic};
    if (auto hit = cache->get(key)) {
      auto face = make_face(family, bold, italic, *hit);
      if (face || !hit->found)
        return face;
    }
    const CachedFace resolved = fontconfig_lookup(family, bold, italic);
    if (cache->enabled())
      cache->put(key, resolved,
                 cache->stamped() ? std::vector<std::string>{} : fontconfig_inputs());
    return make_face(family, bold, italic, resolved);
  }

  // fontconfig's best face of `family`, skipping substitutes and faces
  // without glyf or CFF outlines. Only the family's own fonts are listed (FcFontList) and ranked
  // (FcFontSetSort): the same order the full FcFontSort gives them, at a
  // fraction of the cost.
  CachedFace fontconfig_lookup(const std::string& family, bool bold, bool italic) {
    if (!fc_ready) {
      if (!FcInit())
        throw RenderError("fontconfig could not be initialised");
      fc_ready = true;
    }
    const auto* fc_family = reinterpret_cast<const FcChar8*>(family.c_str());
    FcPattern* list_pat = FcPatternCreate();
    FcPatternAddString(list_pat, FC_FAMILY, fc_family);
    FcFontSet* members = FcFontList(nullptr, list_pat, nullptr);
    FcPatternDestroy(list_pat);
    std::unique_ptr<FcFontSet, void (*)(FcFontSet*)> members_guard(members, [](FcFontSet* s) {
      if (s)
        FcFontSetDestroy(s);
    });
    CachedFace found;
    if (!members || members->nfont == 0)
      return found;

    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, fc_family);
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcFontSet* sets[] = {members};
    FcFontSet* set = FcFontSetSort(nullptr, sets, 1, pat, FcFalse, nullptr, &result);
    FcPatternDestroy(pat);
    // Destroyed on every path, including an exception from file().
    std::unique_ptr<FcFontSet, void (*)(FcFontSet*)> set_guard(set, [](FcFontSet* s) {
      if (s)
        FcFontSetDestroy(s);
    });
    for (int i = 0; set && i < set->nfont && !found.found; ++i) {
      FcPattern* cand = set->fonts[i];
      FcChar8* file_name = nullptr;
      if (!has_family(cand, family) ||
          FcPatternGetString(cand, FC_FILE, 0, &file_name) != FcResultMatch)
        continue;
      int index = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
      FcPatternGetInteger(cand, FC_INDEX, 0, &index);
      FcPatternGetInteger(cand, FC_WEIGHT, 0, &weight);
      FcPatternGetInteger(cand, FC_SLANT, 0, &slant);
      const std::string path = reinterpret_cast<const char*>(file_name);
      if (!file(path, index & 0xFFFF)) // high bits: variable instance
        continue;
      found.found = true;
      found.path = path;
      found.index = index & 0xFFFF;
      found.synthetic_bold = bold && weight < FC_WEIGHT_DEMIBOLD;
      found.synthetic_italic = italic && slant == FC_SLANT_ROMAN;
    }
    return found;
  }
};

FontCatalog& FontCatalog::shared() {
  static FontCatalog catalog;
  return catalog;
}

namespace {
CatalogState& state() {
  static CatalogState s;
  return s;
}
} // namespace

const FontFace* FontCatalog::find(std::string_view family, bool bold, bool italic) {
  CatalogState& s = state();
  std::lock_guard lock(s.mutex);
  auto key = std::make_tuple(std::string(family), bold, italic);
  auto it = s.faces.find(key);
  if (it == s.faces.end())
    it = s.faces.emplace(key, s.lookup(std::get<0>(key), bold, italic)).first;
  return it->second.get();
}

bool has_glyph(const FontFace& face, char32_t cp) { return glyph_id(face, cp) != 0; }

std::uint32_t glyph_id(const FontFace& face, char32_t cp) {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(face.loaded->font, cp, &gid))
    return 0;
  return gid;
}

double advance_em(const FontFace& face, char32_t cp) {
  const std::uint32_t gid = glyph_id(face, cp);
  if (gid == 0)
    return 0;
  return hb_font_get_glyph_h_advance(face.loaded->font, gid) /
         static_cast<double>(face.loaded->upem);
}

double pdf_advance_em(const FontFace& face, char32_t cp) {
  const std::uint32_t gid = glyph_id(face, cp);
  if (gid == 0)
    return 0;
  const auto adv = static_cast<unsigned>(hb_font_get_glyph_h_advance(face.loaded->font, gid));
  return (adv * 1000u / face.loaded->upem) / 1000.0;
}

FaceMetrics metrics(const FontFace& face) { return face.loaded->metrics; }
const std::string& family_name(const FontFace& face) { return face.family; }
const std::string& file_path(const FontFace& face) { return face.path; }
int face_index(const FontFace& face) { return face.index; }
bool is_bold(const FontFace& face) { return face.bold; }
bool is_italic(const FontFace& face) { return face.italic; }
bool synthetic_bold(const FontFace& face) { return face.synthetic_bold; }
bool synthetic_italic(const FontFace& face) { return face.synthetic_italic; }
unsigned units_per_em(const FontFace& face) { return face.loaded->upem; }
hb_font_t* hb_font(const FontFace& face) { return face.loaded->font; }

FontChain::FontChain(std::vector<const FontFace*> faces) {
  for (const FontFace* f : faces)
    if (f)
      faces_.push_back(f);
}

int FontChain::face_for(char32_t cp) const {
  for (std::size_t i = 0; i < faces_.size(); ++i)
    if (has_glyph(*faces_[i], cp))
      return static_cast<int>(i);
  return -1;
}

} // namespace cvpress::detail

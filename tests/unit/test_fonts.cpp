// FontCatalog / FontChain: fontconfig lookup, coverage, metrics.
#include "fonts/font_face.hpp"
#include "fonts/font_set.hpp"

#include <doctest/doctest.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <string>
#include <thread>
#include <vector>

using namespace cvpress::detail;

namespace {

// Advance width of glyph `gid` read straight from the hhea/hmtx tables.
unsigned hmtx_advance(hb_face_t* face, unsigned gid) {
  auto table = [&](hb_tag_t tag) {
    hb_blob_t* b = hb_face_reference_table(face, tag);
    unsigned len = 0;
    const char* d = hb_blob_get_data(b, &len);
    std::vector<unsigned char> v(d, d + len);
    hb_blob_destroy(b);
    return v;
  };
  const auto hhea = table(HB_TAG('h', 'h', 'e', 'a'));
  const auto hmtx = table(HB_TAG('h', 'm', 't', 'x'));
  const unsigned n_hmetrics = hhea.at(34) << 8 | hhea.at(35);
  const unsigned i = gid < n_hmetrics ? gid : n_hmetrics - 1;
  return hmtx.at(4 * i) << 8 | hmtx.at(4 * i + 1);
}

// What the catalogue resolved before issue 17: the first face of a full
// FcFontSort whose family matches exactly and whose file has glyf outlines.
struct Reference {
  bool found = false;
  std::string path;
  int index = 0;
  bool synthetic_bold = false;
  bool synthetic_italic = false;
};

bool glyf_face(const std::string& path, int index) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob)
    return false;
  bool ok = false;
  if (static_cast<unsigned>(index) < hb_face_count(blob)) {
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_t* glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    ok = hb_blob_get_length(glyf) > 0 && hb_face_get_glyph_count(face) > 0;
    hb_blob_destroy(glyf);
    hb_face_destroy(face);
  }
  hb_blob_destroy(blob);
  return ok;
}

Reference full_sort_lookup(const std::string& family, bool bold, bool italic) {
  REQUIRE(FcInit());
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcFontSet* set = FcFontSort(nullptr, pat, FcFalse, nullptr, &result);
  FcPatternDestroy(pat);
  Reference ref;
  for (int i = 0; set && i < set->nfont && !ref.found; ++i) {
    FcPattern* cand = set->fonts[i];
    bool same_family = false;
    FcChar8* name = nullptr;
    for (int k = 0; FcPatternGetString(cand, FC_FAMILY, k, &name) == FcResultMatch; ++k)
      same_family |=
          FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family.c_str())) == 0;
    FcChar8* file = nullptr;
    if (!same_family || FcPatternGetString(cand, FC_FILE, 0, &file) != FcResultMatch)
      continue;
    int index = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(cand, FC_INDEX, 0, &index);
    FcPatternGetInteger(cand, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(cand, FC_SLANT, 0, &slant);
    const std::string path = reinterpret_cast<const char*>(file);
    if (!glyf_face(path, index & 0xFFFF))
      continue;
    ref = {true, path, index & 0xFFFF, bold && weight < FC_WEIGHT_DEMIBOLD,
           italic && slant == FC_SLANT_ROMAN};
  }
  if (set)
    FcFontSetDestroy(set);
  return ref;
}

} // namespace

TEST_CASE("FontCatalog finds installed TrueType families exactly") {
  auto& cat = FontCatalog::shared();
  const FontFace* noto = cat.find("Noto Sans");
  REQUIRE(noto != nullptr);
  CHECK(family_name(*noto) == "Noto Sans");
  CHECK(file_path(*noto).find("NotoSans-Regular.ttf") != std::string::npos);
  CHECK(face_index(*noto) == 0);
  CHECK_FALSE(is_bold(*noto));
  CHECK_FALSE(is_italic(*noto));
  CHECK(cat.find("Noto Sans") == noto); // cached

  const FontFace* bold = cat.find("Noto Sans", true, false);
  REQUIRE(bold != nullptr);
  CHECK(file_path(*bold).find("NotoSans-Bold.ttf") != std::string::npos);
  CHECK(is_bold(*bold));
  CHECK_FALSE(synthetic_bold(*bold));
  const FontFace* bi = cat.find("Noto Sans", true, true);
  REQUIRE(bi != nullptr);
  CHECK(file_path(*bi).find("NotoSans-BoldItalic.ttf") != std::string::npos);

  // DejaVu Sans must not resolve to its Condensed or ExtraLight members.
  const FontFace* dejavu = cat.find("DejaVu Sans");
  REQUIRE(dejavu != nullptr);
  CHECK(file_path(*dejavu).find("/DejaVuSans.ttf") != std::string::npos);

  // No bold Symbols2: the regular face stands in.
  const FontFace* sym_bold = cat.find("Noto Sans Symbols2", true, false);
  REQUIRE(sym_bold != nullptr);
  CHECK(is_bold(*sym_bold));
  CHECK(synthetic_bold(*sym_bold));
  CHECK(file_path(*sym_bold).find("NotoSansSymbols2-Regular.ttf") != std::string::npos);

  // Not installed: no fontconfig substitute.
  CHECK(cat.find("Definitely Not A Font Family") == nullptr);
  CHECK(cat.find("Helvetica") == nullptr);
}

TEST_CASE("FontCatalog loads a face of a TrueType collection") {
  const FontFace* wqy = FontCatalog::shared().find("WenQuanYi Micro Hei");
  REQUIRE(wqy != nullptr);
  CHECK(file_path(*wqy).find(".ttc") != std::string::npos);
  CHECK(face_index(*wqy) == 0);
  CHECK(has_glyph(*wqy, U'陈'));
  CHECK(has_glyph(*wqy, U'김'));
  CHECK(has_glyph(*wqy, U'A'));
}

TEST_CASE("coverage, advances and metrics") {
  const FontFace* noto = FontCatalog::shared().find("Noto Sans");
  REQUIRE(noto != nullptr);
  CHECK(has_glyph(*noto, U'A'));
  CHECK(has_glyph(*noto, U'ễ'));
  CHECK_FALSE(has_glyph(*noto, U'陈'));
  CHECK_FALSE(has_glyph(*noto, U'김'));
  CHECK(advance_em(*noto, U'陈') == 0);

  const unsigned gid = glyph_id(*noto, U'A');
  REQUIRE(gid != 0);
  const unsigned upem = units_per_em(*noto);
  CHECK(upem == 1000);
  const unsigned adv = hmtx_advance(hb_font_get_face(hb_font(*noto)), gid);
  CHECK(adv > 0);
  CHECK(advance_em(*noto, U'A') == doctest::Approx(adv / double(upem)));

  const FaceMetrics m = metrics(*noto);
  CHECK(m.ascender > 0.7);
  CHECK(m.ascender < 1.3);
  CHECK(m.descender < -0.1);
  CHECK(m.descender > -0.5);
  CHECK(m.line_gap >= 0);

  const FontFace* dejavu = FontCatalog::shared().find("DejaVu Sans");
  REQUIRE(dejavu != nullptr);
  CHECK(units_per_em(*dejavu) == 2048);
  const unsigned dgid = glyph_id(*dejavu, U'A');
  CHECK(advance_em(*dejavu, U'A') ==
        doctest::Approx(hmtx_advance(hb_font_get_face(hb_font(*dejavu)), dgid) / 2048.0));
}

TEST_CASE("FontChain picks the first face covering a character") {
  auto& cat = FontCatalog::shared();
  const FontChain chain(
      {cat.find("Noto Sans"), cat.find("Not Installed Family"), cat.find("DejaVu Sans"),
       cat.find("Noto Sans Arabic"), cat.find("Noto Sans Hebrew"), cat.find("WenQuanYi Micro Hei"),
       cat.find("Noto Sans Symbols"), cat.find("Noto Sans Symbols2"), cat.find("Symbola")});
  REQUIRE(chain.size() == 8); // the missing family is dropped
  auto family_of = [&](char32_t cp) {
    const int i = chain.face_for(cp);
    return i < 0 ? std::string("-") : family_name(chain.face(static_cast<std::size_t>(i)));
  };
  CHECK(family_of(U'A') == "Noto Sans");
  CHECK(family_of(U'ễ') == "Noto Sans");
  CHECK(family_of(U'Ж') == "Noto Sans");
  CHECK(family_of(U'م') == "DejaVu Sans"); // DejaVu has the basic Arabic block
  CHECK(family_of(U'\u08A0') == "Noto Sans Arabic");
  CHECK(family_of(U'\uFEE3') == "DejaVu Sans"); // presentation form: DejaVu has them
  CHECK(family_of(U'ד') == "DejaVu Sans");
  CHECK(family_of(U'陈') == "WenQuanYi Micro Hei");
  CHECK(family_of(U'김') == "WenQuanYi Micro Hei");
  // Beyond the BMP: emoji and math letters; Symbola only where nothing before has them.
  CHECK(family_of(U'\U0001F4DD') == "Symbola");
  CHECK(family_of(U'\U0001F396') == "Noto Sans Symbols2");
  CHECK(family_of(U'\U0001D538') == "DejaVu Sans");
  CHECK(family_of(U'\U00020000') == "-"); // CJK Extension B: no installed font
  CHECK(family_of(U'\U0010FFFD') == "-");
}

TEST_CASE("FontCatalog is safe to use from several threads") {
  std::vector<std::thread> threads;
  std::vector<const FontFace*> got(4, nullptr);
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&got, i] {
      got[i] = FontCatalog::shared().find("Noto Serif", i % 2 == 1, false);
      if (got[i])
        (void)advance_em(*got[i], U'x');
    });
  for (auto& t : threads)
    t.join();
  REQUIRE(got[0] != nullptr);
  CHECK(got[0] == got[2]);
  CHECK(got[1] == got[3]);
  CHECK(got[0] != got[1]);
}

TEST_CASE("FontCatalog resolves every family/variant as a full FcFontSort does") {
  // The catalogue lists only the family's fonts (FcFontList + FcFontSetSort)
  // and may answer from the persistent cache; both must pick the face the
  // full sort picks, or output bytes would change.
  for (const char* family :
       {"Noto Sans", "DejaVu Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "WenQuanYi Micro Hei",
        "Noto Sans Symbols", "Noto Sans Symbols2", "DejaVu Sans Mono", "Symbola", "Noto Serif",
        "DejaVu Serif", "Liberation Sans", "No Such Family 17"})
    for (int variant = 0; variant < 4; ++variant) {
      const bool bold = variant & 1, italic = variant & 2;
      CAPTURE(family);
      CAPTURE(variant);
      const Reference ref = full_sort_lookup(family, bold, italic);
      const FontFace* face = FontCatalog::shared().find(family, bold, italic);
      REQUIRE((face != nullptr) == ref.found);
      if (!face)
        continue;
      CHECK(file_path(*face) == ref.path);
      CHECK(face_index(*face) == ref.index);
      CHECK(synthetic_bold(*face) == ref.synthetic_bold);
      CHECK(synthetic_italic(*face) == ref.synthetic_italic);
    }
}

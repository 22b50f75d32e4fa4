// Manual glyph-fidelity sweep (not part of ctest: takes a few seconds per
// hundred faces): subsets every installed TrueType (glyf) face with all its
// BMP code points and compares every glyph's outline, extents and advance
// with the source face. Build from the repository root:
//   g++ -std=c++20 -O2 -Ilib/src -Ilib/include $(pkg-config --cflags harfbuzz fontconfig)
//     tests/fonts/subset_sweep.cpp lib/src/fonts/*.cpp lib/src/base/diagnostics.cpp
//     -o subset_sweep $(pkg-config --libs harfbuzz harfbuzz-subset fontconfig)   (one line)
// Prints faces whose glyphs differ by more than `tolerance` font units (0 by
// default: hb-subset keeps composite glyphs as they are).
#include "fonts/font_face.hpp"
#include "glyph_outline.hpp"

#include <fontconfig/fontconfig.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

using namespace cvpress::detail;
using namespace cvpress::test;

int main(int argc, char **argv) {
  const double tolerance = argc > 1 ? std::atof(argv[1]) : 0;
  FcInit();
  FcPattern *pat = FcPatternCreate();
  FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, nullptr);
  FcFontSet *set = FcFontList(nullptr, pat, os);
  int faces = 0, glyphs = 0, rounded = 0, bad = 0;
  double worst = 0;
  std::size_t bytes = 0;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8 *file = nullptr, *family = nullptr;
    int index = 0;
    FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
    FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family);
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    LoadedFace lf;
    lf.blob = hb_blob_create_from_file(reinterpret_cast<const char *>(file));
    lf.face = hb_face_create(lf.blob, static_cast<unsigned>(index));
    hb_blob_t *glyf = hb_face_reference_table(lf.face, HB_TAG('g', 'l', 'y', 'f'));
    const bool has_glyf = hb_blob_get_length(glyf) > 0;
    hb_blob_destroy(glyf);
    if (!has_glyf)
      continue;
    lf.upem = hb_face_get_upem(lf.face);
    lf.font = hb_font_create(lf.face);
    hb_font_set_scale(lf.font, int(lf.upem), int(lf.upem));
    FontFace face;
    face.family = reinterpret_cast<const char *>(family);
    face.path = reinterpret_cast<const char *>(file);
    face.index = index;
    face.loaded = &lf;
    hb_set_t *unicodes = hb_set_create();
    hb_face_collect_unicodes(lf.face, unicodes);
    std::set<char32_t> cps;
    for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);)
      if (c <= 0xFFFF)
        cps.insert(c);
    hb_set_destroy(unicodes);
    std::string subset;
    try {
      subset = subset_font(face, cps).program;
    } catch (const std::exception &e) {
      std::printf("THROW %s: %s\n", face.path.c_str(), e.what());
      ++bad;
      continue;
    }
    ++faces;
    bytes += subset.size();
    hb_font_t *sub = font_from_bytes(subset);
    int face_bad = 0;
    for (char32_t cp : cps) {
      hb_codepoint_t a = 0, b = 0;
      if (!hb_font_get_nominal_glyph(lf.font, cp, &a) || a == 0)
        continue;
      ++glyphs;
      double d = INFINITY;
      if (hb_font_get_nominal_glyph(sub, cp, &b) &&
          hb_font_get_glyph_h_advance(lf.font, a) == hb_font_get_glyph_h_advance(sub, b))
        d = outline_distance(glyph_shape(lf.font, a), glyph_shape(sub, b));
      if (d > 0 && d <= tolerance)
        ++rounded;
      if (d > tolerance && face_bad++ < 3)
        std::printf("  %s U+%04X differs by %g\n", face.path.c_str(), unsigned(cp), d);
      if (d < INFINITY && d > worst)
        worst = d;
    }
    bad += face_bad;
    hb_font_destroy(sub);
  }
  std::printf("%d faces, %d glyphs: %d differ by more than %g units, %d by <= %g (rounding); "
              "worst %g; subsets total %zu bytes\n",
              faces, glyphs, bad, tolerance, rounded, tolerance, worst, bytes);
  return bad == 0 ? 0 : 1;
}

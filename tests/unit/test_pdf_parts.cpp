// What the painter's font dictionaries take from subset_font: metrics,
// glyph ids and advances, the PostScript name, the embedding licence.
#include "../fonts/glyph_outline.hpp"
#include "../fonts/memory_face.hpp"
#include "fonts/font_set.hpp"

#include <doctest/doctest.h>

#include <hb.h>

#include <set>
#include <string>
#include <vector>

namespace cvpress::detail {

TEST_CASE("pdf parts: subset_font facts of a real face, a restricted licence reported") {
  const FontFace* face = FontCatalog::shared().find("DejaVu Sans");
  REQUIRE_MESSAGE(face != nullptr, "DejaVu Sans is needed (Debian: fonts-dejavu-core)");
  const FontSubset subset = subset_font(*face, {U'A', U'B', U'Z', U'é', U'陈'});
  CHECK(subset.units_per_em == 2048);
  CHECK(subset.ascender > 0);
  CHECK(subset.descender < 0);
  CHECK(subset.cap_height == 0); // OS/2 version 1: no sCapHeight
  CHECK(subset.italic_angle == 0);
  CHECK(subset.postscript_name == "DejaVuSans");
  CHECK_FALSE(subset.no_embedding);
  // The box of .notdef, A, B, Z and é as drawn (x from the lsb).
  CHECK(subset.x_min == 16);
  CHECK(subset.y_min == -362); // .notdef
  CHECK(subset.x_max == 1384);
  CHECK(subset.y_max == 1638); // é's accent
  REQUIRE(subset.glyphs.size() == 5);
  CHECK(subset.glyphs[0] != 0);
  CHECK(subset.glyphs[1] != 0);
  CHECK(subset.glyphs[2] != 0);
  CHECK(subset.glyphs[3] != 0);
  CHECK(subset.glyphs[4] == 0); // 陈 is not in DejaVu Sans
  // The subset keeps the advances: 'A' in DejaVu Sans is 1401 units wide.
  CHECK(subset.advances.at(subset.glyphs[0]) == 1401);
  const FontSubset oblique =
      subset_font(*FontCatalog::shared().find("DejaVu Sans", false, true), {U'A'});
  CHECK(oblique.italic_angle == doctest::Approx(-11));
  const FontSubset noto = subset_font(*FontCatalog::shared().find("Noto Sans"), {U'H'});
  CHECK(noto.cap_height == 714); // OS/2 version 4
  CHECK(noto.postscript_name == "NotoSans-Regular");

  // The same font marked "restricted license" (OS/2 fsType = 2).
  std::string restricted = subset.program;
  const auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(restricted[at])) << 8 |
           static_cast<unsigned char>(restricted[at + 1]);
  };
  bool patched = false;
  for (unsigned i = 0; i < u16(4); ++i) {
    const std::size_t rec = 12 + 16 * std::size_t{i};
    if (restricted.compare(rec, 4, "OS/2") == 0) {
      const std::size_t off = u16(rec + 8) << 16 | u16(rec + 10);
      restricted[off + 8] = 0;
      restricted[off + 9] = 2;
      patched = true;
    }
  }
  REQUIRE(patched);
  test::MemoryFace memory(restricted, "DejaVu Sans");
  CHECK(subset_font(memory.face, {U'A'}).no_embedding);
}

TEST_CASE("pdf parts: glyph ids and advances of a subset with emoji") {
  const FontFace* face = FontCatalog::shared().find("Symbola");
  REQUIRE_MESSAGE(face != nullptr, "Symbola is needed (Debian: fonts-symbola)");
  const FontSubset subset =
      subset_font(*face, {U'\U0001F4DD', U'A', U'\U0001F396', U'\U0001F600', 0x10FFFD});
  // In code point order: A, 🎖, 📝, 😀, U+10FFFD (none); the ids are the
  // subset's, numbered in Symbola's glyph order, and its cmap agrees.
  REQUIRE(subset.glyphs.size() == 5);
  CHECK(subset.glyphs[4] == 0);
  hb_font_t* sub = test::font_from_bytes(subset.program);
  std::set<unsigned> distinct;
  for (std::size_t i = 0; i < 4; ++i) {
    const char32_t cp = std::vector<char32_t>{U'A', U'\U0001F396', U'\U0001F4DD', U'\U0001F600'}[i];
    hb_codepoint_t gid = 0;
    CHECK(hb_font_get_nominal_glyph(sub, cp, &gid));
    CHECK(subset.glyphs[i] == gid);
    distinct.insert(gid);
  }
  hb_font_destroy(sub);
  CHECK(distinct == std::set<unsigned>{1, 2, 3, 4});
  // The advances come through for the non-BMP glyphs too.
  REQUIRE(subset.advances.size() == 5);
  CHECK(subset.advances[subset.glyphs[2]] == static_cast<unsigned>(hb_font_get_glyph_h_advance(
                                                 hb_font(*face), glyph_id(*face, U'\U0001F4DD'))));
}

} // namespace cvpress::detail

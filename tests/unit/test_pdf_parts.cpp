// Unit tests of the pdf backend's helpers: sfnt reading.
#include "backends/pdf/sfnt.hpp"
#include "fonts/font_set.hpp"

#include <cvpress/diagnostics.hpp>

#include <doctest/doctest.h>

#include <hb.h>

#include <string>
#include <vector>

namespace cvpress::detail {

TEST_CASE("pdf parts: read_sfnt and glyph_ids on a real subset, RenderError on garbage") {
  CHECK_THROWS_AS(read_sfnt("not a font"), RenderError);
  CHECK_THROWS_AS(read_sfnt(std::string(64, '\0')), RenderError);
  CHECK_THROWS_AS(glyph_ids(std::string(12, '\0'), {U'A'}), RenderError);
  const FontFace* face = FontCatalog::shared().find("DejaVu Sans");
  if (!face) {
    FAIL("DejaVu Sans missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  const std::string subset = build_subset_ttf(*face, {U'A', U'B', U'é'});
  const SfntFacts facts = read_sfnt(subset);
  CHECK(facts.units_per_em == 2048);
  CHECK(facts.ascender > 0);
  CHECK(facts.descender < 0);
  CHECK(facts.advances.size() >= 4); // .notdef + 3
  CHECK_FALSE(facts.postscript_name.empty());
  const std::vector<unsigned> gids = glyph_ids(subset, {U'A', U'B', U'é', U'Z'});
  REQUIRE(gids.size() == 4);
  CHECK(gids[0] != 0);
  CHECK(gids[1] != 0);
  CHECK(gids[2] != 0);
  CHECK(gids[3] == 0); // not in the subset
  // The subset keeps the advances: 'A' in DejaVu Sans is 1401 units wide.
  CHECK(facts.advances[gids[0]] == 1401);
  CHECK_FALSE(facts.no_embedding);
  // Mark the font "restricted license" (OS/2 fsType = 2).
  std::string restricted = subset;
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
  CHECK(read_sfnt(restricted).no_embedding);
}

TEST_CASE("pdf parts: glyph_ids reads the format-12 cmap of a subset with emoji") {
  const FontFace* face = FontCatalog::shared().find("Symbola");
  REQUIRE_MESSAGE(face != nullptr, "Symbola is needed (Debian: fonts-symbola)");
  const std::string subset = build_subset_ttf(*face, {U'A', U'\U0001F396', U'\U0001F4DD'});
  const std::vector<unsigned> gids =
      glyph_ids(subset, {U'\U0001F4DD', U'A', U'\U0001F396', U'B', U'\U0001F600', 0x10FFFD});
  // Code point order: A=1, 🎖=2, 📝=3; what the subset lacks is 0.
  CHECK(gids == std::vector<unsigned>{3, 1, 2, 0, 0, 0});
  // The advances come through for the non-BMP glyphs too.
  const SfntFacts facts = read_sfnt(subset);
  REQUIRE(facts.advances.size() == 4);
  CHECK(facts.advances[3] ==
        hb_font_get_glyph_h_advance(hb_font(*face), glyph_id(*face, U'\U0001F4DD')));
}

} // namespace cvpress::detail

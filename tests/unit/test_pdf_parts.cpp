// Unit tests of the pdf backend's helpers: sfnt reading and image checks.
#include "backends/pdf/image_check.hpp"
#include "backends/pdf/sfnt.hpp"
#include "fonts/font_set.hpp"

#include <cvpress/diagnostics.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace cvpress::detail {
namespace {

// 2x2 RGBA PNG.
const std::string
    kPng("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
         "\x00\x00\x00\x02\x08\x06\x00\x00\x00\x72\xb6\x0d\x24\x00\x00\x00\x11\x49\x44\x41"
         "\x54\x78\xda\x63\xf8\xcf\xc0\xd0\x00\xc2\x0c\x30\x06\x00\x38\xe8\x05\xfd\x6c\xdc\xaf"
         "\xd7\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
         74);

} // namespace

TEST_CASE("pdf parts: png_problem accepts a PNG and names what is wrong with broken ones") {
  CHECK(png_problem(kPng).empty());
  CHECK(png_problem("GIF89a") == "not a PNG file");
  CHECK(png_problem(kPng.substr(0, 40)) == "truncated PNG file");
  std::string bad_crc = kPng;
  bad_crc[45] ^= 0x01; // inside IDAT
  CHECK(png_problem(bad_crc).find("bad CRC in IDAT") != std::string::npos);
  std::string no_end = kPng.substr(0, kPng.size() - 12);
  CHECK(png_problem(no_end) == "truncated PNG file");
}

TEST_CASE("pdf parts: jpeg_problem wants SOI and a frame header") {
  // SOI, APP0 (length 4), SOF0 8x8 with 3 components, EOI.
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x00\x08\x00\x08"
                         "\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9",
                         29);
  CHECK(jpeg_problem(jpeg).empty());
  CHECK(jpeg_problem("\xFF\xD8") == "not a JPEG file");
  CHECK(jpeg_problem(jpeg.substr(0, 12)) == "truncated JPEG file");
  CHECK(jpeg_problem(std::string("\xFF\xD8\xFF\xD9\x00\x00", 6)) ==
        "JPEG file has no frame header");
}

TEST_CASE("pdf parts: read_sfnt and glyph_ids on a real subset, RenderError on garbage") {
  CHECK_THROWS_AS(read_sfnt("not a font"), RenderError);
  CHECK_THROWS_AS(read_sfnt(std::string(64, '\0')), RenderError);
  CHECK_THROWS_AS(glyph_ids(std::string(12, '\0'), {U'A'}), RenderError);
  const FontFace* face = FontCatalog::shared().find("DejaVu Sans");
  if (!face) {
    MESSAGE("skipped: DejaVu Sans missing");
    return;
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

} // namespace cvpress::detail

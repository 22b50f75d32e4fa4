// subset_font (hb-subset): exact outlines, the needed glyphs only, consistent tables.
#include "../fonts/glyph_outline.hpp"
#include "fonts/font_face.hpp"
#include "fonts/font_set.hpp"

#include <cvpress/diagnostics.hpp>

#include <doctest/doctest.h>

#include <hb.h>

#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace cvpress::detail;
using cvpress::test::font_from_bytes;
using cvpress::test::glyph_shape;
using cvpress::test::outline_distance;

namespace {

std::set<char32_t> code_points(std::u32string_view s) { return {s.begin(), s.end()}; }

unsigned be16(const std::string& f, std::size_t off) {
  return static_cast<unsigned char>(f[off]) << 8 | static_cast<unsigned char>(f[off + 1]);
}
std::uint32_t be32(const std::string& f, std::size_t off) {
  return std::uint32_t(be16(f, off)) << 16 | be16(f, off + 2);
}

// Offset and length of table `tag` in an sfnt, {0, 0} when absent.
std::pair<std::size_t, std::size_t> find_table(const std::string& f, std::string_view tag) {
  for (unsigned i = 0, n = be16(f, 4); i < n; ++i) {
    const std::size_t rec = 12 + 16 * std::size_t(i);
    if (f.compare(rec, 4, tag) == 0)
      return {be32(f, rec + 8), be32(f, rec + 12)};
  }
  return {0, 0};
}

std::uint32_t sum32(const std::string& f, std::size_t off, std::size_t len) {
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < len; i += 4) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k)
      v = v << 8 | (i + k < len ? static_cast<unsigned char>(f[off + i + k]) : 0u);
    s += v;
  }
  return s;
}

// Checks every character's glyph in `subset` against `face`; returns the
// number of glyphs in the subset.
unsigned check_subset(const FontFace& face, const FontSubset& subset, std::u32string_view text) {
  hb_font_t* sub = font_from_bytes(subset.program);
  const std::set<char32_t> requested(text.begin(), text.end());
  hb_font_t* orig = hb_font(face);
  for (char32_t cp : text) {
    CAPTURE(static_cast<unsigned>(cp));
    const unsigned src_gid = glyph_id(face, cp);
    REQUIRE(src_gid != 0);
    hb_codepoint_t gid = 0;
    REQUIRE(hb_font_get_nominal_glyph(sub, cp, &gid));
    // The glyph id the painter draws with is the one the subset's cmap gives.
    const auto at = std::distance(requested.begin(), requested.find(cp));
    CHECK(subset.glyphs.at(static_cast<std::size_t>(at)) == gid);
    CHECK(subset.advances.at(gid) == static_cast<unsigned>(hb_font_get_glyph_h_advance(sub, gid)));
    const auto a = glyph_shape(orig, src_gid);
    const auto b = glyph_shape(sub, gid);
    if (cp != U' ' && cp != U'\u00A0') // blank glyphs
      CHECK(a.contours() > 0);
    CHECK(b.contours() == a.contours());
    CHECK(outline_distance(a, b) == 0);
    CHECK(hb_font_get_glyph_h_advance(sub, gid) == hb_font_get_glyph_h_advance(orig, src_gid));
  }
  const unsigned n = hb_face_get_glyph_count(hb_font_get_face(sub));
  hb_font_destroy(sub);
  return n;
}

// Only the tables a PDF viewer reads, no hinting, checksums right, every
// glyph within glyf and every composite's components inside the subset.
void check_structure(const std::string& f) {
  CHECK(be32(f, 0) == 0x00010000);
  const std::set<std::string> allowed{"OS/2", "cmap", "glyf", "head", "hhea",
                                      "hmtx", "loca", "maxp", "name", "post"};
  // table checksums and the whole-file adjustment
  for (unsigned i = 0, n = be16(f, 4); i < n; ++i) {
    const std::size_t rec = 12 + 16 * std::size_t(i);
    const std::string tag = f.substr(rec, 4);
    CAPTURE(tag);
    CHECK(allowed.count(tag) == 1); // no fpgm, prep, cvt, GSUB, GPOS, kern, hdmx, ...
    std::uint32_t s = sum32(f, be32(f, rec + 8), be32(f, rec + 12));
    if (tag == "head")
      s -= be32(f, be32(f, rec + 8) + 8);
    CHECK(s == be32(f, rec + 4));
  }
  CHECK(sum32(f, 0, f.size()) == 0xB1B0AFBAu);
  const auto [head, head_len] = find_table(f, "head");
  const auto [maxp, maxp_len] = find_table(f, "maxp");
  const auto [loca, loca_len] = find_table(f, "loca");
  const auto [glyf, glyf_len] = find_table(f, "glyf");
  REQUIRE(head_len == 54);
  REQUIRE(maxp_len == 32);
  const bool long_loca = be16(f, head + 50) == 1;
  const unsigned n = be16(f, maxp + 4);
  CHECK(loca_len == (n + 1) * (long_loca ? 4u : 2u));
  for (unsigned g = 0; g < n; ++g) {
    const std::size_t a = long_loca ? be32(f, loca + 4 * g) : 2 * be16(f, loca + 2 * g);
    const std::size_t b = long_loca ? be32(f, loca + 4 * g + 4) : 2 * be16(f, loca + 2 * g + 2);
    REQUIRE(a <= b);
    REQUIRE(b <= glyf_len);
    if (b == a)
      continue;
    const auto contours = static_cast<std::int16_t>(be16(f, glyf + a));
    if (contours >= 0) {
      CHECK(be16(f, glyf + a + 10 + 2 * std::size_t(contours)) == 0); // no instructions
      continue;
    }
    for (std::size_t p = glyf + a + 10;;) { // composite: components present, no instructions
      const unsigned flags = be16(f, p);
      CHECK(be16(f, p + 2) < n);
      CHECK((flags & 0x0100) == 0); // WE_HAVE_INSTRUCTIONS
      p += 4 + ((flags & 0x0001) ? 4 : 2) +
           ((flags & 0x0008)   ? 2
            : (flags & 0x0040) ? 4
            : (flags & 0x0080) ? 8
                               : 0);
      if (!(flags & 0x0020))
        break;
    }
  }
}

} // namespace

TEST_CASE("subset_font keeps exactly the needed glyphs, outlines unchanged") {
  auto& cat = FontCatalog::shared();
  struct Case {
    const char* family;
    std::u32string_view text;
    unsigned glyphs; // .notdef, the characters' glyphs and their composites' components
  };
  const Case cases[] = {
      {"Noto Sans", U"Qinghao Hu Zürich", 16},
      {"Noto Sans", U"Nguyễn Văn Việt ễ ế", 19},
      {"DejaVu Sans", U"Nguyễn Văn Việt ễ ế", 25},
      {"Noto Sans", U"Ζωή Ελληνικά Дмитрий", 0},
      {"WenQuanYi Micro Hei", U"陈巧玲 김민준", 23},
      {"Noto Sans Hebrew", U"דוד", 3},
      {"DejaVu Sans", U"\uFEE3\uFEA4\uFEE4\uFEAA", 5},
      {"Noto Sans Arabic", U"\uFEE3\uFEA4\uFEE4\uFEAA", 5},
      // Two code points sharing one glyph (U+2010/U+2011 in DejaVu), and runs
      // of consecutive code points whose new glyph ids are not consecutive:
      // a cmap segment merged without checking the ids draws wrong outlines.
      {"DejaVu Sans", U"a\u2010\u2011b", 0},
      {"DejaVu Sans", U"ABCXYZabcxyz0189", 17},
      {"DejaVu Sans", U"\u2010\u2011\u2012\u2013\u2014\u2015", 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.family);
    const FontFace* face = cat.find(c.family);
    REQUIRE(face != nullptr);
    const FontSubset subset = subset_font(*face, code_points(c.text));
    check_structure(subset.program);
    const unsigned n = check_subset(*face, subset, c.text);
    if (c.glyphs)
      CHECK(n == c.glyphs);
    CHECK(subset.program.size() < 20000);
  }
}

TEST_CASE("subset_font keeps nested composites with all their components") {
  // DejaVu's ễ is a composite whose accent is itself a composite: ễ, e, the
  // accent, circumflex, tilde and .notdef.
  const FontFace* face = FontCatalog::shared().find("DejaVu Sans");
  REQUIRE(face != nullptr);
  const FontSubset subset = subset_font(*face, {U'ễ'});
  check_structure(subset.program);
  CHECK(check_subset(*face, subset, U"ễ") == 6);
  hb_font_t* sub = font_from_bytes(subset.program);
  hb_codepoint_t gid = 0;
  REQUIRE(hb_font_get_nominal_glyph(sub, U'ễ', &gid));
  CHECK(glyph_shape(sub, gid).contours() >= 3); // e + circumflex + tilde
  hb_font_destroy(sub);
}

TEST_CASE("subset_font skips characters it cannot map") {
  const FontFace* face = FontCatalog::shared().find("Noto Sans");
  REQUIRE(face != nullptr);
  // Missing in the face (陈, 😀), a surrogate, U+FFFF and a value beyond
  // Unicode: only 'a' and .notdef remain.
  const FontSubset subset =
      subset_font(*face, {U'a', U'陈', U'\U0001F600', 0xD800, 0xFFFF, 0x110000});
  CHECK(subset.glyphs == std::vector<unsigned>{1, 0, 0, 0, 0, 0}); // in code point order
  hb_font_t* sub = font_from_bytes(subset.program);
  CHECK(hb_face_get_glyph_count(hb_font_get_face(sub)) == 2);
  hb_codepoint_t gid = 0;
  CHECK(hb_font_get_nominal_glyph(sub, U'a', &gid));
  CHECK_FALSE(hb_font_get_nominal_glyph(sub, U'陈', &gid));
  hb_font_destroy(sub);
  // An empty request still gives a valid font with .notdef.
  const FontSubset empty = subset_font(*face, {});
  check_structure(empty.program);
  CHECK(empty.advances.size() == 1);
}

TEST_CASE("subset_font keeps the USE_MY_METRICS / lsb shift rasterisers apply") {
  // DejaVu Sans Bold Oblique's ļ ŗ ḻ: composites whose xMin and lsb disagree;
  // FreeType/HarfBuzz draw them shifted by the phantom point.
  const FontFace* face = FontCatalog::shared().find("DejaVu Sans", true, true);
  REQUIRE(face != nullptr);
  REQUIRE(file_path(*face).find("DejaVuSans-BoldOblique.ttf") != std::string::npos);
  const std::u32string text = U"\u013C\u0157\u1E3B";
  const FontSubset subset = subset_font(*face, code_points(text));
  check_structure(subset.program);
  CHECK(check_subset(*face, subset, text) == 9);
}

TEST_CASE("subset_font maps characters beyond the BMP with a format-12 cmap") {
  // Symbola: 📝 🎖 and 𝔸 (math double-struck A) have glyphs beyond the BMP.
  const FontFace* face = FontCatalog::shared().find("Symbola");
  REQUIRE_MESSAGE(face != nullptr, "Symbola is needed (Debian: fonts-symbola)");
  const std::u32string text = U"A\u2605\U0001F4DD\U0001F396\U0001D538";
  const FontSubset font = subset_font(*face, code_points(text));
  const std::string& subset = font.program;
  check_structure(subset);
  CHECK(check_subset(*face, font, text) == 6);

  const auto [cmap, cmap_len] = find_table(subset, "cmap");
  REQUIRE(cmap_len > 0);
  REQUIRE(be16(subset, cmap + 2) == 2); // (3,1) then (3,10), sorted
  CHECK(be16(subset, cmap + 4) == 3);
  CHECK(be16(subset, cmap + 6) == 1);
  CHECK(be16(subset, cmap + 12) == 3);
  CHECK(be16(subset, cmap + 14) == 10);
  const std::size_t sub4 = cmap + be32(subset, cmap + 8);
  const std::size_t sub12 = cmap + be32(subset, cmap + 16);
  CHECK(be16(subset, sub4) == 4);
  REQUIRE(be16(subset, sub12) == 12);
  const std::uint32_t groups = be32(subset, sub12 + 12);
  CHECK(be32(subset, sub12 + 4) == 16 + 12 * groups); // length
  REQUIRE(sub12 + 16 + 12 * std::size_t(groups) <= cmap + cmap_len);
  // The groups list every character once, sorted, as {first, last, first
  // glyph}, with the glyph ids the painter draws with (A=1, ★=2, 𝔸=3, 🎖=4,
  // 📝=5: Symbola's own glyph order).
  std::map<char32_t, unsigned> mapped;
  std::uint32_t previous_end = 0;
  for (std::uint32_t i = 0; i < groups; ++i) {
    const std::size_t g = sub12 + 16 + 12 * std::size_t(i);
    const std::uint32_t first = be32(subset, g), last = be32(subset, g + 4);
    CHECK(first <= last);
    CHECK((i == 0 || first > previous_end));
    previous_end = last;
    for (std::uint32_t cp = first; cp <= last; ++cp)
      mapped[cp] = be32(subset, g + 8) + (cp - first);
  }
  const std::map<char32_t, unsigned> want{
      {U'A', 1}, {U'\u2605', 2}, {U'\U0001D538', 3}, {U'\U0001F396', 4}, {U'\U0001F4DD', 5}};
  CHECK(mapped == want);
  std::size_t i = 0;
  for (char32_t cp : code_points(text))
    CHECK(font.glyphs[i++] == want.at(cp));
  // OS/2 first/last character index are 16-bit: 0xFFFF stands for "beyond".
  const auto [os2, os2_len] = find_table(subset, "OS/2");
  REQUIRE(os2_len >= 68);
  CHECK(be16(subset, os2 + 64) == U'A');
  CHECK(be16(subset, os2 + 66) == 0xFFFF);

  // A subset of BMP characters only keeps its single format-4 subtable.
  const std::string bmp = subset_font(*face, {U'A', U'\u2605'}).program;
  CHECK(be16(bmp, find_table(bmp, "cmap").first + 2) == 1);
}

namespace {

// Characters of U+0021..U+024F whose glyph in `face` is drawn with a
// non-zero left side bearing (xMin = lsb as rasterisers draw it).
std::u32string shifted_glyphs(const FontFace& face) {
  std::u32string out;
  for (char32_t cp = 0x21; cp <= 0x24F; ++cp) {
    if (!has_glyph(face, cp))
      continue;
    hb_glyph_extents_t e{};
    if (hb_font_get_glyph_extents(hb_font(face), glyph_id(face, cp), &e) && e.width != 0 &&
        e.x_bearing != 0)
      out.push_back(cp);
  }
  return out;
}

} // namespace

TEST_CASE("subset_font keeps every glyph's left side bearing (slanted faces)") {
  // Oblique and italic glyphs start left or right of the origin; a subset
  // whose hmtx lsb (or glyf xMin) moved draws every outline shifted.
  const FontFace* faces[] = {FontCatalog::shared().find("DejaVu Sans", true, true),
                             FontCatalog::shared().find("Noto Sans", false, true)};
  for (const FontFace* face : faces) {
    REQUIRE(face != nullptr);
    CAPTURE(file_path(*face));
    const std::u32string text = shifted_glyphs(*face);
    REQUIRE(text.size() > 100);
    const FontSubset subset = subset_font(*face, code_points(text));
    hb_font_t* sub = font_from_bytes(subset.program);
    const std::set<char32_t> cps = code_points(text);
    int negative = 0;
    for (char32_t cp : text) {
      CAPTURE(static_cast<unsigned>(cp));
      hb_glyph_extents_t a{}, b{};
      REQUIRE(hb_font_get_glyph_extents(hb_font(*face), glyph_id(*face, cp), &a));
      const auto at = std::distance(cps.begin(), cps.find(cp));
      REQUIRE(hb_font_get_glyph_extents(sub, subset.glyphs.at(static_cast<std::size_t>(at)), &b));
      CHECK(b.x_bearing == a.x_bearing);
      CHECK(b.width == a.width);
      negative += a.x_bearing < 0;
    }
    CHECK(negative > 0); // some glyphs reach left of the origin
    hb_font_destroy(sub);
    check_subset(*face, subset, text);
  }
}

TEST_CASE("subset_font: characters sharing one glyph, glyph ids far apart") {
  // Noto Naskh Arabic draws U+067E and its isolated form U+FB56 with one
  // glyph (likewise U+0671/U+FB50 and U+0020/U+00A0); with beh and meem the
  // source glyph ids are not consecutive. Every character keeps its outline.
  const FontFace* face = FontCatalog::shared().find("Noto Naskh Arabic");
  REQUIRE(face != nullptr);
  const std::pair<char32_t, char32_t> shared[] = {
      {U'\u067E', U'\uFB56'}, {U'\u0671', U'\uFB50'}, {U' ', U'\u00A0'}};
  std::u32string text = U"\u0628\u0645";
  for (const auto& [a, b] : shared) {
    REQUIRE(glyph_id(*face, a) == glyph_id(*face, b));
    text += a;
    text += b;
  }
  const auto cps = code_points(text);
  std::set<unsigned> source_ids;
  for (char32_t cp : cps)
    source_ids.insert(glyph_id(*face, cp));
  REQUIRE(source_ids.size() == cps.size() - 3);
  // not one run of consecutive ids
  REQUIRE(*source_ids.rbegin() - *source_ids.begin() + 1 > source_ids.size());
  const FontSubset subset = subset_font(*face, cps);
  check_structure(subset.program);
  const auto index = [&](char32_t cp) {
    return static_cast<std::size_t>(std::distance(cps.begin(), cps.find(cp)));
  };
  for (const auto& [a, b] : shared) {
    CHECK(subset.glyphs.at(index(a)) == subset.glyphs.at(index(b)));
    CHECK(subset.glyphs.at(index(a)) != 0);
  }
  const std::set<unsigned> ids(subset.glyphs.begin(), subset.glyphs.end());
  CHECK(ids.size() == source_ids.size());
  // .notdef + the 5 distinct glyphs (+ any components)
  CHECK(check_subset(*face, subset, text) >= 6);
}

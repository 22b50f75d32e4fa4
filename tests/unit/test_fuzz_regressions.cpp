// Inputs that crashed a fuzz target (tests/fuzz), kept as unit tests so the
// normal and the asan builds replay them. The same files are in the fuzz
// corpora (tests/fuzz/corpus/<target>/regress-*), which the fuzz ctests replay.
#include "backends/pdf/painter.hpp"
#include "load/markup.hpp"
#include "resources/image.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace cvpress;

TEST_CASE("fuzz regression: markup with a math span md4c leaves empty") {
  // fuzz_markup: '$...$' whose only content is dropped by md4c (a NUL) made
  // finish_math() call front() on an empty string (UBSan: pointer overflow).
  const std::string input(
      "\x24\x5c\x72\x61\x63\x6b\x5d\x28\x68\x74\x5b\x24\x3a\x66\x72\x61\x63\x7b\x31\x7d\x7b\x6e\x6f"
      "\x74\x73\x71\x73\x7d\x5c\x00\x61\x5b\x7d\x78\x6d\x5b\x69\x6b\x5d\x28\x68\x74\x5b\x24\x3a\x2f"
      "\x29\x24\x5c\x63\x69\x72\x63\x24",
      54);
  std::vector<std::string> warnings;
  const RichText text = detail::parse_markup(input, SourceLocation{"fuzz.yaml", 1, 1}, &warnings);
  CHECK_FALSE(text.empty());
}

namespace {

std::string chunk(const std::string& type, const std::string& data) {
  auto be = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  const std::string body = type + data;
  const auto crc = static_cast<std::uint32_t>(
      ::crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  return be(static_cast<std::uint32_t>(data.size())) + body + be(crc);
}

// A 1x1 palette PNG with `extra` chunks between IHDR and IDAT.
std::string palette_png(const std::string& extra, const std::string& idat_suffix = "") {
  const std::string ihdr("\0\0\0\1\0\0\0\1\x08\x03\0\0\0", 13);
  const std::string raw("\0\0", 2);
  std::string z(64, '\0');
  uLongf n = z.size();
  ::compress(reinterpret_cast<Bytef*>(z.data()), &n, reinterpret_cast<const Bytef*>(raw.data()),
             raw.size());
  z.resize(n);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + extra +
         chunk("IDAT", z + idat_suffix) + chunk("IEND", "");
}

} // namespace

TEST_CASE("fuzz regression: PNGs that made libpng abort inside libharu") {
  // fuzz_image: a chunk type that is not four letters, and a second PLTE,
  // passed cvpress's checks and libpng then aborted the process.
  std::string why;
  const std::string plte = chunk("PLTE", std::string(3, '\x7f'));
  CHECK(detail::inspect_image(palette_png(plte), why));
  CHECK(detail::png_data_problem(palette_png(plte)).empty());
  CHECK_FALSE(detail::inspect_image(palette_png(plte + plte), why));
  CHECK(why == "invalid PNG (bad PLTE chunk)");
  CHECK_FALSE(detail::inspect_image(palette_png(plte + chunk(std::string(4, '\0'), "")), why));
  CHECK(why == "invalid PNG (bad chunk type)");
}

TEST_CASE("fuzz regression: PNG with data after the zlib stream") {
  // fuzz_image: libpng reports "Extra compressed data" and libharu 2.3.0
  // then frees memory twice when the document is freed.
  const std::string plte = chunk("PLTE", std::string(3, '\x7f'));
  std::string why;
  const std::string png = palette_png(plte, "junk");
  REQUIRE(detail::inspect_image(png, why));
  CHECK(detail::png_data_problem(png) == "corrupt PNG (data after the end of the image data)");
}

TEST_CASE("painter refuses an unchecked PNG whose image data is corrupt") {
  // A hand-built document (not from layout) gets the same full check as a
  // photo: structure and CRCs pass, the inflated data does not.
  detail::LaidOutDocument doc;
  detail::Page page;
  detail::ImageItem image;
  image.width = image.height = 20;
  image.bytes = palette_png(chunk("PLTE", std::string(3, '\x7f')), "junk");
  page.items.emplace_back(image);
  doc.pages.push_back(page);
  CHECK_THROWS_WITH_AS((void)detail::paint_pdf(doc),
                       "PDF: cannot embed an image: corrupt PNG (data after the end of the image "
                       "data)",
                       RenderError);
}

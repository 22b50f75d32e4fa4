// Photos larger than they are printed are downsampled (issue 20, item 3):
// the size, colours and alpha survive, small photos are kept byte for byte,
// and a CV with a camera-sized photo gives a small PDF.
#include "resources/downsample.hpp"
#include "resources/photo.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <jpeglib.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;

namespace {

// A w x h PNG in `format` (PNG_FORMAT_*) filled by `pixel(x, y, channel)`.
template <class F> std::string make_png(int w, int h, png_uint_32 format, F pixel) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(w);
  image.height = static_cast<png_uint_32>(h);
  image.format = format;
  const int channels = static_cast<int>(PNG_IMAGE_SAMPLE_CHANNELS(format));
  std::vector<unsigned char> px(static_cast<std::size_t>(w * h * channels));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < channels; ++c)
        px[static_cast<std::size_t>((y * w + x) * channels + c)] = pixel(x, y, c);
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, px.data(), 0, nullptr));
  std::string out(size, '\0');
  REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, px.data(), 0, nullptr));
  out.resize(size);
  return out;
}

// Decodes a PNG to 8-bit RGB.
std::vector<unsigned char> png_rgb(const std::string& bytes, int& w, int& h) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()));
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> px(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, px.data(), 0, nullptr));
  w = static_cast<int>(image.width);
  h = static_cast<int>(image.height);
  return px;
}

// A w x h baseline RGB JPEG of one colour.
std::string make_jpeg(int w, int h, unsigned char r, unsigned char g, unsigned char b) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(w);
  cinfo.image_height = static_cast<JDIMENSION>(h);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(w) * 3);
  for (int x = 0; x < w; ++x) {
    row[static_cast<std::size_t>(x) * 3] = r;
    row[static_cast<std::size_t>(x) * 3 + 1] = g;
    row[static_cast<std::size_t>(x) * 3 + 2] = b;
  }
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW p = row.data();
    jpeg_write_scanlines(&cinfo, &p, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

ImageInfo info_of(const std::string& bytes) {
  std::string why;
  auto info = inspect_image(bytes, why);
  REQUIRE_MESSAGE(info, why);
  return *info;
}

} // namespace

TEST_CASE("downsample: a large PNG is reduced to the box, aspect and colours kept") {
  // Red up to x = 1002, blue after: output column 150 (x 1000..1006) mixes them.
  const std::string png = make_png(2000, 1500, PNG_FORMAT_RGB, [](int x, int, int c) {
    return static_cast<unsigned char>(x < 1003 ? (c == 0 ? 255 : 0) : (c == 2 ? 255 : 0));
  });
  auto small = downsample_image(png, info_of(png), 300, 400);
  REQUIRE(small);
  CHECK(small->info.format == ImageFormat::png);
  CHECK(small->info.width == 300);
  CHECK(small->info.height == 225);
  CHECK(png_data_problem(small->bytes).empty());
  int w = 0, h = 0;
  auto px = png_rgb(small->bytes, w, h);
  REQUIRE(w == 300);
  const auto at = [&](int x, int y, int c) {
    return px[static_cast<std::size_t>((y * w + x) * 3 + c)];
  };
  CHECK(at(10, 100, 0) == 255); // red stays red
  CHECK(at(10, 100, 2) == 0);
  CHECK(at(290, 100, 2) == 255); // blue stays blue
  CHECK(at(290, 100, 0) == 0);
  CHECK(at(150, 100, 0) > 100); // the column on the edge averages both halves
  CHECK(at(150, 100, 2) > 100);
}

TEST_CASE("downsample: alpha is composited over white, gray stays gray") {
  const std::string rgba = make_png(1200, 1200, PNG_FORMAT_RGBA, [](int, int, int c) {
    return static_cast<unsigned char>(c == 3 ? 0 : 40); // fully transparent dark pixels
  });
  auto small = downsample_image(rgba, info_of(rgba), 300, 400);
  REQUIRE(small);
  int w = 0, h = 0;
  auto px = png_rgb(small->bytes, w, h);
  CHECK(w == 300);
  CHECK(h == 300);
  CHECK(px[0] == 255);
  CHECK(px[1] == 255);

  const std::string gray = make_png(1000, 1000, PNG_FORMAT_GRAY, [](int, int y, int) {
    return static_cast<unsigned char>(y < 500 ? 0 : 200);
  });
  auto g = downsample_image(gray, info_of(gray), 300, 400);
  REQUIRE(g);
  CHECK(static_cast<unsigned char>(g->bytes[25]) == 0); // IHDR colour type 0: gray
  px = png_rgb(g->bytes, w, h);
  CHECK(px[0] == 0);
  CHECK(px[static_cast<std::size_t>((299 * w) * 3)] == 200);
}

TEST_CASE("downsample: JPEG through a DCT scale and a re-encode; small photos are kept") {
  const std::string jpeg = make_jpeg(3000, 4000, 200, 30, 30);
  auto small = downsample_image(jpeg, info_of(jpeg), 300, 400);
  REQUIRE(small);
  CHECK(small->info.format == ImageFormat::jpeg);
  CHECK(small->info.width == 300);
  CHECK(small->info.height == 400);
  CHECK(small->bytes.size() < jpeg.size());

  // Within a third of the box: not worth a re-encode.
  const std::string fits = make_jpeg(400, 500, 1, 2, 3);
  CHECK_FALSE(downsample_image(fits, info_of(fits), 300, 400));
  const std::string tiny = make_png(50, 50, PNG_FORMAT_RGB, [](int, int, int) { return 9; });
  CHECK_FALSE(downsample_image(tiny, info_of(tiny), 300, 400));
}

TEST_CASE("photo: a camera-sized photo gives a small PDF with a 300 dpi image") {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("cvpress-photo-" + std::to_string(rd()));
  fs::create_directories(dir);
  // Noise compresses badly: 3000x3000 RGB is about 27 MB of pixels.
  std::mt19937 noise(7);
  const std::string png = make_png(3000, 3000, PNG_FORMAT_RGB, [&](int, int, int) {
    return static_cast<unsigned char>(noise());
  });
  REQUIRE(png.size() > 20'000'000);
  std::ofstream(dir / "me.png", std::ios::binary) << png;

  const LoadResult loaded = load_cv_string("cv:\n  name: Jane Doe\n  photo: me.png\n", "cv.yaml");
  auto photo = load_photo(loaded.cv, dir, PhotoAccess{});
  REQUIRE(photo);
  CHECK(photo->info.width == 300);
  CHECK(photo->info.height == 300);

  RenderOptions options;
  options.base_dir = dir;
  const RenderResult pdf = find_backend("pdf")->render(loaded.cv, options);
  CHECK(pdf.bytes.size() < 600'000); // 300x300 noise, not 27 MB
  CHECK(pdf.bytes.find("/Width 300") != std::string::npos);
  CHECK(pdf.bytes.find("/Height 300") != std::string::npos);
  fs::remove_all(dir);
}

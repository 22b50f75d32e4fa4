// Decoding, area-average reduction and re-encoding of oversized photos.
// libpng and libjpeg report errors by longjmp: the decoding functions below
// keep no C++ object with a destructor in the frames such a jump crosses,
// and everything they fill is allocated before.
#include "resources/downsample.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <jpeglib.h>
#include <png.h>

namespace cvpress::detail {
namespace {

// Sums input rows into output pixels (a box filter); alpha over white.
class Reducer {
public:
  Reducer(int max_in_width, int out_w, int out_h)
      : pixels(static_cast<std::size_t>(out_w) * static_cast<std::size_t>(out_h) * 3),
        row(static_cast<std::size_t>(max_in_width) * 4), out_w_(out_w), out_h_(out_h),
        column_(static_cast<std::size_t>(max_in_width)), sum_(static_cast<std::size_t>(out_w) * 3),
        count_(static_cast<std::size_t>(out_w)) {}

  // The decoded size and layout of the rows that follow; no allocation.
  bool configure(int in_w, int in_h, int in_channels) {
    if (in_w <= 0 || in_h <= 0 || static_cast<std::size_t>(in_w) > column_.size() ||
        in_channels < 1 || in_channels > 4)
      return false;
    in_w_ = in_w;
    in_h_ = in_h;
    in_channels_ = in_channels;
    out_channels = in_channels <= 2 ? 1 : 3;
    for (int x = 0; x < in_w; ++x)
      column_[static_cast<std::size_t>(x)] =
          static_cast<int>(static_cast<std::int64_t>(x) * out_w_ / in_w);
    return true;
  }

  void add_row(const unsigned char* in) {
    const int oy = static_cast<int>(static_cast<std::int64_t>(y_) * out_h_ / in_h_);
    if (oy != current_)
      flush();
    current_ = oy;
    const bool alpha = in_channels_ == 2 || in_channels_ == 4;
    const int colours = alpha ? in_channels_ - 1 : in_channels_;
    for (int x = 0; x < in_w_; ++x) {
      const unsigned char* p = in + static_cast<std::ptrdiff_t>(x) * in_channels_;
      const auto ox = static_cast<std::size_t>(column_[static_cast<std::size_t>(x)]);
      const unsigned a = alpha ? p[colours] : 255u;
      for (int c = 0; c < out_channels; ++c) {
        const unsigned v = p[colours == 1 ? 0 : c];
        sum_[ox * 3 + static_cast<std::size_t>(c)] += (v * a + 255u * (255u - a) + 127u) / 255u;
      }
      ++count_[ox];
    }
    ++y_;
  }

  // Writes the last output row; true when every input row arrived.
  bool finish() {
    flush();
    return y_ == in_h_;
  }

  int out_channels = 3;
  std::vector<unsigned char> pixels; // out_w x out_h x out_channels, packed
  std::vector<unsigned char> row;    // one decoded input row

private:
  void flush() {
    if (current_ < 0)
      return;
    for (int ox = 0; ox < out_w_; ++ox) {
      const auto n = count_[static_cast<std::size_t>(ox)];
      for (int c = 0; c < out_channels; ++c) {
        auto& s = sum_[static_cast<std::size_t>(ox) * 3 + static_cast<std::size_t>(c)];
        pixels[(static_cast<std::size_t>(current_) * static_cast<std::size_t>(out_w_) +
                static_cast<std::size_t>(ox)) *
                   static_cast<std::size_t>(out_channels) +
               static_cast<std::size_t>(c)] = static_cast<unsigned char>(n ? (s + n / 2) / n : 255);
        s = 0;
      }
      count_[static_cast<std::size_t>(ox)] = 0;
    }
    current_ = -1;
  }

  int out_w_, out_h_;
  int in_w_ = 0, in_h_ = 0, in_channels_ = 3;
  int y_ = 0, current_ = -1;
  std::vector<int> column_;
  std::vector<std::uint64_t> sum_;
  std::vector<std::uint64_t> count_;
};

// --- PNG -------------------------------------------------------------------

struct PngInput {
  const unsigned char* data;
  std::size_t size;
  std::size_t pos;
};

extern "C" void png_read_memory(png_structp png, png_bytep out, png_size_t n) {
  auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
  if (n > in->size - in->pos)
    png_error(png, "truncated");
  std::memcpy(out, in->data + in->pos, n);
  in->pos += n;
}
extern "C" void png_fail(png_structp png, png_const_charp) { png_longjmp(png, 1); }
extern "C" void png_quiet(png_structp, png_const_charp) {}

bool decode_png(PngInput* input, Reducer* reducer) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
  if (!png)
    return false;
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, input, png_read_memory);
  png_read_info(png, info);
  png_set_expand(png); // palette -> RGB, gray < 8 bit -> 8 bit, tRNS -> alpha
  png_set_strip_16(png);
  png_read_update_info(png, info);
  const auto width = static_cast<int>(png_get_image_width(png, info));
  const auto height = static_cast<int>(png_get_image_height(png, info));
  const int channels = png_get_channels(png, info);
  bool ok = png_get_interlace_type(png, info) == PNG_INTERLACE_NONE &&
            png_get_rowbytes(png, info) <= reducer->row.size() &&
            reducer->configure(width, height, channels);
  for (int y = 0; ok && y < height; ++y) {
    png_read_row(png, reducer->row.data(), nullptr);
    reducer->add_row(reducer->row.data());
  }
  png_destroy_read_struct(&png, &info, nullptr);
  return ok;
}

std::string encode_png(const Reducer& r, int w, int h) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(w);
  image.height = static_cast<png_uint_32>(h);
  image.format = r.out_channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, r.pixels.data(), 0, nullptr))
    return {};
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, r.pixels.data(), 0, nullptr))
    return {};
  out.resize(size);
  return out;
}

// --- JPEG ------------------------------------------------------------------

struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

extern "C" void jpeg_fail(j_common_ptr c) {
  std::longjmp(reinterpret_cast<JpegErrors*>(c->err)->jump, 1);
}
extern "C" void jpeg_quiet(j_common_ptr) {}
extern "C" void jpeg_quiet_level(j_common_ptr, int) {}

void quiet_errors(JpegErrors& errors) {
  jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_fail;
  errors.manager.output_message = jpeg_quiet;
  errors.manager.emit_message = jpeg_quiet_level;
}

bool decode_jpeg(const unsigned char* data, std::size_t size, int out_w, int out_h,
                 Reducer* reducer) {
  jpeg_decompress_struct cinfo{};
  JpegErrors errors{};
  quiet_errors(errors);
  cinfo.err = &errors.manager;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    jpeg_destroy_decompress(&cinfo);
    return false; // kept as it is
  }
  cinfo.out_color_space = cinfo.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  // The smallest DCT scale that still leaves at least the output size.
  for (unsigned denom = 8; denom >= 1; denom /= 2) {
    if ((cinfo.image_width + denom - 1) / denom >= static_cast<unsigned>(out_w) &&
        (cinfo.image_height + denom - 1) / denom >= static_cast<unsigned>(out_h)) {
      cinfo.scale_num = 1;
      cinfo.scale_denom = denom;
      break;
    }
  }
  jpeg_start_decompress(&cinfo);
  bool ok = cinfo.output_components * static_cast<std::size_t>(cinfo.output_width) <=
                reducer->row.size() &&
            reducer->configure(static_cast<int>(cinfo.output_width),
                               static_cast<int>(cinfo.output_height), cinfo.output_components);
  while (ok && cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = reducer->row.data();
    if (jpeg_read_scanlines(&cinfo, &row, 1) != 1)
      ok = false;
    else
      reducer->add_row(reducer->row.data());
  }
  jpeg_destroy_decompress(&cinfo);
  return ok;
}

// Baseline JPEG at quality 90 into a malloc'ed buffer (freed by the caller).
bool encode_jpeg(const Reducer* r, int w, int h, unsigned char** buffer, unsigned long* size) {
  jpeg_compress_struct cinfo{};
  JpegErrors errors{};
  quiet_errors(errors);
  cinfo.err = &errors.manager;
  if (setjmp(errors.jump)) {
    jpeg_destroy_compress(&cinfo);
    return false;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, buffer, size);
  cinfo.image_width = static_cast<JDIMENSION>(w);
  cinfo.image_height = static_cast<JDIMENSION>(h);
  cinfo.input_components = r->out_channels;
  cinfo.in_color_space = r->out_channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  const std::size_t stride =
      static_cast<std::size_t>(w) * static_cast<std::size_t>(r->out_channels);
  while (cinfo.next_scanline < cinfo.image_height) {
    auto* row = const_cast<JSAMPLE*>(r->pixels.data() + cinfo.next_scanline * stride);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

} // namespace

std::optional<Downsampled> downsample_image(std::string_view bytes, const ImageInfo& info,
                                            int max_width, int max_height) {
  if (info.width <= 0 || info.height <= 0 || max_width <= 0 || max_height <= 0)
    return std::nullopt;
  const double scale = std::min(static_cast<double>(max_width) / info.width,
                                static_cast<double>(max_height) / info.height);
  // Re-encoding costs quality: only worth it when a third or more goes.
  if (scale > 2.0 / 3.0)
    return std::nullopt;
  const int out_w = std::max(1, static_cast<int>(info.width * scale + 0.5));
  const int out_h = std::max(1, static_cast<int>(info.height * scale + 0.5));
  Reducer reducer(info.width, out_w, out_h);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  Downsampled out;
  if (info.format == ImageFormat::png) {
    PngInput input{data, bytes.size(), 0};
    if (!decode_png(&input, &reducer) || !reducer.finish())
      return std::nullopt;
    out.bytes = encode_png(reducer, out_w, out_h);
  } else {
    if (!decode_jpeg(data, bytes.size(), out_w, out_h, &reducer) || !reducer.finish())
      return std::nullopt;
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    const bool ok = encode_jpeg(&reducer, out_w, out_h, &buffer, &size);
    if (ok && buffer)
      out.bytes.assign(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
  }
  // The result must pass the same checks as any photo before libharu.
  std::string why;
  auto checked = out.bytes.empty() ? std::nullopt : inspect_image(out.bytes, why);
  if (!checked || checked->format != info.format ||
      (info.format == ImageFormat::png && !png_data_problem(out.bytes).empty()))
    return std::nullopt;
  out.info = *checked;
  return out;
}

} // namespace cvpress::detail

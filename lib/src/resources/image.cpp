#include "resources/image.hpp"

#include <zlib.h>

#include <cstdint>
#include <vector>

namespace cvpress::detail {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (std::uint32_t(std::uint8_t(b[at])) << 24) |
         (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

unsigned be16(std::string_view b, std::size_t at) {
  return (unsigned(std::uint8_t(b[at])) << 8) | unsigned(std::uint8_t(b[at + 1]));
}

// zlib's CRC-32 (the one PNG chunks use).
std::uint32_t chunk_crc(std::string_view data) {
  return static_cast<std::uint32_t>(
      ::crc32_z(0, reinterpret_cast<const Bytef*>(data.data()), data.size()));
}

constexpr int k_max_pixels = 30000;

std::optional<ImageInfo> inspect_png(std::string_view b, std::string& why) {
  ImageInfo info{ImageFormat::png, 0, 0};
  std::size_t at = 8;
  bool first = true, idat = false, palette = false, plte = false, last_idat = false;
  while (true) {
    if (at + 12 > b.size()) {
      why = "truncated PNG (no IEND chunk)";
      return std::nullopt;
    }
    const std::uint32_t len = be32(b, at);
    const std::string_view type = b.substr(at + 4, 4);
    if (len > b.size() || at + 12 + len > b.size()) {
      why = "truncated PNG (chunk runs past the end of the file)";
      return std::nullopt;
    }
    for (char c : type)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        // libpng calls png_error (and libharu's handler aborts) on these.
        why = "invalid PNG (bad chunk type)";
        return std::nullopt;
      }
    if (chunk_crc(b.substr(at + 4, 4 + len)) != be32(b, at + 8 + len)) {
      why = "corrupt PNG (CRC mismatch in a " + std::string(type) + " chunk)";
      return std::nullopt;
    }
    if (first) {
      if (type != "IHDR" || len != 13) {
        why = "invalid PNG (no IHDR chunk)";
        return std::nullopt;
      }
      const std::uint32_t w = be32(b, at + 8), h = be32(b, at + 12);
      const int depth = std::uint8_t(b[at + 16]), color = std::uint8_t(b[at + 17]);
      if (w == 0 || h == 0 || w > k_max_pixels || h > k_max_pixels) {
        why = "invalid PNG (bad image size)";
        return std::nullopt;
      }
      bool ok = false;
      switch (color) {
      case 0:
        ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        break;
      case 3:
        ok = depth == 1 || depth == 2 || depth == 4 || depth == 8;
        palette = true;
        break;
      case 2:
      case 4:
      case 6:
        ok = depth == 8 || depth == 16;
        break;
      default:
        break;
      }
      // compression, filter and interlace methods
      ok = ok && b[at + 18] == 0 && b[at + 19] == 0 && (b[at + 20] == 0 || b[at + 20] == 1);
      if (!ok) {
        why = "invalid PNG (bad bit depth, colour type or method)";
        return std::nullopt;
      }
      info.width = static_cast<int>(w);
      info.height = static_cast<int>(h);
      first = false;
    } else if (type == "PLTE") {
      // One palette of 1-256 entries, before the image data, only for
      // colour images (libpng fails on anything else).
      const int color = std::uint8_t(b[25]);
      if (plte || idat || color == 0 || color == 4 || len == 0 || len % 3 != 0 || len > 768) {
        why = "invalid PNG (bad PLTE chunk)";
        return std::nullopt;
      }
      plte = true;
    } else if (type == "IDAT") {
      if (palette && !plte) {
        why = "invalid PNG (palette image without PLTE)";
        return std::nullopt;
      }
      if (idat && !last_idat) {
        why = "invalid PNG (image data split by other chunks)";
        return std::nullopt;
      }
      idat = true;
    } else if (type == "IEND") {
      if (!idat) {
        why = "invalid PNG (no image data)";
        return std::nullopt;
      }
      return info;
    } else if (type == "IHDR" || (type[0] >= 'A' && type[0] <= 'Z')) {
      // A repeated IHDR or an unknown critical chunk: libpng would fail.
      why = "invalid PNG (unexpected " + std::string(type) + " chunk)";
      return std::nullopt;
    }
    last_idat = type == "IDAT";
    at += 12 + len;
  }
}

std::optional<ImageInfo> inspect_jpeg(std::string_view b, std::string& why) {
  ImageInfo info{ImageFormat::jpeg, 0, 0};
  std::size_t at = 2;
  bool sof = false;
  while (true) {
    // Next marker: 0xFF (fill bytes allowed) then a code.
    if (at >= b.size() || std::uint8_t(b[at]) != 0xFF) {
      why = at >= b.size() ? "truncated JPEG (no end marker)" : "invalid JPEG (bad segment)";
      return std::nullopt;
    }
    while (at < b.size() && std::uint8_t(b[at]) == 0xFF)
      ++at;
    if (at >= b.size()) {
      why = "truncated JPEG (no end marker)";
      return std::nullopt;
    }
    const unsigned m = std::uint8_t(b[at++]);
    if (m == 0xD9) {
      if (!sof) {
        why = "invalid JPEG (no frame header)";
        return std::nullopt;
      }
      return info;
    }
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01)
      continue;
    if (at + 2 > b.size()) {
      why = "truncated JPEG";
      return std::nullopt;
    }
    const unsigned len = be16(b, at);
    if (len < 2 || at + len > b.size()) {
      why = "truncated JPEG (segment runs past the end of the file)";
      return std::nullopt;
    }
    const bool is_sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (is_sof && m > 0xC2) {
      why = "unsupported JPEG (only baseline and progressive images can be embedded)";
      return std::nullopt;
    }
    if (is_sof) {
      if (len < 8) {
        why = "invalid JPEG (short frame header)";
        return std::nullopt;
      }
      if (std::uint8_t(b[at + 2]) != 8) { // libharu embeds it, but PDF readers reject it
        why = "unsupported JPEG (" + std::to_string(std::uint8_t(b[at + 2])) +
              "-bit samples; save it as an 8-bit JPEG)";
        return std::nullopt;
      }
      const unsigned h = be16(b, at + 3), w = be16(b, at + 5);
      const unsigned comps = std::uint8_t(b[at + 7]);
      if (w == 0 || h == 0 || (comps != 1 && comps != 3 && comps != 4)) {
        why = "invalid JPEG (bad frame header)";
        return std::nullopt;
      }
      info.width = static_cast<int>(w);
      info.height = static_cast<int>(h);
      sof = true;
    }
    at += len;
    if (m == 0xDA) {
      if (!sof) {
        why = "invalid JPEG (scan before frame header)";
        return std::nullopt;
      }
      // Entropy-coded data: up to the next marker that is not a stuffed
      // 0xFF00 or a restart marker.
      while (true) {
        if (at + 1 >= b.size()) {
          why = "truncated JPEG (no end marker)";
          return std::nullopt;
        }
        if (std::uint8_t(b[at]) == 0xFF) {
          const unsigned n = std::uint8_t(b[at + 1]);
          if (n != 0x00 && n != 0xFF && !(n >= 0xD0 && n <= 0xD7))
            break;
        }
        ++at;
      }
    }
  }
}

} // namespace

std::string png_data_problem(std::string_view b) {
  // The chunk structure was checked by inspect_png: IHDR first, CRCs, IEND.
  const std::uint64_t w = be32(b, 16), h = be32(b, 20);
  const unsigned depth = std::uint8_t(b[24]), color = std::uint8_t(b[25]);
  if (b[28] != 0)
    return "unsupported PNG (interlaced; save it without interlacing)";
  const unsigned channels = color == 0 ? 1 : color == 2 ? 3 : color == 3 ? 1 : color == 4 ? 2 : 4;
  const std::uint64_t row_bytes = (w * channels * depth + 7) / 8;
  const std::uint64_t expected = h * (1 + row_bytes);
  // libharu holds the decoded image in memory: bound bytes, not just pixels
  // (a 6000x6000 16-bit RGBA PNG is 36 megapixels but 288 MB).
  constexpr std::uint64_t kMaxDecodedBytes = 64ull << 20;
  if (expected > kMaxDecodedBytes)
    return "too large when decoded (" + std::to_string(expected >> 20) +
           " MiB, more than the limit of " + std::to_string(kMaxDecodedBytes >> 20) +
           " MiB; save it smaller or with 8 bits per channel)";

  z_stream z{};
  if (inflateInit(&z) != Z_OK)
    return "cannot check the PNG (zlib)";
  std::vector<unsigned char> out(64 * 1024);
  std::uint64_t produced = 0;
  std::string problem;
  int status = Z_OK;
  for (std::size_t at = 8; at + 12 <= b.size() && problem.empty();) {
    const std::uint32_t len = be32(b, at);
    const std::string_view type = b.substr(at + 4, 4);
    if (type == "IDAT" && status == Z_STREAM_END && len > 0) {
      // libpng fails on this ("Extra compressed data") and libharu then
      // frees memory twice (found by fuzz_image).
      problem = "corrupt PNG (data after the end of the image data)";
    } else if (type == "IDAT") {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(b.data() + at + 8));
      z.avail_in = len;
      while (z.avail_in > 0 && status != Z_STREAM_END) {
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        status = inflate(&z, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
          problem =
              "corrupt PNG (image data: " + std::string(z.msg ? z.msg : "bad zlib stream") + ")";
          break;
        }
        const std::uint64_t n = out.size() - z.avail_out;
        // Every row starts with its filter type (0-4).
        for (std::uint64_t row = (produced + row_bytes) / (1 + row_bytes) * (1 + row_bytes);
             row < produced + n; row += 1 + row_bytes)
          if (row < expected && out[row - produced] > 4) {
            problem = "corrupt PNG (bad row filter type)";
            break;
          }
        if (!problem.empty())
          break;
        produced += n;
        if (produced > expected) {
          problem = "corrupt PNG (more image data than the header says)";
          break;
        }
        if (status == Z_STREAM_END && z.avail_in > 0) {
          problem = "corrupt PNG (data after the end of the image data)";
          break;
        }
        if (n == 0 && status == Z_OK && z.avail_in > 0) {
          problem = "corrupt PNG (image data does not decompress)";
          break;
        }
      }
    } else if (type == "IEND") {
      break;
    }
    at += 12 + len;
  }
  inflateEnd(&z);
  if (!problem.empty())
    return problem;
  if (status != Z_STREAM_END || produced != expected)
    return "truncated PNG (less image data than the header says)";
  return {};
}

std::optional<ImageInfo> inspect_image(std::string_view bytes, std::string& why) {
  static constexpr std::string_view png_sig{"\x89PNG\r\n\x1a\n", 8};
  if (bytes.substr(0, 8) == png_sig)
    return inspect_png(bytes, why);
  if (bytes.size() >= 3 && std::uint8_t(bytes[0]) == 0xFF && std::uint8_t(bytes[1]) == 0xD8 &&
      std::uint8_t(bytes[2]) == 0xFF)
    return inspect_jpeg(bytes, why);
  why = "not a PNG or JPEG image";
  return std::nullopt;
}

} // namespace cvpress::detail

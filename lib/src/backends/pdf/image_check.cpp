#include "backends/pdf/image_check.hpp"

#include <array>
#include <cstdint>

namespace cvpress::detail {

namespace {

std::uint32_t be32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

std::uint32_t crc32(std::string_view data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k)
        c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data)
    c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

} // namespace

std::string png_problem(std::string_view s) {
  static constexpr std::string_view signature("\x89PNG\r\n\x1a\n", 8);
  if (s.substr(0, 8) != signature)
    return "not a PNG file";
  std::size_t at = 8;
  bool header = false, palette = false, data = false;
  int color_type = -1;
  while (true) {
    if (s.size() - at < 12)
      return "truncated PNG file";
    std::uint32_t length = be32(s, at);
    std::string_view type = s.substr(at + 4, 4);
    if (length > 0x7FFFFFFFu || s.size() - at - 12 < length)
      return "truncated PNG file";
    for (char c : type)
      if (!is_letter(c))
        return "corrupt PNG chunk";
    if (crc32(s.substr(at + 4, 4 + length)) != be32(s, at + 8 + length))
      return "corrupt PNG file (bad CRC in " + std::string(type) + ")";
    std::string_view body = s.substr(at + 8, length);
    if (!header && type != "IHDR")
      return "PNG file does not start with IHDR";
    if (type == "IHDR") {
      if (header || length != 13)
        return "bad PNG header";
      std::uint32_t w = be32(body, 0), h = be32(body, 4);
      int depth = static_cast<unsigned char>(body[8]);
      color_type = static_cast<unsigned char>(body[9]);
      bool ok_depth = false;
      switch (color_type) {
      case 0:
        ok_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        break;
      case 3:
        ok_depth = depth == 1 || depth == 2 || depth == 4 || depth == 8;
        break;
      case 2:
      case 4:
      case 6:
        ok_depth = depth == 8 || depth == 16;
        break;
      default:
        break;
      }
      if (w == 0 || h == 0 || w > 100000 || h > 100000 || !ok_depth || body[10] != 0 ||
          body[11] != 0 || (body[12] != 0 && body[12] != 1))
        return "unsupported PNG header";
      header = true;
    } else if (type == "PLTE") {
      if (length == 0 || length % 3 != 0 || length > 768 || data)
        return "bad PNG palette";
      palette = true;
    } else if (type == "IDAT") {
      data = true;
    } else if (type == "IEND") {
      if (!data)
        return "PNG file has no image data";
      if (color_type == 3 && !palette)
        return "PNG palette image without a palette";
      return "";
    } else if (type[0] >= 'A' && type[0] <= 'Z') {
      return "PNG file has an unknown critical chunk " + std::string(type);
    }
    at += 12 + length;
  }
}

std::string jpeg_problem(std::string_view s) {
  if (s.size() < 4 || static_cast<unsigned char>(s[0]) != 0xFF ||
      static_cast<unsigned char>(s[1]) != 0xD8)
    return "not a JPEG file";
  std::size_t at = 2;
  while (at + 4 <= s.size()) {
    if (static_cast<unsigned char>(s[at]) != 0xFF)
      return "corrupt JPEG file";
    auto marker = static_cast<unsigned char>(s[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA)
      break; // end of image or start of scan before any frame header
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      at += 2; // standalone markers have no length
      continue;
    }
    std::size_t length = static_cast<std::size_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
                         static_cast<unsigned char>(s[at + 3]);
    if (length < 2 || at + 2 + length > s.size())
      return "truncated JPEG file";
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (length < 8)
        return "corrupt JPEG header";
      int height =
          static_cast<unsigned char>(s[at + 5]) << 8 | static_cast<unsigned char>(s[at + 6]);
      int width =
          static_cast<unsigned char>(s[at + 7]) << 8 | static_cast<unsigned char>(s[at + 8]);
      int components = static_cast<unsigned char>(s[at + 9]);
      if (width == 0 || height == 0 || (components != 1 && components != 3 && components != 4))
        return "unsupported JPEG image";
      return "";
    }
    at += 2 + length;
  }
  return "JPEG file has no frame header";
}

} // namespace cvpress::detail

// libFuzzer target: untrusted photo bytes. Whatever cvpress's checks accept
// (inspect_image, the pixel limit, png_data_problem) is handed to libharu
// exactly as a render does; libharu must then neither crash nor abort.
#include "backends/pdf/hpdf_document.hpp"
#include "fuzz_common.hpp"
#include "resources/image.hpp"

#include <cvpress/diagnostics.hpp>

#include <zlib.h>

#include <cstdint>
#include <string>

namespace {

// Rewrites every PNG chunk's CRC, so that mutations get past the CRC check
// and reach the deeper checks and libharu (a random CRC is almost never right).
void fix_png_crcs(std::string& b) {
  if (b.size() < 8 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
    return;
  for (std::size_t at = 8; at + 12 <= b.size();) {
    const auto* u = reinterpret_cast<const unsigned char*>(b.data());
    const std::uint64_t len =
        (std::uint64_t(u[at]) << 24) | (u[at + 1] << 16) | (u[at + 2] << 8) | u[at + 3];
    if (at + 12 + len > b.size())
      return;
    const auto crc = static_cast<std::uint32_t>(
        ::crc32(0, reinterpret_cast<const Bytef*>(b.data() + at + 4), static_cast<uInt>(4 + len)));
    for (int k = 0; k < 4; ++k)
      b[at + 8 + len + k] = static_cast<char>(crc >> (24 - 8 * k));
    at += 12 + len;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string owned(cvpress_fuzz::as_text(data, size));
  if (size > 0 && data[0] == 0x89)
    fix_png_crcs(owned);
  const std::string_view bytes = owned;
  std::string why;
  auto info = cvpress::detail::inspect_image(bytes, why);
  if (!info)
    return 0;
  // The render's default limit is 40 megapixels; keep fuzzing fast.
  if (static_cast<std::uint64_t>(info->width) * static_cast<std::uint64_t>(info->height) >
      4'000'000)
    return 0;
  const bool png = info->format == cvpress::detail::ImageFormat::png;
  if (png && !cvpress::detail::png_data_problem(bytes).empty())
    return 0;
  try {
    cvpress::detail::HpdfDocument pdf;
    const auto* p = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
    const auto n = static_cast<HPDF_UINT>(bytes.size());
    HPDF_Image image = png ? HPDF_LoadPngImageFromMem(pdf.get(), p, n)
                           : HPDF_LoadJpegImageFromMem(pdf.get(), p, n);
    pdf.check("loading the image", image != nullptr);
    HPDF_Page page = HPDF_AddPage(pdf.get());
    pdf.check("adding a page", page != nullptr);
    HPDF_Page_DrawImage(page, image, 0, 0, 72, 72);
    (void)pdf.save();
  } catch (const cvpress::RenderError&) {
  }
  return 0;
}

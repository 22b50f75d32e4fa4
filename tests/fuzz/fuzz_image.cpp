// libFuzzer target: untrusted photo bytes. Whatever cvpress's checks accept
// (inspect_image, the pixel limit, png_data_problem) is handed to libharu
// exactly as a render does; libharu must then neither crash nor abort.
#include "backends/pdf/hpdf_document.hpp"
#include "fuzz_common.hpp"
#include "layout/image.hpp"

#include <cvpress/diagnostics.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = cvpress_fuzz::as_text(data, size);
  std::string why;
  auto info = cvpress::detail::inspect_image(bytes, why);
  if (!info)
    return 0;
  // The render's default limit is 40 megapixels; keep fuzzing fast.
  if (static_cast<std::uint64_t>(info->width) * static_cast<std::uint64_t>(info->height) >
      4'000'000)
    return 0;
  const bool png = info->format == cvpress::detail::ImageItem::Format::png;
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

#include "backends/pdf/hpdf_document.hpp"

#include <cvpress/diagnostics.hpp>

#include <array>
#include <charconv>

namespace cvpress::detail {

namespace {

// Records the first error; never throws (called from C).
void record_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
  auto* state = static_cast<HpdfErrorState*>(user);
  if (state && state->code == 0) {
    state->code = code;
    state->detail = detail;
  }
}

std::string hex(unsigned long value) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value, 16);
  (void)ec;
  return std::string(buf.data(), end);
}

std::string dec(long value) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  (void)ec;
  return std::string(buf.data(), end);
}

const char* error_name(HPDF_STATUS code) {
  switch (code) {
  case HPDF_FAILD_TO_ALLOC_MEM:
    return "out of memory";
  case HPDF_FILE_IO_ERROR:
    return "file I/O error";
  case HPDF_FILE_OPEN_ERROR:
    return "cannot open file";
  case HPDF_FONT_EXISTS:
    return "font already loaded";
  case HPDF_INVALID_FONTDEF_DATA:
  case HPDF_INVALID_FONTDEF_TYPE:
  case HPDF_INVALID_FONT:
  case HPDF_INVALID_FONT_NAME:
  case HPDF_TTF_INVALID_CMAP:
  case HPDF_TTF_INVALID_FOMAT:
  case HPDF_TTF_MISSING_TABLE:
  case HPDF_TTF_CANNOT_EMBEDDING_FONT:
  case HPDF_INVALID_TTC_INDEX:
    return "invalid TrueType font";
  case HPDF_UNSUPPORTED_FONT_TYPE:
    return "unsupported font type";
  case HPDF_INVALID_PNG_IMAGE:
  case HPDF_UNSUPPORTED_JPEG_FORMAT:
  case HPDF_INVALID_JPEG_DATA:
  case HPDF_INVALID_IMAGE:
  case HPDF_LIBPNG_ERROR:
    return "invalid image";
  case HPDF_INVALID_PARAMETER:
  case HPDF_PAGE_INVALID_PARAM_COUNT:
  case HPDF_PAGE_OUT_OF_RANGE:
    return "invalid parameter";
  case HPDF_PAGE_FONT_NOT_FOUND:
    return "no font set";
  case HPDF_PAGE_INVALID_GMODE:
    return "invalid graphics mode";
  case HPDF_INVALID_ENCODER:
  case HPDF_INVALID_ENCODER_TYPE:
    return "invalid encoder";
  default:
    return "error";
  }
}

} // namespace

std::string hpdf_error_text(HPDF_STATUS code, HPDF_STATUS detail) {
  std::string text = error_name(code);
  text += " (libharu 0x" + hex(code);
  if (detail != 0)
    text += ", detail " + dec(static_cast<long>(detail));
  return text + ")";
}

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_New(&record_hpdf_error, &error_);
  if (!doc_)
    throw RenderError("PDF: libharu cannot create a document");
}

HpdfDocument::~HpdfDocument() {
  if (doc_)
    HPDF_Free(doc_);
}

void HpdfDocument::check(std::string_view what, bool ok) const {
  if (error_.code != 0)
    throw RenderError("PDF: " + std::string(what) + ": " +
                      hpdf_error_text(error_.code, error_.detail));
  if (!ok)
    throw RenderError("PDF: " + std::string(what) + " failed");
}

std::string HpdfDocument::save() {
  HPDF_STATUS status = HPDF_SaveToStream(doc_);
  check("saving the document", status == HPDF_OK);
  std::string bytes(HPDF_GetStreamSize(doc_), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto size = static_cast<HPDF_UINT32>(bytes.size() - done);
    status = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data() + done), &size);
    if (status != HPDF_OK && status != HPDF_STREAM_EOF)
      check("reading the saved document", false);
    done += size;
    if (status == HPDF_STREAM_EOF || size == 0)
      break;
  }
  // ReadFromStream reports EOF through the error handler; that is not a failure.
  if (error_.code == HPDF_STREAM_EOF)
    error_ = {};
  check("reading the saved document", done == bytes.size());
  return bytes;
}

} // namespace cvpress::detail

#pragma once
// RAII ownership of a libharu document and its error state. libharu reports
// errors through a C callback; the callback only records them (it must never
// throw through C frames) and C++ code turns them into RenderError.
#include <hpdf.h>

#include <string>
#include <string_view>

namespace cvpress::detail {

/// The first libharu error seen on a document (errors are sticky).
struct HpdfErrorState {
  HPDF_STATUS code = 0;   ///< HPDF_* error number, 0 when none
  HPDF_STATUS detail = 0; ///< detail number (often an errno or an index)
};

/// Owns an HPDF_Doc. Not copyable; one per render, one thread at a time.
class HpdfDocument {
public:
  /// Creates a document; throws RenderError when libharu cannot.
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  /// The raw handle.
  [[nodiscard]] HPDF_Doc get() const noexcept { return doc_; }
  /// True once libharu has reported an error.
  [[nodiscard]] bool failed() const noexcept { return error_.code != 0; }
  /// The recorded error.
  [[nodiscard]] const HpdfErrorState& error() const noexcept { return error_; }
  /// Throws RenderError naming `what` when an error was recorded, or when
  /// `ok` is false (a call returned null or a failure status).
  void check(std::string_view what, bool ok = true) const;
  /// Saves to libharu's memory stream and returns the bytes.
  [[nodiscard]] std::string save();

private:
  HPDF_Doc doc_ = nullptr;
  HpdfErrorState error_;
};

/// Human text for a libharu error number, e.g. "invalid font (0x1075)".
std::string hpdf_error_text(HPDF_STATUS code, HPDF_STATUS detail);

} // namespace cvpress::detail

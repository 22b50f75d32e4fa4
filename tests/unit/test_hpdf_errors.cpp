// libharu errors: the handler only records (never throws or longjmps through
// C frames), the error is sticky, and every later check fails, so a document
// that had an error is discarded, never reused.
#include "backends/pdf/hpdf_document.hpp"

#include <cvpress/diagnostics.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace cvpress;
using namespace cvpress::detail;

TEST_CASE("libharu: errors are recorded, sticky, and turn into RenderError") {
  HpdfDocument pdf;
  CHECK_FALSE(pdf.failed());
  CHECK_NOTHROW(pdf.check("nothing yet"));
  // An invalid compression mode: libharu calls the error handler, which must
  // return normally (the call returns an error status).
  const HPDF_STATUS status = HPDF_SetCompressionMode(pdf.get(), 0xFFFF);
  CHECK(status != HPDF_OK);
  CHECK(pdf.failed());
  const HPDF_STATUS first = pdf.error().code;
  // A second error does not overwrite the first.
  (void)HPDF_SetPageMode(pdf.get(), static_cast<HPDF_PageMode>(999));
  CHECK(pdf.error().code == first);
  // Every later check fails, whatever the call returned.
  for (int i = 0; i < 2; ++i) {
    try {
      pdf.check("a later call", true);
      FAIL("no RenderError");
    } catch (const RenderError& e) {
      CHECK(std::string(e.what()).find("PDF: a later call: ") == 0);
    }
  }
}

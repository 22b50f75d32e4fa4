// libFuzzer target: BibTeX input (btparse, names, LaTeX to Unicode) and the
// bibliography entry that reads it. Located diagnostics are the expected
// outcome for bad input; a crash, an exception, output on stderr, a
// sanitizer report or a hang is a finding.
#include "fuzz_common.hpp"

#include "load/bib_record.hpp"

#include <cvpress/load.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cvpress_fuzz::as_text(data, size);
  cvpress::detail::BibParse parsed = cvpress::detail::parse_bibtex(text, "fuzz.bib");
  for (const auto& d : parsed.errors)
    if (d.severity != cvpress::Severity::error || d.where.file != "fuzz.bib")
      std::abort();
  if (cvpress_fuzz::valid_utf8(text))
    (void)cvpress::detail::latex_to_markup(text);
  return 0;
}

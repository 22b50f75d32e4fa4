// libFuzzer target: the CV loader (YAML parsing, validation, model building).
// Any InputError is an expected outcome; anything else (crash, other
// exception, sanitizer report, hang) is a finding.
#include "fuzz_common.hpp"

#include <cvpress/load.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)cvpress::load_cv_string(cvpress_fuzz::as_text(data, size), "fuzz.yaml");
  } catch (const cvpress::InputError&) {
  }
  return 0;
}

// libFuzzer target: JSON Resume input (JSON read as YAML flow syntax, mapped
// onto the cv tree, then loaded) and `convert`. Any InputError is an
// expected outcome; anything else is a finding.
#include "fuzz_common.hpp"

#include <cvpress/load.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cvpress_fuzz::as_text(data, size);
  try {
    (void)cvpress::load_cv_string(text, "fuzz.json");
  } catch (const cvpress::InputError&) {
  }
  try {
    std::string yaml = cvpress::convert_to_yaml(text, "fuzz.json");
    // What convert writes must load, or fail with located errors only.
    try {
      (void)cvpress::load_cv_string(yaml, "converted.yaml");
    } catch (const cvpress::InputError&) {
    }
  } catch (const cvpress::InputError&) {
  }
  return 0;
}

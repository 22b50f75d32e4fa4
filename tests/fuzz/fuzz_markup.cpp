// libFuzzer target: the inline-markup parser (md4c-based Markdown subset,
// entities, $math$) on valid UTF-8 (its documented precondition; the loader
// rejects invalid UTF-8 before markup is parsed).
#include "fuzz_common.hpp"
#include "load/markup.hpp"

#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cvpress_fuzz::as_text(data, size);
  if (!cvpress_fuzz::valid_utf8(text))
    return -1; // not added to the corpus
  std::vector<std::string> warnings;
  (void)cvpress::detail::parse_markup(text, cvpress::SourceLocation{"fuzz.yaml", 1, 1}, &warnings);
  std::vector<std::string> unknown;
  (void)cvpress::detail::math_to_unicode(text, &unknown);
  return 0;
}

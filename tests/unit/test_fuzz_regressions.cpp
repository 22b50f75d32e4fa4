// Inputs that crashed a fuzz target (tests/fuzz), kept as unit tests so the
// normal and the asan builds replay them. The same files are in the fuzz
// corpora (tests/fuzz/corpus/<target>/regress-*), which the fuzz ctests replay.
#include "load/markup.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cvpress;

TEST_CASE("fuzz regression: markup with a math span md4c leaves empty") {
  // fuzz_markup: '$...$' whose only content is dropped by md4c (a NUL) made
  // finish_math() call front() on an empty string (UBSan: pointer overflow).
  const std::string input("\x24\x5c\x72\x61\x63\x6b\x5d\x28\x68\x74\x5b\x24\x3a\x66\x72\x61\x63\x7b\x31\x7d\x7b\x6e\x6f\x74\x73\x71\x73\x7d\x5c\x00\x61\x5b\x7d\x78\x6d\x5b\x69\x6b\x5d\x28\x68\x74\x5b\x24\x3a\x2f\x29\x24\x5c\x63\x69\x72\x63\x24", 54);
  std::vector<std::string> warnings;
  const RichText text = detail::parse_markup(input, SourceLocation{"fuzz.yaml", 1, 1}, &warnings);
  CHECK_FALSE(text.empty());
}

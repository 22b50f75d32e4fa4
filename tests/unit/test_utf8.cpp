// The one UTF-8 decoder (text/unicode: next_code_point, ICU U8_NEXT).
#include "text/unicode.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cvpress::detail;

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for_each_code_point(s, [&](char32_t cp) { out.push_back(cp); });
  return out;
}

} // namespace

TEST_CASE("next_code_point decodes 1- to 4-byte sequences and moves past them") {
  const std::string s = "a\u00e9\u9648\U0001F4DD";
  std::size_t pos = 0;
  CHECK(next_code_point(s, pos) == U'a');
  CHECK(pos == 1);
  CHECK(next_code_point(s, pos) == U'\u00e9');
  CHECK(pos == 3);
  CHECK(next_code_point(s, pos) == U'\u9648');
  CHECK(pos == 6);
  CHECK(next_code_point(s, pos) == U'\U0001F4DD');
  CHECK(pos == 10);
  CHECK(decode(s) == U"a\u00e9\u9648\U0001F4DD");
  // Round trip with append_utf8 at the encoding boundaries.
  for (char32_t cp : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    std::string enc;
    append_utf8(enc, cp);
    CHECK(decode(enc) == std::u32string(1, cp));
  }
}

TEST_CASE("next_code_point: every ill-formed byte is one U+FFFD") {
  CHECK(decode("\xff") == U"\uFFFD");
  CHECK(decode("\x80x") == U"\uFFFDx");                              // stray continuation byte
  CHECK(decode("\xe9\x99") == U"\uFFFD\uFFFD");                      // truncated at the end
  CHECK(decode("\xe9\x99x") == U"\uFFFD\uFFFDx");                    // truncated before ASCII
  CHECK(decode("\xc0\x80") == U"\uFFFD\uFFFD");                      // overlong NUL
  CHECK(decode("\xed\xa0\x80") == U"\uFFFD\uFFFD\uFFFD");            // surrogate U+D800
  CHECK(decode("\xf4\x90\x80\x80") == std::u32string(4, U'\uFFFD')); // beyond U+10FFFF
  CHECK(find_invalid_utf8("\xe9\x99") == std::optional<std::size_t>(0));
}

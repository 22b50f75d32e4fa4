#pragma once
// Unicode helpers over ICU: validation and normalisation.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Levenshtein distance between two strings, ASCII case ignored (for
/// "did you mean" suggestions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Decodes the code point starting at byte `pos` of `text` (ICU U8_NEXT) and
/// moves `pos` past it. An ill-formed byte (stray continuation, truncated or
/// overlong sequence, surrogate, beyond U+10FFFF) decodes as U+FFFD and moves
/// `pos` by one byte. `pos` must be < text.size().
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Calls `fn(cp)` for each code point of `text`, decoded as next_code_point().
template <typename Fn> void for_each_code_point(std::string_view text, Fn&& fn) {
  for (std::size_t pos = 0; pos < text.size();)
    fn(next_code_point(text, pos));
}

/// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

/// NFC form of valid UTF-8 text.
std::string to_nfc(std::string_view text);

/// The Noto Sans/Serif CJK region ("SC", "TC", "HK", "JP" or "KR") for CJK
/// text of ISO 15924 script `script` ("Hani", "Hira", "Kana", "Hrkt",
/// "Hang", "Bopo") in a CV whose language is `language` (a BCP-47 tag or ICU
/// locale id: "zh-Hant-TW", "zh_TW", "ja"): kana are Japanese and hangul
/// Korean whatever the language; ideographs follow the language and region,
/// and are Simplified Chinese when the language is not Chinese, Japanese or
/// Korean. Used by the PDF layout and the LaTeX preamble alike.
std::string noto_cjk_region(std::string_view script, std::string_view language);

} // namespace cvpress::detail

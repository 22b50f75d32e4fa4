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

/// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

/// NFC form of valid UTF-8 text.
std::string to_nfc(std::string_view text);

} // namespace cvpress::detail

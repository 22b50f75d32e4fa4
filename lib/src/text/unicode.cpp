#include "text/unicode.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <cvpress/diagnostics.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace cvpress::detail {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) { // ASCII fast path
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view text) {
  bool ascii = true;
  for (char ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii)
    return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw Error(std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (nfc->isNormalized(source, status) && U_SUCCESS(status))
    return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(source, status);
  if (U_FAILURE(status))
    throw Error(std::string("NFC normalisation failed: ") + u_errorName(status));
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
      char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x == y ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data() + pos);
  if (s[0] < 0x80) { // ASCII fast path
    ++pos;
    return s[0];
  }
  // A code point is at most 4 bytes: decode from a window, so U8_NEXT's
  // int32_t offsets hold for any text length.
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(4, text.size() - pos));
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s, i, length, c);
  if (c < 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string noto_cjk_region(std::string_view script, std::string_view language) {
  if (script == "Hira" || script == "Kana" || script == "Hrkt")
    return "JP";
  if (script == "Hang")
    return "KR";
  if (script == "Bopo")
    return "TC";
  // Subtags, lower-cased, between separators: "zh_hant_tw" -> "_zh_hant_tw_".
  std::string tag = "_";
  for (char c : language)
    tag += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  tag += '_';
  auto has = [&](std::string_view sub) {
    return tag.find("_" + std::string(sub) + "_") != std::string::npos;
  };
  const bool chinese = tag.rfind("_zh_", 0) == 0 || tag.rfind("_yue_", 0) == 0;
  if (tag.rfind("_ja_", 0) == 0)
    return "JP";
  if (tag.rfind("_ko_", 0) == 0)
    return "KR";
  if (chinese) {
    if (has("hans"))
      return "SC";
    if (has("hk") || has("mo") || tag.rfind("_yue_", 0) == 0)
      return "HK";
    if (has("hant") || has("tw"))
      return "TC";
  }
  return "SC";
}

} // namespace cvpress::detail

#include "text/mojibake.hpp"

#include <cvpress/mojibake.hpp>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <optional>
#include <unordered_map>

namespace cvpress::detail {

namespace {

// Reverse map of one legacy encoding: Unicode code point -> byte 0x80..0xFF.
struct Codepage {
  const char* label;
  std::unordered_map<char32_t, unsigned char> to_byte;
};

Codepage load_codepage(const char* icu_name, const char* label, bool c1_fallback) {
  Codepage cp{label, {}};
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(icu_name, &status);
  if (U_FAILURE(status))
    return cp;
  for (int b = 0x80; b <= 0xFF; ++b) {
    char in = static_cast<char>(b);
    UChar out[4];
    status = U_ZERO_ERROR;
    ucnv_reset(conv);
    // Stop on unmapped bytes instead of substituting.
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &status);
    if (U_SUCCESS(status) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A)
      cp.to_byte.emplace(out[0], static_cast<unsigned char>(b));
    else if (c1_fallback)
      cp.to_byte.emplace(static_cast<char32_t>(b), static_cast<unsigned char>(b));
  }
  ucnv_close(conv);
  return cp;
}

const std::array<Codepage, 3>& codepages() {
  static const std::array<Codepage, 3> pages = {
      load_codepage("macintosh", "Mac Roman", false),
      // Windows-1252 leaves five bytes undefined; decoders commonly pass them
      // through as C1 controls, so map those back too.
      load_codepage("windows-1252", "Windows-1252", true),
      load_codepage("ISO-8859-1", "Latin-1", false),
  };
  return pages;
}

struct Run {
  std::size_t begin, end;
  std::u32string chars;
};

// Decodes `run` back to UTF-8 bytes through `cp`; nullopt unless the bytes are
// valid UTF-8 made only of multi-byte sequences.
std::optional<std::string> decode_run(const std::u32string& run, const Codepage& cp) {
  std::string bytes;
  bytes.reserve(run.size());
  for (char32_t c : run) {
    auto it = cp.to_byte.find(c);
    if (it == cp.to_byte.end())
      return std::nullopt;
    bytes += static_cast<char>(it->second);
  }
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(bytes.size());
  int decoded = 0;
  UChar32 first = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), i, n, c);
    if (c < 0 || i - start < 2)
      return std::nullopt;
    // A decoded control or private-use character is no evidence of mojibake.
    if (c < 0xA0 || (c >= 0xE000 && c <= 0xF8FF))
      return std::nullopt;
    if (decoded++ == 0)
      first = c;
  }
  // Two legacy characters that happen to form one two-byte sequence are
  // common in real text ("’É" in Mac Roman is U+0543); accept that case only
  // for accented Latin letters, the usual victims ("Ã©" for "é").
  if (decoded == 1 && first < 0x800 && first > 0x17F)
    return std::nullopt;
  return bytes;
}

} // namespace

std::vector<MojibakeSpan> find_mojibake(std::string_view text) {
  // Collect runs of non-ASCII characters.
  std::vector<Run> runs;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    Run run{static_cast<std::size_t>(i), 0, {}};
    while (i < n && s[i] >= 0x80) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      run.chars += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
    }
    run.end = static_cast<std::size_t>(i);
    runs.push_back(std::move(run));
  }

  std::vector<MojibakeSpan> spans;
  for (const Run& run : runs) {
    for (const Codepage& cp : codepages()) {
      if (auto bytes = decode_run(run.chars, cp)) {
        // Join with the previous stretch when only spaces separate them.
        if (!spans.empty() && spans.back().encoding == cp.label &&
            text.substr(spans.back().end, run.begin - spans.back().end).find_first_not_of(' ') ==
                std::string_view::npos) {
          spans.back().repaired +=
              std::string(text.substr(spans.back().end, run.begin - spans.back().end));
          spans.back().repaired += *bytes;
          spans.back().end = run.end;
        } else {
          spans.push_back({run.begin, run.end, std::move(*bytes), cp.label});
        }
        break;
      }
    }
  }
  return spans;
}

std::string repair_mojibake(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& span : find_mojibake(text)) {
    out.append(text.substr(pos, span.begin - pos));
    out += span.repaired;
    pos = span.end;
  }
  out.append(text.substr(pos));
  return out;
}

} // namespace cvpress::detail

namespace cvpress {

std::string MojibakeFinding::to_string() const {
  Diagnostic d{Severity::error, where, "", "looks like mojibake of \"" + repaired + "\""};
  return d.to_string();
}

std::vector<MojibakeFinding> find_mojibake(std::string_view text, std::string_view filename) {
  std::vector<MojibakeFinding> out;
  std::size_t line = 1, line_start = 0, scanned = 0;
  for (const auto& span : detail::find_mojibake(text)) {
    for (; scanned < span.begin; ++scanned)
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    MojibakeFinding f;
    f.where = {std::string(filename), static_cast<int>(line),
               static_cast<int>(span.begin - line_start + 1)};
    f.found = std::string(text.substr(span.begin, span.end - span.begin));
    f.repaired = span.repaired;
    f.encoding = span.encoding;
    out.push_back(std::move(f));
  }
  return out;
}

std::string repair_mojibake(std::string_view text) { return detail::repair_mojibake(text); }

} // namespace cvpress

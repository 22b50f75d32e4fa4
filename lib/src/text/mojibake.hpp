#pragma once
// Detection and repair of mojibake: UTF-8 text that was decoded as a legacy
// single-byte encoding (Mac Roman, Windows-1252, Latin-1) and re-encoded.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// One stretch of mojibake inside a text.
struct MojibakeSpan {
  std::size_t begin = 0; ///< byte offset of the first garbled character
  std::size_t end = 0;   ///< byte offset just past the stretch
  std::string repaired;  ///< the text it stands for, e.g. "陈 巧玲"
  std::string encoding;  ///< "Mac Roman", "Windows-1252" or "Latin-1"
};

/// Finds mojibake in valid UTF-8 `text`. A stretch is a run of non-ASCII
/// characters that, mapped back to bytes through one legacy encoding, is
/// valid UTF-8 made only of multi-byte sequences; runs separated by spaces
/// alone are reported as one stretch.
std::vector<MojibakeSpan> find_mojibake(std::string_view text);

/// `text` with every stretch found by find_mojibake() replaced.
std::string repair_mojibake(std::string_view text);

} // namespace cvpress::detail

#pragma once
/// @file mojibake.hpp
/// Detection and repair of mojibake: UTF-8 text that was decoded as Mac Roman,
/// Windows-1252 or Latin-1 and re-encoded ("Èôà" for "陈"). The loader warns
/// about it; `cvpress doctor` (doctor.hpp) reports and repairs it.

#include <cvpress/diagnostics.hpp>
#include <cvpress/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// One garbled stretch of a file.
struct CVPRESS_API MojibakeFinding {
  SourceLocation where; ///< first byte of the stretch (1-based line and byte column)
  std::string found;    ///< the garbled text as it is in the file, e.g. "Èôà Â∑ßÁé≤"
  std::string repaired; ///< what it stands for, e.g. "陈 巧玲"
  std::string encoding; ///< the misreading, e.g. "Mac Roman"
  /// `FILE:LINE:COL: looks like mojibake of "REPAIRED"`.
  [[nodiscard]] std::string to_string() const;
};

/// Finds mojibake in a file's text (valid UTF-8); `filename` is used in locations.
[[nodiscard]] CVPRESS_API std::vector<MojibakeFinding> find_mojibake(std::string_view text,
                                                                     std::string_view filename);

/// `text` with every finding repaired and nothing else changed.
[[nodiscard]] CVPRESS_API std::string repair_mojibake(std::string_view text);

} // namespace cvpress

#pragma once
/// @file doctor.hpp
/// `cvpress doctor`: finds text damaged before it reached cvpress (mojibake:
/// UTF-8 decoded as Mac Roman, Windows-1252 or Latin-1 and re-encoded) and
/// repairs it in place, keeping the rest of the file byte for byte.

#include <cvpress/diagnostics.hpp>
#include <cvpress/job.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// One garbled stretch of a file.
struct MojibakeFinding {
  SourceLocation where; ///< first byte of the stretch (1-based line and byte column)
  std::string found;    ///< the garbled text as it is in the file, e.g. "Èôà Â∑ßÁé≤"
  std::string repaired; ///< what it stands for, e.g. "陈 巧玲"
  std::string encoding; ///< the misreading, e.g. "Mac Roman"
  /// `FILE:LINE:COL: looks like mojibake of "REPAIRED"`.
  [[nodiscard]] std::string to_string() const;
};

/// Finds mojibake in a file's text (valid UTF-8); `filename` is used in locations.
[[nodiscard]] std::vector<MojibakeFinding> find_mojibake(std::string_view text,
                                                         std::string_view filename);

/// `text` with every finding repaired and nothing else changed.
[[nodiscard]] std::string repair_mojibake(std::string_view text);

/// Checks each file, printing one line per finding to `out`. With `fix`,
/// rewrites the files that have findings (atomically) and says so. Returns ok
/// when nothing was found or everything was fixed, input when findings remain,
/// io when a file cannot be read or written.
ExitCode doctor_files(const std::vector<std::filesystem::path>& files, bool fix, std::ostream& out,
                      std::ostream& err);

} // namespace cvpress

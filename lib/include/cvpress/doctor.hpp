#pragma once
/// @file doctor.hpp
/// `cvpress doctor`: finds text damaged before it reached cvpress (mojibake:
/// UTF-8 decoded as Mac Roman, Windows-1252 or Latin-1 and re-encoded) and
/// repairs it in place, keeping the rest of the file byte for byte. The
/// detection itself is in mojibake.hpp.

#include <cvpress/export.hpp>
#include <cvpress/job.hpp>
#include <cvpress/mojibake.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// Checks each file, printing one line per finding to `out`. With `fix`,
/// rewrites the files that have findings (atomically) and says so. Returns ok
/// when nothing was found or everything was fixed, input when findings remain,
/// io when a file cannot be read or written.
CVPRESS_API ExitCode doctor_files(const std::vector<std::filesystem::path>& files, bool fix,
                                  std::ostream& out, std::ostream& err);

} // namespace cvpress

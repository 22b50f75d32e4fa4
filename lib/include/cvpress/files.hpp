#pragma once
/// @file files.hpp
/// Reading and writing whole files, as every job does: bounded reads and
/// atomic writes (a failure never leaves a partial file behind).

#include <cvpress/export.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cvpress {

/// How messages name standard input, read when a file name is "-".
inline constexpr std::string_view kStdinName = "<stdin>";

/// Reads a whole file of at most `max_bytes` bytes; "-" reads standard input
/// to its end (messages then name it `<stdin>`). Throws IoError with the OS
/// reason ("PATH: cannot read file: No such file or directory"), when `path`
/// is a directory, or when the file is larger than `max_bytes`.
[[nodiscard]] CVPRESS_API std::string read_file(const std::filesystem::path& path,
                                                std::size_t max_bytes);

/// Writes `bytes` to `path` atomically: an unnamed (or else hidden) temporary
/// file in the same folder, synced, then renamed over `path`; "-" writes to
/// standard output. Throws IoError
/// ("PATH: cannot write: REASON"); on failure `path` is left as it was.
CVPRESS_API void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace cvpress

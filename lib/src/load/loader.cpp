// Placeholder until the YAML loader lands (issue 2).
#include <cvpress/load.hpp>

namespace cvpress {

LoadResult load_cv_file(const std::filesystem::path& path, const LoadOptions&) {
  throw IoError(path.string() + ": loader not implemented yet");
}

LoadResult load_cv_string(std::string_view, std::string_view filename, const LoadOptions&) {
  throw IoError(std::string(filename) + ": loader not implemented yet");
}

std::string section_title_from_key(std::string_view key) { return std::string(key); }

} // namespace cvpress

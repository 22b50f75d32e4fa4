#pragma once
// A private scratch folder for one test, removed when it goes out of scope.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace cvpress_test {

struct ScratchDir {
  std::filesystem::path path; ///< the folder (unique, created by mkdtemp)

  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cvpress-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  /// Writes `bytes` to `rel` inside the folder (creating subfolders); returns its path.
  std::filesystem::path write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::path p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
};

} // namespace cvpress_test

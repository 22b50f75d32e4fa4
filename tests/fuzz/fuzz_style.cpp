// libFuzzer target: the style loader (style YAML, `extends` of built-in
// styles, value validation). A fuzzed `extends` naming a file resolves
// against an empty folder, so only built-in names can load.
#include "fuzz_common.hpp"
#include "style/style_loader.hpp"

#include <cvpress/diagnostics.hpp>

#include <filesystem>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path empty_dir = [] {
    auto d = std::filesystem::temp_directory_path() / "cvpress-fuzz-style-empty";
    std::filesystem::create_directories(d);
    return d;
  }();
  try {
    (void)cvpress::detail::parse_style(cvpress_fuzz::as_text(data, size), "fuzz-style.yaml",
                                       empty_dir);
  } catch (const cvpress::InputError&) {
  } catch (const cvpress::UsageError&) {
  }
  return 0;
}

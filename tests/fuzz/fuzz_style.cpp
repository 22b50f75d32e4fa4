// libFuzzer target: the style loader (style YAML, `extends` of built-in
// styles, value validation), and the same bytes as a CV's `design:` block,
// which goes through the loader and apply_design() (the range checks shared
// with style files). A fuzzed `extends` naming a file resolves against an
// empty folder, so only built-in names can load.
#include "fuzz_common.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/diagnostics.hpp>
#include <cvpress/load.hpp>

#include <filesystem>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path empty_dir = [] {
    auto d = std::filesystem::temp_directory_path() / "cvpress-fuzz-style-empty";
    std::filesystem::create_directories(d);
    return d;
  }();
  const std::string text(cvpress_fuzz::as_text(data, size));
  try {
    (void)cvpress::detail::parse_style(text, "fuzz-style.yaml", empty_dir);
  } catch (const cvpress::InputError&) {
  } catch (const cvpress::UsageError&) {
  }
  // The bytes as a `design:` block: every line indented under `design:`.
  std::string cv = "cv:\n  name: Fuzz\ndesign:\n  ";
  for (char c : text) {
    cv += c;
    if (c == '\n')
      cv += "  ";
  }
  cv += '\n';
  try {
    cvpress::LoadResult loaded = cvpress::load_cv_string(cv, "fuzz-design.yaml");
    cvpress::RenderOptions options;
    options.base_dir = empty_dir;
    (void)cvpress::detail::resolve_style(options, loaded.cv.design);
  } catch (const cvpress::InputError&) {
  } catch (const cvpress::UsageError&) {
  }
  return 0;
}

// libFuzzer target: a whole render of a fuzzed CV with the backend named by
// CVPRESS_FUZZ_BACKEND ("pdf" or "latex"; one executable each): load, resolve
// the style, lay out / write, and (pdf) paint with libharu. The CV's folder is
// an empty temporary folder, so a fuzzed photo path is never found.
#include "fuzz_common.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/diagnostics.hpp>
#include <cvpress/load.hpp>

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cvpress::Backend* backend = cvpress::find_backend(CVPRESS_FUZZ_BACKEND);
  static const std::filesystem::path empty_dir = [] {
    auto d = std::filesystem::temp_directory_path() / "cvpress-fuzz-render-empty";
    std::filesystem::create_directories(d);
    return d;
  }();
  cvpress::LoadResult loaded;
  try {
    loaded = cvpress::load_cv_string(cvpress_fuzz::as_text(data, size), "fuzz.yaml");
  } catch (const cvpress::InputError&) {
    return -1; // invalid CVs are the loader target's job
  }
  cvpress::RenderOptions options;
  options.base_dir = empty_dir;
  try {
    (void)backend->render(loaded.cv, options);
  } catch (const cvpress::InputError&) {
  } catch (const cvpress::RenderError&) {
  } catch (const cvpress::UsageError&) {
  }
  return 0;
}

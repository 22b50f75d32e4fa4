// File access confinement (photos only from the CV's folder and --allow-dir
// folders), the image-pixel limit and the page limit.
#include "base/file_access.hpp"
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace cvpress;
using namespace cvpress::detail;
namespace fs = std::filesystem;

namespace {

// 1x1 RGBA PNG.
const std::string k_png("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00"
                        "\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d"
                        "\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80\xeb"
                        "\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
                        70);

fs::path fresh_dir() {
  std::random_device rd;
  fs::path d = fs::temp_directory_path() / ("cvpress-access-" + std::to_string(rd()));
  fs::remove_all(d);
  fs::create_directories(d / "cv");
  fs::create_directories(d / "shared");
  return d;
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string why_refused(const std::string& name, const fs::path& base,
                        const std::vector<fs::path>& allowed = {}) {
  std::string why;
  auto r = confine_path(name, base, allowed, why);
  return r ? "allowed" : why;
}

} // namespace

TEST_CASE("confine_path: inside, outside, absolute, symlinks, allowed folders") {
  const fs::path d = fresh_dir();
  write(d / "cv" / "me.png", k_png);
  write(d / "shared" / "logo.png", k_png);
  write(d / "secret.png", k_png);
  fs::create_directories(d / "cv" / "img");
  write(d / "cv" / "img" / "a.png", k_png);
  fs::create_symlink(d / "secret.png", d / "cv" / "link.png");
  fs::create_directory_symlink(d / "shared", d / "cv" / "shared-link");
  fs::create_directories(d / "cv-evil");
  write(d / "cv-evil" / "x.png", k_png);
  const fs::path base = d / "cv";
  const std::string outside = " is outside the CV's folder (allow it with --allow-dir)";

  CHECK(why_refused("me.png", base) == "allowed");
  CHECK(why_refused("img/a.png", base) == "allowed");
  CHECK(why_refused("img/../me.png", base) == "allowed");
  CHECK(why_refused("../secret.png", base) == "'../secret.png'" + outside);
  CHECK(why_refused("../cv-evil/x.png", base) == "'../cv-evil/x.png'" + outside); // prefix trick
  CHECK(why_refused((d / "secret.png").string(), base) == "'" + (d / "secret.png").string() + "'" + outside);
  CHECK(why_refused("/etc/passwd", base) == "'/etc/passwd'" + outside);
  CHECK(why_refused("link.png", base) == "'link.png'" + outside);
  CHECK(why_refused("shared-link/logo.png", base) == "'shared-link/logo.png'" + outside);
  CHECK(why_refused("missing.png", base) == "'missing.png' not found");
  // A missing file outside is "outside", so the error reveals nothing about it.
  CHECK(why_refused("../nothing.png", base) == "'../nothing.png'" + outside);
  // Allowed folders.
  CHECK(why_refused("shared-link/logo.png", base, {d / "shared"}) == "allowed");
  CHECK(why_refused("../shared/logo.png", base, {d / "shared"}) == "allowed");
  CHECK(why_refused("../secret.png", base, {d / "shared"}) == "'../secret.png'" + outside);
  CHECK(why_refused(std::string("me.png\0x", 8), base) != "allowed");
  fs::remove_all(d);
}

TEST_CASE("layout: photo confinement, --allow-dir and the pixel limit") {
  const fs::path d = fresh_dir();
  write(d / "shared" / "logo.png", k_png);
  write(d / "cv" / "cv.yaml", "cv:\n  name: Jane\n  photo: ../shared/logo.png\n");
  LoadResult loaded = load_cv_file(d / "cv" / "cv.yaml");
  const Style st = default_style();
  try {
    (void)layout_cv(loaded.cv, st, d / "cv");
    FAIL("no InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().at(0).to_string() ==
          (d / "cv" / "cv.yaml").string() +
              ":3:3: cv.photo: '../shared/logo.png' is outside the CV's folder (allow it with "
              "--allow-dir)");
  }
  PhotoAccess access;
  access.allowed_dirs = {d / "shared"};
  CHECK(layout_cv(loaded.cv, st, d / "cv", access).pages.size() == 1);
  access.max_pixels = 0;
  try {
    (void)layout_cv(loaded.cv, st, d / "cv", access);
    FAIL("no InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().at(0).message ==
          "photo '../shared/logo.png' has 1x1 pixels, more than the limit of 0 megapixels");
  }
  fs::remove_all(d);
}

TEST_CASE("pdf backend: page limit") {
  std::string yaml = "cv:\n  name: Jane\n  sections:\n    notes:\n";
  for (int i = 0; i < 400; ++i)
    yaml += "      - Bullet number " + std::to_string(i) + " with a little text\n";
  const LoadResult loaded = load_cv_string(yaml, "cv.yaml");
  RenderOptions options;
  options.limits.max_pages = 2;
  try {
    (void)find_backend("pdf")->render(loaded.cv, options);
    FAIL("no RenderError");
  } catch (const RenderError& e) {
    CHECK(std::string(e.what()).find("pages, more than the limit of 2") != std::string::npos);
  }
  options.limits.max_pages = 50;
  CHECK(find_backend("pdf")->render(loaded.cv, options).pages > 2);
}

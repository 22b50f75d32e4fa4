// LaTeX backend: `--compile` error reporting (one short failing xelatex run).
#include "backends/latex/compile.hpp"

#include <cvpress/job.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

TEST_CASE("latex compile: errors are mapped back to the CV") {
  if (std::system("command -v xelatex > /dev/null 2>&1") != 0) {
    FAIL("xelatex not installed (a required test tool: scripts/install-deps.sh installs it)");
  }
  const fs::path dir = fs::temp_directory_path() / ("cvpress-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path tex = dir / "broken.tex";
  cvpress::write_file_atomically(tex, "\\documentclass{article}\n"
                                      "\\begin{document}\n"
                                      "% cv.sections.education[0] (line 12)\n"
                                      "Fine text.\n"
                                      "\\cvNoSuchMacro{x}\n"
                                      "\\end{document}\n");
  std::ostringstream err;
  CHECK_FALSE(cvpress::detail::latex::compile_tex(tex, dir / "broken.pdf", "cv.yaml", err));
  const std::string msg = err.str();
  CHECK(msg.find(tex.string() + ":5: LaTeX error: Undefined control sequence.") !=
        std::string::npos);
  CHECK(msg.find("cv.yaml:12: cv.sections.education[0]:") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "broken.pdf"));
  // Nothing but the .tex is left next to it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
    ++files;
  CHECK(files == 1);
  fs::remove_all(dir);
}

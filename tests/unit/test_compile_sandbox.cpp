// `--compile` runs TeX sandboxed: no shell escape, paranoid openin/openout.
#include "backends/latex/compile.hpp"

#include <cvpress/job.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("cvpress-sandbox-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

} // namespace

TEST_CASE("latex compile: xelatex gets -no-shell-escape and paranoid file access") {
  const fs::path dir = scratch("fake");
  fs::create_directories(dir / "bin");
  const fs::path log = dir / "args.txt";
  // A fake xelatex that records its arguments and environment, then fails.
  {
    std::ofstream s(dir / "bin" / "xelatex");
    s << "#!/bin/sh\n"
      << "echo \"args: $*\" > '" << log.string() << "'\n"
      << "echo \"openin_any=$openin_any openout_any=$openout_any shell_escape=$shell_escape\" >> '"
      << log.string() << "'\n"
      << "exit 1\n";
  }
  fs::permissions(dir / "bin" / "xelatex", fs::perms::owner_all);
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  ::setenv("PATH", (dir / "bin").c_str(), 1);
  ::setenv("openin_any", "a", 1); // an inherited permissive setting is overridden
  ::setenv("shell_escape", "t", 1);
  cvpress::write_file_atomically(dir / "cv.tex", "\\documentclass{article}\n");
  std::ostringstream err;
  const bool ok = cvpress::detail::latex::compile_tex(dir / "cv.tex", dir / "cv.pdf", "cv.yaml", err);
  ::setenv("PATH", saved.c_str(), 1);
  ::unsetenv("openin_any");
  ::unsetenv("shell_escape");
  CHECK_FALSE(ok);
  const std::string recorded = slurp(log);
  CHECK(recorded.find("args: -no-shell-escape -halt-on-error -interaction=nonstopmode cv.tex") !=
        std::string::npos);
  CHECK(recorded.find("openin_any=p openout_any=p shell_escape=f") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "cv.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("latex compile: real xelatex cannot run commands or read absolute paths") {
  if (std::system("command -v xelatex > /dev/null 2>&1") != 0) {
    FAIL("xelatex not installed (a required test tool: scripts/install-deps.sh installs it)");
  }
  const fs::path dir = scratch("real");
  const fs::path mark = dir / "pwned";
  cvpress::write_file_atomically(dir / "shell.tex", "\\documentclass{article}\n"
                                                    "\\begin{document}\n"
                                                    "\\immediate\\write18{touch " +
                                                        mark.string() +
                                                        "}\n"
                                                        "x\n"
                                                        "\\end{document}\n");
  std::ostringstream err;
  (void)cvpress::detail::latex::compile_tex(dir / "shell.tex", dir / "shell.pdf", "cv.yaml", err);
  CHECK_FALSE(fs::exists(mark));

  cvpress::write_file_atomically(dir / "read.tex", "\\documentclass{article}\n"
                                                   "\\begin{document}\n"
                                                   "\\input{/etc/passwd}\n"
                                                   "\\end{document}\n");
  std::ostringstream err2;
  CHECK_FALSE(
      cvpress::detail::latex::compile_tex(dir / "read.tex", dir / "read.pdf", "cv.yaml", err2));
  CHECK_FALSE(fs::exists(dir / "read.pdf"));
  fs::remove_all(dir);
}

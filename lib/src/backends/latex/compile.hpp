#pragma once
// The latex backend's "compile" option (`cvpress render --compile`): runs
// xelatex on a written .tex file.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace cvpress::detail::latex {

/// Compiles `tex` with `xelatex -no-shell-escape -halt-on-error
/// -interaction=nonstopmode` in a fresh temporary folder (openin_any and
/// openout_any set to "p"), twice when references need it, and writes the
/// PDF to `pdf`. On failure prints the first TeX error ("! ..." and its
/// l.NN line) to `err`, mapped back to the CV (`cv_file`) through the
/// source comments in the .tex, and returns false. Also false (with a
/// message) when xelatex is not installed.
bool compile_tex(const std::filesystem::path& tex, const std::filesystem::path& pdf,
                 const std::string& cv_file, std::ostream& err);

} // namespace cvpress::detail::latex

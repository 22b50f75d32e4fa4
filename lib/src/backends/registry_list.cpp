#include "backends/registry_list.hpp"

namespace cvpress::detail {

// Backends register here explicitly (no static-initialisation tricks).
const Backend* latex_backend(); // backends/latex
std::vector<const Backend*> builtin_backends() { return {latex_backend()}; }

} // namespace cvpress::detail

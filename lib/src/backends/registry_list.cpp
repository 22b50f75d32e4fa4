#include "backends/registry_list.hpp"

#include "backends/pdf/pdf_backend.hpp"

namespace cvpress::detail {

const Backend* latex_backend(); // backends/latex

// Backends register here explicitly (no static-initialisation tricks).
std::vector<const Backend*> builtin_backends() { return {latex_backend(), &pdf_backend()}; }

} // namespace cvpress::detail

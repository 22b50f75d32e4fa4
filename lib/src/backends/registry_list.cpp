#include "backends/registry_list.hpp"

#include "backends/pdf/pdf_backend.hpp"

namespace cvpress::detail {

// Backends register here explicitly (no static-initialisation tricks).
std::vector<const Backend*> builtin_backends() { return {&pdf_backend()}; }

} // namespace cvpress::detail

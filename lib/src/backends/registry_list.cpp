#include "backends/registry_list.hpp"

namespace cvpress::detail {

// Backends register here explicitly (no static-initialisation tricks).
std::vector<const Backend*> builtin_backends() { return {}; }

} // namespace cvpress::detail

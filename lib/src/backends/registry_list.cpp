#include "backends/registry_list.hpp"

#include "backends/pdf/pdf_backend.hpp"
#ifdef CVPRESS_WITH_PNG
#include "backends/png/png_backend.hpp"
#endif

namespace cvpress::detail {

const Backend* latex_backend();    // backends/latex
const Backend* html_backend();     // backends/html
const Backend* markdown_backend(); // backends/markdown

// Backends register here explicitly (no static-initialisation tricks). The
// png backend is an optional build component (CVPRESS_WITH_PNG, poppler).
void require_plugins([[maybe_unused]] const Backend& backend) {
#ifdef CVPRESS_WITH_PNG
  if (&backend == png_backend())
    require_png_plugin();
#endif
}

std::vector<const Backend*> builtin_backends() {
  return {
      latex_backend(), &pdf_backend(), html_backend(), markdown_backend(),
#ifdef CVPRESS_WITH_PNG
      png_backend(),
#endif
  };
}

} // namespace cvpress::detail

#pragma once
// The "pdf" backend: own layout (layout_cv) drawn with libharu.
#include <cvpress/backend.hpp>

namespace cvpress::detail {

/// The process-wide pdf backend.
const Backend& pdf_backend();

} // namespace cvpress::detail

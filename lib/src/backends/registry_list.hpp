#pragma once
// Built-in backends. Add one accessor per backend and list it in
// builtin_backends() (registry_list.cpp).
#include <cvpress/backend.hpp>

#include <vector>

namespace cvpress::detail {
std::vector<const Backend*> builtin_backends();

/// Loads the plug-in `backend` needs, if any (png: libcvpress-png.so), so a
/// batch fails once, before any work, when it is missing. Throws
/// UnavailableError.
void require_plugins(const Backend& backend);
} // namespace cvpress::detail

#pragma once
// Built-in backends. Add one accessor per backend and list it in
// builtin_backends() (registry_list.cpp).
#include <cvpress/backend.hpp>

#include <vector>

namespace cvpress::detail {
std::vector<const Backend*> builtin_backends();
} // namespace cvpress::detail

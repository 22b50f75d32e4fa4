#pragma once
// HTML named character references (the part between '&' and ';').
#include <optional>
#include <string_view>

namespace cvpress::detail {

/// UTF-8 text of the named entity `name` (e.g. "amp" -> "&"), or nullopt.
std::optional<std::string_view> lookup_html_entity(std::string_view name);

} // namespace cvpress::detail

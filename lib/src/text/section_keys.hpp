#pragma once
// Section keys and titles as RenderCV compares them (the loader, the style
// and the entry order look sections up by them).
#include <cvpress/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// A section key or title in snake_case: lower case, ' ' and '-' read as '_'
/// ("Work Experience" → "work_experience"), as RenderCV compares them.
[[nodiscard]] std::string fold_section_key(std::string_view key);

/// The section whose key is `key`: the same key, else the same after folding
/// case and reading ' ' and '-' as '_' ("Work Experience" = "work_experience").
/// nullptr when there is none.
[[nodiscard]] const Section* find_section(const std::vector<Section>& sections,
                                          std::string_view key);

} // namespace cvpress::detail

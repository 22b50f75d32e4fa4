// Section keys compared as RenderCV compares them.
#include "text/section_keys.hpp"

#include <cctype>

namespace cvpress::detail {

std::string fold_section_key(std::string_view key) {
  std::string out;
  for (char c : key)
    out +=
        c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const Section* find_section(const std::vector<Section>& sections, std::string_view key) {
  for (const auto& s : sections)
    if (s.key == key)
      return &s;
  const std::string folded = fold_section_key(key);
  for (const auto& s : sections)
    if (fold_section_key(s.key) == folded)
      return &s;
  return nullptr;
}

} // namespace cvpress::detail

#include "base/source_date_epoch.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace cvpress::detail {

std::optional<std::int64_t> parse_source_date_epoch(std::string_view text) {
  // from_chars alone would take a leading '-'.
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || end != text.data() + text.size() || seconds > max_source_date_epoch)
    return std::nullopt; // overflow lands here too
  return seconds;
}

std::optional<std::int64_t> source_date_epoch_from_env() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value)
    return std::nullopt;
  return parse_source_date_epoch(value);
}

} // namespace cvpress::detail

#pragma once
// SOURCE_DATE_EPOCH (reproducible builds,
// https://reproducible-builds.org/specs/source-date-epoch/): the one parser, used for the PDF's
// dates and for "today" in time spans.
#include <cstdint>
#include <optional>
#include <string_view>

namespace cvpress::detail {

/// The largest accepted value: 9999-12-31T23:59:59Z (PDF dates have
/// four-digit years).
inline constexpr std::int64_t max_source_date_epoch = 253402300799;

/// `text` as seconds since 1970-01-01T00:00:00Z: one or more ASCII digits
/// and nothing else, at most max_source_date_epoch. Anything else (empty,
/// a sign, spaces, a fraction, a larger value or one that overflows) gives
/// nullopt: the variable is ignored.
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

/// SOURCE_DATE_EPOCH from the environment, read with
/// parse_source_date_epoch(); nullopt when unset or invalid.
std::optional<std::int64_t> source_date_epoch_from_env();

} // namespace cvpress::detail

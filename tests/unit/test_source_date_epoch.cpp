// The one SOURCE_DATE_EPOCH parser (PDF dates and "today" in time spans).
#include "base/source_date_epoch.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using cvpress::detail::max_source_date_epoch;
using cvpress::detail::parse_source_date_epoch;
using cvpress::detail::source_date_epoch_from_env;

TEST_CASE("SOURCE_DATE_EPOCH: whole string of digits, 0 to 9999-12-31T23:59:59Z") {
  using E = std::optional<std::int64_t>;
  CHECK(parse_source_date_epoch("0") == E(0));
  CHECK(parse_source_date_epoch("86400") == E(86400));
  CHECK(parse_source_date_epoch("0001700000000") == E(1700000000)); // leading zeros
  CHECK(parse_source_date_epoch("253402300799") == E(max_source_date_epoch));
  // Ignored: past the year 9999, overflowing int64, signs, spaces, fractions, other text.
  for (const char* bad : {"", "253402300800", "99999999999999999999999", "-1", "-0", "+5", " 5",
                          "5 ", "5\n", "1.5", "12x", "0x10", "1e9", "\xd9\xa1"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_source_date_epoch(bad).has_value());
  }
}

TEST_CASE("SOURCE_DATE_EPOCH: read from the environment, unset or invalid is ignored") {
  const char* saved = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved_value = saved ? saved : "";
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(source_date_epoch_from_env() == std::optional<std::int64_t>(1700000000));
  ::setenv("SOURCE_DATE_EPOCH", "12x", 1);
  CHECK_FALSE(source_date_epoch_from_env().has_value());
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK_FALSE(source_date_epoch_from_env().has_value());
  if (saved)
    ::setenv("SOURCE_DATE_EPOCH", saved_value.c_str(), 1);
}

// Bold keywords in one pass (issue 20, item 1).
#include "text/keywords.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

using cvpress::detail::KeywordMatcher;
using Matches = std::vector<std::pair<std::size_t, std::size_t>>;

namespace {
// The old definition, quadratic: leftmost occurrence, longest on a tie, go on after it.
Matches naive(std::string text, const std::vector<std::string>& keys) {
  Matches out;
  std::size_t base = 0;
  for (;;) {
    std::size_t best = std::string::npos, len = 0;
    for (const auto& k : keys) {
      if (k.empty())
        continue;
      const std::size_t at = text.find(k);
      if (at < best || (at == best && k.size() > len))
        best = at, len = k.size();
    }
    if (best == std::string::npos)
      return out;
    out.emplace_back(base + best, len);
    text.erase(0, best + len);
    base += best + len;
  }
}
} // namespace

TEST_CASE("keyword matcher: leftmost, longest on a tie, non-overlapping") {
  KeywordMatcher m({"ab", "abc", "bcd", "", "d"});
  CHECK(m.find_all("xabcdx abd") == Matches{{1, 3}, {4, 1}, {7, 2}, {9, 1}});
  CHECK(KeywordMatcher({}).find_all("abc").empty());
  CHECK(KeywordMatcher({""}).empty());
  CHECK(KeywordMatcher({"Łódź"}).find_all("w Łódźi") == Matches{{2, 7}});
}

TEST_CASE("keyword matcher agrees with the quadratic definition on random text") {
  std::mt19937 rng(20);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> keys(1 + rng() % 6);
    for (auto& k : keys)
      for (unsigned n = rng() % 4; n-- > 0;)
        k += static_cast<char>('a' + rng() % 3);
    std::string text;
    for (unsigned n = rng() % 40; n-- > 0;)
      text += static_cast<char>('a' + rng() % 3);
    CAPTURE(text);
    CHECK(KeywordMatcher(keys).find_all(text) == naive(text, keys));
  }
}

TEST_CASE("bold_keywords cost linear time: 100 keywords over a 66 KB entry") {
  // Measured as a ratio to the same CV without keywords (the quadratic
  // version took 82 s for this CV; a plain render takes milliseconds).
  std::string words;
  for (int i = 0; i < 13'000; ++i)
    words += "word ";
  std::string keywords;
  for (int i = 0; i < 100; ++i)
    keywords += (i ? ", " : "") + std::string("wor") + std::to_string(i);
  keywords += ", word";
  const std::string plain =
      "cv:\n  name: Ada Lovelace\n  sections:\n    notes:\n      - '" + words + "'\n";
  const std::string bold = plain + "settings:\n  bold_keywords: [" + keywords + "]\n";
  const cvpress::Backend* pdf = cvpress::find_backend("pdf");
  REQUIRE(pdf);
  auto seconds = [&](const std::string& yaml) {
    auto cv = cvpress::load_cv_string(yaml, "cv.yaml").cv;
    auto start = std::chrono::steady_clock::now();
    (void)pdf->render(cv, {});
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const double base = seconds(plain);
  const double with = seconds(bold);
  CAPTURE(base);
  CAPTURE(with);
  CHECK(with < 5 * base + 0.5);
}

#pragma once
// Bold keywords in one pass (Aho-Corasick): the cost is linear in the text
// plus the keywords, however many keywords and matches there are.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvpress::detail {

/// Finds byte-exact occurrences of a set of keywords.
class KeywordMatcher {
public:
  /// Builds the automaton; empty keywords are ignored.
  explicit KeywordMatcher(const std::vector<std::string>& keywords);

  /// True when there is no (non-empty) keyword.
  [[nodiscard]] bool empty() const { return nodes_.size() == 1; }

  /// Non-overlapping matches as (offset, length), left to right: at each
  /// point the leftmost occurrence of any keyword, the longest on a tie, then
  /// the search goes on after it. O(text + matches).
  [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>>
  find_all(std::string_view text) const;

private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> next; // sorted by byte
    int fail = 0;
    std::size_t depth = 0;
    std::size_t longest = 0; // longest keyword that is a suffix of this node's string
  };
  [[nodiscard]] int child(int node, unsigned char c) const;
  [[nodiscard]] int step(int node, unsigned char c) const;
  std::vector<Node> nodes_;
};

} // namespace cvpress::detail

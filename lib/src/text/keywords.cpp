#include "text/keywords.hpp"

#include <algorithm>
#include <deque>

namespace cvpress::detail {

// The automaton holds the keywords reversed: scanning the text from its end,
// the state after byte j tells the longest keyword that starts at j.
KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords) : nodes_(1) {
  for (const auto& k : keywords) {
    if (k.empty())
      continue;
    int node = 0;
    for (auto it = k.rbegin(); it != k.rend(); ++it) {
      const auto c = static_cast<unsigned char>(*it);
      int next = child(node, c);
      if (next < 0) {
        next = static_cast<int>(nodes_.size());
        Node n;
        n.depth = nodes_[node].depth + 1;
        nodes_.push_back(std::move(n));
        auto& kids = nodes_[node].next;
        kids.insert(std::lower_bound(kids.begin(), kids.end(), std::pair{c, 0}), {c, next});
      }
      node = next;
    }
    nodes_[node].longest = k.size();
  }
  // Breadth first: failure links and the longest keyword ending at each node.
  std::deque<int> queue;
  for (auto [c, n] : nodes_[0].next)
    queue.push_back(n);
  while (!queue.empty()) {
    const int node = queue.front();
    queue.pop_front();
    const auto longest_here = nodes_[node].longest;
    nodes_[node].longest = std::max(longest_here, nodes_[nodes_[node].fail].longest);
    for (auto [c, n] : nodes_[node].next) {
      int f = nodes_[node].fail;
      while (f != 0 && child(f, c) < 0)
        f = nodes_[f].fail;
      const int target = child(f, c);
      nodes_[n].fail = target >= 0 && target != n ? target : 0;
      queue.push_back(n);
    }
  }
}

int KeywordMatcher::child(int node, unsigned char c) const {
  const auto& kids = nodes_[node].next;
  auto it = std::lower_bound(kids.begin(), kids.end(), std::pair{c, 0},
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != kids.end() && it->first == c ? it->second : -1;
}

int KeywordMatcher::step(int node, unsigned char c) const {
  for (;;) {
    if (int next = child(node, c); next >= 0)
      return next;
    if (node == 0)
      return 0;
    node = nodes_[node].fail;
  }
}

std::vector<std::pair<std::size_t, std::size_t>>
KeywordMatcher::find_all(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (empty() || text.empty())
    return out;
  // longest[j]: the longest keyword starting at byte j (0 for none).
  std::vector<std::size_t> longest(text.size());
  int node = 0;
  for (std::size_t j = text.size(); j-- > 0;) {
    node = step(node, static_cast<unsigned char>(text[j]));
    longest[j] = nodes_[node].longest;
  }
  for (std::size_t j = 0; j < text.size();) {
    if (longest[j] > 0) {
      out.emplace_back(j, longest[j]);
      j += longest[j];
    } else {
      ++j;
    }
  }
  return out;
}

} // namespace cvpress::detail

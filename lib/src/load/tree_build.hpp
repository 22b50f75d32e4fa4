#pragma once
// Building YamlNode trees in code: the bibliography, JSON Resume and variant
// steps rewrite the parsed document into the plain `cv:` form the loader
// reads, keeping each node's source location (and file, for .bib nodes).
#include "load/yaml_tree.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvpress::detail {

/// A shared, immutable node.
using NodeRef = std::shared_ptr<const YamlNode>;

/// Where a built node claims to come from.
struct Origin {
  std::shared_ptr<const std::string> file; ///< nullptr = the document itself
  int line = 0;                            ///< 1-based line
  int column = 0;                          ///< 1-based column
};

/// The origin of an existing node.
inline Origin origin_of(const YamlNode& n) { return {n.file, n.line, n.column}; }

/// A (quoted) scalar.
inline NodeRef make_scalar(std::string value, const Origin& o) {
  auto n = std::make_shared<YamlNode>();
  n->kind = YamlNode::Kind::scalar;
  n->value = std::move(value);
  n->file = o.file;
  n->line = o.line;
  n->column = o.column;
  return n;
}

/// A sequence of `items`.
inline NodeRef make_sequence(std::vector<NodeRef> items, const Origin& o) {
  auto n = std::make_shared<YamlNode>();
  n->kind = YamlNode::Kind::sequence;
  n->file = o.file;
  n->line = o.line;
  n->column = o.column;
  for (auto& i : items) {
    n->expanded += i->expanded;
    n->items.push_back(std::move(i));
  }
  return n;
}

/// One key of a map under construction: its key node and value.
using MapEntry = std::pair<NodeRef, NodeRef>;

/// A map from (key node, value) pairs, in order.
inline NodeRef make_map(std::vector<MapEntry> entries, const Origin& o) {
  auto n = std::make_shared<YamlNode>();
  n->kind = YamlNode::Kind::map;
  n->file = o.file;
  n->line = o.line;
  n->column = o.column;
  for (auto& [k, v] : entries) {
    n->expanded += k->expanded + v->expanded;
    n->entries.emplace_back(std::move(k), std::move(v));
  }
  return n;
}

/// A key node for `key` at origin `o`.
inline NodeRef make_key(std::string_view key, const Origin& o) {
  auto k = std::make_shared<YamlNode>();
  k->kind = YamlNode::Kind::scalar;
  k->value = std::string(key);
  k->plain = true;
  k->file = o.file;
  k->line = o.line;
  k->column = o.column;
  return k;
}

/// The value of `key` in map `n`, or nullptr.
inline const NodeRef* map_value(const YamlNode& n, std::string_view key) {
  if (n.kind != YamlNode::Kind::map)
    return nullptr;
  for (const auto& [k, v] : n.entries)
    if (k->kind == YamlNode::Kind::scalar && k->value == key)
      return &v;
  return nullptr;
}

} // namespace cvpress::detail

#pragma once
// A YAML document as a bounded tree with 1-based positions, built from
// yaml-cpp's event parser so depth, alias expansion and string sizes are
// checked while parsing.
#include <cvpress/diagnostics.hpp>
#include <cvpress/load.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvpress::detail {

/// One YAML node. Aliases share the anchored node (the tree is a DAG).
struct YamlNode {
  /// The node's kind.
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null; ///< the node's kind
  std::string value;      ///< scalar text (NFC)
  bool plain = false;     ///< unquoted, untagged scalar
  /// Plain multi-line scalar with its line breaks kept ("a\n- b" for
  /// "a\n  - b", which YAML folds to "a - b"); empty when not needed.
  std::string unfolded;
  int line = 0;                                       ///< 1-based line
  int column = 0;                                     ///< 1-based column (bytes)
  std::vector<std::shared_ptr<const YamlNode>> items; ///< sequence items
  std::vector<std::pair<std::shared_ptr<const YamlNode>, std::shared_ptr<const YamlNode>>>
      entries;              ///< map entries, in order
  std::size_t expanded = 1; ///< nodes after alias expansion
  /// The file this node came from when it is not the document's own (a
  /// node built from a .bib or CSL-JSON file); nullptr for the document.
  std::shared_ptr<const std::string> file;
};

/// Parses one YAML document. Throws InputError (syntax errors, invalid
/// UTF-8, control characters, limits, an empty file, several documents).
std::shared_ptr<const YamlNode> parse_yaml(std::string_view text, const std::string& filename,
                                           const LoadLimits& limits);

/// "a string", "a list", "a map" or "an empty value".
std::string_view describe_kind(const YamlNode& node);

} // namespace cvpress::detail

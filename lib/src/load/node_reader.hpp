#pragma once
// Reading a YamlNode tree with precise diagnostics: field access, type
// checks, unknown keys with "did you mean" suggestions. Shared by the CV
// loader and the style loader so both report errors the same way.
#include "load/yaml_tree.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// One key of a map, with its key and value nodes.
struct Field {
  std::string key;          ///< the key text
  const YamlNode* key_node; ///< the key (for locations)
  const YamlNode* value;    ///< the value
};
/// A map's fields in input order.
using Fields = std::vector<Field>;
/// A set of allowed keys.
using Keys = std::span<const std::string_view>;

/// "a.b" from "a" and "b" ("b" when `path` is empty).
std::string join(const std::string& path, std::string_view key);
/// "a[3]".
std::string index(const std::string& path, std::size_t i);
/// "x, y or z".
std::string quoted_list(Keys keys, std::string_view last_sep = " or ");
/// The known key closest to `key` (case-insensitive edit distance), if close.
std::optional<std::string_view> suggest(std::string_view key, Keys known);
/// `s` without surrounding blanks.
std::string_view trim(std::string_view s);

/// Collects errors and warnings while reading a tree from one file.
class NodeReader {
public:
  /// `file` names the input in locations.
  explicit NodeReader(std::string file) : file_(std::move(file)) {}

  std::vector<Diagnostic> errors;   ///< errors found so far
  std::vector<Diagnostic> warnings; ///< warnings found so far

  /// The location of a node.
  SourceLocation at(const YamlNode& n) const {
    return {n.file ? *n.file : file_, n.line, n.column};
  }
  /// The subtree at `n` as an OptionValue (locale, settings and design
  /// blocks kept for a later stage), every node with its location.
  OptionValue option(const YamlNode& n) const;
  /// Records an error at `n`.
  void error(const YamlNode& n, const std::string& path, std::string message);
  /// Records a warning at `n`.
  void warn(const YamlNode& n, const std::string& path, std::string message);
  /// Records "expected EXPECTED, got KIND".
  void wrong_type(const YamlNode& n, const std::string& path, std::string_view expected);

  /// The map's fields in order; duplicate and non-string keys are errors;
  /// YAML merge keys (`<<`) are applied, explicit keys winning.
  Fields fields(const YamlNode& map, const std::string& path);
  /// The field `key`, or nullptr.
  static const Field* find(const Fields& fs, std::string_view key);
  /// Reports keys not in `allowed` (with a suggestion) at the given severity.
  void check_keys(const Fields& fs, Keys allowed, const std::string& path, Severity severity);
  /// The fields of a map value, or nullopt (with an error) when it is not a map.
  std::optional<Fields> map_fields(const YamlNode& n, const std::string& path);

  /// An optional string; absent or null gives nullopt, a non-string an error.
  std::optional<std::string> string_of(const Fields& fs, std::string_view key,
                                       const std::string& path);
  /// A required non-empty string; a missing key is reported at `map`.
  const YamlNode* required(const YamlNode& map, const Fields& fs, std::string_view key,
                           const std::string& path);
  /// An optional string, trimmed ("" when absent).
  std::string plain(const Fields& fs, std::string_view key, const std::string& path);
  /// A string or a list of strings, as nodes.
  std::vector<const YamlNode*> string_list(const Fields& fs, std::string_view key,
                                           const std::string& path);
  /// A string or a list of strings, trimmed.
  std::vector<std::string> plain_list(const Fields& fs, std::string_view key,
                                      const std::string& path);
  /// true/false/yes/no; anything else is an error.
  std::optional<bool> boolean(const Fields& fs, std::string_view key, const std::string& path);

protected:
  std::string file_; ///< input name for locations
};

} // namespace cvpress::detail

#pragma once
// Rewrites a parsed document into the plain form the CV loader reads:
// JSON Resume documents become `cv:` documents, `--variant`/`--only`/
// `--exclude` drop tagged entries and sections, multilingual fields
// (`{en: .., zh: ..}`) collapse to the chosen language, and
// `- bibliography: refs.bib` entries expand to publication entries.
#include "load/node_reader.hpp"
#include "load/tree_build.hpp"

#include <cvpress/load.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cvpress::detail {

/// The rewritten document and what was found on the way.
struct Prepared {
  NodeRef root;                             ///< the plain document
  std::vector<Diagnostic> errors;           ///< located errors
  std::vector<Diagnostic> warnings;         ///< located warnings
  std::vector<std::string> variants;        ///< names in settings.variants
  std::vector<std::filesystem::path> files; ///< bibliography files read
};

/// Rewrites `root` (parsed from `file`). Never throws for bad input.
Prepared prepare_document(const NodeRef& root, const std::string& file, const LoadOptions& options);

/// True when `root` looks like a JSON Resume document (no `cv` key, and
/// `basics` or another JSON Resume key, or a `.json` file name).
bool is_json_resume(const YamlNode& root, const std::string& file);

/// JSON Resume -> `{cv: ...}` tree; problems go to `reader`.
NodeRef json_resume_to_cv(const YamlNode& root, NodeReader& reader);

/// The BCP-47 tag a language-map key names, or "" when `key` is not one.
std::string language_key(std::string_view key);

} // namespace cvpress::detail

#pragma once
/// @file load.hpp
/// Loading and validating a CV from YAML.

#include <cvpress/diagnostics.hpp>
#include <cvpress/export.hpp>
#include <cvpress/model.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// Bounds that protect the loader from hostile input. Exceeding one is an
/// input error with a location, never a crash.
struct LoadLimits {
  std::size_t max_file_bytes = 8 * 1024 * 1024; ///< whole input
  std::size_t max_depth = 64;                   ///< nesting of maps/sequences
  std::size_t max_nodes = 200'000;              ///< YAML nodes after alias expansion
  std::size_t max_string_bytes = 64 * 1024;     ///< one scalar
  std::size_t max_entries = 5'000;              ///< entries over all sections
  /// e-mails, phones, websites, social networks and custom connections
  /// together: the header is never broken across pages, so it must fit on one.
  std::size_t max_contact_items = 40;
};

/// Options for loading.
struct LoadOptions {
  LoadLimits limits; ///< resource bounds
  /// Folder a `bibliography:` path is relative to; "" = the CV file's folder
  /// (the working directory for load_cv_string()).
  std::filesystem::path base_dir;
  /// Further folders bibliographies may be read from (`--allow-dir`).
  std::vector<std::filesystem::path> allowed_dirs;
  /// `--lang`: the language picked from multilingual fields (`{en: .., zh: ..}`)
  /// and the CV's locale; "" = `locale.language`, else each field's first value.
  std::string language;
  /// `--only`: keep untagged entries and sections and those with one of these tags.
  std::vector<std::string> only;
  /// `--exclude`: drop entries and sections with one of these tags.
  std::vector<std::string> exclude;
  /// `--variant`: a filter set named in `settings.variants` ("" = none).
  std::string variant;
};

/// A successfully loaded CV and the warnings found on the way.
struct LoadResult {
  Cv cv; ///< the model
  std::vector<Diagnostic>
      warnings; ///< non-fatal findings (unknown entry keys, unsupported options)
  std::vector<std::string> variants; ///< the names in `settings.variants`, in order
  /// Other files the CV was made from: its bibliographies (`- bibliography:`),
  /// as resolved.
  std::vector<std::filesystem::path> files;
};

/// Loads and validates a CV file: cvpress YAML (with its `bibliography:`
/// entries read relative to the file), or a JSON Resume document. "-" reads
/// standard input, named `<stdin>` in locations (bibliographies then resolve
/// against the working directory, unless `options.base_dir` is set). Language
/// maps, tags and variants are resolved as `options` say (docs/format.md).
/// Throws InputError carrying every error
/// found (locations name `path` as given), or IoError when it cannot be read.
[[nodiscard]] CVPRESS_API LoadResult load_cv_file(const std::filesystem::path& path,
                                                  const LoadOptions& options = {});

/// Loads and validates CV text; `filename` is used in locations only.
/// Throws InputError.
[[nodiscard]] CVPRESS_API LoadResult load_cv_string(std::string_view yaml,
                                                    std::string_view filename,
                                                    const LoadOptions& options = {});

/// Converts a JSON Resume document (or a cvpress YAML/JSON CV) to cvpress
/// YAML text that loads to the same CV (`cvpress convert`). Multilingual
/// fields, tags and bibliographies are kept as written. Throws InputError
/// (located in `filename`).
[[nodiscard]] CVPRESS_API std::string
convert_to_yaml(std::string_view text, std::string_view filename, const LoadOptions& options = {});

/// Turns a RenderCV section key into its title the way RenderCV does:
/// underscores become spaces and lower-case words are capitalised, except
/// short function words ("education" -> "Education",
/// "welcome_to_RenderCV" -> "Welcome to RenderCV").
[[nodiscard]] CVPRESS_API std::string section_title_from_key(std::string_view key);

} // namespace cvpress

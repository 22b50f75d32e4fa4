#pragma once
/// @file style.hpp
/// Styles are data: YAML files in styles/ (built in) or the user's own, which
/// may `extends:` another style. A render picks its style by
/// RenderOptions::style (a built-in name or a .yaml path), else the CV's
/// `design.theme`, and then applies the CV's `design:` options on top.

#include <cvpress/diagnostics.hpp>
#include <cvpress/export.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// A built-in style's name and one-line description.
struct StyleInfo {
  std::string name;        ///< e.g. "classic"
  std::string description; ///< one line
};

/// The built-in styles, sorted by name.
[[nodiscard]] CVPRESS_API std::vector<StyleInfo> builtin_styles();

/// Loads and checks a style (built-in name or file path) with everything it
/// extends. Throws InputError (`style.yaml:LINE:COL: path: message`) or
/// UsageError (unknown name, missing file).
CVPRESS_API void check_style(std::string_view name_or_path);

} // namespace cvpress

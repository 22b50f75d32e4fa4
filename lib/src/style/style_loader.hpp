#pragma once
// Styles as data: loading style files (with `extends`), the built-in styles
// embedded at build time, and RenderCV's `design:` block applied on top.
#include "style/style.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// A built-in style's name, description and YAML source.
struct BuiltinStyle {
  std::string_view name;   ///< e.g. "classic"
  std::string_view source; ///< the styles/NAME.yaml text
};

/// Every built-in style, sorted by name (generated from styles/*.yaml).
const std::vector<BuiltinStyle>& builtin_style_sources();

/// True when a style name is a file path: it has a '/' or ends in .yaml/.yml.
bool looks_like_path(std::string_view name_or_path);

/// Loads a built-in style by name or a style file by path (a value with a
/// '/' or ending in .yaml/.yml is a path, relative to `base_dir`), following
/// `extends`. Throws InputError (`style.yaml:LINE:COL: path: message`) for an
/// invalid style and UsageError for an unknown built-in name or missing file.
Style load_style(std::string_view name_or_path, const std::filesystem::path& base_dir = {});

/// Parses style YAML (for tests and tools); `extends` resolves against `base_dir`.
Style parse_style(std::string_view yaml, const std::string& filename,
                  const std::filesystem::path& base_dir = {});

/// The built-in style a RenderCV theme name maps to ("moderncv" -> "banking");
/// empty for an unknown theme.
std::string_view style_for_theme(std::string_view theme);

/// What a RenderCV design option takes.
enum class DesignValue {
  theme,        ///< a theme name (theme_names())
  page_size,    ///< a4, us-letter, ...
  length,       ///< 10pt, 2cm, 1.2em, ...
  color,        ///< a colour name, #rrggbb or rgb(r, g, b)
  font,         ///< a font family name
  alignment,    ///< left, justified, center, ...
  section_line, ///< with-partial-line, with-full-line, without-line, moderncv
  text,         ///< a string
  sections,     ///< a list of section titles
  count,        ///< a whole number, 1 or more (page.max_pages)
  fraction,     ///< a percentage or fraction, e.g. 90% (page.fit_floor)
};

/// A RenderCV design option cvpress honours.
struct DesignOption {
  std::string_view key; ///< "group.key", e.g. "page.top_margin"; "theme"
  DesignValue value;    ///< what it takes
};

/// Every RenderCV design option apply_design() honours (others are warned
/// about and ignored). `cvpress schema` lists them.
std::span<const DesignOption> design_options();

/// The RenderCV theme names (and our style names) design.theme accepts.
std::span<const std::string_view> theme_names();

/// Names of the page sizes (design.page.size and style files' page.size).
std::vector<std::string_view> page_size_names();

/// Applies the RenderCV `design:` options that have a counterpart (page size
/// and margins, colours, font sizes and families, alignment, section title
/// type, date column width, bullets) to `style`. Lengths are checked with the
/// style files' ranges (font sizes 1-200pt, ...) and the margins must leave a
/// text area: throws InputError located at the design option.
void apply_design(const Design& design, Style& style);

/// Warnings for a `design:` block: an unknown theme, and every option
/// without a counterpart (with its location). Used by the loader.
std::vector<Diagnostic> design_warnings(const Design& design);

/// The style a render uses: `options.style` if given, else the CV's
/// `design.theme`, else classic; then the CV's design options on top.
/// Throws like load_style().
Style resolve_style(const RenderOptions& options, const Design& design);

} // namespace cvpress::detail

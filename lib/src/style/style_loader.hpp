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

/// The built-in style a RenderCV theme name starts from ("moderncv" ->
/// "banking"); empty for an unknown theme.
std::string_view style_for_theme(std::string_view theme);

/// True for the nine RenderCV theme names (classic, ember, ...).
bool is_rendercv_theme(std::string_view theme);

/// What a RenderCV design option takes.
enum class DesignValue {
  theme,     ///< a theme name (theme_names())
  choice,    ///< one of DesignOption::choices
  length,    ///< 10pt, 2cm, 1.2em, ...
  color,     ///< a colour name, #rrggbb, rgb(r, g, b) or hsl(h, s%, l%)
  font,      ///< a font family name, or a map of element -> family
  flag,      ///< true or false
  text,      ///< a string
  template_, ///< a template string, or null (no such column)
  sections,  ///< a list of section titles
  count,     ///< a whole number, 1 or more (page.max_pages)
  fraction,  ///< a percentage or fraction, e.g. 90% (page.fit_floor)
};

/// A RenderCV design option cvpress reads.
struct DesignOption {
  std::string key;                             ///< dotted path: "page.top_margin", "theme"
  DesignValue value;                           ///< what it takes
  std::span<const std::string_view> choices{}; ///< the values a `choice` takes
};

/// Every RenderCV design option (2.x and 1.x spellings) apply_design()
/// reads; others are warned about. `cvpress schema` lists them.
std::span<const DesignOption> design_options();

/// The RenderCV theme names (and our style names) design.theme accepts.
std::span<const std::string_view> theme_names();

/// Names of the page sizes design.page.size accepts.
std::span<const std::string_view> page_size_names();

/// Applies a RenderCV `design:` block (2.x schema and 1.x spellings, see
/// docs/styles.md) to `style`. Throws InputError with every bad value
/// located at its option; unknown keys are left to design_diagnostics().
void apply_design(const Design& design, Style& style);

/// Every diagnostic of a `design:` block, as the loader reports them:
/// errors for bad values and malformed theme names, warnings for unknown
/// keys and unknown themes (with a did-you-mean).
std::vector<Diagnostic> design_diagnostics(const Design& design);

/// The style a render uses: `options.style` if given, else the CV's
/// `design.theme`, else classic; then the CV's design options on top.
/// Throws like load_style().
Style resolve_style(const RenderOptions& options, const Design& design);

} // namespace cvpress::detail

#pragma once
// The PDF layout engine: a CV model -> pages of positioned items.
#include "layout/display_list.hpp"
#include "resources/photo.hpp"
#include "style/style.hpp"

#include <cvpress/model.hpp>

#include <filesystem>
#include <vector>

namespace cvpress::detail {

/// Lays out `cv` in `style` (RenderCV "classic"-like) with its resources
/// resolved beforehand (resources/photo): no file I/O. Throws RenderError
/// when no font is usable.
LaidOutDocument layout_document(const Cv& cv, const Style& style, const Resources& resources);

/// `style` with type and leading scaled by `f` (fitting to max_pages; the
/// leading tightens too, never under 1.1) and the vertical spacing between
/// entries, sections and items by 1 - 2 (1 - f): it gives way twice as fast.
Style scaled_style(const Style& style, double f);

/// resolve_resources() (the photo, relative to `base_dir` and confined by
/// `access`; InputError for a bad one), then layout_document().
LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access = {});

} // namespace cvpress::detail

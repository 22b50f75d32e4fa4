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

/// resolve_resources() (the photo, relative to `base_dir` and confined by
/// `access`; InputError for a bad one), then layout_document().
LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access = {});

} // namespace cvpress::detail

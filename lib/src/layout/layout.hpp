#pragma once
// The PDF layout engine: a CV model -> pages of positioned items.
#include "layout/display_list.hpp"
#include "style/style.hpp"

#include <cvpress/model.hpp>

#include <filesystem>

namespace cvpress::detail {

/// Lays out `cv` in `style` (RenderCV "classic"-like). The photo is read
/// relative to `base_dir` and validated; a missing, unreadable or broken
/// image throws InputError. Throws RenderError when no font is usable.
LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir);

} // namespace cvpress::detail

#pragma once
// The PDF layout engine: a CV model -> pages of positioned items.
#include "layout/display_list.hpp"
#include "style/style.hpp"

#include <cvpress/model.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace cvpress::detail {

/// Where the photo may come from and how large it may be.
struct PhotoAccess {
  std::vector<std::filesystem::path> allowed_dirs; ///< besides base_dir (--allow-dir)
  std::uint64_t max_pixels = 40'000'000;           ///< width x height
};

/// Lays out `cv` in `style` (RenderCV "classic"-like). The photo is read
/// relative to `base_dir` and validated; a missing, unreadable or broken
/// image throws InputError, and so does a photo outside `base_dir` and
/// `access.allowed_dirs` (after resolving symlinks) or larger than
/// `access.max_pixels`. Throws RenderError when no font is usable.
LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access = {});

} // namespace cvpress::detail

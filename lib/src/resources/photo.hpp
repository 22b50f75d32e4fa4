#pragma once
// The CV's photo as a resource: found, read and checked before layout, so
// that layout does no file I/O and every photo problem is an input error
// at the `photo:` line.
#include "resources/image.hpp"

#include <cvpress/model.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cvpress::detail {

/// The photo's box in the header, in points: 72 pt wide, at most 96 pt high.
inline constexpr double kPhotoWidthPt = 72;
inline constexpr double kPhotoMaxHeightPt = 96;
/// Photos with more pixels than this resolution needs at that size are
/// downsampled (downsample_image()).
inline constexpr int kPhotoDpi = 300;

/// Where the photo may come from and how large it may be.
struct PhotoAccess {
  std::vector<std::filesystem::path> allowed_dirs; ///< besides base_dir (--allow-dir)
  std::uint64_t max_pixels = 40'000'000;           ///< width x height
};

/// A photo whose bytes passed every check (inspect_image(), the pixel limit
/// and, for PNG, png_data_problem()): safe to hand to libharu. Downsampled
/// to kPhotoDpi when it is much larger.
struct Photo {
  std::string bytes; ///< the file's content
  ImageInfo info;    ///< format and pixel size
};

/// What layout needs from outside the model, resolved beforehand.
struct Resources {
  std::optional<Photo> photo; ///< header.photo, when the CV names one
};

/// Reads and checks `cv.header.photo` (relative to `base_dir`); nullopt
/// when the CV has no photo. Throws InputError at the `photo:` line for a
/// photo that is missing, unreadable, broken, larger than 32 MiB or than
/// `access.max_pixels`, or outside `base_dir` and `access.allowed_dirs`
/// (after resolving symlinks).
std::optional<Photo> load_photo(const Cv& cv, const std::filesystem::path& base_dir,
                                const PhotoAccess& access);

/// Every resource of `cv` (load_photo()).
Resources resolve_resources(const Cv& cv, const std::filesystem::path& base_dir,
                            const PhotoAccess& access);

} // namespace cvpress::detail

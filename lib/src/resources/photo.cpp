// Reading and checking the photo before layout.
#include "resources/photo.hpp"

#include "base/file_access.hpp"
#include "resources/downsample.hpp"

#include <fstream>
#include <sstream>

namespace cvpress::detail {

std::optional<Photo> load_photo(const Cv& cv, const std::filesystem::path& base_dir,
                                const PhotoAccess& access) {
  const std::string& photo = cv.header.photo;
  if (photo.empty())
    return std::nullopt;
  // A CV built in code has no position for `photo`: report the file only.
  const SourceLocation where =
      cv.header.photo_where.known() ? cv.header.photo_where : SourceLocation{cv.source_file, 0, 0};
  auto fail = [&](const std::string& why) -> InputError {
    return InputError({Diagnostic{Severity::error, where, "cv.photo", why}});
  };
  std::string denied;
  auto resolved = confine_path(photo, base_dir, access.allowed_dirs, denied);
  if (!resolved)
    throw fail(denied.find("not found") != std::string::npos ? "photo " + denied : denied);
  const std::filesystem::path& p = *resolved;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec))
    throw fail("photo '" + photo + "' is not a regular file");
  if (std::filesystem::file_size(p, ec) > 32u * 1024 * 1024)
    throw fail("photo '" + photo + "' is larger than 32 MiB");
  std::ifstream in(p, std::ios::binary);
  if (!in)
    throw fail("cannot read photo '" + photo + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  Photo out;
  out.bytes = std::move(buf).str();
  std::string why;
  auto info = inspect_image(out.bytes, why);
  if (!info)
    throw fail("photo '" + photo + "': " + why);
  if (static_cast<std::uint64_t>(info->width) * static_cast<std::uint64_t>(info->height) >
      access.max_pixels)
    throw fail("photo '" + photo + "' has " + std::to_string(info->width) + "x" +
               std::to_string(info->height) + " pixels, more than the limit of " +
               std::to_string(access.max_pixels / 1'000'000) + " megapixels");
  if (info->format == ImageFormat::png)
    if (std::string problem = png_data_problem(out.bytes); !problem.empty())
      throw fail("photo '" + photo + "': " + problem);
  out.info = *info;
  // More pixels than the page can show cost memory and PDF size only.
  const auto dots = [](double pt) { return static_cast<int>(pt / 72 * kPhotoDpi + 0.5); };
  if (auto smaller = downsample_image(out.bytes, out.info, dots(kPhotoWidthPt),
                                      dots(kPhotoMaxHeightPt))) {
    out.bytes = std::move(smaller->bytes);
    out.info = smaller->info;
  }
  return out;
}

Resources resolve_resources(const Cv& cv, const std::filesystem::path& base_dir,
                            const PhotoAccess& access) {
  return Resources{load_photo(cv, base_dir, access)};
}

} // namespace cvpress::detail

#pragma once
// Confinement of files named by a CV (the photo): they may only come from the
// CV's own folder or from folders the user allowed (--allow-dir). Symlinks are
// resolved before the check, so a link pointing out of the folder is refused.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cvpress::detail {

/// Resolves `name` (as written in the CV) against `base_dir` (empty = the
/// working directory) and returns the canonical path when it lies inside
/// `base_dir` or one of `allowed_dirs`. Otherwise nullopt with the reason in
/// `why`, e.g. "'../secret.png' is outside the CV's folder (allow it with
/// --allow-dir)" or "'x.png' not found".
std::optional<std::filesystem::path>
confine_path(const std::string& name, const std::filesystem::path& base_dir,
             const std::vector<std::filesystem::path>& allowed_dirs, std::string& why);

/// True when canonical `path` equals `dir` or lies below it (both canonical).
bool path_is_within(const std::filesystem::path& path, const std::filesystem::path& dir);

} // namespace cvpress::detail

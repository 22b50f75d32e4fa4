#include "base/file_access.hpp"

#include <system_error>

namespace cvpress::detail {

namespace fs = std::filesystem;

bool path_is_within(const fs::path& path, const fs::path& dir) {
  auto p = path.begin();
  for (auto d = dir.begin(); d != dir.end(); ++d, ++p) {
    if (d->empty() && std::next(d) == dir.end())
      break; // a trailing separator
    if (p == path.end() || *p != *d)
      return false;
  }
  return true;
}

std::optional<fs::path> confine_path(const std::string& name, const fs::path& base_dir,
                                     const std::vector<fs::path>& allowed_dirs, std::string& why) {
  std::error_code ec;
  const fs::path base = base_dir.empty() ? fs::current_path(ec) : base_dir;
  if (name.find('\0') != std::string::npos) {
    why = "'" + name + "' is not a valid file name";
    return std::nullopt;
  }
  fs::path requested(name);
  const fs::path joined = requested.is_absolute() ? requested : base / requested;
  // canonical() resolves every symlink and fails when the file is missing.
  fs::path real = fs::canonical(joined, ec);
  if (ec) {
    // Do not say "not found" for a path we would refuse anyway: a missing
    // file outside the folder is reported as outside (no probing of the
    // file system beyond the allowed folders).
    fs::path lexical = fs::weakly_canonical(joined, ec);
    if (ec)
      lexical = joined.lexically_normal();
    bool inside = false;
    std::error_code ec2;
    fs::path b = fs::weakly_canonical(base, ec2);
    if (!ec2 && path_is_within(lexical, b))
      inside = true;
    for (const auto& dir : allowed_dirs) {
      fs::path d = fs::weakly_canonical(dir, ec2);
      if (!ec2 && path_is_within(lexical, d))
        inside = true;
    }
    why = inside ? "'" + name + "' not found"
                 : "'" + name + "' is outside the CV's folder (allow it with --allow-dir)";
    return std::nullopt;
  }
  auto within = [&](const fs::path& dir) {
    std::error_code e;
    fs::path d = fs::canonical(dir, e);
    return !e && path_is_within(real, d);
  };
  if (within(base))
    return real;
  for (const auto& dir : allowed_dirs)
    if (within(dir))
      return real;
  why = "'" + name + "' is outside the CV's folder (allow it with --allow-dir)";
  return std::nullopt;
}

} // namespace cvpress::detail

// dlopen() of plug-ins: one search, one load per name, never unloaded
// (poppler keeps global state; the preview's threads run plug-in code).
#include "base/plugin.hpp"

#include <cvpress/diagnostics.hpp>

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

namespace cvpress::detail {

std::vector<std::filesystem::path> plugin_dirs() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CVPRESS_PLUGIN_DIR"); env && *env)
    return {fs::path(env)};
  std::vector<fs::path> dirs;
  auto add = [&dirs](const fs::path& dir) {
    const fs::path d = dir.lexically_normal();
    for (const auto& seen : dirs)
      if (seen == d)
        return;
    dirs.push_back(d);
  };
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&plugin_dirs), &info) != 0 && info.dli_fname &&
      *info.dli_fname) {
    std::error_code ec;
    fs::path self = fs::canonical(info.dli_fname, ec);
    if (ec)
      self = fs::absolute(info.dli_fname, ec);
    const fs::path here = self.parent_path();
    add(here / "cvpress");
    add(here / ".." / CVPRESS_INSTALL_LIBDIR / "cvpress");
  }
  add(fs::path(CVPRESS_INSTALL_FULL_LIBDIR) / "cvpress");
  return dirs;
}

const void* plugin_table(std::string_view name, std::uint32_t abi, std::string_view what) {
  static std::mutex mutex;
  static std::map<std::string, const void*, std::less<>> loaded;
  const std::lock_guard lock(mutex);
  if (const auto it = loaded.find(name); it != loaded.end())
    return it->second;

  const std::string file = "libcvpress-" + std::string(name) + ".so";
  const std::vector<std::filesystem::path> dirs = plugin_dirs();
  for (const auto& dir : dirs) {
    const std::filesystem::path path = dir / file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      throw UnavailableError(std::string(what) + " needs the plug-in " + path.string() +
                             ", which cannot be loaded: " + (why ? why : "unknown error"));
    }
    auto entry = reinterpret_cast<cvpress_plugin_entry_fn>(dlsym(handle, CVPRESS_PLUGIN_ENTRY));
    const void* table = entry ? entry(abi) : nullptr;
    if (!table ||
        *static_cast<const std::uint32_t*>(table) != abi) { // every table starts with its ABI
      dlclose(handle);
      throw UnavailableError(std::string(what) + " needs the plug-in " + path.string() +
                             ", which is not of this version of cvpress (ABI " +
                             std::to_string(abi) + ")");
    }
    loaded.emplace(name, table);
    return table;
  }
  std::string searched;
  for (const auto& dir : dirs)
    searched += (searched.empty() ? "" : ", ") + dir.string();
  throw UnavailableError(std::string(what) + " needs the plug-in " + file +
                         ", which is not installed (looked in " + searched + ")");
}

} // namespace cvpress::detail

// The list of built-in backends. Each backend lives in backends/<name>/ and
// exposes one accessor declared in backends/registry_list.hpp.
#include "backends/registry_list.hpp"

#include <cvpress/backend.hpp>

#include <algorithm>

namespace cvpress {

const std::vector<const Backend*>& backends() {
  static const std::vector<const Backend*> all = [] {
    std::vector<const Backend*> list = detail::builtin_backends();
    std::sort(list.begin(), list.end(),
              [](const Backend* a, const Backend* b) { return a->name() < b->name(); });
    return list;
  }();
  return all;
}

const Backend* find_backend(std::string_view name) {
  for (const Backend* b : backends())
    if (b->name() == name)
      return b;
  return nullptr;
}

const Backend* backend_for_path(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty())
    return nullptr;
  ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const Backend* b : backends())
    for (const auto& e : b->extensions())
      if (e == ext)
        return b;
  return nullptr;
}

std::filesystem::path extra_output_path(const std::filesystem::path& output,
                                        const ExtraOutput& extra) {
  std::filesystem::path out = output;
  out.replace_filename(output.stem().string() + extra.suffix + output.extension().string());
  return out;
}

std::string backend_names() {
  std::string out;
  for (const Backend* b : backends()) {
    if (!out.empty())
      out += ", ";
    out += b->name();
  }
  return out.empty() ? std::string("(none built)") : out;
}

void check_backend_options(const Backend& backend, const RenderOptions& options) {
  for (const auto& given : options.backend_options) {
    const std::string option = given.substr(0, given.find('=')); // "dpi=200": "dpi"
    const auto supported = backend.supported_options();
    if (std::find(supported.begin(), supported.end(), option) != supported.end())
      continue;
    std::string names;
    for (const Backend* b : backends()) {
      const auto theirs = b->supported_options();
      if (std::find(theirs.begin(), theirs.end(), option) != theirs.end())
        names += (names.empty() ? "" : ", ") + std::string(b->name());
    }
    if (names.empty())
      throw UsageError("unknown backend option '" + option + "'");
    throw UsageError("--" + option + " works only with the " + names + " format");
  }
}

} // namespace cvpress

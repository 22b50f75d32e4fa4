#pragma once
// Loading libcvpress's plug-ins (base/plugin_abi.h): shared objects with the
// dependencies a plain render must not map (poppler, cpp-httplib), dlopen()ed
// on first use and kept loaded for the life of the process.
#include "base/plugin_abi.h"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// The folders searched for plug-ins, in order. With CVPRESS_PLUGIN_DIR set
/// (and not empty), only that folder. Otherwise `cvpress/` next to the
/// object holding libcvpress's code (build/lib/cvpress in the build tree,
/// LIBDIR/cvpress when installed, for the CLI and the Python module alike),
/// `../LIBDIR/cvpress` from it (an executable linking the library
/// statically, in bin/), then the install prefix's LIBDIR/cvpress.
[[nodiscard]] std::vector<std::filesystem::path> plugin_dirs();

/// The function table of plug-in `name` (file libcvpress-NAME.so) for ABI
/// version `abi`, loading it on first use (thread-safe). Throws
/// UnavailableError, one line saying that `what` needs the plug-in and why it
/// cannot be had (not installed: the folders searched; else dlerror() or a
/// wrong ABI version).
[[nodiscard]] const void* plugin_table(std::string_view name, std::uint32_t abi,
                                       std::string_view what);

} // namespace cvpress::detail

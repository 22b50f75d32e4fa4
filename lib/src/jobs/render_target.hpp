#pragma once
// Choosing a render's backend and output file, shared by render_file() and
// render_watch().
#include <cvpress/backend.hpp>
#include <cvpress/job.hpp>

#include <filesystem>
#include <string>

namespace cvpress::detail {

/// The backend named `format`, else the one `output`'s extension selects,
/// else pdf. Throws UsageError ("unknown format 'docx' (valid formats: ...)").
const Backend& choose_backend(const std::filesystem::path& output, const std::string& format);

/// Where `request` writes `cv`: its output, the default name
/// (default_output_path()) or that name inside an output folder. Throws
/// UsageError when that is the input file.
std::filesystem::path output_path(const RenderRequest& request, const Cv& cv,
                                  const Backend& backend);

} // namespace cvpress::detail

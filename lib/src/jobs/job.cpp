#include <cvpress/job.hpp>

#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <ostream>

namespace cvpress {

namespace fs = std::filesystem;

namespace {
void print_all(std::ostream& os, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    os << d.to_string() << '\n';
}
} // namespace

ExitCode validate_files(const std::vector<fs::path>& files, std::ostream& out, std::ostream& err,
                        const LoadOptions& options) {
  ExitCode worst = ExitCode::ok;
  for (const auto& file : files) {
    try {
      LoadResult result = load_cv_file(file, options);
      print_all(err, result.warnings);
      out << file.string() << ": valid";
      if (!result.warnings.empty())
        out << " (" << result.warnings.size()
            << (result.warnings.size() == 1 ? " warning)" : " warnings)");
      out << '\n';
    } catch (const Error& e) {
      // An unreadable file outranks an invalid one.
      const ExitCode code = report_error(e, err);
      if (worst == ExitCode::ok || code == ExitCode::io)
        worst = code;
    }
  }
  return worst;
}

std::filesystem::path default_output_path(const std::filesystem::path& input, const Cv& cv,
                                          const Backend& backend) {
  std::string stem =
      detail::cv_file_stem(cv.header.name, detail::resolve_language(cv.locale.language));
  if (stem.empty())
    stem = input.stem().string();
  const std::string ext = "." + (backend.extensions().empty() ? std::string(backend.name())
                                                              : backend.extensions().front());
  return input.parent_path() / (stem + ext);
}

ExitCode render_file(const RenderRequest& request, std::ostream& out, std::ostream& err) {
  // Choose the backend before doing any work, so usage errors come first.
  const Backend* backend = nullptr;
  if (!request.format.empty()) {
    backend = find_backend(request.format);
    if (!backend) {
      err << "cvpress: unknown format '" << request.format
          << "' (valid formats: " << backend_names() << ")\n";
      return ExitCode::usage;
    }
  } else if (!request.output.empty()) {
    backend = backend_for_path(request.output);
    if (!backend) {
      err << "cvpress: cannot infer the format from '" << request.output.string()
          << "'; use --format (valid formats: " << backend_names() << ")\n";
      return ExitCode::usage;
    }
  } else {
    backend = find_backend("pdf");
    if (!backend) {
      err << "cvpress: the pdf backend is not available (valid formats: " << backend_names()
          << ")\n";
      return ExitCode::usage;
    }
  }
  try {
    check_backend_options(*backend, request.options);
    LoadResult loaded = load_cv_file(request.input, request.load);
    print_all(err, loaded.warnings);
    const fs::path output = request.output.empty()
                                ? default_output_path(request.input, loaded.cv, *backend)
                                : request.output;
    RenderOptions options = request.options;
    if (options.base_dir.empty())
      options.base_dir = request.input.parent_path();
    RenderResult result = backend->render(loaded.cv, options);
    print_all(err, result.warnings);
    write_file_atomically(output, result.bytes);
    out << output.string() << ": " << result.bytes.size() << " bytes";
    if (result.pages > 0)
      out << ", " << result.pages << (result.pages == 1 ? " page" : " pages");
    out << '\n';
    if (!backend->finish(output, request.input.string(), options, out, err))
      return ExitCode::render;
    return ExitCode::ok;
  } catch (const Error& e) {
    return report_error(e, err, request.input);
  }
}

} // namespace cvpress

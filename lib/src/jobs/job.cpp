#include <cvpress/job.hpp>

#include "jobs/render_target.hpp"
#include "present/dates.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <sys/stat.h>

namespace cvpress {

namespace fs = std::filesystem;

namespace {
// True for a device or FIFO given as -o (written in place, as PDF by default).
bool is_special(const fs::path& output) {
  struct stat st {};
  return output == "-" ||
         (::stat(output.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
}

// True for "-o DIR/" or an existing folder: the output goes inside it.
bool is_folder(const fs::path& output) {
  if (output.empty() || output == "-")
    return false;
  std::error_code ec;
  return !output.has_filename() || fs::is_directory(output, ec);
}

void print_all(std::ostream& os, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    os << d.to_string() << '\n';
}
} // namespace

namespace {

// How messages name an input: "<stdin>" for "-".
std::string display_name(const fs::path& file) {
  return file == "-" ? std::string(kStdinName) : file.string();
}

// The result of checking one file: its diagnostics, or the error that stopped it.
struct FileCheck {
  std::vector<Diagnostic> warnings; // when it loaded and rendered
  const Error* error = nullptr;     // else the error (valid only inside check_file's callback)
};

// Every check render runs (photo, style, design, limits) short of writing:
// the CV is laid out and rendered to memory, then discarded. Calls `done`
// with the result; UsageError propagates.
template <class Done>
void check_file(const fs::path& file, const LoadOptions& options, const RenderOptions& render,
                Done&& done) {
  const Backend* backend = find_backend("pdf");
  FileCheck check;
  try {
    LoadResult result = load_cv_file(file, options);
    if (backend) {
      RenderOptions ro = render;
      if (ro.base_dir.empty())
        ro.base_dir = file.parent_path();
      RenderResult rendered = backend->render(result.cv, ro);
      for (auto& w : rendered.warnings)
        if (std::find(result.warnings.begin(), result.warnings.end(), w) == result.warnings.end())
          result.warnings.push_back(std::move(w));
    }
    check.warnings = std::move(result.warnings);
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    check.error = &e;
    done(check);
    return;
  }
  done(check);
}

// An unreadable file outranks an unrenderable one, which outranks an invalid one.
void keep_worst(ExitCode& worst, ExitCode code) {
  if (worst == ExitCode::ok || code == ExitCode::io ||
      (code == ExitCode::render && worst != ExitCode::io))
    worst = code;
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  auto or_null = [](int n) { return n > 0 ? nlohmann::ordered_json(n) : nlohmann::ordered_json(); };
  nlohmann::ordered_json j;
  j["file"] =
      d.where.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.where.file);
  j["line"] = or_null(d.where.line);
  j["column"] = or_null(d.where.column);
  j["path"] = d.path.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.path);
  j["severity"] = d.severity == Severity::error ? "error" : "warning";
  j["message"] = d.message;
  return j;
}

} // namespace

ExitCode validate_files(const std::vector<fs::path>& files, std::ostream& out, std::ostream& err,
                        const LoadOptions& options, const RenderOptions& render) {
  ExitCode worst = ExitCode::ok;
  for (const auto& file : files) {
    try {
      check_file(file, options, render, [&](const FileCheck& check) {
        if (check.error) {
          keep_worst(worst, report_error(*check.error, err, display_name(file)));
          return;
        }
        print_all(err, check.warnings);
        out << display_name(file) << ": valid";
        if (!check.warnings.empty())
          out << " (" << check.warnings.size()
              << (check.warnings.size() == 1 ? " warning)" : " warnings)");
        out << '\n';
      });
    } catch (const UsageError& e) {
      return report_error(e, err);
    }
  }
  return worst;
}

ExitCode validate_files_json(const std::vector<fs::path>& files, std::ostream& out,
                             std::ostream& err, const LoadOptions& options,
                             const RenderOptions& render) {
  ExitCode worst = ExitCode::ok;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& file : files) {
    const std::string name = display_name(file);
    nlohmann::ordered_json entry;
    entry["file"] = name;
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    try {
      check_file(file, options, render, [&](const FileCheck& check) {
        entry["valid"] = check.error == nullptr;
        if (!check.error) {
          for (const auto& d : check.warnings)
            diagnostics.push_back(diagnostic_json(d));
          return;
        }
        keep_worst(worst, exit_code_of(*check.error));
        if (const auto* input = dynamic_cast<const InputError*>(check.error)) {
          for (const auto& d : input->diagnostics())
            diagnostics.push_back(diagnostic_json(d));
          return;
        }
        // An I/O or render failure has no location: the file, and the
        // message without the file name it starts with.
        std::string message = check.error->what();
        if (message.starts_with(name + ": "))
          message.erase(0, name.size() + 2);
        diagnostics.push_back(diagnostic_json({Severity::error, {name, 0, 0}, "", message}));
      });
    } catch (const UsageError& e) {
      return report_error(e, err);
    }
    entry["diagnostics"] = std::move(diagnostics);
    list.push_back(std::move(entry));
  }
  nlohmann::ordered_json doc;
  doc["files"] = std::move(list);
  // Invalid UTF-8 in a message becomes U+FFFD rather than an exception.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  return worst;
}

std::filesystem::path default_output_path(const std::filesystem::path& input, const Cv& cv,
                                          const Backend& backend) {
  std::string stem =
      detail::cv_file_stem(cv.header.name, detail::resolve_language(cv.locale.language));
  if (stem.empty())
    stem = input == "-" ? std::string("cv") : input.stem().string();
  // File names are limited to 255 bytes: keep room for the extension and
  // the temporary file's prefix and suffix (the stem is ASCII).
  constexpr std::size_t kMaxStem = 200;
  if (stem.size() > kMaxStem && stem.ends_with("_CV"))
    stem = stem.substr(0, kMaxStem - 3) + "_CV";
  else if (stem.size() > kMaxStem) {
    std::size_t cut = kMaxStem;
    while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80)
      --cut; // not inside a UTF-8 sequence
    stem.resize(cut);
  }
  const std::string ext = "." + (backend.extensions().empty() ? std::string(backend.name())
                                                              : backend.extensions().front());
  return input.parent_path() / (stem + ext);
}

const Backend& detail::choose_backend(const std::filesystem::path& output,
                                      const std::string& format) {
  if (!format.empty()) {
    if (const Backend* backend = find_backend(format))
      return *backend;
    throw UsageError("unknown format '" + format + "' (valid formats: " + backend_names() + ")");
  }
  if (!output.empty() && !is_special(output) && !is_folder(output)) {
    if (const Backend* backend = backend_for_path(output))
      return *backend;
    throw UsageError("cannot infer the format from '" + output.string() +
                     "'; use --format (valid formats: " + backend_names() + ")");
  }
  if (const Backend* backend = find_backend("pdf"))
    return *backend;
  throw UsageError("the pdf backend is not available (valid formats: " + backend_names() + ")");
}

std::filesystem::path detail::output_path(const RenderRequest& request, const Cv& cv,
                                          const Backend& backend) {
  fs::path output =
      request.output.empty() ? default_output_path(request.input, cv, backend) : request.output;
  if (is_folder(request.output)) // -o DIR/: the default name inside DIR
    output = request.output / default_output_path(request.input, cv, backend).filename();
  std::error_code ec;
  if (output != "-" && fs::equivalent(request.input, output, ec))
    throw UsageError("the output '" + output.string() + "' is the input file; choose another -o");
  return output;
}

ExitCode render_file(const RenderRequest& request, std::ostream& out, std::ostream& err) {
  // Choose the backend before doing any work, so usage errors come first.
  const Backend* backend = nullptr;
  try {
    backend = &detail::choose_backend(request.output, request.format);
  } catch (const UsageError& e) {
    return report_error(e, err);
  }
  try {
    check_backend_options(*backend, request.options);
    LoadResult loaded = load_cv_file(request.input, request.load);
    print_all(err, loaded.warnings);
    RenderOptions options = request.options;
    if (options.base_dir.empty())
      options.base_dir = request.input.parent_path();
    // Renders with `b` and writes to `output` (and a png's pages 2..N next to
    // it); false when finish() failed.
    auto emit = [&](const Backend& b, const fs::path& output) {
      RenderResult result = b.render(loaded.cv, options);
      print_all(err, result.warnings);
      write_file_atomically(output, result.bytes);
      if (output == "-" && !result.extra.empty())
        err << "cvpress: warning: standard output got the first of " << result.extra.size() + 1
            << " files; write to a file (-o) for the others\n";
      else
        for (const ExtraOutput& extra : result.extra)
          write_file_atomically(extra_output_path(output, extra), extra.bytes);
      std::ostream& summary = output == "-" ? err : out; // stdout carries the document
      if (!request.quiet) {
        summary << output.string() << ": " << result.bytes.size() << " bytes";
        if (result.pages > 0)
          summary << ", " << result.pages << (result.pages == 1 ? " page" : " pages");
        summary << '\n';
      }
      return b.finish(output, display_name(request.input), options, out, err);
    };
    if (request.output.empty() && request.format.empty() && request.input != "-" &&
        loaded.cv.settings.render_command) {
      // RenderCV's settings.render_command: every format cvpress can write,
      // at its planned path, unless turned off.
      bool ok = true, wrote = false;
      for (const auto& planned : planned_outputs(request.input, loaded.cv)) {
        const Backend* b = find_backend(planned.format);
        if (!b || planned.off)
          continue;
        std::error_code ec;
        if (fs::equivalent(request.input, planned.path, ec))
          throw UsageError("the output '" + planned.path.string() +
                           "' is the input file; change settings.render_command");
        fs::create_directories(planned.path.parent_path(), ec);
        if (ec)
          throw IoError("cannot create the folder '" + planned.path.parent_path().string() +
                        "': " + ec.message());
        ok = emit(*b, planned.path) && ok;
        wrote = true;
      }
      if (!wrote && !request.quiet)
        out << display_name(request.input)
            << ": nothing written (settings.render_command turns every format off)\n";
      return ok ? ExitCode::ok : ExitCode::render;
    }
    if (!emit(*backend, detail::output_path(request, loaded.cv, *backend)))
      return ExitCode::render;
    return ExitCode::ok;
  } catch (const Error& e) {
    return report_error(e, err, display_name(request.input));
  }
}

std::vector<PlannedOutput> planned_outputs(const fs::path& input, const Cv& cv) {
  std::vector<PlannedOutput> out;
  if (!cv.settings.render_command)
    return out;
  const RenderCommand& rc = *cv.settings.render_command;
  const std::string name = cv.header.name.full;
  auto with = [](std::string s, char from, char to, int cased) {
    std::replace(s.begin(), s.end(), from, to);
    for (char& c : s)
      if (cased != 0 && static_cast<unsigned char>(c) < 0x80)
        c = static_cast<char>(cased < 0 ? std::tolower(static_cast<unsigned char>(c))
                                        : std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  // Longest first, so NAME_IN_SNAKE_CASE is not read as NAME + "_IN_...".
  const std::pair<std::string_view, std::string> names[] = {
      {"NAME_IN_LOWER_SNAKE_CASE", with(name, ' ', '_', -1)},
      {"NAME_IN_UPPER_SNAKE_CASE", with(name, ' ', '_', 1)},
      {"NAME_IN_LOWER_KEBAB_CASE", with(name, ' ', '-', -1)},
      {"NAME_IN_UPPER_KEBAB_CASE", with(name, ' ', '-', 1)},
      {"NAME_IN_SNAKE_CASE", with(name, ' ', '_', 0)},
      {"NAME_IN_KEBAB_CASE", with(name, ' ', '-', 0)},
      {"NAME", name}};
  const CalendarDate today = detail::current_date(cv.settings);
  auto resolve = [&](const std::string& pattern) {
    fs::path folder(rc.output_folder);
    std::string p = pattern;
    // OUTPUT_FOLDER as a whole path component is the output folder.
    fs::path planned;
    for (const auto& part : fs::path(p))
      planned /= part == "OUTPUT_FOLDER" ? folder : part;
    p = planned.string();
    for (const auto& [key, value] : names)
      for (std::size_t at = p.find(key); at != std::string::npos;
           at = p.find(key, at + value.size()))
        p.replace(at, key.size(), value);
    p = detail::substitute_date_placeholders(std::move(p), today, cv.locale);
    const fs::path resolved(p);
    return resolved.is_absolute() ? resolved : input.parent_path() / resolved;
  };
  out.push_back({"pdf", resolve(rc.pdf_path), rc.dont_generate_pdf});
  out.push_back({"typst", resolve(rc.typst_path), rc.dont_generate_typst});
  out.push_back({"markdown", resolve(rc.markdown_path), rc.dont_generate_markdown});
  out.push_back({"html", resolve(rc.html_path), rc.dont_generate_html});
  out.push_back({"png", resolve(rc.png_path), rc.dont_generate_png});
  return out;
}

} // namespace cvpress

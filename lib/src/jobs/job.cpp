#include <cvpress/job.hpp>

#include "backends/latex/compile.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <ostream>
#include <random>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw IoError(path.string() + ": cannot read file: " + std::strerror(errno));
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw IoError(path.string() + ": cannot read file: is a directory");
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes)
      throw IoError(path.string() + ": file is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
  }
  if (in.bad())
    throw IoError(path.string() + ": read error");
  return data;
}

namespace {

// Writes all of `bytes` to `fd`; returns 0 or an errno value.
int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

[[noreturn]] void write_failed(const fs::path& path, int e) {
  throw IoError(path.string() + ": cannot write: " + std::strerror(e));
}

} // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  fs::path dir = path.parent_path();
  if (dir.empty())
    dir = ".";
  std::random_device rd;
  const fs::path tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));

  // Preferred: an unnamed file (O_TMPFILE) that gets a name only once it is
  // complete, so even SIGKILL mid-write leaves nothing behind.
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0) {
    if (int e = write_all(fd, bytes)) {
      ::close(fd);
      write_failed(path, e);
    }
    std::string proc = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      ::close(fd);
      if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        write_failed(path, e);
      }
      return;
    }
    ::close(fd); // no /proc: fall back to a named temporary file
  }

  fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    write_failed(path, errno);
  int e = write_all(fd, bytes);
  if (::close(fd) != 0 && e == 0)
    e = errno;
  if (e == 0 && std::rename(tmp.c_str(), path.c_str()) != 0)
    e = errno;
  if (e != 0) {
    ::unlink(tmp.c_str());
    write_failed(path, e);
  }
}

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
    } catch (const InputError& e) {
      print_all(err, e.diagnostics());
      if (worst == ExitCode::ok)
        worst = ExitCode::input;
    } catch (const IoError& e) {
      err << "cvpress: " << e.what() << '\n';
      worst = ExitCode::io;
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
  if (request.compile && backend->name() != "latex") {
    err << "cvpress: --compile works only with the latex format\n";
    return ExitCode::usage;
  }
  try {
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
    if (request.compile) {
      fs::path pdf = output;
      pdf.replace_extension(".pdf");
      if (!detail::latex::compile_tex(output, pdf, request.input.string(), err))
        return ExitCode::render;
      out << pdf.string() << ": compiled with xelatex\n";
    }
    return ExitCode::ok;
  } catch (const InputError& e) {
    print_all(err, e.diagnostics());
    return ExitCode::input;
  } catch (const IoError& e) {
    err << "cvpress: " << e.what() << '\n';
    return ExitCode::io;
  } catch (const RenderError& e) {
    err << "cvpress: " << request.input.string() << ": " << e.what() << '\n';
    return ExitCode::render;
  } catch (const UsageError& e) {
    err << "cvpress: " << e.what() << '\n';
    return ExitCode::usage;
  }
}

} // namespace cvpress

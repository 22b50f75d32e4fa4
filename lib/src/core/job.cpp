#include <cvpress/job.hpp>

#include "backends/latex/compile.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <ostream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

namespace {
// "a FIFO", "a character device", ... for messages about special files.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}
} // namespace

std::string read_file(const fs::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; only regular
  // files are read (a FIFO or device would hang or never end).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    throw IoError(path.string() + ": cannot read file: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int e = errno;
    ::close(fd);
    if (S_ISDIR(st.st_mode))
      throw IoError(path.string() + ": cannot read file: is a directory");
    throw IoError(path.string() + ": cannot read file: " +
                  (st.st_mode
                       ? std::string("it is ") + file_kind(st.st_mode) + ", not a regular file"
                       : std::string(std::strerror(e))));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string data;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      const int e = errno;
      ::close(fd);
      throw IoError(path.string() + ": read error: " + std::strerror(e));
    }
    if (n == 0)
      break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      ::close(fd);
      throw IoError(path.string() + ": file is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
    }
  }
  ::close(fd);
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
  return ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS ? 0 : errno;
}

[[noreturn]] void write_failed(const fs::path& path, int e) {
  throw IoError(path.string() + ": cannot write: " + std::strerror(e));
}

// Writes to an existing special file (device, FIFO) in place: renaming a
// regular file over it would replace the device node.
void write_in_place(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    write_failed(path, errno);
  std::size_t done = 0;
  int e = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      e = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && e == 0)
    e = errno;
  if (e != 0)
    write_failed(path, e);
}

} // namespace

void write_file_atomically(const fs::path& requested, std::string_view bytes) {
  if (requested == "-") {
    write_in_place("/dev/stdout", bytes);
    return;
  }
  // A symlink is written through (its target is replaced, not the link).
  fs::path path = requested;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    fs::path target = fs::read_symlink(path, ec);
    if (ec || hops == 40)
      write_failed(requested, ec ? ec.value() : ELOOP);
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    write_in_place(path, bytes);
    return;
  }
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

ExitCode validate_files(const std::vector<fs::path>& files, std::ostream& out, std::ostream& err,
                        const LoadOptions& options, const RenderOptions& render) {
  ExitCode worst = ExitCode::ok;
  // Every check render runs (photo, style, design, limits) short of writing:
  // the CV is laid out and rendered to memory, then discarded.
  const Backend* backend = find_backend("pdf");
  for (const auto& file : files) {
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
      err << "cvpress: " << escape_controls(e.what()) << '\n';
      worst = ExitCode::io;
    } catch (const RenderError& e) {
      err << "cvpress: " << escape_controls(file.string() + ": " + e.what()) << '\n';
      if (worst != ExitCode::io)
        worst = ExitCode::render;
    } catch (const UsageError& e) {
      err << "cvpress: " << escape_controls(e.what()) << '\n';
      return ExitCode::usage;
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
  } else if (!request.output.empty() && !is_special(request.output) && !is_folder(request.output)) {
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
    fs::path output = request.output.empty()
                          ? default_output_path(request.input, loaded.cv, *backend)
                          : request.output;
    if (is_folder(request.output)) // -o DIR/: the default name inside DIR
      output = request.output / default_output_path(request.input, loaded.cv, *backend).filename();
    std::error_code ec;
    if (output != "-" && fs::equivalent(request.input, output, ec))
      throw UsageError("the output '" + output.string() + "' is the input file; choose another -o");
    RenderOptions options = request.options;
    if (options.base_dir.empty())
      options.base_dir = request.input.parent_path();
    RenderResult result = backend->render(loaded.cv, options);
    print_all(err, result.warnings);
    write_file_atomically(output, result.bytes);
    std::ostream& summary = output == "-" ? err : out; // stdout carries the document
    summary << output.string() << ": " << result.bytes.size() << " bytes";
    if (result.pages > 0)
      summary << ", " << result.pages << (result.pages == 1 ? " page" : " pages");
    summary << '\n';
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
    err << "cvpress: " << escape_controls(e.what()) << '\n';
    return ExitCode::io;
  } catch (const RenderError& e) {
    err << "cvpress: " << escape_controls(request.input.string() + ": " + e.what()) << '\n';
    return ExitCode::render;
  } catch (const UsageError& e) {
    err << "cvpress: " << escape_controls(e.what()) << '\n';
    return ExitCode::usage;
  }
}

} // namespace cvpress

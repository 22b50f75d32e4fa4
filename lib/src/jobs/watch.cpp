// Rendering to memory and the watch loop (render --watch, preview).
#include <cvpress/watch.hpp>

#include "jobs/render_target.hpp"
#include "style/style_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

MemoryRender render_to_memory(const CvSource& source, std::string_view format,
                              const RenderOptions& options, const LoadOptions& load) {
  const std::string name = format.empty() ? std::string("pdf") : std::string(format);
  const Backend* backend = find_backend(name);
  if (!backend)
    throw UsageError("unknown format '" + name + "' (valid formats: " + backend_names() + ")");
  check_backend_options(*backend, options);
  LoadResult loaded =
      source.text ? load_cv_string(*source.text,
                                   source.file.empty() ? "<string>" : source.file.string(), load)
                  : load_cv_file(source.file, load);
  RenderOptions ro = options;
  if (ro.base_dir.empty() && !source.text && source.file != "-")
    ro.base_dir = source.file.parent_path();
  MemoryRender out;
  out.result = backend->render(loaded.cv, ro);
  // The loader's warnings first, then the backend's new ones.
  std::vector<Diagnostic> warnings = std::move(loaded.warnings);
  for (auto& w : out.result.warnings)
    if (std::find(warnings.begin(), warnings.end(), w) == warnings.end())
      warnings.push_back(std::move(w));
  out.result.warnings = std::move(warnings);
  if (!source.text && source.file != "-")
    out.inputs.push_back(source.file);
  if (!options.style.empty() && detail::looks_like_path(options.style))
    out.inputs.emplace_back(options.style); // relative to the working directory
  if (const fs::path photo = loaded.cv.header.photo; !photo.empty())
    out.inputs.push_back(photo.is_relative() ? ro.base_dir / photo : photo);
  for (auto& f : loaded.files)
    if (std::find(out.inputs.begin(), out.inputs.end(), f) == out.inputs.end())
      out.inputs.push_back(std::move(f));
  out.name = loaded.cv.header.name.full;
  out.cv = std::move(loaded.cv);
  return out;
}

// ---------------------------------------------------------------- StopSource

StopSource::StopSource() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0)
    throw IoError(std::string("cannot create an event descriptor: ") + std::strerror(errno));
}

StopSource::~StopSource() { ::close(fd_); }

void StopSource::request_stop() const noexcept {
  stopped_.store(true);
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(fd_, &one, sizeof one); // async-signal-safe
}

bool StopSource::stop_requested() const noexcept { return stopped_.load(); }

std::string clock_time(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

namespace {

// inotify on the folders of a set of files: editors that save by writing a
// new file and renaming it over the old one are seen, unlike a watch on the
// file itself.
class FolderWatch {
public:
  FolderWatch() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0)
      throw IoError(std::string("cannot watch files: ") + std::strerror(errno));
  }
  ~FolderWatch() { ::close(fd_); }
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  int fd() const { return fd_; }

  // Watches exactly the folders of `files` (and of their symlinks' targets).
  // Throws IoError when the first file's folder cannot be watched.
  void watch(const std::vector<fs::path>& files) {
    std::map<fs::path, std::map<std::string, fs::path>> wanted;
    for (const auto& file : files) {
      const fs::path abs = fs::absolute(file).lexically_normal();
      wanted[abs.parent_path()][abs.filename().string()] = file;
      std::error_code ec;
      if (fs::is_symlink(abs, ec))
        if (fs::path target = fs::weakly_canonical(abs, ec); !ec)
          wanted[target.parent_path()][target.filename().string()] = file;
    }
    for (auto it = folders_.begin(); it != folders_.end();) {
      if (!wanted.contains(it->second.folder)) {
        ::inotify_rm_watch(fd_, it->first);
        it = folders_.erase(it);
      } else {
        ++it;
      }
    }
    // A save is complete when the file is closed or renamed into place; not
    // on IN_MODIFY or IN_CREATE, which come while it is half written.
    constexpr std::uint32_t kMask =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB;
    for (auto& [folder, names] : wanted) {
      const int wd = ::inotify_add_watch(fd_, folder.empty() ? "." : folder.c_str(), kMask);
      if (wd < 0) {
        if (!files.empty() &&
            fs::absolute(files.front()).lexically_normal().parent_path() == folder)
          throw IoError(folder.string() + ": cannot watch: " + std::strerror(errno));
        continue; // e.g. a photo's folder that is gone: the render reports it
      }
      folders_[wd] = {folder, std::move(names)};
    }
  }

  // The watched files among the pending events (none when there are none).
  std::vector<fs::path> read_changes() {
    std::vector<fs::path> changed;
    alignas(inotify_event) char buf[8192];
    for (;;) {
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0)
        break; // EAGAIN: nothing more
      for (ssize_t at = 0; at < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buf + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        if (event->len == 0)
          continue;
        auto folder = folders_.find(event->wd);
        if (folder == folders_.end())
          continue;
        auto file = folder->second.names.find(event->name);
        if (file != folder->second.names.end() &&
            std::find(changed.begin(), changed.end(), file->second) == changed.end())
          changed.push_back(file->second);
      }
    }
    return changed;
  }

private:
  struct Folder {
    fs::path folder;
    std::map<std::string, fs::path> names; // file name in the folder -> the path as given
  };
  int fd_;
  std::map<int, Folder> folders_;
};

// Waits until `fd` or the stop descriptor is readable, or `timeout_ms`
// passes (-1: no limit). Returns 1 for `fd`, 0 for a timeout, -1 for a stop.
int wait_readable(int fd, const StopSource& stop, int timeout_ms) {
  for (;;) {
    if (stop.stop_requested())
      return -1;
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop.native_handle(), POLLIN, 0}};
    const int n = ::poll(fds, 2, timeout_ms);
    if (n < 0 && errno == EINTR)
      continue; // a signal: its handler may have requested the stop
    if (n < 0)
      throw IoError(std::string("cannot wait for file changes: ") + std::strerror(errno));
    if (stop.stop_requested() || (fds[1].revents & POLLIN))
      return -1;
    return n == 0 ? 0 : 1;
  }
}

// The next save of a watched file, once the files have been quiet for the
// debounce time (at most 20 of them); empty when stopped.
std::vector<fs::path> next_change(FolderWatch& watch, const StopSource& stop,
                                  std::chrono::milliseconds debounce) {
  std::vector<fs::path> changed;
  while (changed.empty()) {
    if (wait_readable(watch.fd(), stop, -1) < 0)
      return {};
    changed = watch.read_changes();
  }
  const int quiet = static_cast<int>(std::max<std::int64_t>(debounce.count(), 0));
  for (int rounds = 0; rounds < 20; ++rounds) {
    const int r = wait_readable(watch.fd(), stop, quiet);
    if (r < 0)
      return {};
    if (r == 0)
      break;
    for (auto& f : watch.read_changes())
      if (std::find(changed.begin(), changed.end(), f) == changed.end())
        changed.push_back(std::move(f));
  }
  return changed;
}

LiveUpdate render_once(const RenderRequest& request, const Backend& backend) {
  LiveUpdate update;
  const auto start = std::chrono::steady_clock::now();
  try {
    update.render = render_to_memory(CvSource{request.input, {}}, backend.name(), request.options,
                                     request.load);
  } catch (const std::exception& e) {
    std::ostringstream text;
    update.code = report_error(e, text, request.input);
    update.error_text = text.str();
    if (const auto* input = dynamic_cast<const InputError*>(&e)) {
      update.diagnostics = input->diagnostics();
    } else {
      std::string message = e.what();
      const std::string prefix = request.input.string() + ": ";
      if (message.starts_with(prefix))
        message.erase(0, prefix.size());
      update.diagnostics.push_back(
          {Severity::error, {request.input.string(), 0, 0}, "", std::move(message)});
    }
  }
  update.when = std::chrono::system_clock::now();
  update.took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  return update;
}

} // namespace

void watch_cv(const RenderRequest& request, const WatchOptions& options,
              const std::function<void(const LiveUpdate&)>& on_update, const StopSource& stop) {
  if (request.input == "-")
    throw UsageError("cannot watch standard input; give the CV file");
  const Backend& backend = detail::choose_backend(request.output, request.format);
  check_backend_options(backend, request.options);
  FolderWatch watch;
  std::vector<fs::path> watching{request.input};
  watch.watch(watching); // before the first render, so no save is missed
  std::vector<fs::path> changed;
  for (unsigned generation = 1; !stop.stop_requested(); ++generation) {
    LiveUpdate update = render_once(request, backend);
    update.generation = generation;
    update.changed = std::move(changed);
    if (update.render) {
      watching = update.render->inputs;
    } else if (std::find(watching.begin(), watching.end(), request.input) == watching.end()) {
      watching.insert(watching.begin(), request.input);
    }
    watch.watch(watching);
    update.watching = watching;
    on_update(update);
    changed = next_change(watch, stop, options.debounce);
    if (changed.empty())
      return;
  }
}

ExitCode render_watch(const RenderRequest& request, const WatchOptions& options, std::ostream& out,
                      std::ostream& err, const StopSource& stop) {
  try {
    if (request.output == "-")
      throw UsageError("render --watch cannot write to standard output; give -o FILE");
    const Backend& backend = detail::choose_backend(request.output, request.format);
    std::optional<fs::path> output; // fixed by the first good render
    std::vector<fs::path> watching;
    watch_cv(
        request, options,
        [&](const LiveUpdate& update) {
          const std::string at = "[" + clock_time(update.when) + "] ";
          if (update.watching != watching && !request.quiet) {
            watching = update.watching;
            out << at << "watching";
            for (std::size_t i = 0; i < watching.size(); ++i)
              out << (i ? ", " : " ") << watching[i].string();
            out << '\n';
          }
          if (!update.render) {
            err << update.error_text << std::flush; // before the summary line
            if (!request.quiet) {
              const auto n = update.diagnostics.size();
              out << at << request.input.string() << ": " << n << (n == 1 ? " error" : " errors")
                  << (output ? ", kept " + output->string() : ", nothing written yet") << '\n';
            }
            out.flush();
            err.flush();
            return;
          }
          const MemoryRender& r = *update.render;
          for (const auto& w : r.result.warnings)
            err << w.to_string() << '\n';
          try {
            if (!output)
              output = detail::output_path(request, r.cv, backend);
            write_file_atomically(*output, r.result.bytes);
          } catch (const Error& e) {
            report_error(e, err, request.input);
            err.flush();
            return;
          }
          if (!request.quiet) {
            out << at << output->string() << ": " << r.result.bytes.size() << " bytes";
            if (r.result.pages > 0)
              out << ", " << r.result.pages << (r.result.pages == 1 ? " page" : " pages");
            out << " (" << update.took.count() << " ms)\n";
          }
          RenderOptions ro = request.options;
          if (ro.base_dir.empty())
            ro.base_dir = request.input.parent_path();
          (void)backend.finish(*output, request.input.string(), ro, out, err);
          out.flush();
          err.flush();
        },
        stop);
    return ExitCode::ok;
  } catch (const Error& e) {
    return report_error(e, err);
  }
}

} // namespace cvpress

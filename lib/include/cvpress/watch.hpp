#pragma once
/// @file watch.hpp
/// Live rendering: rendering to memory (shared by `render --watch`,
/// `preview` and the Python module) and the watch loop that renders again
/// whenever the CV, its style file or its photo is saved.

#include <cvpress/backend.hpp>
#include <cvpress/exit_code.hpp>
#include <cvpress/export.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

/// A CV given as a file or as text.
struct CvSource {
  /// The CV file ("-" = standard input). With `text` set, only the name
  /// locations use (e.g. "<string>").
  std::filesystem::path file;
  std::optional<std::string> text; ///< the CV's YAML or JSON text, when not read from `file`
};

/// A render made in memory.
struct MemoryRender {
  RenderResult result; ///< bytes and pages; warnings are the loader's and the backend's
  Cv cv;               ///< the loaded CV
  std::string name;    ///< the CV owner's name (`cv.name`)
  /// The files it was made from, as far as a watch needs them: the CV file,
  /// a style file given as RenderOptions::style, the photo and the
  /// bibliographies (a style's `extends:` parents are not included).
  std::vector<std::filesystem::path> inputs;
};

/// Loads `source` and renders it with the backend `format` ("" = pdf): what
/// `render` does short of writing. RenderOptions::base_dir defaults to the
/// file's folder (the working directory for text). Throws UsageError
/// (unknown format, an option the backend does not take, unknown style),
/// InputError, IoError or RenderError. Thread-safe.
[[nodiscard]] CVPRESS_API MemoryRender render_to_memory(const CvSource& source,
                                                        std::string_view format,
                                                        const RenderOptions& options = {},
                                                        const LoadOptions& load = {});

/// Asks a watch loop (or preview server) to end. request_stop() may be
/// called from a signal handler or any thread; it wakes a waiting loop at
/// once.
class CVPRESS_API StopSource {
public:
  /// Throws IoError when the wake-up descriptor cannot be made.
  StopSource();
  ~StopSource();
  StopSource(const StopSource&) = delete;
  StopSource& operator=(const StopSource&) = delete;
  /// Requests the stop; async-signal-safe.
  void request_stop() const noexcept;
  /// True once request_stop() was called.
  [[nodiscard]] bool stop_requested() const noexcept;
  /// A descriptor that becomes readable on request_stop() (for poll()).
  [[nodiscard]] int native_handle() const noexcept { return fd_; }

private:
  int fd_ = -1;
  mutable std::atomic<bool> stopped_{false};
};

/// Watch loop tuning.
struct WatchOptions {
  /// After a change, how long the files must stay quiet before rendering,
  /// so that one save (truncate, write, rename) gives one render.
  std::chrono::milliseconds debounce{25};
};

/// One render of a watch loop, passed to its callback.
struct LiveUpdate {
  unsigned generation = 0;            ///< 1 for the first render, then 2, 3, ...
  std::optional<MemoryRender> render; ///< the result, when the render succeeded
  /// When it failed: every diagnostic (an InputError's, with locations), or
  /// one without location for an I/O or render failure.
  std::vector<Diagnostic> diagnostics;
  /// The failure as report_error() prints it (one line per diagnostic); "" on success.
  std::string error_text;
  ExitCode code = ExitCode::ok;               ///< ok, or the failure's exit code
  std::chrono::system_clock::time_point when; ///< when the render ended
  std::chrono::milliseconds took{0};          ///< how long it took
  std::vector<std::filesystem::path>
      changed; ///< the saved files that caused it (none for the first)
  std::vector<std::filesystem::path> watching; ///< the files watched from now on
};

/// Renders `request.input` (to memory, with `request.format`, "" = pdf),
/// calls `on_update`, and does so again each time the CV, a style file
/// given as `request.options.style` or the photo is saved, until `stop` is
/// requested. Uses inotify on the files' folders, so editors that save by
/// writing a new file and renaming it are seen too. A failed render keeps
/// watching the files of the last good one and the CV. `on_update` runs on
/// the calling thread. Returns once stopped. Throws UsageError for an
/// unknown format or an input of "-", IoError when the files cannot be
/// watched; a failed render is reported to `on_update`, never thrown.
CVPRESS_API void watch_cv(const RenderRequest& request, const WatchOptions& options,
                          const std::function<void(const LiveUpdate&)>& on_update,
                          const StopSource& stop);

/// `cvpress render --watch`: watch_cv() that writes each good render
/// atomically to the output render_file() would choose (fixed by the first
/// good render) and prints `[HH:MM:SS] OUT: N bytes, P pages (T ms)` to
/// `out`, or, for invalid input, the located errors to `err` and
/// `[HH:MM:SS] OUT: kept the last good output` (the file is not touched).
/// Returns ok once stopped, or the exit code of a usage or watch error
/// (printed to `err`).
CVPRESS_API ExitCode render_watch(const RenderRequest& request, const WatchOptions& options,
                                  std::ostream& out, std::ostream& err, const StopSource& stop);

/// The local time of day as "HH:MM:SS", as render_watch() prints it.
[[nodiscard]] CVPRESS_API std::string clock_time(std::chrono::system_clock::time_point when);

} // namespace cvpress

#pragma once
/// @file preview.hpp
/// `cvpress preview`: a local web page that shows the CV and reloads itself
/// whenever the CV, its style file or its photo is saved.

#include <cvpress/exit_code.hpp>
#include <cvpress/export.hpp>
#include <cvpress/job.hpp>
#include <cvpress/watch.hpp>

#include <functional>
#include <iosfwd>

namespace cvpress {

/// What to preview and where.
struct PreviewOptions {
  /// The CV and its render options; `output` is not used, `format` must be
  /// "" or pdf (the page shows the PDF).
  RenderRequest request;
  int port = 8000;    ///< TCP port on 127.0.0.1; 0 = any free port
  WatchOptions watch; ///< debounce of the watch loop
};

/// Serves the preview on http://127.0.0.1:PORT/ (loopback only) until `stop`:
///
/// - `GET /` an HTML page with the CV owner's name (`#cv-name`) and the
///   current PDF, or, while the CV is invalid, its located errors
///   (`#cv-errors`, one `<li>` per diagnostic) and the last good PDF; the
///   warnings of a valid CV are listed too (`#cv-warnings`);
/// - `GET /cv.pdf` the last good PDF (404 before the first good render);
/// - `GET /state.json` `{"generation","ok","name","pages","bytes",
///   "diagnostics":[{"file","line","column","path","severity","message"}]}`;
/// - `GET /events` Server-Sent Events: an `update` event whose data is the
///   generation, sent on connecting and after every render; the page
///   reloads when it differs from its own.
///
/// Prints `Preview: http://127.0.0.1:PORT/` to `out` after the first render
/// (then one line per render, as render_watch() does), errors to `err`.
/// Ignores SIGPIPE (a closed browser tab must not end the process). Returns
/// ok once stopped; usage for a bad format or standard input; io when the
/// port cannot be bound ("127.0.0.1:8000: cannot listen: ...").
CVPRESS_API ExitCode preview(const PreviewOptions& options, std::ostream& out, std::ostream& err,
                             const StopSource& stop);

} // namespace cvpress

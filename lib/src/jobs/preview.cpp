// `cvpress preview`: a loopback HTTP server showing the PDF of the watch
// loop's last good render and pushing reloads as Server-Sent Events. The
// server itself (cpp-httplib) is the plug-in libcvpress-preview.so
// (lib/plugins/preview); the routes are here.
#include <cvpress/preview.hpp>

#ifdef CVPRESS_WITH_PNG
#include "backends/png/png_backend.hpp"
#endif

#include "backends/html/html_writer.hpp"
#include "base/plugin.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <mutex>
#include <ostream>
#include <string_view>
#include <thread>

namespace cvpress {

namespace {

constexpr const char* kHost = "127.0.0.1";

// What the pages show, updated by the watch loop, read by the handlers.
struct PreviewState {
  std::mutex mutex;
  std::condition_variable changed;
  unsigned generation = 0; // 0 until the first render
  bool ok = false;         // the last render succeeded
  bool stopping = false;
  std::string pdf;                     // the last good PDF
  int pages = 0;                       // its pages
  std::string name;                    // the CV owner's name in the last good render
  std::string when;                    // time of the last render
  std::vector<Diagnostic> diagnostics; // errors (not ok) or warnings (ok)
  std::vector<std::string> page_pngs;  // the PDF's pages as PNGs, made on request
  unsigned pngs_of = 0;                // the generation page_pngs belong to
};

std::string page_html(const PreviewState& s, const std::string& input) {
  const std::string gen = std::to_string(s.generation);
  const std::string title = s.name.empty() ? input : s.name;
  std::string h = R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>)" + detail::html::escape(title) +
                  R"( - cvpress preview</title>
<style>
body { margin: 0; font: 14px system-ui, sans-serif; background: #525659; }
header { background: #fff; padding: 0.4em 1em; display: flex; gap: 1em; align-items: baseline; }
#cv-name { font-size: 1.2em; margin: 0; }
#cv-status { color: #555; }
#cv-errors { background: #fff0f0; color: #8a1010; margin: 0; padding: 0.6em 2.5em;
             font-family: ui-monospace, monospace; }
#cv-warnings { background: #fff8e0; color: #6b4d00; margin: 0; padding: 0.6em 2.5em;
               font-family: ui-monospace, monospace; }
#cv-errors li, #cv-warnings li { white-space: pre-wrap; margin: 0.2em 0; }
#cv-pdf { display: block; width: 100%; height: calc(100vh - 3em); border: 0; }
</style>
</head>
<body data-generation=")" +
                  gen + R"(">
<header><h1 id="cv-name">)" +
                  detail::html::escape(title) + R"(</h1>
<span id="cv-status">)";
  if (s.generation == 0)
    h += "rendering&hellip;";
  else if (s.ok) {
    h += "rendered at " + s.when + ", " + std::to_string(s.pages) +
         (s.pages == 1 ? " page" : " pages") + " &middot; <a href=\"/cv.pdf\">cv.pdf</a>";
#ifdef CVPRESS_WITH_PNG
    for (int i = 1; i <= s.pages; ++i)
      h += " <a class=\"cv-page\" href=\"/page-" + std::to_string(i) + ".png?g=" + gen + "\">p" +
           std::to_string(i) + "</a>";
#endif
  } else
    h += detail::html::escape(input) + " is invalid (" + s.when + ")" +
         (s.pdf.empty() ? std::string() : "; showing the last good PDF");
  h += "</span></header>\n";
  if (s.generation > 0 && !s.diagnostics.empty()) {
    h += s.ok ? "<ul id=\"cv-warnings\">\n" : "<ul id=\"cv-errors\">\n";
    for (const auto& d : s.diagnostics)
      h += "<li>" + detail::html::escape(d.to_string()) + "</li>\n";
    h += "</ul>\n";
  }
  if (!s.pdf.empty())
    h += "<object id=\"cv-pdf\" data=\"/cv.pdf?g=" + gen +
         "\" type=\"application/pdf\"><p><a href=\"/cv.pdf\">Open the PDF</a></p></object>\n";
  h += "<script>\nconst generation = " + gen + R"(;
const events = new EventSource('/events');
events.addEventListener('update', (e) => {
  if (Number(e.data) !== generation) location.reload();
});
</script>
</body>
</html>
)";
  return h;
}

nlohmann::ordered_json state_json(const PreviewState& s) {
  nlohmann::ordered_json j;
  j["generation"] = s.generation;
  j["ok"] = s.ok;
  j["name"] = s.name;
  j["pages"] = s.pages;
  j["bytes"] = s.pdf.size();
  auto list = nlohmann::ordered_json::array();
  for (const auto& d : s.diagnostics) {
    auto or_null = [](int n) {
      return n > 0 ? nlohmann::ordered_json(n) : nlohmann::ordered_json();
    };
    nlohmann::ordered_json e;
    e["file"] = d.where.file;
    e["line"] = or_null(d.where.line);
    e["column"] = or_null(d.where.column);
    e["path"] = d.path;
    e["severity"] = d.severity == Severity::error ? "error" : "warning";
    e["message"] = d.message;
    list.push_back(std::move(e));
  }
  j["diagnostics"] = std::move(list);
  return j;
}

// Only requests naming the loopback address: a page on another site cannot
// reach the preview through DNS rebinding.
bool host_allowed(std::string_view host, int port) {
  const std::string p = ":" + std::to_string(port);
  return host == kHost + p || host == "localhost" + p || host == kHost || host == "localhost";
}

// A reply whose body the server copies; the string lives until release.
void reply_with(cvpress_http_reply& reply, int status, std::string body, const char* type) {
  auto* owned = new std::string(std::move(body));
  reply.status = status;
  reply.content_type = type;
  reply.body = owned->data();
  reply.body_size = owned->size();
  reply.state = owned;
  reply.release = [](void* state) { delete static_cast<std::string*>(state); };
}

// What a route handler sees (the server calls handle() from its threads).
struct Routes {
  PreviewState& state;
  const std::string& input;
  const int& port;
};

// One /events stream: the generation its client has.
struct EventStream {
  PreviewState* state;
  long long sent = -1;
};

int next_event(void* stream, cvpress_http_write_fn write, void* sink) noexcept {
  try {
    auto& es = *static_cast<EventStream*>(stream);
    PreviewState& state = *es.state;
    std::unique_lock lock(state.mutex);
    if (es.sent >= 0)
      state.changed.wait_for(lock, std::chrono::seconds(15), [&] {
        return static_cast<long long>(state.generation) != es.sent || state.stopping;
      });
    if (state.stopping)
      return 0;
    std::string message = ": keep-alive\n\n"; // after 15 s without a render
    if (static_cast<long long>(state.generation) != es.sent) {
      es.sent = state.generation;
      message = "retry: 300\nevent: update\ndata: " + std::to_string(es.sent) + "\n\n";
    }
    lock.unlock();
    return write(sink, message.data(), message.size()) == 0 ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

#ifdef CVPRESS_WITH_PNG
// "/page-N.png" (N of 1 to 4 digits): N, else 0.
int page_number(std::string_view path) {
  if (!path.starts_with("/page-") || !path.ends_with(".png"))
    return 0;
  const std::string_view digits = path.substr(6, path.size() - 10);
  if (digits.empty() || digits.size() > 4)
    return 0;
  int n = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9')
      return 0;
    n = n * 10 + (c - '0');
  }
  return n == 0 ? -1 : n; // page 0 is a 404, like any page out of range
}
#endif

void route(const Routes& r, std::string_view path, std::string_view host,
           cvpress_http_reply& reply) {
  PreviewState& state = r.state;
  if (!host_allowed(host, r.port)) {
    reply_with(reply, 403, "forbidden host\n", "text/plain");
    return;
  }
  reply.no_store = 1;
  if (path == "/") {
    std::lock_guard lock(state.mutex);
    reply_with(reply, 200, page_html(state, r.input), "text/html; charset=utf-8");
  } else if (path == "/cv.pdf") {
    std::lock_guard lock(state.mutex);
    if (state.pdf.empty())
      reply_with(reply, 404, "no good render yet\n", "text/plain");
    else
      reply_with(reply, 200, state.pdf, "application/pdf");
#ifdef CVPRESS_WITH_PNG
  } else if (const int n = page_number(path); n != 0) {
    // Page images of the last good PDF (png plug-in, 100 dpi), made once per render.
    std::lock_guard lock(state.mutex);
    if (!state.pdf.empty() && state.pngs_of != state.generation) {
      try {
        state.page_pngs = detail::rasterise_pdf(state.pdf, 100);
      } catch (const std::exception&) {
        state.page_pngs.clear();
      }
      state.pngs_of = state.generation;
    }
    if (n < 1 || static_cast<std::size_t>(n) > state.page_pngs.size() || state.pdf.empty())
      reply_with(reply, 404, "no such page\n", "text/plain");
    else
      reply_with(reply, 200, state.page_pngs[static_cast<std::size_t>(n) - 1], "image/png");
#endif
  } else if (path == "/state.json") {
    std::lock_guard lock(state.mutex);
    reply_with(
        reply, 200,
        state_json(state).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
        "application/json");
  } else if (path == "/events") {
    reply.content_type = "text/event-stream";
    reply.state = new EventStream{&state};
    reply.stream = &next_event;
    reply.release = [](void* stream) { delete static_cast<EventStream*>(stream); };
  } else {
    reply.no_store = 0;
    reply_with(reply, 404, "not found\n", "text/plain");
  }
}

void handle(void* context, const char* path, const char* host, cvpress_http_reply* reply) {
  try {
    route(*static_cast<const Routes*>(context), path, host, *reply);
  } catch (...) { // never through the plug-in's frames
    if (reply->release)
      reply->release(reply->state);
    *reply = cvpress_http_reply{};
    reply->status = 500;
  }
}

// The server, destroyed however preview() ends.
struct Server {
  const cvpress_preview_plugin& plugin;
  cvpress_http_server* server;
  ~Server() { plugin.destroy(server); }
};

} // namespace

ExitCode preview(const PreviewOptions& options, std::ostream& out, std::ostream& err,
                 const StopSource& stop) {
  RenderRequest request = options.request;
  request.output.clear();
  try {
    if (!request.format.empty() && request.format != "pdf")
      throw UsageError("preview shows PDF only, not '" + request.format + "'");
    if (request.input == "-")
      throw UsageError("cannot preview standard input; give the CV file");
    if (options.port < 0 || options.port > 65535)
      throw UsageError("--port must be 0-65535, not " + std::to_string(options.port));
  } catch (const UsageError& e) {
    return report_error(e, err);
  }
  std::signal(SIGPIPE, SIG_IGN); // a browser closing a connection mid-write

  PreviewState state;
  const std::string input = request.input.string();
  int port = options.port;
  const cvpress_preview_plugin* plugin = nullptr;
  try {
    plugin = static_cast<const cvpress_preview_plugin*>(
        detail::plugin_table("preview", CVPRESS_PREVIEW_ABI, "cvpress preview"));
  } catch (const std::exception& e) {
    return report_error(e, err);
  }
  Routes routes{state, input, port};
  char why_not[CVPRESS_PLUGIN_ERROR_SIZE] = {};
  Server svr{*plugin, plugin->create(&handle, &routes, 16, why_not, sizeof why_not)};
  if (!svr.server) {
    err << "cvpress: cannot start the preview server: " << why_not << '\n';
    return ExitCode::internal;
  }
  errno = 0;
  const int bound = plugin->bind(svr.server, kHost, port);
  if (bound < 0) {
    const int why = errno;
    err << "cvpress: " << kHost << ":" << options.port << ": cannot listen"
        << (why ? std::string(": ") + std::strerror(why) : std::string())
        << " (choose another --port, or --port 0 for any free one)\n";
    return ExitCode::io;
  }
  port = bound;
  std::atomic<bool> listen_ended = false; // (at once when listen() fails)
  std::thread listener([&] {
    (void)plugin->listen(svr.server);
    listen_ended = true;
  });
  while (!plugin->is_running(svr.server) && !listen_ended)
    std::this_thread::sleep_for(std::chrono::milliseconds(1)); // so stop() cannot come first
  auto shut_down = [&] {
    {
      std::lock_guard lock(state.mutex);
      state.stopping = true;
    }
    state.changed.notify_all();
    plugin->stop(svr.server);
    listener.join();
  };

  try {
    watch_cv(
        request, options.watch,
        [&](const LiveUpdate& u) {
          const std::string at = "[" + clock_time(u.when) + "] ";
          {
            std::lock_guard lock(state.mutex);
            state.generation = u.generation;
            state.ok = u.render.has_value();
            state.when = clock_time(u.when);
            if (u.render) {
              state.pdf = u.render->result.bytes;
              state.pages = u.render->result.pages;
              state.name = u.render->name;
              state.diagnostics = u.render->result.warnings;
            } else {
              state.diagnostics = u.diagnostics;
            }
          }
          state.changed.notify_all();
          if (u.generation == 1)
            out << "Preview: http://" << kHost << ":" << port << "/\n";
          if (u.render) {
            for (const auto& w : u.render->result.warnings)
              err << w.to_string() << '\n';
            if (!request.quiet)
              out << at << input << ": " << u.render->result.pages
                  << (u.render->result.pages == 1 ? " page" : " pages") << " (" << u.took.count()
                  << " ms)\n";
          } else {
            err << u.error_text;
            if (!request.quiet)
              out << at << input << ": " << u.diagnostics.size()
                  << (u.diagnostics.size() == 1 ? " error" : " errors") << '\n';
          }
          out.flush();
          err.flush();
        },
        stop);
  } catch (const std::exception& e) {
    shut_down();
    return report_error(e, err);
  }
  shut_down();
  return ExitCode::ok;
}

} // namespace cvpress

// libcvpress-preview.so: the HTTP server of `cvpress preview` (cpp-httplib,
// which Debian builds with OpenSSL and brotli), behind the C table of
// base/plugin_abi.h. It only carries bytes: every GET goes to the library's
// handler, which decides status, type and body. No exception leaves this file.
#include "base/plugin_abi.h"

#include <httplib.h>

#include <cstdio>
#include <memory>
#include <string>

struct cvpress_http_server {
  httplib::Server server;
  cvpress_http_handler_fn handler = nullptr;
  void* context = nullptr;
};

namespace {

void set_error(char* error, std::size_t error_size, const char* message) {
  if (error && error_size > 0)
    std::snprintf(error, error_size, "%s", message);
}

// Releases a reply's state once (the Response may be destroyed without its
// stream ever being read).
struct ReplyState {
  cvpress_http_reply reply;
  ~ReplyState() {
    if (reply.release)
      reply.release(reply.state);
  }
};

void serve(cvpress_http_server& s, const httplib::Request& req, httplib::Response& res) {
  auto state = std::make_shared<ReplyState>();
  cvpress_http_reply& reply = state->reply;
  reply.status = 200;
  s.handler(s.context, req.path.c_str(), req.get_header_value("Host").c_str(), &reply);
  res.status = reply.status;
  if (reply.no_store)
    res.set_header("Cache-Control", "no-store");
  if (reply.stream) {
    res.set_chunked_content_provider(
        reply.content_type ? reply.content_type : "application/octet-stream",
        [state](std::size_t, httplib::DataSink& sink) {
          auto write = [](void* to, const char* data, std::size_t size) -> int {
            return static_cast<httplib::DataSink*>(to)->write(data, size) ? 0 : 1;
          };
          return state->reply.stream(state->reply.state, write, &sink) != 0;
        });
  } else if (reply.content_type) {
    res.set_content(std::string(reply.body ? reply.body : "", reply.body_size), reply.content_type);
  }
}

cvpress_http_server* server_create(cvpress_http_handler_fn handler, void* context, int threads,
                                   char* error, std::size_t error_size) {
  set_error(error, error_size, "");
  try {
    auto s = std::make_unique<cvpress_http_server>();
    s->handler = handler;
    s->context = context;
    const std::size_t n = threads > 0 ? static_cast<std::size_t>(threads) : 1;
    s->server.new_task_queue = [n] { return new httplib::ThreadPool(n); };
    s->server.set_keep_alive_timeout(1); // bounds the wait for idle connections on stop
    // SO_REUSEADDR but not httplib's default SO_REUSEPORT, with which a second
    // preview would share the port instead of being refused.
    s->server.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    cvpress_http_server* raw = s.get();
    s->server.Get(".*", [raw](const httplib::Request& req, httplib::Response& res) {
      serve(*raw, req, res);
    });
    return s.release();
  } catch (const std::exception& e) {
    set_error(error, error_size, e.what());
  } catch (...) {
    set_error(error, error_size, "cannot create the HTTP server");
  }
  return nullptr;
}

int server_bind(cvpress_http_server* s, const char* host, int port) {
  try {
    if (port == 0)
      return s->server.bind_to_any_port(host);
    return s->server.bind_to_port(host, port) ? port : -1;
  } catch (...) {
    return -1;
  }
}

int server_listen(cvpress_http_server* s) {
  try {
    return s->server.listen_after_bind() ? 0 : 1;
  } catch (...) {
    return 1;
  }
}

int server_is_running(cvpress_http_server* s) { return s->server.is_running() ? 1 : 0; }

void server_stop(cvpress_http_server* s) {
  try {
    s->server.stop();
  } catch (...) {
  }
}

void server_destroy(cvpress_http_server* s) { delete s; }

// (Named server_*: ::bind and ::listen are the socket calls.)
const cvpress_preview_plugin kTable = {CVPRESS_PREVIEW_ABI, &server_create,     &server_bind,
                                       &server_listen,      &server_is_running, &server_stop,
                                       &server_destroy};

} // namespace

extern "C" __attribute__((visibility("default"))) const void* cvpress_plugin_entry(uint32_t abi) {
  return abi == CVPRESS_PREVIEW_ABI ? &kTable : nullptr;
}

/* The C interface between libcvpress and its plug-ins (docs/architecture.md,
 * "Plug-ins"). The png rasteriser (poppler), the preview's HTTP server
 * (cpp-httplib) and the phone number checks (libphonenumber) live in shared
 * objects of their own, libcvpress-png.so, libcvpress-preview.so and
 * libcvpress-phone.so, which the library dlopen()s on first use, so a plain
 * render never maps poppler, OpenSSL, brotli, protobuf or abseil.
 *
 * Each plug-in exports one function, CVPRESS_PLUGIN_ENTRY, returning its
 * function table. Nothing but C types crosses the boundary: no exception, no
 * std:: type, no allocation freed on the other side. Errors are return codes
 * with a message written into a caller's buffer; callbacks return codes too. */
#ifndef CVPRESS_PLUGIN_ABI_H
#define CVPRESS_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The symbol every plug-in exports:
 * const void* cvpress_plugin_entry(uint32_t abi_version). It returns its table
 * for that ABI version, or NULL when it does not implement that version. */
#define CVPRESS_PLUGIN_ENTRY "cvpress_plugin_entry"
typedef const void* (*cvpress_plugin_entry_fn)(uint32_t abi_version);

/* Plug-ins answer with a table whose first member is the ABI version. */
#define CVPRESS_PNG_ABI 1u
#define CVPRESS_PREVIEW_ABI 1u
#define CVPRESS_PHONE_ABI 1u

/* Size of the error-message buffers passed to plug-ins (bytes, NUL included). */
#define CVPRESS_PLUGIN_ERROR_SIZE 256

/* ---------------------------------------------------------------- png */

/* Receives page `index` (0-based) as PNG bytes, valid only during the call.
 * Returns 0, or non-zero to stop (then rasterise returns non-zero). */
typedef int (*cvpress_png_page_fn)(void* context, int index, const unsigned char* png, size_t size);

typedef struct cvpress_png_plugin {
  uint32_t abi; /* CVPRESS_PNG_ABI */
  /* Rasterises each page of the PDF in `pdf` at `dpi` (8-bit RGB on white),
   * passing each to `page` in order. Returns 0, or non-zero with a one-line
   * message in `error` (when `page` stopped it, `error` is left empty). */
  int (*rasterise)(const unsigned char* pdf, size_t size, double dpi, cvpress_png_page_fn page,
                   void* context, char* error, size_t error_size);
} cvpress_png_plugin;

/* ---------------------------------------------------------------- preview */

/* Writes `size` bytes to a streamed reply; returns 0, or non-zero when the
 * client has gone. */
typedef int (*cvpress_http_write_fn)(void* sink, const char* data, size_t size);

/* A reply to one GET, filled in by the handler. The body is copied before
 * `release` is called. A streamed reply (Server-Sent Events) sets `stream`:
 * the server calls it again and again, from one connection's thread, until
 * it returns 0; it may block. `release(state)`, when set, is called exactly
 * once, after the last use of the body and of `stream`. */
typedef struct cvpress_http_reply {
  int status;               /* HTTP status; the server presets 200 */
  const char* content_type; /* NULL: no body */
  const char* body;
  size_t body_size;
  int no_store; /* non-zero: "Cache-Control: no-store" */
  int (*stream)(void* state, cvpress_http_write_fn write, void* sink);
  void* state;
  void (*release)(void* state);
} cvpress_http_reply;

/* Handles a GET of `path` (no query) with the request's Host header (""
 * when absent). Called from the server's threads; must not throw. */
typedef void (*cvpress_http_handler_fn)(void* context, const char* path, const char* host,
                                        cvpress_http_reply* reply);

typedef struct cvpress_http_server cvpress_http_server; /* opaque */

typedef struct cvpress_preview_plugin {
  uint32_t abi; /* CVPRESS_PREVIEW_ABI */
  /* A server answering every GET through `handler` with at most `threads`
   * worker threads; NULL with a message in `error` on failure. */
  cvpress_http_server* (*create)(cvpress_http_handler_fn handler, void* context, int threads,
                                 char* error, size_t error_size);
  /* Listens on host:port (port 0: any free one), with SO_REUSEADDR but not
   * SO_REUSEPORT. Returns the port, or -1 with errno set where the system said why. */
  int (*bind)(cvpress_http_server* server, const char* host, int port);
  /* Serves until stop(); blocks. Returns 0, or non-zero when it failed. */
  int (*listen)(cvpress_http_server* server);
  /* Non-zero once listen() is accepting connections. */
  int (*is_running)(cvpress_http_server* server);
  /* Makes listen() return; callable from another thread. */
  void (*stop)(cvpress_http_server* server);
  /* Frees the server (after listen() has returned, or when it never ran). */
  void (*destroy)(cvpress_http_server* server);
} cvpress_preview_plugin;

/* ---------------------------------------------------------------- phone */

/* How a valid number is written (cvpress_phone_plugin.format). */
#define CVPRESS_PHONE_E164 0          /* "+15551234567" */
#define CVPRESS_PHONE_NATIONAL 1      /* "(555) 123-4567" */
#define CVPRESS_PHONE_INTERNATIONAL 2 /* "+1 555-123-4567" */

typedef struct cvpress_phone_plugin {
  uint32_t abi; /* CVPRESS_PHONE_ABI */
  /* Parses the `size` bytes of `text` (UTF-8, not NUL-terminated; a leading
   * "tel:" is allowed) as a phone number with its country code. Returns 1 when
   * it is a valid number, written in `style` (CVPRESS_PHONE_*) into `out`
   * (NUL-terminated); 0 when it is not a valid number (`out` is ""); -1 on
   * failure (bad style, `out` too small, the library failed) with a one-line
   * message in `out`. */
  int (*format)(const char* text, size_t size, int style, char* out, size_t out_size);
} cvpress_phone_plugin;

#ifdef __cplusplus
}
#endif

#endif /* CVPRESS_PLUGIN_ABI_H */

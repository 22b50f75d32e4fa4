#pragma once
/// @file export.hpp
/// CVPRESS_API marks the public API: libcvpress is built with
/// -fvisibility=hidden, so only declarations carrying it are exported from
/// the shared library.

#if defined(__GNUC__) || defined(__clang__)
/// Exports a function or class (with its type info and vtable) from libcvpress.
#define CVPRESS_API __attribute__((visibility("default")))
#else
/// Exports a function or class from libcvpress (no-op on this compiler).
#define CVPRESS_API
#endif

// The `cvpress` Python module (pybind11): render(), validate() and the
// exception classes, over the library's public API. The GIL is released
// while a CV is loaded and rendered.
#include <cvpress/backend.hpp>
#include <cvpress/diagnostics.hpp>
#include <cvpress/style.hpp>
#include <cvpress/version.hpp>
#include <cvpress/watch.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

// The exception classes, created at import (module-lifetime references).
struct Exceptions {
  PyObject* error = nullptr;
  PyObject* input = nullptr;
  PyObject* io = nullptr;
  PyObject* render = nullptr;
  PyObject* usage = nullptr;
} g_exc;

// How `source` is read: a path (os.PathLike, or a str that does not look like
// CV text) or text (bytes, or a str with a newline, ": " or a leading '{').
struct Source {
  cvpress::CvSource cv;
  bool is_text = false;
};

Source to_source(const py::handle& source, const std::string& filename) {
  Source s;
  py::module_ os = py::module_::import("os");
  if (py::isinstance(source, os.attr("PathLike"))) {
    s.cv.file = py::str(os.attr("fspath")(source)).cast<std::string>();
    return s;
  }
  std::string text;
  if (py::isinstance<py::bytes>(source)) {
    text = source.cast<std::string>();
  } else if (py::isinstance<py::str>(source)) {
    text = source.cast<std::string>();
    const bool looks_like_text = text.find('\n') != std::string::npos ||
                                 text.find(": ") != std::string::npos || text.starts_with("{");
    if (!looks_like_text) {
      s.cv.file = text;
      return s;
    }
  } else {
    throw py::type_error("source must be CV text (str or bytes) or a path (os.PathLike), not " +
                         py::str(py::type::of(source).attr("__name__")).cast<std::string>());
  }
  s.cv.file = filename;
  s.cv.text = std::move(text);
  s.is_text = true;
  return s;
}

// A str, or a list of str, as a list (comma lists allowed, like the CLI).
std::vector<std::string> string_list(const py::handle& value, const char* what) {
  std::vector<std::string> items;
  auto add = [&](const std::string& s) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = std::min(s.find(',', start), s.size());
      if (end > start)
        items.push_back(s.substr(start, end - start));
      start = end + 1;
    }
  };
  if (py::isinstance<py::str>(value)) {
    add(value.cast<std::string>());
    return items;
  }
  try {
    for (const auto& item : value)
      add(py::str(item).cast<std::string>());
  } catch (const py::error_already_set&) {
    throw py::type_error(std::string(what) + " must be a str or a list of str");
  }
  return items;
}

std::string path_string(const py::handle& value) {
  return py::str(py::module_::import("os").attr("fspath")(value)).cast<std::string>();
}

// Everything render() and validate() take besides the source.
struct Call {
  Source source;
  std::string format;
  cvpress::RenderOptions render;
  cvpress::LoadOptions load;
};

Call make_call(const py::handle& source, std::string format, const py::object& style,
               const py::kwargs& options, const char* function) {
  std::string filename = "<string>";
  if (options.contains("filename"))
    filename = path_string(options["filename"]);
  Call c{to_source(source, filename), std::move(format), {}, {}};
  if (!style.is_none())
    c.render.style = path_string(style);
  for (const auto& [key_handle, value] : options) {
    const std::string key = py::str(key_handle).cast<std::string>();
    if (key == "filename") {
      continue;
    } else if (key == "lang") {
      c.load.language = py::str(value).cast<std::string>();
    } else if (key == "only") {
      c.load.only = string_list(value, "only");
    } else if (key == "exclude") {
      c.load.exclude = string_list(value, "exclude");
    } else if (key == "variant") {
      c.load.variant = py::str(value).cast<std::string>();
    } else if (key == "allow_dirs") {
      // One folder (str or os.PathLike) or several.
      const bool single = py::isinstance<py::str>(value) ||
                          py::isinstance(value, py::module_::import("os").attr("PathLike"));
      for (const auto& d : single ? py::list(py::make_tuple(value))
                                  : py::list(py::reinterpret_borrow<py::object>(value))) {
        c.render.allowed_dirs.emplace_back(path_string(d));
        c.load.allowed_dirs.emplace_back(path_string(d));
      }
    } else if (key == "base_dir") {
      c.render.base_dir = path_string(value);
      c.load.base_dir = c.render.base_dir;
    } else if (key == "max_pages") {
      if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value))
        throw py::type_error("max_pages must be an int");
      c.render.limits.max_pages = value.cast<int>();
    } else if (key == "pdfa") {
      if (!py::isinstance<py::bool_>(value))
        throw py::type_error("pdfa must be a bool");
      c.render.pdfa = value.cast<bool>();
    } else {
      throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" + key +
                           "'");
    }
  }
  return c;
}

cvpress::MemoryRender run(const Call& c) {
  py::gil_scoped_release release; // rendering touches no Python object
  return cvpress::render_to_memory(c.source.cv, c.format, c.render, c.load);
}

py::bytes render(const py::handle& source, const std::string& format, const py::object& style,
                 const py::kwargs& options) {
  const Call call = make_call(source, format, style, options, "render");
  cvpress::MemoryRender result = run(call);
  return py::bytes(result.result.bytes);
}

std::vector<cvpress::Diagnostic> validate(const py::handle& source, const py::object& style,
                                          const py::kwargs& options) {
  const Call call = make_call(source, "pdf", style, options, "validate");
  try {
    return run(call).result.warnings;
  } catch (const cvpress::InputError& e) {
    return e.diagnostics();
  }
}

// Raises the Python exception for a cvpress error, with `.diagnostics` on
// InputError.
void translate(std::exception_ptr p) {
  try {
    if (p)
      std::rethrow_exception(p);
  } catch (const cvpress::InputError& e) {
    py::object exc = py::reinterpret_borrow<py::object>(g_exc.input)(e.what());
    exc.attr("diagnostics") = py::cast(e.diagnostics());
    PyErr_SetObject(g_exc.input, exc.ptr());
  } catch (const cvpress::IoError& e) {
    PyErr_SetString(g_exc.io, e.what());
  } catch (const cvpress::RenderError& e) {
    PyErr_SetString(g_exc.render, e.what());
  } catch (const cvpress::UsageError& e) {
    PyErr_SetString(g_exc.usage, e.what());
  } catch (const cvpress::Error& e) {
    PyErr_SetString(g_exc.error, e.what());
  }
}

PyObject* new_exception(py::module_& m, const char* name, py::handle bases, const char* doc) {
  const std::string qualified = std::string("cvpress.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (!type)
    throw py::error_already_set();
  m.add_object(name, py::handle(type)); // the module keeps the reference
  return type;
}

} // namespace

PYBIND11_MODULE(cvpress, m) {
  m.doc() = "Typeset CVs written as YAML to PDF or LaTeX (the cvpress library).";
  m.attr("__version__") = cvpress::version;

  g_exc.error = new_exception(m, "Error", PyExc_Exception, "Base class of every cvpress error.");
  g_exc.input = new_exception(
      m, "InputError", g_exc.error,
      "The CV (or its style) is invalid. `diagnostics` lists every error (and the warnings "
      "found with them), each with file, line, column and field path; str() is their "
      "one-line forms.");
  g_exc.io = new_exception(m, "IoError",
                           py::make_tuple(py::handle(g_exc.error), py::handle(PyExc_OSError)),
                           "A file could not be read or written (also an OSError).");
  g_exc.render = new_exception(m, "RenderError", g_exc.error,
                               "The CV is valid but could not be rendered (e.g. no font).");
  g_exc.usage = new_exception(m, "UsageError",
                              py::make_tuple(py::handle(g_exc.error), py::handle(PyExc_ValueError)),
                              "An invalid argument: unknown format or style (also a ValueError).");
  py::register_exception_translator(&translate);

  py::class_<cvpress::Diagnostic>(m, "Diagnostic",
                                  "One error or warning about the input, with its location.")
      .def_property_readonly(
          "file", [](const cvpress::Diagnostic& d) { return d.where.file; },
          "The file (\"<string>\" for text, unless filename= was given).")
      .def_property_readonly(
          "line",
          [](const cvpress::Diagnostic& d) -> py::object {
            return d.where.line > 0 ? py::object(py::int_(d.where.line)) : py::object(py::none());
          },
          "1-based line, or None.")
      .def_property_readonly(
          "column",
          [](const cvpress::Diagnostic& d) -> py::object {
            return d.where.column > 0 ? py::object(py::int_(d.where.column))
                                      : py::object(py::none());
          },
          "1-based column (bytes), or None.")
      .def_property_readonly(
          "path",
          [](const cvpress::Diagnostic& d) -> py::object {
            return d.path.empty() ? py::object(py::none()) : py::object(py::str(d.path));
          },
          "The field path, e.g. \"cv.sections.education[0].start_date\", or None.")
      .def_property_readonly(
          "severity",
          [](const cvpress::Diagnostic& d) {
            return d.severity == cvpress::Severity::error ? "error" : "warning";
          },
          "\"error\" or \"warning\".")
      .def_property_readonly(
          "message", [](const cvpress::Diagnostic& d) { return d.message; }, "The message.")
      .def("__str__", &cvpress::Diagnostic::to_string)
      .def("__repr__", [](const cvpress::Diagnostic& d) {
        return "<cvpress.Diagnostic " + d.to_string() + ">";
      });

  m.def("render", &render, py::arg("source"), py::arg("format") = "pdf",
        py::arg("style") = py::none(),
        R"(render(source, format="pdf", style=None, **options) -> bytes

Renders a CV and returns the output file's bytes. `source` is a path
(os.PathLike, e.g. pathlib.Path; or a str without a newline or ": ") or the
CV's YAML/JSON text (bytes, or a str with a newline or ": "). `format` is a
name from formats(); `style` a built-in style name or a style file.
Options: lang, only, exclude, variant (as the CLI's --lang, --only, --exclude,
--variant), allow_dirs (folders the photo may come from), base_dir (folder
relative paths resolve against; default the file's folder, or the working
directory for text), filename (the name text has in messages; default
"<string>"), max_pages, pdfa (PDF/A-2a, as --pdfa). Raises InputError (with .diagnostics), IoError,
RenderError or UsageError. Releases the GIL while rendering.)");
  m.def("validate", &validate, py::arg("source"), py::arg("style") = py::none(),
        R"(validate(source, style=None, **options) -> list[Diagnostic]

Checks a CV as render() would (to PDF, in memory) and returns every
diagnostic: the errors and warnings of an invalid CV, or the warnings of a
valid one ([] when it is clean). Takes render()'s source and options. Raises
IoError, RenderError or UsageError for problems that are not in the CV.)");
  m.def(
      "formats",
      [] {
        std::vector<std::string> names;
        for (const cvpress::Backend* b : cvpress::backends())
          names.emplace_back(b->name());
        return names;
      },
      "The output formats render() takes.");
  m.def(
      "styles",
      [] {
        std::vector<std::string> names;
        for (const auto& s : cvpress::builtin_styles())
          names.push_back(s.name);
        return names;
      },
      "The built-in style names.");
}

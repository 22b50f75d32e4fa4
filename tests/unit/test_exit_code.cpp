// The one mapping from errors to exit codes, and backend options.
#include <cvpress/backend.hpp>
#include <cvpress/exit_code.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using cvpress::ExitCode;

TEST_CASE("exit codes: each error class maps to its code") {
  const cvpress::Diagnostic bad{cvpress::Severity::error, {"cv.yaml", 3, 5}, "cv.name", "missing"};
  CHECK(cvpress::exit_code_of(cvpress::InputError({bad})) == ExitCode::input);
  CHECK(cvpress::exit_code_of(cvpress::IoError("x")) == ExitCode::io);
  CHECK(cvpress::exit_code_of(cvpress::RenderError("x")) == ExitCode::render);
  CHECK(cvpress::exit_code_of(cvpress::UsageError("x")) == ExitCode::usage);
  CHECK(cvpress::exit_code_of(cvpress::Error("x")) == ExitCode::internal);
  CHECK(cvpress::exit_code_of(std::bad_alloc()) == ExitCode::internal);
}

TEST_CASE("exit codes: report_error prints what the CLI prints") {
  const cvpress::Diagnostic bad{cvpress::Severity::error, {"cv.yaml", 3, 5}, "cv.name", "missing"};
  std::ostringstream err;
  CHECK(cvpress::report_error(cvpress::InputError({bad}), err, "cv.yaml") == ExitCode::input);
  CHECK(err.str() == "cv.yaml:3:5: cv.name: missing\n");
  err.str("");
  CHECK(cvpress::report_error(cvpress::RenderError("no font"), err, "cv.yaml") == ExitCode::render);
  CHECK(err.str() == "cvpress: cv.yaml: no font\n");
  err.str("");
  CHECK(cvpress::report_error(cvpress::IoError("out.pdf: cannot write"), err, "cv.yaml") ==
        ExitCode::io);
  CHECK(err.str() == "cvpress: out.pdf: cannot write\n");
  err.str("");
  CHECK(cvpress::report_error(std::runtime_error("boom"), err) == ExitCode::internal);
  CHECK(err.str() == "cvpress: internal error: boom\n");
}

TEST_CASE("backend options: only the backends that honour them accept them") {
  const cvpress::Backend* pdf = cvpress::find_backend("pdf");
  const cvpress::Backend* latex = cvpress::find_backend("latex");
  REQUIRE(pdf);
  REQUIRE(latex);
  cvpress::RenderOptions options;
  options.backend_options = {"compile"};
  CHECK_NOTHROW(cvpress::check_backend_options(*latex, options));
  CHECK_THROWS_WITH_AS(cvpress::check_backend_options(*pdf, options),
                       "--compile works only with the latex format", cvpress::UsageError);
  options.backend_options = {"frobnicate"};
  CHECK_THROWS_WITH_AS(cvpress::check_backend_options(*latex, options),
                       "unknown backend option 'frobnicate'", cvpress::UsageError);
}

#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("diagnostic one-line form") {
  Diagnostic d{Severity::error, {"cv.yaml", 7, 21}, "cv.sections.education[0].start_date",
               "month 13 is out of range"};
  CHECK(d.to_string() ==
        "cv.yaml:7:21: cv.sections.education[0].start_date: month 13 is out of range");
  d.severity = Severity::warning;
  CHECK(d.to_string() ==
        "cv.yaml:7:21: warning: cv.sections.education[0].start_date: month 13 is out of range");
  Diagnostic no_pos{Severity::error, {"cv.yaml", 0, 0}, "", "file is empty"};
  CHECK(no_pos.to_string() == "cv.yaml: file is empty");
}

TEST_CASE("InputError joins every diagnostic") {
  InputError e({{Severity::error, {"a.yaml", 1, 2}, "cv", "first"},
                {Severity::error, {"a.yaml", 3, 4}, "cv.name", "second"}});
  CHECK(std::string(e.what()) == "a.yaml:1:2: cv: first\na.yaml:3:4: cv.name: second");
  CHECK(e.diagnostics().size() == 2);
}

TEST_CASE("rich text plain form") {
  RichText t;
  t.runs.push_back(TextRun{"speedup ", {}});
  t.runs.push_back(MathRun{"1.06\\times", "1.06×", {}});
  t.runs.push_back(CodeRun{"x", {}});
  CHECK(t.plain() == "speedup 1.06×x");
  CHECK_FALSE(t.empty());
  CHECK(RichText{}.empty());
  CHECK(RichText::from_plain("").empty());
}

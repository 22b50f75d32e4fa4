#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("diagnostic one-line form") {
  Diagnostic d{Severity::error,
               {"cv.yaml", 7, 21},
               "cv.sections.education[0].start_date",
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

TEST_CASE("diagnostics escape control characters, so one problem is one line") {
  CHECK(cvpress::escape_controls("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(cvpress::escape_controls("\x1b[2J\x1b[31mPWNED") == "\\x1b[2J\\x1b[31mPWNED");
  CHECK(cvpress::escape_controls(std::string("x\0y\x7f", 4)) == "x\\x00y\\x7f");
  CHECK(cvpress::escape_controls("\xc2\x9b"
                                 "31m \xc2\x85") == "\\u009b31m \\u0085");
  CHECK(cvpress::escape_controls("line\xe2\x80\xa8sep") == "line\\u2028sep");
  CHECK(cvpress::escape_controls("Łódź — café ¡ü") == "Łódź — café ¡ü");
  cvpress::Diagnostic d{cvpress::Severity::error,
                        {"a\nb.yaml", 2, 3},
                        "cv.\x1b[2Jkey",
                        "unknown key 'x\ny.yaml:1:1: forged'"};
  CHECK(d.to_string() == "a\\nb.yaml:2:3: cv.\\x1b[2Jkey: unknown key 'x\\ny.yaml:1:1: forged'");
}

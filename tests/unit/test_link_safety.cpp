// One link allow-list for both backends (issue 20, item 4): javascript:,
// vbscript:, data:, file: and relative paths never become a PDF /URI or a
// LaTeX \href, whether they come from markdown links, autolinks, website,
// custom_connections.url or an entry's url; the loader warns with a location.
#include "text/links.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <string>

using cvpress::detail::link_target;

TEST_CASE("link_target: the allow-list") {
  CHECK(link_target("https://example.org/x") == "https://example.org/x");
  CHECK(link_target("HTTP://example.org") == "http://example.org");
  CHECK(link_target("mailto:ada@example.org") == "mailto:ada@example.org");
  CHECK(link_target("tel:+441234") == "tel:+441234");
  CHECK(link_target("ftp://example.org/f") == "ftp://example.org/f");
  CHECK(link_target("example.org/page") == "https://example.org/page");
  CHECK(link_target("www.example.org:8080/x") == "https://www.example.org:8080/x");
  for (const char* bad :
       {"javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "../secret.pdf", "/etc/passwd",
        "//evil.example", "java\nscript:x", " javascript:x", "run:cmd", "localhost", ""})
    CHECK_MESSAGE(link_target(bad).empty(), std::string(bad));
}

namespace {
constexpr const char* kHostileLinks = R"(cv:
  name: Ada Lovelace
  website: file:///etc/passwd
  custom_connections:
    - placeholder: Portfolio
      url: vbscript:msgbox(1)
  sections:
    notes:
      - "See [notes](javascript:alert(1)), <data:text/html,x> and [site](https://example.org)."
    publications:
      - title: On the Engine
        authors: [Ada Lovelace]
        url: ../../secret.pdf
)";
} // namespace

TEST_CASE("hostile link targets reach neither backend; each is a located warning") {
  cvpress::LoadResult loaded = cvpress::load_cv_string(kHostileLinks, "cv.yaml");
  std::string warnings;
  for (const auto& w : loaded.warnings)
    warnings += w.to_string() + "\n";
  CHECK(
      warnings ==
      "cv.yaml:3:12: warning: cv.website: link 'file:///etc/passwd' is not a web, mail or phone "
      "link (allowed: http, https, mailto, tel or ftp); shown as plain text\n"
      "cv.yaml:6:12: warning: cv.custom_connections[0].url: link 'vbscript:msgbox(1)' is not a "
      "web, mail or phone link (allowed: http, https, mailto, tel or ftp); shown as plain text\n"
      "cv.yaml:9:9: warning: cv.sections.notes[0]: link 'javascript:alert(1)' is not a web, mail "
      "or phone link (allowed: http, https, mailto, tel or ftp); shown as plain text\n"
      "cv.yaml:9:9: warning: cv.sections.notes[0]: link 'data:text/html,x' is not a web, mail or "
      "phone link (allowed: http, https, mailto, tel or ftp); shown as plain text\n"
      "cv.yaml:13:14: warning: cv.sections.publications[0].url: link '../../secret.pdf' is not a "
      "web, mail or phone link (allowed: http, https, mailto, tel or ftp); shown as plain text\n");
  for (const char* format : {"pdf", "latex"}) {
    const cvpress::Backend* backend = cvpress::find_backend(format);
    REQUIRE(backend);
    const std::string out = backend->render(loaded.cv, {}).bytes;
    CAPTURE(format);
    // Exactly one link target: the https one.
    const bool pdf = std::string(format) == "pdf";
    const std::string marker = pdf ? "/URI (" : "\\href{";
    std::size_t links = 0;
    for (auto at = out.find(marker); at != std::string::npos; at = out.find(marker, at + 1)) {
      const std::string target = out.substr(at + marker.size(), 30);
      if (!pdf && target.starts_with("#1}"))
        continue; // the preamble's macro definitions
      ++links;
      CHECK_MESSAGE(
          target.starts_with(pdf ? "https:\\057\\057example.org)" : "https://example.org}"),
          target);
    }
    CHECK(links == 1);
    for (const char* bad : {"javascript", "vbscript", "secret.pdf"})
      CHECK_MESSAGE(out.find(bad) == std::string::npos, std::string(bad));
  }
}

TEST_CASE("the backends apply the allow-list to a model built without the loader") {
  cvpress::LoadResult loaded = cvpress::load_cv_string("cv:\n  name: Ada Lovelace\n", "cv.yaml");
  loaded.cv.header.websites.push_back("javascript:alert(1)");
  loaded.cv.header.custom_connections.push_back({"Mine", "file:///etc/passwd", ""});
  for (const char* format : {"pdf", "latex"}) {
    const std::string out = cvpress::find_backend(format)->render(loaded.cv, {}).bytes;
    CAPTURE(format);
    const std::string link = std::string(format) == "pdf" ? "/URI (" : "\\href{";
    CHECK(out.find(link + "javascript:") == std::string::npos);
    CHECK(out.find(link + "file:") == std::string::npos);
    CHECK(out.find(link + "https://javascript") == std::string::npos);
    CHECK(out.find(link + "https://file") == std::string::npos);
  }
}

// The html, markdown and png formats (issue 16, item 4): escaping, links
// through the allow-list, right-to-left documents, page images; the JSON
// Schema lists the loader's keys (item 5).
#include "backends/html/html_writer.hpp"
#include "backends/markdown/markdown_writer.hpp"
#include "load/input_format.hpp"
#include "resources/image.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>
#include <cvpress/schema.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include <string>

namespace html = cvpress::detail::html;
namespace md = cvpress::detail::markdown;

namespace {

std::string render(const char* format, const std::string& yaml) {
  const cvpress::LoadResult loaded = cvpress::load_cv_string(yaml, "cv.yaml");
  const cvpress::Backend* backend = cvpress::find_backend(format);
  REQUIRE(backend);
  return backend->render(loaded.cv, {}).bytes;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

constexpr const char* kHostile = R"(cv:
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

TEST_CASE("html::escape: markup characters, controls and noncharacters") {
  CHECK(html::escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(html::escape("tab\tnew\nline") == "tab\tnew\nline");
  CHECK(html::escape(std::string("x\x01y\x7Fz", 5)) == "xyz");
  CHECK(html::escape("a\xEF\xBF\xBF"
                     "b\xEF\xBF\xBE"
                     "c") == "abc");
  CHECK(html::escape("陈巧玲 – ✓") == "陈巧玲 – ✓");
}

TEST_CASE("html: a font family or bullet cannot end the style element") {
  cvpress::detail::FontChainSpec fonts{{"Noto Sans", "Evil\"</style><script>x", "\\"}};
  const std::string css = html::css_font_list(fonts, "sans-serif");
  CHECK(css == "\"Noto Sans\", \"Evil/stylescriptx\", sans-serif");
  // RenderCV's design block only takes its own bullets; a style file takes any.
  CHECK_THROWS_AS(render("html", "cv:\n  name: Ada\ndesign:\n  highlights:\n    bullet: "
                                 "\"</style><script>\"\n"),
                  cvpress::InputError);
  const auto dir = std::filesystem::temp_directory_path() / "cvpress-html-bullet";
  std::filesystem::create_directories(dir);
  const auto style_file = dir / "evil.yaml";
  std::ofstream(style_file) << "extends: classic\nbullets:\n  level1: \"</style><script>\"\n";
  const cvpress::LoadResult loaded = cvpress::load_cv_string(
      "cv:\n  name: Ada\n  sections:\n    S:\n      - name: X\n        highlights: [a]\n",
      "cv.yaml");
  cvpress::RenderOptions options;
  options.style = style_file.string();
  const std::string page = cvpress::find_backend("html")->render(loaded.cv, options).bytes;
  std::filesystem::remove_all(dir);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(count(page, "</style>") == 1);
}

TEST_CASE("html and markdown: only allow-listed links, the rest as text") {
  const std::string page = render("html", kHostile);
  CHECK(count(page, "href=") == 1);
  CHECK(page.find("<a href=\"https://example.org\">site</a>") != std::string::npos);
  const std::string text = render("markdown", kHostile);
  CHECK(count(text, "](") == 1);
  CHECK(text.find("[site](https://example.org)") != std::string::npos);
  for (const std::string& out : {page, text}) {
    CHECK(out.find("javascript") == std::string::npos);
    CHECK(out.find("vbscript") == std::string::npos);
    CHECK(out.find("secret.pdf") == std::string::npos);
    CHECK(out.find("Portfolio") != std::string::npos); // shown, not linked
  }
}

TEST_CASE("html: the document's language and direction") {
  const std::string en = render("html", "cv:\n  name: Ada Lovelace\n");
  CHECK(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n"));
  CHECK(en.find("<title>Ada Lovelace – CV</title>") != std::string::npos);
  CHECK(en.find("<h1>Ada Lovelace</h1>") != std::string::npos);
  const std::string he = render("html", "cv:\n  name: נועה לוי\n  email: noa@example.com\n"
                                        "locale:\n  language: hebrew\n");
  CHECK(he.starts_with("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">\n"));
  // An address keeps its own direction inside the right-to-left page.
  CHECK(he.find("<li><bdi><a href=\"mailto:noa@example.com\">noa@example.com</a></bdi></li>") !=
        std::string::npos);
}

TEST_CASE("html: semantic structure of sections and lists") {
  const std::string page = render("html", R"(cv:
  name: Ada Lovelace
  sections:
    education:
      - institution: University of London
        area: Mathematics
        date: 1843
        highlights: [First, Second]
    interests:
      - bullet: Engines
    firsts:
      - reversed_number: B
      - reversed_number: A
)");
  CHECK(page.find("<section aria-labelledby=\"section-education-1\">\n<h2 "
                  "id=\"section-education-1\">Education</h2>") != std::string::npos);
  CHECK(page.find("<h3>University of London</h3>") != std::string::npos);
  CHECK(page.find("<ul class=\"highlights\">\n<li>First</li>\n<li>Second</li>\n</ul>") !=
        std::string::npos);
  CHECK(page.find("<p class=\"when\">1843</p>") != std::string::npos);
  CHECK(page.find("<ul class=\"items\">\n<li>Engines</li>\n</ul>") != std::string::npos);
  CHECK(page.find("<ol reversed class=\"items\">\n<li>B</li>\n<li>A</li>\n</ol>") !=
        std::string::npos);
}

TEST_CASE("markdown::escape and paragraph: literal text stays literal") {
  CHECK(md::escape("a*b_c`d[e]f<g>h|i~j\\k") == "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\\\k");
  CHECK(md::escape("AT&T &amp; &#38; &x") == "AT&T \\&amp; \\&#38; &x");
  CHECK(md::escape("two\nlines") == "two lines");
  CHECK(md::paragraph("# not a heading") == "\\# not a heading");
  CHECK(md::paragraph("- not an item") == "\\- not an item");
  CHECK(md::paragraph("2024. A year") == "2024\\. A year");
  CHECK(md::paragraph("3) three") == "3\\) three");
  CHECK(md::paragraph("C# and 1.5") == "C# and 1.5");
}

TEST_CASE("markdown: RenderCV's shape") {
  const std::string text = render("markdown", R"(cv:
  name: Ada Lovelace
  email: ada@example.com
  sections:
    experience:
      - company: Analytical Engine Project
        position: Programmer
        start_date: 1842-01
        end_date: 1843-12
        location: London
        highlights: ["Wrote `loop_*`", "Used ``double `ticks` ``"]
    skills:
      - label: Languages
        details: English & French
)");
  CHECK(text == "# Ada Lovelace\n\n"
                "- [ada@example.com](mailto:ada@example.com)\n\n"
                "# Experience\n\n"
                "## Programmer\n\n"
                "Jan 1842\u2009–\u2009Dec 1843\n\n" // CLDR thin spaces
                "London\n\n"
                "Analytical Engine Project\n\n"
                "- Wrote `loop_*`\n"
                "- Used ``double `ticks` ``\n\n"
                "# Skills\n\n"
                "- **Languages**: English & French\n");
}

TEST_CASE("extra_output_path: pages after the first") {
  CHECK(cvpress::extra_output_path("out/cv.png", {"-2", ""}) == "out/cv-2.png");
  CHECK(cvpress::extra_output_path("cv", {"-3", ""}) == "cv-3");
  CHECK(cvpress::extra_output_path("a.b/c.d.png", {"-2", ""}) == "a.b/c.d-2.png");
}

TEST_CASE("png: one image per PDF page, A4 at 150 dpi") {
  const cvpress::Backend* png = cvpress::find_backend("png");
  if (!png) {
    MESSAGE("built without the png format (CVPRESS_WITH_PNG=OFF)");
    return;
  }
  std::string yaml = "cv:\n  name: Ada Lovelace\n  sections:\n    notes:\n";
  for (int i = 0; i < 60; ++i)
    yaml += "      - A paragraph long enough to need a line or two, number " + std::to_string(i) +
            ", so that sixty of them need more than one page.\n";
  const cvpress::LoadResult loaded = cvpress::load_cv_string(yaml, "cv.yaml");
  const cvpress::RenderResult pdf = cvpress::find_backend("pdf")->render(loaded.cv, {});
  const cvpress::RenderResult result = png->render(loaded.cv, {});
  REQUIRE(pdf.pages >= 2);
  CHECK(result.pages == pdf.pages);
  REQUIRE(result.extra.size() == static_cast<std::size_t>(pdf.pages - 1));
  CHECK(result.extra[0].suffix == "-2");
  // The "dpi=N" option (`--dpi N`): 72 dpi is one pixel per point; out of
  // range is a usage error.
  cvpress::RenderOptions low;
  low.backend_options = {"dpi=72"};
  std::string why;
  const auto small = cvpress::detail::inspect_image(png->render(loaded.cv, low).bytes, why);
  REQUIRE_MESSAGE(small, why);
  CHECK(small->width == 595);
  CHECK(small->height == 842);
  low.backend_options = {"dpi=1000"};
  CHECK_THROWS_WITH_AS((void)png->render(loaded.cv, low),
                       "--dpi must be a whole number from 36 to 300, not '1000'",
                       cvpress::UsageError);
  for (const std::string* bytes : {&result.bytes, &result.extra.back().bytes}) {
    const auto info = cvpress::detail::inspect_image(*bytes, why);
    REQUIRE_MESSAGE(info, why);
    CHECK(info->format == cvpress::detail::ImageFormat::png);
    CHECK(info->width == 1240);
    CHECK(info->height == 1754);
  }
}

TEST_CASE("schema: every entry type, key and design option the loader reads") {
  const auto schema = nlohmann::json::parse(cvpress::json_schema());
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["additionalProperties"] == false);
  const auto& entries = schema["$defs"]["entry"]["anyOf"];
  namespace in = cvpress::detail::input;
  for (const auto& type : in::kEntryTypes) {
    CAPTURE(type.name);
    bool found = false;
    for (const auto& e : entries)
      if (e.contains("required") && e["required"][0] == type.deciding) {
        found = true;
        for (const auto& f : type.fields)
          CHECK(e["properties"].contains(std::string(f.key)));
        CHECK(e["properties"].size() == type.fields.size() + 1); // + tags
      }
    CHECK(found);
  }
  for (const auto& f : in::kCv)
    CHECK(schema["$defs"]["cv"]["properties"].contains(std::string(f.key)));
  const auto& design = schema["properties"]["design"]["anyOf"][0]["properties"];
  for (const auto& o : cvpress::detail::design_options()) {
    CAPTURE(o.key);
    const nlohmann::json* level = &design;
    std::string_view key = o.key;
    for (auto dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
      REQUIRE(level->contains(std::string(key.substr(0, dot))));
      level = &(*level)[std::string(key.substr(0, dot))]["properties"];
      key.remove_prefix(dot + 1);
    }
    CHECK(level->contains(std::string(key)));
  }
  // Nested 2.x groups and 1.x spellings are both listed.
  CHECK(
      design["templates"]["properties"]["education_entry"]["properties"].contains("degree_column"));
  CHECK(design["page"]["properties"]["max_pages"]["type"] == "integer");
}

// PDF painter tests on hand-built display lists: text layer, links,
// bookmarks, metadata, determinism and error handling.
#include "backends/pdf/painter.hpp"
#include "fonts/font_set.hpp"
#include "layout/display_list.hpp"
#include "scratch_dir.hpp"

#include <cvpress/diagnostics.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace cvpress::detail {
namespace {

namespace fs = std::filesystem;
using cvpress_test::ScratchDir;

// Runs a shell command; returns its standard output ("" on failure).
std::string run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe)
    return out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  int rc = ::pclose(pipe);
  if (status)
    *status = rc;
  return out;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

TextItem text(const FontFace* face, double x, double y, std::string s, double size = 11,
              std::uint32_t color = 0) {
  TextItem t;
  t.x = x;
  t.y = y;
  t.face = face;
  t.size = size;
  t.color = color;
  t.text = std::move(s);
  return t;
}

// A two-page document in Latin, Greek, Cyrillic and CJK.
LaidOutDocument sample(const FontFace* latin, const FontFace* cjk) {
  LaidOutDocument doc;
  doc.info.title = "Jürgen Müller – CV";
  doc.info.author = "Jürgen Müller 陈巧玲";
  doc.info.subject = "Curriculum vitae";
  Page one;
  one.items.emplace_back(text(latin, 72, 770, "Jürgen Müller", 24, 0x004F90));
  one.items.emplace_back(text(latin, 72, 740, "Ελληνικά και русский текст", 11));
  RuleItem rule;
  rule.x0 = 72;
  rule.y0 = 730;
  rule.x1 = 523;
  rule.y1 = 730;
  rule.color = 0x004F90;
  one.items.emplace_back(rule);
  RectItem rect;
  rect.x = 72;
  rect.y = 700;
  rect.width = 4;
  rect.height = 12;
  rect.color = 0xCC0000;
  one.items.emplace_back(rect);
  one.items.emplace_back(text(latin, 80, 702, "Publications", 13, 0x004F90));
  if (cjk)
    one.items.emplace_back(text(cjk, 180, 702, "論文", 13, 0x004F90));
  LinkItem link;
  link.x = 72;
  link.y = 680;
  link.width = 120;
  link.height = 12;
  link.uri = "https://example.org/jürgen";
  one.items.emplace_back(text(latin, 72, 682, "example.org", 10));
  one.items.emplace_back(link);
  doc.pages.push_back(one);
  Page two;
  two.items.emplace_back(text(latin, 72, 770, "Second page", 11));
  doc.pages.push_back(two);
  doc.bookmarks.push_back({"Publications 論文", 0, 715});
  doc.bookmarks.push_back({"Second", 1, 780});
  return doc;
}

const FontFace* latin_face() { return FontCatalog::shared().find("DejaVu Sans"); }
const FontFace* cjk_face() { return FontCatalog::shared().find("WenQuanYi Micro Hei"); }

bool have_tool(const char* tool) {
  return run(std::string("command -v ") + tool + " >/dev/null 2>&1 && echo yes") == "yes\n";
}

} // namespace

TEST_CASE("pdf painter: pdftotext extracts the drawn text exactly") {
  const FontFace* latin = latin_face();
  if (!latin || !have_tool("pdftotext")) {
    FAIL("DejaVu Sans or pdftotext missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  const FontFace* cjk = cjk_face();
  ScratchDir dir;
  auto pdf = dir.write("t.pdf", paint_pdf(sample(latin, cjk)));
  std::string txt = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
  CHECK(txt.find("Jürgen Müller") != std::string::npos);
  CHECK(txt.find("Ελληνικά και русский текст") != std::string::npos);
  CHECK(txt.find("Publications") != std::string::npos);
  CHECK(txt.find("example.org") != std::string::npos);
  CHECK(txt.find("Second page") != std::string::npos);
  if (cjk)
    CHECK(txt.find("論文") != std::string::npos);
  // Two pages, separated by a form feed.
  CHECK(txt.find('\f') < txt.find("Second page"));
  if (have_tool("pdffonts")) {
    std::string fonts = run("pdffonts " + quote(pdf));
    CHECK(fonts.find("DejaVuSans") != std::string::npos);
    CHECK(fonts.find(" no  ") == std::string::npos); // every font embedded
  }
}

TEST_CASE("pdf painter: links, bookmarks and document information") {
  const FontFace* latin = latin_face();
  if (!latin) {
    FAIL("DejaVu Sans missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  PaintOptions plain;
  plain.compress = false;
  std::string bytes = paint_pdf(sample(latin, cjk_face()), plain);
  CHECK(bytes.find("/URI") != std::string::npos);
  CHECK(bytes.find("example.org\\057j\\045C3\\045BCrgen") !=
        std::string::npos); // escaped "/" and "%"
  CHECK(bytes.find("/Border [ 0 0 0 ]") != std::string::npos);
  // The file identifier is a hash of the content: the same for the same document.
  CHECK(bytes.find("/ID [") != std::string::npos);
  CHECK(paint_pdf(sample(latin, cjk_face()), plain) == bytes);
  CHECK(bytes.find("/DisplayDocTitle true") != std::string::npos);
  CHECK(bytes.find("/CreationDate") == std::string::npos);
  ScratchDir dir;
  auto pdf = dir.write("t.pdf", bytes);
  if (have_tool("qpdf")) {
    int status = -1;
    run("qpdf --check " + quote(pdf) + " >/dev/null 2>&1", &status);
    CHECK(status == 0);
    std::string json = run("qpdf --json --json-key=outlines " + quote(pdf));
    CHECK(json.find("\"title\": \"Publications 論文\"") != std::string::npos);
    CHECK(json.find("\"title\": \"Second\"") != std::string::npos);
    CHECK(json.find("\"/XYZ\"") != std::string::npos);
    CHECK(json.find("\"destpageposfrom1\": 2") != std::string::npos);
  }
  if (have_tool("pdfinfo")) {
    std::string info = run("pdfinfo -enc UTF-8 " + quote(pdf));
    CHECK(info.find("Jürgen Müller – CV") != std::string::npos);
    CHECK(info.find("Jürgen Müller 陈巧玲") != std::string::npos);
    CHECK(info.find("Curriculum vitae") != std::string::npos);
    CHECK(info.find("cvpress ") != std::string::npos);
    auto pages = info.find("Pages:");
    REQUIRE(pages != std::string::npos);
    CHECK(info.find_first_not_of(' ', pages + 6) == info.find('2', pages));
  }
}

TEST_CASE("pdf painter: output is deterministic and dated only on request") {
  const FontFace* latin = latin_face();
  if (!latin) {
    FAIL("DejaVu Sans missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  LaidOutDocument doc = sample(latin, cjk_face());
  CHECK(paint_pdf(doc) == paint_pdf(doc));
  PaintOptions dated;
  dated.compress = false;
  dated.date_epoch = 1700000000; // 2023-11-14 22:13:20 UTC
  std::string bytes = paint_pdf(doc, dated);
  CHECK(bytes.find("/CreationDate (D:20231114221320Z") != std::string::npos);
  CHECK(bytes.find("/ModDate (D:20231114221320Z") != std::string::npos);
  CHECK(bytes == paint_pdf(doc, dated));
  dated.date_epoch = 253402300799; // the last PDF date
  CHECK(paint_pdf(doc, dated).find("/CreationDate (D:99991231235959Z") != std::string::npos);
  dated.date_epoch = 0;
  CHECK(paint_pdf(doc, dated).find("/CreationDate (D:19700101000000Z") != std::string::npos);
  dated.date_epoch = 951868799; // a leap day's last second
  CHECK(paint_pdf(doc, dated).find("/CreationDate (D:20000229235959Z") != std::string::npos);
}

TEST_CASE("pdf painter: documents painted in parallel threads are identical") {
  const FontFace* latin = latin_face();
  if (!latin) {
    FAIL("DejaVu Sans missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  const LaidOutDocument doc = sample(latin, cjk_face());
  const std::string expected = paint_pdf(doc);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 5; ++k)
        results[i] = paint_pdf(doc);
    });
  for (auto& t : threads)
    t.join();
  for (const auto& r : results)
    CHECK(r == expected);
}

TEST_CASE("pdf painter: a libharu failure becomes RenderError") {
  LaidOutDocument doc;
  Page page;
  ImageItem image;
  image.x = image.y = 10;
  image.width = image.height = 50;
  image.format = ImageItem::Format::png;
  image.bytes = "\x89PNG\r\n\x1a\n but not really a PNG";
  page.items.emplace_back(image);
  doc.pages.push_back(page);
  CHECK_THROWS_AS((void)paint_pdf(doc), RenderError);
  image.format = ImageItem::Format::jpeg;
  image.bytes = "\xFF\xD8 not a jpeg";
  doc.pages[0].items[0] = image;
  CHECK_THROWS_AS((void)paint_pdf(doc), RenderError);
  // The painter still works after a failed document.
  doc.pages[0].items.clear();
  CHECK(paint_pdf(doc).rfind("%PDF-", 0) == 0);
}

TEST_CASE("pdf painter: a PNG with alpha is embedded once however often it is drawn") {
  // 2x2 RGBA, half-transparent red.
  static const char png[] =
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
      "\x00\x00\x00\x02\x08\x06\x00\x00\x00\x72\xb6\x0d\x24\x00\x00\x00\x11\x49\x44\x41"
      "\x54\x78\xda\x63\xf8\xcf\xc0\xd0\x00\xc2\x0c\x30\x06\x00\x38\xe8\x05\xfd\x6c\xdc\xaf"
      "\xd7\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
  LaidOutDocument doc;
  Page page;
  ImageItem image;
  image.x = 400;
  image.y = 700;
  image.width = image.height = 80;
  image.bytes.assign(png, sizeof png - 1);
  page.items.emplace_back(image);
  image.y = 600;
  page.items.emplace_back(image);
  doc.pages.push_back(page);
  PaintOptions plain;
  plain.compress = false;
  std::string bytes = paint_pdf(doc, plain);
  std::size_t images = 0;
  for (std::size_t at = bytes.find("/Subtype /Image"); at != std::string::npos;
       at = bytes.find("/Subtype /Image", at + 1))
    ++images;
  CHECK(images == 2); // the picture and its soft mask
  CHECK(bytes.find("/SMask") != std::string::npos);
  CHECK(bytes.rfind("%PDF-1.7", 0) == 0); // soft masks need 1.4; PDF/UA-1 and PDF/A-2: 1.7
  if (have_tool("qpdf")) {
    ScratchDir dir;
    auto pdf = dir.write("img.pdf", bytes);
    int status = -1;
    run("qpdf --check " + quote(pdf) + " >/dev/null 2>&1", &status);
    CHECK(status == 0);
  }
}

TEST_CASE("pdf painter: odd items neither crash nor break the file") {
  const FontFace* latin = latin_face();
  if (!latin) {
    FAIL("DejaVu Sans missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  LaidOutDocument doc;
  Page page;
  page.items.emplace_back(text(latin, 72, 700, "bad \xC3 utf-8 \xFF\xFE and \x01 controls"));
  page.items.emplace_back(text(latin, nan, inf, "nan position"));
  page.items.emplace_back(text(latin, 72, 680, "huge", 1e6));
  page.items.emplace_back(text(latin, 72, 660, "negative size", -3));
  page.items.emplace_back(text(latin, 72, 640, "not in the font: \u4E00 \U0001F600 (", 10));
  page.items.emplace_back(text(nullptr, 72, 620, "no face"));
  page.items.emplace_back(text(latin, 72, 600, ""));
  RuleItem rule;
  rule.thickness = nan;
  page.items.emplace_back(rule);
  RectItem rect;
  rect.width = inf;
  rect.height = 5;
  page.items.emplace_back(rect);
  LinkItem link;
  link.uri = "javascript:alert(1) (with) \\ parens";
  link.width = link.height = 10;
  page.items.emplace_back(link);
  doc.pages.push_back(page);
  doc.bookmarks.push_back({"(unbalanced \\ title", 7, nan});
  doc.bookmarks.push_back({"", 0, 10});
  std::string bytes;
  CHECK_NOTHROW(bytes = paint_pdf(doc));
  REQUIRE(bytes.rfind("%PDF-", 0) == 0);
  if (have_tool("qpdf")) {
    ScratchDir dir;
    auto pdf = dir.write("odd.pdf", bytes);
    int status = -1;
    const std::string check = run("qpdf --check " + quote(pdf) + " 2>&1", &status);
    INFO(check);
    CHECK(status == 0);
    if (have_tool("pdftotext")) {
      std::string txt = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
      CHECK(txt.find("controls") != std::string::npos);
      CHECK(txt.find("not in the font") != std::string::npos);
    }
  }
}

TEST_CASE("pdf painter: emoji map to UTF-16 surrogate pairs; joiners stay as ActualText") {
  const FontFace* symbola = FontCatalog::shared().find("Symbola");
  REQUIRE_MESSAGE(symbola != nullptr, "Symbola is needed (Debian: fonts-symbola)");
  LaidOutDocument doc;
  Page page;
  page.items.emplace_back(text(symbola, 72, 700, "\U0001F4DD\U0001F396", 14));
  TextItem joined = text(symbola, 72, 670, "\U0001F468\U0001F4BB", 14);
  joined.actual_text = "\U0001F468\u200D\U0001F4BB\uFE0F";
  page.items.emplace_back(joined);
  doc.pages.push_back(page);
  PaintOptions plain;
  plain.compress = false;
  const std::string bytes = paint_pdf(doc, plain);
  // The subset numbers glyphs in code point order: 🎖 1, 👨 2, 💻 3, 📝 4.
  CHECK(bytes.find("4 beginbfchar\n<0001> <D83CDF96>\n<0002> <D83DDC68>\n<0003> "
                   "<D83DDCBB>\n<0004> <D83DDCDD>\nendbfchar") != std::string::npos);
  CHECK(bytes.find("<00040001> Tj") != std::string::npos);
  CHECK(bytes.find("/Span <</ActualText <FEFFD83DDC68200DD83DDCBBFE0F>>> BDC\n") !=
        std::string::npos);
  CHECK(bytes.find("<00020003> Tj\nEMC\n") != std::string::npos);
  if (have_tool("pdftotext") && have_tool("qpdf")) {
    ScratchDir dir;
    auto pdf = dir.write("emoji.pdf", bytes);
    int status = -1;
    run("qpdf --check " + quote(pdf) + " >/dev/null 2>&1", &status);
    CHECK(status == 0);
    const std::string txt = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
    CHECK(txt.find("\U0001F4DD\U0001F396") != std::string::npos);
    CHECK(txt.find("\U0001F468\u200D\U0001F4BB\uFE0F") != std::string::npos);
  }
}

TEST_CASE("pdf painter: bookmarks and document information keep characters beyond the BMP") {
  if (!have_tool("qpdf") || !have_tool("pdfinfo")) {
    FAIL("qpdf or pdfinfo missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  LaidOutDocument doc;
  doc.info.title = "陈\U00020000 – CV"; // CJK Extension B
  doc.info.author = "Zoë Müller";       // BMP only: as libharu writes it
  doc.pages.emplace_back();
  doc.bookmarks.push_back({"\U0001F4DD Publications", 0, 700});
  doc.bookmarks.push_back({"\U0001F396\uFE0F Services", 0, 500});
  doc.bookmarks.push_back({"Plain", 0, 300});
  ScratchDir dir;
  auto pdf = dir.write("bm.pdf", paint_pdf(doc));
  int status = -1;
  run("qpdf --check " + quote(pdf) + " >/dev/null 2>&1", &status);
  CHECK(status == 0);
  const std::string json = run("qpdf --json --json-key=outlines " + quote(pdf));
  CHECK(json.find("\"title\": \"\U0001F4DD Publications\"") != std::string::npos);
  CHECK(json.find("\"title\": \"\U0001F396\uFE0F Services\"") != std::string::npos);
  CHECK(json.find("\"title\": \"Plain\"") != std::string::npos);
  const std::string info = run("pdfinfo -enc UTF-8 " + quote(pdf));
  CHECK(info.find("陈\U00020000 – CV") != std::string::npos);
  CHECK(info.find("Zoë Müller") != std::string::npos);
}

TEST_CASE("pdf painter: an empty document still has one page") {
  LaidOutDocument doc;
  std::string bytes = paint_pdf(doc);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(bytes.find("%%EOF") != std::string::npos);
}

} // namespace cvpress::detail

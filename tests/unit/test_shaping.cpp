// Shaping with HarfBuzz, end to end: complex scripts render with no missing
// glyph and their text layer is exactly the model text; kerning and
// ligatures change the drawing, never the text.
#include "fonts/font_set.hpp"
#include "layout/paragraph.hpp"
#include "scratch_dir.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace cvpress;

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe)
    return out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
}

// The lines of `text` with the bidi embedding marks pdftotext adds removed.
std::vector<std::string> lines_of(std::string text) {
  // (and the form feed between pages)
  for (const std::string mark : {"\u202B", "\u202C", "\u202A", "\u200F", "\u200E", "\f"})
    for (std::size_t at; (at = text.find(mark)) != std::string::npos;)
      text.erase(at, mark.size());
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  return out;
}

struct Setter {
  detail::Style style = detail::default_style();
  std::vector<Diagnostic> warnings;
  detail::Typesetter ts{style, "en", warnings};
  std::vector<detail::LaidLine> set(const std::string& text) {
    detail::SpanStyle s;
    s.size = 10;
    std::vector<detail::Span> spans{detail::Span{text, s}};
    return ts.set(spans, 1000, detail::Align::left, {});
  }
};

detail::TextItem only_item(const std::vector<detail::LaidLine>& lines) {
  REQUIRE(lines.size() == 1);
  const detail::TextItem* found = nullptr;
  for (const auto& it : lines[0].items)
    if (const auto* t = std::get_if<detail::TextItem>(&it)) {
      REQUIRE(found == nullptr);
      found = t;
    }
  REQUIRE(found != nullptr);
  return *found;
}

} // namespace

TEST_CASE("shaping: names in 21 scripts (Indic, Southeast Asian, Arabic, Persian, Urdu, Hebrew "
          "with niqqud, Vietnamese, CJK): no missing glyph, exact text layer, each script's font") {
  if (run("command -v pdftotext >/dev/null 2>&1 && echo yes") != "yes\n") {
    FAIL("pdftotext missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  cvpress_test::ScratchDir dir;
  const fs::path file = fs::path(CVPRESS_SOURCE_DIR) / "tests/pdf/complex-scripts.yaml";
  LoadResult loaded = load_cv_file(file);
  const Backend* backend = find_backend("pdf");
  REQUIRE(backend != nullptr);
  RenderOptions options;
  options.base_dir = file.parent_path();
  RenderResult result = backend->render(loaded.cv, options);
  for (const auto& w : result.warnings)
    CHECK_MESSAGE(false, w.message);
  const fs::path pdf = dir.path / "complex.pdf";
  std::ofstream(pdf, std::ios::binary) << result.bytes;
  const std::vector<std::string> lines =
      lines_of(run("pdftotext -raw -enc UTF-8 '" + pdf.string() + "' -"));
  // Each name is a line of its own, character for character (logical order).
  for (const char* name : {"अमित शर्मा",
                           "সত্যজিৎ রায়",
                           "சுப்பிரமணியன் பாரதி",
                           "వెంకట రమణ",
                           "નરેન્દ્ર પટેલ",
                           "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
                           "ಕುವೆಂಪು ಪುಟ್ಟಪ್ಪ",
                           "ശ്രീനിവാസൻ നായർ",
                           "කුමාර සංගක්කාර",
                           "สมชาย ใจดี",
                           "ສົມພອນ ວົງສາ",
                           "សុខ ចាន់ធី",
                           "အောင်ဆန်းစုကြည်",
                           "علاء",
                           "پرویز",
                           "فیض",
                           "שָׁלוֹם",
                           "Nguyễn Thị Ánh Tuyết",
                           "陈巧玲",
                           "山田はなこ",
                           "김민준",
                           "AVATAR Wave",
                           "efficient office workflows"}) {
    INFO("name: ", std::string(name));
    CHECK(std::find(lines.begin(), lines.end(), std::string(name)) != lines.end());
  }
  // The script's own Noto faces are embedded.
  const std::string fonts = run("pdffonts '" + pdf.string() + "'");
  for (const char* face :
       {"NotoSansDevanagari-Bold", "NotoSansBengali", "NotoSansTamil", "NotoSansTelugu",
        "NotoSansGujarati", "NotoSansGurmukhi", "NotoSansKannada", "NotoSansMalayalam",
        "NotoSansSinhala", "NotoSansThai", "NotoSansLao", "NotoSansKhmer", "NotoSansMyanmar",
        "NotoSansArabic", "NotoSansHebrew"})
    CHECK_MESSAGE(fonts.find(face) != std::string::npos, face);
  // CJK in Noto Sans CJK (OpenType/CFF, embedded as CIDFontType0C), the
  // region by script: 陈巧玲 SC, kana JP, hangul KR; the names are bold.
  for (const char* face : {"NotoSansCJKsc-Bold", "NotoSansCJKjp-Bold", "NotoSansCJKkr-Bold"}) {
    const std::size_t at = fonts.find(face);
    REQUIRE_MESSAGE(at != std::string::npos, face);
    CHECK(fonts.substr(at, fonts.find('\n', at) - at).find("CID Type 0C") != std::string::npos);
  }
  CHECK(run("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1 && echo ok") == "ok\n");
  // Byte-identical run to run.
  CHECK(backend->render(loaded.cv, options).bytes == result.bytes);
}

TEST_CASE("shaping: a kerned pair is narrower than its two advances") {
  Setter t;
  const detail::TextItem item_av = only_item(t.set("AVAVAVAV"));
  const detail::TextItem* av = &item_av;
  const double nominal =
      4 * (detail::pdf_advance_em(*av->face, U'A') + detail::pdf_advance_em(*av->face, U'V')) * 10;
  CHECK(av->width < nominal - 0.5);
  REQUIRE(av->glyphs.size() == 8);
  CHECK(av->glyphs[0].advance < detail::pdf_advance_em(*av->face, U'A') * 1000);
}

TEST_CASE("shaping: Devanagari conjuncts and reordering are shaped, text stays logical") {
  Setter t;
  const detail::TextItem item_name = only_item(t.set("शर्मा"));
  const detail::TextItem* name = &item_name;
  CHECK(t.warnings.empty());
  CHECK(name->text == "शर्मा");
  CHECK(detail::family_name(*name->face) == "Noto Sans Devanagari");
  // श र ् म ा: the reph (र्) is one glyph over म, so fewer glyphs than characters.
  CHECK(name->glyphs.size() < 5);
  for (const auto& g : name->glyphs)
    CHECK(g.gid != 0);
  // Pre-base vowel sign ि is drawn before the consonant it follows (as one
  // of the font's width variants): म comes second.
  const detail::TextItem item_mi = only_item(t.set("मि"));
  const detail::TextItem* amit = &item_mi;
  REQUIRE(amit->glyphs.size() == 2);
  CHECK(amit->glyphs[1].gid == detail::glyph_id(*amit->face, U'म'));
  CHECK(amit->glyphs[0].gid != detail::glyph_id(*amit->face, U'म'));
}

TEST_CASE("shaping: ligatures draw one glyph, the text keeps every letter") {
  Setter t;
  const detail::TextItem item_word = only_item(t.set("efficient office"));
  const detail::TextItem* word = &item_word;
  CHECK(word->text == "efficient office");
  // Noto Sans has ffi/fi/ffi ligatures (liga): fewer glyphs than characters.
  CHECK(word->glyphs.size() < std::string("efficient office").size());
}

TEST_CASE("shaping: CJK fonts follow the CV's language (SC, TC, HK, JP, KR); Urdu in Nastaliq") {
  struct Case {
    const char* language;
    const char* text;
    const char* family;
  };
  const Case cases[] = {
      {"en", "陈巧玲", "Noto Sans CJK SC"},    {"zh", "陈巧玲", "Noto Sans CJK SC"},
      {"zh-TW", "陳巧玲", "Noto Sans CJK TC"}, {"zh-Hant", "陳巧玲", "Noto Sans CJK TC"},
      {"zh-HK", "陳巧玲", "Noto Sans CJK HK"}, {"ja", "山田", "Noto Sans CJK JP"},
      {"en", "はなこ", "Noto Sans CJK JP"},    {"ko", "金", "Noto Sans CJK KR"},
      {"en", "김민준", "Noto Sans CJK KR"},    {"zh", "陈，", "Noto Sans CJK SC"},
      {"ur", "فیض", "Noto Nastaliq Urdu"},     {"fa", "پرویز", "Noto Sans Arabic"},
  };
  for (const auto& c : cases) {
    INFO(c.language, " ", c.text);
    detail::Style style = detail::default_style();
    std::vector<Diagnostic> warnings;
    detail::Typesetter ts{style, c.language, warnings};
    detail::SpanStyle s;
    s.size = 10;
    std::vector<detail::Span> spans{detail::Span{c.text, s}};
    const detail::TextItem item = only_item(ts.set(spans, 1000, detail::Align::left, {}));
    REQUIRE(item.face != nullptr);
    CHECK(detail::family_name(*item.face) == c.family);
    CHECK(warnings.empty());
  }
}

TEST_CASE("RenderOptions::strict: a character no font has is a located RenderError, not a "
          "warning") {
  const LoadResult loaded = load_cv_string(
      "cv:\n  name: Ada\n  sections:\n    notes:\n      - \"x \U0010FFFD \U000E0FFF\"\n",
      "cv.yaml");
  const Backend* backend = find_backend("pdf");
  REQUIRE(backend != nullptr);
  RenderOptions options;
  const RenderResult lenient = backend->render(loaded.cv, options);
  REQUIRE(lenient.warnings.size() == 1);
  CHECK(lenient.warnings[0].to_string() ==
        "cv.yaml:5:9: warning: no installed font has U+10FFFD '\U0010FFFD'; drawn as U+FFFD");
  options.strict = true;
  try {
    (void)backend->render(loaded.cv, options);
    FAIL("no error");
  } catch (const RenderError& e) {
    CHECK(std::string(e.what()) == "cv.yaml:5:9: no installed font has U+10FFFD '\U0010FFFD' "
                                   "(strict: a missing glyph is an error)");
  }
}

// End-to-end checks of the pdf backend on every examples/*.yaml and on
// tests/pdf/multilingual.yaml: every string of the model (name, headline,
// section titles, entry titles, authors, highlights, displayed dates) is in
// the pdftotext output, and no word lies outside the page's text area.
#include "fonts/font_set.hpp"
#include "layout/layout.hpp"
#include "present/dates.hpp"
#include "scratch_dir.hpp"
#include "style/style_loader.hpp"
#include "text/locale_format.hpp"
#include "text/translations.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>
#include <cvpress/style.hpp>

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using cvpress_test::ScratchDir;
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

bool have_tool(const char* tool) {
  return run(std::string("command -v ") + tool + " >/dev/null 2>&1 && echo yes") == "yes\n";
}

bool is_arabic(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Comparable form: NFC (NFKC when Arabic: presentation forms -> letters), case-folded,
// without whitespace, invisible format characters or variation selectors
// (which layout does not draw). Emoji beyond the BMP must be there.
std::u32string comparable(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  bool arabic = false;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1))
    arabic = arabic || is_arabic(s.char32At(i));
  const icu::Normalizer2* norm =
      arabic ? icu::Normalizer2::getNFKCInstance(status) : icu::Normalizer2::getNFCInstance(status);
  // Case-folded: small-caps headings are drawn in capitals.
  icu::UnicodeString n = norm->normalize(s, status).foldCase();
  std::u32string out;
  for (int32_t i = 0; i < n.length(); i = n.moveIndex32(i, 1)) {
    UChar32 c = n.char32At(i);
    if (u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR ||
        u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR) || c == 0xFFFD)
      continue;
    out += static_cast<char32_t>(c);
  }
  return out;
}

std::string utf8(const std::u32string& s) {
  icu::UnicodeString u;
  for (char32_t c : s)
    u.append(static_cast<UChar32>(c));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Every string the text layer must hold, with where it comes from.
struct Expected {
  std::string what;
  std::string text;
};

void add(std::vector<Expected>& out, const std::string& what, const std::string& text) {
  if (!comparable(text).empty())
    out.push_back({what, text});
}

void add_details(std::vector<Expected>& out, const std::string& where, const EntryDetails& d,
                 const Locale& locale, const detail::RenderCvDateText* rcv) {
  add(out, where + ".dates", detail::format_dates(d.dates, locale, rcv));
  for (const auto& h : d.highlights) {
    add(out, where + ".highlight", h.text.plain());
    for (const auto& c : h.children)
      add(out, where + ".highlight.child", c.plain());
  }
}

// `rcv`: RenderCV's date templates when the CV uses a RenderCV theme.
std::vector<Expected> model_strings(const Cv& cv, const detail::RenderCvDateText* rcv) {
  std::vector<Expected> out;
  add(out, "name", cv.header.name.full);
  add(out, "name.native", cv.header.name.native);
  add(out, "headline", cv.header.headline.plain());
  const std::string tag = detail::resolve_language(cv.locale.language);
  for (const auto& section : cv.sections) {
    const std::string where = "section '" + section.key + "'";
    add(out, where + ".title", detail::section_display_title(section.key, section.title, tag));
    for (const auto& entry : section.entries) {
      std::visit(
          [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, EducationEntry>) {
              add(out, where + ".institution", e.institution.plain());
              add(out, where + ".area", e.area.plain());
              add_details(out, where, e.details, cv.locale, rcv);
            } else if constexpr (std::is_same_v<T, ExperienceEntry>) {
              add(out, where + ".company", e.company.plain());
              add(out, where + ".position", e.position.plain());
              add_details(out, where, e.details, cv.locale, rcv);
            } else if constexpr (std::is_same_v<T, NormalEntry>) {
              add(out, where + ".name", e.name.plain());
              add_details(out, where, e.details, cv.locale, rcv);
            } else if constexpr (std::is_same_v<T, PublicationEntry>) {
              add(out, where + ".title", e.title.plain());
              for (const auto& a : e.authors)
                add(out, where + ".author", a.name.plain());
              add(out, where + ".dates", detail::format_dates(e.dates, cv.locale, rcv));
            } else if constexpr (std::is_same_v<T, TalkEntry>) {
              add(out, where + ".title", e.title.plain());
              for (const auto& ev : e.events) {
                add(out, where + ".event", ev.name.plain());
                add(out, where + ".event.dates", detail::format_dates(ev.dates, cv.locale, rcv));
              }
            } else if constexpr (std::is_same_v<T, ServiceEntry>) {
              add(out, where + ".role", e.role.plain());
              add(out, where + ".event", e.event.plain());
              add(out, where + ".dates", detail::format_dates(e.dates, cv.locale, rcv));
            } else if constexpr (std::is_same_v<T, PatentEntry>) {
              add(out, where + ".title", e.title.plain());
              add(out, where + ".number", e.patent_number);
              add(out, where + ".dates", detail::format_dates(e.dates, cv.locale, rcv));
            } else if constexpr (std::is_same_v<T, OneLineEntry>) {
              add(out, where + ".label", e.label.plain());
              add(out, where + ".details", e.details.plain());
            } else if constexpr (std::is_same_v<T, BulletEntry>) {
              add(out, where + ".bullet", e.bullet.plain());
            } else if constexpr (std::is_same_v<T, NumberedEntry>) {
              add(out, where + ".item", e.number.plain());
            } else if constexpr (std::is_same_v<T, ReversedNumberedEntry>) {
              add(out, where + ".item", e.reversed_number.plain());
            } else if constexpr (std::is_same_v<T, TextEntry>) {
              add(out, where + ".text", e.text.plain());
            }
          },
          entry);
    }
  }
  return out;
}

struct Rendered {
  fs::path pdf;
  std::u32string text; // comparable form of the whole text layer
};

// Renders `file` with the pdf backend into `dir`.
Rendered render(const fs::path& file, const fs::path& dir, const Cv& cv,
                const std::string& style = {}) {
  const Backend* backend = find_backend("pdf");
  REQUIRE(backend != nullptr);
  RenderOptions options;
  options.base_dir = file.parent_path();
  options.style = style;
  RenderResult result = backend->render(cv, options);
  Rendered r;
  r.pdf = dir / (file.stem().string() + (style.empty() ? "" : "-" + style) + ".pdf");
  std::ofstream(r.pdf, std::ios::binary) << result.bytes;
  const std::string q = "'" + r.pdf.string() + "'";
  // Reading order and content-stream order: a string may be found in either.
  r.text = comparable(run("pdftotext -enc UTF-8 " + q + " -")) + U"\n" +
           comparable(run("pdftotext -raw -enc UTF-8 " + q + " -"));
  return r;
}

bool is_rtl_letter(char32_t c) {
  return is_arabic(static_cast<UChar32>(c)) || (c >= 0x0590 && c <= 0x05FF);
}

// Right-to-left text may come out in visual order.
bool holds_either_way(const std::u32string& layer, std::u32string want) {
  if (layer.find(want) != std::u32string::npos)
    return true;
  std::reverse(want.begin(), want.end());
  return layer.find(want) != std::u32string::npos;
}

bool holds(const std::u32string& layer, const std::string& text) {
  const std::u32string want = comparable(text);
  if (holds_either_way(layer, want))
    return true;
  // Right-to-left text with digits, Latin words or brackets: pdftotext orders
  // the runs its own way, so each word (letters and digits) is looked for;
  // words mixing both directions are skipped.
  if (std::none_of(want.begin(), want.end(), is_rtl_letter))
    return false;
  std::vector<std::u32string> words;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::string piece;
  auto flush = [&] {
    if (!piece.empty())
      words.push_back(comparable(piece));
    piece.clear();
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c))
      icu::UnicodeString(c).toUTF8String(piece);
    else
      flush();
  }
  flush();
  for (const auto& word : words) {
    const auto rtl = std::count_if(word.begin(), word.end(), is_rtl_letter);
    if (rtl != 0 && static_cast<std::size_t>(rtl) != word.size())
      continue;
    if (!word.empty() && !holds_either_way(layer, word))
      return false;
  }
  return true;
}

double attribute(const std::string& line, const char* name) {
  std::string key = std::string(name) + "=\"";
  auto at = line.find(key);
  return at == std::string::npos ? -1 : std::atof(line.c_str() + at + key.size());
}

struct Outside {
  std::string text; ///< page, word and box
};

// Words outside the style's text area (1.5 pt tolerance), from
// `pdftotext -bbox` (boxes span the font's ascent and descent). RenderCV
// themes set their top note and footer in the margins: there one line per
// band and page may lie wholly inside the top or bottom margin.
std::vector<Outside> words_outside(const fs::path& pdf, const detail::Style& style) {
  const double tolerance = 1.5;
  std::vector<Outside> bad;
  const bool furniture = style.rendercv_dates;
  double top_line = -1, bottom_line = -1; // yMin of the one furniture line per band
  std::string html = run("pdftotext -bbox -enc UTF-8 '" + pdf.string() + "' -");
  double width = 0, height = 0;
  int page = 0;
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t end = html.find('\n', pos);
    if (end == std::string::npos)
      end = html.size();
    std::string line = html.substr(pos, end - pos);
    pos = end + 1;
    if (line.find("<page ") != std::string::npos) {
      width = attribute(line, "width");
      height = attribute(line, "height");
      ++page;
      top_line = bottom_line = -1;
    } else if (line.find("<word ") != std::string::npos) {
      double x0 = attribute(line, "xMin"), y0 = attribute(line, "yMin");
      double x1 = attribute(line, "xMax"), y1 = attribute(line, "yMax");
      const bool x_out =
          x0 < style.margin_left - tolerance || x1 > width - style.margin_right + tolerance;
      const double y_over =
          std::max(style.margin_top - y0, y1 - (height - style.margin_bottom)) - tolerance;
      bool in_band = false;
      if (furniture && !x_out && y0 >= 0 && y1 <= style.margin_top) {
        in_band = top_line < 0 || top_line == y0;
        top_line = y0;
      } else if (furniture && !x_out && y0 >= height - style.margin_bottom && y1 <= height) {
        in_band = bottom_line < 0 || bottom_line == y0;
        bottom_line = y0;
      }
      if (x_out || (y_over > 0 && !in_band)) {
        auto gt = line.find('>');
        auto lt = line.rfind("</word>");
        std::string word = gt != std::string::npos && lt != std::string::npos && lt > gt
                               ? line.substr(gt + 1, lt - gt - 1)
                               : line;
        bad.push_back({"page " + std::to_string(page) + ": '" + word + "' at x " +
                       std::to_string(x0) + ".." + std::to_string(x1) + ", y " +
                       std::to_string(y0) + ".." + std::to_string(y1)});
      }
    }
  }
  return bad;
}

std::vector<fs::path> example_files() {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(CVPRESS_SOURCE_DIR) / "examples";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  files.push_back(fs::path(CVPRESS_SOURCE_DIR) / "tests/pdf/multilingual.yaml");
  return files;
}

} // namespace

TEST_CASE("pdf examples: the text layer holds every model string") {
  if (!have_tool("pdftotext")) {
    FAIL("pdftotext missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  ScratchDir dir;
  for (const auto& file : example_files()) {
    INFO("example: ", file.filename().string());
    LoadResult loaded = load_cv_file(file);
    Rendered r = render(file, dir.path, loaded.cv);
    const detail::Style style = detail::resolve_style({}, loaded.cv.design);
    const detail::RenderCvDateText rcv{style.rendercv.single_date, style.rendercv.date_range};
    for (const auto& e : model_strings(loaded.cv, style.rendercv_dates ? &rcv : nullptr)) {
      INFO(e.what, ": ", e.text);
      CHECK(holds(r.text, e.text));
    }
    for (const auto& word : words_outside(r.pdf, style)) {
      INFO("outside the text area: ", word.text);
      CHECK(false);
    }
  }
}

TEST_CASE("pdf examples: names in many scripts are in the text layer") {
  if (!have_tool("pdftotext")) {
    FAIL("pdftotext missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  ScratchDir dir;
  const fs::path file = fs::path(CVPRESS_SOURCE_DIR) / "tests/pdf/multilingual.yaml";
  LoadResult loaded = load_cv_file(file);
  Rendered r = render(file, dir.path, loaded.cv);
  for (const char* name : {"陈巧玲", "김민준", "山田太郎", "Nguyễn Văn Việt",
                           "Γεώργιος Παπαδόπουλος", "Дмитрий Иванов", "محمد", "דוד"}) {
    INFO("name: ", name, "\ntext layer: ", utf8(r.text));
    CHECK(holds(r.text, name));
  }
  // Shaped Arabic is drawn with presentation forms; the ToUnicode map gives
  // back the plain letters, so the raw text layer (no NFKC) has the name.
  const std::string raw = run("pdftotext -enc UTF-8 '" + r.pdf.string() + "' -");
  CHECK(raw.find("محمد") != std::string::npos);
  CHECK(raw.find("דוד") != std::string::npos);
}

TEST_CASE("pdf examples: text runs are as wide in the PDF as layout measured them") {
  // The painter draws each TextItem's shaped glyphs with their advances (TJ
  // adjustments against the fonts' PDF widths): right-aligned dates end where
  // layout put them only if an item's width is its glyphs' advances. Kerning
  // makes some runs narrower than their characters' nominal widths.
  int kerned = 0;
  for (const auto& file : example_files()) {
    INFO("example: ", file.filename().string());
    LoadResult loaded = load_cv_file(file);
    const detail::LaidOutDocument doc = detail::layout_cv(
        loaded.cv, detail::resolve_style({}, loaded.cv.design), file.parent_path());
    for (const auto& page : doc.pages)
      for (const auto& item : page.items) {
        const auto* t = std::get_if<detail::TextItem>(&item);
        if (!t || !t->face)
          continue;
        INFO("text: ", t->text);
        REQUIRE(!t->glyphs.empty());
        double shaped = 0, nominal = 0;
        for (const auto& g : t->glyphs)
          shaped += g.advance * t->size / 1000;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(t->text);
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
          nominal +=
              detail::pdf_advance_em(*t->face, static_cast<char32_t>(u.char32At(i))) * t->size;
        CHECK(std::abs(shaped - t->width) < 1e-9);
        kerned += shaped < nominal - 0.01;
      }
  }
  CHECK(kerned > 0);
}

TEST_CASE("pdf examples: every built-in style keeps the text layer and the margins") {
  if (!have_tool("pdftotext")) {
    FAIL("pdftotext missing (a required test tool: scripts/install-deps.sh installs it)");
  }
  ScratchDir dir;
  for (const char* name : {"showcase.yaml", "qiaoling-chen-homepage.yaml"}) {
    const fs::path file = fs::path(CVPRESS_SOURCE_DIR) / "examples" / name;
    LoadResult loaded = load_cv_file(file);
    for (const auto& info : builtin_styles()) {
      INFO("example: ", std::string(name), ", style: ", info.name);
      Rendered r = render(file, dir.path, loaded.cv, info.name);
      // --style: CLDR dates, RenderCV's under a RenderCV theme style.
      const detail::RenderCvDateText rcv_text{};
      const bool rcv = detail::is_rendercv_theme(info.name);
      for (const auto& e : model_strings(loaded.cv, rcv ? &rcv_text : nullptr)) {
        INFO(e.what, ": ", e.text);
        CHECK(holds(r.text, e.text));
      }
      RenderOptions options;
      options.style = info.name;
      const detail::Style style = detail::resolve_style(options, loaded.cv.design);
      for (const auto& word : words_outside(r.pdf, style)) {
        INFO("outside the text area: ", word.text);
        CHECK(false);
      }
    }
  }
}

TEST_CASE("pdf examples: emoji section headings are drawn, not replaced") {
  if (!have_tool("pdftotext") || !have_tool("pdffonts")) {
    FAIL("pdftotext or pdffonts missing (a required test tool: scripts/install-deps.sh installs "
         "it)");
  }
  const fs::path file = fs::path(CVPRESS_SOURCE_DIR) / "examples/qiaoling-chen-homepage.yaml";
  LoadResult loaded = load_cv_file(file);
  const Backend* backend = find_backend("pdf");
  REQUIRE(backend != nullptr);
  RenderOptions options;
  options.base_dir = file.parent_path();
  RenderResult result = backend->render(loaded.cv, options);
  for (const auto& w : result.warnings) {
    INFO(w.message);
    CHECK(w.message.find("no installed font") == std::string::npos);
  }
  ScratchDir dir;
  const fs::path pdf = dir.path / "homepage.pdf";
  std::ofstream(pdf, std::ios::binary) << result.bytes;
  const std::string text = run("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  CHECK(text.find("\U0001F4DD Publications") != std::string::npos);
  CHECK(text.find("\U0001F396 Professional Services") != std::string::npos);
  CHECK(text.find("\uFFFD") == std::string::npos);
  // Only Symbola has 📝: its subset is embedded.
  CHECK(run("pdffonts '" + pdf.string() + "'").find("+Symbola ") != std::string::npos);
}

// RenderCV's nine themes (issue 15): each renders every RenderCV example
// with all its text (dates as RenderCV writes them) on US-letter pages, and
// no two themes give the same pages.
TEST_CASE("pdf examples: RenderCV's nine themes render every RenderCV example") {
  if (!have_tool("pdftotext") || !have_tool("pdfinfo")) {
    FAIL("pdftotext or pdfinfo missing (a required test tool: scripts/install-deps.sh installs "
         "it)");
  }
  const std::vector<std::string> themes = {
      "classic", "ember", "engineeringclassic", "engineeringresumes", "harvard", "ink", "moderncv",
      "opal",    "sb2nov"};
  ScratchDir dir;
  const fs::path data = fs::path(CVPRESS_SOURCE_DIR) / "tests/data/rendercv";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(data))
    if (e.path().filename().string().starts_with("John_Doe_"))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 9);
  std::map<std::string, std::string> first_pages; // theme -> layout trace of one example
  for (const auto& file : files) {
    LoadResult loaded = load_cv_file(file);
    for (const auto& theme : themes) {
      INFO("file: ", file.filename().string(), ", theme: ", theme);
      RenderOptions options;
      options.style = theme;
      const detail::Style style = detail::resolve_style(options, loaded.cv.design);
      CHECK(style.rendercv_dates);
      const fs::path sub = dir.path / theme;
      fs::create_directories(sub);
      Rendered r = render(file, sub, loaded.cv, theme);
      const detail::RenderCvDateText rcv{style.rendercv.single_date, style.rendercv.date_range};
      // Justified themes hyphenate (as RenderCV's do): "mod-" "eling".
      auto no_hyphens = [](std::u32string t) {
        std::erase_if(t, [](char32_t c) { return c == U'-' || c == U'\u2010'; });
        return t;
      };
      const std::u32string layer = no_hyphens(r.text);
      for (const auto& e : model_strings(loaded.cv, &rcv)) {
        INFO(e.what, ": ", e.text);
        CHECK((holds(r.text, e.text) ||
               layer.find(no_hyphens(comparable(e.text))) != std::u32string::npos));
      }
      const std::string info = run("pdfinfo '" + r.pdf.string() + "'");
      CHECK(info.find("612 x 792 pts (letter)") != std::string::npos);
      if (file.filename() == "John_Doe_ClassicTheme_CV.yaml") // its layout trace
        first_pages[theme] = detail::trace(detail::layout_cv(loaded.cv, style, data));
    }
  }
  // Pairwise different: the traces (fonts, colours, positions of every item).
  REQUIRE(first_pages.size() == themes.size());
  for (const auto& [a, pa] : first_pages)
    for (const auto& [b, pb] : first_pages)
      if (a < b) {
        INFO(a, " vs ", b);
        CHECK(pa != pb);
      }
}

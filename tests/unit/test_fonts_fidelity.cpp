// Glyph fidelity through libharu: subset fonts drawn with libharu's UTF-8
// encoder, the PDF's embedded font programs pulled back out (qpdf), and every
// drawn character's glyph compared with the source face's outline. Catches
// the blank CJK/Hangul glyphs and lost accents of libharu's own subsetting.
// The painter's own embedding is checked the same way for characters beyond
// the BMP (emoji), which libharu's UTF-8 encoder cannot reach.
#include "../fonts/glyph_outline.hpp"
#include "backends/pdf/painter.hpp"
#include "fonts/font_face.hpp"
#include "fonts/font_set.hpp"

#include <doctest/doctest.h>

#include <hpdf.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace cvpress::detail;
namespace fs = std::filesystem;
using cvpress::test::font_from_bytes;
using cvpress::test::glyph_shape;
using cvpress::test::outline_distance;

namespace {

struct Sample {
  const char* family;
  bool bold;
  const char* utf8;
};

// محمد as presentation forms in visual (left-to-right drawing) order.
const char* const arabic_name = "\uFEAA\uFEE4\uFEA4\uFEE3";

const Sample samples[] = {
    {"WenQuanYi Micro Hei", false, "陈巧玲"},      {"WenQuanYi Micro Hei", false, "김민준"},
    {"DejaVu Sans", false, "Nguyễn Văn Việt ễ ế"}, {"Noto Sans", false, "Nguyễn Văn Việt ễ ế"},
    {"Noto Sans", false, "Ζωή Ελληνικά"},          {"Noto Sans", false, "Дмитрий"},
    {"Noto Sans Arabic", false, arabic_name},      {"Noto Naskh Arabic", false, arabic_name},
    {"DejaVu Sans", false, arabic_name},           {"Noto Sans Hebrew", false, "דוד"},
    {"Noto Sans", false, "Qinghao Hu Zürich"},     {"Noto Sans", true, "Qinghao Hu Zürich"},
    {"DejaVu Sans", false, "Qinghao Hu Zürich"},
};

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n; ++k)
      cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string run(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
      out.append(buf, n);
    pclose(p);
  }
  return out;
}

// Objects of a QDF-mode PDF (qpdf --qdf): dictionary text and stream data.
struct PdfObject {
  std::string dict;
  std::string data;
};

std::map<int, PdfObject> read_qdf(const std::string& pdf) {
  std::map<int, PdfObject> objs;
  std::size_t pos = 0;
  for (int k = 1;; ++k) {
    const std::string head = "\n" + std::to_string(k) + " 0 obj\n";
    const std::size_t at = pdf.find(head, pos);
    if (at == std::string::npos)
      break;
    const std::size_t start = at + head.size();
    const std::size_t end_obj = pdf.find("\nendobj", start);
    const std::size_t stream = pdf.find("\nstream\n", start);
    PdfObject& o = objs[k];
    if (stream != std::string::npos && stream < end_obj) {
      o.dict = pdf.substr(start, stream - start);
      // The length is the next object in QDF files: "k+1 0 obj\nLEN\nendobj".
      const std::size_t data = stream + 8;
      const std::string len_head = "\n" + std::to_string(k + 1) + " 0 obj\n";
      const std::size_t end_stream = pdf.find("endstream\nendobj", data);
      const std::size_t len_at = pdf.find(len_head, end_stream);
      REQUIRE(len_at != std::string::npos);
      const std::size_t len = std::stoul(pdf.substr(len_at + len_head.size(), 20));
      o.data = pdf.substr(data, len);
      pos = data + len;
    } else {
      o.dict = pdf.substr(start, end_obj - start);
      pos = end_obj;
    }
  }
  return objs;
}

// The object number of `/Key N 0 R` in a dictionary, or 0.
int ref(const std::string& dict, const std::string& key) {
  std::smatch m;
  if (std::regex_search(dict, m, std::regex("/" + key + "\\s+(\\d+) 0 R")))
    return std::stoi(m[1]);
  return 0;
}

// Widths from a CIDFont's /W array and /DW.
std::map<unsigned, int> widths(const std::string& dict, int& dw) {
  std::smatch m;
  dw = 1000;
  if (std::regex_search(dict, m, std::regex("/DW\\s+(\\d+)")))
    dw = std::stoi(m[1]);
  std::map<unsigned, int> w;
  const std::size_t at = dict.find("/W [");
  if (at == std::string::npos)
    return w;
  std::istringstream in(dict.substr(at + 4));
  std::vector<std::string> tok;
  int depth = 1;
  for (std::string t; depth > 0 && in >> t;) {
    if (t == "[")
      ++depth;
    if (t == "]")
      --depth;
    tok.push_back(t);
  }
  for (std::size_t i = 0; i + 1 < tok.size();) {
    const unsigned first = static_cast<unsigned>(std::stoul(tok[i]));
    if (tok[i + 1] == "[") {
      std::size_t j = i + 2;
      for (unsigned c = first; tok[j] != "]"; ++j, ++c)
        w[c] = std::stoi(tok[j]);
      i = j + 1;
    } else { // c_first c_last w
      for (unsigned c = first; c <= std::stoul(tok[i + 1]); ++c)
        w[c] = std::stoi(tok[i + 2]);
      i += 3;
    }
  }
  return w;
}

unsigned hex_byte(const std::string& h, std::size_t i) {
  return static_cast<unsigned>(std::stoul(h.substr(i, 2), nullptr, 16));
}

// An embedded glyph (id `gid` in `emb`, PDF width `pdf_w`) equals the source
// glyph of `cp` in `face`: same outline, not blank, same width.
void check_embedded_glyph(const FontFace& face, hb_font_t* emb, char32_t cp, unsigned gid,
                          int pdf_w) {
  const auto want = glyph_shape(hb_font(face), glyph_id(face, cp));
  const auto got = glyph_shape(emb, gid);
  if (cp != U' ') {
    CHECK(gid != 0);
    CHECK(got.contours() > 0); // not blank
  }
  CHECK(got.contours() == want.contours());
  CHECK(outline_distance(want, got) == 0);
  CHECK(pdf_w == doctest::Approx(pdf_advance_em(face, cp) * 1000).epsilon(1e-9));
}

// The page's font resources (/F1 -> object number) and its content stream.
std::pair<std::map<std::string, int>, std::string>
page_fonts(const std::map<int, PdfObject>& objs) {
  std::map<std::string, int> resources;
  std::string content;
  for (const auto& [num, o] : objs) {
    if (o.dict.find("/Type /Page\n") != std::string::npos ||
        o.dict.find("/Type /Page ") != std::string::npos) {
      const std::size_t f = o.dict.find("/Font <<");
      REQUIRE(f != std::string::npos);
      const std::string fd = o.dict.substr(f, o.dict.find(">>", f) - f);
      const std::regex entry("/(F\\d+)\\s+(\\d+) 0 R");
      for (std::sregex_iterator it(fd.begin(), fd.end(), entry), e; it != e; ++it)
        resources[(*it)[1]] = std::stoi((*it)[2]);
      content = objs.at(ref(o.dict, "Contents")).data;
    }
  }
  REQUIRE(!content.empty());
  return {resources, content};
}

} // namespace

TEST_CASE("subset fonts survive libharu: embedded glyphs equal the source glyphs") {
  auto& cat = FontCatalog::shared();
  REQUIRE_MESSAGE(!run("command -v qpdf pdffonts").empty(), "qpdf and pdffonts are needed");

  // One subset per face for all its strings, as the painter does.
  std::map<const FontFace*, std::set<char32_t>> used;
  for (const auto& s : samples) {
    const FontFace* face = cat.find(s.family, s.bold, false);
    REQUIRE_MESSAGE(face != nullptr, s.family);
    for (char32_t cp : decode_utf8(s.utf8))
      used[face].insert(cp);
  }
  const fs::path dir = fs::path(CVPRESS_BINARY_DIR) / "fonts_fidelity";
  fs::create_directories(dir);

  HPDF_Doc pdf = HPDF_New(
      [](HPDF_STATUS e, HPDF_STATUS d, void*) {
        FAIL("libharu error " << std::hex << e << " detail " << std::dec << d);
      },
      nullptr);
  REQUIRE(pdf != nullptr);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  std::map<const FontFace*, HPDF_Font> fonts;
  std::map<const FontFace*, std::size_t> subset_size;
  int n = 0;
  for (const auto& [face, cps] : used) {
    const std::string ttf = build_subset_ttf(*face, cps);
    subset_size[face] = ttf.size();
    const fs::path file = dir / ("subset" + std::to_string(n++) + ".ttf");
    std::ofstream(file, std::ios::binary) << ttf;
    const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
    REQUIRE(name != nullptr);
    fonts[face] = HPDF_GetFont(pdf, name, "UTF-8");
    REQUIRE(fonts[face] != nullptr);
  }
  HPDF_Page page = HPDF_AddPage(pdf);
  float y = 780;
  for (const auto& s : samples) {
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, fonts[cat.find(s.family, s.bold, false)], 18);
    HPDF_Page_TextOut(page, 40, y, s.utf8);
    HPDF_Page_EndText(page);
    y -= 30;
  }
  const fs::path out = dir / "fidelity.pdf";
  REQUIRE(HPDF_SaveToFile(pdf, out.c_str()) == HPDF_OK);
  HPDF_Free(pdf);

  const auto pdf_size = fs::file_size(out);
  MESSAGE("PDF with " << used.size() << " subset fonts: " << pdf_size << " bytes");
  CHECK(pdf_size < 40000);

  // pdffonts: every font embedded and subset.
  const std::string listing = run("pdffonts '" + out.string() + "' 2>&1");
  std::istringstream lines(listing);
  int font_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("CID TrueType") == std::string::npos)
      continue;
    ++font_lines;
    std::vector<std::string> t;
    std::istringstream words(line);
    for (std::string w; words >> w;)
      t.push_back(w);
    REQUIRE(t.size() >= 6);
    CAPTURE(line);
    CHECK(t[t.size() - 5] == "yes"); // emb
    CHECK(t[t.size() - 4] == "yes"); // sub
    CHECK(t[t.size() - 3] == "yes"); // uni
    CHECK(t[0].find('+') == 6);      // subset tag prefix
  }
  CHECK(font_lines == static_cast<int>(used.size()));

  // Pull the objects back out, uncompressed.
  const fs::path qdf = dir / "fidelity.qdf.pdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + out.string() + "' '" + qdf.string() + "'")
                  .c_str()) == 0);
  std::ifstream qin(qdf, std::ios::binary);
  const std::string qtext((std::istreambuf_iterator<char>(qin)), std::istreambuf_iterator<char>());
  const auto objs = read_qdf(qtext);
  REQUIRE(!objs.empty());

  // Page resources: /F1 7 0 R ...; content: "/F1 18 Tf ... <hex> Tj".
  const auto [resources, content] = page_fonts(objs);

  std::map<int, hb_font_t*> embedded; // Type0 object -> embedded font program
  std::size_t total_embedded = 0;
  const std::regex show("/(F\\d+) [\\d.]+ Tf[^<]*<([0-9a-fA-F]*)> Tj");
  std::size_t sample = 0;
  int glyphs_checked = 0;
  for (std::sregex_iterator it(content.begin(), content.end(), show), e; it != e; ++it, ++sample) {
    REQUIRE(sample < std::size(samples));
    const Sample& s = samples[sample];
    const std::string family = s.family, utf8 = s.utf8;
    CAPTURE(family);
    CAPTURE(utf8);
    const FontFace* face = cat.find(s.family, s.bold, false);
    const int type0 = resources.at((*it)[1]);
    const std::string& type0_dict = objs.at(type0).dict;
    const std::size_t desc = type0_dict.find("/DescendantFonts [");
    REQUIRE(desc != std::string::npos);
    const int cidfont = std::stoi(type0_dict.substr(desc + 18));
    const std::string& cid_dict = objs.at(cidfont).dict;
    const std::string& cid_to_gid = objs.at(ref(cid_dict, "CIDToGIDMap")).data;
    const int descriptor = ref(cid_dict, "FontDescriptor");
    const int file2 = ref(objs.at(descriptor).dict, "FontFile2");
    REQUIRE(file2 != 0);
    if (!embedded.count(type0)) {
      const std::string& program = objs.at(file2).data;
      total_embedded += program.size();
      MESSAGE(family << (s.bold ? std::string(" Bold") : std::string()) << ": subset "
                     << subset_size[face] << " bytes, embedded FontFile2 " << program.size()
                     << " bytes");
      CHECK(program.size() < 12000);
      embedded[type0] = font_from_bytes(program);
    }
    hb_font_t* emb = embedded[type0];
    int dw = 0;
    const auto w = widths(cid_dict, dw);

    const std::string hex = (*it)[2];
    const std::u32string text = decode_utf8(s.utf8);
    REQUIRE(hex.size() == 4 * text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char32_t cp = text[i];
      CAPTURE(static_cast<unsigned>(cp));
      const unsigned cid = hex_byte(hex, 4 * i) << 8 | hex_byte(hex, 4 * i + 2);
      CHECK(cid == static_cast<unsigned>(cp)); // UTF-8 encoder: CID = code point
      REQUIRE(2 * std::size_t(cid) + 1 < cid_to_gid.size());
      const unsigned gid = static_cast<unsigned char>(cid_to_gid[2 * cid]) << 8 |
                           static_cast<unsigned char>(cid_to_gid[2 * cid + 1]);
      REQUIRE(glyph_id(*face, cp) != 0);
      const int pdf_w = w.count(cid) ? w.at(cid) : dw;
      check_embedded_glyph(*face, emb, cp, gid, pdf_w);
      // The width the viewer advances by matches the layout's advance.
      CHECK(std::abs(pdf_w - advance_em(*face, cp) * 1000) < 1.0);
      ++glyphs_checked;
    }
  }
  CHECK(sample == std::size(samples));
  MESSAGE(glyphs_checked << " glyphs compared; embedded font programs total " << total_embedded
                         << " bytes");
  for (auto& [num, f] : embedded)
    hb_font_destroy(f);
}

TEST_CASE("painter: glyphs beyond the BMP (emoji) are embedded with their exact outlines") {
  auto& cat = FontCatalog::shared();
  REQUIRE_MESSAGE(!run("command -v qpdf").empty(), "qpdf is needed");
  struct Drawn {
    const char* family;
    std::u32string text;
  };
  // 📝 and 🎖 as in the homepage example's headings; 𝔸 and 😀 from DejaVu
  // Sans, 🎖 also from Noto Sans Symbols2. Each run gets its own size, so the
  // content stream selects a font (Tf) before every run.
  const Drawn drawn[] = {{"Symbola", U"\U0001F4DD\U0001F396 \U0001D538A"},
                         {"Noto Sans Symbols2", U"\U0001F396"},
                         {"DejaVu Sans", U"\U0001D538\U0001F600"}};
  cvpress::detail::LaidOutDocument doc;
  cvpress::detail::Page page;
  double size = 20;
  for (const auto& d : drawn) {
    const FontFace* face = cat.find(d.family);
    REQUIRE_MESSAGE(face != nullptr, d.family);
    cvpress::detail::TextItem t;
    t.face = face;
    t.x = 40;
    t.y = 700 - size * 2;
    t.size = size++;
    for (char32_t cp : d.text) {
      REQUIRE(has_glyph(*face, cp));
      char buf[4];
      const int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      buf[0] = static_cast<char>(n == 1   ? cp
                                 : n == 2 ? 0xC0 | cp >> 6
                                 : n == 3 ? 0xE0 | cp >> 12
                                          : 0xF0 | cp >> 18);
      for (int k = 1; k < n; ++k)
        buf[k] = static_cast<char>(0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3F));
      t.text.append(buf, static_cast<std::size_t>(n));
    }
    page.items.emplace_back(t);
  }
  doc.pages.push_back(page);
  const fs::path dir = fs::path(CVPRESS_BINARY_DIR) / "fonts_fidelity";
  fs::create_directories(dir);
  const fs::path out = dir / "painter_emoji.pdf";
  std::ofstream(out, std::ios::binary) << cvpress::detail::paint_pdf(doc);
  const fs::path qdf = dir / "painter_emoji.qdf.pdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + out.string() + "' '" + qdf.string() + "'")
                  .c_str()) == 0);
  std::ifstream qin(qdf, std::ios::binary);
  const std::string qtext((std::istreambuf_iterator<char>(qin)), std::istreambuf_iterator<char>());
  const auto objs = read_qdf(qtext);

  const auto [resources, content] = page_fonts(objs);

  const std::regex show("/(F\\d+) [\\d.]+ Tf[^<]*<([0-9a-fA-F]*)> Tj");
  std::size_t run_index = 0;
  int checked = 0;
  for (std::sregex_iterator it(content.begin(), content.end(), show), e; it != e;
       ++it, ++run_index) {
    REQUIRE(run_index < std::size(drawn));
    const Drawn& d = drawn[run_index];
    const std::string family = d.family;
    CAPTURE(family);
    const FontFace* face = cat.find(d.family);
    const std::string& type0 = objs.at(resources.at((*it)[1])).dict;
    CHECK(type0.find("/Encoding /Identity-H") != std::string::npos);
    const std::size_t desc = type0.find("/DescendantFonts [");
    REQUIRE(desc != std::string::npos);
    const std::string& cid_dict = objs.at(std::stoi(type0.substr(desc + 18))).dict;
    CHECK(cid_dict.find("/CIDToGIDMap /Identity") != std::string::npos); // code = glyph id
    const int file2 = ref(objs.at(ref(cid_dict, "FontDescriptor")).dict, "FontFile2");
    REQUIRE(file2 != 0);
    hb_font_t* emb = font_from_bytes(objs.at(file2).data);
    const std::string& to_unicode = objs.at(ref(type0, "ToUnicode")).data;
    int dw = 0;
    const auto w = widths(cid_dict, dw);
    const std::string hex = (*it)[2];
    REQUIRE(hex.size() == 4 * d.text.size());
    for (std::size_t i = 0; i < d.text.size(); ++i) {
      const char32_t cp = d.text[i];
      CAPTURE(static_cast<unsigned>(cp));
      const unsigned gid = hex_byte(hex, 4 * i) << 8 | hex_byte(hex, 4 * i + 2);
      check_embedded_glyph(*face, emb, cp, gid, w.count(gid) ? w.at(gid) : dw);
      // The text layer maps the glyph back to the character (UTF-16BE).
      char map[32];
      if (cp > 0xFFFF)
        std::snprintf(map, sizeof map, "<%04x> <%04x%04x>", gid,
                      0xD800 + ((static_cast<unsigned>(cp) - 0x10000) >> 10),
                      0xDC00 + ((static_cast<unsigned>(cp) - 0x10000) & 0x3FF));
      else
        std::snprintf(map, sizeof map, "<%04x> <%04x>", gid, static_cast<unsigned>(cp));
      std::string lower = to_unicode;
      for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(lower.find(map) != std::string::npos);
      ++checked;
    }
    hb_font_destroy(emb);
  }
  CHECK(run_index == std::size(drawn));
  CHECK(checked == 8);
}

namespace {

// Loads `ttf` into a libharu document, draws `cps` with it and saves; false
// on any libharu error.
bool libharu_accepts(const std::string& ttf, const std::set<char32_t>& cps, const fs::path& file) {
  std::ofstream(file, std::ios::binary) << ttf;
  bool ok = true;
  HPDF_Doc pdf = HPDF_New(
      [](HPDF_STATUS, HPDF_STATUS, void* ok_flag) { *static_cast<bool*>(ok_flag) = false; }, &ok);
  HPDF_UseUTFEncodings(pdf);
  const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
  HPDF_Font font = name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
  if (font) {
    std::string utf8;
    for (char32_t cp : cps) {
      if (cp > 0xFFFF) {
        continue; // libharu's UTF-8 encoder reaches the BMP only
      } else if (cp < 0x80) {
        utf8 += static_cast<char>(cp);
      } else if (cp < 0x800) {
        utf8 += static_cast<char>(0xC0 | cp >> 6);
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        utf8 += static_cast<char>(0xE0 | cp >> 12);
        utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 20, 700, utf8.c_str());
    HPDF_Page_EndText(page);
    HPDF_SaveToStream(pdf);
  }
  HPDF_Free(pdf);
  return ok && font != nullptr;
}

} // namespace

TEST_CASE("every default-chain face, in every variant, gives a subset libharu accepts") {
  // The emoji and 𝔸 give Symbola's subset a format-12 cmap as well.
  const std::u32string mix =
      U"Aa Zü ễ ß Ωω Жж ﻣﺤ م ש 陈김 ★✓☎→⚡ ∑ ♫ 0{} 📝🎖𝔸";
  const char* families[] = {"Noto Sans",          "DejaVu Sans",         "Noto Sans Arabic",
                            "Noto Sans Hebrew",   "WenQuanYi Micro Hei", "Noto Sans Symbols",
                            "Noto Sans Symbols2", "DejaVu Sans Mono",    "Symbola"};
  const fs::path dir = fs::path(CVPRESS_BINARY_DIR) / "fonts_fidelity";
  fs::create_directories(dir);
  for (const char* family : families)
    for (int variant = 0; variant < 4; ++variant) {
      const std::string fam = family;
      CAPTURE(fam);
      CAPTURE(variant);
      const FontFace* face = FontCatalog::shared().find(family, variant & 1, variant & 2);
      REQUIRE(face != nullptr);
      std::set<char32_t> cps;
      for (char32_t cp : mix)
        if (has_glyph(*face, cp))
          cps.insert(cp);
      CHECK(!cps.empty());
      const std::string ttf = build_subset_ttf(*face, cps);
      CHECK(libharu_accepts(ttf, cps, dir / "chain.ttf"));
    }
}

TEST_CASE("a face without OS/2 still gives a libharu-ready subset") {
  // Take a small subset and drop its OS/2 table, then subset that font again.
  const FontFace* noto = FontCatalog::shared().find("Noto Sans");
  REQUIRE(noto != nullptr);
  const std::set<char32_t> cps{U'H', U'x', U'é'};
  const std::string full = build_subset_ttf(*noto, cps);
  auto be16 = [&](std::size_t off) {
    return static_cast<unsigned>(static_cast<unsigned char>(full[off]) << 8 |
                                 static_cast<unsigned char>(full[off + 1]));
  };
  std::string stripped = full;
  const unsigned n = be16(4);
  std::string dir_out;
  for (unsigned i = 0; i < n; ++i) {
    const std::string rec = full.substr(12 + 16 * std::size_t(i), 16);
    if (rec.compare(0, 4, "OS/2") != 0)
      dir_out += rec;
  }
  stripped = full.substr(0, 4);
  stripped += static_cast<char>(0);
  stripped += static_cast<char>(n - 1);
  stripped += full.substr(6, 6) + dir_out + std::string(16, '\0'); // keep offsets valid
  stripped += full.substr(12 + 16 * std::size_t(n));

  LoadedFace lf;
  lf.blob = hb_blob_create(stripped.data(), static_cast<unsigned>(stripped.size()),
                           HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
  lf.face = hb_face_create(lf.blob, 0);
  lf.upem = hb_face_get_upem(lf.face);
  lf.font = hb_font_create(lf.face);
  hb_font_set_scale(lf.font, int(lf.upem), int(lf.upem));
  hb_blob_t* os2 = hb_face_reference_table(lf.face, HB_TAG('O', 'S', '/', '2'));
  REQUIRE(hb_blob_get_length(os2) == 0);
  hb_blob_destroy(os2);
  FontFace face;
  face.family = "Noto Sans";
  face.path = "(memory)";
  face.loaded = &lf;

  const std::string again = build_subset_ttf(face, cps);
  hb_font_t* sub = font_from_bytes(again);
  for (char32_t cp : cps) {
    hb_codepoint_t gid = 0;
    REQUIRE(hb_font_get_nominal_glyph(sub, cp, &gid));
    CHECK(outline_distance(glyph_shape(hb_font(*noto), glyph_id(*noto, cp)),
                           glyph_shape(sub, gid)) == 0);
  }
  hb_font_destroy(sub);
  CHECK(libharu_accepts(again, cps, fs::path(CVPRESS_BINARY_DIR) / "fonts_fidelity" / "noos2.ttf"));
}

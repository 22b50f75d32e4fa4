// Glyph fidelity of the PDF: the painter embeds each face's subset
// (subset_font, hb-subset) as a CIDFontType2 font; the PDF's embedded font
// programs are pulled back out (qpdf) and every drawn character's glyph is
// compared with the source face's outline and advance. Catches blank CJK and
// Hangul glyphs, lost accents (composite components) and wrong widths.
#include "../fonts/glyph_outline.hpp"
#include "../fonts/memory_face.hpp"
#include "backends/pdf/painter.hpp"
#include "fonts/font_face.hpp"
#include "fonts/font_set.hpp"
#include "text/unicode.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace cvpress::detail;
namespace fs = std::filesystem;
using cvpress::test::font_from_bytes;
using cvpress::test::font_from_cff;
using cvpress::test::glyph_shape;
using cvpress::test::outline_distance;

namespace {

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

// One run of text in one face.
struct Drawn {
  const FontFace* face;
  std::u32string text;
};

// Paints `drawn` (one run per line, each at its own size so the content
// stream selects a font before every run) into `name`.pdf with the painter,
// checks the file (qpdf --check, pdffonts: every font embedded, subset, with
// a ToUnicode map) and every drawn glyph against its source face: same
// outline, not blank, the PDF width layout measured with, and a ToUnicode
// entry giving the character back. Returns the number of glyphs checked.
int paint_and_check(const std::vector<Drawn>& drawn, const std::string& name) {
  LaidOutDocument doc;
  Page page;
  double size = 12;
  double y = 800;
  for (const auto& d : drawn) {
    TextItem t;
    t.face = d.face;
    t.x = 20;
    t.y = y -= 14;
    t.size = size += 0.25;
    for (char32_t cp : d.text) {
      REQUIRE(has_glyph(*d.face, cp));
      append_utf8(t.text, cp);
    }
    page.items.emplace_back(t);
  }
  doc.pages.push_back(page);
  const fs::path dir = fs::path(CVPRESS_BINARY_DIR) / "fonts_fidelity";
  fs::create_directories(dir);
  const fs::path out = dir / (name + ".pdf");
  std::ofstream(out, std::ios::binary) << paint_pdf(doc);
  MESSAGE(name << ".pdf: " << fs::file_size(out) << " bytes");
  CHECK(run("qpdf --check '" + out.string() + "' >/dev/null 2>&1 && echo ok") == "ok\n");

  // pdffonts: every font embedded and subset, with a ToUnicode map.
  std::set<std::string> files;
  for (const auto& d : drawn)
    files.insert(file_path(*d.face) + "#" + std::to_string(face_index(*d.face)));
  std::istringstream lines(run("pdffonts '" + out.string() + "' 2>&1"));
  std::size_t font_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("CID TrueType") == std::string::npos &&
        line.find("CID Type 0C") == std::string::npos)
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
  CHECK(font_lines == files.size()); // one font per file

  // Pull the objects back out, uncompressed.
  const fs::path qdf = dir / (name + ".qdf.pdf");
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + out.string() + "' '" + qdf.string() + "'")
                  .c_str()) == 0);
  std::ifstream qin(qdf, std::ios::binary);
  const std::string qtext((std::istreambuf_iterator<char>(qin)), std::istreambuf_iterator<char>());
  const auto objs = read_qdf(qtext);
  const auto [resources, content] = page_fonts(objs);

  // FontFile2/FontFile3 object -> embedded font program, and for a CFF
  // program its glyph id of each code (CID).
  std::map<int, hb_font_t*> embedded;
  std::map<int, std::map<unsigned, unsigned>> gid_of_code;
  const std::regex show("/(F\\d+) [\\d.]+ Tf[^<]*<([0-9a-fA-F]*)> Tj");
  std::size_t run_index = 0;
  int checked = 0;
  for (std::sregex_iterator it(content.begin(), content.end(), show), e; it != e;
       ++it, ++run_index) {
    REQUIRE(run_index < drawn.size());
    const Drawn& d = drawn[run_index];
    const std::string family = family_name(*d.face);
    CAPTURE(family);
    CAPTURE(run_index);
    const std::string& type0 = objs.at(resources.at((*it)[1])).dict;
    CHECK(type0.find("/Encoding /Identity-H") != std::string::npos);
    const std::size_t desc = type0.find("/DescendantFonts [");
    REQUIRE(desc != std::string::npos);
    const std::string& cid_dict = objs.at(std::stoi(type0.substr(desc + 18))).dict;
    const std::string& descriptor = objs.at(ref(cid_dict, "FontDescriptor")).dict;
    const bool cff = d.face->loaded->cff;
    const int file2 = ref(descriptor, cff ? "FontFile3" : "FontFile2");
    REQUIRE(file2 != 0);
    if (cff) {
      // OpenType/CFF: a CIDFontType0 over the bare CFF, glyphs by CID.
      CHECK(cid_dict.find("/Subtype /CIDFontType0\n") != std::string::npos);
      CHECK(objs.at(file2).dict.find("/Subtype /CIDFontType0C") != std::string::npos);
      CHECK(cid_dict.find("/CIDToGIDMap") == std::string::npos);
    } else {
      CHECK(cid_dict.find("/Subtype /CIDFontType2") != std::string::npos);
      CHECK(cid_dict.find("/CIDToGIDMap /Identity") != std::string::npos); // code = glyph id
    }
    if (!embedded.count(file2)) {
      const std::string& program = objs.at(file2).data;
      const std::string kind = cff ? "FontFile3 (CFF)" : "FontFile2";
      MESSAGE(family << ": embedded " << kind << " " << program.size() << " bytes");
      CHECK(program.size() < 12000);
      if (cff) {
        const std::vector<unsigned> cids = cff_cids(program);
        CHECK(!cids.empty()); // Noto CJK is CID-keyed
        for (unsigned g = 0; g < cids.size(); ++g)
          gid_of_code[file2][cids[g]] = g;
        embedded[file2] = font_from_cff(program, d.face->loaded->face,
                                        cids.empty() ? 65535 : static_cast<unsigned>(cids.size()));
      } else {
        embedded[file2] = font_from_bytes(program);
      }
    }
    hb_font_t* emb = embedded[file2];
    std::string to_unicode = objs.at(ref(type0, "ToUnicode")).data;
    for (char& c : to_unicode)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int dw = 0;
    const auto w = widths(cid_dict, dw);
    const std::string hex = (*it)[2];
    REQUIRE(hex.size() == 4 * d.text.size());
    for (std::size_t i = 0; i < d.text.size(); ++i) {
      const char32_t cp = d.text[i];
      CAPTURE(static_cast<unsigned>(cp));
      const unsigned code = hex_byte(hex, 4 * i) << 8 | hex_byte(hex, 4 * i + 2);
      const int pdf_w = w.count(code) ? w.at(code) : dw;
      unsigned gid = code;
      if (cff && gid_of_code.count(file2)) {
        REQUIRE(gid_of_code[file2].count(code));
        gid = gid_of_code[file2].at(code);
      }
      check_embedded_glyph(*d.face, emb, cp, gid, pdf_w);
      // The width the viewer advances by matches the layout's advance.
      CHECK(std::abs(pdf_w - advance_em(*d.face, cp) * 1000) < 1.0);
      // The text layer maps the glyph back to the character (UTF-16BE).
      char map[32];
      if (cp > 0xFFFF)
        std::snprintf(map, sizeof map, "<%04x> <%04x%04x>", code,
                      0xD800 + ((static_cast<unsigned>(cp) - 0x10000) >> 10),
                      0xDC00 + ((static_cast<unsigned>(cp) - 0x10000) & 0x3FF));
      else
        std::snprintf(map, sizeof map, "<%04x> <%04x>", code, static_cast<unsigned>(cp));
      // (presentation forms copy as their plain letters)
      if (cp < 0xFB1D || cp > 0xFEFF)
        CHECK(to_unicode.find(map) != std::string::npos);
      ++checked;
    }
  }
  CHECK(run_index == drawn.size());
  for (auto& [num, f] : embedded)
    hb_font_destroy(f);
  return checked;
}

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  for_each_code_point(utf8, [&](char32_t cp) { out.push_back(cp); });
  return out;
}

// محمد as presentation forms in visual (left-to-right drawing) order.
const char* const arabic_name = "\uFEAA\uFEE4\uFEA4\uFEE3";

} // namespace

TEST_CASE("painted PDF: embedded glyphs equal the source glyphs (CJK, Hangul, Vietnamese, "
          "Arabic, ...)") {
  struct Sample {
    const char* family;
    bool bold;
    const char* utf8;
  };
  const Sample samples[] = {
      {"WenQuanYi Micro Hei", false, "陈巧玲"},      {"WenQuanYi Micro Hei", false, "김민준"},
      {"DejaVu Sans", false, "Nguyễn Văn Việt ễ ế"}, {"Noto Sans", false, "Nguyễn Văn Việt ễ ế"},
      {"Noto Sans", false, "Ζωή Ελληνικά"},          {"Noto Sans", false, "Дмитрий"},
      {"Noto Sans Arabic", false, arabic_name},      {"Noto Naskh Arabic", false, arabic_name},
      {"DejaVu Sans", false, arabic_name},           {"Noto Sans Hebrew", false, "דוד"},
      {"Noto Sans", false, "Qinghao Hu Zürich"},     {"Noto Sans", true, "Qinghao Hu Zürich"},
      {"DejaVu Sans", false, "Qinghao Hu Zürich"},
  };
  REQUIRE_MESSAGE(!run("command -v qpdf pdffonts").empty(), "qpdf and pdffonts are needed");
  std::vector<Drawn> drawn;
  for (const auto& s : samples) {
    const FontFace* face = FontCatalog::shared().find(s.family, s.bold, false);
    REQUIRE_MESSAGE(face != nullptr, s.family);
    drawn.push_back({face, decode(s.utf8)});
  }
  const int checked = paint_and_check(drawn, "fidelity");
  CHECK(checked == 129);
}

TEST_CASE("painted PDF: glyphs beyond the BMP (emoji) are embedded with their exact outlines") {
  REQUIRE_MESSAGE(!run("command -v qpdf pdffonts").empty(), "qpdf and pdffonts are needed");
  // 📝 and 🎖 as in the homepage example's headings; 𝔸 and 😀 from DejaVu
  // Sans, 🎖 also from Noto Sans Symbols2.
  auto& cat = FontCatalog::shared();
  const std::vector<Drawn> drawn = {{cat.find("Symbola"), U"\U0001F4DD\U0001F396 \U0001D538A"},
                                    {cat.find("Noto Sans Symbols2"), U"\U0001F396"},
                                    {cat.find("DejaVu Sans"), U"\U0001D538\U0001F600"}};
  for (const auto& d : drawn)
    REQUIRE_MESSAGE(d.face != nullptr, "Symbola, Noto Sans Symbols2 and DejaVu Sans are needed");
  CHECK(paint_and_check(drawn, "painter_emoji") == 8);
}

TEST_CASE("painted PDF: every default-chain face, in every variant, keeps its glyphs") {
  REQUIRE_MESSAGE(!run("command -v qpdf pdffonts").empty(), "qpdf and pdffonts are needed");
  // The emoji and 𝔸 give Symbola's subset a format-12 cmap as well.
  const std::u32string mix =
      U"Aa Zü ễ ß Ωω Жж ﻣﺤ م ש 陈김 ★✓☎→⚡ ∑ ♫ 0{} 📝🎖𝔸";
  const char* families[] = {"Noto Sans",          "DejaVu Sans",         "Noto Sans Arabic",
                            "Noto Sans Hebrew",   "WenQuanYi Micro Hei", "Noto Sans Symbols",
                            "Noto Sans Symbols2", "DejaVu Sans Mono",    "Symbola"};
  std::vector<Drawn> drawn;
  for (const char* family : families)
    for (int variant = 0; variant < 4; ++variant) {
      const FontFace* face = FontCatalog::shared().find(family, variant & 1, variant & 2);
      REQUIRE_MESSAGE(face != nullptr, family);
      std::u32string text;
      for (char32_t cp : mix)
        if (has_glyph(*face, cp))
          text.push_back(cp);
      CHECK(!text.empty());
      drawn.push_back({face, text});
    }
  CHECK(paint_and_check(drawn, "default_chain") > 300);
}

TEST_CASE("painted PDF: OpenType/CFF faces (Noto CJK, .ttc face index) embed as CIDFontType0C "
          "with exact glyphs") {
  REQUIRE_MESSAGE(!run("command -v qpdf pdffonts").empty(), "qpdf and pdffonts are needed");
  auto& cat = FontCatalog::shared();
  struct Sample {
    const char* family;
    bool bold;
    const char* utf8;
  };
  // Regional faces are different faces of one .ttc; CJK punctuation, kana,
  // hangul, full-width forms and Latin from the same face.
  const Sample samples[] = {
      {"Noto Sans CJK SC", false, "陈巧玲，你好。"},
      {"Noto Sans CJK SC", true, "陈巧玲"},
      {"Noto Sans CJK TC", false, "陳巧玲"},
      {"Noto Sans CJK JP", false, "山田太郎 やまだ タロウ"},
      {"Noto Sans CJK KR", true, "김민준"},
      {"Noto Serif CJK SC", false, "陈巧玲 ＡＢＣ Abc"},
  };
  std::vector<Drawn> drawn;
  std::set<int> indices;
  for (const auto& s : samples) {
    const FontFace* face = cat.find(s.family, s.bold, false);
    REQUIRE_MESSAGE(face != nullptr, s.family, " (fonts-noto-cjk) is needed");
    CHECK(face->loaded->cff);
    CHECK(!synthetic_bold(*face)); // a real bold face
    indices.insert(face_index(*face));
    drawn.push_back({face, decode(s.utf8)});
  }
  CHECK(indices.size() > 1); // faces beyond the first of the collection
  CHECK(paint_and_check(drawn, "cff") == 39);
}

TEST_CASE("a face without OS/2 still gives an exact subset") {
  // Take a small subset and drop its OS/2 table, then subset that font again.
  const FontFace* noto = FontCatalog::shared().find("Noto Sans");
  REQUIRE(noto != nullptr);
  const std::set<char32_t> cps{U'H', U'x', U'é'};
  const std::string full = subset_font(*noto, cps).program;
  auto be16 = [&](std::size_t off) {
    return static_cast<unsigned>(static_cast<unsigned char>(full[off]) << 8 |
                                 static_cast<unsigned char>(full[off + 1]));
  };
  const unsigned n = be16(4);
  std::string dir_out;
  for (unsigned i = 0; i < n; ++i) {
    const std::string rec = full.substr(12 + 16 * std::size_t(i), 16);
    if (rec.compare(0, 4, "OS/2") != 0)
      dir_out += rec;
  }
  std::string stripped = full.substr(0, 4);
  stripped += static_cast<char>(0);
  stripped += static_cast<char>(n - 1);
  stripped += full.substr(6, 6) + dir_out + std::string(16, '\0'); // keep offsets valid
  stripped += full.substr(12 + 16 * std::size_t(n));

  cvpress::test::MemoryFace memory(stripped, "Noto Sans");
  hb_blob_t* os2 = hb_face_reference_table(memory.loaded.face, HB_TAG('O', 'S', '/', '2'));
  REQUIRE(hb_blob_get_length(os2) == 0);
  hb_blob_destroy(os2);

  const FontSubset again = subset_font(memory.face, cps);
  CHECK_FALSE(again.no_embedding);
  CHECK(again.cap_height == 0); // the painter falls back to 0.7 ascender
  hb_font_t* sub = font_from_bytes(again.program);
  for (char32_t cp : cps) {
    hb_codepoint_t gid = 0;
    REQUIRE(hb_font_get_nominal_glyph(sub, cp, &gid));
    CHECK(outline_distance(glyph_shape(hb_font(*noto), glyph_id(*noto, cp)),
                           glyph_shape(sub, gid)) == 0);
  }
  hb_font_destroy(sub);
}

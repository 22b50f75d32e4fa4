// Tagged PDF: the structure layout makes (roles, reading order, languages,
// artifacts) and what the painter writes for it (structure tree, marked
// content, XMP, PDF/A output intent).
#include "backends/pdf/painter.hpp"
#include "layout/layout.hpp"
#include "layout/structure.hpp"
#include "scratch_dir.hpp"
#include "style/style_loader.hpp"

#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

LaidOutDocument example(const std::string& name) {
  const std::filesystem::path src = std::filesystem::path(CVPRESS_SOURCE_DIR) / "examples" / name;
  const LoadResult loaded = load_cv_file(src);
  const Style style = resolve_style({}, loaded.cv.design);
  return layout_cv(loaded.cv, style, src.parent_path());
}

// The text of every item of node `n` (in painting order).
std::string text_of(const LaidOutDocument& doc, int n) {
  std::string out;
  for (const Page& p : doc.pages)
    for (const PageItem& item : p.items)
      if (const auto* t = std::get_if<TextItem>(&item); t && t->node == n)
        out += t->text;
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("structure: text in another script than the document's gets its language") {
  CHECK(foreign_language("胡清昊", "en") == "zh");
  CHECK(foreign_language("胡清昊", "zh-CN") == "");
  CHECK(foreign_language("胡清昊", "ja") == ""); // kanji
  CHECK(foreign_language("ひらがなと漢字", "en") == "ja");
  CHECK(foreign_language("김민준", "en") == "ko");
  CHECK(foreign_language("נועה לוי", "en") == "he");
  CHECK(foreign_language("Qinghao Hu", "en") == "");
  CHECK(foreign_language("Qinghao Hu", "de") == "");
  CHECK(foreign_language("Qinghao 胡", "en") == ""); // mixed: no single language
  CHECK(foreign_language("2024 – 2025", "en") == "");
}

TEST_CASE("structure: a span changing language is split, the other language in a Span with /Lang") {
  std::vector<StructNode> nodes;
  StructureBuilder sb(nodes, "en");
  const int h1 = sb.add(StructRole::h1, StructureBuilder::root());
  std::vector<Span> spans{Span{"Qiaoling Chen (陈巧玲)", SpanStyle{}}};
  sb.tag(spans, h1);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].text == "Qiaoling Chen (");
  CHECK(spans[1].text == "陈巧玲)");
  REQUIRE(nodes.size() == 4);
  CHECK(nodes[2].role == StructRole::span);
  CHECK(nodes[2].lang.empty());
  CHECK(nodes[3].role == StructRole::span);
  CHECK(nodes[3].lang == "zh");
  CHECK(spans[1].style.node == 3);
  std::vector<Span> plain{Span{"Qinghao Hu", SpanStyle{}}};
  sb.tag(plain, h1);
  CHECK(plain.size() == 1);
  CHECK(plain[0].style.node == h1); // no Span needed
}

TEST_CASE("structure: layout tags the header, sections, lists and links; footers are artifacts") {
  const LaidOutDocument doc = example("qinghao-hu-cv.yaml");
  const auto& s = doc.structure;
  REQUIRE(s.size() > 10);
  CHECK(s[0].role == StructRole::document);
  CHECK(doc.info.lang == "en");
  for (std::size_t i = 1; i < s.size(); ++i) {
    INFO("node " << i);
    CHECK(s[i].parent >= 0);
    CHECK(static_cast<std::size_t>(s[i].parent) < i); // parents come first
  }
  // The first H1 is the name; H2s are the section titles, in order.
  int h1 = -1;
  std::vector<std::string> h2;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i].role == StructRole::h1 && h1 < 0)
      h1 = static_cast<int>(i);
    if (s[i].role == StructRole::h2)
      h2.push_back(text_of(doc, static_cast<int>(i)));
  }
  REQUIRE(h1 > 0);
  CHECK(text_of(doc, h1) == "Qinghao Hu");
  REQUIRE(h2.size() >= 3);
  CHECK(h2[0] == "Employment");
  CHECK(h2[1] == "Education");
  // Every link area is in a Link node; text is tagged but for the footer.
  int links = 0;
  for (const Page& p : doc.pages)
    for (const PageItem& item : p.items) {
      if (const auto* l = std::get_if<LinkItem>(&item)) {
        ++links;
        REQUIRE(l->node > 0);
        CHECK(s[static_cast<std::size_t>(l->node)].role == StructRole::link);
        CHECK(!s[static_cast<std::size_t>(l->node)].alt.empty());
      }
      if (const auto* t = std::get_if<TextItem>(&item)) {
        const bool footer = t->text.find("page") != std::string::npos && t->size < 9;
        INFO(t->text);
        CHECK((t->node < 0) == footer);
      }
    }
  CHECK(links >= 3);
  // Highlights are list items: an L with LI and LBody (the bullet glyph an
  // artifact); labelled publications have an Lbl.
  bool list_item = false;
  for (std::size_t i = 2; i + 1 < s.size(); ++i)
    list_item = list_item || (s[i - 1].role == StructRole::l && s[i].role == StructRole::li &&
                              s[i + 1].role == StructRole::lbody);
  CHECK(list_item);
  const LaidOutDocument labelled = example("hao-wu-cv.yaml");
  int labels = 0;
  for (std::size_t i = 0; i < labelled.structure.size(); ++i)
    if (labelled.structure[i].role == StructRole::lbl) {
      ++labels;
      CHECK(text_of(labelled, static_cast<int>(i)).front() == '[');
    }
  CHECK(labels > 3);
}

TEST_CASE("structure: a right-to-left CV's nodes carry their text in logical order") {
  const LaidOutDocument doc = example("hebrew-cv.yaml");
  CHECK(doc.info.lang == "he");
  // The name, "נועה לוי Noa Levi": the Hebrew part, then the Latin one in a
  // Span of its own language.
  const auto& s = doc.structure;
  std::string name;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i].parent > 0 && s[static_cast<std::size_t>(s[i].parent)].role == StructRole::h1) {
      name += s[i].actual_text;
      if (s[i].actual_text == "Noa Levi")
        CHECK(s[i].lang == "en");
    }
  CHECK(name == "נועה לוי Noa Levi");
}

TEST_CASE("structure: the painter writes a tagged PDF, and PDF/A-2a with pdfa") {
  const LaidOutDocument doc = example("qinghao-hu-cv.yaml");
  PaintOptions plain;
  plain.compress = false;
  const std::string bytes = paint_pdf(doc, plain);
  CHECK(bytes.rfind("%PDF-1.7", 0) == 0);
  CHECK(count(bytes, "/Type /StructTreeRoot") == 1);
  CHECK(bytes.find("/Marked true") != std::string::npos);
  CHECK(bytes.find("/Lang (en)") != std::string::npos);
  CHECK(bytes.find("/S /H1") != std::string::npos);
  CHECK(count(bytes, "/Tabs /S") == doc.pages.size());
  CHECK(count(bytes, "/StructParents ") == doc.pages.size());
  // One OBJR per link annotation, each with /StructParent and /Contents.
  const std::size_t annots = count(bytes, "/Subtype /Link");
  CHECK(annots >= 3);
  CHECK(count(bytes, "/Type /OBJR") == annots);
  CHECK(count(bytes, "/StructParent ") == annots);
  // Marked content: MCIDs, footers and rules as artifacts, balanced.
  CHECK(bytes.find("/H1 <</MCID 0>> BDC") != std::string::npos);
  CHECK(bytes.find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC") != std::string::npos);
  CHECK(bytes.find("/Artifact <</Type /Layout>> BDC") != std::string::npos);
  CHECK(count(bytes, " BDC\n") == count(bytes, "EMC\n"));
  CHECK(bytes.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(bytes.find("pdfaid:") == std::string::npos);
  CHECK(bytes.find("/OutputIntents") == std::string::npos);

  PaintOptions archival = plain;
  archival.pdfa = true;
  const std::string pdfa = paint_pdf(doc, archival);
  CHECK(pdfa.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(pdfa.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
  CHECK(pdfa.find("/S /GTS_PDFA1") != std::string::npos);
  CHECK(pdfa.find("/DestOutputProfile") != std::string::npos);
  CHECK(pdfa.find("/N 3") != std::string::npos);
  CHECK(pdfa.find("/Encrypt") == std::string::npos);
  CHECK(paint_pdf(doc, archival) == pdfa); // deterministic
}

TEST_CASE("structure: the photo is a Figure with alternate text") {
  // A 1x1 RGBA PNG.
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00"
      "\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d"
      "\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87\x01\x80\xeb"
      "\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      70);
  const cvpress_test::ScratchDir dir;
  dir.write("me.png", png);
  const auto cv = dir.write("cv.yaml", "cv:\n  name: Ada Lovelace\n  photo: me.png\n"
                                       "  sections:\n    about:\n      - Analyst.\n");
  const LoadResult loaded = load_cv_file(cv);
  const LaidOutDocument doc = layout_cv(loaded.cv, resolve_style({}, loaded.cv.design), dir.path);
  int figures = 0;
  for (const PageItem& item : doc.pages.at(0).items)
    if (const auto* im = std::get_if<ImageItem>(&item)) {
      REQUIRE(im->node > 0);
      const StructNode& n = doc.structure[static_cast<std::size_t>(im->node)];
      CHECK(n.role == StructRole::figure);
      CHECK(n.alt == "Photo of Ada Lovelace");
      ++figures;
    }
  CHECK(figures == 1);
  PaintOptions plain;
  plain.compress = false;
  const std::string bytes = paint_pdf(doc, plain);
  CHECK(bytes.find("/S /Figure") != std::string::npos);
  CHECK(bytes.find("/Alt (Photo of Ada Lovelace)") != std::string::npos);
  CHECK(bytes.find("/Figure <</MCID ") != std::string::npos);
}

#include "backends/pdf/painter.hpp"

#include "backends/pdf/hpdf_document.hpp"
#include "backends/pdf/metadata.hpp"
#include "backends/pdf/tagging.hpp"
#include "fonts/font_set.hpp"
#include "resources/image.hpp"
#include "text/links.hpp"
#include "text/unicode.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/version.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

// Fonts are embedded by the painter itself (libharu only serialises the
// objects): libharu's own TrueType path re-parses every font from a file and
// spends ~1.5 ms per font building a 65,536-entry CIDToGIDMap. Here each font
// file's subset (hb-subset, fonts/subset.cpp) is embedded as-is as a
// CIDFontType2 with Identity-H encoding, codes = glyph ids (/CIDToGIDMap
// /Identity), or, for an OpenType/CFF face, as a CIDFontType0 (FontFile3
// /CIDFontType0C) whose codes are the CFF's CIDs; exact /W widths from the
// face's advances and a ToUnicode map back to the characters. Text, rules and rectangles are
// written straight into the page content stream; images, links, bookmarks and document information
// go through libharu's API. The document is tagged (PDF/UA-1): every item
// is marked content of its structure node (tagging.hpp) or an artifact.

namespace cvpress::detail {

namespace {

// ---------------------------------------------------------------- helpers

// A number for a content stream: at most `digits` decimals, no trailing zeros.
void put_number(std::string& out, double v, int digits = 3) {
  if (!std::isfinite(v))
    v = 0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, digits);
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0')
      s.remove_suffix(1);
    if (s.back() == '.')
      s.remove_suffix(1);
  }
  if (s == "-0")
    s = "0";
  out += s;
  out += ' ';
}

void put_color(std::string& out, std::uint32_t rgb, const char* op) {
  for (int shift = 16; shift >= 0; shift -= 8)
    put_number(out, static_cast<double>((rgb >> shift) & 0xFF) / 255.0, 4);
  out += op;
  out += '\n';
}

void put_hex2(std::string& out, unsigned v) {
  static constexpr char digits[] = "0123456789ABCDEF";
  out += digits[(v >> 4) & 0xF];
  out += digits[v & 0xF];
}

void put_hex4(std::string& out, unsigned v) {
  static constexpr char digits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += digits[(v >> shift) & 0xF];
}

// The text a character stands for in the ToUnicode map: the NFKC form of
// Hebrew and Arabic presentation forms (U+FB1D-U+FDFF, U+FE70-U+FEFF),
// which layout draws for shaped Arabic; the character itself otherwise.
icu::UnicodeString meaning(char32_t cp) {
  icu::UnicodeString s(static_cast<UChar32>(cp));
  if ((cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString n = nfkc->normalize(s, status);
      if (U_SUCCESS(status) && !n.isEmpty())
        return n;
    }
  }
  return s;
}

// A ToUnicode CMap: glyph id -> the characters it stands for.
std::string to_unicode_cmap(const std::map<unsigned, std::u32string>& by_gid) {
  std::string out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto it = by_gid.begin();
  while (it != by_gid.end()) {
    std::size_t n =
        std::min<std::size_t>(100, static_cast<std::size_t>(std::distance(it, by_gid.end())));
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = 0; k < n; ++k, ++it) {
      out += '<';
      put_hex4(out, it->first);
      out += "> <";
      // UTF-16BE of what the glyph means: presentation forms copy and
      // search as their plain letters.
      icu::UnicodeString text;
      if (it->second.size() == 1)
        text = meaning(it->second[0]);
      else
        for (char32_t c : it->second)
          text.append(static_cast<UChar32>(c));
      for (int32_t u = 0; u < text.length(); ++u)
        put_hex4(out, text.charAt(u));
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// The characters of `text`'s bytes [b, e).
std::u32string chars_of(std::string_view text) {
  std::u32string out;
  for_each_code_point(text, [&](char32_t cp) { out += cp; });
  return out;
}

// Byte range [begin, end) in `t.text` of the cluster of each shaped glyph.
std::vector<std::pair<std::uint32_t, std::uint32_t>> cluster_ranges(const TextItem& t) {
  std::vector<std::uint32_t> starts;
  starts.reserve(t.glyphs.size());
  for (const ShapedGlyph& g : t.glyphs)
    starts.push_back(std::min<std::uint32_t>(g.cluster, static_cast<std::uint32_t>(t.text.size())));
  std::vector<std::uint32_t> sorted = starts;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(starts.size());
  for (std::uint32_t b : starts) {
    auto next = std::upper_bound(sorted.begin(), sorted.end(), b);
    out.emplace_back(b, next == sorted.end() ? static_cast<std::uint32_t>(t.text.size()) : *next);
  }
  // The first cluster also takes characters before it (none when layout made the item).
  if (!sorted.empty() && sorted.front() > 0)
    for (auto& r : out)
      if (r.first == sorted.front())
        r.first = 0;
  return out;
}

// True when `utf8` has a character beyond the BMP (a 4-byte sequence), which
// libharu's UTF-8 encoder turns into spaces.
bool beyond_bmp(std::string_view utf8) {
  return std::any_of(utf8.begin(), utf8.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0xF0; });
}

// URIs in PDF are 7-bit ASCII: percent-encode everything else.
std::string ascii_uri(std::string_view uri) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : uri) {
    auto b = static_cast<unsigned char>(ch);
    if (b <= 0x20 || b >= 0x7F) {
      out += '%';
      out += digits[b >> 4];
      out += digits[b & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

// A PDF name made of safe characters only.
std::string safe_name(std::string_view s) {
  std::string out;
  for (char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_')
      out += c;
  return out.empty() ? std::string("Font") : out.substr(0, 100);
}

// A PDF date (UTC) from seconds since 1970-01-01T00:00:00Z.
HPDF_Date utc_date(std::int64_t epoch) {
  using namespace std::chrono;
  const sys_seconds time{seconds{epoch}};
  const sys_days day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  HPDF_Date d{};
  d.year = static_cast<int>(ymd.year());
  d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  d.hour = static_cast<HPDF_INT>(hms.hours().count());
  d.minutes = static_cast<HPDF_INT>(hms.minutes().count());
  d.seconds = static_cast<HPDF_INT>(hms.seconds().count());
  d.ind = 'Z';
  return d;
}

// A finite float for libharu (which prints NaN and infinity as garbage).
HPDF_REAL real(double v) {
  if (!std::isfinite(v))
    return 0;
  return static_cast<HPDF_REAL>(std::clamp(v, -1e6, 1e6));
}

// ---------------------------------------------------------------- painter

class Painter {
public:
  Painter(const LaidOutDocument& document, const PaintOptions& options)
      : in_(document), options_(options), tagging_(pdf_, document.structure, document.info.lang) {}

  std::string run() {
    HPDF_Doc doc = pdf_.get();
    // PDF 1.7 (ISO 32000-1, the base of PDF/UA-1 and PDF/A-2); libharu says 1.3.
    doc->pdf_version = HPDF_VER_17;
    pdf_.check("setting up UTF-8", HPDF_UseUTFEncodings(doc) == HPDF_OK);
    pdf_.check("setting up UTF-8", HPDF_SetCurrentEncoder(doc, "UTF-8") == HPDF_OK);
    utf8_ = HPDF_GetEncoder(doc, "UTF-8");
    pdf_.check("setting up UTF-8", utf8_ != nullptr);
    pdf_.check("setting compression",
               HPDF_SetCompressionMode(doc, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE) ==
                   HPDF_OK);
    embed_fonts();
    write_info();
    for (const auto& page : in_.pages)
      paint_page(page);
    if (pages_.empty())
      paint_page(Page{}); // a PDF needs at least one page
    write_bookmarks();
    tagging_.finish();
    write_metadata(pdf_, in_.info,
                   MetadataOptions{options_.date_epoch, options_.pdfa, options_.compress, digest_});
    return pdf_.save();
  }

private:
  // One embedded font per font file (a family's regular face may also stand
  // in for bold or italic): its characters' glyph ids and its PDF object.
  struct Embedded {
    std::unordered_map<unsigned, unsigned> gid;           // face glyph id -> code (CID)
    std::unordered_map<unsigned, std::u32string> meaning; // face glyph id -> ToUnicode text
    std::vector<unsigned> widths;                         // code -> /W width
    HPDF_Dict font = nullptr;
  };
  // What one font file's text needs: its glyphs and what they stand for.
  struct Use {
    const FontFace* face = nullptr;
    std::set<unsigned> gids;
    std::map<unsigned, std::u32string> meaning; // first use wins
  };
  using FileKey = std::pair<std::string, int>;

  HPDF_Dict new_dict() {
    HPDF_Dict d = HPDF_Dict_New(pdf_.get()->mmgr);
    pdf_.check("creating a PDF object", d != nullptr);
    return d;
  }
  HPDF_Dict new_indirect_dict() {
    HPDF_Dict d = new_dict();
    pdf_.check("creating a PDF object", HPDF_Xref_Add(pdf_.get()->xref, d) == HPDF_OK);
    return d;
  }
  HPDF_Dict new_stream(std::string_view bytes) {
    HPDF_Dict d = HPDF_DictStream_New(pdf_.get()->mmgr, pdf_.get()->xref);
    pdf_.check("creating a PDF stream", d != nullptr);
    if (options_.compress)
      d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    pdf_.check("writing a PDF stream",
               HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                 static_cast<HPDF_UINT>(bytes.size())) == HPDF_OK);
    return d;
  }

  // Files in first-use order, so object numbers and tags are deterministic.
  void embed_fonts() {
    std::vector<FileKey> order;
    std::map<FileKey, Use> used;
    std::vector<std::pair<const FontFace*, FileKey>> faces;
    std::unordered_map<const FontFace*, std::size_t> face_index_of;
    for (const auto& page : in_.pages)
      for (const auto& item : page.items) {
        const auto* text = std::get_if<TextItem>(&item);
        if (!text || !text->face || text->text.empty())
          continue;
        auto [fi, fresh_face] = face_index_of.try_emplace(text->face, faces.size());
        if (fresh_face)
          faces.emplace_back(text->face, FileKey{file_path(*text->face), face_index(*text->face)});
        const FileKey& key = faces[fi->second].second;
        auto [it, fresh] = used.try_emplace(key, Use{text->face, {}, {}});
        if (fresh)
          order.push_back(key);
        Use& use = it->second;
        if (text->space_after)
          if (const unsigned g = glyph_id(*text->face, U' '))
            if (use.gids.insert(g).second || !use.meaning.count(g))
              use.meaning.emplace(g, std::u32string(1, U' '));
        if (text->glyphs.empty()) {
          // Unshaped: the cmap's glyph of each character.
          for_each_code_point(text->text, [&](char32_t cp) {
            if (const unsigned g = glyph_id(*text->face, cp)) {
              use.gids.insert(g);
              use.meaning.emplace(g, std::u32string(1, cp));
            }
          });
          continue;
        }
        // Shaped: a glyph alone in its cluster stands for the cluster's
        // characters (a ligature for several).
        const auto ranges = cluster_ranges(*text);
        std::map<std::uint32_t, int> per_cluster;
        for (const auto& r : ranges)
          ++per_cluster[r.first];
        for (std::size_t i = 0; i < text->glyphs.size(); ++i) {
          const unsigned g = text->glyphs[i].gid;
          use.gids.insert(g);
          if (g != 0 && per_cluster[ranges[i].first] == 1)
            use.meaning.emplace(
                g, chars_of(std::string_view(text->text)
                                .substr(ranges[i].first, ranges[i].second - ranges[i].first)));
        }
      }
    int tag = 0;
    for (const auto& key : order) {
      Use& use = used[key];
      if (use.gids.empty())
        use.gids.insert(glyph_id(*use.face, U' '));
      embed(key, use, tag++);
    }
    for (const auto& [face, key] : faces)
      fonts_[face] = &embedded_.at(key);
  }

  void embed(const FileKey& key, const Use& use, int tag) {
    const FontFace& face = *use.face;
    std::set<char32_t> chars;
    for (const auto& [g, text] : use.meaning)
      if (text.size() == 1)
        chars.insert(text[0]);
    const FontSubset subset = subset_glyphs(face, use.gids, chars);
    if (subset.no_embedding)
      throw RenderError("PDF: the font '" + family_name(face) + "' (" + key.first +
                        ") does not allow embedding (OS/2 fsType: restricted license)");
    // Codes are subset glyph ids, or the CIDs of a CID-keyed CFF subset.
    std::vector<unsigned> codes; // per requested glyph, in set order
    codes.reserve(subset.glyphs.size());
    for (unsigned g : subset.glyphs)
      codes.push_back(g < subset.codes.size() ? subset.codes[g] : 0);
    Embedded& e = embedded_[key];
    std::map<unsigned, std::u32string> to_unicode;
    {
      std::size_t i = 0;
      for (unsigned g : use.gids) {
        e.gid.emplace(g, codes[i]);
        if (auto m = use.meaning.find(g); m != use.meaning.end() && subset.glyphs[i] != 0) {
          e.meaning.emplace(g, m->second);
          to_unicode.emplace(codes[i], m->second);
        }
        ++i;
      }
    }
    unsigned max_code = 0;
    for (unsigned c : subset.codes)
      max_code = std::max(max_code, c);
    e.widths.assign(std::size_t{max_code} + 1, 0);
    for (std::size_t g = 0; g < subset.advances.size() && g < subset.codes.size(); ++g)
      e.widths[subset.codes[g]] = subset.advances[g] * 1000u / subset.units_per_em;

    // Subset tag: six capital letters from the font's position.
    std::string name = "CVP";
    name += static_cast<char>('A' + tag / 676 % 26);
    name += static_cast<char>('A' + tag / 26 % 26);
    name += static_cast<char>('A' + tag % 26);
    name += '+';
    name += safe_name(subset.postscript_name.empty() ? family_name(face) : subset.postscript_name);
    const double scale = 1000.0 / subset.units_per_em;
    auto em = [&](double v) { return static_cast<HPDF_INT32>(std::lround(v * scale)); };

    HPDF_MMgr mmgr = pdf_.get()->mmgr;
    HPDF_Dict file = new_stream(subset.program);
    if (subset.cff)
      HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
    else
      HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.program.size()));

    HPDF_Dict descriptor = new_indirect_dict();
    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
    HPDF_Dict_AddNumber(descriptor, "Flags", 4 | (subset.italic_angle != 0 ? 64 : 0));
    HPDF_Array bbox = HPDF_Array_New(mmgr);
    pdf_.check("creating a PDF object", bbox != nullptr);
    HPDF_Array_AddNumber(bbox, em(subset.x_min));
    HPDF_Array_AddNumber(bbox, em(subset.y_min));
    HPDF_Array_AddNumber(bbox, em(subset.x_max));
    HPDF_Array_AddNumber(bbox, em(subset.y_max));
    HPDF_Dict_Add(descriptor, "FontBBox", bbox);
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle",
                        static_cast<HPDF_INT32>(std::lround(subset.italic_angle)));
    HPDF_Dict_AddNumber(descriptor, "Ascent", em(subset.ascender));
    HPDF_Dict_AddNumber(descriptor, "Descent", em(subset.descender));
    HPDF_Dict_AddNumber(descriptor, "CapHeight",
                        em(subset.cap_height != 0 ? subset.cap_height : subset.ascender * 0.7));
    HPDF_Dict_AddNumber(descriptor, "StemV", 80);
    HPDF_Dict_Add(descriptor, subset.cff ? "FontFile3" : "FontFile2", file);

    HPDF_Dict cid = new_indirect_dict();
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", subset.cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
    HPDF_Dict info = new_dict();
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
    // Widths of the glyphs in use, as runs "first [w w ...]".
    std::set<unsigned> glyphs(codes.begin(), codes.end());
    HPDF_Array widths = HPDF_Array_New(mmgr);
    pdf_.check("creating a PDF object", widths != nullptr);
    HPDF_Array run = nullptr;
    unsigned next = 0;
    for (unsigned g : glyphs) {
      if (g >= e.widths.size())
        continue;
      if (!run || g != next) {
        HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(g));
        run = HPDF_Array_New(mmgr);
        pdf_.check("creating a PDF object", run != nullptr);
        HPDF_Array_Add(widths, run);
      }
      // Truncated like fonts' pdf_advance_em() and layout's shaped advances.
      HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(e.widths[g]));
      next = g + 1;
    }
    HPDF_Dict_AddNumber(cid, "DW", 0);
    HPDF_Dict_Add(cid, "W", widths);
    if (!subset.cff) // a CIDFontType0 selects glyphs through the CFF charset
      HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

    e.font = new_indirect_dict();
    HPDF_Dict_AddName(e.font, "Type", "Font");
    HPDF_Dict_AddName(e.font, "Subtype", "Type0");
    HPDF_Dict_AddName(e.font, "BaseFont", name.c_str());
    HPDF_Dict_AddName(e.font, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    pdf_.check("creating a PDF object", descendants != nullptr);
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(e.font, "DescendantFonts", descendants);
    HPDF_Dict_Add(e.font, "ToUnicode", new_stream(to_unicode_cmap(to_unicode)));
    pdf_.check("embedding font '" + family_name(face) + "' (" + key.first + ")");
  }

  // Replaces `dict`'s text entry `key` with `value` as UTF-16 when libharu
  // would lose characters beyond the BMP (emoji in a bookmark title).
  void keep_beyond_bmp(HPDF_Dict dict, const char* key, const std::string& value) {
    if (!dict || !beyond_bmp(value))
      return;
    std::string bytes = utf16be(value);
    HPDF_Binary text = HPDF_Binary_New(pdf_.get()->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                       static_cast<HPDF_UINT>(bytes.size()));
    pdf_.check("writing a text string", text && HPDF_Dict_Add(dict, key, text) == HPDF_OK);
  }

  void set_text(HPDF_InfoType type, const char* key, const std::string& value) {
    if (value.empty())
      return;
    pdf_.check("writing document information",
               HPDF_SetInfoAttr(pdf_.get(), type, value.c_str()) == HPDF_OK);
    keep_beyond_bmp(pdf_.get()->info, key, value);
  }

  void write_info() {
    set_text(HPDF_INFO_TITLE, "Title", in_.info.title);
    set_text(HPDF_INFO_AUTHOR, "Author", in_.info.author);
    set_text(HPDF_INFO_SUBJECT, "Subject", in_.info.subject);
    set_text(HPDF_INFO_KEYWORDS, "Keywords", in_.info.keywords);
    set_text(HPDF_INFO_CREATOR, "Creator", std::string("cvpress ") + cvpress::version);
    {
      // Viewers show the title rather than the file name (PDF/UA).
      HPDF_Dict prefs = new_dict();
      HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(pdf_.get()->mmgr, HPDF_TRUE));
      HPDF_Dict_Add(pdf_.get()->catalog, "ViewerPreferences", prefs);
      pdf_.check("writing viewer preferences");
    }
    if (options_.date_epoch) {
      HPDF_Date date = utc_date(*options_.date_epoch);
      pdf_.check("writing the creation date",
                 HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_CREATION_DATE, date) == HPDF_OK);
      pdf_.check("writing the modification date",
                 HPDF_SetInfoDateAttr(pdf_.get(), HPDF_INFO_MOD_DATE, date) == HPDF_OK);
    }
  }

  void paint_page(const Page& page) {
    HPDF_Page p = HPDF_AddPage(pdf_.get());
    pdf_.check("adding a page", p != nullptr);
    HPDF_Page_SetWidth(p, real(in_.page_width));
    HPDF_Page_SetHeight(p, real(in_.page_height));
    pages_.push_back(p);
    page_ = p;
    tagging_.begin_page(p);
    mc_ = kNoMark;
    ops_.clear();
    in_text_ = false;
    stroking_text_ = false;
    font_ = nullptr;
    size_ = -1;
    line_width_ = -1;
    fill_ = stroke_ = kUnknownColor;
    for (const auto& item : page.items)
      std::visit([this](const auto& it) { draw(it); }, item);
    end_text();
    end_mark();
    flush();
    pdf_.check("drawing page " + std::to_string(pages_.size()));
  }

  // Raw operators go to the page's content stream; flushed before any
  // libharu drawing call so the order is kept.
  void flush() {
    if (ops_.empty())
      return;
    for (char c : ops_) // FNV-1a of the content, for the file identifier
      digest_ = (digest_ ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    auto attr = static_cast<HPDF_PageAttr>(page_->attr);
    pdf_.check("writing page content",
               HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops_.data()),
                                 static_cast<HPDF_UINT>(ops_.size())) == HPDF_OK);
    ops_.clear();
  }

  void end_text() {
    if (in_text_) {
      ops_ += "ET\n";
      in_text_ = false;
    }
  }

  // Marked content. Sequences are opened and closed outside text objects
  // (a text object may sit inside one, never across its end): content of a
  // structure node with its MCID, text without one (page footers) as a
  // pagination artifact, rules and rectangles as layout artifacts.
  static constexpr int kNoMark = -100;
  static constexpr int kTextArtifact = -1;
  static constexpr int kLayoutArtifact = -2;
  static constexpr int kOwnSequence = -3; // a tagged run with its own /ActualText
  bool tagged(int node) const {
    return node >= 0 && static_cast<std::size_t>(node) < in_.structure.size();
  }
  void mark(int node) {
    if (tagged(node) && in_.structure[static_cast<std::size_t>(node)].role == StructRole::artifact)
      node = kLayoutArtifact;
    if (!tagged(node) && node != kLayoutArtifact)
      node = kTextArtifact;
    if (node == mc_)
      return;
    end_text();
    end_mark();
    if (node == kTextArtifact) {
      ops_ += "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    } else if (node == kLayoutArtifact) {
      ops_ += "/Artifact <</Type /Layout>> BDC\n";
    } else {
      ops_ += '/';
      ops_ += struct_type(in_.structure[static_cast<std::size_t>(node)].role);
      ops_ += " <</MCID ";
      ops_ += std::to_string(tagging_.mark(node));
      ops_ += ">> BDC\n";
    }
    mc_ = node;
  }
  void end_mark() {
    if (mc_ != kNoMark) {
      ops_ += "EMC\n";
      mc_ = kNoMark;
    }
  }
  void fill_color(std::uint32_t rgb) {
    if (fill_ != rgb) {
      put_color(ops_, rgb, "rg");
      fill_ = rgb;
    }
  }
  void stroke_color(std::uint32_t rgb) {
    if (stroke_ != rgb) {
      put_color(ops_, rgb, "RG");
      stroke_ = rgb;
    }
  }
  void line_width(double w) {
    if (w != line_width_) {
      put_number(ops_, w);
      ops_ += "w\n";
      line_width_ = w;
    }
  }

  // The glyphs of `t` as TJ operations (positioned by their advances and
  // offsets, relative to the /W widths) into `out`; false when none drawn.
  // `needs_actual`: the ToUnicode map does not give back `t.text` in order.
  bool shaped_codes(const TextItem& t, const Embedded& e, std::string& out, bool& needs_actual) {
    const auto ranges = cluster_ranges(t);
    std::map<std::uint32_t, int> per_cluster;
    for (const auto& r : ranges)
      ++per_cluster[r.first];
    // Logical order check: clusters must follow each other.
    std::uint32_t covered = t.rtl ? static_cast<std::uint32_t>(t.text.size()) : 0;
    bool any = false;
    std::int32_t rise = 0;
    out += '[';
    for (std::size_t i = 0; i < t.glyphs.size(); ++i) {
      const ShapedGlyph& sg = t.glyphs[i];
      auto g = e.gid.find(sg.gid);
      if (g == e.gid.end())
        continue;
      const auto [b, end] = ranges[i];
      auto m = e.meaning.find(sg.gid);
      // (Right to left, `covered` checks the reverse order; a ligature's
      // characters would come out reversed.)
      if (per_cluster[b] != 1 || m == e.meaning.end() || (t.rtl ? end != covered : b != covered) ||
          (t.rtl && m->second.size() > 1) ||
          m->second != chars_of(std::string_view(t.text).substr(b, end - b)))
        needs_actual = true;
      covered = t.rtl ? b : end;
      if (sg.dy != rise) {
        out += "] TJ\n";
        put_number(out, sg.dy * t.size / 1000.0);
        out += "Ts\n[";
        rise = sg.dy;
      }
      if (sg.dx != 0)
        put_number(out, -sg.dx, 0);
      out += '<';
      put_hex4(out, g->second);
      out += "> ";
      const std::int32_t width =
          g->second < e.widths.size() ? static_cast<std::int32_t>(e.widths[g->second]) : 0;
      if (const std::int32_t adjust = width + sg.dx - sg.advance; adjust != 0)
        put_number(out, adjust, 0);
      any = true;
    }
    if (covered != (t.rtl ? 0 : t.text.size()))
      needs_actual = true;
    out += "] TJ\n";
    if (rise != 0)
      out += "0 Ts\n";
    return any;
  }

  void draw(const TextItem& t) {
    if (!t.face || t.text.empty() || !(t.size > 0))
      return;
    if (split_hyphen(t))
      return;
    auto it = fonts_.find(t.face);
    if (it == fonts_.end() || !it->second)
      return;
    const Embedded& e = *it->second;
    std::string codes;
    bool needs_actual = false;
    if (t.glyphs.empty()) {
      // Unshaped: one glyph per character from the cmap.
      std::string hex;
      for_each_code_point(t.text, [&](char32_t cp) {
        auto g = e.gid.find(glyph_id(*t.face, cp));
        if (g != e.gid.end() && g->first != 0)
          put_hex4(hex, g->second);
      });
      if (hex.empty())
        return;
      codes = "<" + hex + "> Tj\n";
    } else if (!shaped_codes(t, e, codes, needs_actual)) {
      return;
    }
    // The text layer gets the item's characters in logical order when the
    // glyphs' ToUnicode entries would not give them back (ligatures,
    // conjuncts, reordered clusters, right-to-left runs, hidden joiners).
    // A right-to-left item (glyphs in visual order) gets it in visual order
    // too: extractors (poppler) reorder an RTL line's characters by position.
    std::string actual_text = t.actual_text;
    if (actual_text.empty() && needs_actual) {
      if (t.rtl) {
        std::u32string cps = chars_of(t.text);
        std::reverse(cps.begin(), cps.end());
        for (char32_t cp : cps)
          append_utf8(actual_text, cp);
      } else {
        actual_text = t.text;
      }
    }
    const bool actual = !actual_text.empty();
    // Tagged content with an actual text is a marked-content sequence of its
    // own (a /Span with its MCID and /ActualText), not one nested in another.
    const bool own_sequence =
        actual && !t.decorative && tagged(t.node) &&
        in_.structure[static_cast<std::size_t>(t.node)].role != StructRole::artifact;
    if (own_sequence) {
      end_text();
      end_mark();
      ops_ += "/Span <</MCID ";
      ops_ += std::to_string(tagging_.mark(t.node));
      ops_ += " /ActualText <";
      for (char b : utf16be(actual_text))
        put_hex2(ops_, static_cast<unsigned char>(b));
      ops_ += ">>> BDC\n";
      mc_ = kOwnSequence;
    } else {
      mark(t.decorative ? -1 : t.node); // an icon is an artifact
    }
    if (!in_text_) {
      ops_ += "BT\n";
      in_text_ = true;
    }
    if (e.font != font_ || t.size != size_) {
      const char* local = HPDF_Page_GetLocalFontName(page_, e.font);
      pdf_.check("adding a font to a page", local != nullptr);
      ops_ += '/';
      ops_ += local;
      ops_ += ' ';
      put_number(ops_, t.size);
      ops_ += "Tf\n";
      font_ = e.font;
      size_ = t.size;
    }
    fill_color(t.color);
    // Synthetic bold: fill and stroke the outlines; synthetic italic: slant.
    const bool bolden = synthetic_bold(*t.face);
    if (bolden) {
      stroke_color(t.color);
      line_width(t.size * 0.03);
    }
    if (bolden != stroking_text_) {
      ops_ += bolden ? "2 Tr\n" : "0 Tr\n";
      stroking_text_ = bolden;
    }
    const double slant = synthetic_italic(*t.face) ? 0.2126 : 0; // tan 12°
    if (t.decorative) {
      // An ornament (a header icon) stands for no text: an empty
      // /ActualText, inside its artifact sequence.
      ops_ += "/Span <</ActualText ()>> BDC\n";
    } else if (actual && !own_sequence) {
      ops_ += "/Span <</ActualText <";
      for (char b : utf16be(actual_text))
        put_hex2(ops_, static_cast<unsigned char>(b));
      ops_ += ">>> BDC\n";
    }
    // Absolute placement per run: no accumulated rounding from relative moves.
    put_matrix(slant, t.x, t.y);
    ops_ += codes;
    if ((actual && !own_sequence) || t.decorative)
      ops_ += "EMC\n";
    if (t.space_after) {
      // The undrawn space after the run, for the tagged text: a space glyph
      // whose advance is taken back (extractors that place words by their
      // gaps, as pdftotext does, skip spaces).
      const auto g = e.gid.find(glyph_id(*t.face, U' '));
      if (g != e.gid.end() && g->first != 0 && e.meaning.count(g->first)) {
        if (own_sequence) { // after the actual text, in a sequence of its own
          mark(t.node);
          ops_ += "BT\n";
          in_text_ = true;
          put_matrix(slant, t.x + t.width, t.y);
        }
        ops_ += "[<";
        put_hex4(ops_, g->second);
        ops_ += "> ";
        put_number(ops_, g->second < e.widths.size() ? e.widths[g->second] : 0, 0);
        ops_ += "] TJ\n";
      }
    }
  }

  void put_matrix(double slant, double x, double y) {
    ops_ += "1 0 ";
    put_number(ops_, slant, 4);
    ops_ += "1 ";
    put_number(ops_, x);
    put_number(ops_, y);
    ops_ += "Tm\n";
  }

  // A line-final hyphen the line break added: the run without it as content,
  // the hyphen as a layout artifact (the structure text has the word whole).
  bool split_hyphen(const TextItem& t) {
    if (!t.added_hyphen || t.rtl || !tagged(t.node) || t.glyphs.size() < 2 ||
        !t.actual_text.empty() || t.text.empty() || t.text.back() != '-')
      return false;
    TextItem head = t;
    head.added_hyphen = false;
    head.glyphs.pop_back();
    head.text.pop_back();
    double advance = 0;
    for (const ShapedGlyph& g : head.glyphs)
      advance += g.advance;
    TextItem hyphen;
    hyphen.x = t.x + advance * t.size / 1000.0;
    hyphen.y = t.y;
    hyphen.face = t.face;
    hyphen.size = t.size;
    hyphen.color = t.color;
    hyphen.text = "-";
    hyphen.glyphs = {t.glyphs.back()};
    hyphen.glyphs.front().cluster = 0;
    hyphen.width = t.width - advance * t.size / 1000.0;
    hyphen.node = kLayoutArtifact;
    draw(head);
    draw(hyphen);
    return true;
  }

  void draw(const RuleItem& r) {
    if (!(r.thickness > 0))
      return;
    mark(kLayoutArtifact);
    end_text();
    line_width(r.thickness);
    stroke_color(r.color);
    put_number(ops_, r.x0);
    put_number(ops_, r.y0);
    ops_ += "m ";
    put_number(ops_, r.x1);
    put_number(ops_, r.y1);
    ops_ += "l S\n";
  }

  void draw(const RectItem& r) {
    if (!(r.width > 0) || !(r.height > 0))
      return;
    mark(kLayoutArtifact);
    end_text();
    fill_color(r.color);
    put_number(ops_, r.x);
    put_number(ops_, r.y);
    put_number(ops_, r.width);
    put_number(ops_, r.height);
    ops_ += "re f\n";
  }

  void draw(const ImageItem& im) {
    if (im.bytes.empty() || !(im.width > 0) || !(im.height > 0))
      return;
    end_text();
    HPDF_Image image = nullptr;
    if (auto it = images_.find(im.bytes); it != images_.end()) {
      image = it->second;
    } else {
      // libharu 2.3.0 lets libpng abort() on a corrupt PNG. Layout's images
      // are checked already; anything else gets the same full check here.
      if (!im.checked) {
        std::string problem;
        auto info = inspect_image(im.bytes, problem);
        if (info && info->format != im.format)
          problem = "format mismatch";
        else if (info && im.format == ImageItem::Format::png)
          problem = png_data_problem(im.bytes);
        if (!info || !problem.empty())
          throw RenderError("PDF: cannot embed an image: " + problem);
      }
      const auto* data = reinterpret_cast<const HPDF_BYTE*>(im.bytes.data());
      auto size = static_cast<HPDF_UINT>(im.bytes.size());
      image = im.format == ImageItem::Format::png
                  ? HPDF_LoadPngImageFromMem(pdf_.get(), data, size)
                  : HPDF_LoadJpegImageFromMem(pdf_.get(), data, size);
      pdf_.check("loading an image", image != nullptr);
      images_.emplace(im.bytes, image);
    }
    mark(tagged(im.node) ? im.node : kLayoutArtifact);
    end_text();
    flush();
    HPDF_Page_DrawImage(page_, image, real(im.x), real(im.y), real(im.width), real(im.height));
  }

  void draw(const LinkItem& l) {
    const std::string target = link_target(l.uri); // one allow-list for every backend
    if (target.empty() || !(l.width > 0) || !(l.height > 0))
      return;
    HPDF_Rect rect{real(l.x), real(l.y), real(l.x + l.width), real(l.y + l.height)};
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, rect, ascii_uri(target).c_str());
    pdf_.check("adding a link", annot != nullptr);
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    if (tagged(l.node)) {
      const std::string& alt = in_.structure[static_cast<std::size_t>(l.node)].alt;
      tagging_.link(annot, l.node, alt.empty() ? target : alt);
    }
  }

  void write_bookmarks() {
    for (const auto& b : in_.bookmarks) {
      if (b.title.empty() || pages_.empty())
        continue;
      std::size_t index = b.page < 0 ? 0 : static_cast<std::size_t>(b.page);
      if (index >= pages_.size())
        index = pages_.size() - 1;
      HPDF_Outline outline = HPDF_CreateOutline(pdf_.get(), nullptr, b.title.c_str(), utf8_);
      pdf_.check("adding a bookmark", outline != nullptr);
      keep_beyond_bmp(outline, "Title", b.title);
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[index]);
      pdf_.check("adding a bookmark", dst != nullptr);
      // [page /XYZ 0 top null]: scroll there, keeping the reader's zoom
      // (libharu's SetXYZ insists on a zoom factor).
      const double top = std::isfinite(b.y) ? std::clamp(b.y, 0.0, in_.page_height) : 0.0;
      HPDF_Array_Clear(dst);
      HPDF_Array_Add(dst, pages_[index]);
      HPDF_Array_AddName(dst, "XYZ");
      HPDF_Array_AddReal(dst, 0);
      HPDF_Array_AddReal(dst, real(top));
      HPDF_Array_Add(dst, HPDF_Null_New(pdf_.get()->mmgr));
      HPDF_Outline_SetDestination(outline, dst);
      pdf_.check("adding a bookmark");
    }
  }

  const LaidOutDocument& in_;
  const PaintOptions& options_;
  HpdfDocument pdf_;
  Tagging tagging_;
  int mc_ = kNoMark; // the open marked-content sequence's node (or artifact kind)
  std::uint64_t digest_ = 0xcbf29ce484222325ULL; // hash of the content streams
  HPDF_Encoder utf8_ = nullptr;
  std::map<FileKey, Embedded> embedded_;
  std::unordered_map<const FontFace*, const Embedded*> fonts_;
  std::map<std::string_view, HPDF_Image> images_;
  std::vector<HPDF_Page> pages_;
  // Current page state.
  static constexpr std::uint64_t kUnknownColor = std::uint64_t{1} << 32;
  HPDF_Page page_ = nullptr;
  std::string ops_;
  bool in_text_ = false;
  bool stroking_text_ = false;
  HPDF_Dict font_ = nullptr;
  double size_ = -1;
  double line_width_ = -1;
  std::uint64_t fill_ = kUnknownColor, stroke_ = kUnknownColor;
};

} // namespace

std::string paint_pdf(const LaidOutDocument& document, const PaintOptions& options) {
  return Painter(document, options).run();
}

} // namespace cvpress::detail

#include "backends/pdf/painter.hpp"

#include "backends/pdf/hpdf_document.hpp"
#include "backends/pdf/image_check.hpp"
#include "fonts/font_set.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/version.hpp>

#include <hpdf.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace cvpress::detail {

namespace {

// ---------------------------------------------------------------- helpers

// Decodes UTF-8, calling `emit` per code point; malformed bytes are skipped.
template <typename F> void for_each_code_point(std::string_view s, F &&emit) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    emit(cp);
    i += static_cast<std::size_t>(len);
  }
}

HPDF_REAL channel(std::uint32_t rgb, int shift) {
  return static_cast<HPDF_REAL>((rgb >> shift) & 0xFF) / 255.0f;
}

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

void append_hex4(std::string &out, char32_t v) {
  static constexpr char digits[] = "0123456789ABCDEF";
  out += '<';
  for (int shift = 12; shift >= 0; shift -= 4)
    out += digits[(v >> shift) & 0xF];
  out += '>';
}

// A ToUnicode CMap for libharu's UTF-8 fonts, whose codes are the BMP code
// points themselves. (libharu writes its encoding CMap there instead, which
// poppler rejects with a warning.)
std::string to_unicode_cmap(const std::set<char32_t> &cps) {
  std::string out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> list;
  for (char32_t cp : cps)
    if (cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF))
      list.push_back(cp);
  for (std::size_t i = 0; i < list.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, list.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      append_hex4(out, list[k]);
      out += ' ';
      append_hex4(out, list[k]);
      out += '\n';
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
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

// A private temporary file holding one subset font; removed when destroyed.
class TempFontFile {
public:
  explicit TempFontFile(std::string_view bytes) {
    const char *dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/cvpress-font-XXXXXX";
    int fd = ::mkstemp(path_.data());
    if (fd < 0)
      throw RenderError("PDF: cannot create a temporary font file in " +
                        path_.substr(0, path_.rfind('/')) + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        int e = errno;
        ::close(fd);
        ::unlink(path_.c_str());
        throw RenderError("PDF: cannot write a temporary font file: " +
                          std::string(std::strerror(e)));
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempFontFile() { ::unlink(path_.c_str()); }
  TempFontFile(const TempFontFile &) = delete;
  TempFontFile &operator=(const TempFontFile &) = delete;
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
void civil_from_days(std::int64_t z, int &year, int &month, int &day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

HPDF_Date utc_date(std::int64_t epoch) {
  std::int64_t days = epoch / 86400;
  std::int64_t secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  HPDF_Date d{};
  civil_from_days(days, d.year, d.month, d.day);
  d.hour = static_cast<HPDF_INT>(secs / 3600);
  d.minutes = static_cast<HPDF_INT>(secs / 60 % 60);
  d.seconds = static_cast<HPDF_INT>(secs % 60);
  d.ind = 'Z';
  return d;
}

// ---------------------------------------------------------------- painter

class Painter {
public:
  Painter(const LaidOutDocument &document, const PaintOptions &options)
      : in_(document), options_(options) {}

  std::string run() {
    HPDF_Doc doc = pdf_.get();
    pdf_.check("setting up UTF-8", HPDF_UseUTFEncodings(doc) == HPDF_OK);
    pdf_.check("setting up UTF-8", HPDF_SetCurrentEncoder(doc, "UTF-8") == HPDF_OK);
    utf8_ = HPDF_GetEncoder(doc, "UTF-8");
    pdf_.check("setting up UTF-8", utf8_ != nullptr);
    pdf_.check("setting compression",
               HPDF_SetCompressionMode(doc, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE) ==
                   HPDF_OK);
    load_fonts();
    write_info();
    for (const auto &page : in_.pages)
      paint_page(page);
    if (pages_.empty())
      paint_page(Page{}); // a PDF needs at least one page
    write_bookmarks();
    return pdf_.save();
  }

private:
  // Faces sharing a file (a family's regular face also standing in for bold
  // or italic) share one embedded font: libharu refuses a font name twice.
  // Files are loaded in first-use order so the font tags are deterministic.
  void load_fonts() {
    std::vector<std::pair<std::string, int>> order;
    std::map<std::pair<std::string, int>, std::set<char32_t>> used;
    std::vector<std::pair<const FontFace *, std::pair<std::string, int>>> faces;
    std::unordered_map<const FontFace *, std::size_t> seen;
    for (const auto &page : in_.pages)
      for (const auto &item : page.items) {
        const auto *text = std::get_if<TextItem>(&item);
        if (!text || !text->face || text->text.empty())
          continue;
        std::pair<std::string, int> key{file_path(*text->face), face_index(*text->face)};
        if (seen.try_emplace(text->face, faces.size()).second)
          faces.emplace_back(text->face, key);
        auto [it, fresh] = used.try_emplace(key);
        if (fresh)
          order.push_back(key);
        for_each_code_point(text->text, [&](char32_t cp) {
          if (cp <= 0xFFFF)
            it->second.insert(cp);
        });
      }
    std::map<std::pair<std::string, int>, HPDF_Font> loaded;
    for (const auto &key : order) {
      const FontFace *face = nullptr;
      for (const auto &[f, k] : faces)
        if (k == key) {
          face = f;
          break;
        }
      std::set<char32_t> &cps = used[key];
      if (cps.empty())
        cps.insert(U' ');
      std::string subset = build_subset_ttf(*face, cps);
      const char *name = nullptr;
      {
        TempFontFile file(subset);
        // libharu keeps the file open and reads the glyphs again when saving;
        // the open FILE survives the unlink.
        name = HPDF_LoadTTFontFromFile(pdf_.get(), file.path().c_str(), HPDF_TRUE);
      }
      const std::string what = "loading font '" + family_name(*face) + "' (" + key.first + ")";
      pdf_.check(what, name != nullptr);
      HPDF_Font font = HPDF_GetFont(pdf_.get(), name, "UTF-8");
      pdf_.check(what, font != nullptr);
      // Replace libharu's ToUnicode stream content with a real mapping.
      auto cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
      if (cmap && cmap->stream) {
        HPDF_MemStream_FreeData(cmap->stream);
        HPDF_Stream_WriteStr(cmap->stream, to_unicode_cmap(cps).c_str());
      }
      pdf_.check(what);
      loaded.emplace(key, font);
    }
    for (const auto &[face, key] : faces)
      fonts_.emplace(face, loaded.at(key));
  }

  void set_text(HPDF_Doc doc, HPDF_InfoType type, const std::string &value) {
    if (value.empty())
      return;
    pdf_.check("writing document information",
               HPDF_SetInfoAttr(doc, type, value.c_str()) == HPDF_OK);
  }

  void write_info() {
    HPDF_Doc doc = pdf_.get();
    set_text(doc, HPDF_INFO_TITLE, in_.info.title);
    set_text(doc, HPDF_INFO_AUTHOR, in_.info.author);
    set_text(doc, HPDF_INFO_SUBJECT, in_.info.subject);
    set_text(doc, HPDF_INFO_KEYWORDS, in_.info.keywords);
    set_text(doc, HPDF_INFO_CREATOR, std::string("cvpress ") + cvpress::version);
    if (options_.date_epoch) {
      HPDF_Date date = utc_date(*options_.date_epoch);
      pdf_.check("writing the creation date",
                 HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date) == HPDF_OK);
      pdf_.check("writing the modification date",
                 HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date) == HPDF_OK);
    }
  }

  void paint_page(const Page &page) {
    HPDF_Page p = HPDF_AddPage(pdf_.get());
    pdf_.check("adding a page", p != nullptr);
    HPDF_Page_SetWidth(p, real(in_.page_width));
    HPDF_Page_SetHeight(p, real(in_.page_height));
    pages_.push_back(p);
    page_ = p;
    in_text_ = false;
    stroking_text_ = false;
    font_ = nullptr;
    size_ = -1;
    fill_ = stroke_ = kUnknownColor;
    for (const auto &item : page.items)
      std::visit([this](const auto &it) { draw(it); }, item);
    end_text();
    pdf_.check("drawing page " + std::to_string(pages_.size()));
  }

  void begin_text() {
    if (!in_text_) {
      HPDF_Page_BeginText(page_);
      in_text_ = true;
    }
  }
  void end_text() {
    if (in_text_) {
      HPDF_Page_EndText(page_);
      in_text_ = false;
    }
  }
  void fill_color(std::uint32_t rgb) {
    if (fill_ != rgb) {
      HPDF_Page_SetRGBFill(page_, channel(rgb, 16), channel(rgb, 8), channel(rgb, 0));
      fill_ = rgb;
    }
  }
  void stroke_color(std::uint32_t rgb) {
    if (stroke_ != rgb) {
      HPDF_Page_SetRGBStroke(page_, channel(rgb, 16), channel(rgb, 8), channel(rgb, 0));
      stroke_ = rgb;
    }
  }

  void draw(const TextItem &t) {
    if (!t.face || t.text.empty() || t.size <= 0)
      return;
    auto it = fonts_.find(t.face);
    if (it == fonts_.end())
      return;
    begin_text();
    if (it->second != font_ || t.size != size_) {
      HPDF_Page_SetFontAndSize(page_, it->second, real(t.size));
      font_ = it->second;
      size_ = t.size;
    }
    fill_color(t.color);
    // Synthetic bold: fill and stroke the outlines; synthetic italic: slant.
    const bool bolden = synthetic_bold(*t.face);
    if (bolden) {
      stroke_color(t.color);
      HPDF_Page_SetLineWidth(page_, real(t.size * 0.03));
    }
    if (bolden != stroking_text_) {
      HPDF_Page_SetTextRenderingMode(page_, bolden ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
      stroking_text_ = bolden;
    }
    const HPDF_REAL slant = synthetic_italic(*t.face) ? 0.2126f : 0.0f; // tan 12°
    // Absolute placement per run: no accumulated rounding from relative moves.
    HPDF_Page_SetTextMatrix(page_, 1, 0, slant, 1, real(t.x), real(t.y));
    HPDF_Page_ShowText(page_, t.text.c_str());
  }

  void draw(const RuleItem &r) {
    if (r.thickness <= 0)
      return;
    end_text();
    HPDF_Page_SetLineWidth(page_, real(r.thickness));
    stroke_color(r.color);
    HPDF_Page_MoveTo(page_, real(r.x0), real(r.y0));
    HPDF_Page_LineTo(page_, real(r.x1), real(r.y1));
    HPDF_Page_Stroke(page_);
  }

  void draw(const RectItem &r) {
    if (r.width <= 0 || r.height <= 0)
      return;
    end_text();
    fill_color(r.color);
    HPDF_Page_Rectangle(page_, real(r.x), real(r.y), real(r.width), real(r.height));
    HPDF_Page_Fill(page_);
  }

  void draw(const ImageItem &im) {
    if (im.bytes.empty() || im.width <= 0 || im.height <= 0)
      return;
    end_text();
    HPDF_Image image = nullptr;
    if (auto it = images_.find(im.bytes); it != images_.end()) {
      image = it->second;
    } else {
      std::string problem =
          im.format == ImageItem::Format::png ? png_problem(im.bytes) : jpeg_problem(im.bytes);
      if (!problem.empty())
        throw RenderError("PDF: cannot embed an image: " + problem);
      const auto *data = reinterpret_cast<const HPDF_BYTE *>(im.bytes.data());
      auto size = static_cast<HPDF_UINT>(im.bytes.size());
      image = im.format == ImageItem::Format::png
                  ? HPDF_LoadPngImageFromMem(pdf_.get(), data, size)
                  : HPDF_LoadJpegImageFromMem(pdf_.get(), data, size);
      pdf_.check("loading an image", image != nullptr);
      images_.emplace(im.bytes, image);
    }
    HPDF_Page_DrawImage(page_, image, real(im.x), real(im.y), real(im.width), real(im.height));
  }

  void draw(const LinkItem &l) {
    if (l.uri.empty() || l.width <= 0 || l.height <= 0)
      return;
    HPDF_Rect rect{real(l.x), real(l.y), real(l.x + l.width), real(l.y + l.height)};
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, rect, ascii_uri(l.uri).c_str());
    pdf_.check("adding a link", annot != nullptr);
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
  }

  void write_bookmarks() {
    for (const auto &b : in_.bookmarks) {
      if (b.title.empty() || pages_.empty())
        continue;
      std::size_t index = b.page < 0 ? 0 : static_cast<std::size_t>(b.page);
      if (index >= pages_.size())
        index = pages_.size() - 1;
      HPDF_Outline outline = HPDF_CreateOutline(pdf_.get(), nullptr, b.title.c_str(), utf8_);
      pdf_.check("adding a bookmark", outline != nullptr);
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[index]);
      pdf_.check("adding a bookmark", dst != nullptr);
      double top = b.y < 0 ? 0 : b.y > in_.page_height ? in_.page_height : b.y;
      HPDF_Destination_SetFitH(dst, real(top));
      HPDF_Outline_SetDestination(outline, dst);
      pdf_.check("adding a bookmark");
    }
  }

  const LaidOutDocument &in_;
  const PaintOptions &options_;
  HpdfDocument pdf_;
  HPDF_Encoder utf8_ = nullptr;
  std::unordered_map<const FontFace *, HPDF_Font> fonts_;
  std::map<std::string_view, HPDF_Image> images_;
  std::vector<HPDF_Page> pages_;
  // Current page state.
  HPDF_Page page_ = nullptr;
  bool in_text_ = false;
  bool stroking_text_ = false;
  HPDF_Font font_ = nullptr;
  double size_ = -1;
  static constexpr std::uint64_t kUnknownColor = std::uint64_t{1} << 32;
  std::uint64_t fill_ = kUnknownColor, stroke_ = kUnknownColor;
};

} // namespace

std::string paint_pdf(const LaidOutDocument &document, const PaintOptions &options) {
  return Painter(document, options).run();
}

std::optional<std::int64_t> source_date_epoch_from_env() {
  const char *value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value)
    return std::nullopt;
  std::int64_t epoch = 0;
  const char *end = value + std::strlen(value);
  auto [ptr, ec] = std::from_chars(value, end, epoch);
  if (ec != std::errc() || ptr != end || epoch < 0)
    return std::nullopt;
  return epoch;
}

} // namespace cvpress::detail

// build_subset_ttf: a minimal TrueType font holding just the glyphs a
// document uses, every composite flattened into a simple glyph, no hinting.
// Written from the source tables directly so the outlines stay point-exact
// and libharu 2.3.0 (which mangles composites) only ever sees simple glyphs.
#include "fonts/font_face.hpp"

#include <cvpress/diagnostics.hpp>

#include <hb-ot.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <vector>

namespace cvpress::detail {
namespace {

[[noreturn]] void fail(const FontFace& face, const char* what) {
  throw RenderError("cannot subset font " + face.path + ": " + what);
}

// A source table, borrowed from the face's blob.
class Table {
public:
  Table(hb_face_t* face, const char (&tag)[5])
      : blob_(hb_face_reference_table(face, HB_TAG(tag[0], tag[1], tag[2], tag[3]))) {
    unsigned len = 0;
    data_ = reinterpret_cast<const std::uint8_t*>(hb_blob_get_data(blob_, &len));
    size_ = len;
  }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  ~Table() { hb_blob_destroy(blob_); }
  std::size_t size() const { return size_; }
  const std::uint8_t* data() const { return data_; }
  bool has(std::size_t off, std::size_t n) const { return off <= size_ && n <= size_ - off; }
  unsigned u8(std::size_t off) const { return has(off, 1) ? data_[off] : 0; }
  unsigned u16(std::size_t off) const {
    return has(off, 2) ? unsigned(data_[off]) << 8 | data_[off + 1] : 0;
  }
  int s16(std::size_t off) const { return static_cast<std::int16_t>(u16(off)); }
  std::uint32_t u32(std::size_t off) const {
    return has(off, 4) ? std::uint32_t(u16(off)) << 16 | u16(off + 2) : 0;
  }

private:
  hb_blob_t* blob_;
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

struct Point {
  double x = 0, y = 0;
  bool on = true;
};

// Contours of one glyph in font units.
struct Outline {
  std::vector<Point> points;
  std::vector<std::size_t> ends; // index of each contour's last point
};

struct Box {
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// Reads glyphs from the source glyf/loca and flattens composites.
class GlyphSource {
public:
  explicit GlyphSource(const FontFace& face)
      : face_(face), hb_face_(face.loaded->face), head_(hb_face_, "head"), maxp_(hb_face_, "maxp"),
        loca_(hb_face_, "loca"), glyf_(hb_face_, "glyf"), hhea_(hb_face_, "hhea"),
        hmtx_(hb_face_, "hmtx") {
    if (head_.size() < 54 || maxp_.size() < 6 || hhea_.size() < 36)
      fail(face, "head, maxp or hhea table missing");
    long_loca_ = head_.s16(50) != 0;
    num_glyphs_ = maxp_.u16(4);
    n_hmetrics_ = hhea_.u16(34);
    if (n_hmetrics_ == 0 || hmtx_.size() < 4 * std::size_t(n_hmetrics_))
      fail(face, "hmtx table too short");
  }
  const Table& hhea() const { return hhea_; }

  unsigned advance(unsigned gid) const {
    return hmtx_.u16(4 * std::size_t(gid < n_hmetrics_ ? gid : n_hmetrics_ - 1));
  }
  int lsb(unsigned gid) const {
    return hmtx_.s16(gid < n_hmetrics_ ? 4 * std::size_t(gid) + 2
                                       : 4 * std::size_t(n_hmetrics_) + 2 * (gid - n_hmetrics_));
  }

  // x of the left phantom point (xMin - lsb, or a USE_MY_METRICS component's).
  // Rasterisers (FreeType, and HarfBuzz after it) shift the outline by minus
  // this; the subset bakes that shift into its points.
  int phantom_left(unsigned gid, int depth = 0) const {
    const auto [off, len] = range(gid);
    int x = (len ? glyf_.s16(off + 2) : 0) - lsb(gid);
    if (len == 0 || glyf_.s16(off) >= 0 || depth > 16)
      return x;
    for (std::size_t p = off + 10; p + 4 <= off + len;) {
      const unsigned flags = glyf_.u16(p);
      if (flags & 0x0200) // USE_MY_METRICS
        x = phantom_left(glyf_.u16(p + 2), depth + 1);
      p += 4 + ((flags & 0x0001) ? 4 : 2) +
           ((flags & 0x0008)   ? 2
            : (flags & 0x0040) ? 4
            : (flags & 0x0080) ? 8
                               : 0);
      if (!(flags & 0x0020))
        break;
    }
    return x;
  }
  const Table& head() const { return head_; }
  unsigned num_glyphs() const { return num_glyphs_; }

  // Bytes of glyph `gid` in glyf ({nullptr, 0} when empty).
  std::pair<std::size_t, std::size_t> range(unsigned gid) const {
    if (gid >= num_glyphs_)
      return {0, 0};
    std::size_t a = 0, b = 0;
    if (long_loca_) {
      a = loca_.u32(4 * std::size_t(gid));
      b = loca_.u32(4 * std::size_t(gid) + 4);
    } else {
      a = 2 * std::size_t(loca_.u16(2 * std::size_t(gid)));
      b = 2 * std::size_t(loca_.u16(2 * std::size_t(gid) + 2));
    }
    if (b <= a || !glyf_.has(a, b - a) || b - a < 10)
      return {0, 0};
    return {a, b - a};
  }

  // The glyph's header bounding box (what rasterisers and HarfBuzz report).
  Box box(unsigned gid) const {
    const auto [off, len] = range(gid);
    if (len == 0)
      return {};
    return {glyf_.s16(off + 2), glyf_.s16(off + 4), glyf_.s16(off + 6), glyf_.s16(off + 8)};
  }

  // Appends the glyph's contours, composites resolved recursively.
  void flatten(unsigned gid, Outline& out, int depth = 0) const {
    if (depth > 16)
      fail(face_, "composite glyphs nested too deeply");
    const auto [off, len] = range(gid);
    if (len == 0)
      return;
    const int contours = glyf_.s16(off);
    if (contours >= 0)
      read_simple(off, len, contours, out);
    else
      read_composite(off, len, out, depth);
  }

private:
  void read_simple(std::size_t off, std::size_t len, int contours, Outline& out) const {
    const std::size_t end = off + len;
    std::size_t p = off + 10;
    const std::size_t base = out.points.size();
    std::size_t n_points = 0;
    std::vector<std::size_t> ends;
    for (int c = 0; c < contours; ++c, p += 2) {
      if (p + 2 > end)
        fail(face_, "truncated glyph");
      const std::size_t e = glyf_.u16(p);
      if (!ends.empty() && e < ends.back())
        fail(face_, "bad contour end points");
      ends.push_back(e);
      n_points = e + 1;
    }
    if (p + 2 > end)
      fail(face_, "truncated glyph");
    p += 2 + glyf_.u16(p); // skip instructions
    std::vector<std::uint8_t> flags;
    flags.reserve(n_points);
    while (flags.size() < n_points) {
      if (p >= end)
        fail(face_, "truncated glyph flags");
      const std::uint8_t f = static_cast<std::uint8_t>(glyf_.u8(p++));
      flags.push_back(f);
      if (f & 0x08) {
        if (p >= end)
          fail(face_, "truncated glyph flags");
        for (unsigned r = glyf_.u8(p++); r > 0 && flags.size() < n_points; --r)
          flags.push_back(f);
      }
    }
    auto coords = [&](std::uint8_t short_bit, std::uint8_t same_bit, auto set) {
      int v = 0;
      for (std::size_t i = 0; i < n_points; ++i) {
        const std::uint8_t f = flags[i];
        if (f & short_bit) {
          if (p >= end)
            fail(face_, "truncated glyph coordinates");
          const int d = static_cast<int>(glyf_.u8(p++));
          v += (f & same_bit) ? d : -d;
        } else if (!(f & same_bit)) {
          if (p + 2 > end)
            fail(face_, "truncated glyph coordinates");
          v += glyf_.s16(p);
          p += 2;
        }
        set(i, v);
      }
    };
    out.points.resize(base + n_points);
    for (std::size_t i = 0; i < n_points; ++i)
      out.points[base + i].on = flags[i] & 0x01;
    coords(0x02, 0x10, [&](std::size_t i, int v) { out.points[base + i].x = v; });
    coords(0x04, 0x20, [&](std::size_t i, int v) { out.points[base + i].y = v; });
    for (std::size_t e : ends)
      out.ends.push_back(base + e);
  }

  // Component semantics as in HarfBuzz's glyf reader (what the test compares with).
  void read_composite(std::size_t off, std::size_t len, Outline& out, int depth) const {
    const std::size_t end = off + len;
    std::size_t p = off + 10;
    for (bool more = true; more;) {
      if (p + 4 > end)
        fail(face_, "truncated composite glyph");
      const unsigned flags = glyf_.u16(p);
      const unsigned child = glyf_.u16(p + 2);
      p += 4;
      int arg1 = 0, arg2 = 0;
      if (flags & 0x0001) { // ARG_1_AND_2_ARE_WORDS
        if (p + 4 > end)
          fail(face_, "truncated composite glyph");
        arg1 = (flags & 0x0002) ? glyf_.s16(p) : int(glyf_.u16(p));
        arg2 = (flags & 0x0002) ? glyf_.s16(p + 2) : int(glyf_.u16(p + 2));
        p += 4;
      } else {
        if (p + 2 > end)
          fail(face_, "truncated composite glyph");
        arg1 = (flags & 0x0002) ? int(std::int8_t(glyf_.u8(p))) : int(glyf_.u8(p));
        arg2 = (flags & 0x0002) ? int(std::int8_t(glyf_.u8(p + 1))) : int(glyf_.u8(p + 1));
        p += 2;
      }
      double m[4] = {1, 0, 0, 1}; // x' = m0*x + m2*y, y' = m1*x + m3*y
      auto f2dot14 = [&](std::size_t at) { return glyf_.s16(at) / 16384.0; };
      if (flags & 0x0008) { // WE_HAVE_A_SCALE
        m[0] = m[3] = f2dot14(p);
        p += 2;
      } else if (flags & 0x0040) { // WE_HAVE_AN_X_AND_Y_SCALE
        m[0] = f2dot14(p);
        m[3] = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x0080) { // WE_HAVE_A_TWO_BY_TWO
        m[0] = f2dot14(p);
        m[1] = f2dot14(p + 2);
        m[2] = f2dot14(p + 4);
        m[3] = f2dot14(p + 6);
        p += 8;
      }
      if (p > end)
        fail(face_, "truncated composite glyph");
      more = flags & 0x0020;

      Outline part;
      flatten(child, part, depth + 1);
      auto transform = [&] {
        for (Point& pt : part.points) {
          const double x = pt.x, y = pt.y;
          pt.x = m[0] * x + m[2] * y;
          pt.y = m[1] * x + m[3] * y;
        }
      };
      auto translate = [&](double dx, double dy) {
        for (Point& pt : part.points) {
          pt.x += dx;
          pt.y += dy;
        }
      };
      if (flags & 0x0002) { // offsets
        const bool scaled = (flags & 0x1800) == 0x0800;
        if (scaled) {
          translate(arg1, arg2);
          transform();
        } else {
          transform();
          translate(arg1, arg2);
        }
      } else { // point matching: parent point arg1 meets child point arg2
        transform();
        const auto p1 = static_cast<std::size_t>(arg1), p2 = static_cast<std::size_t>(arg2);
        if (p1 < out.points.size() && p2 < part.points.size())
          translate(out.points[p1].x - part.points[p2].x, out.points[p1].y - part.points[p2].y);
      }
      const std::size_t base = out.points.size();
      out.points.insert(out.points.end(), part.points.begin(), part.points.end());
      for (std::size_t e : part.ends)
        out.ends.push_back(base + e);
    }
  }

  const FontFace& face_;
  hb_face_t* hb_face_;
  Table head_, maxp_, loca_, glyf_, hhea_, hmtx_;
  bool long_loca_ = false;
  unsigned num_glyphs_ = 0;
  unsigned n_hmetrics_ = 0;
};

// Big-endian writers.
void put8(std::string& s, unsigned v) { s.push_back(static_cast<char>(v & 0xFF)); }
void put16(std::string& s, unsigned v) {
  put8(s, v >> 8);
  put8(s, v);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}
void set16(std::string& s, std::size_t off, unsigned v) {
  s[off] = static_cast<char>((v >> 8) & 0xFF);
  s[off + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& s, std::size_t off, std::uint32_t v) {
  set16(s, off, v >> 16);
  set16(s, off + 2, v & 0xFFFF);
}
std::string copy_of(const Table& t, std::size_t min_len) {
  std::string s(reinterpret_cast<const char*>(t.data()), t.size());
  if (s.size() < min_len)
    s.resize(min_len, '\0');
  return s;
}

// A simple glyph, no instructions; "" for an empty outline.
std::string encode_glyph(const Outline& o, const Box& box) {
  std::string g;
  if (o.ends.empty())
    return g;
  put16(g, static_cast<unsigned>(o.ends.size()));
  put16(g, static_cast<unsigned>(box.x_min) & 0xFFFF);
  put16(g, static_cast<unsigned>(box.y_min) & 0xFFFF);
  put16(g, static_cast<unsigned>(box.x_max) & 0xFFFF);
  put16(g, static_cast<unsigned>(box.y_max) & 0xFFFF);
  for (std::size_t e : o.ends)
    put16(g, static_cast<unsigned>(e));
  put16(g, 0); // instructionLength
  const std::size_t n = o.points.size();
  std::vector<std::uint8_t> flags(n);
  std::string xs, ys;
  long px = 0, py = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const long x = std::lround(o.points[i].x), y = std::lround(o.points[i].y);
    std::uint8_t f = o.points[i].on ? 0x01 : 0x00;
    auto code = [&f](long d, std::uint8_t short_bit, std::uint8_t same_bit, std::string& bytes) {
      if (d == 0) {
        f |= same_bit;
      } else if (d >= -255 && d <= 255) {
        f |= short_bit;
        if (d > 0)
          f |= same_bit;
        put8(bytes, static_cast<unsigned>(d > 0 ? d : -d));
      } else {
        put16(bytes, static_cast<unsigned>(d) & 0xFFFF);
      }
    };
    code(x - px, 0x02, 0x10, xs);
    code(y - py, 0x04, 0x20, ys);
    px = x;
    py = y;
    flags[i] = f;
  }
  for (std::size_t i = 0; i < n;) {
    std::size_t run = 1;
    while (i + run < n && flags[i + run] == flags[i] && run < 256)
      ++run;
    if (run > 2) {
      put8(g, flags[i] | 0x08);
      put8(g, static_cast<unsigned>(run - 1));
    } else {
      for (std::size_t k = 0; k < run; ++k)
        put8(g, flags[i]);
    }
    i += run;
  }
  g += xs;
  g += ys;
  return g;
}

// ASCII form of a name, for the PostScript name and the Mac name records.
std::string ascii(std::string_view s, bool postscript) {
  std::string r;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 32 || u > 126)
      continue;
    if (postscript && (u == ' ' || std::strchr("[](){}<>/%", c)))
      continue;
    r.push_back(c);
  }
  return r;
}

std::string ot_name(hb_face_t* face, hb_ot_name_id_t id) {
  char buf[256];
  unsigned len = sizeof buf;
  if (hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, buf) == 0)
    return {};
  return std::string(buf, std::min<std::size_t>(len, sizeof buf - 1));
}

std::string name_table(const std::vector<std::pair<unsigned, std::string>>& names) {
  std::string strings, records;
  unsigned count = 0;
  for (const bool mac : {true, false}) {
    for (const auto& [id, value] : names) {
      std::string enc;
      for (char c : value) {
        if (!mac)
          put8(enc, 0);
        put8(enc, static_cast<unsigned char>(c));
      }
      put16(records, mac ? 1 : 3);     // platform
      put16(records, mac ? 0 : 1);     // encoding: Roman / Unicode BMP
      put16(records, mac ? 0 : 0x409); // language: English
      put16(records, id);              // name id
      put16(records, static_cast<unsigned>(enc.size()));
      put16(records, static_cast<unsigned>(strings.size()));
      strings += enc;
      ++count;
    }
  }
  std::string t;
  put16(t, 0);
  put16(t, count);
  put16(t, 6 + 12 * count);
  return t + records + strings;
}

// A version-1 OS/2 table from hhea/head, for old fonts without one (libharu
// needs it).
std::string synthetic_os2(const std::string& hhea, const std::string& head) {
  auto at16 = [](const std::string& t, std::size_t off) {
    return static_cast<unsigned>(static_cast<unsigned char>(t[off]) << 8 |
                                 static_cast<unsigned char>(t[off + 1]));
  };
  const unsigned mac_style = at16(head, 44);
  const unsigned asc = at16(hhea, 4), desc = at16(hhea, 6), gap = at16(hhea, 8);
  std::string t;
  put16(t, 1);                           // version
  put16(t, 0);                           // xAvgCharWidth
  put16(t, (mac_style & 1) ? 700 : 400); // usWeightClass
  put16(t, 5);                           // usWidthClass: medium
  put16(t, 0);                           // fsType: installable
  for (int k = 0; k < 10; ++k)
    put16(t, 0);       // sub/superscript, strikeout, sFamilyClass
  t.append(10, '\0');  // panose
  t.append(16, '\0');  // ulUnicodeRange1-4
  t.append("cvpr", 4); // achVendID
  put16(t, (mac_style & 1 ? 0x20 : 0) | (mac_style & 2 ? 0x01 : 0) | (mac_style & 3 ? 0 : 0x40));
  put16(t, 0x20);   // usFirstCharIndex
  put16(t, 0xFFFF); // usLastCharIndex
  put16(t, asc);
  put16(t, desc);
  put16(t, gap);
  put16(t, asc);                       // usWinAscent
  put16(t, (0x10000 - desc) & 0xFFFF); // usWinDescent (positive)
  put32(t, 1);                         // ulCodePageRange1: Latin 1
  put32(t, 0);
  return t;
}

std::uint32_t checksum(const std::string& s) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < s.size(); i += 4) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k)
      v = v << 8 | (i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u);
    sum += v;
  }
  return sum;
}

} // namespace

std::string build_subset_ttf(const FontFace& face, const std::set<char32_t>& codepoints) {
  hb_face_t* hbf = face.loaded->face;
  GlyphSource src(face);

  // New glyph ids in code point order (so cmap segments are runs), .notdef first.
  std::vector<unsigned> old_gid{0};
  std::map<unsigned, unsigned> new_of_old{{0, 0}};
  std::vector<std::pair<char32_t, unsigned>> cmap; // code point -> new gid
  for (char32_t cp : codepoints) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFF)
      continue; // not characters (U+FFFF ends the format-4 cmap)
    const unsigned g = glyph_id(face, cp);
    if (g == 0 || g >= src.num_glyphs())
      continue;
    auto [it, added] = new_of_old.emplace(g, static_cast<unsigned>(old_gid.size()));
    if (added)
      old_gid.push_back(g);
    cmap.emplace_back(cp, it->second);
  }
  const auto n_glyphs = static_cast<unsigned>(old_gid.size());

  // glyf + loca, and the metrics derived from them.
  std::string glyf, hmtx;
  std::vector<std::uint32_t> loca{0};
  unsigned max_points = 0, max_contours = 0, adv_max = 0;
  int min_lsb = 0x7FFF, min_rsb = 0x7FFF, max_extent = -0x8000;
  Box all{0x7FFF, 0x7FFF, -0x8000, -0x8000};
  bool any_outline = false;
  for (unsigned g : old_gid) {
    Outline o;
    src.flatten(g, o);
    const int lsb = src.lsb(g);
    const unsigned adv = src.advance(g);
    // Where rasterisers draw it: shifted so the left phantom point is at 0,
    // i.e. xMin = lsb. Bake that in, so the subset needs no shift.
    if (const int shift = src.phantom_left(g))
      for (Point& pt : o.points)
        pt.x -= shift;
    const Box hdr = src.box(g);
    const Box b{lsb, hdr.y_min, lsb + (hdr.x_max - hdr.x_min), hdr.y_max};
    glyf += encode_glyph(o, b);
    if (glyf.size() % 2)
      glyf.push_back('\0');
    loca.push_back(static_cast<std::uint32_t>(glyf.size()));
    put16(hmtx, adv);
    put16(hmtx, static_cast<unsigned>(lsb) & 0xFFFF);
    adv_max = std::max(adv_max, adv);
    if (!o.ends.empty()) {
      any_outline = true;
      max_points = std::max(max_points, static_cast<unsigned>(o.points.size()));
      max_contours = std::max(max_contours, static_cast<unsigned>(o.ends.size()));
      min_lsb = std::min(min_lsb, lsb);
      min_rsb = std::min(min_rsb, int(adv) - (lsb + b.x_max - b.x_min));
      max_extent = std::max(max_extent, lsb + (b.x_max - b.x_min));
      all = {std::min(all.x_min, b.x_min), std::min(all.y_min, b.y_min),
             std::max(all.x_max, b.x_max), std::max(all.y_max, b.y_max)};
    }
  }
  if (!any_outline)
    all = {}, min_lsb = min_rsb = max_extent = 0;
  if (max_points > 0xFFFF)
    fail(face, "flattened glyph has too many points");
  const bool long_loca = glyf.size() > 0x1FFFE;
  std::string loca_t;
  for (std::uint32_t off : loca)
    long_loca ? put32(loca_t, off) : put16(loca_t, off / 2);

  // head: source fields, new bbox/loca format, no instruction-dependent flags.
  std::string head = copy_of(src.head(), 54);
  head.resize(54);
  set32(head, 8, 0); // checkSumAdjustment, filled in last
  set16(head, 16, src.head().u16(16) & ~0x0010u);
  set16(head, 36, static_cast<unsigned>(all.x_min) & 0xFFFF);
  set16(head, 38, static_cast<unsigned>(all.y_min) & 0xFFFF);
  set16(head, 40, static_cast<unsigned>(all.x_max) & 0xFFFF);
  set16(head, 42, static_cast<unsigned>(all.y_max) & 0xFFFF);
  set16(head, 50, long_loca ? 1 : 0);
  set16(head, 52, 0);

  std::string hhea = copy_of(src.hhea(), 36);
  hhea.resize(36);
  set16(hhea, 10, adv_max);
  set16(hhea, 12, static_cast<unsigned>(min_lsb) & 0xFFFF);
  set16(hhea, 14, static_cast<unsigned>(min_rsb) & 0xFFFF);
  set16(hhea, 16, static_cast<unsigned>(max_extent) & 0xFFFF);
  set16(hhea, 34, n_glyphs);

  std::string maxp;
  put32(maxp, 0x00010000);
  put16(maxp, n_glyphs);
  put16(maxp, max_points);
  put16(maxp, max_contours);
  put16(maxp, 0); // maxCompositePoints
  put16(maxp, 0); // maxCompositeContours
  put16(maxp, 1); // maxZones
  for (int k = 0; k < 8; ++k)
    put16(maxp, 0); // twilight points ... component depth: no hinting, no composites

  // cmap: a (3,1) format-4 subtable for the BMP, a segment per run of
  // consecutive code points with consecutive glyph ids.
  std::vector<std::array<unsigned, 3>> segs; // start, end, delta
  for (const auto& [cp, g] : cmap) {
    if (cp > 0xFFFF)
      break;
    const auto c = static_cast<unsigned>(cp);
    if (!segs.empty() && segs.back()[1] + 1 == c && ((c + segs.back()[2]) & 0xFFFF) == g)
      segs.back()[1] = c;
    else
      segs.push_back({c, c, (g - c) & 0xFFFF});
  }
  segs.push_back({0xFFFF, 0xFFFF, 1});
  const auto seg_x2 = static_cast<unsigned>(2 * segs.size());
  unsigned search = 2, selector = 0;
  while (search * 2 <= seg_x2)
    search *= 2, ++selector;
  std::string sub;
  put16(sub, 4);
  put16(sub, 16 + 4 * seg_x2);
  put16(sub, 0);
  put16(sub, seg_x2);
  put16(sub, search);
  put16(sub, selector);
  put16(sub, seg_x2 - search);
  for (const auto& s : segs)
    put16(sub, s[1]);
  put16(sub, 0);
  for (const auto& s : segs)
    put16(sub, s[0]);
  for (const auto& s : segs)
    put16(sub, s[2]);
  for (std::size_t k = 0; k < segs.size(); ++k)
    put16(sub, 0);
  // Characters beyond the BMP (emoji, ...) also get a (3,10) format-12
  // subtable of all characters: groups of consecutive code points and glyphs.
  std::string sub12;
  if (!cmap.empty() && cmap.back().first > 0xFFFF) {
    std::vector<std::array<std::uint32_t, 3>> groups; // start, end, first glyph
    for (const auto& [cp, g] : cmap) {
      const auto c = static_cast<std::uint32_t>(cp);
      if (!groups.empty() && groups.back()[1] + 1 == c &&
          groups.back()[2] + (c - groups.back()[0]) == g)
        groups.back()[1] = c;
      else
        groups.push_back({c, c, g});
    }
    put16(sub12, 12);
    put16(sub12, 0);
    put32(sub12, static_cast<std::uint32_t>(16 + 12 * groups.size()));
    put32(sub12, 0); // language
    put32(sub12, static_cast<std::uint32_t>(groups.size()));
    for (const auto& gr : groups)
      for (std::uint32_t v : gr)
        put32(sub12, v);
  }
  const unsigned n_subtables = sub12.empty() ? 1 : 2;
  std::string cmap_t;
  put16(cmap_t, 0);
  put16(cmap_t, n_subtables);
  put16(cmap_t, 3);
  put16(cmap_t, 1);
  put32(cmap_t, 4 + 8 * n_subtables);
  if (!sub12.empty()) {
    put16(cmap_t, 3);
    put16(cmap_t, 10);
    put32(cmap_t, static_cast<std::uint32_t>(4 + 8 * n_subtables + sub.size()));
  }
  cmap_t += sub;
  cmap_t += sub12;

  // OS/2: source table, char range of the subset.
  Table os2_src(hbf, "OS/2");
  std::string os2 = os2_src.size() >= 78 ? copy_of(os2_src, 78) : synthetic_os2(hhea, head);
  if (!cmap.empty()) {
    // 16-bit fields: 0xFFFF stands for anything beyond the BMP.
    set16(os2, 64, static_cast<unsigned>(std::min<char32_t>(cmap.front().first, 0xFFFF)));
    set16(os2, 66, static_cast<unsigned>(std::min<char32_t>(cmap.back().first, 0xFFFF)));
  }

  // post format 3 (no glyph names).
  Table post_src(hbf, "post");
  std::string post;
  put32(post, 0x00030000);
  for (std::size_t k = 4; k < 16; ++k)
    put8(post, post_src.u8(k)); // italicAngle, underline, isFixedPitch
  for (int k = 0; k < 4; ++k)
    put32(post, 0);

  // name: short, ASCII. The PostScript name carries a hash of the glyph set so
  // different subsets of one face never share a name inside one PDF.
  std::uint32_t hash = 2166136261u;
  for (const auto& [cp, g] : cmap)
    for (std::uint32_t v : {static_cast<std::uint32_t>(cp), std::uint32_t(g)})
      hash = (hash ^ v) * 16777619u;
  std::string ps = ascii(ot_name(hbf, HB_OT_NAME_ID_POSTSCRIPT_NAME), true);
  if (ps.empty())
    ps = ascii(face.family, true);
  ps = ps.substr(0, 40);
  char hex[9] = {};
  const auto res = std::to_chars(hex, hex + 8, hash | 0x10000000u, 16);
  ps += "-S" + std::string(hex, res.ptr);
  std::string family = ascii(face.family, false).substr(0, 60);
  std::string style = ascii(ot_name(hbf, HB_OT_NAME_ID_FONT_SUBFAMILY), false).substr(0, 30);
  if (style.empty())
    style = "Regular";
  // Subfamily "Regular": libharu 2.3.0 appends any other subfamily to the
  // BaseFont (",Bold") and sets ForceBold; the PostScript name keeps the style.
  const std::string name_t =
      name_table({{1, family}, {2, "Regular"}, {3, ps}, {4, family + " " + style}, {6, ps}});

  // Assemble: directory sorted by tag, 4-byte aligned tables, checksums.
  const std::vector<std::pair<const char*, const std::string*>> tables = {
      {"OS/2", &os2},  {"cmap", &cmap_t}, {"glyf", &glyf}, {"head", &head},   {"hhea", &hhea},
      {"hmtx", &hmtx}, {"loca", &loca_t}, {"maxp", &maxp}, {"name", &name_t}, {"post", &post}};
  const auto n_tables = static_cast<unsigned>(tables.size());
  unsigned sr = 1, es = 0;
  while (sr * 2 <= n_tables)
    sr *= 2, ++es;
  std::string font;
  put32(font, 0x00010000);
  put16(font, n_tables);
  put16(font, sr * 16);
  put16(font, es);
  put16(font, n_tables * 16 - sr * 16);
  std::size_t offset = 12 + 16 * std::size_t(n_tables);
  std::size_t head_offset = 0;
  for (const auto& [tag, data] : tables) {
    font.append(tag, 4);
    put32(font, checksum(*data));
    put32(font, static_cast<std::uint32_t>(offset));
    put32(font, static_cast<std::uint32_t>(data->size()));
    if (std::strcmp(tag, "head") == 0)
      head_offset = offset;
    offset += (data->size() + 3) & ~std::size_t(3);
  }
  for (const auto& [tag, data] : tables) {
    font += *data;
    font.resize((font.size() + 3) & ~std::size_t(3), '\0');
  }
  set32(font, head_offset + 8, 0xB1B0AFBAu - checksum(font));
  return font;
}

} // namespace cvpress::detail

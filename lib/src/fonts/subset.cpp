// subset_font: HarfBuzz's hb-subset makes the font program; the PDF facts
// come from the source face through HarfBuzz's API. An OpenType/CFF face is
// subset like a TrueType one; its bare CFF table is the program (PDF
// FontFile3 /CIDFontType0C), and its charset gives the CIDs.
//
// No flattening or other fix-up: the painter embeds the program itself as a
// CIDFontType2 font (glyph ids as codes), so libharu 2.3.0's TrueType loader,
// which loses composite components, never sees it. Composite glyphs stay
// composites; hb-subset keeps their components in the subset.
#include "fonts/font_face.hpp"

#include <cvpress/diagnostics.hpp>

#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace cvpress::detail {
namespace {

template <typename T, void (*Destroy)(T*)> struct Deleter {
  void operator()(T* p) const { Destroy(p); }
};
template <typename T, void (*Destroy)(T*)> using Handle = std::unique_ptr<T, Deleter<T, Destroy>>;
using Input = Handle<hb_subset_input_t, hb_subset_input_destroy>;
using Plan = Handle<hb_subset_plan_t, hb_subset_plan_destroy>;
using Face = Handle<hb_face_t, hb_face_destroy>;
using Blob = Handle<hb_blob_t, hb_blob_destroy>;

[[noreturn]] void fail(const FontFace& face, const char* what) {
  throw RenderError("cannot subset font " + face.path + ": " + what);
}

constexpr hb_tag_t cff_tag = HB_TAG('C', 'F', 'F', ' ');

// The tables a PDF viewer reads from an embedded TrueType font (cmap and
// name for other readers of the program); every other table is dropped.
constexpr std::array<hb_tag_t, 10> kept_tables{
    HB_TAG('O', 'S', '/', '2'), HB_TAG('c', 'm', 'a', 'p'), HB_TAG('g', 'l', 'y', 'f'),
    HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'),
    HB_TAG('l', 'o', 'c', 'a'), HB_TAG('m', 'a', 'x', 'p'), HB_TAG('n', 'a', 'm', 'e'),
    HB_TAG('p', 'o', 's', 't')};

// ------------------------------------------------------------ CFF charset

// Reads what the PDF needs from a bare CFF font: whether it is CID-keyed and,
// if so, the CID of each glyph (its charset). Bounds-checked; false when the
// data is malformed.
class CffReader {
public:
  explicit CffReader(std::string_view data) : d_(data) {}

  // CIDs per glyph id of a CID-keyed font; `cids` left empty for a
  // name-keyed font (glyph ids are the codes).
  bool cids(std::vector<unsigned>& cids) {
    if (d_.size() < 4)
      return false;
    std::size_t pos = byte(2); // header size
    std::size_t name_data = 0, name_end = 0;
    if (!index(pos, name_data, name_end)) // Name INDEX
      return false;
    std::size_t top = 0, top_end = 0;
    const std::size_t after_name = name_end;
    if (!index_first(after_name, top, top_end)) // Top DICT INDEX, first entry
      return false;
    long charset = -1, charstrings = -1;
    bool cid_keyed = false;
    std::vector<long> operands;
    for (std::size_t p = top; p < top_end;) {
      const unsigned b0 = byte(p);
      if (b0 <= 21) { // operator
        unsigned op = b0;
        ++p;
        if (b0 == 12) {
          if (p >= top_end)
            return false;
          op = 1200 + byte(p++);
        }
        if (op == 15 && !operands.empty())
          charset = operands.back();
        if (op == 17 && !operands.empty())
          charstrings = operands.back();
        if (op == 1230) // ROS
          cid_keyed = true;
        operands.clear();
      } else if (!operand(p, top_end, operands)) {
        return false;
      }
    }
    if (!cid_keyed)
      return true;
    if (charset < 0 || charstrings < 0)
      return false;
    const std::size_t n = count(static_cast<std::size_t>(charstrings));
    if (n == 0)
      return false;
    cids.assign(n, 0);
    std::size_t p = static_cast<std::size_t>(charset);
    const unsigned format = byte(p++);
    std::size_t g = 1;
    if (format == 0) {
      for (; g < n; ++g, p += 2)
        cids[g] = u16(p);
    } else if (format == 1 || format == 2) {
      while (g < n) {
        const unsigned first = u16(p);
        const unsigned left = format == 1 ? byte(p + 2) : u16(p + 2);
        p += format == 1 ? 3 : 4;
        for (unsigned k = 0; k <= left && g < n; ++k, ++g)
          cids[g] = first + k;
      }
    } else {
      return false;
    }
    return ok_;
  }

private:
  std::string_view d_;
  bool ok_ = true;

  unsigned byte(std::size_t p) {
    if (p >= d_.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<unsigned char>(d_[p]);
  }
  unsigned u16(std::size_t p) { return byte(p) << 8 | byte(p + 1); }
  std::size_t offset(std::size_t p, unsigned size) {
    std::size_t v = 0;
    for (unsigned k = 0; k < size; ++k)
      v = v << 8 | byte(p + k);
    return v;
  }
  std::size_t count(std::size_t p) { return u16(p); }
  // The INDEX at `p`: [data, end) of all its entries.
  bool index(std::size_t p, std::size_t& data, std::size_t& end) {
    const std::size_t n = count(p);
    if (n == 0) {
      data = end = p + 2;
      return ok_;
    }
    const unsigned size = byte(p + 2);
    if (size < 1 || size > 4)
      return false;
    const std::size_t base = p + 3 + (n + 1) * size - 1; // offsets count from 1
    data = base + 1;
    end = base + offset(p + 3 + n * size, size);
    return ok_ && end <= d_.size();
  }
  // The first entry of the INDEX at `p`.
  bool index_first(std::size_t p, std::size_t& begin, std::size_t& end) {
    if (count(p) == 0)
      return false;
    const unsigned size = byte(p + 2);
    if (size < 1 || size > 4)
      return false;
    const std::size_t base = p + 3 + (count(p) + 1) * size - 1;
    begin = base + offset(p + 3, size);
    end = base + offset(p + 3 + size, size);
    return ok_ && begin <= end && end <= d_.size();
  }
  // One DICT operand at `p` (integers kept, reals skipped as 0).
  bool operand(std::size_t& p, std::size_t end, std::vector<long>& out) {
    const unsigned b0 = byte(p);
    if (b0 == 28) {
      out.push_back(static_cast<std::int16_t>(u16(p + 1)));
      p += 3;
    } else if (b0 == 29) {
      out.push_back(static_cast<std::int32_t>(offset(p + 1, 4)));
      p += 5;
    } else if (b0 == 30) { // real: nibbles up to an 0xF nibble
      ++p;
      while (p < end) {
        const unsigned b = byte(p++);
        if ((b & 0x0F) == 0x0F || (b >> 4) == 0x0F)
          break;
      }
      out.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      out.push_back(static_cast<long>(b0) - 139);
      p += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      out.push_back((static_cast<long>(b0) - 247) * 256 + byte(p + 1) + 108);
      p += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      out.push_back(-(static_cast<long>(b0) - 251) * 256 - byte(p + 1) - 108);
      p += 2;
    } else {
      return false;
    }
    return ok_ && p <= end;
  }
};

// Of an OpenType/CFF face only the CFF table is embedded; maxp and head
// give the subset's glyph count and units per em. Leaving out cmap (Noto CJK
// has a large one with variation sequences) halves the time of its subset.
constexpr std::array<hb_tag_t, 3> kept_cff_tables{cff_tag, HB_TAG('m', 'a', 'x', 'p'),
                                                  HB_TAG('h', 'e', 'a', 'd')};

void drop_other_tables(hb_face_t* face, bool cff, hb_set_t* drop) {
  std::array<hb_tag_t, 64> tags{};
  for (unsigned start = 0;; start += tags.size()) {
    unsigned n = tags.size();
    hb_face_get_table_tags(face, start, &n, tags.data());
    for (unsigned i = 0; i < n; ++i)
      if (cff ? std::find(kept_cff_tables.begin(), kept_cff_tables.end(), tags[i]) ==
                    kept_cff_tables.end()
              : std::find(kept_tables.begin(), kept_tables.end(), tags[i]) == kept_tables.end())
        hb_set_add(drop, tags[i]);
    if (n < tags.size())
      break;
  }
}

// OS/2 fsType says "restricted license embedding" (not even for preview).
bool restricted_license(hb_face_t* face) {
  const Blob os2{hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'))};
  unsigned len = 0;
  const auto* d = reinterpret_cast<const unsigned char*>(hb_blob_get_data(os2.get(), &len));
  return len >= 10 && ((d[8] << 8 | d[9]) & 0x000F) == 0x0002;
}

std::string postscript_name(hb_face_t* face) {
  unsigned size = 0;
  const unsigned length =
      hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, nullptr);
  std::string name(length + 1, '\0'); // + the terminating NUL HarfBuzz writes
  size = static_cast<unsigned>(name.size());
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name.data());
  name.resize(size);
  return name;
}

} // namespace

namespace {

// The subset of `face` with the glyphs `source_gids` (0 = none) and, in its
// cmap, the characters `unicodes`.
FontSubset make_subset(const FontFace& face, const std::set<char32_t>& unicodes_in,
                       std::vector<unsigned> source_gids) {
  hb_face_t* source = face.loaded->face;
  hb_font_t* font = face.loaded->font; // scale = upem: font units
  const Input input{hb_subset_input_create_or_fail()};
  if (!input)
    fail(face, "out of memory");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : unicodes_in)
    hb_set_add(unicodes, cp);
  // Glyphs the characters do not reach (ligatures, joining forms) go in the
  // glyph set. Only then does hb-subset walk the whole cmap, so the set stays
  // empty when it can.
  const unsigned glyph_count = hb_face_get_glyph_count(source);
  std::set<unsigned> nominal;
  for (char32_t cp : unicodes_in)
    nominal.insert(glyph_id(face, cp));
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (unsigned& g : source_gids) {
    if (g >= glyph_count)
      g = 0;
    if (g != 0 && !nominal.count(g))
      hb_set_add(glyph_set, g);
  }
  drop_other_tables(source, face.loaded->cff,
                    hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG));
  hb_subset_input_set_flags(input.get(),
                            HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  const Plan plan{hb_subset_plan_create_or_fail(source, input.get())};
  if (!plan)
    fail(face, "hb-subset could not plan the subset");
  const Face result{hb_subset_plan_execute_or_fail(plan.get())};
  if (!result)
    fail(face, "hb-subset failed");
  const Blob blob{face.loaded->cff ? hb_face_reference_table(result.get(), cff_tag)
                                   : hb_face_reference_blob(result.get())};
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (length == 0)
    fail(face, "hb-subset gave an empty font");

  FontSubset out;
  out.program.assign(data, length);
  out.cff = face.loaded->cff;
  const hb_map_t* new_of_old = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  const hb_map_t* old_of_new = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  out.glyphs.reserve(source_gids.size());
  for (unsigned g : source_gids)
    out.glyphs.push_back(g == 0 ? 0 : hb_map_get(new_of_old, g));
  const unsigned n_glyphs = hb_face_get_glyph_count(result.get());
  if (out.cff) {
    if (!CffReader(out.program).cids(out.codes) ||
        (!out.codes.empty() && out.codes.size() != n_glyphs))
      fail(face, "hb-subset gave a CFF font whose charset cannot be read");
  }
  if (out.codes.empty())
    for (unsigned g = 0; g < n_glyphs; ++g)
      out.codes.push_back(g);
  out.advances.resize(n_glyphs);
  for (unsigned g = 0; g < n_glyphs; ++g)
    out.advances[g] =
        static_cast<unsigned>(hb_font_get_glyph_h_advance(font, hb_map_get(old_of_new, g)));

  out.units_per_em = face.loaded->upem;
  // Bounding box of .notdef and the characters' glyphs, as drawn (HarfBuzz's
  // extents: xMin = lsb, like rasterisers).
  bool any = false;
  source_gids.push_back(0);
  for (unsigned g : source_gids) {
    hb_glyph_extents_t e{};
    if (!hb_font_get_glyph_extents(font, g, &e) || (e.width == 0 && e.height == 0))
      continue;
    const int x0 = e.x_bearing, x1 = e.x_bearing + e.width;
    const int y0 = e.y_bearing + e.height, y1 = e.y_bearing;
    out.x_min = any ? std::min(out.x_min, x0) : x0;
    out.y_min = any ? std::min(out.y_min, y0) : y0;
    out.x_max = any ? std::max(out.x_max, x1) : x1;
    out.y_max = any ? std::max(out.y_max, y1) : y1;
    any = true;
  }
  hb_font_extents_t ext{};
  hb_font_get_h_extents(font, &ext);
  out.ascender = ext.ascender;
  out.descender = ext.descender;
  hb_position_t cap = 0;
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap))
    out.cap_height = cap;
  out.italic_angle = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
  out.postscript_name = postscript_name(source);
  out.no_embedding = restricted_license(source);
  return out;
}

} // namespace

std::vector<unsigned> cff_cids(std::string_view cff) {
  std::vector<unsigned> cids;
  if (!CffReader(cff).cids(cids))
    throw RenderError("cannot read the charset of a CFF font");
  return cids;
}

FontSubset subset_font(const FontFace& face, const std::set<char32_t>& codepoints) {
  // Characters the face maps (glyph_id also rules out surrogates and
  // values beyond Unicode).
  std::vector<unsigned> source_gids;
  source_gids.reserve(codepoints.size());
  std::set<char32_t> mapped;
  for (char32_t cp : codepoints) {
    source_gids.push_back(glyph_id(face, cp));
    if (source_gids.back() != 0)
      mapped.insert(cp);
  }
  return make_subset(face, mapped, std::move(source_gids));
}

FontSubset subset_glyphs(const FontFace& face, const std::set<unsigned>& gids,
                         const std::set<char32_t>& chars) {
  std::set<char32_t> mapped;
  for (char32_t cp : chars)
    if (const unsigned g = glyph_id(face, cp); g != 0 && gids.count(g))
      mapped.insert(cp);
  return make_subset(face, mapped, std::vector<unsigned>(gids.begin(), gids.end()));
}

} // namespace cvpress::detail

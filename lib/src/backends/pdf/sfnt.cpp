#include "backends/pdf/sfnt.hpp"

#include <cvpress/diagnostics.hpp>

#include <optional>

namespace cvpress::detail {

namespace {

[[noreturn]] void bad(const std::string& why) {
  throw RenderError("PDF: cannot read a subset font: " + why);
}

unsigned u16(std::string_view s, std::size_t at) {
  if (at > s.size() || s.size() - at < 2)
    bad("truncated table");
  return static_cast<unsigned>(static_cast<unsigned char>(s[at])) << 8 |
         static_cast<unsigned char>(s[at + 1]);
}

int s16(std::string_view s, std::size_t at) {
  unsigned v = u16(s, at);
  return v >= 0x8000 ? static_cast<int>(v) - 0x10000 : static_cast<int>(v);
}

std::uint32_t u32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(u16(s, at)) << 16 | u16(s, at + 2);
}

std::optional<std::string_view> table(std::string_view ttf, std::string_view tag) {
  const unsigned count = u16(ttf, 4);
  for (unsigned i = 0; i < count; ++i) {
    const std::size_t rec = 12 + 16 * std::size_t{i};
    if (rec + 16 > ttf.size())
      bad("truncated table directory");
    if (ttf.substr(rec, 4) != tag)
      continue;
    const std::uint32_t offset = u32(ttf, rec + 8), length = u32(ttf, rec + 12);
    if (offset > ttf.size() || length > ttf.size() - offset)
      bad("table outside the file");
    return ttf.substr(offset, length);
  }
  return std::nullopt;
}

std::string_view required(std::string_view ttf, std::string_view tag) {
  auto t = table(ttf, tag);
  if (!t)
    bad("no " + std::string(tag) + " table");
  return *t;
}

std::string postscript_name(std::string_view name) {
  const unsigned count = u16(name, 2), strings = u16(name, 4);
  std::string best;
  for (unsigned i = 0; i < count; ++i) {
    const std::size_t rec = 6 + 12 * std::size_t{i};
    const unsigned platform = u16(name, rec), id = u16(name, rec + 6);
    const unsigned length = u16(name, rec + 8), offset = u16(name, rec + 10);
    if (id != 6 || strings + offset + length > name.size())
      continue;
    std::string_view raw = name.substr(strings + offset, length);
    std::string text;
    if (platform == 3 || platform == 0) {
      for (std::size_t k = 0; k + 1 < raw.size(); k += 2)
        if (raw[k] == 0)
          text += raw[k + 1];
    } else {
      text = raw;
    }
    if (!text.empty())
      return text;
  }
  return best;
}

} // namespace

SfntFacts read_sfnt(std::string_view ttf) {
  SfntFacts f;
  const std::string_view head = required(ttf, "head");
  f.units_per_em = u16(head, 18);
  if (f.units_per_em == 0)
    bad("unitsPerEm is 0");
  f.x_min = s16(head, 36);
  f.y_min = s16(head, 38);
  f.x_max = s16(head, 40);
  f.y_max = s16(head, 42);
  const std::string_view hhea = required(ttf, "hhea");
  f.ascender = s16(hhea, 4);
  f.descender = s16(hhea, 6);
  const unsigned long_metrics = u16(hhea, 34);
  const unsigned glyphs = u16(required(ttf, "maxp"), 4);
  const std::string_view hmtx = required(ttf, "hmtx");
  if (long_metrics == 0 || long_metrics > glyphs)
    bad("bad hhea.numberOfHMetrics");
  f.advances.reserve(glyphs);
  for (unsigned g = 0; g < glyphs; ++g)
    f.advances.push_back(
        static_cast<std::uint16_t>(u16(hmtx, 4 * std::size_t{std::min(g, long_metrics - 1)})));
  if (auto os2 = table(ttf, "OS/2")) {
    if (os2->size() >= 10)
      f.no_embedding = (u16(*os2, 8) & 0x000F) == 0x0002;
    if (u16(*os2, 0) >= 2 && os2->size() >= 90)
      f.cap_height = s16(*os2, 88);
  }
  if (auto post = table(ttf, "post"); post && post->size() >= 8)
    f.italic_angle = static_cast<double>(static_cast<std::int32_t>(u32(*post, 4))) / 65536.0;
  if (auto name = table(ttf, "name"))
    f.postscript_name = postscript_name(*name);
  return f;
}

std::vector<unsigned> glyph_ids(std::string_view ttf, const std::vector<char32_t>& chars) {
  const std::string_view cmap = required(ttf, "cmap");
  std::size_t sub4 = 0, sub12 = 0;
  for (unsigned i = 0, count = u16(cmap, 2); i < count; ++i) {
    const std::size_t rec = 4 + 8 * std::size_t{i};
    if (u16(cmap, rec) != 3)
      continue;
    const std::size_t at = u32(cmap, rec + 4);
    if (u16(cmap, rec + 2) == 1 && sub4 == 0)
      sub4 = at;
    else if (u16(cmap, rec + 2) == 10 && sub12 == 0)
      sub12 = at;
  }
  std::vector<unsigned> out;
  out.reserve(chars.size());
  if (sub12 != 0 && u16(cmap, sub12) == 12) {
    // Format 12: sorted groups of consecutive characters and glyphs.
    const std::uint32_t groups = u32(cmap, sub12 + 12);
    if (groups > (cmap.size() - sub12) / 12)
      bad("format-12 cmap longer than its table");
    for (char32_t cp : chars) {
      std::uint32_t lo = 0, hi = groups;
      unsigned gid = 0;
      while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        const std::size_t g = sub12 + 16 + 12 * std::size_t{mid};
        const std::uint32_t first = u32(cmap, g), last = u32(cmap, g + 4);
        if (cp < first) {
          hi = mid;
        } else if (cp > last) {
          lo = mid + 1;
        } else {
          gid = u32(cmap, g + 8) + (cp - first);
          break;
        }
      }
      out.push_back(gid);
    }
    return out;
  }
  if (sub4 == 0 || u16(cmap, sub4) != 4)
    bad("no (3,1) format-4 cmap");
  const unsigned segs = u16(cmap, sub4 + 6) / 2;
  const std::size_t ends = sub4 + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                    ranges = deltas + 2 * segs;
  for (char32_t cp : chars) {
    unsigned gid = 0;
    for (unsigned i = 0; cp <= 0xFFFF && i < segs; ++i) {
      if (cp > u16(cmap, ends + 2 * i))
        continue;
      const unsigned start = u16(cmap, starts + 2 * i);
      if (cp >= start) {
        const unsigned delta = u16(cmap, deltas + 2 * i), range = u16(cmap, ranges + 2 * i);
        if (range == 0) {
          gid = (cp + delta) & 0xFFFF;
        } else {
          const unsigned g = u16(cmap, ranges + 2 * i + range + 2 * (cp - start));
          gid = g == 0 ? 0 : (g + delta) & 0xFFFF;
        }
      }
      break;
    }
    out.push_back(gid);
  }
  return out;
}

} // namespace cvpress::detail

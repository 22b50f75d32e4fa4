#pragma once
// Test helper: a glyph's outline as HarfBuzz draws it (path commands in font
// units), for comparing a subset/embedded font with its source face.
#include <hb.h>

#include <cmath>
#include <string>
#include <vector>

namespace cvpress::test {

/// One path command: 'M', 'L', 'Q', 'C' or 'Z' with its points.
struct PathCmd {
  char op = 'Z';
  std::vector<float> v;
};

/// The drawn outline of glyph `gid` plus its extents.
struct GlyphShape {
  std::vector<PathCmd> cmds;
  hb_glyph_extents_t ext{};
  unsigned contours() const {
    unsigned n = 0;
    for (const auto& c : cmds)
      n += c.op == 'M';
    return n;
  }
};

inline hb_draw_funcs_t* recording_funcs() {
  static hb_draw_funcs_t* funcs = [] {
    hb_draw_funcs_t* f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(
        f,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
          static_cast<std::vector<PathCmd>*>(d)->push_back({'M', {x, y}});
        },
        nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(
        f,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
          static_cast<std::vector<PathCmd>*>(d)->push_back({'L', {x, y}});
        },
        nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(
        f,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float cx, float cy, float x, float y,
           void*) {
          static_cast<std::vector<PathCmd>*>(d)->push_back({'Q', {cx, cy, x, y}});
        },
        nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(
        f,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y,
           float x, float y, void*) {
          static_cast<std::vector<PathCmd>*>(d)->push_back({'C', {c1x, c1y, c2x, c2y, x, y}});
        },
        nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(
        f,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, void*) {
          static_cast<std::vector<PathCmd>*>(d)->push_back({'Z', {}});
        },
        nullptr, nullptr);
    hb_draw_funcs_make_immutable(f);
    return f;
  }();
  return funcs;
}

/// The outline of `gid` in `font` (scale should be the face's upem).
inline GlyphShape glyph_shape(hb_font_t* font, hb_codepoint_t gid) {
  GlyphShape s;
  hb_font_get_glyph_shape(font, gid, recording_funcs(), &s.cmds);
  hb_font_get_glyph_extents(font, gid, &s.ext);
  return s;
}

/// Largest coordinate difference between two outlines, or +inf when their
/// command sequences differ; extents must match within `tol` too.
inline double outline_distance(const GlyphShape& a, const GlyphShape& b) {
  if (a.cmds.size() != b.cmds.size())
    return INFINITY;
  double d = 0;
  for (std::size_t i = 0; i < a.cmds.size(); ++i) {
    if (a.cmds[i].op != b.cmds[i].op || a.cmds[i].v.size() != b.cmds[i].v.size())
      return INFINITY;
    for (std::size_t k = 0; k < a.cmds[i].v.size(); ++k)
      d = std::max(d, double(std::fabs(a.cmds[i].v[k] - b.cmds[i].v[k])));
  }
  d = std::max(d, double(std::abs(a.ext.x_bearing - b.ext.x_bearing)));
  d = std::max(d, double(std::abs(a.ext.y_bearing - b.ext.y_bearing)));
  d = std::max(d, double(std::abs(a.ext.width - b.ext.width)));
  d = std::max(d, double(std::abs(a.ext.height - b.ext.height)));
  return d;
}

/// A HarfBuzz font over font bytes (scale = upem); destroy with hb_font_destroy.
inline hb_font_t* font_from_bytes(const std::string& bytes, unsigned index = 0) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                   HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, index);
  hb_blob_destroy(blob);
  hb_font_t* font = hb_font_create(face);
  const int upem = static_cast<int>(hb_face_get_upem(face));
  hb_font_set_scale(font, upem, upem);
  hb_face_destroy(face);
  return font;
}

/// A HarfBuzz font over a bare CFF program (PDF FontFile3 /CIDFontType0C):
/// an OpenType wrapper with the CFF table, `head` of the source face (units
/// per em) and a maxp with `glyphs` glyphs.
inline hb_font_t* font_from_cff(const std::string& cff, hb_face_t* source, unsigned glyphs) {
  hb_face_t* builder = hb_face_builder_create();
  hb_blob_t* cff_blob = hb_blob_create(cff.data(), static_cast<unsigned>(cff.size()),
                                       HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
  hb_face_builder_add_table(builder, HB_TAG('C', 'F', 'F', ' '), cff_blob);
  hb_blob_destroy(cff_blob);
  hb_blob_t* head = hb_face_reference_table(source, HB_TAG('h', 'e', 'a', 'd'));
  hb_face_builder_add_table(builder, HB_TAG('h', 'e', 'a', 'd'), head);
  hb_blob_destroy(head);
  const char maxp[6] = {0,
                        0,
                        0x50,
                        0,
                        static_cast<char>(glyphs >> 8),
                        static_cast<char>(glyphs & 0xFF)}; // version 0.5
  hb_blob_t* maxp_blob = hb_blob_create(maxp, 6, HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
  hb_face_builder_add_table(builder, HB_TAG('m', 'a', 'x', 'p'), maxp_blob);
  hb_blob_destroy(maxp_blob);
  hb_blob_t* otf = hb_face_reference_blob(builder);
  hb_face_destroy(builder);
  hb_face_t* face = hb_face_create(otf, 0);
  hb_blob_destroy(otf);
  hb_font_t* font = hb_font_create(face);
  const int upem = static_cast<int>(hb_face_get_upem(face));
  hb_font_set_scale(font, upem, upem);
  hb_face_destroy(face);
  return font;
}

} // namespace cvpress::test

#pragma once
// Test helper: a FontFace over font bytes in memory (not found through
// fontconfig), e.g. a font with a table removed or patched.
#include "fonts/font_face.hpp"

#include <hb.h>

#include <string>

namespace cvpress::test {

struct MemoryFace {
  detail::LoadedFace loaded;
  detail::FontFace face;
  MemoryFace(const std::string& bytes, const std::string& family) {
    loaded.blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                 HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
    loaded.face = hb_face_create(loaded.blob, 0);
    loaded.upem = hb_face_get_upem(loaded.face);
    loaded.font = hb_font_create(loaded.face);
    hb_font_set_scale(loaded.font, int(loaded.upem), int(loaded.upem));
    face.family = family;
    face.path = "(memory)";
    face.loaded = &loaded;
  }
  MemoryFace(const MemoryFace&) = delete;
  MemoryFace& operator=(const MemoryFace&) = delete;
};

} // namespace cvpress::test

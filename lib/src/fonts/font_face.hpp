#pragma once
// The definition of FontFace (declared in font_set.hpp): HarfBuzz handles of
// one loaded TrueType or OpenType/CFF face plus what fontconfig said about it. Internal to
// fonts/ and its tests; other areas use the functions in font_set.hpp.
#include "fonts/font_set.hpp"

#include <hb.h>

#include <string>

namespace cvpress::detail {

/// HarfBuzz objects of one face file/index, shared by every FontFace that
/// resolves to it. Created once, immutable, destroyed at process exit.
struct LoadedFace {
  hb_blob_t* blob = nullptr; ///< the whole file
  hb_face_t* face = nullptr; ///< face `index` of the file
  hb_font_t* font = nullptr; ///< scale = upem (font units, no scaling)
  unsigned upem = 1000;      ///< units per em
  bool cff = false;          ///< outlines in a 'CFF ' table (OpenType/CFF), else 'glyf'
  FaceMetrics metrics;       ///< in em units
  LoadedFace() = default;
  LoadedFace(const LoadedFace&) = delete;
  LoadedFace& operator=(const LoadedFace&) = delete;
  ~LoadedFace();
};

class FontFace {
public:
  std::string family;                 ///< the family name asked for (== a FC_FAMILY of the file)
  std::string path;                   ///< font file
  int index = 0;                      ///< face index in a collection
  bool bold = false;                  ///< bold was requested
  bool italic = false;                ///< italic was requested
  bool synthetic_bold = false;        ///< bold requested, the face is not bold
  bool synthetic_italic = false;      ///< italic requested, the face is upright
  const LoadedFace* loaded = nullptr; ///< shared HarfBuzz handles (owned by FontCatalog)
};

} // namespace cvpress::detail

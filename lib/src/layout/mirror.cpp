// Mirroring the shapes of a right-to-left document.
#include "layout/mirror.hpp"

namespace cvpress::detail {

void mirror_shapes(LaidOutDocument& doc, double axis) {
  for (auto& page : doc.pages)
    for (auto& item : page.items) {
      if (auto* r = std::get_if<RuleItem>(&item)) {
        r->x0 = axis - r->x0;
        r->x1 = axis - r->x1;
      } else if (auto* b = std::get_if<RectItem>(&item)) {
        b->x = mirror_box(axis, b->x, b->width);
      } else if (auto* i = std::get_if<ImageItem>(&item)) {
        i->x = mirror_box(axis, i->x, i->width);
      }
    }
}

} // namespace cvpress::detail

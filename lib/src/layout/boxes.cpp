// Stacks, units, strips and blocks (see boxes.hpp).
#include "layout/boxes.hpp"

#include "layout/mirror.hpp"

#include <algorithm>

namespace cvpress::detail {

namespace {

// When a unit's aside (dates, location) is taller than its main column, the
// following units without an aside move up beside it instead of starting
// below it: a one-line title next to "date / location" is followed directly
// by its summary and bullets. Merged units become part of the same strip,
// so only short units (up to about five lines) are taken.
void fill_aside_gaps(std::vector<Unit>& units) {
  std::vector<Unit> out;
  for (auto& u : units) {
    if (!out.empty()) {
      Unit& prev = out.back();
      const double main_h = height_of(prev.main);
      // A label column still running there (RenderCV's degree column) would
      // push this unit's bullet below its text: then it starts below.
      const bool label_free =
          u.label.empty() || height_of(prev.label) <= main_h + u.space_before + 0.01;
      if (!prev.main.empty() && label_free && moves_beside(height_of(prev.aside), main_h, u)) {
        // Labels (bullet glyphs) line up with their text: pad the label stack
        // down to where this unit's main column starts.
        const double top = main_h + u.space_before;
        if (u.space_before > 0)
          prev.main.emplace_back(0.0, LaidLine{0, u.space_before, 0, 0, {}});
        if (!u.label.empty()) {
          const double pad = top - height_of(prev.label);
          if (pad > 0)
            prev.label.emplace_back(0.0, LaidLine{0, pad, 0, 0, {}});
          for (auto& l : u.label)
            prev.label.push_back(std::move(l));
        }
        for (auto& m : u.main)
          prev.main.push_back(std::move(m));
        continue;
      }
    }
    out.push_back(std::move(u));
  }
  units = std::move(out);
}

} // namespace

bool moves_beside(double aside_h, double main_h, const Unit& u) {
  constexpr double k_max_merge = 5 * 14.0;
  return aside_h - main_h > 0.5 && u.aside.empty() &&
         u.space_before + height_of(u.main) <= k_max_merge &&
         height_of(u.label) <= height_of(u.main) + 0.01;
}

double height_of(const Stack& s) {
  double h = 0;
  for (const auto& [x, ln] : s)
    h += ln.height;
  return h;
}

void translate(PageItem& item, double dx, double dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, RuleItem>) {
          it.x0 += dx;
          it.x1 += dx;
          it.y0 += dy;
          it.y1 += dy;
        } else {
          it.x += dx;
          it.y += dy;
        }
      },
      item);
}

void emit(Stack& s, double top, std::vector<PageItem>& out, double axis) {
  double d = top;
  for (auto& [x, ln] : s) {
    const double bx = axis != 0 ? mirror_box(axis, x, ln.box_width) : x;
    for (auto& it : ln.items) {
      translate(it, bx, -(d + ln.baseline));
      out.push_back(std::move(it));
    }
    d += ln.height;
  }
}

void append(Stack& s, double x, std::vector<LaidLine>&& lines) {
  for (auto& ln : lines)
    s.emplace_back(x, std::move(ln));
}

Block to_block(std::vector<Unit>& units, double page_h, double axis) {
  fill_aside_gaps(units);
  Block b;
  for (auto& u : units) {
    const double side = std::max(height_of(u.aside), height_of(u.label));
    const double h = std::max(height_of(u.main), side);
    if (!(u.splittable || h > page_h) || u.main.size() < 2) {
      Strip s;
      s.space_before = u.space_before;
      s.stretch = u.stretch;
      s.shrink = u.shrink;
      s.height = h;
      s.lines = static_cast<int>(std::max({u.main.size(), u.aside.size(), u.label.size()}));
      emit(u.main, 0, s.items, axis);
      emit(u.aside, 0, s.items, axis);
      emit(u.label, 0, s.items, axis);
      if (s.height > 0 || !s.items.empty())
        b.strips.push_back(std::move(s));
      continue;
    }
    std::size_t i = 0;
    bool first = true;
    while (i < u.main.size()) {
      Strip s;
      s.space_before = first ? u.space_before : 0;
      s.stretch = first ? u.stretch : 0;
      s.shrink = first ? u.shrink : 0;
      s.lines = 0;
      Stack part;
      do {
        s.height += u.main[i].second.height;
        ++s.lines;
        part.push_back(std::move(u.main[i++]));
      } while (first && i < u.main.size() && s.height < side);
      emit(part, 0, s.items, axis);
      if (first) {
        emit(u.aside, 0, s.items, axis);
        emit(u.label, 0, s.items, axis);
        s.height = std::max(s.height, side);
      }
      b.strips.push_back(std::move(s));
      first = false;
    }
  }
  return b;
}

} // namespace cvpress::detail

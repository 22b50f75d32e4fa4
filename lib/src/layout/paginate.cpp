// Page breaking and page footers.
#include "layout/paginate.hpp"

#include "text/translations.hpp"

#include <algorithm>

namespace cvpress::detail {

namespace {

// How far the font ascent of a strip's text reaches above its top (the
// line boxes are tighter than Noto's ascender); at the top of a page the
// strip moves down by this much so nothing pokes into the margin.
double overhang(const Strip& s) {
  double o = 0;
  for (const auto& it : s.items)
    if (const auto* t = std::get_if<TextItem>(&it); t && t->face)
      o = std::max(o, t->y + metrics(*t->face).ascender * t->size);
  return o;
}

double block_height(const Block& b, bool at_top) {
  double h = 0;
  for (std::size_t i = 0; i < b.strips.size(); ++i)
    h += b.strips[i].height + (i == 0 && at_top ? overhang(b.strips[i]) : b.strips[i].space_before);
  return h;
}

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

} // namespace

void paginate(std::vector<Block>& blocks, const PageFrame& frame, LaidOutDocument& doc) {
  const double content_h = frame.top - frame.bottom;
  double cursor = frame.top;
  bool at_top = true;
  doc.pages.emplace_back();
  auto new_page = [&] {
    doc.pages.emplace_back();
    cursor = frame.top;
    at_top = true;
  };
  constexpr double eps = 1e-6;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.strips.empty())
      continue;
    // What must fit on this page: the block, plus for a heading the next
    // block (or its first strip when that block needs more than a page).
    auto need = [&](bool top) {
      double n = block_height(b, top);
      if (b.keep_with_next && i + 1 < blocks.size() && !blocks[i + 1].strips.empty()) {
        const Block& next = blocks[i + 1];
        if (block_height(next, true) <= content_h)
          n += block_height(next, false);
        else
          n += next.strips[0].space_before + next.strips[0].height;
      }
      return n;
    };
    if (!at_top && cursor - need(false) < frame.bottom - eps && need(true) <= content_h + eps)
      new_page();
    for (std::size_t k = 0; k < b.strips.size(); ++k) {
      Strip& s = b.strips[k];
      double sb = at_top ? overhang(s) : s.space_before;
      if (!at_top && cursor - sb - s.height < frame.bottom - eps) {
        new_page();
        sb = overhang(s);
      }
      const double y = cursor - sb;
      if (k == 0 && !b.bookmark.empty())
        doc.bookmarks.push_back(Bookmark{b.bookmark, static_cast<int>(doc.pages.size() - 1), y});
      auto& items = doc.pages.back().items;
      for (auto& it : s.items) {
        translate(it, 0, y);
        items.push_back(std::move(it));
      }
      cursor = y - s.height;
      at_top = false;
    }
  }
}

void add_footers(LaidOutDocument& doc, Typesetter& ts, const FooterSpec& f) {
  if (f.text.empty())
    return;
  const std::string total = std::to_string(doc.pages.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    std::string t = localize_footer(f.text, f.tag);
    if (f.owner.empty()) // no name: drop it and the separator after it
      t = replace_all(replace_all(std::move(t), "{name} – ", ""), "{name}", "");
    t = replace_all(std::move(t), "{name}", f.owner);
    t = replace_all(std::move(t), "{page}", std::to_string(p + 1));
    t = replace_all(std::move(t), "{pages}", total);
    Stack s;
    const Span line{t, f.style};
    append(s, f.left, ts.set({&line, 1}, f.width, Align::center, {}));
    std::vector<PageItem> items;
    emit(s, 0, items, f.axis);
    // The line box bottom sits on the margin, raised by any descent below it.
    double lift = f.margin_bottom + height_of(s);
    for (const auto& it : items)
      if (const auto* tx = std::get_if<TextItem>(&it); tx && tx->face)
        lift = std::max(lift, f.margin_bottom - tx->y - metrics(*tx->face).descender * tx->size);
    for (auto& it : items) {
      translate(it, 0, lift);
      doc.pages[p].items.push_back(std::move(it));
    }
  }
}

} // namespace cvpress::detail

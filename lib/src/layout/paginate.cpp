// Page breaking and page footers.
#include "layout/paginate.hpp"

#include "text/translations.hpp"

#include <algorithm>
#include <limits>

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

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

} // namespace

namespace {

// One strip of the document as the page breaker sees it.
struct Cell {
  double height = 0, glue = 0, stretch = 0, shrink = 0;
  double over = 0;        // its overhang at the top of a page
  bool can_break = false; // a page may start here
  double penalty = 0;     // the cost of starting a page here
  std::size_t block = 0, strip = 0;
};

// Costs of a page (TeX-like units: 100 = glue at its limit).
constexpr double k_page_cost = 1000;       // each page
constexpr double k_fewest_page_cost = 1e7; // each page when fitting to N pages
constexpr double k_split_penalty = 150;    // a page starting inside an entry
constexpr double k_empty_cost = 3000;      // x (unfilled fraction)^2 of a page
constexpr double k_short_last_cost = 4000; // a last page under k_short_last full
constexpr double k_short_last = 0.3;
constexpr double k_overfull_cost = 1e9; // a strip taller than the page
constexpr double eps = 1e-6;

// Lines in block `b` (all its strips).
int lines_of(const Block& b) {
  int n = 0;
  for (const auto& s : b.strips)
    n += s.lines;
  return n;
}

std::vector<Cell> cells_of(const std::vector<Block>& blocks, double page_h, double split_fraction) {
  // Lines of a list section from each of its entries to its end: a page
  // never starts with its last line alone.
  std::vector<int> list_rest(blocks.size(), 0);
  for (std::size_t b = blocks.size(); b-- > 0;)
    if (blocks[b].list_item)
      list_rest[b] =
          lines_of(blocks[b]) + (b + 1 < blocks.size() && blocks[b + 1].list_item &&
                                         blocks[b + 1].ref.section == blocks[b].ref.section
                                     ? list_rest[b + 1]
                                     : 0);
  std::vector<Cell> cells;
  // Lines set since the last heading: it keeps two of them below it, even
  // when its first entry is one line (a list of awards).
  int after_heading = 2;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    if (blk.strips.empty())
      continue;
    double h = 0;
    const int total_lines = lines_of(blk);
    for (std::size_t k = 0; k < blk.strips.size(); ++k)
      h += blk.strips[k].height + (k == 0 ? 0 : blk.strips[k].space_before);
    const bool must_split = h > page_h + eps;
    const bool may_split = must_split || h > split_fraction * page_h;
    int lines_before = 0;
    for (std::size_t k = 0; k < blk.strips.size(); ++k) {
      const Strip& s = blk.strips[k];
      Cell c;
      c.height = s.height;
      c.glue = s.space_before;
      c.stretch = s.stretch;
      c.shrink = s.shrink;
      c.over = overhang(s);
      c.block = b;
      c.strip = k;
      if (k == 0) {
        // Not under a heading before two lines, not before a list's last
        // line, and the marks legend stays with its list.
        c.can_break = after_heading >= 2 && blk.ref.kind != BlockRef::Kind::legend &&
                      (!blk.list_item || list_rest[b] >= 2);
      } else {
        // Inside an entry: only a tall one, two lines on each side.
        const bool widow_ok = lines_before >= 2 && total_lines - lines_before >= 2;
        c.can_break = must_split || (may_split && widow_ok && after_heading >= 2);
        c.penalty = k_split_penalty;
      }
      lines_before += s.lines;
      after_heading += s.lines;
      cells.push_back(std::move(c));
    }
    if (blk.keep_with_next)
      after_heading = 0;
  }
  return cells;
}

// The cost of one page [i, j) of natural height `nat` with `st` stretch
// and `sh` shrink in a text area `page_h` high.
double page_cost(double nat, double st, double sh, double page_h, bool last, bool only,
                 const BreakRules& rules) {
  double cost = rules.fewest_pages ? k_fewest_page_cost : k_page_cost;
  if (nat > page_h + eps) {
    const double r = sh > 0 ? (nat - page_h) / sh : 2;
    return r > 1 + eps ? -1 : cost + 100 * r * r * r;
  }
  if (last) {
    const double fill = nat / page_h;
    if (!only && fill < k_short_last)
      cost += k_short_last_cost * (k_short_last - fill) / k_short_last;
    return cost;
  }
  const double gap = page_h - nat;
  if (st > 0) {
    const double r = std::min(1.0, gap / st);
    cost += 100 * r * r * r;
  }
  const double empty = std::max(0.0, gap - st) / page_h;
  return cost + k_empty_cost * empty * empty;
}

// The glue of strips [i, j) on one page: sums with the first strip's gap
// dropped (it is replaced by its overhang).
struct Sums {
  std::vector<double> h, st, sh; // prefix sums of height + glue, stretch, shrink
  explicit Sums(const std::vector<Cell>& cells)
      : h(cells.size() + 1), st(cells.size() + 1), sh(cells.size() + 1) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      h[k + 1] = h[k] + cells[k].height + cells[k].glue;
      st[k + 1] = st[k] + cells[k].stretch;
      sh[k + 1] = sh[k] + cells[k].shrink;
    }
  }
  double natural(const std::vector<Cell>& c, std::size_t i, std::size_t j) const {
    return h[j] - h[i] - c[i].glue + c[i].over;
  }
  double stretch(const std::vector<Cell>& c, std::size_t i, std::size_t j) const {
    return st[j] - st[i] - c[i].stretch;
  }
  double shrink(const std::vector<Cell>& c, std::size_t i, std::size_t j) const {
    return sh[j] - sh[i] - c[i].shrink;
  }
};

std::vector<std::size_t> breaks_of(const std::vector<Cell>& cells, const Sums& sums, double page_h,
                                   const BreakRules& rules) {
  const std::size_t n = cells.size();
  if (n == 0)
    return {0};
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> best(n + 1, inf);
  std::vector<std::size_t> from(n + 1, 0);
  best[0] = 0;
  for (std::size_t j = 1; j <= n; ++j) {
    if (j < n && !cells[j].can_break)
      continue;
    const bool last = j == n;
    bool found = false;
    std::size_t fallback = n + 1; // the nearest reachable start, for an overfull page
    for (std::size_t i = j; i-- > 0;) {
      if ((i > 0 && !cells[i].can_break) || best[i] == inf)
        continue;
      const double nat = sums.natural(cells, i, j);
      const double sh = sums.shrink(cells, i, j);
      if (nat - sh > page_h + eps) {
        if (fallback > n)
          fallback = i;
        if (found || nat > 4 * page_h)
          break; // earlier starts only make the page taller
        continue;
      }
      const double c =
          page_cost(nat, sums.stretch(cells, i, j), sh, page_h, last, i == 0 && last, rules);
      if (c < 0)
        continue;
      const double total = best[i] + c + (i > 0 ? cells[i].penalty : 0);
      found = true;
      if (total < best[j]) {
        best[j] = total;
        from[j] = i;
      }
    }
    if (!found && fallback <= n) {
      // Nothing fits: the least bad overfull page (the layout never draws
      // outside the text area only because strips are at most a page high).
      best[j] = best[fallback] + k_overfull_cost;
      from[j] = fallback;
    }
  }
  std::vector<std::size_t> starts;
  for (std::size_t j = n; j > 0; j = from[j])
    starts.push_back(from[j]);
  std::reverse(starts.begin(), starts.end());
  return starts;
}

} // namespace

std::vector<std::size_t> choose_breaks(const std::vector<Block>& blocks, const PageFrame& frame,
                                       const BreakRules& rules) {
  const double page_h = frame.top - frame.bottom;
  const std::vector<Cell> cells = cells_of(blocks, page_h, rules.split_fraction);
  return breaks_of(cells, Sums(cells), page_h, rules);
}

void paginate(std::vector<Block>& blocks, const PageFrame& frame, LaidOutDocument& doc,
              const BreakRules& rules) {
  const double page_h = frame.top - frame.bottom;
  const std::vector<Cell> cells = cells_of(blocks, page_h, rules.split_fraction);
  const Sums sums(cells);
  std::vector<std::size_t> starts = breaks_of(cells, sums, page_h, rules);
  starts.push_back(cells.size());
  doc.pages.emplace_back();
  for (std::size_t p = 0; p + 1 < starts.size(); ++p) {
    const std::size_t i = starts[p], j = starts[p + 1];
    if (i == j)
      continue;
    if (p > 0) {
      doc.pages.emplace_back();
      doc.breaks.push_back({blocks[cells[i].block].ref, cells[i].strip != 0});
    }
    // Set the glue: stretch to fill every page but the last, shrink when
    // the page needs it (at most by the glue's shrink).
    const double nat = sums.natural(cells, i, j);
    const double st = sums.stretch(cells, i, j), sh = sums.shrink(cells, i, j);
    double grow = 0, cut = 0;
    if (nat > page_h && sh > 0)
      cut = std::min(1.0, (nat - page_h) / sh);
    else if (nat < page_h && st > 0 && j < cells.size())
      grow = std::min(1.0, (page_h - nat) / st);
    double cursor = frame.top;
    for (std::size_t k = i; k < j; ++k) {
      const Cell& c = cells[k];
      Strip& s = blocks[c.block].strips[c.strip];
      const double sb = k == i ? c.over : c.glue + grow * c.stretch - cut * c.shrink;
      const double y = cursor - sb;
      const Block& b = blocks[c.block];
      if (c.strip == 0 && !b.bookmark.empty())
        doc.bookmarks.push_back(Bookmark{b.bookmark, static_cast<int>(doc.pages.size() - 1), y});
      auto& items = doc.pages.back().items;
      for (auto& it : s.items) {
        translate(it, 0, y);
        items.push_back(std::move(it));
      }
      for (auto& it : s.margin_items) {
        translate(it, 0, frame.top);
        items.push_back(std::move(it));
      }
      cursor = y - s.height;
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
    // The line box bottom sits on the margin, raised by any descent below it;
    // RenderCV's footer has its baseline in the margin.
    double lift =
        f.baseline > 0 ? f.baseline + s.front().second.baseline : f.margin_bottom + height_of(s);
    if (f.baseline <= 0)
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

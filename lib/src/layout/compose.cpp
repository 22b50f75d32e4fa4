// Composition: the header, section headings and entries of a CV (as the
// presentation stage gives them) into blocks of strips, ready for
// pagination.
#include "layout/compose.hpp"

#include "layout/spans.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"

#include <algorithm>

namespace cvpress::detail {

namespace {

class Composer : private SpanMaker {
public:
  Composer(const Cv& cv, const Style& style, const Resources& res, const Presenter& pr,
           Typesetter& ts, const PageGeometry& g)
      : SpanMaker(style, cv.settings.bold_keywords), cv_(cv), st_(style), res_(res), pr_(pr),
        ts_(ts), measure_(ts), left_(g.left), width_(g.width), page_h_(g.top - g.bottom),
        axis_(g.axis), align_(style.justify ? Align::justify : Align::left) {}

  std::vector<Block> run() {
    header();
    for (std::size_t k = 0; k < cv_.sections.size(); ++k) {
      section_index_ = static_cast<int>(k);
      section(cv_.sections[k]);
    }
    return std::move(blocks_);
  }

private:
  const Cv& cv_;
  const Style& st_;
  const Resources& res_;
  const Presenter& pr_;
  Typesetter& ts_;       // sets paragraphs
  TextMeasure& measure_; // widths of one-line text (the same fonts)
  double left_, width_;
  double page_h_; // text area height: taller units are split into lines
  double axis_;   // mirror axis of a right-to-left document, else 0
  Align align_;
  std::vector<Block> blocks_;
  int section_index_ = -1; // the section being composed

  static constexpr double k_column_gap = 10; // main column <-> date column
  static constexpr double k_bullet_indent = 12;

  // Header strings carry no position in the model: report the file only.
  SourceLocation file_where() const { return SourceLocation{cv_.source_file, 0, 0}; }

  std::vector<LaidLine> set(const std::vector<Span>& spans, double width, Align align,
                            const SourceLocation& where) {
    return ts_.set(spans, width, align, where);
  }

  // -------------------------------------------------------- the header

  void header() {
    const Header& h = cv_.header;
    Block block;
    Strip strip;
    double x = left_, w = width_;
    double photo_h = 0;
    if (res_.photo) {
      ImageItem img = photo_item(*res_.photo, photo_h);
      const double pw = img.width + 14; // photo and its gap
      if (st_.photo_side == Side::left) {
        x += pw;
      } else {
        img.x = left_ + width_ - img.width;
      }
      w -= pw;
      strip.items.push_back(std::move(img));
    }
    const Align a = st_.header_centered ? Align::center : Align::left;
    Stack s;
    SpanStyle name_style;
    name_style.role = FontRole::name;
    name_style.bold = true;
    name_style.size = st_.name_size;
    name_style.color = st_.primary_color;
    append(s, x, set({Span{pr_.header_name(), name_style}}, w, a, file_where()));
    if (!h.headline.empty()) {
      SpanStyle hs = body();
      hs.size = st_.headline_size;
      append(s, x, set(rich(h.headline, hs), w, a, h.headline.where));
    }
    for (const auto& line : h.affiliation)
      append(s, x, set({Span{line, body()}}, w, a, file_where()));
    contact_lines(s, x, w, a);
    const double text_h = height_of(s);
    // Centre the text block beside a taller photo.
    emit(s, photo_h > text_h ? (photo_h - text_h) / 2 : 0, strip.items, axis_);
    strip.height = std::max(text_h, photo_h);
    block.strips.push_back(std::move(strip));
    blocks_.push_back(std::move(block));
  }

  // The checked photo resource, placed at the top left (72 pt wide, at
  // most 96 pt high).
  ImageItem photo_item(const Photo& photo, double& height) const {
    ImageItem img;
    img.bytes = photo.bytes;
    img.format = photo.info.format;
    img.checked = true;
    img.width = kPhotoWidthPt;
    img.height = img.width * photo.info.height / photo.info.width;
    if (img.height > kPhotoMaxHeightPt) {
      img.width *= kPhotoMaxHeightPt / img.height;
      img.height = kPhotoMaxHeightPt;
    }
    img.x = left_;
    img.y = -img.height;
    height = img.height;
    return img;
  }

  // The contact items, packed into lines at item boundaries only.
  void contact_lines(Stack& s, double x, double w, Align a) {
    std::vector<std::vector<Span>> items;
    for (auto& c : pr_.contacts()) {
      SpanStyle st = body();
      st.color = st_.primary_color; // RenderCV classic's connections colour
      st.link = std::move(c.uri);
      st.keep_together = true;
      items.push_back({Span{std::move(c.shown), st}});
    }
    if (items.empty())
      return;
    const Span sep{st_.contact_separator, body()};
    const double sep_w = measure_.measure({&sep, 1});
    std::vector<Span> line;
    double line_w = 0;
    auto flush = [&] {
      if (!line.empty())
        append(s, x, set(line, w, a, file_where()));
      line.clear();
      line_w = 0;
    };
    for (auto& item : items) {
      const double iw = measure_.measure(item);
      if (!line.empty() && line_w + sep_w + iw > w)
        flush();
      if (!line.empty()) {
        line.push_back(sep);
        line_w += sep_w;
      }
      line.insert(line.end(), item.begin(), item.end());
      line_w += iw;
    }
    flush();
  }

  // ------------------------------------------------------------ sections

  void section(const Section& sec) {
    const SectionView v = pr_.section(sec);
    heading(v.title, sec.where);
    // Hanging label column for numbered lists and labelled publications.
    label_w_ = 0;
    for (const auto& ev : v.entries)
      if (!ev.label.empty()) {
        Span sp{ev.label, body()};
        label_w_ = std::max(label_w_, measure_.measure({&sp, 1}) + 6);
      }
    // One date column width per section, so main columns line up: as wide
    // as its widest date or location (a years-only column is narrow),
    // within the style's bounds (default at most 40% of the text width).
    const double dw_max = st_.date_column_max > 0 ? st_.date_column_max : width_ * 0.4;
    double widest = 0;
    section_aside_ = v.has_aside;
    for (const auto& ev : v.entries)
      for (const auto& a : ev.aside_lines()) {
        if (a.empty())
          continue;
        const Span sp{a, body()};
        widest = std::max(widest, measure_.measure({&sp, 1}) + 0.5);
      }
    section_dw_ = std::max(st_.date_column_min, std::min(widest, dw_max));
    const std::size_t first = blocks_.size();
    for (std::size_t i = 0; i < v.entries.size(); ++i) {
      std::vector<Unit> units;
      const EntryView& ev = v.entries[i];
      std::visit([&](const auto& x) { entry(x, units, ev); }, *ev.entry);
      if (units.empty())
        continue;
      blocks_.push_back(to_block(units, page_h_, axis_));
      blocks_.back().ref = {BlockRef::Kind::entry, section_index_, static_cast<int>(ev.index)};
    }
    entry_glue(first, v);
    marks_legend(v);
  }

  // "* co-first author   † corresponding author" under a section whose
  // publications use the marks (only the marks used).
  void marks_legend(const SectionView& v) {
    if (v.legend.empty())
      return;
    std::string t;
    for (const auto& item : v.legend)
      t += (t.empty() ? "" : "\u2003") + item;
    SpanStyle ls = body();
    ls.size = footer_size();
    std::vector<Unit> units(1);
    units.front().space_before = st_.entry_spacing;
    append(units.front().main, left_, set({Span{t, ls}}, width_, Align::left, v.section->where));
    blocks_.push_back(to_block(units, page_h_, axis_));
    blocks_.back().ref = {BlockRef::Kind::legend, section_index_, -1};
  }

  // The glue between a section's entries (blocks from `first` on): the
  // style's entry spacing, or its item spacing when every entry is a single
  // row (awards, services, interests, bullets: one line, or a one-row entry
  // type wrapped), so a list keeps the body leading.
  void entry_glue(std::size_t first, const SectionView& v) {
    bool list = true;
    for (const auto& ev : v.entries)
      list = list && (std::holds_alternative<ServiceEntry>(*ev.entry) ||
                      std::holds_alternative<OneLineEntry>(*ev.entry) ||
                      std::holds_alternative<BulletEntry>(*ev.entry) ||
                      std::holds_alternative<NumberedEntry>(*ev.entry) ||
                      std::holds_alternative<ReversedNumberedEntry>(*ev.entry));
    if (!list) { // or every entry one line
      list = true;
      for (std::size_t b = first; b < blocks_.size() && list; ++b)
        list = blocks_[b].strips.size() == 1 && blocks_[b].strips.front().lines <= 1;
    }
    for (std::size_t b = first; b < blocks_.size(); ++b) {
      if (blocks_[b].strips.empty())
        continue;
      blocks_[b].list_item = list;
      Strip& s = blocks_[b].strips.front();
      const bool top = b == first;
      s.space_before = top ? 0 : list ? st_.item_spacing : st_.entry_spacing;
      s.stretch = top ? 0 : list ? st_.item_stretch : st_.entry_stretch;
      s.shrink = top ? 0 : list ? st_.item_shrink : st_.entry_shrink;
    }
  }

  double label_w_ = 0;
  double section_dw_ = 0;
  bool section_aside_ = false;

  void heading(const std::string& title, const SourceLocation& where) {
    SpanStyle hs;
    hs.role = FontRole::heading;
    hs.bold = true;
    hs.size = st_.heading_size;
    hs.color = st_.primary_color;
    const bool caps = st_.heading_look == HeadingLook::small_caps;
    const double indent = st_.heading_look == HeadingLook::bar ? 8 : 0;
    std::vector<LaidLine> lines =
        set(caps ? small_caps(title, hs) : std::vector<Span>{Span{title, hs}}, width_ - indent,
            Align::left, where);
    Strip strip;
    strip.space_before = st_.section_spacing;
    strip.stretch = st_.section_stretch;
    strip.shrink = st_.section_shrink;
    Stack s;
    append(s, left_ + indent, std::move(lines));
    const double h = height_of(s);
    const double last_w = s.empty() ? 0 : s.back().second.width;
    const double last_base = s.empty() ? 0 : h - s.back().second.height + s.back().second.baseline;
    emit(s, 0, strip.items, axis_);
    const double below = h + 2; // just under the heading's descenders
    switch (st_.heading_look) {
    case HeadingLook::rule_below:
    case HeadingLook::small_caps:
      strip.items.push_back(
          RuleItem{left_, -below, left_ + width_, -below, 0.5, st_.primary_color});
      break;
    case HeadingLook::underline:
      strip.items.push_back(
          RuleItem{left_, -below, left_ + last_w, -below, 0.5, st_.primary_color});
      break;
    case HeadingLook::partial_rule: {
      const double y = -last_base + st_.heading_size * 0.3;
      if (last_w + 8 < width_)
        strip.items.push_back(
            RuleItem{left_ + last_w + 8, y, left_ + width_, y, 0.5, st_.primary_color});
      break;
    }
    case HeadingLook::bar:
      strip.items.push_back(RectItem{left_, -h + 2, 3, h - 4, st_.primary_color});
      break;
    case HeadingLook::plain:
      break;
    }
    strip.height = below + 4;
    Block b;
    b.strips.push_back(std::move(strip));
    b.keep_with_next = true;
    b.bookmark = title;
    b.ref = {BlockRef::Kind::heading, section_index_, -1};
    blocks_.push_back(std::move(b));
  }

  // --------------------------------------------------------- entries

  // Column geometry of an entry: main column [mx, mx+mw), date column on the
  // right; below the date column's text the main column widens to `full`.
  struct Columns {
    double mx, mw, dx, dw;
    double lx;   // hanging labels (left of mx)
    double full; // main column width below the date column's text
  };

  // Main and date columns of the current section (see section()).
  Columns columns(const std::string& label) const {
    const double dw = section_dw_;
    Columns c{left_, width_, left_ + width_ - dw, dw, left_, width_};
    if (section_aside_) {
      c.mw = width_ - dw - k_column_gap;
      if (st_.date_column_side == Side::left) {
        c.dx = left_;
        c.mx = left_ + dw + k_column_gap;
      }
    }
    c.lx = c.mx;
    if (!label.empty()) {
      c.mx += label_w_;
      c.mw -= label_w_;
    }
    // Dates on the left keep the main column's indent all the way down.
    c.full = st_.date_column_side == Side::right ? left_ + width_ - c.mx : c.mw;
    return c;
  }

  // ------------------------------------------------ lines beside the dates

  // The date column's text of the current entry and how far down the main
  // column has come beside it: a paragraph's lines give way to the column
  // only while its text is beside them (lines below it run the full width).
  double aside_h_ = 0; // height of the date column's text
  double main_y_ = 0;  // top of the next main-column paragraph
  bool used_narrow_ = false;
  std::vector<double> widths_;

  // Widths of the lines of a paragraph at main_y_: `narrow` beside the
  // date column's text, `full` below it.
  std::span<const double> widths(double narrow, double full, double line_h) {
    widths_.clear();
    double y = main_y_;
    while (y < aside_h_ - 0.01 && widths_.size() < 64) {
      widths_.push_back(narrow);
      y += line_h;
    }
    used_narrow_ = used_narrow_ || !widths_.empty();
    widths_.push_back(full);
    return widths_;
  }

  // Sets a main-column paragraph at main_y_ (see widths()).
  std::vector<LaidLine> set_beside(const std::vector<Span>& spans, double narrow, double full,
                                   Align align, const SourceLocation& where) {
    std::vector<LaidLine> lines =
        ts_.set(spans, widths(narrow, full, ts_.line_height(st_.body_size)), align, where);
    for (const auto& l : lines)
      main_y_ += l.height;
    return lines;
  }

  // Starts an entry's head unit: its date column text is `u.aside`.
  void begin_beside(const Unit& u) {
    aside_h_ = height_of(u.aside);
    main_y_ = 0;
  }

  // Sets a unit that follows an entry's head (summary, bullets) with
  // `fill`: beside the date column's text when it moves up there
  // (moves_beside(), as to_block() decides), else below it at full width.
  template <class Fill> void place_after_head(Unit& u, Fill&& fill) {
    const double top = main_y_;
    main_y_ = top + u.space_before;
    used_narrow_ = false;
    fill(u);
    if (aside_h_ <= 0 || moves_beside(aside_h_, top, u))
      return;
    aside_h_ = 0; // this unit and the rest of the entry are below the column
    if (used_narrow_) {
      u.main.clear();
      u.label.clear();
      main_y_ = top + u.space_before;
      fill(u);
    }
  }

  void aside_lines(Unit& u, const Columns& c, const std::vector<std::string>& lines,
                   const SourceLocation& where) {
    const Align a = st_.date_column_side == Side::left ? Align::left : Align::right;
    SpanStyle st = body();
    st.hyphenate = false; // dates and places
    for (const auto& l : lines)
      if (!l.empty())
        append(u.aside, c.dx, set({Span{l, st}}, c.dw, a, where));
  }

  void label_lines(Unit& u, const Columns& c, const std::string& label) {
    if (!label.empty())
      append(u.label, c.lx, set({Span{label, body()}}, label_w_ - 6, Align::left, {}));
  }

  void summary_units(std::vector<Unit>& units, const RichText& summary, const Columns& c) {
    if (summary.empty())
      return;
    Unit u;
    u.splittable = true;
    u.space_before = 1;
    place_after_head(u, [&](Unit& v) {
      append(v.main, c.mx, set_beside(rich(summary, body()), c.mw, c.full, align_, summary.where));
    });
    units.push_back(std::move(u));
  }

  // A bullet at x; its text `narrow` wide beside the date column, `full` below.
  void bullet_unit(std::vector<Unit>& units, const RichText& t, double x, double narrow,
                   double full, bool nested) {
    Unit u;
    const std::string& glyph = nested ? st_.nested_bullet : st_.bullet;
    place_after_head(u, [&](Unit& v) {
      append(v.label, x + 2, set({Span{glyph, body()}}, k_bullet_indent, Align::left, t.where));
      append(v.main, x + k_bullet_indent,
             set_beside(rich(t, body()), narrow - k_bullet_indent, full - k_bullet_indent, align_,
                        t.where));
    });
    units.push_back(std::move(u));
  }

  void highlight_units(std::vector<Unit>& units, const std::vector<Highlight>& hs,
                       const Columns& c) {
    for (const auto& h : hs) {
      bullet_unit(units, h.text, c.mx, c.mw, c.full, false);
      for (const auto& child : h.children)
        bullet_unit(units, child, c.mx + k_bullet_indent, c.mw - k_bullet_indent,
                    c.full - k_bullet_indent, true);
    }
  }

  void details_head(std::vector<Unit>& units, const std::vector<Row>& head, const EntryDetails& d,
                    const SourceLocation& where, const EntryView& view) {
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns("");
    Unit u;
    aside_lines(u, c, aside, d.dates.where);
    begin_beside(u);
    for (const Row& row : head)
      if (std::vector<Span> spans = row_spans(row); !spans.empty())
        append(u.main, c.mx, set_beside(spans, c.mw, c.full, Align::left, where));
    units.push_back(std::move(u));
    summary_units(units, d.summary, c);
    highlight_units(units, d.highlights, c);
    aside_h_ = 0;
  }

  void entry(const EducationEntry& e, std::vector<Unit>& units, const EntryView& view) {
    details_head(units, pr_.head_rows(e), e.details, e.where, view);
  }

  void entry(const ExperienceEntry& e, std::vector<Unit>& units, const EntryView& view) {
    details_head(units, pr_.head_rows(e), e.details, e.where, view);
  }

  void entry(const NormalEntry& e, std::vector<Unit>& units, const EntryView& view) {
    details_head(units, pr_.head_rows(e), e.details, e.where, view);
  }

  // A row of the presentation stage as spans: the look of each run role.
  std::vector<Span> row_spans(const Row& row) const {
    std::vector<Span> out;
    // Separators take the row's look: italic between status and note, bold
    // after a one-line label.
    const SpanStyle plain = row.role == RowRole::status_note ? body(false, true)
                            : row.role == RowRole::one_line  ? body(true)
                                                             : body();
    SpanStyle name;        // the last author's look, for the marks after it
    bool in_marks = false; // the last span holds marks: more marks join it
    for (const Run& r : row.runs) {
      SpanStyle st = plain;
      switch (r.role) {
      case RunRole::title:
      case RunRole::venue_tag:
      case RunRole::label:
        st = body(true);
        break;
      case RunRole::author:
      case RunRole::owner:
        st = body(r.role == RunRole::owner);
        st.keep_together = true;
        name = st;
        break;
      case RunRole::co_first:
      case RunRole::corresponding:
        // Co-first (*) and corresponding (†) marks as superscripts.
        if (in_marks) {
          out.back().text += r.text;
          continue;
        }
        st = name;
        st.size = name.size * 0.65;
        st.rise = name.size * 0.3;
        break;
      case RunRole::venue:
      case RunRole::status:
      case RunRole::note:
      case RunRole::service_role:
        st = body(false, true);
        break;
      case RunRole::event_tag:
        st = body(true);
        break;
      case RunRole::number:
        if (!r.link.empty()) {
          st.color = st_.primary_color;
          st.link = r.link;
        }
        break;
      case RunRole::award:
        st = body(true);
        st.color = st_.primary_color;
        break;
      case RunRole::doi:
      case RunRole::url:
        st.color = st_.primary_color;
        st.link = r.link;
        break;
      case RunRole::separator:
      case RunRole::doi_label:
      case RunRole::subtitle:
      case RunRole::degree:
      case RunRole::area:
      case RunRole::event:
      case RunRole::location:
      case RunRole::host:
        break;
      case RunRole::details:
        st = body();
        break;
      }
      const std::size_t before = out.size();
      if (r.rich && r.role == RunRole::title && !r.link.empty()) {
        // A linked title (talks): the link covers the whole title.
        rich(out, *r.rich, st);
        for (std::size_t k = before; k < out.size(); ++k)
          out[k].style.link = r.link;
      } else if (r.rich)
        rich(out, *r.rich, st);
      else
        text(out,
             r.role == RunRole::venue_tag   ? "[" + r.text + "]"
             : r.role == RunRole::event_tag ? "[" + r.text + "] "
                                            : r.text,
             st);
      in_marks =
          (r.role == RunRole::co_first || r.role == RunRole::corresponding) && out.size() > before;
    }
    return out;
  }

  void entry(const PublicationEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::string& label = view.label;
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns(label.empty() && label_w_ > 0 ? " " : label);
    Unit u;
    label_lines(u, c, label);
    aside_lines(u, c, aside, e.dates.where);
    begin_beside(u);
    for (const Row& row : pr_.publication_rows(e))
      if (std::vector<Span> spans = row_spans(row); !spans.empty())
        append(u.main, c.mx, set_beside(spans, c.mw, c.full, Align::left, e.where));
    units.push_back(std::move(u));
    summary_units(units, e.summary, c);
    aside_h_ = 0;
  }

  void entry(const TalkEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> when = view.aside_lines();
    const Columns c = columns("");
    const std::vector<Row> rows = pr_.talk_rows(e);
    // The title has no date beside it: it runs the full width.
    Unit head;
    append(head.main, c.mx, set(row_spans(rows[0]), c.full, Align::left, e.where));
    units.push_back(std::move(head));
    for (std::size_t i = 0; i < e.events.size(); ++i) {
      const TalkEvent& ev = e.events[i];
      Unit u;
      aside_lines(u, c, {when[i]}, ev.dates.where);
      begin_beside(u);
      append(u.main, c.mx + k_bullet_indent,
             set_beside(row_spans(rows[i + 1]), c.mw - k_bullet_indent, c.full - k_bullet_indent,
                        Align::left, ev.where));
      append(u.label, c.mx + 2,
             set({Span{st_.nested_bullet, body()}}, k_bullet_indent, Align::left, {}));
      units.push_back(std::move(u));
    }
    summary_units(units, e.summary, c);
    aside_h_ = 0;
  }

  void entry(const ServiceEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns("");
    Unit u;
    aside_lines(u, c, aside, e.dates.where);
    begin_beside(u);
    append(u.main, c.mx,
           set_beside(row_spans(pr_.service_row(e)), c.mw, c.full, Align::left, e.where));
    units.push_back(std::move(u));
    aside_h_ = 0;
  }

  void entry(const PatentEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns("");
    Unit u;
    aside_lines(u, c, aside, e.dates.where);
    begin_beside(u);
    for (const Row& row : pr_.patent_rows(e))
      append(u.main, c.mx, set_beside(row_spans(row), c.mw, c.full, Align::left, e.where));
    units.push_back(std::move(u));
    aside_h_ = 0;
  }

  void entry(const OneLineEntry& e, std::vector<Unit>& units, const EntryView&) {
    const std::vector<Span> line = row_spans(pr_.one_line_row(e));
    Unit u;
    u.splittable = true;
    append(u.main, left_, set(line, width_, align_, e.where));
    units.push_back(std::move(u));
  }

  void entry(const BulletEntry& e, std::vector<Unit>& units, const EntryView&) {
    bullet_unit(units, e.bullet, left_, width_, width_, false);
  }

  void numbered(const RichText& t, std::vector<Unit>& units, const std::string& label) {
    Unit u;
    append(u.label, left_, set({Span{label, body()}}, label_w_ - 6, Align::right, t.where));
    append(u.main, left_ + label_w_, set(rich(t, body()), width_ - label_w_, align_, t.where));
    units.push_back(std::move(u));
  }

  void entry(const NumberedEntry& e, std::vector<Unit>& units, const EntryView& view) {
    numbered(e.number, units, view.label);
  }

  void entry(const ReversedNumberedEntry& e, std::vector<Unit>& units, const EntryView& view) {
    numbered(e.reversed_number, units, view.label);
  }

  void entry(const TextEntry& e, std::vector<Unit>& units, const EntryView&) {
    Unit u;
    u.splittable = true;
    append(u.main, left_, set(rich(e.text, body()), width_, align_, e.text.where));
    units.push_back(std::move(u));
  }
};

} // namespace

std::vector<Block> compose_blocks(const Cv& cv, const Style& style, const Resources& resources,
                                  const Presenter& presenter, Typesetter& ts,
                                  const PageGeometry& geometry) {
  return Composer(cv, style, resources, presenter, ts, geometry).run();
}

} // namespace cvpress::detail

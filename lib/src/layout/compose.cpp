// Composition: the header, section headings and entries of a CV (as the
// presentation stage gives them) into blocks of strips, ready for
// pagination.
#include "layout/compose.hpp"

#include "fonts/icons.hpp"
#include "layout/spans.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"
#include "text/unicode.hpp"

#include <algorithm>

namespace cvpress::detail {

namespace {

class Composer : private SpanMaker {
public:
  Composer(const Cv& cv, const Style& style, const Resources& res, const Presenter& pr,
           Typesetter& ts, const PageGeometry& g, StructureBuilder& sb)
      : SpanMaker(style, cv.settings.bold_keywords), cv_(cv), st_(style), res_(res), pr_(pr),
        ts_(ts), measure_(ts), sb_(sb), left_(g.left), width_(g.width), page_h_(g.top - g.bottom),
        axis_(g.axis), align_(style.justify ? Align::justify : Align::left) {}

  std::vector<Block> run(std::vector<double>* date_widths, std::vector<double>* degree_widths) {
    if (rcv_) {
      side_ = st_.rendercv.entry_side_space;
      if (st_.heading_look == HeadingLook::bar && st_.date_column_side == Side::left)
        body_dx_ = st_.date_column_min + k_column_gap_rcv();
    }
    header();
    for (std::size_t k = 0; k < cv_.sections.size(); ++k) {
      section_index_ = static_cast<int>(k);
      section_dw_ = 0;
      section(cv_.sections[k]);
      if (date_widths)
        date_widths->push_back(section_aside_ ? section_dw_ : 0);
      if (degree_widths)
        degree_widths->push_back(section_degree_w_);
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
  StructureBuilder& sb_; // the structure nodes of what is composed
  int sect_ = 0;         // the current section's (or the header's) node
  int list_ = -1;        // the current section's list of list-like entries, -1 if none
  double left_, width_;
  double page_h_; // text area height: taller units are split into lines
  double axis_;   // mirror axis of a right-to-left document, else 0
  Align align_;
  std::vector<Block> blocks_;
  int section_index_ = -1; // the section being composed
  // The style is a RenderCV theme (or extends one): draw Style::rendercv.
  const bool rcv_ = st_.rendercv_dates;

  static constexpr double k_column_gap = 10; // main column <-> date column
  // RenderCV themes: entries.space_between_columns, entries.side_space.
  double k_column_gap_rcv() const { return rcv_ ? st_.rendercv.column_gap : k_column_gap; }
  double side_ = 0;    // entries.side_space: entries inset on both sides
  double body_dx_ = 0; // moderncv: every entry's text right of the date column
  static constexpr double k_bullet_indent = 12;

  // Header strings carry no position in the model: report the file only.
  SourceLocation file_where() const { return SourceLocation{cv_.source_file, 0, 0}; }

  std::vector<LaidLine> set(const std::vector<Span>& spans, double width, Align align,
                            const SourceLocation& where) {
    return ts_.set(spans, width, align, where);
  }

  // `spans` tied to structure node `node` (see StructureBuilder::tag).
  std::vector<Span> tagged(std::vector<Span> spans, int node) {
    sb_.tag(spans, node);
    return spans;
  }
  int node(StructRole role, int parent) { return sb_.add(role, parent); }
  // The node of decorations (bullet glyphs), painted as artifacts.
  int decoration() {
    if (decoration_ < 0)
      decoration_ = node(StructRole::artifact, StructureBuilder::root());
    return decoration_;
  }
  int decoration_ = -1;

  // -------------------------------------------------------- the header

  void header() {
    const Header& h = cv_.header;
    Block block;
    Strip strip;
    double x = left_, w = width_;
    double photo_h = 0;
    sect_ = node(StructRole::sect, StructureBuilder::root());
    const std::string name = pr_.header_name();
    const int h1 = node(StructRole::h1, sect_);
    if (res_.photo) {
      ImageItem img = photo_item(*res_.photo, photo_h);
      img.node = sb_.add(StructRole::figure, sect_, "Photo of " + name);
      const double pw = img.width + 14; // photo and its gap
      if (st_.photo_side == Side::left) {
        x += pw;
      } else {
        img.x = left_ + width_ - img.width;
      }
      w -= pw;
      strip.items.push_back(std::move(img));
    }
    const RenderCvLook& rl = st_.rendercv;
    const Align a = rcv_ && rl.header_align == BlockAlign::right ? Align::right
                    : st_.header_centered                        ? Align::center
                                                                 : Align::left;
    Stack s;
    SpanStyle name_style;
    name_style.role = FontRole::name;
    name_style.bold = rcv_ ? rl.bold_name : true;
    name_style.size = st_.name_size;
    name_style.color = rcv_ ? rl.name_color : st_.primary_color;
    append(s, x,
           set(tagged(rcv_ && rl.small_caps_name ? small_caps(name, name_style)
                                                 : std::vector<Span>{Span{name, name_style}},
                      h1),
               w, a, file_where()));
    if (rcv_ && rl.small_caps_name) // drawn in capitals: the name as written
      sb_.set_actual_text(h1, name);
    // RenderCV themes: the spaces below the headline and connections beyond
    // the lines' own leading (Typst's v() after the text's bottom edge).
    auto gap = [&](double space) {
      if (rcv_ && !s.empty())
        s.back().second.height += std::max(0.0, space - 0.6 * st_.body_size);
    };
    if (!h.headline.empty()) {
      SpanStyle hs = body(rcv_ && rl.bold_headline);
      hs.size = st_.headline_size;
      if (rcv_)
        hs.color = rl.headline_color;
      append(s, x,
             set(tagged(rich(h.headline, hs), node(StructRole::p, sect_)), w, a, h.headline.where));
      gap(rl.space_below_headline);
    }
    for (const auto& line : h.affiliation)
      append(s, x,
             set(tagged({Span{line, body()}}, node(StructRole::p, sect_)), w, a, file_where()));
    contact_lines(s, x, w, a);
    const double text_h = height_of(s);
    top_note(strip);
    // Centre the text block beside a taller photo.
    emit(s, photo_h > text_h ? (photo_h - text_h) / 2 : 0, strip.items, axis_);
    strip.height = std::max(text_h, photo_h);
    block.strips.push_back(std::move(strip));
    blocks_.push_back(std::move(block));
  }

  // RenderCV's top note ("Last updated in Mar 2026"): small, at the right,
  // its cap height halfway up the top margin (Typst: place(dy: -margin / 2)).
  void top_note(Strip& strip) {
    const std::optional<Row> note = pr_.top_note();
    if (!note)
      return;
    std::vector<Span> spans = row_spans(*note);
    double size = footer_size();
    for (Span& sp : spans) {
      sp.style.size = size;
      sp.style.color = st_.rendercv.top_note_color;
    }
    Stack t;
    append(t, left_, set(spans, width_ - side_, Align::right, file_where()));
    if (t.empty())
      return;
    const double baseline = t.front().second.baseline;
    emit(t, -(0.5 * st_.margin_top - 0.7 * size + baseline), strip.margin_items, axis_);
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
      SpanStyle st = body(rcv_ && st_.rendercv.bold_connections);
      st.color = rcv_ ? st_.rendercv.connections_color
                      : st_.primary_color; // RenderCV classic's connections colour
      if (rcv_)
        st.size = st_.rendercv.connections_size;
      st.link = std::move(c.uri);
      st.plain_link = true; // RenderCV underlines no connection
      st.keep_together = true;
      items.emplace_back();
      // RenderCV's icon in the text's colour, a small gap, then the text;
      // only when the installed font has it. RenderCV sets Font Awesome 6/7
      // at 0.9 em; 4.7's icons fill 6/7 of the em where those fill it, so
      // 1.05 em draws them as large.
      if (const IconGlyph icon = st_.rendercv.show_icons ? icon_glyph(c.icon) : IconGlyph{};
          icon.face) {
        SpanStyle is = st;
        is.role = FontRole::icon;
        is.bold = is.italic = false;
        is.size = st.size * 1.05;
        is.space_after = st.size * 0.34; // RenderCV: 0.05cm and a space
        is.hyphenate = false;
        is.decorative = true;
        std::string text;
        append_utf8(text, icon.cp);
        items.back().push_back(Span{std::move(text), std::move(is)});
      }
      items.back().push_back(Span{std::move(c.shown), st});
    }
    if (items.empty())
      return;
    SpanStyle sep_style = body();
    if (rcv_) {
      sep_style.size = st_.rendercv.connections_size;
      sep_style.color = st_.rendercv.connections_color;
    }
    // RenderCV: space_between_connections around the separator (as spaces).
    std::string sep_text = st_.contact_separator;
    if (rcv_) {
      const Span space{" ", sep_style};
      const double sw = std::max(1.0, measure_.measure({&space, 1}));
      const int n = std::max(1, static_cast<int>(st_.rendercv.space_between_connections / 2 / sw));
      std::string trimmed = sep_text;
      std::erase(trimmed, ' ');
      const std::string pad(static_cast<std::size_t>(n), ' ');
      sep_text = trimmed.empty() ? pad + pad : pad + trimmed + pad;
    }
    const Span sep{sep_text, sep_style};
    const double sep_w = measure_.measure({&sep, 1});
    std::vector<Span> line;
    double line_w = 0;
    auto flush = [&] {
      if (!line.empty())
        append(s, x, set(tagged(line, node(StructRole::p, sect_)), w, a, file_where()));
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
    sect_ = node(StructRole::sect, StructureBuilder::root());
    list_ = -1;
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
      for (const auto& a : aside_of(ev)) {
        if (a.text.empty())
          continue;
        const Span sp{a.text, body(a.bold, a.italic)};
        widest = std::max(widest, measure_.measure({&sp, 1}) + 0.5);
      }
    section_dw_ = std::max(st_.date_column_min, std::min(widest, dw_max));
    // RenderCV's degree column: degree_width, widened to the section's longest
    // degree word ("Master", "Bachelor") rather than breaking it, at most a
    // fifth of the text width.
    section_degree_w_ = st_.rendercv.degree_width;
    for (const auto& ev : v.entries) {
      if (!rcv_ || !std::holds_alternative<EducationEntry>(*ev.entry)) // the only degree column
        continue;
      if (const auto t = pr_.templated_head(ev))
        for (const Row& row : t->degree)
          section_degree_w_ =
              std::max(section_degree_w_,
                       std::min(width_ * 0.2, widest_word(row_spans(row)) + 0.4 * st_.body_size));
    }
    const std::size_t first = blocks_.size();
    for (std::size_t i = 0; i < v.entries.size(); ++i) {
      std::vector<Unit> units;
      const EntryView& ev = v.entries[i];
      // Entries inset by the side space; text without a date column also
      // right of moderncv's date column.
      const double left = left_, width = width_;
      const bool columned = std::holds_alternative<EducationEntry>(*ev.entry) ||
                            std::holds_alternative<ExperienceEntry>(*ev.entry) ||
                            std::holds_alternative<NormalEntry>(*ev.entry) ||
                            std::holds_alternative<PublicationEntry>(*ev.entry) ||
                            std::holds_alternative<ServiceEntry>(*ev.entry) ||
                            std::holds_alternative<PatentEntry>(*ev.entry) ||
                            std::holds_alternative<TalkEntry>(*ev.entry);
      const double dx = side_ + (columned ? 0 : body_dx_);
      left_ += dx;
      width_ -= dx + side_;
      std::visit([&](const auto& x) { entry(x, units, ev); }, *ev.entry);
      left_ = left;
      width_ = width;
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
    append(units.front().main, left_,
           set(tagged({Span{t, ls}}, node(StructRole::p, sect_)), width_, Align::left,
               v.section->where));
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
                      std::holds_alternative<ReversedNumberedEntry>(*ev.entry) ||
                      (rcv_ && std::holds_alternative<TextEntry>(*ev.entry)));
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
      // RenderCV themes: sections.space_between_text_based_entries in lists.
      const double item = rcv_ ? st_.rendercv.text_entry_spacing : st_.item_spacing;
      s.space_before = top ? 0 : list ? item : st_.entry_spacing;
      s.stretch = top ? 0 : list ? st_.item_stretch : st_.entry_stretch;
      s.shrink = top ? 0 : list ? st_.item_shrink : st_.entry_shrink;
    }
  }

  // An entry's date column lines: from its RenderCV template, else the
  // presentation's (dates, time span, location).
  std::vector<AsideLine> aside_of(const EntryView& ev) const {
    if (auto t = pr_.templated_head(ev))
      return t->aside;
    std::vector<AsideLine> out;
    for (auto& l : ev.aside_lines())
      out.push_back(AsideLine{std::move(l), false, false});
    return out;
  }

  double label_w_ = 0;
  double section_dw_ = 0;
  bool section_aside_ = false;
  double section_degree_w_ = 0; // RenderCV's degree column in this section

  void heading(const std::string& title, const SourceLocation& where) {
    const RenderCvLook& rl = st_.rendercv;
    SpanStyle hs;
    hs.role = FontRole::heading;
    hs.bold = rcv_ ? rl.bold_section_titles : true;
    hs.size = st_.heading_size;
    hs.color = rcv_ ? rl.section_titles_color : st_.primary_color;
    const bool caps =
        rcv_ ? rl.small_caps_section_titles : st_.heading_look == HeadingLook::small_caps;
    const bool centered = rcv_ && rl.heading_centered;
    const double thick = rcv_ ? rl.heading_line_thickness : 0.5;
    // RenderCV's moderncv: a thick bar as wide as the date column, then the title.
    const bool moderncv = rcv_ && st_.heading_look == HeadingLook::bar;
    const double bar_w = moderncv ? body_dx_ - k_column_gap_rcv() : 0;
    const double indent = moderncv ? body_dx_ : st_.heading_look == HeadingLook::bar ? 8 : 0;
    const int h2 = node(StructRole::h2, sect_);
    std::vector<Span> spans =
        tagged(caps ? small_caps(title, hs) : std::vector<Span>{Span{title, hs}}, h2);
    if (caps) // drawn in capitals: the title as written, for screen readers
      sb_.set_actual_text(h2, title);
    std::vector<LaidLine> lines =
        set(spans, width_ - indent, centered ? Align::center : Align::left, where);
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
    // RenderCV (Typst) line boxes run from cap height to baseline, a full line
    // a further 0.3 em under it; ours hold the whole line.
    const double below =
        rcv_ ? last_base + 0.3 * st_.body_size : h + 2;     // just under the heading's descenders
    const double mid = -last_base + st_.heading_size * 0.3; // the rule beside the title
    switch (st_.heading_look) {
    case HeadingLook::rule_below:
    case HeadingLook::small_caps:
      strip.items.push_back(
          RuleItem{left_, -below, left_ + width_, -below, rcv_ ? thick : 0.5, hs.color});
      break;
    case HeadingLook::underline:
      strip.items.push_back(
          RuleItem{left_, -below, left_ + last_w, -below, 0.5, st_.primary_color});
      break;
    case HeadingLook::partial_rule: {
      if (centered) { // rules on both sides of the centred title
        const double l = left_ + (width_ - last_w) / 2;
        if (l - 8 > left_) {
          strip.items.push_back(RuleItem{left_, mid, l - 6, mid, thick, hs.color});
          strip.items.push_back(
              RuleItem{l + last_w + 6, mid, left_ + width_, mid, thick, hs.color});
        }
      } else if (last_w + 8 < width_) {
        strip.items.push_back(
            RuleItem{left_ + last_w + 8, mid, left_ + width_, mid, thick, hs.color});
      }
      break;
    }
    case HeadingLook::bar:
      if (moderncv)
        strip.items.push_back(RectItem{left_, mid - thick / 2, bar_w, thick, hs.color});
      else
        strip.items.push_back(RectItem{left_, -h + 2, 3, h - 4, st_.primary_color});
      break;
    case HeadingLook::plain:
      break;
    }
    strip.height = below + 4;
    if (rcv_ && !s.empty()) {
      // Typst's spacing, measured cap height to baseline: space_above from
      // the last baseline to the title's cap height, space_below (plus the
      // title block's 1.8 pt) from its baseline to the next cap height.
      const LaidLine& first = s.front().second;
      const double k = st_.body_size / st_.heading_size; // a body line, same font
      const double over_cap = first.baseline - 0.7 * st_.heading_size;
      const double body_under = (first.height - first.baseline) * k;
      const double body_over_cap = first.baseline * k - 0.7 * st_.body_size;
      strip.space_before = std::max(0.0, st_.section_spacing - over_cap - body_under);
      strip.shrink = std::min(strip.shrink, strip.space_before);
      strip.height =
          std::max(below + thick, last_base + rl.heading_space_below + 1.8 - body_over_cap);
    }
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

  // The width of the widest space-separated word of `spans`.
  double widest_word(const std::vector<Span>& spans) {
    double w = 0;
    for (const Span& sp : spans)
      for (std::size_t at = 0; at < sp.text.size();) {
        const std::size_t end = std::min(sp.text.find(' ', at), sp.text.size());
        const Span word{sp.text.substr(at, end - at), sp.style};
        w = std::max(w, measure_.measure({&word, 1}));
        at = end + 1;
      }
    return w;
  }

  // Main and date columns of the current section (see section()).
  Columns columns(const std::string& label) const {
    const double dw = section_dw_;
    Columns c{left_, width_, left_ + width_ - dw, dw, left_, width_};
    if (section_aside_ || body_dx_ > 0) {
      c.mw = width_ - dw - k_column_gap_rcv();
      if (st_.date_column_side == Side::left) {
        c.dx = left_;
        c.mx = left_ + dw + k_column_gap_rcv();
      }
    }
    c.lx = c.mx;
    if (!label.empty()) {
      c.mx += label_w_;
      c.mw -= label_w_;
    }
    // Dates on the left keep the main column's indent all the way down, and
    // so does RenderCV's short_second_row (classic, opal): its main column
    // stays beside the date column to the entry's end.
    const bool narrow = st_.date_column_side != Side::right ||
                        (rcv_ && st_.rendercv.short_second_row && section_aside_);
    c.full = narrow ? c.mw : left_ + width_ - c.mx;
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

  // The date column's lines, as paragraph nodes `p`, `p` + 1, ... (see row_nodes()).
  void aside_lines(Unit& u, const Columns& c, const std::vector<std::string>& lines,
                   const SourceLocation& where, int p) {
    std::vector<AsideLine> al;
    for (const auto& l : lines)
      al.push_back(AsideLine{l, false, false});
    aside_lines(u, c, al, where, p);
  }

  void aside_lines(Unit& u, const Columns& c, const std::vector<AsideLine>& lines,
                   const SourceLocation& where, int p) {
    Align a = st_.date_column_side == Side::left ? Align::left : Align::right;
    if (rcv_) // typography.date_and_location_column_alignment
      a = st_.rendercv.date_column_align == BlockAlign::left     ? Align::left
          : st_.rendercv.date_column_align == BlockAlign::center ? Align::center
                                                                 : Align::right;
    for (const auto& l : lines) {
      if (l.text.empty())
        continue;
      SpanStyle st = body(l.bold, l.italic);
      st.hyphenate = false; // dates and places
      append(u.aside, c.dx, set(tagged({Span{l.text, st}}, p++), c.dw, a, where));
    }
  }

  void label_lines(Unit& u, const Columns& c, const std::string& label, int lbl) {
    if (!label.empty())
      append(u.label, c.lx, set(tagged({Span{label, body()}}, lbl), label_w_ - 6, Align::left, {}));
  }

  // A new list item in the current section's list (made on first use): its
  // label node (when `label`) and its body node.
  std::pair<int, int> list_item(bool label) {
    if (list_ < 0)
      list_ = node(StructRole::l, sect_);
    const int li = node(StructRole::li, list_);
    const int lbl = label ? node(StructRole::lbl, li) : -1;
    return {lbl, node(StructRole::lbody, li)};
  }
  // A node for an entry that is not a list item (ends the section's list).
  int entry_node(StructRole role) {
    list_ = -1;
    return node(role, sect_);
  }

  void summary_units(std::vector<Unit>& units, const RichText& summary, const Columns& c,
                     int parent) {
    if (summary.empty())
      return;
    Unit u;
    u.splittable = true;
    u.space_before = 1;
    const std::vector<Span> spans = tagged(rich(summary, body()), node(StructRole::p, parent));
    place_after_head(u, [&](Unit& v) {
      append(v.main, c.mx, set_beside(spans, c.mw, c.full, align_, summary.where));
    });
    units.push_back(std::move(u));
  }

  // A bullet at x; its text `narrow` wide beside the date column, `full` below.
  // A list item in list node `list`: label (the bullet) and body.
  void bullet_unit(std::vector<Unit>& units, const RichText& t, double x, double narrow,
                   double full, bool nested, int list) {
    Unit u;
    const std::string& glyph = nested ? st_.nested_bullet : st_.bullet;
    const int li = node(StructRole::li, list);
    // The bullet glyph is decoration (an artifact); the item is its body.
    const std::vector<Span> label = tagged({Span{glyph, body()}}, decoration());
    const std::vector<Span> text = tagged(rich(t, body()), node(StructRole::lbody, li));
    place_after_head(u, [&](Unit& v) {
      append(v.label, x + 2, set(label, k_bullet_indent, Align::left, t.where));
      append(v.main, x + k_bullet_indent,
             set_beside(text, narrow - k_bullet_indent, full - k_bullet_indent, align_, t.where));
    });
    units.push_back(std::move(u));
  }

  // Highlights as a list under `parent` (nested ones as a list in it).
  void highlight_units(std::vector<Unit>& units, const std::vector<Highlight>& hs, const Columns& c,
                       int parent) {
    if (hs.empty())
      return;
    const int list = node(StructRole::l, parent);
    for (const auto& h : hs) {
      bullet_unit(units, h.text, c.mx, c.mw, c.full, false, list);
      const int nested = h.children.empty() ? -1 : node(StructRole::l, list);
      for (const auto& child : h.children)
        bullet_unit(units, child, c.mx + k_bullet_indent, c.mw - k_bullet_indent,
                    c.full - k_bullet_indent, true, nested);
    }
  }

  // Paragraph nodes under `parent` for `rows`, then one for each non-empty
  // line of the date column (the first's index, or -1 when there are none).
  std::pair<std::vector<int>, int> row_nodes(std::size_t rows,
                                             const std::vector<std::string>& aside, int parent) {
    std::vector<int> ps;
    for (std::size_t i = 0; i < rows; ++i)
      ps.push_back(node(StructRole::p, parent));
    int first = -1;
    for (const auto& a : aside)
      if (!a.empty()) {
        const int p = node(StructRole::p, parent);
        first = first < 0 ? p : first;
      }
    return {std::move(ps), first};
  }

  void details_head(std::vector<Unit>& units, const std::vector<Row>& plain_head,
                    const EntryDetails& d, const SourceLocation& where, const EntryView& view) {
    const std::optional<TemplatedHead> t = pr_.templated_head(view);
    const std::vector<Row>& head = t ? t->main : plain_head;
    std::vector<AsideLine> aside;
    if (t)
      aside = t->aside;
    else
      for (const std::string& l : view.aside_lines())
        aside.push_back(AsideLine{l, false, false});
    std::vector<std::string> aside_text;
    for (const AsideLine& l : aside)
      aside_text.push_back(l.text);
    Columns c = columns("");
    const int div = entry_node(StructRole::div);
    // RenderCV's degree column (classic, harvard) comes first in reading order.
    std::vector<int> degree_nodes;
    if (t)
      for (std::size_t i = 0; i < t->degree.size(); ++i)
        degree_nodes.push_back(node(StructRole::p, div));
    std::vector<std::vector<Span>> rows;
    for (const Row& row : head)
      if (std::vector<Span> spans = row_spans(row); !spans.empty())
        rows.push_back(std::move(spans));
    const auto [ps, dates] = row_nodes(rows.size(), aside_text, div);
    Unit u;
    aside_lines(u, c, aside, d.dates.where, dates);
    // RenderCV's degree column: left of the main column.
    if (t && !t->degree.empty()) {
      const double dw = section_degree_w_;
      for (std::size_t i = 0; i < t->degree.size(); ++i) {
        std::vector<Span> spans = row_spans(t->degree[i]);
        for (Span& sp : spans) // "Ph.D. / student", never "Ph.D. stu- / dent"
          sp.style.hyphenate = false;
        append(u.label, c.mx,
               set(tagged(std::move(spans), degree_nodes[i]), dw, Align::left, where));
      }
      c.mx += dw + k_column_gap_rcv();
      c.mw -= dw + k_column_gap_rcv();
      c.full -= dw + k_column_gap_rcv();
    }
    begin_beside(u);
    for (std::size_t i = 0; i < rows.size(); ++i)
      append(u.main, c.mx,
             set_beside(tagged(std::move(rows[i]), ps[i]), c.mw, c.full, Align::left, where));
    units.push_back(std::move(u));
    summary_units(units, d.summary, c, div);
    highlight_units(units, d.highlights, c, div);
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
      if (r.strong) // RenderCV template emphasis
        st.bold = true;
      if (r.emph)
        st.italic = true;
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
    const auto [lbl, body_node] = list_item(!label.empty());
    std::vector<std::vector<Span>> rows;
    for (const Row& row : pr_.publication_rows(e))
      if (std::vector<Span> spans = row_spans(row); !spans.empty())
        rows.push_back(std::move(spans));
    const auto [ps, dates] = row_nodes(rows.size(), aside, body_node);
    Unit u;
    label_lines(u, c, label, lbl);
    aside_lines(u, c, aside, e.dates.where, dates);
    begin_beside(u);
    for (std::size_t i = 0; i < rows.size(); ++i)
      append(u.main, c.mx,
             set_beside(tagged(std::move(rows[i]), ps[i]), c.mw, c.full, Align::left, e.where));
    units.push_back(std::move(u));
    summary_units(units, e.summary, c, body_node);
    aside_h_ = 0;
  }

  void entry(const TalkEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> when = view.aside_lines();
    const Columns c = columns("");
    const std::vector<Row> rows = pr_.talk_rows(e);
    const int div = entry_node(StructRole::div);
    // The title has no date beside it: it runs the full width.
    Unit head;
    append(head.main, c.mx,
           set(tagged(row_spans(rows[0]), node(StructRole::p, div)), c.full, Align::left, e.where));
    units.push_back(std::move(head));
    const int events = e.events.empty() ? -1 : node(StructRole::l, div);
    for (std::size_t i = 0; i < e.events.size(); ++i) {
      const TalkEvent& ev = e.events[i];
      const int li = node(StructRole::li, events);
      const int lbl = decoration();
      const auto [ps, dates] = row_nodes(1, {when[i]}, node(StructRole::lbody, li));
      Unit u;
      aside_lines(u, c, {when[i]}, ev.dates.where, dates);
      begin_beside(u);
      append(u.main, c.mx + k_bullet_indent,
             set_beside(tagged(row_spans(rows[i + 1]), ps[0]), c.mw - k_bullet_indent,
                        c.full - k_bullet_indent, Align::left, ev.where));
      append(u.label, c.mx + 2,
             set(tagged({Span{st_.nested_bullet, body()}}, lbl), k_bullet_indent, Align::left, {}));
      units.push_back(std::move(u));
    }
    summary_units(units, e.summary, c, div);
    aside_h_ = 0;
  }

  void entry(const ServiceEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns("");
    const auto [ps, dates] = row_nodes(1, aside, entry_node(StructRole::div));
    Unit u;
    aside_lines(u, c, aside, e.dates.where, dates);
    begin_beside(u);
    append(u.main, c.mx,
           set_beside(tagged(row_spans(pr_.service_row(e)), ps[0]), c.mw, c.full, Align::left,
                      e.where));
    units.push_back(std::move(u));
    aside_h_ = 0;
  }

  void entry(const PatentEntry& e, std::vector<Unit>& units, const EntryView& view) {
    const std::vector<std::string> aside = view.aside_lines();
    const Columns c = columns("");
    const std::vector<Row> rows = pr_.patent_rows(e);
    const auto [ps, dates] = row_nodes(rows.size(), aside, entry_node(StructRole::div));
    Unit u;
    aside_lines(u, c, aside, e.dates.where, dates);
    begin_beside(u);
    for (std::size_t i = 0; i < rows.size(); ++i)
      append(u.main, c.mx,
             set_beside(tagged(row_spans(rows[i]), ps[i]), c.mw, c.full, Align::left, e.where));
    units.push_back(std::move(u));
    aside_h_ = 0;
  }

  void entry(const OneLineEntry& e, std::vector<Unit>& units, const EntryView&) {
    const std::vector<Span> line =
        tagged(row_spans(pr_.one_line_row(e)), entry_node(StructRole::p));
    Unit u;
    u.splittable = true;
    append(u.main, left_, set(line, width_, align_, e.where));
    units.push_back(std::move(u));
  }

  void entry(const BulletEntry& e, std::vector<Unit>& units, const EntryView&) {
    if (list_ < 0)
      list_ = node(StructRole::l, sect_);
    bullet_unit(units, e.bullet, left_, width_, width_, false, list_);
  }

  void numbered(const RichText& t, std::vector<Unit>& units, const std::string& label) {
    const auto [lbl, body_node] = list_item(true);
    Unit u;
    append(u.label, left_,
           set(tagged({Span{label, body()}}, lbl), label_w_ - 6, Align::right, t.where));
    append(u.main, left_ + label_w_,
           set(tagged(rich(t, body()), body_node), width_ - label_w_, align_, t.where));
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
    append(
        u.main, left_,
        set(tagged(rich(e.text, body()), entry_node(StructRole::p)), width_, align_, e.text.where));
    units.push_back(std::move(u));
  }
};

} // namespace

std::vector<Block> compose_blocks(const Cv& cv, const Style& style, const Resources& resources,
                                  const Presenter& presenter, Typesetter& ts,
                                  const PageGeometry& geometry, StructureBuilder& structure,
                                  std::vector<double>* date_widths,
                                  std::vector<double>* degree_widths) {
  return Composer(cv, style, resources, presenter, ts, geometry, structure)
      .run(date_widths, degree_widths);
}

} // namespace cvpress::detail

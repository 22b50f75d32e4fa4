// The CV layout: header, sections and entries as blocks of strips, then
// pagination (entries kept whole when they fit, headings kept with their
// first entry) and footers.
#include "layout/layout.hpp"
#include "text/links.hpp"

#include "core/file_access.hpp"
#include "core/sections.hpp"

#include "layout/dates.hpp"
#include "layout/image.hpp"
#include "layout/text.hpp"
#include "text/keywords.hpp"
#include "text/locale_format.hpp"
#include "text/name_match.hpp"
#include "text/names.hpp"
#include "text/translations.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cvpress::detail {

namespace {

// A line stack: lines drawn top to bottom, each at its own x.
using Stack = std::vector<std::pair<double, LaidLine>>;

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

// Moves a stack's items into `out`, its top at depth `top` (y up, so
// items get negative y).
// `axis` != 0 mirrors the line boxes around it (right-to-left documents):
// a box at x of width w moves to axis - x - w; its content stays as set.
void emit(Stack& s, double top, std::vector<PageItem>& out, double axis) {
  double d = top;
  for (auto& [x, ln] : s) {
    const double bx = axis != 0 ? axis - x - ln.box_width : x;
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

// A piece of a block that is never split: placed at one page position.
// Item x is absolute, y relative to the strip's top (after space_before).
struct Strip {
  double space_before = 0;
  double height = 0;
  std::vector<PageItem> items;
};

// Consecutive strips that belong together (an entry, a heading, the header).
struct Block {
  std::vector<Strip> strips;
  bool keep_with_next = false; // headings
  std::string bookmark;        // non-empty: an outline entry at the block's top
};

// Part of an entry: a main stack with an optional right-aligned aside
// (dates) and hanging label (bullets, numbers), all starting at the top.
struct Unit {
  double space_before = 0;
  Stack main, aside, label;
  bool splittable = false; // plain paragraph: may break between lines
};

// Small capitals: lower-case letters become capitals at 80% size.
std::vector<Span> small_caps(const std::string& text, const SpanStyle& style) {
  std::vector<Span> out;
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0)
      c = 0xFFFD;
    const bool small = u_islower(c);
    if (out.empty() || (out.back().style.size < style.size) != small) {
      out.push_back(Span{"", style});
      if (small)
        out.back().style.size = style.size * 0.8;
    }
    const UChar32 u = small ? u_toupper(c) : c;
    char buf[4];
    std::int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, u);
    out.back().text.append(buf, static_cast<std::size_t>(k));
  }
  return out;
}

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

class CvLayout {
public:
  CvLayout(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
           const PhotoAccess& access, LaidOutDocument& doc)
      : cv_(cv), st_(style), base_dir_(base_dir), access_(access), doc_(doc),
        ts_(style, cv.locale.language, doc.warnings), tag_(language_tag(cv.locale.language)),
        owner_match_(cv.header.name) {
    left_ = st_.margin_left;
    width_ = st_.page_width - st_.margin_left - st_.margin_right;
    top_ = st_.page_height - st_.margin_top;
    footer_h_ = st_.footer.empty() ? 0 : ts_.line_height(footer_size()) + 4;
    // Without a footer, keep room for the last line's descenders.
    bottom_ = st_.margin_bottom + std::max(footer_h_, 0.1 * st_.body_size);
    align_ = st_.justify ? Align::justify : Align::left;
    owner_ = display_name(cv.header.name, tag_, NameStyle::latin_only);
    // Right-to-left languages: RTL paragraphs and a mirrored page.
    if (is_rtl(tag_)) {
      ts_.set_rtl(true);
      axis_ = 2 * left_ + width_;
    }
  }

  void run() {
    doc_.page_width = st_.page_width;
    doc_.page_height = st_.page_height;
    // Metadata in Latin script (romanised when the name has no Latin form).
    const std::string author = metadata_name(cv_.header.name, tag_);
    doc_.info.title = author.empty() ? "CV" : author + " – CV";
    doc_.info.author = author;
    doc_.info.subject = "Curriculum vitae";
    header();
    for (const auto& s : cv_.sections)
      section(s);
    paginate();
    footers();
    if (axis_ != 0)
      mirror_shapes();
  }

  // Rules, rectangles and the photo of a right-to-left document (text was
  // mirrored line by line in emit()).
  void mirror_shapes() {
    for (auto& page : doc_.pages)
      for (auto& item : page.items) {
        if (auto* r = std::get_if<RuleItem>(&item)) {
          r->x0 = axis_ - r->x0;
          r->x1 = axis_ - r->x1;
        } else if (auto* b = std::get_if<RectItem>(&item)) {
          b->x = axis_ - b->x - b->width;
        } else if (auto* i = std::get_if<ImageItem>(&item)) {
          i->x = axis_ - i->x - i->width;
        }
      }
  }

private:
  const Cv& cv_;
  const KeywordMatcher keywords_{cv_.settings.bold_keywords};
  const Style& st_;
  const std::filesystem::path& base_dir_;
  const PhotoAccess& access_;
  LaidOutDocument& doc_;
  Typesetter ts_;
  double left_ = 0, width_ = 0, top_ = 0, bottom_ = 0, footer_h_ = 0;
  Align align_ = Align::left;
  std::string tag_; // BCP-47 language of the CV
  NameMatcher owner_match_;
  std::string owner_; // Latin display name, for metadata and footers
  double axis_ = 0;   // mirror axis of a right-to-left document, else 0
  CalendarDate today_ = current_date(cv_.settings); // end of open ranges, for time spans
  std::vector<Block> blocks_;

  static constexpr double k_column_gap = 10; // main column <-> date column
  static constexpr double k_bullet_indent = 12;

  // Header strings carry no position in the model: report the file only.
  SourceLocation file_where() const { return SourceLocation{cv_.source_file, 0, 0}; }

  double footer_size() const { return st_.body_size * 0.8; }

  static std::string language_tag(const std::string& language) {
    std::string tag = resolve_language(language);
    return tag.empty() ? "en" : tag;
  }

  // ------------------------------------------------------------- spans

  SpanStyle body(bool bold = false, bool italic = false) const {
    SpanStyle s;
    s.size = st_.body_size;
    s.color = st_.text_color;
    s.bold = bold;
    s.italic = italic;
    return s;
  }

  void rich(std::vector<Span>& out, const RichText& rt, const SpanStyle& base) const {
    for (const auto& run : rt.runs) {
      std::visit(
          [&](const auto& r) {
            using T = std::decay_t<decltype(r)>;
            Span sp;
            sp.style = base;
            sp.style.bold = base.bold || r.format.bold;
            sp.style.italic = base.italic || r.format.italic;
            if (!r.format.link.empty()) {
              sp.style.link = r.format.link;
              sp.style.color = st_.primary_color; // links look like links (classic)
            }
            if constexpr (std::is_same_v<T, MathRun>) {
              sp.text = r.unicode;
            } else {
              sp.text = r.text;
              if constexpr (std::is_same_v<T, CodeRun>)
                sp.style.role = FontRole::mono;
            }
            if constexpr (std::is_same_v<T, TextRun>)
              push_with_keywords(out, std::move(sp));
            else if (!sp.text.empty())
              out.push_back(std::move(sp));
          },
          run);
    }
  }

  // settings.bold_keywords: every occurrence in ordinary text is bold.
  void push_with_keywords(std::vector<Span>& out, Span sp) const {
    if (sp.text.empty())
      return;
    if (sp.style.bold || keywords_.empty()) {
      out.push_back(std::move(sp));
      return;
    }
    std::size_t from = 0; // one pass over the text (text/keywords.hpp)
    for (auto [at, len] : keywords_.find_all(sp.text)) {
      if (at > from)
        out.push_back(Span{sp.text.substr(from, at - from), sp.style});
      out.push_back(Span{sp.text.substr(at, len), sp.style});
      out.back().style.bold = true;
      from = at + len;
    }
    if (from < sp.text.size())
      out.push_back(Span{from == 0 ? std::move(sp.text) : sp.text.substr(from), sp.style});
  }

  std::vector<Span> rich(const RichText& rt, const SpanStyle& base) const {
    std::vector<Span> out;
    rich(out, rt, base);
    return out;
  }

  static void text(std::vector<Span>& out, std::string s, const SpanStyle& style) {
    if (!s.empty())
      out.push_back(Span{std::move(s), style});
  }

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
    if (!h.photo.empty()) {
      ImageItem img = load_photo(h.photo, photo_h);
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
    append(s, x,
           set({Span{display_name(cv_.header.name, tag_, st_.name_order), name_style}}, w, a,
               file_where()));
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

  // The model keeps no position for `photo`: on the error path, find the
  // key's line in the source file (the first "photo:" line), else the file.
  SourceLocation photo_where() const {
    SourceLocation where{cv_.source_file, 0, 0};
    std::ifstream in(cv_.source_file);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      const std::size_t k = line.find_first_not_of(' ');
      if (k != std::string::npos && line.compare(k, 6, "photo:") == 0) {
        where.line = n;
        where.column = static_cast<int>(k) + 1;
        break;
      }
    }
    return where;
  }

  ImageItem load_photo(const std::string& photo, double& height) {
    auto fail = [&](const std::string& why) -> InputError {
      return InputError({Diagnostic{Severity::error, photo_where(), "cv.photo", why}});
    };
    std::string denied;
    auto resolved = confine_path(photo, base_dir_, access_.allowed_dirs, denied);
    if (!resolved)
      throw fail(denied.find("not found") != std::string::npos ? "photo " + denied : denied);
    const std::filesystem::path& p = *resolved;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec))
      throw fail("photo '" + photo + "' is not a regular file");
    if (std::filesystem::file_size(p, ec) > 32u * 1024 * 1024)
      throw fail("photo '" + photo + "' is larger than 32 MiB");
    std::ifstream in(p, std::ios::binary);
    if (!in)
      throw fail("cannot read photo '" + photo + "'");
    std::ostringstream buf;
    buf << in.rdbuf();
    ImageItem img;
    img.bytes = std::move(buf).str();
    std::string why;
    auto info = inspect_image(img.bytes, why);
    if (!info)
      throw fail("photo '" + photo + "': " + why);
    if (static_cast<std::uint64_t>(info->width) * static_cast<std::uint64_t>(info->height) >
        access_.max_pixels)
      throw fail("photo '" + photo + "' has " + std::to_string(info->width) + "x" +
                 std::to_string(info->height) + " pixels, more than the limit of " +
                 std::to_string(access_.max_pixels / 1'000'000) + " megapixels");
    if (info->format == ImageItem::Format::png)
      if (std::string problem = png_data_problem(img.bytes); !problem.empty())
        throw fail("photo '" + photo + "': " + problem);
    img.format = info->format;
    img.checked = true;
    img.width = 72;
    img.height = img.width * info->height / info->width;
    if (img.height > 96) {
      img.width *= 96 / img.height;
      img.height = 96;
    }
    img.x = left_;
    img.y = -img.height;
    height = img.height;
    return img;
  }

  // The contact items, packed into lines at item boundaries only.
  void contact_lines(Stack& s, double x, double w, Align a) {
    const Header& h = cv_.header;
    std::vector<std::vector<Span>> items;
    auto add = [&](std::string shown, std::string uri) {
      if (shown.empty())
        return;
      SpanStyle st = body();
      st.color = st_.primary_color; // RenderCV classic's connections colour
      st.link = std::move(uri);
      st.keep_together = true;
      items.push_back({Span{std::move(shown), st}});
    };
    add(h.location, "");
    for (const auto& e : h.emails)
      add(e, "mailto:" + e);
    for (const auto& p : h.phones)
      add(p, tel_uri(p));
    for (const auto& web : h.websites)
      add(display_url(web), web);
    for (const auto& sn : h.social_networks) {
      auto [shown, url] = social_link(sn);
      add(shown, url);
    }
    for (const auto& c : h.custom_connections)
      add(c.placeholder, c.url);
    if (items.empty())
      return;
    const Span sep{st_.contact_separator, body()};
    const double sep_w = ts_.measure({&sep, 1});
    std::vector<Span> line;
    double line_w = 0;
    auto flush = [&] {
      if (!line.empty())
        append(s, x, set(line, w, a, file_where()));
      line.clear();
      line_w = 0;
    };
    for (auto& item : items) {
      const double iw = ts_.measure(item);
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
    heading(section_display_title(sec.key, sec.title, tag_), sec.where);
    const std::size_t n = sec.entries.size();
    const std::vector<std::size_t> order = entry_order(cv_, sec);
    section_spans_ = shows_time_spans(st_, sec.key, sec.title);
    // Hanging label column for numbered lists and labelled publications.
    label_w_ = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::string lab = label_of(sec.entries[order[i]], i, n);
      if (!lab.empty()) {
        Span sp{lab, body()};
        label_w_ = std::max(label_w_, ts_.measure({&sp, 1}) + 6);
      }
    }
    // One date column width per section, so main columns line up; it
    // widens (up to 40% of the text width) to keep dates unbroken.
    section_dw_ = st_.date_column_width;
    section_aside_ = false;
    for (const auto& e : sec.entries)
      for (const auto& a : aside_of(e)) {
        if (a.empty())
          continue;
        section_aside_ = true;
        const Span sp{a, body()};
        section_dw_ = std::max(section_dw_, std::min(ts_.measure({&sp, 1}) + 0.5, width_ * 0.4));
      }
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<Unit> units;
      const Entry& e = sec.entries[order[i]];
      std::visit([&](const auto& x) { entry(x, units, label_of(e, i, n)); }, e);
      if (units.empty())
        continue;
      units.front().space_before = i == 0 ? 0 : st_.entry_spacing;
      blocks_.push_back(to_block(units));
    }
    marks_legend(sec);
  }

  // "* co-first author   † corresponding author" under a section whose
  // publications use the marks (only the marks used).
  void marks_legend(const Section& sec) {
    bool co_first = false, corresponding = false;
    for (const auto& e : sec.entries)
      if (const auto* p = std::get_if<PublicationEntry>(&e))
        for (const auto& a : p->authors) {
          co_first = co_first || a.co_first;
          corresponding = corresponding || a.corresponding;
        }
    if (!co_first && !corresponding)
      return;
    std::string t;
    if (co_first)
      t = "* " + std::string(translate(Word::co_first_author, tag_));
    if (corresponding)
      t += (t.empty() ? "† " : "\u2003† ") +
           std::string(translate(Word::corresponding_author, tag_));
    SpanStyle ls = body();
    ls.size = footer_size();
    std::vector<Unit> units(1);
    units.front().space_before = st_.entry_spacing;
    append(units.front().main, left_, set({Span{t, ls}}, width_, Align::left, sec.where));
    blocks_.push_back(to_block(units));
  }

  double label_w_ = 0;
  double section_dw_ = 0;
  bool section_aside_ = false;
  bool section_spans_ = false; // the section shows time spans under date ranges

  // The date-column lines for dates and a location: the dates, the time
  // span ("2 years 3 months", in sections the style lists), the location.
  std::vector<std::string> when_where(const Dates& d, const RichText* location = nullptr) const {
    return {format_dates(d, cv_.locale),
            section_spans_ ? format_time_span(d, cv_.locale, today_) : std::string(),
            location ? location->plain() : std::string()};
  }

  // The date-column lines of an entry.
  std::vector<std::string> aside_of(const Entry& entry) const {
    return std::visit(
        [&](const auto& e) -> std::vector<std::string> {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, EducationEntry> || std::is_same_v<T, ExperienceEntry> ||
                        std::is_same_v<T, NormalEntry>)
            return when_where(e.details.dates, &e.details.location);
          else if constexpr (std::is_same_v<T, PublicationEntry> || std::is_same_v<T, PatentEntry>)
            return when_where(e.dates);
          else if constexpr (std::is_same_v<T, ServiceEntry>)
            return when_where(e.dates, &e.location);
          else if constexpr (std::is_same_v<T, TalkEntry>) {
            std::vector<std::string> out;
            for (const auto& ev : e.events)
              out.push_back(when(ev));
            return out;
          } else
            return {};
        },
        entry);
  }

  std::string when(const TalkEvent& ev) const {
    std::string w = format_dates(ev.dates, cv_.locale);
    if (!ev.time.empty())
      w += w.empty() ? ev.time : ", " + ev.time;
    return w;
  }

  static std::string label_of(const Entry& e, std::size_t i, std::size_t n) {
    if (const auto* p = std::get_if<PublicationEntry>(&e))
      return p->label.empty() ? "" : "[" + p->label + "]";
    if (std::holds_alternative<NumberedEntry>(e))
      return std::to_string(i + 1) + ".";
    if (std::holds_alternative<ReversedNumberedEntry>(e))
      return std::to_string(n - i) + ".";
    return {};
  }

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
    blocks_.push_back(std::move(b));
  }

  // When a unit's aside (dates, location) is taller than its main column, the
  // following units without an aside move up beside it instead of starting
  // below it: a one-line title next to "date / location" is followed directly
  // by its summary and bullets. Merged units become part of the same strip,
  // so only short units (up to about five lines) are taken.
  void fill_aside_gaps(std::vector<Unit>& units) {
    constexpr double k_max_merge = 5 * 14.0;
    std::vector<Unit> out;
    for (auto& u : units) {
      if (!out.empty()) {
        Unit& prev = out.back();
        const double main_h = height_of(prev.main);
        const double gap = height_of(prev.aside) - main_h;
        const double unit_h = u.space_before + height_of(u.main);
        if (gap > 0.5 && u.aside.empty() && !prev.main.empty() && unit_h <= k_max_merge &&
            height_of(u.label) <= height_of(u.main) + 0.01) {
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

  // Units become strips: one strip per unit, or, for plain paragraphs and
  // units taller than a page, one strip per main line (the first one
  // taking as many lines as the aside and label need).
  Block to_block(std::vector<Unit>& units) {
    fill_aside_gaps(units);
    Block b;
    for (auto& u : units) {
      const double side = std::max(height_of(u.aside), height_of(u.label));
      const double h = std::max(height_of(u.main), side);
      if (!(u.splittable || h > top_ - bottom_) || u.main.size() < 2) {
        Strip s;
        s.space_before = u.space_before;
        s.height = h;
        emit(u.main, 0, s.items, axis_);
        emit(u.aside, 0, s.items, axis_);
        emit(u.label, 0, s.items, axis_);
        if (s.height > 0 || !s.items.empty())
          b.strips.push_back(std::move(s));
        continue;
      }
      std::size_t i = 0;
      bool first = true;
      while (i < u.main.size()) {
        Strip s;
        s.space_before = first ? u.space_before : 0;
        Stack part;
        do {
          s.height += u.main[i].second.height;
          part.push_back(std::move(u.main[i++]));
        } while (first && i < u.main.size() && s.height < side);
        emit(part, 0, s.items, axis_);
        if (first) {
          emit(u.aside, 0, s.items, axis_);
          emit(u.label, 0, s.items, axis_);
          s.height = std::max(s.height, side);
        }
        b.strips.push_back(std::move(s));
        first = false;
      }
    }
    return b;
  }

  // --------------------------------------------------------- entries

  // Column geometry of an entry: main column [mx, mx+mw), date column on the right.
  struct Columns {
    double mx, mw, dx, dw;
    double lx; // hanging labels (left of mx)
  };

  // Main and date columns of the current section (see section()).
  Columns columns(const std::string& label) const {
    const double dw = section_dw_;
    Columns c{left_, width_, left_ + width_ - dw, dw, left_};
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
    return c;
  }

  void aside_lines(Unit& u, const Columns& c, const std::vector<std::string>& lines,
                   const SourceLocation& where) {
    const Align a = st_.date_column_side == Side::left ? Align::left : Align::right;
    for (const auto& l : lines)
      if (!l.empty())
        append(u.aside, c.dx, set({Span{l, body()}}, c.dw, a, where));
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
    append(u.main, c.mx, set(rich(summary, body()), c.mw, align_, summary.where));
    units.push_back(std::move(u));
  }

  void bullet_unit(std::vector<Unit>& units, const RichText& t, double x, double w, bool nested) {
    Unit u;
    const std::string& glyph = nested ? st_.nested_bullet : st_.bullet;
    append(u.label, x + 2, set({Span{glyph, body()}}, k_bullet_indent, Align::left, t.where));
    append(u.main, x + k_bullet_indent, set(rich(t, body()), w - k_bullet_indent, align_, t.where));
    units.push_back(std::move(u));
  }

  void highlight_units(std::vector<Unit>& units, const std::vector<Highlight>& hs,
                       const Columns& c) {
    for (const auto& h : hs) {
      bullet_unit(units, h.text, c.mx, c.mw, false);
      for (const auto& child : h.children)
        bullet_unit(units, child, c.mx + k_bullet_indent, c.mw - k_bullet_indent, true);
    }
  }

  void details_head(std::vector<Unit>& units, std::vector<std::vector<Span>> head,
                    const EntryDetails& d, const SourceLocation& where) {
    const std::vector<std::string> aside = when_where(d.dates, &d.location);
    const Columns c = columns("");
    Unit u;
    for (const auto& spans : head)
      if (!spans.empty())
        append(u.main, c.mx, set(spans, c.mw, Align::left, where));
    aside_lines(u, c, aside, d.dates.where);
    units.push_back(std::move(u));
    summary_units(units, d.summary, c);
    highlight_units(units, d.highlights, c);
  }

  void entry(const EducationEntry& e, std::vector<Unit>& units, const std::string&) {
    std::vector<Span> second;
    if (!e.degree.empty()) {
      rich(second, e.degree, body());
      if (!e.area.empty())
        text(second, tag_ == "en" || tag_.starts_with("en-") ? " in " : ", ", body());
    }
    rich(second, e.area, body());
    details_head(units, {rich(e.institution, body(true)), std::move(second)}, e.details, e.where);
  }

  void entry(const ExperienceEntry& e, std::vector<Unit>& units, const std::string&) {
    details_head(units, {rich(e.position, body(true)), rich(e.company, body())}, e.details,
                 e.where);
  }

  void entry(const NormalEntry& e, std::vector<Unit>& units, const std::string&) {
    details_head(units, {rich(e.name, body(true))}, e.details, e.where);
  }

  // Marked bold in the YAML, or recognised as the CV owner ("Q. Hu", ...).
  bool is_owner(const Author& a) const {
    return a.highlighted || owner_match_.matches(a.name.plain());
  }

  std::vector<Span> authors(const std::vector<Author>& list) const {
    std::vector<Span> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Author& a = list[i];
      SpanStyle st = body(is_owner(a));
      st.keep_together = true;
      const std::size_t first = out.size();
      rich(out, a.name, st);
      // Co-first (*) and corresponding (†) marks as superscripts.
      SpanStyle sup = st;
      sup.size = st.size * 0.65;
      sup.rise = st.size * 0.3;
      text(out, std::string(a.co_first ? "*" : "") + (a.corresponding ? "†" : ""), sup);
      if (i + 1 < list.size())
        text(out, ", ", body());
      (void)first;
    }
    return out;
  }

  void entry(const PublicationEntry& e, std::vector<Unit>& units, const std::string& label) {
    const std::vector<std::string> aside = when_where(e.dates);
    const Columns c = columns(label.empty() && label_w_ > 0 ? " " : label);
    Unit u;
    label_lines(u, c, label);
    auto line = [&](const std::vector<Span>& spans) {
      if (!spans.empty())
        append(u.main, c.mx, set(spans, c.mw, Align::left, e.where));
    };
    line(rich(e.title, body(true)));
    line(authors(e.authors));
    std::vector<Span> venue;
    if (!e.venue_short.empty()) {
      text(venue, "[" + e.venue_short + "]", body(true));
      if (!e.journal.empty())
        text(venue, " ", body());
    }
    rich(venue, e.journal, body(false, true));
    line(venue);
    for (const auto& aw : e.awards) {
      SpanStyle s = body(true);
      s.color = st_.primary_color;
      line(rich(aw, s));
    }
    std::vector<Span> extra;
    rich(extra, e.status, body(false, true));
    if (!e.status.empty() && !e.note.empty())
      text(extra, ". ", body(false, true));
    rich(extra, e.note, body(false, true));
    line(extra);
    if (!e.doi.empty() || !e.url.empty()) {
      std::vector<Span> link;
      SpanStyle s = body();
      s.color = st_.primary_color;
      if (!e.doi.empty()) {
        text(link, "DOI: ", body());
        s.link = doi_url(e.doi);
        text(link, e.doi, s);
      } else {
        s.link = e.url;
        text(link, display_url(e.url), s);
      }
      line(link);
    }
    aside_lines(u, c, aside, e.dates.where);
    units.push_back(std::move(u));
    summary_units(units, e.summary, c);
  }

  void entry(const TalkEntry& e, std::vector<Unit>& units, const std::string&) {
    const Columns c = columns("");
    Unit head;
    std::vector<Span> title = rich(e.title, body(true));
    if (!e.url.empty())
      for (auto& sp : title)
        sp.style.link = e.url;
    append(head.main, c.mx, set(title, c.mw, Align::left, e.where));
    units.push_back(std::move(head));
    for (std::size_t i = 0; i < e.events.size(); ++i) {
      const TalkEvent& ev = e.events[i];
      Unit u;
      std::vector<Span> line = rich(ev.name, body());
      if (!ev.location.empty()) {
        text(line, ", ", body());
        rich(line, ev.location, body());
      }
      if (!ev.host.empty()) {
        text(line, " (host: ", body());
        rich(line, ev.host, body());
        text(line, ")", body());
      }
      append(u.main, c.mx + k_bullet_indent,
             set(line, c.mw - k_bullet_indent, Align::left, ev.where));
      append(u.label, c.mx + 2,
             set({Span{st_.nested_bullet, body()}}, k_bullet_indent, Align::left, {}));
      aside_lines(u, c, {when(ev)}, ev.dates.where);
      units.push_back(std::move(u));
    }
    // The abstract sits below every date: it may use the date column's width too.
    Columns wide = c;
    if (st_.date_column_side == Side::right)
      wide.mw = left_ + width_ - wide.mx;
    summary_units(units, e.summary, wide);
  }

  void entry(const ServiceEntry& e, std::vector<Unit>& units, const std::string&) {
    const std::vector<std::string> aside = when_where(e.dates, &e.location);
    const Columns c = columns("");
    Unit u;
    std::vector<Span> line;
    if (!e.event_short.empty())
      text(line, "[" + e.event_short + "] ", body(true));
    rich(line, e.event, body());
    if (!e.role.empty()) {
      text(line, " — ", body());
      rich(line, e.role, body(false, true));
    }
    append(u.main, c.mx, set(line, c.mw, Align::left, e.where));
    aside_lines(u, c, aside, e.dates.where);
    units.push_back(std::move(u));
  }

  void entry(const PatentEntry& e, std::vector<Unit>& units, const std::string&) {
    const std::vector<std::string> aside = when_where(e.dates);
    const Columns c = columns("");
    Unit u;
    append(u.main, c.mx, set(rich(e.title, body(true)), c.mw, Align::left, e.where));
    std::vector<Span> num;
    SpanStyle ns = body();
    if (!e.url.empty()) {
      ns.link = e.url;
      ns.color = st_.primary_color;
    }
    text(num, e.patent_number, ns);
    if (!e.status.empty()) {
      text(num, " (", body());
      rich(num, e.status, body(false, true));
      text(num, ")", body());
    }
    append(u.main, c.mx, set(num, c.mw, Align::left, e.where));
    if (!e.inventors.empty())
      append(u.main, c.mx, set(authors(e.inventors), c.mw, Align::left, e.where));
    aside_lines(u, c, aside, e.dates.where);
    units.push_back(std::move(u));
  }

  void entry(const OneLineEntry& e, std::vector<Unit>& units, const std::string&) {
    std::vector<Span> line = rich(e.label, body(true));
    text(line, ": ", body(true));
    rich(line, e.details, body());
    Unit u;
    u.splittable = true;
    append(u.main, left_, set(line, width_, align_, e.where));
    units.push_back(std::move(u));
  }

  void entry(const BulletEntry& e, std::vector<Unit>& units, const std::string&) {
    bullet_unit(units, e.bullet, left_, width_, false);
  }

  void numbered(const RichText& t, std::vector<Unit>& units, const std::string& label) {
    Unit u;
    append(u.label, left_, set({Span{label, body()}}, label_w_ - 6, Align::right, t.where));
    append(u.main, left_ + label_w_, set(rich(t, body()), width_ - label_w_, align_, t.where));
    units.push_back(std::move(u));
  }

  void entry(const NumberedEntry& e, std::vector<Unit>& units, const std::string& label) {
    numbered(e.number, units, label);
  }

  void entry(const ReversedNumberedEntry& e, std::vector<Unit>& units, const std::string& label) {
    numbered(e.reversed_number, units, label);
  }

  void entry(const TextEntry& e, std::vector<Unit>& units, const std::string&) {
    Unit u;
    u.splittable = true;
    append(u.main, left_, set(rich(e.text, body()), width_, align_, e.text.where));
    units.push_back(std::move(u));
  }

  // -------------------------------------------------------- pagination

  // How far the font ascent of a strip's text reaches above its top (the
  // line boxes are tighter than Noto's ascender); at the top of a page the
  // strip moves down by this much so nothing pokes into the margin.
  static double overhang(const Strip& s) {
    double o = 0;
    for (const auto& it : s.items)
      if (const auto* t = std::get_if<TextItem>(&it); t && t->face)
        o = std::max(o, t->y + metrics(*t->face).ascender * t->size);
    return o;
  }

  static double block_height(const Block& b, bool at_top) {
    double h = 0;
    for (std::size_t i = 0; i < b.strips.size(); ++i)
      h += b.strips[i].height +
           (i == 0 && at_top ? overhang(b.strips[i]) : b.strips[i].space_before);
    return h;
  }

  void paginate() {
    const double content_h = top_ - bottom_;
    double cursor = top_;
    bool at_top = true;
    doc_.pages.emplace_back();
    auto new_page = [&] {
      doc_.pages.emplace_back();
      cursor = top_;
      at_top = true;
    };
    constexpr double eps = 1e-6;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      Block& b = blocks_[i];
      if (b.strips.empty())
        continue;
      // What must fit on this page: the block, plus for a heading the next
      // block (or its first strip when that block needs more than a page).
      auto need = [&](bool top) {
        double n = block_height(b, top);
        if (b.keep_with_next && i + 1 < blocks_.size() && !blocks_[i + 1].strips.empty()) {
          const Block& next = blocks_[i + 1];
          if (block_height(next, true) <= content_h)
            n += block_height(next, false);
          else
            n += next.strips[0].space_before + next.strips[0].height;
        }
        return n;
      };
      if (!at_top && cursor - need(false) < bottom_ - eps && need(true) <= content_h + eps)
        new_page();
      for (std::size_t k = 0; k < b.strips.size(); ++k) {
        Strip& s = b.strips[k];
        double sb = at_top ? overhang(s) : s.space_before;
        if (!at_top && cursor - sb - s.height < bottom_ - eps) {
          new_page();
          sb = overhang(s);
        }
        const double y = cursor - sb;
        if (k == 0 && !b.bookmark.empty())
          doc_.bookmarks.push_back(
              Bookmark{b.bookmark, static_cast<int>(doc_.pages.size() - 1), y});
        auto& items = doc_.pages.back().items;
        for (auto& it : s.items) {
          translate(it, 0, y);
          items.push_back(std::move(it));
        }
        cursor = y - s.height;
        at_top = false;
      }
    }
  }

  void footers() {
    if (st_.footer.empty())
      return;
    const std::string total = std::to_string(doc_.pages.size());
    SpanStyle fs = body();
    fs.size = footer_size();
    fs.color = 0x808080; // grey, as RenderCV's page numbers
    for (std::size_t p = 0; p < doc_.pages.size(); ++p) {
      std::string t = localize_footer(st_.footer, tag_);
      if (owner_.empty()) // no name: drop it and the separator after it
        t = replace_all(replace_all(std::move(t), "{name} – ", ""), "{name}", "");
      t = replace_all(std::move(t), "{name}", owner_);
      t = replace_all(std::move(t), "{page}", std::to_string(p + 1));
      t = replace_all(std::move(t), "{pages}", total);
      Stack s;
      append(s, left_, set({Span{t, fs}}, width_, Align::center, {}));
      std::vector<PageItem> items;
      emit(s, 0, items, axis_);
      // The line box bottom sits on the margin, raised by any descent below it.
      double lift = st_.margin_bottom + height_of(s);
      for (const auto& it : items)
        if (const auto* tx = std::get_if<TextItem>(&it); tx && tx->face)
          lift =
              std::max(lift, st_.margin_bottom - tx->y - metrics(*tx->face).descender * tx->size);
      for (auto& it : items) {
        translate(it, 0, lift);
        doc_.pages[p].items.push_back(std::move(it));
      }
    }
  }
};

} // namespace

LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access) {
  LaidOutDocument doc;
  CvLayout(cv, style, base_dir, access, doc).run();
  return doc;
}

} // namespace cvpress::detail

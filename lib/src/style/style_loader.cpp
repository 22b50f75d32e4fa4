#include "style/style_loader.hpp"

#include <cvpress/style.hpp>

#include "load/node_reader.hpp"
#include "load/yaml_tree.hpp"
#include "text/section_keys.hpp"

#include <cvpress/files.hpp>
#include <cvpress/load.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <mutex>
#include <optional>

namespace cvpress::detail {

namespace fs = std::filesystem;

// Loads a style `depth` levels down an `extends` chain.
Style load_at_depth(std::string_view name_or_path, const fs::path& base_dir, int depth);

namespace {

using Kind = YamlNode::Kind;

constexpr int kMaxExtendsDepth = 8;

// ------------------------------------------------------------ value parsing

struct PageSize {
  std::string_view name;
  double width, height;
};
constexpr std::array<PageSize, 7> kPageSizes = {{{"a4", 595.276, 841.89},
                                                 {"a5", 419.528, 595.276},
                                                 {"a3", 841.89, 1190.551},
                                                 {"us-letter", 612, 792},
                                                 {"letter", 612, 792},
                                                 {"us-legal", 612, 1008},
                                                 {"us-executive", 522, 756}}};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "2cm", "20mm", "1in", "10pt", "1.4em" (x `em`), or a bare number of points.
// The one range check for lengths, shared by style files and a CV's
// `design:` block: "" when `v` (pt) is allowed, else the reason.
enum class LengthKind { font_size, page, margin, spacing };
std::string length_range_error(double v, LengthKind kind) {
  auto fmt = [](double x) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
    (void)ec;
    return std::string(buf, end) + "pt";
  };
  double lo = 0, hi = 0;
  switch (kind) {
  case LengthKind::font_size:
    lo = 1, hi = 200; // readable, and a line still fits on a page
    break;
  case LengthKind::page:
    lo = 72, hi = 14400; // 1 in to PDF's largest page, 200 in
    break;
  case LengthKind::margin:
  case LengthKind::spacing:
    lo = 0, hi = 14400;
    break;
  }
  if (!(v >= lo && v <= hi))
    return "must be between " + fmt(lo) + " and " + fmt(hi) + ", got " + fmt(v);
  return {};
}

std::optional<double> parse_length(std::string_view text, double em) {
  text = trim(text);
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value))
    return std::nullopt;
  std::string unit = lower(trim(std::string_view(ptr, text.data() + text.size() - ptr)));
  if (unit.empty() || unit == "pt")
    return value;
  if (unit == "cm")
    return value * 72 / 2.54;
  if (unit == "mm")
    return value * 72 / 25.4;
  if (unit == "in")
    return value * 72;
  if (unit == "em")
    return value * em;
  return std::nullopt;
}

struct NamedColor {
  std::string_view name;
  std::uint32_t rgb;
};
constexpr std::array<NamedColor, 16> kColors = {{{"black", 0x000000},
                                                 {"white", 0xffffff},
                                                 {"gray", 0x808080},
                                                 {"grey", 0x808080},
                                                 {"red", 0xff0000},
                                                 {"maroon", 0x800000},
                                                 {"green", 0x008000},
                                                 {"darkgreen", 0x006400},
                                                 {"blue", 0x0000ff},
                                                 {"navy", 0x000080},
                                                 {"darkblue", 0x00008b},
                                                 {"teal", 0x008080},
                                                 {"purple", 0x800080},
                                                 {"orange", 0xffa500},
                                                 {"darkred", 0x8b0000},
                                                 {"steelblue", 0x4682b4}}};

// "#004f90", "#04f", "rgb(0, 79, 144)" or a CSS colour name.
std::optional<std::uint32_t> parse_color(std::string_view text) {
  std::string s = lower(trim(text));
  auto hex = [](std::string_view h) -> std::optional<std::uint32_t> {
    std::uint32_t v = 0;
    auto [p, ec] = std::from_chars(h.data(), h.data() + h.size(), v, 16);
    if (ec != std::errc() || p != h.data() + h.size())
      return std::nullopt;
    return v;
  };
  if (s.size() == 7 && s[0] == '#')
    return hex(std::string_view(s).substr(1));
  if (s.size() == 4 && s[0] == '#') {
    std::string full;
    for (char c : s.substr(1))
      full += std::string(2, c);
    return hex(full);
  }
  if (s.starts_with("rgb(") && s.ends_with(")")) {
    std::string_view inner = std::string_view(s).substr(4, s.size() - 5);
    std::uint32_t out = 0;
    int parts = 0;
    while (parts < 3) {
      auto comma = inner.find(',');
      std::string_view part = trim(inner.substr(0, comma));
      unsigned v = 0;
      auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
      if (ec != std::errc() || p != part.data() + part.size() || v > 255 || part.empty())
        return std::nullopt;
      out = (out << 8) | v;
      ++parts;
      if (comma == std::string_view::npos)
        break;
      inner.remove_prefix(comma + 1);
    }
    if (parts != 3 || inner.find(',') != std::string_view::npos)
      return std::nullopt;
    return out;
  }
  for (const auto& c : kColors)
    if (c.name == s)
      return c.rgb;
  return std::nullopt;
}

// A length with the units of parse_length() as text for messages: "3pt".
std::string points(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  return std::string(buf, end) + "pt";
}

/// Vertical glue: a natural length that may stretch and shrink.
struct Glue {
  double natural = 0, stretch = 0, shrink = 0;
};

// "6pt", "6pt plus 3pt", "6pt plus 3pt minus 2pt" (TeX's glue syntax).
// Returns the reason when the text is not glue, else "" and sets `out`.
std::string parse_glue(std::string_view text, double em, Glue& out) {
  const std::string t = lower(trim(text));
  const std::size_t plus = t.find(" plus ");
  const std::size_t minus = t.find(" minus ");
  const std::size_t nat_end = std::min(plus, minus);
  auto part = [&](std::size_t from, std::size_t to) {
    return parse_length(std::string_view(t).substr(from, to == std::string::npos ? to : to - from),
                        em);
  };
  auto n = part(0, nat_end);
  std::optional<double> st = 0.0, sh = 0.0;
  if (plus != std::string::npos)
    st = part(plus + 6, minus != std::string::npos && minus > plus ? minus : std::string::npos);
  if (minus != std::string::npos)
    sh = part(minus + 7, plus != std::string::npos && plus > minus ? plus : std::string::npos);
  if (!n || !st || !sh)
    return "expected a length with optional stretch and shrink such as 6pt plus 3pt minus 2pt, "
           "got '" +
           std::string(text) + "'";
  if (*n < 0)
    return "must be 0 or more, got " + points(*n);
  if (*st < 0)
    return "the stretch must be 0 or more, got " + points(*st);
  if (*sh < 0)
    return "the shrink must be 0 or more, got " + points(*sh);
  if (*sh > *n)
    return "the shrink must not exceed the space itself (" + points(*n) + "), got " + points(*sh);
  if (std::string why = length_range_error(*n + *st, LengthKind::spacing); !why.empty())
    return why;
  out = {*n, *st, *sh};
  return {};
}

// "90%" or a bare fraction (0.9) into a fraction; nullopt when neither.
std::optional<double> parse_fraction(std::string_view text) {
  text = trim(text);
  const bool percent = text.ends_with('%');
  if (percent)
    text.remove_suffix(1);
  text = trim(text);
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return percent ? v / 100 : v;
}

std::string page_size_names() {
  std::string out;
  for (const auto& p : kPageSizes)
    out += (out.empty() ? "" : ", ") + std::string(p.name);
  return out;
}

// page.max_pages: a whole number of pages, 1 or more.
std::string set_max_pages(std::string_view text, Style& s) {
  text = trim(text);
  long long v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size())
    return "expected a whole number of pages, got '" + std::string(text) + "'";
  if (v < 1)
    return "must be 1 or more, got " + std::string(text);
  s.max_pages = static_cast<int>(std::min<long long>(v, 1000));
  return {};
}

// page.fit_floor: the smallest scale of type and leading fitting may use.
std::string set_fit_floor(std::string_view text, Style& s) {
  auto f = parse_fraction(text);
  if (!f)
    return "expected a percentage such as 90%, got '" + std::string(trim(text)) + "'";
  if (*f > 1)
    return "must be 100% or less (fitting never enlarges type), got '" + std::string(trim(text)) +
           "'";
  if (*f < 0.5)
    return "must be 50% or more, got '" + std::string(trim(text)) + "'";
  s.fit_floor = *f;
  return {};
}

// --------------------------------------------------------------- the reader

constexpr std::string_view kStyleKeys[] = {"name",    "description", "extends",  "page",   "fonts",
                                           "sizes",   "colors",      "headings", "header", "dates",
                                           "bullets", "spacing",     "text",     "footer"};
constexpr std::string_view kPageKeys[] = {"size",      "width",     "height",        "margins",
                                          "max_pages", "fit_floor", "split_fraction"};
constexpr std::string_view kMarginKeys[] = {"top", "bottom", "left", "right"};
constexpr std::string_view kFontKeys[] = {"body", "headings", "name"};
constexpr std::string_view kSizeKeys[] = {"body", "name", "headline", "heading"};
constexpr std::string_view kColorKeys[] = {"primary", "text"};
constexpr std::string_view kHeadingKeys[] = {"look"};
constexpr std::string_view kHeaderKeys[] = {"align", "separator", "photo", "name_order"};
// In NameStyle order.
constexpr std::string_view kNameOrders[] = {"automatic", "latin_then_native", "native_then_latin",
                                            "latin_only", "native_only"};
constexpr std::string_view kDateKeys[] = {"column_width", "min_width", "max_width", "side",
                                          "show_time_spans_in"};
constexpr std::string_view kBulletKeys[] = {"level1", "level2"};
constexpr std::string_view kSpacingKeys[] = {"line", "entry", "section", "item"};
constexpr std::string_view kTextKeys[] = {"justify"};
constexpr std::string_view kLooks[] = {"rule_below", "partial_rule", "underline",
                                       "small_caps", "bar",          "plain"};
constexpr std::string_view kAligns[] = {"center", "left"};
constexpr std::string_view kSides[] = {"left", "right"};

class StyleReader : public NodeReader {
public:
  StyleReader(std::string file, fs::path base_dir, int depth)
      : NodeReader(std::move(file)), base_dir_(std::move(base_dir)), depth_(depth) {}

  Style read(const YamlNode& root) {
    Style style;
    if (root.kind != Kind::map) {
      wrong_type(root, "", "a map (a style file)");
      return style;
    }
    Fields top = fields(root, "");
    check_keys(top, kStyleKeys, "", Severity::error);
    if (const Field* f = find(top, "extends"); f && f->value->kind != Kind::null)
      style = parent(*f);
    apply(top, style);
    return style;
  }

private:
  fs::path base_dir_;
  int depth_;

  Style parent(const Field& f) {
    if (f.value->kind != Kind::scalar) {
      wrong_type(*f.value, "extends", "a style name or file");
      return {};
    }
    if (depth_ >= kMaxExtendsDepth) {
      error(*f.value, "extends",
            "styles extend each other more than " + std::to_string(kMaxExtendsDepth) +
                " levels deep (a cycle?)");
      return {};
    }
    try {
      return load_at_depth(f.value->value, base_dir_, depth_ + 1);
    } catch (const InputError& e) {
      // The parent's own errors keep their locations; say where it was named.
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
    } catch (const Error& e) {
      error(*f.value, "extends", e.what());
    }
    return {};
  }

  const YamlNode* scalar(const Fields& fs, std::string_view key, const std::string& path) {
    const Field* f = find(fs, key);
    if (!f || f->value->kind == Kind::null)
      return nullptr;
    if (f->value->kind != Kind::scalar) {
      wrong_type(*f->value, join(path, key), "a string");
      return nullptr;
    }
    return f->value;
  }

  void length(const Fields& fs, std::string_view key, const std::string& path, double& out,
              double em, bool positive, LengthKind kind) {
    if (const YamlNode* n = scalar(fs, key, path)) {
      auto v = parse_length(n->value, em);
      if (!v)
        error(*n, join(path, key),
              "expected a length such as 10pt, 2cm, 20mm, 1in or 1.2em, got '" + n->value + "'");
      else if (*v < 0 || (positive && *v == 0))
        error(*n, join(path, key),
              std::string("must be ") + (positive ? "greater than 0" : "0 or more"));
      else if (std::string why = length_range_error(*v, kind); !why.empty())
        error(*n, join(path, key), why);
      else
        out = *v;
    }
  }

  void glue(const Fields& fs, std::string_view key, double em, double& natural, double& stretch,
            double& shrink) {
    if (const YamlNode* n = scalar(fs, key, "spacing")) {
      Glue g;
      if (std::string why = parse_glue(n->value, em, g); !why.empty())
        error(*n, join("spacing", key), why);
      else
        natural = g.natural, stretch = g.stretch, shrink = g.shrink;
    }
  }

  // page.max_pages, page.fit_floor, page.split_fraction.
  void page_fitting(const Fields& page, Style& s) {
    if (const YamlNode* n = scalar(page, "max_pages", "page")) {
      if (std::string why = set_max_pages(n->value, s); !why.empty())
        error(*n, "page.max_pages", why);
      else
        s.max_pages_where = at(*n), s.max_pages_path = "page.max_pages";
    }
    if (const YamlNode* n = scalar(page, "fit_floor", "page"))
      if (std::string why = set_fit_floor(n->value, s); !why.empty())
        error(*n, "page.fit_floor", why);
    if (const YamlNode* n = scalar(page, "split_fraction", "page")) {
      auto f = parse_fraction(n->value);
      if (!f || *f < 0.05 || *f > 1)
        error(*n, "page.split_fraction",
              "expected a fraction of the page between 5% and 100%, got '" + n->value + "'");
      else
        s.split_fraction = *f;
    }
  }

  void color(const Fields& fs, std::string_view key, const std::string& path, std::uint32_t& out) {
    if (const YamlNode* n = scalar(fs, key, path)) {
      if (auto c = parse_color(n->value))
        out = *c;
      else
        error(*n, join(path, key),
              "expected a colour such as \"#004f90\", rgb(0, 79, 144) or a colour name, got '" +
                  n->value + "'");
    }
  }

  std::optional<std::string_view> choice(const Fields& fs, std::string_view key,
                                         const std::string& path, Keys allowed) {
    const YamlNode* n = scalar(fs, key, path);
    if (!n)
      return std::nullopt;
    for (auto a : allowed)
      if (a == n->value)
        return a;
    std::string message = "unknown value '" + n->value + "'";
    if (auto s = suggest(n->value, allowed))
      message += " (did you mean '" + std::string(*s) + "'?)";
    else
      message += " (expected " + quoted_list(allowed) + ")";
    error(*n, join(path, key), std::move(message));
    return std::nullopt;
  }

  void text(const Fields& fs, std::string_view key, const std::string& path, std::string& out) {
    if (const YamlNode* n = scalar(fs, key, path))
      out = n->value;
  }

  const Fields* section(const Fields& fs, std::string_view key, Keys allowed, Fields& storage) {
    const Field* f = find(fs, key);
    if (!f || f->value->kind == Kind::null)
      return nullptr;
    auto sub = map_fields(*f->value, std::string(key));
    if (!sub)
      return nullptr;
    storage = std::move(*sub);
    check_keys(storage, allowed, std::string(key), Severity::error);
    return &storage;
  }

  void apply(const Fields& top, Style& s) {
    text(top, "name", "", s.name);
    text(top, "description", "", s.description);
    Fields tmp, tmp2;
    if (const Fields* page = section(top, "page", kPageKeys, tmp)) {
      if (const YamlNode* n = scalar(*page, "size", "page")) {
        auto it = std::find_if(kPageSizes.begin(), kPageSizes.end(),
                               [&](const PageSize& p) { return p.name == lower(n->value); });
        if (it == kPageSizes.end())
          error(*n, "page.size",
                "unknown page size '" + n->value + "' (expected " + page_size_names() +
                    ", or page.width and page.height)");
        else {
          s.page_width = it->width;
          s.page_height = it->height;
        }
      }
      length(*page, "width", "page", s.page_width, s.body_size, true, LengthKind::page);
      length(*page, "height", "page", s.page_height, s.body_size, true, LengthKind::page);
      if (const Field* m = find(*page, "margins"); m && m->value->kind != Kind::null) {
        if (auto mf = map_fields(*m->value, "page.margins")) {
          check_keys(*mf, kMarginKeys, "page.margins", Severity::error);
          length(*mf, "top", "page.margins", s.margin_top, s.body_size, false, LengthKind::margin);
          length(*mf, "bottom", "page.margins", s.margin_bottom, s.body_size, false,
                 LengthKind::margin);
          length(*mf, "left", "page.margins", s.margin_left, s.body_size, false,
                 LengthKind::margin);
          length(*mf, "right", "page.margins", s.margin_right, s.body_size, false,
                 LengthKind::margin);
        }
      }
      page_fitting(*page, s);
    }
    if (const Fields* fonts = section(top, "fonts", kFontKeys, tmp)) {
      auto chain = [&](std::string_view key, FontChainSpec& out) {
        if (find(*fonts, key))
          if (auto list = plain_list(*fonts, key, "fonts"); !list.empty())
            out.families = std::move(list);
      };
      chain("body", s.body_fonts);
      chain("headings", s.heading_fonts);
      chain("name", s.name_fonts);
    }
    if (const Fields* sizes = section(top, "sizes", kSizeKeys, tmp)) {
      length(*sizes, "body", "sizes", s.body_size, s.body_size, true, LengthKind::font_size);
      length(*sizes, "name", "sizes", s.name_size, s.body_size, true, LengthKind::font_size);
      length(*sizes, "headline", "sizes", s.headline_size, s.body_size, true,
             LengthKind::font_size);
      length(*sizes, "heading", "sizes", s.heading_size, s.body_size, true, LengthKind::font_size);
    }
    if (const Fields* colors = section(top, "colors", kColorKeys, tmp)) {
      color(*colors, "primary", "colors", s.primary_color);
      color(*colors, "text", "colors", s.text_color);
    }
    if (const Fields* headings = section(top, "headings", kHeadingKeys, tmp))
      if (auto look = choice(*headings, "look", "headings", kLooks))
        s.heading_look = static_cast<HeadingLook>(
            std::find(std::begin(kLooks), std::end(kLooks), *look) - std::begin(kLooks));
    if (const Fields* header = section(top, "header", kHeaderKeys, tmp)) {
      if (auto a = choice(*header, "align", "header", kAligns))
        s.header_centered = *a == "center";
      text(*header, "separator", "header", s.contact_separator);
      if (auto p = choice(*header, "photo", "header", kSides))
        s.photo_side = *p == "left" ? Side::left : Side::right;
      if (auto o = choice(*header, "name_order", "header", kNameOrders))
        s.name_order =
            static_cast<NameStyle>(std::find(std::begin(kNameOrders), std::end(kNameOrders), *o) -
                                   std::begin(kNameOrders));
    }
    if (const Fields* dates = section(top, "dates", kDateKeys, tmp)) {
      length(*dates, "column_width", "dates", s.date_column_width, s.body_size, true,
             LengthKind::spacing);
      length(*dates, "min_width", "dates", s.date_column_min, s.body_size, false,
             LengthKind::spacing);
      length(*dates, "max_width", "dates", s.date_column_max, s.body_size, false,
             LengthKind::spacing);
      if (auto side = choice(*dates, "side", "dates", kSides))
        s.date_column_side = *side == "left" ? Side::left : Side::right;
      if (const Field* f = find(*dates, "show_time_spans_in"); f && f->value->kind != Kind::null)
        s.show_time_spans_in = plain_list(*dates, "show_time_spans_in", "dates");
    }
    if (const Fields* bullets = section(top, "bullets", kBulletKeys, tmp)) {
      text(*bullets, "level1", "bullets", s.bullet);
      text(*bullets, "level2", "bullets", s.nested_bullet);
    }
    if (const Fields* spacing = section(top, "spacing", kSpacingKeys, tmp)) {
      if (const YamlNode* n = scalar(*spacing, "line", "spacing")) {
        double v = 0;
        auto [p, ec] = std::from_chars(n->value.data(), n->value.data() + n->value.size(), v);
        if (ec != std::errc() || p != n->value.data() + n->value.size() || v < 0.8 || v > 3)
          error(*n, "spacing.line",
                "expected a line height factor between 0.8 and 3, got '" + n->value + "'");
        else
          s.line_spacing = v;
      }
      glue(*spacing, "entry", s.body_size, s.entry_spacing, s.entry_stretch, s.entry_shrink);
      glue(*spacing, "section", s.body_size, s.section_spacing, s.section_stretch,
           s.section_shrink);
      glue(*spacing, "item", s.body_size, s.item_spacing, s.item_stretch, s.item_shrink);
    }
    if (const Fields* t = section(top, "text", kTextKeys, tmp2))
      if (auto j = boolean(*t, "justify", "text"))
        s.justify = *j;
    text(top, "footer", "", s.footer);
  }
};

// The text area must hold the date column and some text.
void check_geometry(const Style& s, const SourceLocation& where, const std::string& path) {
  double text_width = s.page_width - s.margin_left - s.margin_right;
  double text_height = s.page_height - s.margin_top - s.margin_bottom;
  if (text_width < s.date_column_width + 72 || text_height < 144)
    throw InputError({{Severity::error, where, path,
                       "the margins leave a text area too small for the date column and text"}});
}

Style parse_at_depth(std::string_view yaml, const std::string& filename, const fs::path& base_dir,
                     int depth) {
  auto root = parse_yaml(yaml, filename, LoadLimits{});
  StyleReader reader(filename, base_dir, depth);
  Style style = reader.read(*root);
  if (!reader.errors.empty())
    throw InputError(std::move(reader.errors));
  if (style.body_fonts.families.empty())
    throw InputError({{Severity::error,
                       {filename, 1, 1},
                       "fonts.body",
                       "a style needs body fonts (set fonts.body or extend a built-in style)"}});
  if (style.heading_fonts.families.empty())
    style.heading_fonts = style.body_fonts;
  if (style.name_fonts.families.empty())
    style.name_fonts = style.heading_fonts;
  check_geometry(style, {filename, 0, 0}, "page");
  return style;
}

std::string builtin_names() {
  std::string out;
  for (const auto& b : builtin_style_sources())
    out += (out.empty() ? "" : ", ") + std::string(b.name);
  return out;
}

} // namespace

bool looks_like_path(std::string_view s) {
  return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

Style load_at_depth(std::string_view name_or_path, const fs::path& base_dir, int depth) {
  if (!looks_like_path(name_or_path)) {
    for (const auto& b : builtin_style_sources())
      if (b.name == name_or_path)
        return parse_at_depth(b.source, "styles/" + std::string(b.name) + ".yaml", {}, depth);
    throw UsageError("unknown style '" + std::string(name_or_path) +
                     "' (built-in styles: " + builtin_names() + "; or give a .yaml file)");
  }
  fs::path path(name_or_path);
  if (path.is_relative() && !base_dir.empty())
    path = base_dir / path;
  path = path.lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw UsageError("style file '" + path.string() + "' not found");
  std::string text = read_file(path, LoadLimits{}.max_file_bytes);
  return parse_at_depth(text, path.string(), path.parent_path(), depth);
}

namespace {

// A built-in style, parsed on first use (once per process, thread-safe) and
// shared read-only by every render, e.g. by all threads of a batch. Only the
// styles a process uses are parsed.
struct ParsedBuiltin {
  std::once_flag once;
  std::optional<Style> style;
};

const Style* parsed_builtin(std::string_view name) {
  const auto& sources = builtin_style_sources();
  static std::vector<ParsedBuiltin> parsed(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].name != name)
      continue;
    std::call_once(parsed[i].once,
                   [&] { parsed[i].style.emplace(load_at_depth(sources[i].name, {}, 0)); });
    return &*parsed[i].style;
  }
  return nullptr;
}

} // namespace

Style load_style(std::string_view name_or_path, const fs::path& base_dir) {
  if (!looks_like_path(name_or_path))
    if (const Style* style = parsed_builtin(name_or_path))
      return *style;
  return load_at_depth(name_or_path, base_dir, 0);
}

Style parse_style(std::string_view yaml, const std::string& filename, const fs::path& base_dir) {
  return parse_at_depth(yaml, filename, base_dir, 0);
}

const Style& default_style() {
  static const Style style = load_style("classic");
  return style;
}

// ------------------------------------------------------- RenderCV design

namespace {

struct ThemeMap {
  std::string_view theme, style;
};
constexpr ThemeMap kThemes[] = {{"classic", "classic"},
                                {"engineeringclassic", "classic"},
                                {"moderncv", "banking"},
                                {"sb2nov", "harvard"},
                                {"engineeringresumes", "dense"},
                                // Our own style names work as themes too.
                                {"banking", "banking"},
                                {"dense", "dense"},
                                {"harvard", "harvard"}};
constexpr std::array<std::string_view, std::size(kThemes)> kThemeNames = [] {
  std::array<std::string_view, std::size(kThemes)> names{};
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = kThemes[i].theme;
  return names;
}();

// Every RenderCV design option cvpress honours, as "group.key".
using V = DesignValue;
constexpr DesignOption kSupportedDesign[] = {
    {"theme", V::theme},
    {"page.size", V::page_size},
    {"page.top_margin", V::length},
    {"page.bottom_margin", V::length},
    {"page.left_margin", V::length},
    {"page.right_margin", V::length},
    {"colors.text", V::color},
    {"colors.name", V::color},
    {"colors.section_titles", V::color},
    {"colors.links", V::color},
    {"colors.connections", V::color},
    {"text.font_family", V::font},
    {"text.font_size", V::length},
    {"text.alignment", V::alignment},
    {"header.name_font_family", V::font},
    {"header.name_font_size", V::length},
    {"header.alignment", V::alignment},
    {"header.separator_between_connections", V::text},
    {"section_titles.type", V::section_line},
    {"section_titles.font_family", V::font},
    {"section_titles.font_size", V::length},
    {"entries.date_and_location_width", V::length},
    {"entries.vertical_space_between_entries", V::length},
    {"page.max_pages", V::count},    // cvpress: fit the CV to this many pages
    {"page.fit_floor", V::fraction}, // cvpress: smallest type scale fitting may use
    {"highlights.bullet", V::text},
    {"highlights.nested_bullet", V::text},
    {"entries.show_time_spans_in", V::sections},  // RenderCV 1.x
    {"sections.show_time_spans_in", V::sections}, // RenderCV 2.x
};

} // namespace

std::span<const DesignOption> design_options() { return kSupportedDesign; }

std::span<const std::string_view> theme_names() { return kThemeNames; }

std::vector<std::string_view> page_size_names() {
  std::vector<std::string_view> out;
  for (const auto& p : kPageSizes)
    out.push_back(p.name);
  return out;
}

std::string_view style_for_theme(std::string_view theme) {
  for (const auto& m : kThemes)
    if (m.theme == theme)
      return m.style;
  return {};
}

namespace {

bool supported(std::string_view key) {
  return std::any_of(std::begin(kSupportedDesign), std::end(kSupportedDesign),
                     [&](const DesignOption& o) { return o.key == key; });
}

// Calls f("group.key", value) for every leaf option of the design block.
template <typename F> void for_each_option(const OptionValue& options, F&& f) {
  for (const auto& [key, value] : options.keys) {
    if (value.kind == OptionValue::Kind::map)
      for (const auto& [sub, leaf] : value.keys)
        f(key + "." + sub, leaf);
    else
      f(key, value);
  }
}

} // namespace

void apply_design(const Design& design, Style& s) {
  std::vector<Diagnostic> errors;
  for_each_option(design.options, [&](const std::string& key, const OptionValue& v) {
    if (key.ends_with(".show_time_spans_in") && supported(key)) {
      s.show_time_spans_in.clear();
      if (v.kind == OptionValue::Kind::scalar)
        s.show_time_spans_in.push_back(v.scalar);
      for (const auto& item : v.items)
        if (item.kind == OptionValue::Kind::scalar)
          s.show_time_spans_in.push_back(item.scalar);
      return;
    }
    if (v.kind != OptionValue::Kind::scalar || !supported(key))
      return;
    const std::string& value = v.scalar;
    // Checked like a style file's lengths, with the design option's location.
    auto len_kind = [&](double& out, double em, LengthKind kind) {
      auto l = parse_length(value, em);
      std::string why =
          !l ? "expected a length such as 10pt, 2cm, 20mm, 1in or 1.2em, got '" + value + "'"
             : length_range_error(*l, kind);
      if (why.empty())
        out = *l;
      else
        errors.push_back({Severity::error, v.where, "design." + key, std::move(why)});
    };
    auto len = [&](double& out, double em) {
      const bool size = key.ends_with("font_size");
      len_kind(out, em, size ? LengthKind::font_size : LengthKind::margin);
    };
    auto col = [&](std::uint32_t& out) {
      if (auto c = parse_color(value))
        out = *c;
    };
    auto first_font = [&](FontChainSpec& chain) {
      auto& f = chain.families;
      f.erase(std::remove(f.begin(), f.end(), value), f.end());
      f.insert(f.begin(), value);
    };
    if (key == "page.size") {
      for (const auto& p : kPageSizes)
        if (p.name == lower(value)) {
          s.page_width = p.width;
          s.page_height = p.height;
        }
    } else if (key == "page.top_margin") {
      len(s.margin_top, s.body_size);
    } else if (key == "page.bottom_margin") {
      len(s.margin_bottom, s.body_size);
    } else if (key == "page.left_margin") {
      len(s.margin_left, s.body_size);
    } else if (key == "page.right_margin") {
      len(s.margin_right, s.body_size);
    } else if (key == "colors.text") {
      col(s.text_color);
    } else if (key.starts_with("colors.")) {
      col(s.primary_color); // cvpress has one accent colour
    } else if (key == "text.font_family") {
      first_font(s.body_fonts);
    } else if (key == "text.font_size") {
      len(s.body_size, s.body_size);
    } else if (key == "text.alignment") {
      s.justify = value.starts_with("justified");
    } else if (key == "header.name_font_family") {
      first_font(s.name_fonts);
    } else if (key == "header.name_font_size") {
      len(s.name_size, s.body_size);
    } else if (key == "header.alignment") {
      s.header_centered = value == "center";
    } else if (key == "header.separator_between_connections") {
      if (!value.empty())
        s.contact_separator = " " + value + " ";
    } else if (key == "section_titles.type") {
      if (value == "with-partial-line")
        s.heading_look = HeadingLook::partial_rule;
      else if (value == "with-full-line")
        s.heading_look = HeadingLook::rule_below;
      else if (value == "without-line")
        s.heading_look = HeadingLook::plain;
      else if (value == "moderncv")
        s.heading_look = HeadingLook::bar;
    } else if (key == "section_titles.font_family") {
      first_font(s.heading_fonts);
    } else if (key == "section_titles.font_size") {
      len(s.heading_size, s.body_size);
    } else if (key == "entries.date_and_location_width") {
      len(s.date_column_width, s.body_size);
    } else if (key == "entries.vertical_space_between_entries") {
      len(s.entry_spacing, s.body_size);
      s.entry_shrink = std::min(s.entry_shrink, s.entry_spacing); // never a negative gap
    } else if (key == "page.max_pages") {
      if (std::string why = set_max_pages(value, s); !why.empty())
        errors.push_back({Severity::error, v.where, "design." + key, std::move(why)});
      else
        s.max_pages_where = v.where, s.max_pages_path = "design.page.max_pages";
    } else if (key == "page.fit_floor") {
      if (std::string why = set_fit_floor(value, s); !why.empty())
        errors.push_back({Severity::error, v.where, "design." + key, std::move(why)});
    } else if (key == "highlights.bullet") {
      s.bullet = value;
    } else if (key == "highlights.nested_bullet") {
      s.nested_bullet = value;
    }
  });
  if (!errors.empty())
    throw InputError(std::move(errors));
  if (design.options.find("page"))
    check_geometry(s, design.options.find("page")->where, "design.page");
  else
    check_geometry(s, design.options.where, "design");
}

bool shows_time_spans(const Style& style, std::string_view section_key,
                      std::string_view section_title) {
  const std::string key = fold_section_key(section_key), title = fold_section_key(section_title);
  return std::any_of(style.show_time_spans_in.begin(), style.show_time_spans_in.end(),
                     [&](const std::string& listed) {
                       const std::string l = fold_section_key(listed);
                       return l == key || l == title;
                     });
}

std::vector<Diagnostic> design_warnings(const Design& design) {
  std::vector<Diagnostic> out;
  const std::string file = design.options.where.file;
  if (!design.theme.empty() && style_for_theme(design.theme).empty()) {
    const OptionValue* t = design.options.find("theme");
    out.push_back({Severity::warning, t ? t->where : design.options.where, "design.theme",
                   "unknown theme '" + design.theme +
                       "', using classic (themes: classic, "
                       "engineeringclassic, moderncv, sb2nov, engineeringresumes)"});
  }
  for_each_option(design.options, [&](const std::string& key, const OptionValue& v) {
    if (supported(key))
      return;
    out.push_back({Severity::warning, v.where, "design." + key,
                   "RenderCV design option not supported yet, ignored"});
  });
  return out;
}

Style resolve_style(const RenderOptions& options, const Design& design) {
  Style style;
  if (!options.style.empty())
    style = load_style(options.style); // relative to the working directory
  else if (auto name = style_for_theme(design.theme); !name.empty())
    style = load_style(name);
  else
    style = default_style();
  apply_design(design, style);
  if (options.max_pages < 0)
    throw UsageError("max_pages must be 1 or more, got " + std::to_string(options.max_pages));
  if (options.max_pages > 0) { // the command line's --max-pages wins
    style.max_pages = options.max_pages;
    style.max_pages_where = {};
    style.max_pages_path = "max_pages";
  }
  return style;
}

} // namespace cvpress::detail

namespace cvpress {

std::vector<StyleInfo> builtin_styles() {
  std::vector<StyleInfo> out;
  for (const auto& b : detail::builtin_style_sources()) {
    detail::Style s = detail::load_style(b.name);
    out.push_back({std::string(b.name), s.description});
  }
  return out;
}

void check_style(std::string_view name_or_path) { (void)detail::load_style(name_or_path); }

} // namespace cvpress

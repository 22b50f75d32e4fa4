#include "style/style_loader.hpp"
#include "style/style_values.hpp"

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

// ------------------------------------------------------------ value parsing

namespace {

struct PageSize {
  std::string_view name;
  double width, height;
};
constexpr std::array<PageSize, 13> kPageSizes = {{{"a4", 595.276, 841.89},
                                                  {"a5", 419.528, 595.276},
                                                  {"a3", 841.89, 1190.551},
                                                  {"us-letter", 612, 792},
                                                  {"letter", 612, 792},
                                                  {"us-legal", 612, 1008},
                                                  {"us-executive", 522, 756},
                                                  {"a0", 2383.937, 3370.394},
                                                  {"a1", 1683.78, 2383.937},
                                                  {"a2", 1190.551, 1683.78},
                                                  {"a6", 297.638, 419.528},
                                                  {"a7", 209.764, 297.638},
                                                  {"a8", 147.402, 209.764}}};

std::string lower(std::string_view s) { return ascii_lower(s); }

} // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::pair<double, double>> page_size(std::string_view name) {
  for (const auto& p : kPageSizes)
    if (p.name == ascii_lower(name))
      return std::pair(p.width, p.height);
  return std::nullopt;
}

// "2cm", "20mm", "1in", "10pt", "1.4em" (x `em`), or a bare number of points.
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
  case LengthKind::offset:
    lo = -14400, hi = 14400;
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

namespace {

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

// "hsl(270, 60%, 70%)" to 0xRRGGBB.
std::optional<std::uint32_t> parse_hsl(std::string_view inner) {
  double v[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    auto comma = inner.find(',');
    std::string_view part = trim(inner.substr(0, comma));
    if (i > 0 && part.ends_with('%'))
      part.remove_suffix(1);
    else if (i == 0 && part.ends_with("deg"))
      part.remove_suffix(3);
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v[i]);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size())
      return std::nullopt;
    if ((i == 2) != (comma == std::string_view::npos))
      return std::nullopt;
    if (comma != std::string_view::npos)
      inner.remove_prefix(comma + 1);
  }
  if (v[1] < 0 || v[1] > 100 || v[2] < 0 || v[2] > 100)
    return std::nullopt;
  const double h = std::fmod(std::fmod(v[0], 360) + 360, 360) / 360, s = v[1] / 100, l = v[2] / 100;
  const double q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
  auto channel = [&](double t) {
    t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    double c = t < 1.0 / 6   ? p + (q - p) * 6 * t
               : t < 0.5     ? q
               : t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6
                             : p;
    return static_cast<std::uint32_t>(std::lround(c * 255));
  };
  return channel(h + 1.0 / 3) << 16 | channel(h) << 8 | channel(h - 1.0 / 3);
}

} // namespace

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
  if (s.size() == 6 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isxdigit(c) != 0;
      })) // RenderCV (pydantic) accepts hex without '#'
    return hex(s);
  if (s.starts_with("hsl(") && s.ends_with(")"))
    return parse_hsl(std::string_view(s).substr(4, s.size() - 5));
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

namespace {

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

// The common sizes a style file names (the A0-A8 RenderCV 1.x knows work too).
std::string page_size_list() {
  std::string out;
  for (std::size_t i = 0; i < 7; ++i)
    out += (out.empty() ? "" : ", ") + std::string(kPageSizes[i].name);
  return out;
}

} // namespace

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

// The text area must hold the date column and some text.
void check_geometry(const Style& s, const SourceLocation& where, const std::string& path) {
  double text_width = s.page_width - s.margin_left - s.margin_right;
  double text_height = s.page_height - s.margin_top - s.margin_bottom;
  if (text_width < s.date_column_width + 72 || text_height < 144)
    throw InputError({{Severity::error, where, path,
                       "the margins leave a text area too small for the date column and text"}});
}

// Loads a style `depth` levels down an `extends` chain.
Style load_at_depth(std::string_view name_or_path, const fs::path& base_dir, int depth);

namespace {

using Kind = YamlNode::Kind;

constexpr int kMaxExtendsDepth = 8;

// --------------------------------------------------------------- the reader

constexpr std::string_view kStyleKeys[] = {
    "name",   "description", "extends", "page",    "fonts", "sizes",  "colors", "headings",
    "header", "dates",       "bullets", "spacing", "text",  "footer", "design"};
constexpr std::string_view kPageKeys[] = {"size",      "width",     "height",        "margins",
                                          "max_pages", "fit_floor", "split_fraction"};
constexpr std::string_view kMarginKeys[] = {"top", "bottom", "left", "right"};
constexpr std::string_view kFontKeys[] = {"body", "headings", "name"};
constexpr std::string_view kSizeKeys[] = {"body", "name", "headline", "heading"};
constexpr std::string_view kColorKeys[] = {"primary", "text"};
constexpr std::string_view kHeadingKeys[] = {"look"};
constexpr std::string_view kHeaderKeys[] = {"align", "separator", "photo", "name_order", "icons"};
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
                "unknown page size '" + n->value + "' (expected " + page_size_list() +
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
      if (auto i = boolean(*header, "icons", "header"))
        s.rendercv.show_icons = *i;
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
    // A RenderCV `design:` block (the theme styles): read like a CV's, on top.
    if (const Field* f = find(top, "design"); f && f->value->kind != Kind::null) {
      Design d;
      d.options = option(*f->value);
      try {
        apply_design(d, s);
      } catch (const InputError& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
      for (auto& w : design_diagnostics(d)) // unknown keys are errors in a style
        if (w.severity == Severity::warning)
          error_at(w);
      s.rendercv_dates = true; // a RenderCV theme style: RenderCV's text conventions
    }
  }

  void error_at(Diagnostic d) {
    d.severity = Severity::error;
    errors.push_back(std::move(d));
  }
};

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
  static const Style style = load_style("cvpress");
  return style;
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

// HTML5 from the presentation: headings, lists, links, the style as CSS.
#include "backends/html/html_writer.hpp"

#include "backends/outline.hpp"
#include "present/present.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"
#include "text/xml_escape.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace cvpress::detail::html {

namespace {

std::string color(std::uint32_t rgb) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgb & 0xFFFFFF));
  return buf;
}

// A CSS number, e.g. "1.25" (at most two decimals).
std::string number(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.empty())
    return "0";
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.')
    s.pop_back();
  return s;
}

// A CSS length in points, e.g. "10.5pt".
std::string pt(double v) { return number(v) + "pt"; }

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[v >> 18 & 63];
    out += kDigits[v >> 12 & 63];
    out += kDigits[v >> 6 & 63];
    out += kDigits[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size())
      v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kDigits[v >> 18 & 63];
    out += kDigits[v >> 12 & 63];
    out += i + 1 < bytes.size() ? kDigits[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

// An <a> around `body` when `url` passes the link allow-list, else `body`.
std::string link(std::string_view url, const std::string& body) {
  const std::string target = link_target(url);
  if (target.empty())
    return body;
  return "<a href=\"" + escape(target) + "\">" + body + "</a>";
}

std::string rich(const RichText& rt) {
  std::string out;
  for (const auto& run : rt.runs) {
    std::string body;
    const Format* format = nullptr;
    if (const auto* t = std::get_if<TextRun>(&run)) {
      body = escape(t->text);
      format = &t->format;
    } else if (const auto* c = std::get_if<CodeRun>(&run)) {
      body = "<code>" + escape(c->text) + "</code>";
      format = &c->format;
    } else {
      const auto& m = std::get<MathRun>(run);
      body = "<span class=\"math\">" + escape(m.unicode.empty() ? m.tex : m.unicode) + "</span>";
      format = &m.format;
    }
    if (format->italic)
      body = "<em>" + body + "</em>";
    if (format->bold)
      body = "<strong>" + body + "</strong>";
    if (!format->link.empty())
      body = link(format->link, body);
    out += body;
  }
  return out;
}

// The owner's name without the bold it may be written with: the owner
// role makes it bold once (as the LaTeX writer's \\cvOwner).
RichText without_bold(RichText text) {
  for (auto& run : text.runs)
    std::visit([](auto& x) { x.format.bold = false; }, run);
  return text;
}

std::string run_html(const Run& r) {
  std::string body =
      r.rich ? rich(r.role == RunRole::owner ? without_bold(*r.rich) : *r.rich) : escape(r.text);
  switch (r.role) {
  case RunRole::owner:
    body = "<strong class=\"owner\">" + body + "</strong>";
    break;
  case RunRole::co_first:
    body = "<sup class=\"mark\" title=\"co-first author\">" + body + "</sup>";
    break;
  case RunRole::corresponding:
    body = "<sup class=\"mark\" title=\"corresponding author\">" + body + "</sup>";
    break;
  case RunRole::venue_tag:
  case RunRole::event_tag:
    body = "<span class=\"tag\">[" + body + "]</span>";
    break;
  case RunRole::venue:
  case RunRole::status:
    body = "<em>" + body + "</em>";
    break;
  case RunRole::degree:
  case RunRole::label:
  case RunRole::award:
    body = "<strong>" + body + "</strong>";
    break;
  default:
    break;
  }
  if (!r.link.empty())
    body = link(r.link, body);
  return body;
}

std::string row_html(const Row& row) {
  std::string out;
  for (const Run& r : row.runs)
    out += run_html(r);
  return out;
}

const char* row_class(RowRole role) {
  switch (role) {
  case RowRole::title:
    return "title";
  case RowRole::subtitle:
    return "subtitle";
  case RowRole::authors:
    return "authors";
  case RowRole::venue:
    return "venue";
  case RowRole::award:
    return "award";
  case RowRole::status_note:
    return "status";
  case RowRole::link:
    return "link";
  case RowRole::event:
    return "event";
  case RowRole::one_line:
    return "one-line";
  case RowRole::templated:
    return "line";
  }
  return "row";
}

// A fragment id from a section key: ASCII letters, digits, '-' and '_'.
std::string fragment_id(std::string_view key, std::size_t index) {
  std::string id = "section-";
  for (const char c : key)
    id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  return id + "-" + std::to_string(index + 1);
}

std::string highlights(const std::vector<Highlight>& items) {
  std::string out = "<ul class=\"highlights\">\n";
  for (const Highlight& h : items) {
    out += "<li>" + rich(h.text);
    if (!h.children.empty()) {
      out += "\n<ul>\n";
      for (const RichText& c : h.children)
        out += "<li>" + rich(c) + "</li>\n";
      out += "</ul>\n";
    }
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

std::string heading_css(const Style& s) {
  switch (s.heading_look) {
  case HeadingLook::rule_below:
    return "border-bottom: 0.8pt solid var(--primary);";
  case HeadingLook::partial_rule:
    return "display: flex; align-items: center; gap: 0.5em;";
  case HeadingLook::underline:
    return "text-decoration: underline;";
  case HeadingLook::small_caps:
    return "font-variant: small-caps; border-bottom: 0.8pt solid var(--primary);";
  case HeadingLook::bar:
    return "border-inline-start: 4pt solid var(--primary); padding-inline-start: 0.4em;";
  case HeadingLook::plain:
    return "";
  }
  return "";
}

std::string stylesheet(const Style& s) {
  const bool aside_start = s.date_column_side == Side::left;
  std::string css;
  css +=
      ":root { --primary: " + color(s.primary_color) + "; --text: " + color(s.text_color) + "; }\n";
  css += "body { font-family: " + css_font_list(s.body_fonts, "sans-serif") +
         "; font-size: " + pt(s.body_size) + "; line-height: " + number(s.line_spacing) +
         "; color: var(--text); max-width: " + pt(s.page_width) +
         "; margin: 0 auto; padding: " + pt(s.margin_top) + " " + pt(s.margin_right) + " " +
         pt(s.margin_bottom) + " " + pt(s.margin_left) + "; box-sizing: border-box;" +
         (s.justify ? " text-align: justify;" : "") + " }\n";
  css += "header { text-align: " + std::string(s.header_centered ? "center" : "start") + "; }\n";
  css += "h1 { font-family: " + css_font_list(s.name_fonts, "sans-serif") +
         "; font-size: " + pt(s.name_size) + "; color: var(--primary); margin: 0 0 0.2em; }\n";
  css += ".headline { font-size: " + pt(s.headline_size) + "; margin: 0; }\n";
  css += ".affiliation { margin: 0; }\n";
  css += ".photo { float: inline-" + std::string(s.photo_side == Side::left ? "start" : "end") +
         "; width: 72pt; max-height: 96pt; object-fit: cover; }\n";
  css += ".contacts { list-style: none; padding: 0; margin: 0.4em 0 0; }\n";
  css += ".contacts li { display: inline; }\n";
  css += ".contacts li + li::before { content: \"" + escape_css_string(s.contact_separator) +
         "\"; }\n";
  css += "h2 { font-family: " + css_font_list(s.heading_fonts, "sans-serif") +
         "; font-size: " + pt(s.heading_size) +
         "; color: var(--primary); margin: " + pt(s.section_spacing) + " 0 " + pt(s.entry_spacing) +
         "; " + heading_css(s) + " }\n";
  if (s.heading_look == HeadingLook::partial_rule)
    css += "h2::after { content: \"\"; flex: 1; border-bottom: 0.8pt solid var(--primary); }\n";
  css += "h3 { font-size: 1em; margin: 0; }\n";
  css += "a { color: var(--primary); }\n";
  css += "sup { line-height: 0; }\n";
  css += ".entry { display: flex; gap: 1em; margin: 0 0 " + pt(s.entry_spacing) + "; }\n";
  css += ".entry .main { flex: 1; }\n";
  css += ".entry .when { flex: 0 0 " + pt(s.date_column_width) +
         "; margin: 0; text-align: " + (aside_start ? "start" : "end") + ";" +
         (aside_start ? " order: -1;" : "") + " }\n";
  css += ".entry p { margin: 0; }\n";
  css += ".label { display: inline-block; min-width: 2.5em; }\n";
  css += ".highlights { margin: 0.2em 0 0; padding-inline-start: 1.2em; }\n";
  css += ".highlights li::marker { content: \"" + escape_css_string(s.bullet) + " \"; }\n";
  css +=
      ".highlights ul li::marker { content: \"" + escape_css_string(s.nested_bullet) + " \"; }\n";
  css += ".legend { font-size: 0.9em; }\n";
  css += ".one-line { margin: 0 0 " + pt(s.entry_spacing / 2) + "; }\n";
  css += "@media print { body { max-width: none; padding: 0; } }\n";
  return css;
}

class Writer {
public:
  Writer(const Cv& cv, const Style& style) : cv_(cv), style_(style), pr_(cv, style) {}

  std::string document(const std::optional<Photo>& photo) {
    const bool rtl = is_rtl(pr_.tag());
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape(pr_.tag()) + "\" dir=\"" +
                      (rtl ? "rtl" : "ltr") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"cvpress\">\n";
    if (const std::string author = pr_.document_author(); !author.empty())
      out += "<meta name=\"author\" content=\"" + escape(author) + "\">\n";
    out += "<title>" + escape(pr_.document_title()) + "</title>\n";
    out += "<style>\n" + stylesheet(style_) + "</style>\n</head>\n<body>\n";
    out += header(photo);
    out += "<main>\n";
    for (std::size_t i = 0; i < cv_.sections.size(); ++i)
      out += section(cv_.sections[i], i);
    out += "</main>\n</body>\n</html>\n";
    return out;
  }

private:
  const Cv& cv_;
  const Style& style_;
  Presenter pr_;

  std::string header(const std::optional<Photo>& photo) {
    const Header& h = cv_.header;
    std::string out = "<header>\n";
    if (photo) {
      const char* mime = photo->info.format == ImageFormat::png ? "image/png" : "image/jpeg";
      out += "<img class=\"photo\" src=\"data:" + std::string(mime) + ";base64," +
             base64(photo->bytes) + "\" alt=\"" + escape(pr_.header_name()) + "\">\n";
    }
    if (const std::string name = pr_.header_name(); !name.empty())
      out += "<h1>" + escape(name) + "</h1>\n";
    if (!h.headline.empty())
      out += "<p class=\"headline\">" + rich(h.headline) + "</p>\n";
    for (const auto& line : h.affiliation)
      out += "<p class=\"affiliation\">" + escape(line) + "</p>\n";
    const std::vector<ContactView> contacts = pr_.contacts();
    if (!contacts.empty()) {
      out += "<ul class=\"contacts\">\n";
      for (const ContactView& c : contacts) {
        const std::string shown = escape(c.shown);
        std::string item = c.email         ? link("mailto:" + percent_encode(c.shown), shown)
                           : c.uri.empty() ? shown
                                           : link(c.uri, shown);
        // <bdi>: an address keeps its own direction in a right-to-left CV.
        out += "<li><bdi>" + item + "</bdi></li>\n";
      }
      out += "</ul>\n";
    }
    return out + "</header>\n";
  }

  std::string entry(const EntryOutline& o) {
    std::string main;
    for (std::size_t i = 0; i < o.rows.size(); ++i) {
      const Row& row = o.rows[i];
      if (i == 0) {
        std::string label =
            o.label.empty() ? "" : "<span class=\"label\">" + escape(o.label) + "</span> ";
        main += "<h3>" + label + row_html(row) + "</h3>\n";
      } else {
        main += "<p class=\"" + std::string(row_class(row.role)) + "\">" + row_html(row) + "</p>\n";
      }
    }
    if (o.summary)
      main += "<p class=\"summary\">" + rich(*o.summary) + "</p>\n";
    if (o.highlights)
      main += highlights(*o.highlights);
    std::string out = "<article class=\"entry\">\n<div class=\"main\">\n" + main + "</div>\n";
    if (!o.aside.empty()) {
      out += "<p class=\"when\">";
      for (std::size_t i = 0; i < o.aside.size(); ++i)
        out += (i ? "<br>" : "") + escape(o.aside[i]);
      out += "</p>\n";
    }
    return out + "</article>\n";
  }

  std::string section(const Section& s, std::size_t index) {
    const SectionView v = pr_.section(s);
    const std::string id = fragment_id(s.key, index);
    std::string out = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" +
                      escape(v.title) + "</h2>\n";
    const std::string list = list_kind(s);
    if (!list.empty())
      out += "<" + list + (reversed_list(s) ? " reversed" : "") + " class=\"items\">\n";
    for (const EntryView& ev : v.entries) {
      const EntryOutline o = outline_entry(pr_, ev);
      switch (o.kind) {
      case OutlineKind::block:
        out += entry(o);
        break;
      case OutlineKind::one_line: {
        const Row& row = o.rows.front();
        out += "<p class=\"one-line\">" + row_html(row) + "</p>\n";
        break;
      }
      case OutlineKind::item:
        out += "<li>" + rich(*o.text) + "</li>\n";
        break;
      case OutlineKind::text:
        out += "<p>" + rich(*o.text) + "</p>\n";
        break;
      }
    }
    if (!list.empty())
      out += "</" + list + ">\n";
    if (!v.legend.empty()) {
      out += "<p class=\"legend\">";
      for (std::size_t i = 0; i < v.legend.size(); ++i)
        out += (i ? " &#8195; " : "") + escape(v.legend[i]);
      out += "</p>\n";
    }
    return out + "</section>\n";
  }
};

} // namespace

std::string escape(std::string_view text) { return escape_xml(text); }

std::string escape_css_string(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&')
      continue;
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      continue;
    out += c;
  }
  return out;
}

std::string css_font_list(const FontChainSpec& fonts, std::string_view generic) {
  std::string out;
  for (const auto& family : fonts.families) {
    const std::string name = escape_css_string(family);
    if (name.empty())
      continue;
    out += "\"" + name + "\", ";
  }
  return out + std::string(generic);
}

std::string make_document(const Cv& cv, const Style& style, const std::optional<Photo>& photo,
                          std::vector<Diagnostic>& warnings) {
  (void)warnings;
  return Writer(cv, style).document(photo);
}

} // namespace cvpress::detail::html

// trace(): the display list as text, for golden tests.
#include "fonts/font_set.hpp"
#include "layout/display_list.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cvpress::detail {

namespace {

void num(std::string& out, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  (void)ec;
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s == "-0.0")
    s = "0.0";
  out += ' ';
  out += s;
}

// Font sizes in their shortest form: 24, 10.5.
void size(std::string& out, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10);
  (void)ec;
  out += ' ';
  out.append(buf, end);
}

void color(std::string& out, std::uint32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, " #%06x", static_cast<unsigned>(c & 0xFFFFFF));
  out += buf;
}

void quoted(std::string& out, std::string_view s) {
  out += " \"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += '"';
}

void face_name(std::string& out, const FontFace* face) {
  out += ' ';
  if (!face) {
    out += "(none)";
    return;
  }
  for (char c : family_name(*face))
    if (c != ' ')
      out += c;
  const bool b = is_bold(*face), i = is_italic(*face);
  if (b || i)
    out += b && i ? "-BoldItalic" : b ? "-Bold" : "-Italic";
}

struct ItemPrinter {
  std::string& out;
  void operator()(const TextItem& t) const {
    out += "text";
    num(out, t.x);
    num(out, t.y);
    face_name(out, t.face);
    size(out, t.size);
    color(out, t.color);
    quoted(out, t.text);
    if (!t.actual_text.empty()) {
      out += " actual";
      quoted(out, t.actual_text);
    }
    if (t.decorative)
      out += " decorative";
  }
  void operator()(const RuleItem& r) const {
    out += "rule";
    num(out, r.x0);
    num(out, r.y0);
    num(out, r.x1);
    num(out, r.y1);
    num(out, r.thickness);
    color(out, r.color);
  }
  void operator()(const RectItem& r) const {
    out += "rect";
    num(out, r.x);
    num(out, r.y);
    num(out, r.width);
    num(out, r.height);
    color(out, r.color);
  }
  void operator()(const ImageItem& i) const {
    out += "image";
    num(out, i.x);
    num(out, i.y);
    num(out, i.width);
    num(out, i.height);
    out += i.format == ImageItem::Format::png ? " png " : " jpeg ";
    out += std::to_string(i.bytes.size());
  }
  void operator()(const LinkItem& l) const {
    out += "link";
    num(out, l.x);
    num(out, l.y);
    num(out, l.width);
    num(out, l.height);
    quoted(out, l.uri);
  }
};

} // namespace

std::string trace(const LaidOutDocument& doc) {
  std::string out;
  out.reserve(4096);
  out += "document";
  num(out, doc.page_width);
  num(out, doc.page_height);
  out += '\n';
  out += "info title";
  quoted(out, doc.info.title);
  out += " author";
  quoted(out, doc.info.author);
  out += " subject";
  quoted(out, doc.info.subject);
  out += '\n';
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    out += "page " + std::to_string(p + 1) + '\n';
    for (const auto& item : doc.pages[p].items) {
      std::visit(ItemPrinter{out}, item);
      out += '\n';
    }
  }
  for (const auto& b : doc.bookmarks) {
    out += "bookmark";
    quoted(out, b.title);
    out += " p" + std::to_string(b.page + 1) + " y=";
    std::string y;
    num(y, b.y);
    out += y.substr(1);
    out += '\n';
  }
  for (const auto& w : doc.warnings)
    out += w.to_string() + '\n';
  return out;
}

} // namespace cvpress::detail

// Markdown from the presentation (backends/markdown/markdown_writer.hpp).
#include "backends/markdown/markdown_writer.hpp"

#include "backends/outline.hpp"
#include "present/present.hpp"
#include "text/links.hpp"

#include <algorithm>
#include <cctype>

namespace cvpress::detail::markdown {

namespace {

// A link destination: the allow-listed target with the characters that
// would end or confuse it percent-encoded; "" when the link is refused.
std::string destination(std::string_view url) {
  const std::string target = link_target(url);
  std::string out;
  for (const char c : target) {
    if (c == '(' || c == ')' || c == '<' || c == '>' || c == ' ' || c == '\\' || c == '"' ||
        c == '\'' || c == '`' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[static_cast<unsigned char>(c) >> 4];
      out += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string link(std::string_view url, const std::string& body) {
  const std::string dest = destination(url);
  return dest.empty() ? body : "[" + body + "](" + dest + ")";
}

// `code` as a code span: a backtick fence longer than any run inside.
std::string code_span(std::string_view code) {
  std::size_t longest = 0, run = 0;
  std::string text;
  for (const char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
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
      body = code_span(c->text);
      format = &c->format;
    } else {
      const auto& m = std::get<MathRun>(run);
      body = escape(m.unicode.empty() ? "$" + m.tex + "$" : m.unicode);
      format = &m.format;
    }
    if (body.empty())
      continue;
    if (format->italic)
      body = "*" + body + "*";
    if (format->bold)
      body = "**" + body + "**";
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

std::string run_md(const Run& r) {
  std::string body =
      r.rich ? rich(r.role == RunRole::owner ? without_bold(*r.rich) : *r.rich) : escape(r.text);
  if (body.empty())
    return body;
  switch (r.role) {
  case RunRole::owner:
    body = "**" + body + "**";
    break;
  case RunRole::venue_tag:
  case RunRole::event_tag:
    body = "\\[" + body + "\\]";
    break;
  case RunRole::venue:
  case RunRole::status:
    body = "*" + body + "*";
    break;
  case RunRole::degree:
  case RunRole::label:
  case RunRole::award:
    body = "**" + body + "**";
    break;
  default:
    break;
  }
  if (!r.link.empty())
    body = link(r.link, body);
  return body;
}

std::string row_md(const Row& row) {
  std::string out;
  for (const Run& r : row.runs)
    out += run_md(r);
  return out;
}

std::string highlights(const std::vector<Highlight>& items) {
  std::string out;
  for (const Highlight& h : items) {
    out += "- " + paragraph(rich(h.text)) + "\n";
    for (const RichText& c : h.children)
      out += "  - " + paragraph(rich(c)) + "\n";
  }
  return out + "\n";
}

class Writer {
public:
  Writer(const Cv& cv, const Style& style) : cv_(cv), pr_(cv, style) {}

  std::string document() {
    std::string out = header();
    for (const Section& s : cv_.sections)
      out += section(s);
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
      out.pop_back();
    return out;
  }

private:
  const Cv& cv_;
  Presenter pr_;

  std::string header() {
    const Header& h = cv_.header;
    std::string out;
    if (const std::string name = pr_.header_name(); !name.empty())
      out += "# " + escape(name) + "\n\n";
    if (!h.headline.empty())
      out += paragraph(rich(h.headline)) + "\n\n";
    for (const auto& line : h.affiliation)
      out += paragraph(escape(line)) + "\n\n";
    const std::vector<ContactView> contacts = pr_.contacts();
    for (const ContactView& c : contacts) {
      const std::string shown = escape(c.shown);
      out += "- " +
             (c.email         ? link("mailto:" + percent_encode(c.shown), shown)
              : c.uri.empty() ? shown
                              : link(c.uri, shown)) +
             "\n";
    }
    return contacts.empty() ? out : out + "\n";
  }

  std::string section(const Section& s) {
    const SectionView v = pr_.section(s);
    std::string out = "# " + escape(v.title) + "\n\n";
    bool in_list = false;
    for (const EntryView& ev : v.entries) {
      const EntryOutline o = outline_entry(pr_, ev);
      if (in_list && o.kind != OutlineKind::item && o.kind != OutlineKind::one_line) {
        out += "\n";
        in_list = false;
      }
      switch (o.kind) {
      case OutlineKind::block: {
        std::string heading = o.label.empty() ? "" : escape(o.label) + " ";
        out += "## " + heading + row_md(o.rows.front()) + "\n\n";
        for (const std::string& line : o.aside)
          out += paragraph(escape(line)) + "\n\n";
        for (std::size_t i = 1; i < o.rows.size(); ++i)
          if (std::string row = row_md(o.rows[i]); !row.empty())
            out += paragraph(std::move(row)) + "\n\n";
        if (o.summary)
          out += paragraph(rich(*o.summary)) + "\n\n";
        if (o.highlights)
          out += highlights(*o.highlights);
        break;
      }
      case OutlineKind::one_line:
        out += "- " + paragraph(row_md(o.rows.front())) + "\n";
        in_list = true;
        break;
      case OutlineKind::item:
        // Markdown numbers lists upwards only: a reversed list keeps its
        // numbers as text in a bulleted list ("- 3\. ...").
        if (o.label.empty())
          out += "- " + paragraph(rich(*o.text)) + "\n";
        else if (reversed_list(s))
          out += "- " + paragraph(escape(o.label)) + " " + rich(*o.text) + "\n";
        else
          out += escape(o.label) + " " + paragraph(rich(*o.text)) + "\n";
        in_list = true;
        break;
      case OutlineKind::text:
        out += paragraph(rich(*o.text)) + "\n\n";
        break;
      }
    }
    if (in_list)
      out += "\n";
    if (!v.legend.empty()) {
      std::string legend;
      for (const auto& item : v.legend)
        legend += (legend.empty() ? "" : " ") + escape(item);
      out += paragraph("*" + legend + "*") + "\n\n";
    }
    return out;
  }
};

} // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '~':
      out += '\\';
      out += c;
      break;
    case '&': {
      // "&amp;", "&#38;": escaped only when it could be read as a reference.
      std::size_t j = i + 1;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '#'))
        ++j;
      out += (j > i + 1 && j < text.size() && text[j] == ';') ? "\\&" : "&";
      break;
    }
    default:
      out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    }
  }
  return out;
}

std::string paragraph(std::string text) {
  if (text.empty())
    return text;
  const char c = text.front();
  if (c == '#' || c == '-' || c == '+' || c == '=')
    return "\\" + text;
  std::size_t digits = 0;
  while (digits < text.size() && digits < 10 &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')'))
    text.insert(digits, "\\");
  return text;
}

std::string make_document(const Cv& cv, const Style& style) { return Writer(cv, style).document(); }

} // namespace cvpress::detail::markdown

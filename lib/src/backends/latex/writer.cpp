// The document body: one small \cv... macro call per header line and entry.
#include "backends/latex/writer.hpp"

#include "backends/latex/escape.hpp"
#include "backends/latex/math.hpp"
#include "fonts/icons.hpp"
#include "present/present.hpp"
#include "text/keywords.hpp"
#include "text/locale_format.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace cvpress::detail::latex {

namespace {

enum class Dir { neutral, ltr, arabic, hebrew };

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool is_cjk(char32_t cp) {
  return in(cp, 0x2E80, 0x9FFF) || in(cp, 0xAC00, 0xD7AF) || in(cp, 0xF900, 0xFAFF) ||
         in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFFEF) || in(cp, 0x20000, 0x3FFFF);
}

constexpr ScriptBlock kScriptBlocks[] = {
    {"Armenian", 0x0530, 0x058F},  {"Devanagari", 0x0900, 0x097F}, {"Bengali", 0x0980, 0x09FF},
    {"Gurmukhi", 0x0A00, 0x0A7F},  {"Gujarati", 0x0A80, 0x0AFF},   {"Oriya", 0x0B00, 0x0B7F},
    {"Tamil", 0x0B80, 0x0BFF},     {"Telugu", 0x0C00, 0x0C7F},     {"Kannada", 0x0C80, 0x0CFF},
    {"Malayalam", 0x0D00, 0x0D7F}, {"Sinhala", 0x0D80, 0x0DFF},    {"Thai", 0x0E00, 0x0E7F},
    {"Lao", 0x0E80, 0x0EFF},       {"Tibetan", 0x0F00, 0x0FFF},    {"Myanmar", 0x1000, 0x109F},
    {"Georgian", 0x10A0, 0x10FF},  {"Ethiopic", 0x1200, 0x137F},   {"Khmer", 0x1780, 0x17FF},
};
static_assert(std::size(kScriptBlocks) <= 32);

std::uint32_t script_bit(char32_t cp) {
  if (cp > 0x17FF)
    return 0;
  for (std::size_t i = 0; i < std::size(kScriptBlocks); ++i)
    if (in(cp, kScriptBlocks[i].first, kScriptBlocks[i].last))
      return std::uint32_t{1} << i;
  return 0;
}

// The Arabic comma separates like ',' (bidi class CS): "Python، C++" is one
// left-to-right run. Only Arabic fonts have it.
constexpr char32_t kArabicComma = 0x060C;

Dir direction(char32_t cp) {
  if (cp == kArabicComma)
    return Dir::neutral;
  if (in(cp, 0x0600, 0x06FF) || in(cp, 0x0750, 0x077F) || in(cp, 0x0870, 0x08FF) ||
      in(cp, 0xFB50, 0xFDFF) || in(cp, 0xFE70, 0xFEFF))
    return Dir::arabic;
  if (in(cp, 0x0590, 0x05FF) || in(cp, 0xFB1D, 0xFB4F))
    return Dir::hebrew;
  if (cp < 0x80)
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? Dir::ltr : Dir::neutral;
  if (in(cp, 0x80, 0xBF) || cp == 0xD7 || cp == 0xF7 || in(cp, 0x2000, 0x206F) ||
      in(cp, 0x2190, 0x22FF) || in(cp, 0x3000, 0x3003))
    return Dir::neutral;
  return Dir::ltr;
}

// Geometric shapes, pictographs, dingbats, emoji and the math, musical and
// legacy-computing symbols beyond the BMP: what text fonts lack. Typeset
// with \cvSymbol (Symbola, when installed).
bool is_symbol(char32_t cp) {
  return in(cp, 0x25A0, 0x27BF) || in(cp, 0x2B00, 0x2BFF) || in(cp, 0x1D000, 0x1D7FF) ||
         in(cp, 0x1F000, 0x1FBFF) ||
         (in(cp, 0x2300, 0x23FF) && u_hasBinaryProperty(static_cast<UChar32>(cp),
                                                        UCHAR_EMOJI_PRESENTATION)); // ⌚ ⏰
}

// Parts of emoji sequences: variation selectors, the joiner, tags.
bool is_sequence_mark(char32_t cp) {
  return in(cp, 0xFE00, 0xFE0F) || cp == 0x200D || in(cp, 0xE0020, 0xE007F);
}

struct Char {
  std::size_t begin, end; // byte range
  char32_t cp;
  Dir dir;
  bool symbol;
};

// Escapes left-to-right text, putting runs of symbols into \cvSymbol{...}
// and Arabic commas into the Arabic font.
std::string plain_segment(std::string_view s, const std::vector<Char>& chars, std::size_t from,
                          std::size_t to, Features& features) {
  enum class Kind { text, symbol, arabic };
  auto kind = [&](std::size_t k) {
    return chars[k].symbol ? Kind::symbol : chars[k].cp == kArabicComma ? Kind::arabic : Kind::text;
  };
  std::string out;
  std::size_t i = from;
  while (i < to) {
    std::size_t j = i;
    const Kind k = kind(i);
    while (j < to && kind(j) == k)
      ++j;
    const std::string text =
        escape_text(s.substr(chars[i].begin, chars[j - 1].end - chars[i].begin));
    if (k == Kind::symbol) {
      features.symbols = true;
      out += "\\cvSymbol{" + text + "}";
    } else if (k == Kind::arabic) {
      features.arabic = true;
      out += "{\\cvArabicFont " + text + "}";
    } else {
      out += text;
    }
    i = j;
  }
  return out;
}

std::string number(std::size_t value) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  return std::string(buf, end);
}

// Vertical glue as TeX writes it: "0bp plus 1bp".
std::string glue_text(double natural, double stretch, double shrink) {
  auto pt = [](double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(v * 1000) / 1000);
    (void)ec;
    return std::string(buf, end) + "bp";
  };
  std::string out = pt(natural);
  if (stretch > 0)
    out += " plus " + pt(stretch);
  if (shrink > 0)
    out += " minus " + pt(shrink);
  return out;
}

std::string href(std::string_view url, const std::string& body) {
  const std::string target = safe_link_target(url);
  if (target.empty()) // a scheme outside the allow-list: plain text
    return body;
  return "\\href{" + escape_url(target) + "}{" + body + "}";
}

// A link in the CV's text (not a header connection): its text in
// \cvLinkText, which underlines it where the style asks (links.underline).
std::string text_link(std::string_view url, const std::string& body) {
  return safe_link_target(url).empty() ? body : href(url, "\\cvLinkText{" + body + "}");
}

// A paragraph's last word tied to the word before it ("Resnet~model."), as
// the PDF's line breaker never ends a paragraph on one short word: the
// last space outside math and not ending a control word, when what follows
// it is at most 20 visible characters. `latex` is the writer's output for
// one paragraph (text, \textbf{..}, \href{url}{..}: URLs have no spaces);
// one under 40 bytes fits on a line anyway and is left as it is.
// `context`: the length of the whole paragraph when `latex` is its end.
std::string tie_last_word(std::string latex, std::size_t context = 0) {
  constexpr std::size_t k_max_tail = 20, k_min_length = 40;
  if (std::max(context, latex.size()) < k_min_length || latex.find('$') != std::string::npos ||
      latex.find("\\(") != std::string::npos)
    return latex;
  std::size_t end = latex.size();
  while (end > 0 && latex[end - 1] == ' ')
    --end;
  std::size_t visible = 0;
  for (std::size_t i = end; i-- > 0;) {
    const char c = latex[i];
    if (c != ' ') {
      if (c != '{' && c != '}' && (static_cast<unsigned char>(c) & 0xC0) != 0x80)
        ++visible;
      continue;
    }
    // A space ending a control word ("\quad ") is not a word space.
    std::size_t j = i;
    while (j > 0 && std::isalpha(static_cast<unsigned char>(latex[j - 1])))
      --j;
    const bool control_word = j < i && j > 0 && latex[j - 1] == '\\';
    if (control_word || i == 0)
      return latex;
    if (visible == 0 || visible > k_max_tail)
      return latex;
    latex[i] = '~';
    return latex;
  }
  return latex;
}

// Emits the body of the document.
class BodyWriter {
public:
  BodyWriter(const Cv& cv, std::vector<Diagnostic>& warnings, const Style& style,
             const LayoutDecisions& decisions)
      : cv_(cv), warnings_(warnings), style_(style), decisions_(decisions), pr_(cv, style),
        tag_(pr_.tag()), keywords_(cv.settings.bold_keywords) {}

  /// What the CV shows (shared with the PDF layout).
  [[nodiscard]] const Presenter& presenter() const { return pr_; }

  Features features;

  std::string text(std::string_view s) { return typeset_text(s, features); }

  // A paragraph with its last word tied (left-to-right CVs only).
  std::string tie(std::string s, std::size_t context = 0) const {
    return is_rtl(tag_) ? s : tie_last_word(std::move(s), context);
  }

  std::string rich(const RichText& rt, const std::string& path) {
    std::string out;
    for (const auto& run : rt.runs) {
      std::string body;
      const Format* format = nullptr;
      if (const auto* t = std::get_if<TextRun>(&run)) {
        body = t->format.bold ? text(t->text) : with_keywords(t->text);
        format = &t->format;
      } else if (const auto* c = std::get_if<CodeRun>(&run)) {
        body = "\\texttt{" + text(c->text) + "}";
        format = &c->format;
      } else {
        const auto& m = std::get<MathRun>(run);
        format = &m.format;
        body = math(m, rt.where, path);
      }
      if (format->italic)
        body = "\\textit{" + body + "}";
      if (format->bold)
        body = "\\textbf{" + body + "}";
      if (!format->link.empty())
        body = text_link(format->link, body);
      out += body;
    }
    return out;
  }

  std::string document_body() {
    std::string out = header();
    for (std::size_t k = 0; k < cv_.sections.size(); ++k) {
      section_index_ = static_cast<int>(k);
      out += this->section(cv_.sections[k]);
    }
    return out;
  }

private:
  const Cv& cv_;
  std::vector<Diagnostic>& warnings_;
  const Style& style_;
  const LayoutDecisions& decisions_;
  int section_index_ = -1;
  Presenter pr_;

  // The layout's page break at a heading (entry < 0) or an entry of the
  // current section, if any.
  const PageBreak* break_at(BlockRef::Kind kind, int entry) const {
    for (const PageBreak& b : decisions_.breaks)
      if (b.at.kind == kind && b.at.section == section_index_ && b.at.entry == entry)
        return &b;
    return nullptr;
  }
  const std::string& tag_;        // the CV's language
  const KeywordMatcher keywords_; // settings.bold_keywords, as the PDF layout bolds them

  // Text with every settings.bold_keywords occurrence in \textbf.
  std::string with_keywords(std::string_view s) {
    if (keywords_.empty())
      return text(s);
    std::string out;
    std::size_t from = 0;
    for (auto [at, len] : keywords_.find_all(s)) {
      out += text(s.substr(from, at - from));
      out += "\\textbf{" + text(s.substr(at, len)) + "}";
      from = at + len;
    }
    return out + text(s.substr(from));
  }

  std::string math(const MathRun& m, const SourceLocation& where, const std::string& path) {
    std::string tex = m.tex;
    for (char& c : tex)
      if (c == '\n' || c == '\t' || c == '\r')
        c = ' ';
    if (auto why = check_math(tex); !why) {
      // Blank math would write "$$", TeX's display math switch.
      if (tex.find_first_not_of(' ') == std::string::npos)
        return {};
      features.math = true;
      return "$" + tex + "$";
    } else {
      warnings_.push_back({Severity::warning, where, path,
                           "math '$" + comment_safe(m.tex) + "$' is not passed to LaTeX (" + *why +
                               "); it is shown as text"});
      return text(m.unicode.empty() ? "$" + m.tex + "$" : m.unicode);
    }
  }

  static std::string source_comment(const std::string& path, const SourceLocation& where) {
    std::string out = "% " + comment_safe(path);
    if (where.known())
      out += " (line " + number(static_cast<std::size_t>(where.line)) + ")";
    return out + "\n";
  }

  std::string header() {
    const Header& h = cv_.header;
    if (!h.photo.empty())
      warnings_.push_back({Severity::warning,
                           {cv_.source_file, 0, 0},
                           "cv.photo",
                           "the LaTeX backend does not place photos; it is left out"});
    std::string out;
    if (const std::optional<Row> note = pr_.top_note()) { // RenderCV's "Last updated in ..."
      std::string t;
      for (const Run& r : note->runs) {
        std::string x = run_text(r, "cv");
        t += r.emph ? "\\textit{" + x + "}" : x;
      }
      out += "\\cvTopNote{" + t + "}\n";
    }
    out += "\\begin{cvHeader}\n";
    // "Qiaoling Chen (陈巧玲)", arranged for the CV's language.
    out += "\\cvName{" + text(pr_.header_name()) + "}\n";
    if (!h.headline.empty())
      out += "\\cvHeadline{" + rich(h.headline, "cv.headline") + "}\n";
    for (const auto& line : h.affiliation)
      out += "\\cvAffiliation{" + text(line) + "}\n";
    std::vector<std::string> contacts;
    for (const ContactView& c : pr_.contacts()) {
      std::string shown = text(c.shown);
      // The icon the PDF draws (the same font), inside the link as in RenderCV.
      if (const IconGlyph icon = style_.rendercv.show_icons ? icon_glyph(c.icon) : IconGlyph{};
          icon.face) {
        char code[16];
        std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(icon.cp));
        shown = "\\cvIcon{" + std::string(code) + "}" + shown;
        features.icons = true;
      }
      if (c.email)
        contacts.push_back(href("mailto:" + percent_encode(c.shown), shown));
      else
        contacts.push_back(c.uri.empty() ? shown : href(c.uri, shown));
    }
    if (!contacts.empty()) {
      out += "\\begin{cvContacts}\n";
      for (const auto& c : contacts)
        out += "\\cvContact{" + c + "}\n";
      out += "\\end{cvContacts}\n";
    }
    return out + "\\end{cvHeader}\n";
  }

  std::string highlights(const std::vector<Highlight>& items, const std::string& path) {
    if (items.empty())
      return {};
    // Right-to-left CVs right-align each item (set per paragraph: the list
    // environment resets the paragraph shape given before it).
    const std::string item = is_rtl(tag_) ? "\\item\\cvRightAligned " : "\\item\\cvBesideDates ";
    std::string out = "\\begin{cvHighlights}\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string p = path + ".highlights[" + number(i) + "]";
      out += item + tie(rich(items[i].text, p)) + "\n";
      if (!items[i].children.empty()) {
        out += "\\begin{cvHighlights}\n";
        for (std::size_t j = 0; j < items[i].children.size(); ++j)
          out +=
              item + tie(rich(items[i].children[j], p + ".highlights[" + number(j) + "]")) + "\n";
        out += "\\end{cvHighlights}\n";
      }
    }
    return out + "\\end{cvHighlights}\n";
  }

  std::string details_tail(const EntryDetails& d, const std::string& path) {
    std::string out;
    if (!d.summary.empty())
      out += "\\cvSummary{" + tie(rich(d.summary, path + ".summary")) + "}\n";
    return out + highlights(d.highlights, path);
  }

  // An entry head from RenderCV templates (present/templated_head()): rows
  // with their `**`/`*` emphasis, the degree column, the date column lines.
  std::string templated(const TemplatedHead& t, const EntryDetails& d, const std::string& path) {
    auto rows = [&](const std::vector<Row>& rs) {
      std::string out;
      for (const Row& row : rs)
        out += (out.empty() ? "" : "\\par ") + templated_row(row, path);
      return out;
    };
    std::string main = rows(t.main);
    if (!t.degree.empty())
      main = "\\cvDegreeColumn{" + rows(t.degree) + "}{" + main + "}";
    std::string side;
    for (const AsideLine& a : t.aside) {
      std::string x = text(a.text);
      if (a.italic)
        x = "\\textit{" + x + "}";
      if (a.bold)
        x = "\\textbf{" + x + "}";
      side += (side.empty() ? "" : "\\par ") + x;
    }
    return "\\cvTemplated{" + main + "}{" + side + "}\n" + details_tail(d, path);
  }

  // A run's text as LaTeX: its model text (messages name `path`, the
  // entry's, and the run's field) or its plain text.
  std::string run_text(const Run& r, const std::string& path) {
    return r.rich ? rich(*r.rich, path + "." + r.field) : text(r.text);
  }

  // The run of `role` in `row` as LaTeX; "" when the row has none.
  std::string role_text(const Row& row, RunRole role, const std::string& path) {
    for (const Run& r : row.runs)
      if (r.role == role)
        return run_text(r, path);
    return {};
  }

  std::string authors(const Row& row, const std::string& path) {
    std::string out;
    for (const Run& r : row.runs)
      switch (r.role) {
      case RunRole::owner: {
        // The owner (written bold, or found by name) is set by \cvOwner, so
        // a restyle can change it; the bold of "**Name**" is dropped.
        RichText name = *r.rich;
        for (auto& run : name.runs)
          std::visit([](auto& x) { x.format.bold = false; }, run);
        out += "\\cvOwner{" + rich(name, path + "." + r.field) + "}";
        break;
      }
      case RunRole::author:
        out += "\\cvAuthor{" + run_text(r, path) + "}";
        break;
      case RunRole::co_first:
        out += "\\cvCoFirst{}";
        break;
      case RunRole::corresponding:
        out += "\\cvCorresponding{}";
        break;
      default: // ", " between authors
        out += r.text;
        break;
      }
    return out;
  }

  // A line of a RenderCV publication template: authors as \cvAuthors sets
  // them, links, the rest with the template's `**`/`*` emphasis.
  std::string templated_row(const Row& row, const std::string& path) {
    std::string out;
    Row names{RowRole::authors, {}};
    auto flush = [&] {
      if (!names.runs.empty())
        out += authors(names, path);
      names.runs.clear();
    };
    for (std::size_t i = 0; i < row.runs.size(); ++i) {
      const Run& r = row.runs[i];
      const bool name = r.role == RunRole::author || r.role == RunRole::owner ||
                        r.role == RunRole::co_first || r.role == RunRole::corresponding;
      const bool between =
          r.role == RunRole::separator && !names.runs.empty() && i + 1 < row.runs.size() &&
          (row.runs[i + 1].role == RunRole::author || row.runs[i + 1].role == RunRole::owner);
      if (name || between) {
        names.runs.push_back(r);
        continue;
      }
      flush();
      std::string x = r.role == RunRole::doi || r.role == RunRole::url
                          ? text_link(r.link, text(r.text))
                      : r.role == RunRole::venue_tag ? "\\cvTag{" + text(r.text) + "}"
                                                     : run_text(r, path);
      if (r.emph || r.role == RunRole::status)
        x = "\\textit{" + x + "}";
      if (r.strong)
        x = "\\textbf{" + x + "}";
      out += x;
    }
    flush();
    return out;
  }

  // One row of a publication's main column (the title is in \cvPublication).
  std::string publication_row(const Row& row, const std::string& path) {
    switch (row.role) {
    case RowRole::title:
    case RowRole::subtitle: // publications have none of these
    case RowRole::event:
    case RowRole::one_line:
      return {};
    case RowRole::authors:
      return "\\cvAuthors{" + tie(authors(row, path)) + "}\n";
    case RowRole::venue: {
      // The status ("Preprint") ends the venue line, as in the PDF.
      std::string venue = role_text(row, RunRole::venue, path);
      if (std::string status = role_text(row, RunRole::status, path); !status.empty())
        venue += (venue.empty() ? "" : " ") + text("\u00b7") + " " + status;
      return "\\cvVenue{" + role_text(row, RunRole::venue_tag, path) + "}{" +
             tie(std::move(venue)) + "}\n";
    }
    case RowRole::award:
      return "\\cvAward{" + role_text(row, RunRole::award, path) + "}\n";
    case RowRole::status_note:
      return "\\cvStatusNote{" + role_text(row, RunRole::status, path) + "}{" +
             role_text(row, RunRole::note, path) + "}\n";
    case RowRole::templated:
      return "\\cvLine{" + tie(templated_row(row, path)) + "}\n";
    case RowRole::link:
      for (const Run& r : row.runs)
        if (r.role == RunRole::doi)
          return "\\cvDoi{" + escape_url(r.link) + "}{" + text(r.text) + "}\n";
        else if (r.role == RunRole::url)
          return "\\cvUrl{" + escape_url(safe_link_target(r.link)) + "}{" + text(r.text) + "}\n";
      return {};
    }
    return {};
  }

  // A date column's dates (present/), then its time span. They break only
  // at the range separator: spaces inside a date become no-break spaces
  // ("Sept~2013 – June~2017"); CLDR's thin spaces become ordinary ones.
  std::string dates(const DateColumn& column) {
    const std::string& formatted = column.dates;
    const std::string sep = " " + cv_.locale.to.value_or("\u2013") + " ";
    std::string out;
    std::size_t start = 0;
    for (;;) {
      std::size_t end = formatted.find(sep, start);
      if (end == std::string::npos)
        end = formatted.size();
      std::size_t pos = start;
      while (pos < end) {
        const char32_t cp = next_code_point(std::string_view(formatted).substr(0, end), pos);
        append_utf8(out, cp == ' ' ? 0x00A0 : cp == 0x2009 ? ' ' : cp);
      }
      if (end == formatted.size())
        break;
      out += sep;
      start = end + sep.size();
    }
    std::string result = text(out);
    if (!column.time_span.empty())
      result += "\\cvTimeSpan{" + text(column.time_span) + "}";
    return result;
  }

  std::string entry(const EntryView& view, const std::string& path) {
    struct Visitor {
      BodyWriter& w;
      const std::string& path;
      const EntryView& view;

      // The argument order follows what is printed: main column top to
      // bottom, then the date column (dates, location), as the PDF layout.
      std::string operator()(const EducationEntry& x) {
        if (auto t = w.pr_.templated_head(view))
          return w.templated(*t, x.details, path);
        const std::vector<Row> head = w.pr_.head_rows(x);
        return "\\cvEducation{" + w.role_text(head[0], RunRole::title, path) + "}{" +
               w.role_text(head[1], RunRole::degree, path) + "}{" +
               w.role_text(head[1], RunRole::area, path) + "}{" + w.dates(view.aside.at(0)) + "}{" +
               w.rich(x.details.location, path + ".location") + "}\n" +
               w.details_tail(x.details, path);
      }
      std::string operator()(const ExperienceEntry& x) {
        if (auto t = w.pr_.templated_head(view))
          return w.templated(*t, x.details, path);
        const std::vector<Row> head = w.pr_.head_rows(x);
        return "\\cvExperience{" + w.role_text(head[0], RunRole::title, path) + "}{" +
               w.role_text(head[1], RunRole::subtitle, path) + "}{" + w.dates(view.aside.at(0)) +
               "}{" + w.rich(x.details.location, path + ".location") + "}\n" +
               w.details_tail(x.details, path);
      }
      std::string operator()(const NormalEntry& x) {
        if (auto t = w.pr_.templated_head(view))
          return w.templated(*t, x.details, path);
        const std::vector<Row> head = w.pr_.head_rows(x);
        return "\\cvNormal{" + w.tie(w.role_text(head[0], RunRole::title, path)) + "}{" +
               w.dates(view.aside.at(0)) + "}{" + w.rich(x.details.location, path + ".location") +
               "}\n" + w.details_tail(x.details, path);
      }
      std::string operator()(const PublicationEntry& x) {
        std::string out = "\\cvPublication{" + w.text(view.label) + "}{" +
                          w.tie(w.rich(x.title, path + ".title")) + "}{" +
                          w.dates(view.aside.at(0)) + "}\n";
        for (const Row& row : w.pr_.publication_rows(x))
          out += w.publication_row(row, path);
        if (!x.summary.empty())
          out += "\\cvSummary{" + w.tie(w.rich(x.summary, path + ".summary")) + "}\n";
        return out;
      }
      std::string operator()(const TalkEntry& x) {
        const std::vector<Row> rows = w.pr_.talk_rows(x);
        std::string title = w.tie(w.role_text(rows[0], RunRole::title, path));
        if (const std::string& link = rows[0].runs.at(0).link; !link.empty())
          title = text_link(link, title);
        std::string out = "\\cvTalk{" + title + "}\n";
        if (!x.events.empty()) {
          out += "\\begin{cvEvents}\n";
          for (std::size_t i = 0; i < x.events.size(); ++i) {
            const TalkEvent& ev = x.events[i];
            const Row& row = rows[i + 1];
            const std::string when =
                join_when(w.dates(view.aside.at(i)), ev.time.empty() ? "" : w.text(ev.time));
            out += "\\cvEvent{" + w.role_text(row, RunRole::event, path) + "}{" +
                   w.role_text(row, RunRole::location, path) + "}{" +
                   w.role_text(row, RunRole::host, path) + "}{" + when + "}\n";
          }
          out += "\\end{cvEvents}\n";
        }
        if (!x.summary.empty())
          out += "\\cvSummary{" + w.tie(w.rich(x.summary, path + ".summary")) + "}\n";
        return out;
      }
      std::string operator()(const ServiceEntry& x) {
        const Row row = w.pr_.service_row(x);
        // The row ends with the role, else with the event: tie its last word.
        std::string event = w.role_text(row, RunRole::event, path);
        std::string role = w.role_text(row, RunRole::service_role, path);
        role = w.tie(std::move(role), event.size() + role.size());
        if (role.empty())
          event = w.tie(std::move(event));
        return "\\cvService{" + w.role_text(row, RunRole::event_tag, path) + "}{" + event + "}{" +
               role + "}{" + w.dates(view.aside.at(0)) + "}{" +
               w.rich(x.location, path + ".location") + "}\n";
      }
      std::string operator()(const PatentEntry& x) {
        const std::vector<Row> rows = w.pr_.patent_rows(x);
        std::string number_text = w.role_text(rows[1], RunRole::number, path);
        if (const std::string& link = rows[1].runs.at(0).link; !link.empty())
          number_text = text_link(link, number_text);
        std::string out = "\\cvPatent{" + w.role_text(rows[0], RunRole::title, path) + "}{" +
                          number_text + "}{" + w.role_text(rows[1], RunRole::status, path) + "}{" +
                          w.dates(view.aside.at(0)) + "}\n";
        if (rows.size() > 2)
          out += "\\cvAuthors{" + w.tie(w.authors(rows[2], path)) + "}\n";
        return out;
      }
      std::string operator()(const OneLineEntry& x) {
        const Row row = w.pr_.one_line_row(x);
        if (row.role == RowRole::templated) // a RenderCV one_line_entry template
          return "\\cvOneLineRow{" + w.tie(w.templated_row(row, path)) + "}\n";
        return "\\cvOneLine{" + w.role_text(row, RunRole::label, path) + "}{" +
               w.role_text(row, RunRole::details, path) + "}\n";
      }
      std::string operator()(const BulletEntry& x) {
        return "\\cvBullet{" + w.tie(w.rich(x.bullet, path + ".bullet")) + "}\n";
      }
      std::string operator()(const NumberedEntry& x) {
        return "\\cvNumbered{" + view.label + "}{" + w.tie(w.rich(x.number, path + ".number")) +
               "}\n";
      }
      std::string operator()(const ReversedNumberedEntry& x) {
        return "\\cvNumbered{" + view.label + "}{" +
               w.tie(w.rich(x.reversed_number, path + ".reversed_number")) + "}\n";
      }
      std::string operator()(const TextEntry& x) {
        return "\\cvText{" + w.tie(w.rich(x.text, path)) + "}\n";
      }
    };
    return std::visit(Visitor{*this, path, view}, *view.entry);
  }

  static const SourceLocation& where_of(const Entry& e) {
    return std::visit([](const auto& x) -> const SourceLocation& { return x.where; }, e);
  }

  std::string section(const Section& s) {
    const std::string base = "cv.sections." + s.key;
    std::string out = "\n" + source_comment(base, s.where);
    const SectionView v = pr_.section(s);
    if (break_at(BlockRef::Kind::heading, -1))
      out += "\\cvPageBreak\n";
    out += "\\cvSection{" + text(v.title) + "}{" + escape_text(v.title) + "}\n";
    if (s.entries.empty())
      return out;
    // Sections whose entries form one list.
    std::string open, close;
    // Like the PDF layout: without any date or location the entries use the
    // full width.
    if (!v.has_aside) {
      open = "\\begingroup\\cvFullWidth\n";
      close = "\\endgroup\n";
    } else if (const auto k = static_cast<std::size_t>(section_index_);
               k < decisions_.date_widths.size() && decisions_.date_widths[k] > 0) {
      // The layout's date column: as wide as the section's widest date or
      // location (1bp more, for TeX's own kerning).
      open = "\\begingroup\\cvDateColumn{" + glue_text(decisions_.date_widths[k] + 1, 0, 0) + "}\n";
      close = "\\endgroup\n";
    }
    // RenderCV's degree column: the layout's width for this section.
    if (const auto k = static_cast<std::size_t>(section_index_);
        k < decisions_.degree_widths.size() &&
        decisions_.degree_widths[k] > style_.rendercv.degree_width) {
      open += "\\begingroup\\setlength{\\cvDegreeWidth}{" +
              glue_text(decisions_.degree_widths[k] + 1, 0, 0) + "}\n";
      close += "\\endgroup\n";
    }
    // One-row entries (awards, services): the layout's item spacing.
    const auto& lists = decisions_.list_sections;
    if (std::find(lists.begin(), lists.end(), section_index_) != lists.end()) {
      open += "\\begingroup\\renewcommand{\\cvEntrySpace}{" +
              glue_text(style_.item_spacing, style_.item_stretch, style_.item_shrink) + "}\n";
      close += "\\endgroup\n";
    }
    const Entry& first = s.entries.front();
    const std::size_t n = s.entries.size();
    if (std::holds_alternative<PublicationEntry>(first)) {
      std::string widest;
      for (const auto& e : s.entries)
        if (const auto* p = std::get_if<PublicationEntry>(&e); p && p->label.size() > widest.size())
          widest = p->label;
      open += "\\begin{cvPublications}{" + text(widest.empty() ? "" : "[" + widest + "]") + "}\n";
      close = "\\end{cvPublications}\n" + close;
    } else if (std::holds_alternative<NumberedEntry>(first) ||
               std::holds_alternative<ReversedNumberedEntry>(first)) {
      open += "\\begin{cvNumberedList}{" + number(std::max<std::size_t>(n, 1)) + ".}\n";
      close = "\\end{cvNumberedList}\n" + close;
    } else if (std::holds_alternative<BulletEntry>(first)) {
      open += "\\begin{cvBullets}\n";
      close = "\\end{cvBullets}\n" + close;
    }
    out += open;
    for (const EntryView& ev : v.entries) {
      const std::string path = base + "[" + number(ev.index) + "]";
      out += source_comment(path, where_of(*ev.entry));
      const PageBreak* b = break_at(BlockRef::Kind::entry, static_cast<int>(ev.index));
      if (b && !b->inside)
        out += "\\cvPageBreak\n";
      if (b && b->inside) // the layout splits it between lines: so may TeX
        out += "\\begingroup\\cvSplittable\n" + entry(ev, path) + "\\endgroup\n";
      else
        out += entry(ev, path);
    }
    return out + close + marks_legend(v);
  }

  // "* co-first author  † corresponding author" (only the marks used), as
  // the PDF layout writes it under a publications section.
  std::string marks_legend(const SectionView& v) {
    if (v.legend.empty())
      return {};
    std::string legend;
    for (const auto& item : v.legend)
      legend += (legend.empty() ? "" : "\\quad ") + text(item);
    return "\\cvMarksLegend{" + legend + "}\n";
  }
};

} // namespace

namespace {

bool is_strong_rtl(Dir d) { return d == Dir::arabic || d == Dir::hebrew; }

// Characters a script run keeps in its own font: its letters, spaces and
// joiners. Digits and punctuation go to \cvNeutral (Noto Sans Hebrew has no
// digits, Noto Sans Arabic no dashes or brackets).
bool in_script_font(const Char& c, Dir script) {
  return c.dir == script || c.cp == ' ' || c.cp == 0xA0 || c.cp == 0x200C || c.cp == 0x200D ||
         (script == Dir::arabic && c.cp == kArabicComma);
}

// Escaped neutrals (digits, punctuation): each word in \cvNeutral{...},
// the spaces between them bare.
std::string neutral_segment(std::string_view s, const std::vector<Char>& chars, std::size_t from,
                            std::size_t to, Features& features) {
  auto space = [&](std::size_t k) { return chars[k].cp == ' '; };
  std::string out;
  std::size_t i = from;
  while (i < to) {
    const bool blank = space(i);
    std::size_t j = i;
    while (j < to && space(j) == blank)
      ++j;
    const std::string text = plain_segment(s, chars, i, j, features);
    out += blank ? text : "\\cvNeutral{" + text + "}";
    i = j;
  }
  return out;
}

// \cvArabic{...} or \cvHebrew{...} around chars [from, to).
std::string script_run(std::string_view s, const std::vector<Char>& chars, std::size_t from,
                       std::size_t to, Features& features) {
  const Dir script = chars[from].dir;
  (script == Dir::arabic ? features.arabic : features.hebrew) = true;
  std::string out = script == Dir::arabic ? "\\cvArabic{" : "\\cvHebrew{";
  std::size_t i = from;
  while (i < to) {
    std::size_t j = i;
    const bool script_font = in_script_font(chars[i], script);
    while (j < to && in_script_font(chars[j], script) == script_font)
      ++j;
    if (script_font)
      out += escape_text(s.substr(chars[i].begin, chars[j - 1].end - chars[i].begin));
    else
      out += neutral_segment(s, chars, i, j, features);
    i = j;
  }
  return out + "}";
}

// The last char of the script run starting at `i`: same-script letters and
// the neutrals between them.
std::size_t script_run_end(const std::vector<Char>& chars, std::size_t i) {
  std::size_t last = i;
  for (std::size_t j = i + 1; j < chars.size(); ++j) {
    if (chars[j].dir == chars[i].dir)
      last = j;
    else if (chars[j].dir != Dir::neutral)
      break;
  }
  return last;
}

// A right-to-left document: left-to-right runs (from a Latin letter to the
// last Latin letter or digit before the next right-to-left letter) in
// \cvLTR, script runs, and the neutrals between them in \cvNeutral, whose
// direction follows the paragraph.
std::string rtl_document_text(std::string_view s, const std::vector<Char>& chars,
                              Features& features) {
  std::string out;
  for (const Char& c : chars)
    if (c.dir != Dir::neutral) {
      out = c.dir == Dir::ltr ? "\\cvDirL{}" : "\\cvDirR{}";
      break;
    }
  if (out.empty()) // digits and punctuation only: left-to-right words
    return plain_segment(s, chars, 0, chars.size(), features);
  const bool any_rtl =
      std::any_of(chars.begin(), chars.end(), [](const Char& c) { return is_strong_rtl(c.dir); });
  if (!any_rtl)
    return out + "\\cvLTR{" + plain_segment(s, chars, 0, chars.size(), features) + "}";
  std::size_t i = 0;
  while (i < chars.size()) {
    const Dir d = chars[i].dir;
    std::size_t j = i;
    if (d == Dir::ltr) {
      std::size_t last = i;
      for (j = i + 1; j < chars.size() && !is_strong_rtl(chars[j].dir); ++j) {
        if (chars[j].dir == Dir::ltr || (chars[j].cp >= '0' && chars[j].cp <= '9'))
          last = j;
      }
      out += "\\cvLTR{" + plain_segment(s, chars, i, last + 1, features) + "}";
      j = last + 1;
    } else if (is_strong_rtl(d)) {
      j = script_run_end(chars, i) + 1;
      out += script_run(s, chars, i, j, features);
    } else {
      while (j < chars.size() && chars[j].dir == Dir::neutral)
        ++j;
      out += neutral_segment(s, chars, i, j, features);
    }
    i = j;
  }
  return out;
}

} // namespace

std::span<const ScriptBlock> script_blocks() { return kScriptBlocks; }

std::string typeset_text(std::string_view s, Features& features) {
  std::vector<Char> chars;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(s, pos);
    if (is_cjk(cp))
      features.cjk = true;
    else if (cp >= 0x0530)
      features.scripts |= script_bit(cp);
    // Emoji variation selectors and joiners stay with the symbol before them.
    const bool joins = is_sequence_mark(cp) && !chars.empty() && chars.back().symbol;
    chars.push_back({begin, pos, cp, direction(cp), is_symbol(cp) || joins});
  }
  if (features.rtl_document)
    return rtl_document_text(s, chars, features);
  std::string out;
  std::size_t i = 0;
  while (i < chars.size()) {
    if (!is_strong_rtl(chars[i].dir)) {
      std::size_t j = i;
      while (j < chars.size() && !is_strong_rtl(chars[j].dir))
        ++j;
      out += plain_segment(s, chars, i, j, features);
      i = j;
      continue;
    }
    const std::size_t end = script_run_end(chars, i) + 1;
    out += script_run(s, chars, i, end, features);
    i = end;
  }
  return out;
}

std::string make_document(const Cv& cv, const Style& style, std::vector<Diagnostic>& warnings,
                          const LayoutDecisions& decisions) {
  BodyWriter body(cv, warnings, style, decisions);
  const Presenter& pr = body.presenter();
  body.features.rtl_document = is_rtl(pr.tag());
  const std::string text = body.document_body();
  DocumentMeta meta;
  meta.author = pr.document_author();
  meta.name = pr.owner_name();
  meta.title = pr.document_title();
  meta.english = pr.english();
  meta.tag = pr.tag();
  meta.rtl = is_rtl(pr.tag());
  std::string out = make_preamble(style, body.features, meta);
  out += "\n\\begin{document}\n";
  out += text;
  out += "\\end{document}\n";
  return out;
}

} // namespace cvpress::detail::latex

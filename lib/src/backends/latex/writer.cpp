// The document body: one small \cv... macro call per header line and entry.
#include "backends/latex/writer.hpp"

#include "backends/latex/escape.hpp"
#include "backends/latex/math.hpp"
#include "text/locale_format.hpp"
#include "text/name_match.hpp"

#include <algorithm>
#include <charconv>

namespace cvpress::detail::latex {

namespace {

enum class Dir { neutral, ltr, arabic, hebrew };

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

bool is_cjk(char32_t cp) {
  return in(cp, 0x2E80, 0x9FFF) || in(cp, 0xAC00, 0xD7AF) || in(cp, 0xF900, 0xFAFF) ||
         in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFFEF) || in(cp, 0x20000, 0x3FFFF);
}

Dir direction(char32_t cp) {
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

// Geometric shapes, pictographs and dingbats that text fonts lack: typeset
// with \cvSymbol.
bool is_symbol(char32_t cp) {
  return in(cp, 0x25A0, 0x27BF) || in(cp, 0x2B00, 0x2BFF) || in(cp, 0x1F000, 0x1FAFF);
}

struct Char {
  std::size_t begin, end; // byte range
  Dir dir;
  bool symbol;
};

// Escapes left-to-right text, putting runs of symbols into \cvSymbol{...}.
std::string plain_segment(std::string_view s, const std::vector<Char>& chars, std::size_t from,
                          std::size_t to, Features& features) {
  std::string out;
  std::size_t i = from;
  while (i < to) {
    std::size_t j = i;
    const bool symbol = chars[i].symbol;
    while (j < to && chars[j].symbol == symbol)
      ++j;
    const std::string text =
        escape_text(s.substr(chars[i].begin, chars[j - 1].end - chars[i].begin));
    if (symbol) {
      features.symbols = true;
      out += "\\cvSymbol{" + text + "}";
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

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty())
      continue;
    if (!out.empty())
      out += sep;
    out += p;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Profile URL of a RenderCV social network, or "" when unknown.
std::string social_url(const SocialNetwork& sn) {
  const std::string net = lower(sn.network);
  const std::string u = percent_encode(sn.username);
  if (net == "github")
    return "https://github.com/" + u;
  if (net == "gitlab")
    return "https://gitlab.com/" + u;
  if (net == "linkedin")
    return "https://linkedin.com/in/" + u;
  if (net == "google scholar")
    return "https://scholar.google.com/citations?user=" + u;
  if (net == "orcid")
    return "https://orcid.org/" + u;
  if (net == "x" || net == "twitter")
    return "https://x.com/" + u;
  if (net == "researchgate")
    return "https://www.researchgate.net/profile/" + u;
  if (net == "youtube")
    return "https://youtube.com/@" + u;
  if (net == "stackoverflow")
    return "https://stackoverflow.com/users/" + u;
  if (net == "imdb")
    return "https://imdb.com/name/" + u;
  if (net == "instagram")
    return "https://instagram.com/" + u;
  if (net == "telegram")
    return "https://t.me/" + u;
  if (net == "leetcode")
    return "https://leetcode.com/u/" + u;
  if (net == "bluesky")
    return "https://bsky.app/profile/" + u;
  if (net == "mastodon") {
    // @user@host -> https://host/@user
    std::string name = sn.username;
    if (!name.empty() && name.front() == '@')
      name.erase(0, 1);
    const auto at = name.find('@');
    if (at != std::string::npos)
      return "https://" + percent_encode(name.substr(at + 1)) + "/@" +
             percent_encode(name.substr(0, at));
  }
  return {};
}

// Digits and '+' of a phone number, for tel: links.
std::string tel_target(std::string_view phone) {
  std::string out = "tel:";
  for (const char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4))
      out += c;
  return out;
}

// A web address without its scheme and trailing slash, for display.
std::string display_url(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"})
    if (url.starts_with(scheme))
      url.remove_prefix(scheme.size());
  if (url.ends_with('/'))
    url.remove_suffix(1);
  return std::string(url);
}

// https://doi.org/ link of a DOI; characters special in URLs (# % ? ...) are encoded.
std::string doi_url(std::string_view doi) {
  std::string out = "https://doi.org/";
  for (const char c : doi) {
    if (c == '/' || c == ':' || c == ';' || c == '(' || c == ')')
      out += c;
    else
      out += percent_encode(std::string_view(&c, 1));
  }
  return out;
}

std::string href(std::string_view url, const std::string& body) {
  return "\\href{" + escape_url(safe_link_target(url)) + "}{" + body + "}";
}

// Emits the body of the document.
class BodyWriter {
public:
  BodyWriter(const Cv& cv, std::vector<Diagnostic>& warnings)
      : cv_(cv), warnings_(warnings), locale_(cv.locale), owner_(cv.header.name) {}

  Features features;

  std::string text(std::string_view s) { return typeset_text(s, features); }

  std::string rich(const RichText& rt, const std::string& path) {
    std::string out;
    for (const auto& run : rt.runs) {
      std::string body;
      const Format* format = nullptr;
      if (const auto* t = std::get_if<TextRun>(&run)) {
        body = text(t->text);
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
        body = href(format->link, body);
      out += body;
    }
    return out;
  }

  std::string document_body() {
    std::string out = header();
    for (const auto& section : cv_.sections)
      out += this->section(section);
    return out;
  }

private:
  const Cv& cv_;
  std::vector<Diagnostic>& warnings_;
  DateLocale locale_; // dates in the CV's language
  NameMatcher owner_; // finds the owner in author lists

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
    std::string out = "\\begin{cvHeader}\n";
    // "Qiaoling Chen (陈巧玲)": the native or romanised form in parentheses.
    std::string second = !h.name.native.empty() ? h.name.native : h.name.romanized;
    if (second == h.name.full)
      second.clear();
    out += "\\cvName{" + text(h.name.full) + "}{" + text(second) + "}\n";
    if (!h.headline.empty())
      out += "\\cvHeadline{" + rich(h.headline, "cv.headline") + "}\n";
    for (const auto& line : h.affiliation)
      out += "\\cvAffiliation{" + text(line) + "}\n";
    std::vector<std::string> contacts;
    if (!h.location.empty())
      contacts.push_back(text(h.location));
    for (const auto& e : h.emails)
      contacts.push_back(href("mailto:" + percent_encode(e), text(e)));
    for (const auto& p : h.phones)
      contacts.push_back(href(tel_target(p), text(p)));
    for (const auto& w : h.websites)
      contacts.push_back(href(w, text(display_url(w))));
    for (const auto& sn : h.social_networks) {
      const std::string url = social_url(sn);
      const std::string shown = text(sn.username);
      contacts.push_back(url.empty() ? shown : href(url, shown));
    }
    for (const auto& cc : h.custom_connections) {
      const std::string shown = text(cc.placeholder);
      contacts.push_back(cc.url.empty() ? shown : href(cc.url, shown));
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
    std::string out = "\\begin{cvHighlights}\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string p = path + ".highlights[" + number(i) + "]";
      out += "\\item " + rich(items[i].text, p) + "\n";
      if (!items[i].children.empty()) {
        out += "\\begin{cvHighlights}\n";
        for (std::size_t j = 0; j < items[i].children.size(); ++j)
          out +=
              "\\item " + rich(items[i].children[j], p + ".highlights[" + number(j) + "]") + "\n";
        out += "\\end{cvHighlights}\n";
      }
    }
    return out + "\\end{cvHighlights}\n";
  }

  std::string details_tail(const EntryDetails& d, const std::string& path) {
    std::string out;
    if (!d.summary.empty())
      out += "\\cvSummary{" + rich(d.summary, path + ".summary") + "}\n";
    return out + highlights(d.highlights, path);
  }

  std::string authors(const std::vector<Author>& list, const std::string& path) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Author& a = list[i];
      // The owner (written bold, or found by name) is set by \cvOwner, so a
      // restyle can change it; the bold of "**Name**" is dropped.
      const bool owner = a.highlighted || owner_.matches(a.name.plain());
      RichText name = a.name;
      if (owner)
        for (auto& run : name.runs)
          std::visit([](auto& r) { r.format.bold = false; }, run);
      std::string s = rich(name, path + "[" + number(i) + "]");
      s = owner ? "\\cvOwner{" + s + "}" : "\\cvAuthor{" + s + "}";
      if (a.co_first)
        s += "\\cvCoFirst{}";
      if (a.corresponding)
        s += "\\cvCorresponding{}";
      parts.push_back(s);
    }
    return join(parts, ", ");
  }

  // Dates in the CV's locale (text/locale_format). They break only at the
  // range separator: spaces inside a date become no-break spaces, the thin
  // spaces around the dash ordinary ones ("Aug~2020 – present").
  std::string dates(const Dates& d) {
    const std::string formatted = format_dates(d, locale_);
    std::string out;
    std::size_t pos = 0;
    while (pos < formatted.size()) {
      const char32_t cp = next_code_point(formatted, pos);
      append_utf8(out, cp == ' ' ? 0x00A0 : cp == 0x2009 ? ' ' : cp);
    }
    return text(out);
  }

  std::string entry(const Entry& e, const std::string& path, std::size_t number_label) {
    struct Visitor {
      BodyWriter& w;
      const std::string& path;
      std::size_t label;

      std::string operator()(const EducationEntry& x) {
        return "\\cvEducation{" + w.rich(x.institution, path + ".institution") + "}{" +
               w.rich(x.area, path + ".area") + "}{" + w.rich(x.degree, path + ".degree") + "}{" +
               w.rich(x.details.location, path + ".location") + "}{" + w.dates(x.details.dates) +
               "}\n" + w.details_tail(x.details, path);
      }
      std::string operator()(const ExperienceEntry& x) {
        return "\\cvExperience{" + w.rich(x.company, path + ".company") + "}{" +
               w.rich(x.position, path + ".position") + "}{" +
               w.rich(x.details.location, path + ".location") + "}{" + w.dates(x.details.dates) +
               "}\n" + w.details_tail(x.details, path);
      }
      std::string operator()(const NormalEntry& x) {
        return "\\cvNormal{" + w.rich(x.name, path + ".name") + "}{" +
               w.rich(x.details.location, path + ".location") + "}{" + w.dates(x.details.dates) +
               "}\n" + w.details_tail(x.details, path);
      }
      std::string operator()(const PublicationEntry& x) {
        std::string out = "\\cvPublication{" + w.text(x.label) + "}{" +
                          w.rich(x.title, path + ".title") + "}{" + w.dates(x.dates) + "}\n";
        if (!x.authors.empty())
          out += "\\cvAuthors{" + w.authors(x.authors, path + ".authors") + "}\n";
        if (!x.venue_short.empty() || !x.journal.empty() || !x.status.empty())
          out += "\\cvVenue{" + w.text(x.venue_short) + "}{" +
                 w.rich(x.journal, path + ".journal") + "}{" + w.rich(x.status, path + ".status") +
                 "}\n";
        for (std::size_t i = 0; i < x.awards.size(); ++i)
          out += "\\cvAward{" + w.rich(x.awards[i], path + ".awards[" + number(i) + "]") + "}\n";
        if (!x.note.empty())
          out += "\\cvNote{" + w.rich(x.note, path + ".note") + "}\n";
        if (!x.summary.empty())
          out += "\\cvSummary{" + w.rich(x.summary, path + ".summary") + "}\n";
        if (!x.doi.empty())
          out += "\\cvDoi{" + escape_url(doi_url(x.doi)) + "}{" + w.text(x.doi) + "}\n";
        else if (!x.url.empty())
          out += "\\cvUrl{" + escape_url(safe_link_target(x.url)) + "}{" +
                 w.text(display_url(x.url)) + "}\n";
        return out;
      }
      std::string operator()(const TalkEntry& x) {
        std::string out = "\\cvTalk{" + w.rich(x.title, path + ".title") + "}\n";
        if (!x.summary.empty())
          out += "\\cvSummary{" + w.rich(x.summary, path + ".summary") + "}\n";
        if (!x.url.empty())
          out += "\\cvUrl{" + escape_url(safe_link_target(x.url)) + "}{" +
                 w.text(display_url(x.url)) + "}\n";
        if (!x.events.empty()) {
          out += "\\begin{cvEvents}\n";
          for (std::size_t i = 0; i < x.events.size(); ++i) {
            const TalkEvent& ev = x.events[i];
            const std::string p = path + ".events[" + number(i) + "]";
            std::vector<std::string> extra{w.text(ev.time)};
            if (!ev.host.empty())
              extra.push_back(w.text("host: ") + w.rich(ev.host, p + ".host"));
            out += "\\cvEvent{" + w.rich(ev.name, p + ".name") + "}{" +
                   w.rich(ev.location, p + ".location") + "}{" + w.dates(ev.dates) + "}{" +
                   join(extra, ", ") + "}\n";
          }
          out += "\\end{cvEvents}\n";
        }
        return out;
      }
      std::string operator()(const ServiceEntry& x) {
        return "\\cvService{" + w.rich(x.role, path + ".role") + "}{" +
               w.rich(x.event, path + ".event") + "}{" + w.text(x.event_short) + "}{" +
               w.rich(x.location, path + ".location") + "}{" + w.dates(x.dates) + "}\n";
      }
      std::string operator()(const PatentEntry& x) {
        std::string out =
            "\\cvPatent{" + w.rich(x.title, path + ".title") + "}{" + w.dates(x.dates) + "}\n";
        if (!x.inventors.empty())
          out += "\\cvAuthors{" + w.authors(x.inventors, path + ".inventors") + "}\n";
        out += "\\cvPatentNumber{" + w.text(x.patent_number) + "}{" +
               w.rich(x.status, path + ".status") + "}\n";
        if (!x.url.empty())
          out += "\\cvUrl{" + escape_url(safe_link_target(x.url)) + "}{" +
                 w.text(display_url(x.url)) + "}\n";
        return out;
      }
      std::string operator()(const OneLineEntry& x) {
        return "\\cvOneLine{" + w.rich(x.label, path + ".label") + "}{" +
               w.rich(x.details, path + ".details") + "}\n";
      }
      std::string operator()(const BulletEntry& x) {
        return "\\cvBullet{" + w.rich(x.bullet, path + ".bullet") + "}\n";
      }
      std::string operator()(const NumberedEntry& x) {
        return "\\cvNumbered{" + number(label) + ".}{" + w.rich(x.number, path + ".number") + "}\n";
      }
      std::string operator()(const ReversedNumberedEntry& x) {
        return "\\cvNumbered{" + number(label) + ".}{" +
               w.rich(x.reversed_number, path + ".reversed_number") + "}\n";
      }
      std::string operator()(const TextEntry& x) {
        return "\\cvText{" + w.rich(x.text, path) + "}\n";
      }
    };
    return std::visit(Visitor{*this, path, number_label}, e);
  }

  static const SourceLocation& where_of(const Entry& e) {
    return std::visit([](const auto& x) -> const SourceLocation& { return x.where; }, e);
  }

  std::string section(const Section& s) {
    const std::string base = "cv.sections." + s.key;
    std::string out = "\n" + source_comment(base, s.where);
    out += "\\cvSection{" + text(s.title) + "}{" + escape_text(s.title) + "}\n";
    if (s.entries.empty())
      return out;
    // Sections whose entries form one list.
    std::string open, close;
    const Entry& first = s.entries.front();
    const std::size_t n = s.entries.size();
    if (std::holds_alternative<PublicationEntry>(first)) {
      std::string widest;
      for (const auto& e : s.entries)
        if (const auto* p = std::get_if<PublicationEntry>(&e); p && p->label.size() > widest.size())
          widest = p->label;
      open = "\\begin{cvLabeled}{" + text(widest) + "}\n";
      close = "\\end{cvLabeled}\n";
    } else if (std::holds_alternative<NumberedEntry>(first) ||
               std::holds_alternative<ReversedNumberedEntry>(first)) {
      open = "\\begin{cvLabeled}{" + number(std::max<std::size_t>(n, 1)) + ".}\n";
      close = "\\end{cvLabeled}\n";
    } else if (std::holds_alternative<BulletEntry>(first)) {
      open = "\\begin{cvBullets}\n";
      close = "\\end{cvBullets}\n";
    }
    out += open;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string path = base + "[" + number(i) + "]";
      const bool reversed = std::holds_alternative<ReversedNumberedEntry>(s.entries[i]);
      out += source_comment(path, where_of(s.entries[i]));
      out += entry(s.entries[i], path, reversed ? n - i : i + 1);
    }
    return out + close;
  }
};

} // namespace

std::string typeset_text(std::string_view s, Features& features) {
  std::vector<Char> chars;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(s, pos);
    if (is_cjk(cp))
      features.cjk = true;
    // Emoji variation selectors and joiners stay with the symbol before them.
    const bool joins = (cp == 0xFE0F || cp == 0x200D) && !chars.empty() && chars.back().symbol;
    chars.push_back({begin, pos, direction(cp), is_symbol(cp) || joins});
  }
  std::string out;
  std::size_t i = 0;
  while (i < chars.size()) {
    const Dir d = chars[i].dir;
    if (d != Dir::arabic && d != Dir::hebrew) {
      std::size_t j = i;
      while (j < chars.size() && chars[j].dir != Dir::arabic && chars[j].dir != Dir::hebrew)
        ++j;
      out += plain_segment(s, chars, i, j, features);
      i = j;
      continue;
    }
    // An RTL run: same-script letters and the neutrals between them.
    std::size_t last = i;
    for (std::size_t j = i + 1; j < chars.size(); ++j) {
      if (chars[j].dir == d)
        last = j;
      else if (chars[j].dir != Dir::neutral)
        break;
    }
    (d == Dir::arabic ? features.arabic : features.hebrew) = true;
    out += d == Dir::arabic ? "\\cvArabic{" : "\\cvHebrew{";
    out += escape_text(s.substr(chars[i].begin, chars[last].end - chars[i].begin));
    out += "}";
    i = last + 1;
  }
  return out;
}

std::string make_document(const Cv& cv, const Style& style, std::vector<Diagnostic>& warnings) {
  BodyWriter body(cv, warnings);
  const std::string text = body.document_body();
  DocumentMeta meta;
  meta.author = cv.header.name.full;
  meta.title = cv.header.name.full.empty() ? std::string("CV") : cv.header.name.full + " \u2013 CV";
  std::string out = make_preamble(style, body.features, meta);
  out += "\n\\begin{document}\n";
  out += text;
  out += "\\end{document}\n";
  return out;
}

} // namespace cvpress::detail::latex

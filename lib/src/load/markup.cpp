// parse_markup: one text field's inline Markdown, parsed with md4c.
#include "load/markup.hpp"
#include "load/markup_entities.hpp"
#include "text/links.hpp"
#include "text/unicode.hpp"

#include <md4c.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cvpress::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Joins lines with single spaces (a soft break) and trims the ends, so md4c
// sees exactly one line.
std::string join_lines(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 8);
  bool pending_break = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\n' || c == '\r') {
      while (!out.empty() && is_blank(out.back()))
        out.pop_back();
      pending_break = true;
      continue;
    }
    if (pending_break) {
      if (is_blank(c))
        continue;
      if (!out.empty())
        out += ' ';
      pending_break = false;
    }
    out += c;
  }
  while (!out.empty() && is_blank(out.back()))
    out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && is_line_space(out[lead]))
    ++lead;
  out.erase(0, lead);
  return out;
}

// "***", "- - -", "___": a thematic break made of `mark`.
bool is_thematic_break(std::string_view s, char mark) {
  int count = 0;
  for (char c : s) {
    if (c == mark)
      ++count;
    else if (!is_blank(c))
      return false;
  }
  return count >= 3;
}

// "[label]:" at the start: a link reference definition.
bool starts_reference_definition(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '[')
      return false;
    if (s[i] == ']')
      return i + 1 < s.size() && s[i + 1] == ':';
  }
  return false;
}

// Escapes a leading block marker ("- ", "1. ", "# ", "> ", "```", ...) so md4c
// reads the line as a paragraph. `s` is one trimmed line.
void neutralise_block_start(std::string& s) {
  if (s.empty())
    return;
  const char c = s[0];
  bool escape_first = false;
  switch (c) {
  case '-':
  case '+':
  case '#':
  case '>':
  case '~': // fence; '~' has no inline meaning here
    escape_first = true;
    break;
  case '*':
    escape_first = s.size() == 1 || is_blank(s[1]) || is_thematic_break(s, '*');
    break;
  case '_':
    escape_first = is_thematic_break(s, '_');
    break;
  case '`': {
    std::size_t run = s.find_first_not_of('`');
    escape_first = run == std::string::npos || (run >= 3 && s.find('`', run) == std::string::npos);
    break;
  }
  case '[':
    escape_first = starts_reference_definition(s);
    break;
  default:
    break;
  }
  if (escape_first) {
    s.insert(0, 1, '\\');
    return;
  }
  // Ordered list item: 1-9 digits, then '.' or ')', then a blank or the end.
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits]))
    ++digits;
  if (digits >= 1 && digits <= 9 && digits < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      (digits + 1 == s.size() || is_blank(s[digits + 1])))
    s.insert(digits, 1, '\\');
}

// Decodes an entity as md4c reports it ("&amp;", "&#233;", "&#xE9;").
// Unknown names stay as written.
void append_entity(std::string& out, std::string_view ent) {
  if (ent.size() >= 4 && ent[1] == '#') {
    bool hex = ent[2] == 'x' || ent[2] == 'X';
    std::uint32_t cp = 0;
    for (std::size_t i = hex ? 3 : 2; i + 1 < ent.size(); ++i) {
      char c = ent[i];
      std::uint32_t d = is_digit(c)              ? static_cast<std::uint32_t>(c - '0')
                        : (c >= 'a' && c <= 'f') ? static_cast<std::uint32_t>(c - 'a' + 10)
                        : (c >= 'A' && c <= 'F') ? static_cast<std::uint32_t>(c - 'A' + 10)
                                                 : 0;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF)
        break;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      cp = 0xFFFD;
    append_utf8(out, cp);
    return;
  }
  if (ent.size() >= 3) {
    if (auto v = lookup_html_entity(ent.substr(1, ent.size() - 2))) {
      out += *v;
      return;
    }
  }
  out += ent;
}

// An md4c attribute (link target) with its entities decoded.
std::string attribute_text(const MD_ATTRIBUTE& attr) {
  std::string out;
  for (std::size_t k = 0; attr.substr_offsets[k] < attr.size; ++k) {
    std::string_view part(attr.text + attr.substr_offsets[k],
                          attr.substr_offsets[k + 1] - attr.substr_offsets[k]);
    switch (attr.substr_types[k]) {
    case MD_TEXT_ENTITY:
      append_entity(out, part);
      break;
    case MD_TEXT_NULLCHAR:
      out += "\uFFFD";
      break;
    default:
      out += part;
    }
  }
  return out;
}

// Builds the runs from md4c's callbacks.
class Collector {
public:
  // `check_only`: only find bad math dollars, build no runs.
  Collector(std::string_view doc, bool check_only) : doc_(doc), check_only_(check_only) {}

  std::vector<InlineRun> runs;
  // Offsets of '$' delimiters that must not delimit math (see finish_math).
  std::vector<std::size_t> bad_dollars;

  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    static_cast<Collector*>(self)->enter(type, detail);
    return 0;
  }
  static int leave_span(MD_SPANTYPE type, void* /*detail*/, void* self) {
    static_cast<Collector*>(self)->leave(type);
    return 0;
  }
  static int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n, void* self) {
    static_cast<Collector*>(self)->add_text(type, std::string_view(s, n));
    return 0;
  }
  static int block(MD_BLOCKTYPE /*type*/, void* /*detail*/, void* /*self*/) { return 0; }

private:
  std::string_view doc_;
  bool check_only_;
  int bold_ = 0;
  int italic_ = 0;
  std::vector<std::string> links_;
  bool in_code_ = false;
  int in_math_ = 0; // 1 inline, 2 display
  std::string buf_; // code or math text being collected
  const char* math_begin_ = nullptr;
  const char* math_end_ = nullptr;

  Format format() const {
    Format f;
    f.bold = bold_ > 0;
    f.italic = italic_ > 0;
    if (!links_.empty())
      f.link = links_.back();
    return f;
  }

  void enter(MD_SPANTYPE type, void* detail) {
    switch (type) {
    case MD_SPAN_EM:
      ++italic_;
      break;
    case MD_SPAN_STRONG:
      ++bold_;
      break;
    case MD_SPAN_A:
      links_.push_back(attribute_text(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
      break;
    case MD_SPAN_CODE:
      in_code_ = true;
      buf_.clear();
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      in_math_ = type == MD_SPAN_LATEXMATH ? 1 : 2;
      buf_.clear();
      math_begin_ = math_end_ = nullptr;
      break;
    default: // images: the alt text shows as text
      break;
    }
  }

  void leave(MD_SPANTYPE type) {
    switch (type) {
    case MD_SPAN_EM:
      --italic_;
      break;
    case MD_SPAN_STRONG:
      --bold_;
      break;
    case MD_SPAN_A:
      if (!links_.empty())
        links_.pop_back();
      break;
    case MD_SPAN_CODE:
      in_code_ = false;
      push(CodeRun{std::move(buf_), format()});
      buf_.clear();
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      finish_math(type == MD_SPAN_LATEXMATH_DISPLAY);
      break;
    default:
      break;
    }
  }

  void add_text(MD_TEXTTYPE type, std::string_view s) {
    if (in_math_) {
      if (!math_begin_)
        math_begin_ = s.data();
      math_end_ = s.data() + s.size();
      buf_ += type == MD_TEXT_NULLCHAR ? "\uFFFD" : s;
      return;
    }
    if (check_only_)
      return;
    if (in_code_) {
      buf_ += type == MD_TEXT_NULLCHAR ? std::string_view("\uFFFD") : s;
      return;
    }
    switch (type) {
    case MD_TEXT_ENTITY: {
      std::string t;
      append_entity(t, s);
      push_text(t);
      break;
    }
    case MD_TEXT_NULLCHAR:
      push_text("\uFFFD");
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      push_text(" ");
      break;
    default:
      push_text(s);
    }
  }

  // Pandoc's rule on top of md4c's: the opening '$' is followed by a
  // non-space, the closing one preceded by a non-space and not followed by
  // a digit ("$5 and $6", "$5-$6" are money, not math). A bad pair has one
  // of its dollars escaped and the text is parsed again.
  void finish_math(bool display) {
    in_math_ = 0;
    std::string tex = std::move(buf_);
    buf_.clear();
    bool ok = true;
    const char* base = doc_.data();
    if (!display && math_begin_ && math_begin_ > base && math_end_ < base + doc_.size() &&
        *(math_begin_ - 1) == '$' && *math_end_ == '$') {
      const auto open = static_cast<std::size_t>(math_begin_ - 1 - base);
      const auto close = static_cast<std::size_t>(math_end_ - base);
      // An empty span (md4c dropped its only character, e.g. a NUL) is not
      // math either (found by fuzz_markup).
      if (tex.empty() || is_line_space(tex.front())) {
        bad_dollars.push_back(open);
        ok = false;
      } else if (is_line_space(tex.back()) ||
                 (close + 1 < doc_.size() && is_digit(doc_[close + 1]))) {
        bad_dollars.push_back(close);
        ok = false;
      }
    }
    if (check_only_)
      return;
    if (!ok) {
      // Still bad after all rounds: show the span as written.
      push_text("$" + tex + "$");
      return;
    }
    MathRun m; // unicode is filled in at the end
    m.tex = std::move(tex);
    m.format = format();
    push(std::move(m));
  }

  void push_text(std::string_view t) {
    if (t.empty())
      return;
    if (!runs.empty()) {
      // Fast path: extend the previous text run.
      if (auto* prev = std::get_if<TextRun>(&runs.back());
          prev && prev->format.bold == (bold_ > 0) && prev->format.italic == (italic_ > 0) &&
          prev->format.link == (links_.empty() ? std::string_view{} : links_.back())) {
        prev->text += t;
        return;
      }
    }
    push(TextRun{std::string(t), format()});
  }

  // Appends a run, merging with the previous one of the same kind and format.
  void push(InlineRun run) {
    if (!runs.empty() && runs.back().index() == run.index()) {
      bool merged = std::visit(
          [&](auto& prev) {
            using T = std::decay_t<decltype(prev)>;
            auto& next = std::get<T>(run);
            if (!(prev.format == next.format))
              return false;
            if constexpr (std::is_same_v<T, MathRun>) {
              prev.tex += next.tex;
              prev.unicode += next.unicode;
            } else {
              prev.text += next.text;
            }
            return true;
          },
          runs.back());
      if (merged)
        return;
    }
    runs.push_back(std::move(run));
  }
};

constexpr int kMaxDollarRounds = 32;

} // namespace

RichText parse_markup(std::string_view text, const SourceLocation& where,
                      std::vector<std::string>* warnings) {
  RichText result;
  result.where = where;
  std::string doc = join_lines(text);
  neutralise_block_start(doc);
  if (doc.empty())
    return result;
  if (doc.size() >= std::numeric_limits<MD_SIZE>::max() / 2) {
    result.runs.emplace_back(TextRun{to_nfc(text), {}});
    return result;
  }

  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_LATEXMATHSPANS | MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS;
  parser.enter_block = &Collector::block;
  parser.leave_block = &Collector::block;
  parser.enter_span = &Collector::enter_span;
  parser.leave_span = &Collector::leave_span;
  parser.text = &Collector::text;

  // Rounds of escaping bad math dollars (see Collector::finish_math).
  if (doc.find('$') != std::string::npos) {
    for (int round = 0; round < kMaxDollarRounds; ++round) {
      Collector check(doc, true);
      if (md_parse(doc.data(), static_cast<MD_SIZE>(doc.size()), &parser, &check) != 0 ||
          check.bad_dollars.empty())
        break;
      std::sort(check.bad_dollars.begin(), check.bad_dollars.end());
      std::string escaped;
      escaped.reserve(doc.size() + check.bad_dollars.size());
      std::size_t from = 0;
      for (std::size_t at : check.bad_dollars) {
        escaped.append(doc, from, at - from);
        escaped += '\\';
        from = at;
      }
      escaped.append(doc, from, std::string::npos);
      doc = std::move(escaped);
    }
  }

  Collector c(doc, false);
  std::vector<InlineRun> runs;
  if (md_parse(doc.data(), static_cast<MD_SIZE>(doc.size()), &parser, &c) == 0)
    runs = std::move(c.runs);
  else // only on allocation failure: keep the text as written
    runs.emplace_back(TextRun{std::string(text), {}});

  std::vector<std::string> unknown, refused;
  for (auto& run : runs) {
    std::visit(
        [&](auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, MathRun>) {
            r.tex = to_nfc(r.tex);
            r.unicode = math_to_unicode(r.tex, &unknown);
          } else {
            r.text = to_nfc(r.text);
          }
          // Links outside the allow-list are drawn as plain text.
          if (!r.format.link.empty() && link_target(r.format.link).empty()) {
            if (std::find(refused.begin(), refused.end(), r.format.link) == refused.end())
              refused.push_back(r.format.link);
            r.format.link.clear();
          }
        },
        run);
  }
  result.runs = std::move(runs);

  if (warnings) {
    std::vector<std::string> seen;
    for (const auto& cmd : unknown) {
      if (std::find(seen.begin(), seen.end(), cmd) != seen.end())
        continue;
      seen.push_back(cmd);
      warnings->push_back("unsupported math command " + cmd + " kept as text");
    }
    for (const auto& link : refused)
      warnings->push_back("link '" + link + "' is not a web, mail or phone link (allowed: " +
                          std::string(kAllowedLinkSchemes) + "); shown as plain text");
  }
  return result;
}

} // namespace cvpress::detail

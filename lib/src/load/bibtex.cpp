// BibTeX -> BibRecord with btparse. btparse keeps global state (macros, the
// lexer) and prints its messages to stderr, so every parse holds one lock and
// points stdio's stderr at a memory stream for its duration; the messages are
// then turned into located diagnostics. No C++ exception crosses btparse.
#include "load/bib_record.hpp"

#include "load/node_reader.hpp"
#include "text/unicode.hpp"

#include <btparse.h>

#include <csetjmp>
#include <cstdarg>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

namespace cvpress::detail {

namespace {

// ------------------------------------------------------------ LaTeX text

// Combining marks for the accent commands.
const char* accent_mark(char c) {
  switch (c) {
  case '\'':
    return "\u0301";
  case '`':
    return "\u0300";
  case '^':
    return "\u0302";
  case '"':
    return "\u0308";
  case '~':
    return "\u0303";
  case '=':
    return "\u0304";
  case '.':
    return "\u0307";
  case 'u':
    return "\u0306";
  case 'v':
    return "\u030C";
  case 'H':
    return "\u030B";
  case 'c':
    return "\u0327";
  case 'k':
    return "\u0328";
  case 'r':
    return "\u030A";
  case 'd':
    return "\u0323";
  case 'b':
    return "\u0331";
  case 't':
    return "\u0361";
  default:
    return nullptr;
  }
}

// Commands that stand for a character (or a word).
const std::map<std::string, std::string, std::less<>>& symbols() {
  static const std::map<std::string, std::string, std::less<>> table = {
      {"i", "ı"},
      {"j", "ȷ"},
      {"ss", "ß"},
      {"SS", "SS"},
      {"o", "ø"},
      {"O", "Ø"},
      {"ae", "æ"},
      {"AE", "Æ"},
      {"oe", "œ"},
      {"OE", "Œ"},
      {"aa", "å"},
      {"AA", "Å"},
      {"l", "ł"},
      {"L", "Ł"},
      {"dh", "ð"},
      {"DH", "Ð"},
      {"th", "þ"},
      {"TH", "Þ"},
      {"ng", "ŋ"},
      {"NG", "Ŋ"},
      {"dj", "đ"},
      {"DJ", "Đ"},
      {"dag", "†"},
      {"dagger", "†"},
      {"ddag", "‡"},
      {"ddagger", "‡"},
      {"textdagger", "†"},
      {"textdaggerdbl", "‡"},
      {"S", "§"},
      {"P", "¶"},
      {"copyright", "©"},
      {"textregistered", "®"},
      {"texttrademark", "™"},
      {"textendash", "–"},
      {"textemdash", "—"},
      {"ldots", "…"},
      {"dots", "…"},
      {"textellipsis", "…"},
      {"textquoteleft", "‘"},
      {"textquoteright", "’"},
      {"textquotedblleft", "“"},
      {"textquotedblright", "”"},
      {"guillemotleft", "«"},
      {"guillemotright", "»"},
      {"textasciitilde", "~"},
      {"textbackslash", "\\"},
      {"textunderscore", "_"},
      {"textbullet", "•"},
      {"textdegree", "°"},
      {"euro", "€"},
      {"pounds", "£"},
      {"LaTeX", "LaTeX"},
      {"TeX", "TeX"},
      {"BibTeX", "BibTeX"},
      {"textsuperscript", ""},
      {"quad", " "},
      {"qquad", " "},
      {"slash", "/"},
  };
  return table;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The Markdown characters cvpress's markup would interpret.
bool markup_special(char c) {
  return c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\' || c == '&' ||
         c == '<' || c == '$';
}

class LatexConverter {
public:
  explicit LatexConverter(std::string_view in) : in_(in) {}

  std::string run() {
    convert();
    return to_nfc(out_);
  }

private:
  void emit_escaped(char c) {
    if (markup_special(c))
      out_ += '\\';
    out_ += c;
  }

  // Converts the whole input; braces (case protection) just go.
  void convert() {
    while (pos_ < in_.size() && ++steps_ < kMaxSteps) {
      char c = in_[pos_];
      if (c == '{' || c == '}') {
        ++pos_;
        continue;
      }
      if (c == '\\') {
        command();
        continue;
      }
      if (c == '$') {
        math();
        continue;
      }
      if (c == '~') {
        out_ += "\u00A0";
        ++pos_;
        continue;
      }
      if (c == '-' && in_.substr(pos_, 3) == "---") {
        out_ += "—";
        pos_ += 3;
        continue;
      }
      if (c == '-' && in_.substr(pos_, 2) == "--") {
        out_ += "–";
        pos_ += 2;
        continue;
      }
      if (in_.substr(pos_, 2) == "``") {
        out_ += "“";
        pos_ += 2;
        continue;
      }
      if (in_.substr(pos_, 2) == "''") {
        out_ += "”";
        pos_ += 2;
        continue;
      }
      emit_escaped(c);
      ++pos_;
    }
    if (steps_ >= kMaxSteps)
      pos_ = in_.size();
  }

  // `$...$` is kept for the markup's math.
  void math() {
    std::size_t end = in_.find('$', pos_ + 1);
    if (end == std::string_view::npos) {
      out_ += "\\$";
      ++pos_;
      return;
    }
    std::string_view body = in_.substr(pos_ + 1, end - pos_ - 1);
    // A lone superscript mark ($^*$, $^\dagger$) is the character itself.
    if (body == "^*" || body == "^{*}") {
      out_ += "\\*";
    } else if (body == "^\\dagger" || body == "^{\\dagger}" || body == "\\dagger") {
      out_ += "†";
    } else {
      out_ += '$';
      out_ += body;
      out_ += '$';
    }
    pos_ = end + 1;
  }

  // The argument of a command: a group, or one character (spaces skipped).
  std::string argument() {
    while (pos_ < in_.size() && in_[pos_] == ' ')
      ++pos_;
    if (pos_ >= in_.size())
      return {};
    if (in_[pos_] == '{') {
      int depth = 0;
      std::size_t start = pos_;
      for (; pos_ < in_.size(); ++pos_) {
        if (in_[pos_] == '\\' && pos_ + 1 < in_.size()) {
          ++pos_;
          continue;
        }
        if (in_[pos_] == '{')
          ++depth;
        else if (in_[pos_] == '}' && --depth == 0)
          break;
      }
      std::string arg(in_.substr(start + 1, pos_ - start - 1));
      if (pos_ < in_.size())
        ++pos_;
      return arg;
    }
    if (in_[pos_] == '\\') {
      std::size_t start = pos_++;
      while (pos_ < in_.size() && is_letter(in_[pos_]))
        ++pos_;
      if (pos_ == start + 1 && pos_ < in_.size())
        ++pos_;
      return std::string(in_.substr(start, pos_ - start));
    }
    // One (UTF-8) character.
    std::size_t start = pos_++;
    while (pos_ < in_.size() && (static_cast<unsigned char>(in_[pos_]) & 0xC0) == 0x80)
      ++pos_;
    return std::string(in_.substr(start, pos_ - start));
  }

  std::string convert_nested(std::string_view text) {
    if (depth_ > 32)
      return {};
    LatexConverter inner(text);
    inner.depth_ = depth_ + 1;
    inner.convert();
    return inner.out_;
  }

  void command() {
    ++pos_; // the backslash
    if (pos_ >= in_.size()) {
      out_ += "\\\\";
      return;
    }
    std::string name;
    if (is_letter(in_[pos_])) {
      while (pos_ < in_.size() && is_letter(in_[pos_]))
        name += in_[pos_++];
    } else {
      name = in_[pos_++];
    }
    if (name.size() == 1) {
      char c = name[0];
      if (const char* mark = accent_mark(c)) {
        std::string arg = argument();
        std::string base = arg == "\\i" ? "i" : arg == "\\j" ? "j" : convert_nested(arg);
        if (base.empty())
          base = " ";
        // The mark goes after the first character of the argument.
        std::size_t first = 1;
        while (first < base.size() && (static_cast<unsigned char>(base[first]) & 0xC0) == 0x80)
          ++first;
        out_ += base.substr(0, first);
        out_ += mark;
        out_ += base.substr(first);
        return;
      }
      switch (c) {
      case '&':
      case '%':
      case '#':
      case '_':
      case '$':
      case '{':
      case '}':
        emit_escaped(c);
        return;
      case '\\':
      case ' ':
      case ',':
      case ';':
      case ':':
      case '!':
        out_ += ' ';
        return;
      case '-':
      case '/':
      case '@':
        return; // hyphenation hints, spacing
      default:
        break;
      }
    }
    // Word commands swallow the spaces after them.
    if (name.size() > 1 || is_letter(name[0]))
      while (pos_ < in_.size() && in_[pos_] == ' ' && symbols().count(name) == 0)
        ++pos_;
    if (name == "emph" || name == "textit" || name == "textsl") {
      wrap(convert_nested(argument()), "*");
    } else if (name == "textbf") {
      wrap(convert_nested(argument()), "**");
    } else if (name == "texttt") {
      std::string arg = convert_nested(argument());
      wrap(arg, "`");
    } else if (name == "url") {
      out_ += escape_markup(argument());
    } else if (name == "href") {
      std::string target = argument();
      std::string text = convert_nested(argument());
      out_ += "[" + text + "](" + target + ")";
    } else if (auto it = symbols().find(name); it != symbols().end()) {
      out_ += it->second;
      if (pos_ < in_.size() && in_[pos_] == '{' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '}')
        pos_ += 2; // `\ss{}`
      while (name.size() > 1 && pos_ < in_.size() && in_[pos_] == ' ')
        ++pos_;
    }
    // Any other command (\textsc, \mbox, \noopsort, ...) is dropped and its
    // argument, read on as ordinary text, stays.
  }

  void wrap(const std::string& text, std::string_view marker) {
    if (text.empty())
      return;
    out_ += marker;
    out_ += text;
    out_ += marker;
  }

  static constexpr std::size_t kMaxSteps = 1 << 20;
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string out_;
  int depth_ = 0;
  std::size_t steps_ = 0;
};

// --------------------------------------------------------------- btparse

// btparse ends the process (exit/abort) on what it calls usage and internal
// errors, which a broken entry can reach (bt_postprocess_field on a bad
// AST). Its calls go through the PLT, so the definitions of usage_error and
// internal_error below take their place; while a guarded call runs they jump
// back to it (only btparse's C frames are skipped), otherwise they abort.
thread_local std::jmp_buf* t_escape = nullptr;
thread_local char t_fatal[256];

[[noreturn]] void btparse_fatal(const char* format, va_list args) {
  std::vsnprintf(t_fatal, sizeof t_fatal, format, args);
  if (t_escape)
    std::longjmp(*t_escape, 1);
  std::fprintf(stderr, "btparse: %s\n", t_fatal);
  std::abort();
}

} // namespace
} // namespace cvpress::detail

extern "C" {
// The line btparse's lexer is on (exported by libbtparse).
extern int zzline;
// Default visibility: the library is built with -fvisibility=hidden, and a
// hidden definition would not take the place of btparse's own (which exits).
__attribute__((visibility("default"))) void usage_error(const char* format, ...) {
  va_list args;
  va_start(args, format);
  cvpress::detail::btparse_fatal(format, args);
}
__attribute__((visibility("default"))) void internal_error(const char* format, ...) {
  va_list args;
  va_start(args, format);
  cvpress::detail::btparse_fatal(format, args);
}
}

namespace cvpress::detail {
namespace {

// bt_parse_entry, returning nullptr and setting `fatal` when btparse gives up.
AST* guarded_parse_entry(FILE* in, char* file, boolean* status, bool* fatal) {
  std::jmp_buf env;
  t_escape = &env;
  if (setjmp(env) != 0) {
    t_escape = nullptr;
    *fatal = true;
    return nullptr;
  }
  AST* entry = bt_parse_entry(in, file, 0, status);
  t_escape = nullptr;
  return entry;
}

char* guarded_get_text(AST* field) {
  std::jmp_buf env;
  t_escape = &env;
  if (setjmp(env) != 0) {
    t_escape = nullptr;
    return nullptr;
  }
  char* text = bt_get_text(field);
  t_escape = nullptr;
  return text;
}

bt_stringlist* guarded_split_list(char* text, char* delim, char* file, int line, char* desc) {
  std::jmp_buf env;
  t_escape = &env;
  if (setjmp(env) != 0) {
    t_escape = nullptr;
    return nullptr;
  }
  bt_stringlist* list = bt_split_list(text, delim, file, line, desc);
  t_escape = nullptr;
  return list;
}

// After too many fatal errors in a row btparse's state is not trusted again.
bool g_btparse_broken = false;

std::mutex& btparse_lock() {
  static std::mutex m;
  return m;
}

// Redirects stdio's stderr into memory while alive (btparse prints there).
class StderrCapture {
public:
  StderrCapture() {
    std::fflush(stderr);
    FILE* mem = open_memstream(&buffer_, &size_);
    if (mem) {
      saved_ = stderr;
      stderr = mem;
    }
  }
  ~StderrCapture() { finish(); }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

  // Restores stderr and returns what was printed.
  std::string finish() {
    std::string text;
    if (saved_) {
      std::fflush(stderr);
      std::fclose(stderr);
      stderr = saved_;
      saved_ = nullptr;
      if (buffer_)
        text.assign(buffer_, size_);
    }
    std::free(buffer_);
    buffer_ = nullptr;
    return text;
  }

private:
  FILE* saved_ = nullptr;
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
};

// Byte offsets of line starts, for columns from btparse's offsets.
struct LineIndex {
  explicit LineIndex(std::string_view text) {
    starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n')
        starts.push_back(i + 1);
  }
  int column(int line, int offset) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts.size() || offset < 0)
      return 1;
    auto start = static_cast<int>(starts[static_cast<std::size_t>(line) - 1]);
    return offset > start ? offset - start : 1; // btparse's offsets are 1-based
  }
  std::vector<std::size_t> starts;
};

// btparse's "FILE, line N, [warning: ]message" lines as diagnostics.
void convert_messages(const std::string& text, const std::string& file, std::string_view source,
                      const LineIndex& lines, BibParse& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty())
      continue;
    int lineno = 0;
    std::string message = line;
    if (auto p = line.find(", line "); p != std::string::npos) {
      std::size_t q = p + 7;
      while (q < line.size() && line[q] >= '0' && line[q] <= '9')
        lineno = lineno * 10 + (line[q++] - '0');
      if (line.compare(q, 2, ", ") == 0)
        q += 2;
      message = line.substr(q);
    } else if (line.rfind(file + ": ", 0) == 0) {
      message = line.substr(file.size() + 2);
      // "invalid token near line 5 (text was '\')"
      if (auto near = message.find(" near line "); near != std::string::npos)
        lineno = std::atoi(message.c_str() + near + 11);
    }
    bool warning = message.rfind("warning: ", 0) == 0;
    if (warning)
      message = message.substr(9);
    else if (message.rfind("error: ", 0) == 0)
      message = message.substr(7);
    // Column: where the token the message quotes (found "year", undefined
    // macro "smarch") starts on its line.
    int column = lineno > 0 ? 1 : 0;
    if (auto f = message.find('"'); f != std::string::npos && lineno > 0 &&
                                    static_cast<std::size_t>(lineno) <= lines.starts.size()) {
      std::size_t tb = f + 1, te = message.find('"', tb);
      std::string token = message.substr(tb, te == std::string::npos ? 0 : te - tb);
      std::size_t ls = lines.starts[static_cast<std::size_t>(lineno) - 1];
      std::size_t le = source.find('\n', ls);
      std::string_view line_text = source.substr(ls, le == std::string_view::npos ? le : le - ls);
      if (auto at = token.empty() ? std::string_view::npos : line_text.find(token);
          at != std::string_view::npos)
        column = static_cast<int>(at) + 1;
    }
    Diagnostic d{
        warning ? Severity::warning : Severity::error, {file, lineno, column}, "", message};
    (warning ? out.warnings : out.errors).push_back(std::move(d));
  }
}

struct RawField {
  std::string value;
  int line = 0, column = 0;
};

struct RawEntry {
  std::string type, key;
  int line = 0, column = 0;
  std::map<std::string, RawField> fields;
};

// A trailing author mark ("Hu, Qinghao*", "Qinghao Hu$^\dagger$").
void strip_marks(std::string& name, BibAuthor& a) {
  for (;;) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '}' || name.back() == '{'))
      name.pop_back();
    static constexpr std::pair<std::string_view, int> kMarks[] = {
        {"$^*$", 1},        {"$^{*}$", 1},        {"\\textsuperscript*", 1}, {"*", 1},
        {"$^\\dagger$", 2}, {"$^{\\dagger}$", 2}, {"\\textdagger", 2},       {"\\dagger", 2},
        {"\\dag", 2},       {"$\\dagger$", 2},    {"\\textsuperscript", 0},  {"†", 2}};
    bool found = false;
    for (auto [mark, kind] : kMarks)
      if (name.size() > mark.size() && std::string_view(name).ends_with(mark)) {
        name.resize(name.size() - mark.size());
        if (kind == 1)
          a.co_first = true;
        else if (kind == 2)
          a.corresponding = true;
        found = true;
        break;
      }
    if (!found)
      return;
  }
}

// Balances braces a mark strip may have broken ("{M{\"u}ller*}").
std::string balance(std::string s) {
  int depth = 0;
  std::string out;
  for (char c : s) {
    if (c == '}' && depth == 0)
      continue;
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    out += c;
  }
  out.append(static_cast<std::size_t>(depth), '}');
  return out;
}

// "von Last, First" and "von Last, Jr, First" as "First von Last, Jr";
// "First von Last" stays. Only commas outside braces count. (btparse's
// bt_split_name corrupts memory on odd comma patterns such as "a,,b", so
// the parts are rearranged here; no part needs to be told apart beyond that.)
std::string display_name(const std::string& name) {
  std::vector<std::string> parts(1);
  int depth = 0;
  for (char c : name) {
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (c == ',' && depth == 0)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  for (auto& p : parts)
    p = std::string(trim(p));
  if (parts.size() == 1 || parts.size() > 3 ||
      std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
    return std::string(trim(name));
  std::string out = parts.back() + " " + parts[0];
  if (parts.size() == 3)
    out += ", " + parts[1];
  return out;
}

std::vector<BibAuthor> split_authors(const RawField& field, const std::string& file) {
  std::vector<BibAuthor> out;
  std::string copy = field.value;
  std::string delim = "and";
  std::string desc = "name";
  std::string fname = file;
  bt_stringlist* list =
      guarded_split_list(copy.data(), delim.data(), fname.data(), field.line, desc.data());
  if (!list)
    return out;
  for (int i = 0; i < list->num_items; ++i) {
    if (!list->items[i])
      continue;
    std::string item = list->items[i];
    if (item == "others") {
      out.push_back({"et al.", false, false, false});
      continue;
    }
    BibAuthor a;
    strip_marks(item, a);
    item = balance(item);
    if (item.empty())
      continue;
    std::string display = display_name(item);
    a.name = latex_to_markup(display);
    if (!a.name.empty())
      out.push_back(std::move(a));
  }
  bt_free_list(list);
  return out;
}

// biblatex `author+an = {1=cofirst; 3="corresponding"}`.
void apply_annotations(const std::string& text, std::vector<BibAuthor>& authors) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos)
      end = text.size();
    std::string item = text.substr(start, end - start);
    start = end + 1;
    auto eq = item.find('=');
    if (eq == std::string::npos)
      continue;
    std::string lhs(trim(item.substr(0, eq)));
    std::string rhs = item.substr(eq + 1);
    int index = std::atoi(lhs.c_str());
    if (index < 1 || static_cast<std::size_t>(index) > authors.size())
      continue;
    BibAuthor& a = authors[static_cast<std::size_t>(index) - 1];
    std::string word;
    auto flush = [&] {
      std::string w;
      for (char c : word)
        if (is_letter(c))
          w += static_cast<char>(c | 0x20);
      if (w == "cofirst" || w == "equal" || w == "equalcontribution" || w == "jointfirst")
        a.co_first = true;
      else if (w == "corresponding")
        a.corresponding = true;
      else if (w == "highlight" || w == "me" || w == "self" || w == "owner")
        a.highlighted = true;
      word.clear();
    };
    for (char c : rhs) {
      if (c == ',')
        flush();
      else
        word += c;
    }
    flush();
    if (end == text.size())
      break;
  }
}

int month_number(std::string_view m) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower;
  for (char c : m)
    if (c != ' ' && c != '.')
      lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  if (!lower.empty() &&
      std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int n = lower.size() <= 2 ? std::atoi(lower.c_str()) : 0;
    return n >= 1 && n <= 12 ? n : 0;
  }
  for (std::size_t i = 0; i < 12; ++i)
    if (lower.size() >= 3 && lower.compare(0, 3, kMonths[i]) == 0)
      return static_cast<int>(i) + 1;
  return 0;
}

std::vector<std::string> split_on(const std::string& text, std::string_view seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + std::string(1, seps[0])) {
    if (seps.find(c) != std::string_view::npos) {
      std::string t(trim(cur));
      if (!t.empty())
        out.push_back(t);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

BibRecord to_record(const RawEntry& e, const std::string& file,
                    const std::shared_ptr<const std::string>& file_ref, BibParse& out) {
  BibRecord r;
  r.key = e.key;
  r.type = e.type;
  r.where = {file_ref, e.line, e.column};
  auto get = [&](std::string_view name) -> const RawField* {
    auto it = e.fields.find(std::string(name));
    return it == e.fields.end() || trim(it->second.value).empty() ? nullptr : &it->second;
  };
  auto text = [&](std::initializer_list<std::string_view> names) -> std::string {
    for (auto n : names)
      if (const RawField* f = get(n))
        return latex_to_markup(f->value);
    return {};
  };
  r.title = text({"title"});
  if (const RawField* f = get("author"); f)
    r.authors = split_authors(*f, file);
  else if (const RawField* ed = get("editor"))
    r.authors = split_authors(*ed, file);
  if (const RawField* an = get("author+an"))
    apply_annotations(an->value, r.authors);
  if (r.type == "phdthesis" || r.type == "mastersthesis" || r.type == "thesis")
    r.venue = text({"school", "institution"});
  else if (r.type == "techreport" || r.type == "report")
    r.venue = text({"institution", "publisher"});
  r.venue = r.venue.empty() ? text({"booktitle", "journal", "journaltitle", "eventtitle",
                                    "publisher", "howpublished", "organization", "school"})
                            : r.venue;
  if (r.venue.empty())
    if (const RawField* ep = get("eprint")) {
      const RawField* ap = get("archiveprefix");
      if (!ap)
        ap = get("eprinttype");
      if (ap && latex_to_markup(ap->value) == "arXiv")
        r.venue = "arXiv preprint arXiv:" + latex_to_markup(ep->value);
    }
  r.venue_short = text({"shortbooktitle", "shortjournal", "shortjournaltitle", "venue_short"});
  if (const RawField* f = get("doi"))
    r.doi = std::string(trim(f->value));
  if (const RawField* f = get("url"))
    r.url = std::string(trim(f->value));
  r.note = text({"note", "addendum"});
  r.status = text({"pubstate", "status"});
  if (const RawField* f = get("shorthand"))
    r.label = std::string(trim(f->value));
  else if (const RawField* l = get("label"))
    r.label = std::string(trim(l->value));
  for (auto n : {"award", "awards"})
    if (const RawField* f = get(n))
      for (auto& a : split_on(f->value, ";"))
        r.awards.push_back(latex_to_markup(a));
  if (const RawField* f = get("keywords"))
    r.tags = split_on(f->value, ",;");
  // biblatex `date = {2024-04-15}`, else year + month (+ day).
  std::string year;
  if (const RawField* f = get("date")) {
    std::string d(trim(f->value));
    r.year = std::atoi(d.c_str());
    if (d.size() >= 7 && d[4] == '-')
      r.month = std::atoi(d.c_str() + 5);
    if (d.size() >= 10 && d[7] == '-')
      r.day = std::atoi(d.c_str() + 8);
    if (r.year <= 0 || r.month < 0 || r.month > 12 || r.day < 0 || r.day > 31) {
      r.year = r.month = r.day = 0;
      r.date_text = latex_to_markup(d);
    }
  } else if (const RawField* y = get("year")) {
    year = std::string(trim(y->value));
    bool digits = year.size() == 4 && std::all_of(year.begin(), year.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      r.year = std::atoi(year.c_str());
      if (const RawField* m = get("month")) {
        r.month = month_number(m->value);
        if (r.month == 0)
          out.warnings.push_back({Severity::warning,
                                  {file, m->line, m->column},
                                  e.key + ".month",
                                  "'" + m->value + "' is not a month, ignored"});
        else if (const RawField* d = get("day"))
          r.day = std::clamp(std::atoi(d->value.c_str()), 0, 31);
      }
    } else {
      r.date_text = latex_to_markup(year);
    }
  }
  return r;
}

} // namespace

std::string escape_markup(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (markup_special(c))
      out += '\\';
    out += c;
  }
  return out;
}

std::string latex_to_markup(std::string_view latex) { return LatexConverter(latex).run(); }

BibParse parse_bibtex(std::string_view text, const std::string& file) {
  BibParse out;
  auto file_ref = std::make_shared<const std::string>(file);
  LineIndex lines(text);
  // Like the YAML reader: the text must be UTF-8 without control characters.
  auto locate = [&](std::size_t offset) {
    auto it = std::upper_bound(lines.starts.begin(), lines.starts.end(), offset);
    auto line = static_cast<int>(it - lines.starts.begin());
    return SourceLocation{file, line, static_cast<int>(offset - *(it - 1)) + 1};
  };
  if (auto bad = find_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    out.errors.push_back(
        {Severity::error, locate(*bad), "", std::string("invalid UTF-8 (byte ") + hex + ")"});
    return out;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char cp[16];
      std::snprintf(cp, sizeof cp, "U+%04X", c);
      out.errors.push_back({Severity::error, locate(i), "",
                            std::string("control character ") + cp + " is not allowed"});
      return out;
    }
  }
  std::vector<RawEntry> raw;
  std::string messages;
  {
    std::lock_guard lock(btparse_lock());
    // A fresh btparse per file: its macro table keeps every string it ever
    // stored in a fixed pool (and exits when that is full), so it is set up
    // here and torn down (bt_cleanup) after each file.
    bt_initialize();
    bt_set_stringopts(BTE_REGULAR, BTO_FULL);
    bt_set_stringopts(BTE_MACRODEF, BTO_MACRO);
    bt_set_stringopts(BTE_COMMENT, BTO_MINIMAL);
    bt_set_stringopts(BTE_PREAMBLE, BTO_MINIMAL);
    std::string data(text);
    StderrCapture capture;
    bt_delete_all_macros();
    static constexpr const char* kMonthMacros[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string fname = file;
    for (int i = 0; i < 12; ++i) {
      std::string macro = kMonthMacros[i];
      std::string value = std::to_string(i + 1);
      bt_add_macro_text(macro.data(), value.data(), fname.data(), 0);
    }
    FILE* in = data.empty() || g_btparse_broken ? nullptr : fmemopen(data.data(), data.size(), "r");
    if (g_btparse_broken)
      out.errors.push_back({Severity::error,
                            {file, 0, 0},
                            "",
                            "the BibTeX reader failed earlier in this process; not read"});
    if (in) {
      boolean status = 1;
      int fatal_in_a_row = 0;
      for (;;) {
        bool fatal = false;
        AST* entry = guarded_parse_entry(in, fname.data(), &status, &fatal);
        if (fatal) {
          // Report once per place, then read on to the end of the file so
          // btparse's reader is back in its initial state.
          if (fatal_in_a_row++ == 0)
            out.errors.push_back({Severity::error,
                                  {file, zzline, 1},
                                  "",
                                  std::string("cannot read this entry (") + t_fatal + ")"});
          if (fatal_in_a_row > 1000) {
            g_btparse_broken = true;
            break;
          }
          continue;
        }
        fatal_in_a_row = 0;
        if (!entry)
          break;
        // `@string{a = undefined}` leaves `a` without text, and btparse 0.89
        // crashes on the next use of `a`: such a macro is dropped (undefined).
        if (bt_entry_metatype(entry) == BTE_MACRODEF) {
          char* macro = nullptr;
          AST* node = nullptr;
          while ((node = bt_next_macro(entry, node, &macro)))
            if (macro && !bt_macro_text(macro, fname.data(), node->line))
              bt_delete_macro(macro);
        }
        if (bt_entry_metatype(entry) == BTE_REGULAR && status) {
          RawEntry e;
          const char* type = bt_entry_type(entry);
          const char* key = bt_entry_key(entry);
          e.type = type ? type : "";
          std::transform(e.type.begin(), e.type.end(), e.type.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          e.key = key ? key : "";
          e.line = entry->line;
          e.column = std::max(1, lines.column(entry->line, entry->offset) - 1);
          char* name = nullptr;
          AST* field = nullptr;
          while ((field = bt_next_field(entry, field, &name))) {
            if (!name)
              continue;
            std::string n = name;
            std::transform(n.begin(), n.end(), n.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const char* value = guarded_get_text(field);
            e.fields[n] = {value ? value : "", field->line,
                           lines.column(field->line, field->offset)};
          }
          raw.push_back(std::move(e));
        }
        bt_free_ast(entry);
      }
      std::fclose(in);
    }
    // Name splitting (also btparse) under the same lock and capture.
    std::map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < raw.size(); ++i)
      by_key.emplace(raw[i].key, i);
    for (auto& e : raw) {
      auto cr = e.fields.find("crossref");
      if (cr == e.fields.end())
        continue;
      auto parent = by_key.find(std::string(trim(cr->second.value)));
      if (parent == by_key.end() || &raw[parent->second] == &e) {
        out.warnings.push_back({Severity::warning,
                                {file, cr->second.line, cr->second.column},
                                e.key + ".crossref",
                                "no entry '" + cr->second.value + "' to inherit from"});
        continue;
      }
      const RawEntry& p = raw[parent->second];
      for (const auto& [k, v] : p.fields)
        e.fields.emplace(k, v);
      if (auto t = p.fields.find("title"); t != p.fields.end())
        e.fields.emplace("booktitle", t->second);
      if (auto t = p.fields.find("shorttitle"); t != p.fields.end())
        e.fields.emplace("shortbooktitle", t->second);
    }
    for (const auto& e : raw)
      out.records.push_back(to_record(e, file, file_ref, out));
    bt_cleanup();
    messages = capture.finish();
  }
  convert_messages(messages, file, text, lines, out);
  return out;
}

} // namespace cvpress::detail

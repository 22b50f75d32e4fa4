// CSL-JSON (Zotero, pandoc) -> BibRecord. The JSON is read with the YAML
// parser (JSON is YAML flow syntax), which gives every value a line and column.
#include "load/bib_record.hpp"
#include "load/node_reader.hpp"

#include <algorithm>
#include <cstdlib>

namespace cvpress::detail {

namespace {

using Kind = YamlNode::Kind;

std::string csl_type(std::string_view t) {
  if (t == "article-journal" || t == "article-magazine" || t == "article-newspaper" ||
      t == "article")
    return "article";
  if (t == "paper-conference")
    return "inproceedings";
  if (t == "book")
    return "book";
  if (t == "chapter")
    return "incollection";
  if (t == "thesis")
    return "phdthesis";
  if (t == "report")
    return "techreport";
  return "misc";
}

class CslReader : public NodeReader {
public:
  explicit CslReader(const std::string& file)
      : NodeReader(file), file_ref_(std::make_shared<const std::string>(file)) {}

  void read(const YamlNode& root, BibParse& out) {
    if (root.kind != Kind::sequence) {
      wrong_type(root, "", "a CSL-JSON array of items");
      return;
    }
    for (std::size_t i = 0; i < root.items.size(); ++i) {
      const YamlNode& item = *root.items[i];
      std::string path = index("", i);
      auto fs = map_fields(item, path);
      if (!fs)
        continue;
      out.records.push_back(record(item, *fs, path));
    }
  }

private:
  std::string text(const Fields& fs, std::string_view key, const std::string& path) {
    const Field* f = find(fs, key);
    if (!f || f->value->kind == Kind::null)
      return {};
    if (f->value->kind != Kind::scalar) {
      wrong_type(*f->value, join(path, key), "a string");
      return {};
    }
    return std::string(trim(f->value->value));
  }

  void name_of(const YamlNode& n, const std::string& path, BibRecord& r) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    BibAuthor a;
    // A mark may end any part ("given": "Qinghao*").
    auto part = [&](std::string_view key) {
      std::string t = text(*fs, key, path);
      strip_marks(t, a);
      return t;
    };
    std::string display = part("literal");
    if (display.empty()) {
      for (auto key : {"given", "dropping-particle", "non-dropping-particle", "family"}) {
        std::string p = part(key);
        if (!p.empty())
          display += (display.empty() ? "" : " ") + p;
      }
      std::string suffix = part("suffix");
      if (!suffix.empty())
        display += ", " + suffix;
    }
    strip_marks(display, a);
    if (display.empty()) {
      error(n, path, "an author needs family, given or literal");
      return;
    }
    a.name = escape_markup(display);
    r.authors.push_back(std::move(a));
  }

  static void strip_marks(std::string& display, BibAuthor& a) {
    for (;;) {
      while (!display.empty() && display.back() == ' ')
        display.pop_back();
      if (!display.empty() && display.back() == '*') {
        a.co_first = true;
        display.pop_back();
      } else if (display.ends_with("†")) {
        a.corresponding = true;
        display.resize(display.size() - std::string_view("†").size());
      } else {
        break;
      }
    }
  }

  void date_of(const YamlNode& n, const std::string& path, BibRecord& r) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    if (const Field* f = find(*fs, "date-parts")) {
      const YamlNode& parts = *f->value;
      if (parts.kind == Kind::sequence && !parts.items.empty() &&
          parts.items[0]->kind == Kind::sequence) {
        const auto& p = parts.items[0]->items;
        int* slots[] = {&r.year, &r.month, &r.day};
        for (std::size_t i = 0; i < std::min<std::size_t>(3, p.size()); ++i)
          if (p[i]->kind == Kind::scalar)
            *slots[i] = std::atoi(p[i]->value.c_str());
        if (r.year <= 0 || r.month < 0 || r.month > 12 || r.day < 0 || r.day > 31) {
          error(parts, join(path, "date-parts"), "not a valid date");
          r.year = r.month = r.day = 0;
        }
        return;
      }
      wrong_type(parts, join(path, "date-parts"), "[[year, month, day]]");
      return;
    }
    std::string raw = text(*fs, "raw", path);
    if (raw.empty())
      raw = text(*fs, "literal", path);
    r.date_text = escape_markup(raw);
  }

  BibRecord record(const YamlNode& item, const Fields& fs, const std::string& path) {
    BibRecord r;
    r.where = {file_ref_, item.line, item.column};
    r.key = text(fs, "id", path);
    r.type = csl_type(text(fs, "type", path));
    r.title = escape_markup(text(fs, "title", path));
    if (const Field* f = find(fs, "author"); f && f->value->kind != Kind::null) {
      if (f->value->kind != Kind::sequence)
        wrong_type(*f->value, join(path, "author"), "a list of names");
      else
        for (std::size_t i = 0; i < f->value->items.size(); ++i)
          name_of(*f->value->items[i], index(join(path, "author"), i), r);
    }
    for (auto key : {"container-title", "event-title", "event", "publisher"}) {
      r.venue = escape_markup(text(fs, key, path));
      if (!r.venue.empty())
        break;
    }
    for (auto key : {"container-title-short", "journalAbbreviation"}) {
      r.venue_short = escape_markup(text(fs, key, path));
      if (!r.venue_short.empty())
        break;
    }
    r.doi = text(fs, "DOI", path);
    r.url = text(fs, "URL", path);
    r.note = escape_markup(text(fs, "note", path));
    r.status = escape_markup(text(fs, "status", path));
    std::string keywords = text(fs, "keyword", path);
    std::string cur;
    for (char c : keywords + ",") {
      if (c == ',' || c == ';') {
        if (!trim(cur).empty())
          r.tags.emplace_back(trim(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (const Field* f = find(fs, "issued"); f && f->value->kind != Kind::null)
      date_of(*f->value, join(path, "issued"), r);
    return r;
  }

  std::shared_ptr<const std::string> file_ref_;
};

} // namespace

BibParse parse_csl_json(std::string_view text, const std::string& file, const LoadLimits& limits) {
  BibParse out;
  std::shared_ptr<const YamlNode> root;
  try {
    root = parse_yaml(text, file, limits);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics())
      (d.severity == Severity::error ? out.errors : out.warnings).push_back(d);
    return out;
  }
  CslReader reader(file);
  reader.read(*root, out);
  out.errors.insert(out.errors.end(), reader.errors.begin(), reader.errors.end());
  out.warnings.insert(out.warnings.end(), reader.warnings.begin(), reader.warnings.end());
  return out;
}

} // namespace cvpress::detail

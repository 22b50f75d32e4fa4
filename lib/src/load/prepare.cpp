// Document rewriting before the loader: variants and tags, multilingual
// fields, bibliography expansion (see prepare.hpp and docs/format.md).
#include "load/prepare.hpp"

#include <cvpress/files.hpp>

#include "base/file_access.hpp"
#include "load/bib_record.hpp"
#include "load/input_format.hpp"
#include "text/locale_format.hpp"
#include "text/translations.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace cvpress::detail {

namespace {

using Kind = YamlNode::Kind;
namespace fs = std::filesystem;

// From the input-format tables (load/input_format.hpp), like the loader's.
constexpr auto kBibliographyKeys = input::keys_of(input::kBibliography);
constexpr auto kVariantKeys = input::keys_of(input::kVariant);
constexpr std::string_view kBibSorts[] = {"date-desc", "date-asc", "none"};

// Publication groups for `group_by: type`, in output order.
struct TypeGroup {
  std::string_view title;
  std::array<std::string_view, 4> types;
};
constexpr TypeGroup kTypeGroups[] = {
    {"Journal Articles", {"article", "", "", ""}},
    {"Conference Papers", {"inproceedings", "conference", "", ""}},
    {"Books", {"book", "proceedings", "collection", ""}},
    {"Book Chapters", {"incollection", "inbook", "", ""}},
    {"Theses", {"phdthesis", "mastersthesis", "thesis", ""}},
    {"Technical Reports", {"techreport", "report", "", ""}},
    {"Other Publications", {"", "", "", ""}},
};

std::size_t type_group(std::string_view type) {
  for (std::size_t i = 0; i + 1 < std::size(kTypeGroups); ++i)
    for (auto t : kTypeGroups[i].types)
      if (!t.empty() && t == type)
        return i;
  return std::size(kTypeGroups) - 1;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size())
    return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
      return false;
  return true;
}

std::string date_string(const BibRecord& r) {
  if (r.year <= 0)
    return r.date_text;
  std::string y = std::to_string(r.year);
  while (y.size() < 4)
    y.insert(y.begin(), '0');
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (r.month > 0)
    y += "-" + two(r.month);
  if (r.month > 0 && r.day > 0)
    y += "-" + two(r.day);
  return y;
}

// A filter: `--only`/`--exclude` and the variant's sets.
struct TagFilter {
  std::vector<std::string> only, exclude;
  [[nodiscard]] bool active() const { return !only.empty() || !exclude.empty(); }
  [[nodiscard]] bool keeps(const std::vector<std::string>& tags) const {
    for (const auto& t : tags)
      if (std::find(exclude.begin(), exclude.end(), t) != exclude.end())
        return false;
    if (only.empty() || tags.empty())
      return true;
    return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) {
      return std::find(only.begin(), only.end(), t) != only.end();
    });
  }
  [[nodiscard]] std::string describe() const {
    std::string out;
    auto list = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& t : v)
        s += (s.empty() ? "" : " ") + t;
      return s;
    };
    if (!only.empty())
      out += "--only " + list(only);
    if (!exclude.empty())
      out += (out.empty() ? "" : " ") + std::string("--exclude ") + list(exclude);
    return out;
  }
};

class Preparer : public NodeReader {
public:
  Preparer(std::string file, const LoadOptions& options)
      : NodeReader(std::move(file)), options_(options) {
    base_dir_ = options.base_dir;
    if (base_dir_.empty())
      base_dir_ = fs::path(file_).parent_path();
  }

  std::vector<std::string> variants;
  std::vector<fs::path> files; // bibliographies read, as resolved

  NodeRef run(NodeRef root) {
    if (root->kind == Kind::map && is_json_resume(*root, file_))
      root = json_resume_to_cv(*root, *this);
    if (root->kind != Kind::map)
      return root;
    read_variants(*root);
    choose_language(*root);
    std::vector<MapEntry> top;
    bool has_locale = false, has_design = false;
    for (const auto& [k, v] : root->entries) {
      if (k->kind != Kind::scalar) {
        top.emplace_back(k, v);
        continue;
      }
      if (k->value == "cv" && v->kind == Kind::map) {
        top.emplace_back(k, rewrite_cv(*v));
      } else if (k->value == "locale") {
        has_locale = true;
        top.emplace_back(k, rewrite_locale(v));
      } else if (k->value == "settings" && v->kind == Kind::map) {
        top.emplace_back(k, without_keys(*v, {"variants"}));
      } else if (k->value == "design" && variant_max_pages_) {
        has_design = v->kind != Kind::null; // a null design is replaced below
        if (has_design)
          top.emplace_back(k, v->kind == Kind::map ? with_max_pages(*v) : v);
      } else {
        top.emplace_back(k, v);
      }
    }
    if (!has_locale && !options_.language.empty() && !language_.empty()) {
      Origin o{};
      top.emplace_back(make_key("locale", o),
                       make_map({{make_key("language", o), make_scalar(language_, o)}}, o));
    }
    if (variant_max_pages_ && !has_design) {
      const Origin o = origin_of(*variant_max_pages_);
      top.emplace_back(make_key("design", o), with_max_pages(*make_map({}, o)));
    }
    return make_map(std::move(top), origin_of(*root));
  }

private:
  NodeRef variant_max_pages_; // the chosen variant's max_pages, if any

  // `design` with page.max_pages set to the variant's (its errors point at
  // the variant).
  NodeRef with_max_pages(const YamlNode& design) const {
    const Origin o = origin_of(*variant_max_pages_);
    std::vector<MapEntry> entries;
    bool has_page = false;
    for (const auto& [k, v] : design.entries) {
      if (k->kind == Kind::scalar && k->value == "page" && v->kind == Kind::map) {
        std::vector<MapEntry> page;
        for (const auto& [pk, pv] : v->entries)
          if (pk->kind != Kind::scalar || pk->value != "max_pages")
            page.emplace_back(pk, pv);
        page.emplace_back(make_key("max_pages", o), variant_max_pages_);
        entries.emplace_back(k, make_map(std::move(page), origin_of(*v)));
        has_page = true;
      } else {
        entries.emplace_back(k, v);
      }
    }
    if (!has_page)
      entries.emplace_back(make_key("page", o),
                           make_map({{make_key("max_pages", o), variant_max_pages_}}, o));
    return make_map(std::move(entries), origin_of(design));
  }

  // ---------------------------------------------------------- variants

  std::vector<std::string> tag_list(const YamlNode& n, const std::string& path) {
    std::vector<std::string> out;
    if (n.kind == Kind::null)
      return out;
    if (n.kind == Kind::scalar) {
      out.emplace_back(trim(n.value));
      return out;
    }
    if (n.kind != Kind::sequence) {
      wrong_type(n, path, "a tag or a list of tags");
      return out;
    }
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      if (n.items[i]->kind != Kind::scalar)
        wrong_type(*n.items[i], index(path, i), "a tag");
      else
        out.emplace_back(trim(n.items[i]->value));
    }
    return out;
  }

  void read_variants(const YamlNode& root) {
    filter_.only = options_.only;
    filter_.exclude = options_.exclude;
    const NodeRef* settings = map_value(root, "settings");
    const NodeRef* vs = settings ? map_value(**settings, "variants") : nullptr;
    const YamlNode* chosen = nullptr;
    std::string chosen_path;
    if (vs && (*vs)->kind != Kind::null) {
      if (auto fs = map_fields(**vs, "settings.variants")) {
        for (const auto& f : *fs) {
          variants.push_back(f.key);
          std::string p = join("settings.variants", f.key);
          auto vf = map_fields(*f.value, p);
          if (!vf)
            continue;
          check_keys(*vf, kVariantKeys, p, Severity::error);
          if (f.key == options_.variant) {
            chosen = f.value;
            chosen_path = p;
          }
        }
      }
    }
    if (options_.variant.empty())
      return;
    if (!chosen) {
      std::vector<std::string_view> names(variants.begin(), variants.end());
      std::string message = "no variant '" + options_.variant + "'";
      if (auto s = suggest(options_.variant, names))
        message += " (did you mean '" + std::string(*s) + "'?)";
      else if (!names.empty())
        message += " (variants: " + quoted_list(names, " and ") + ")";
      else
        message += " (the CV names none in settings.variants)";
      error(vs ? **vs : settings ? **settings : root, "settings.variants", std::move(message));
      return;
    }
    Fields fs = fields(*chosen, chosen_path);
    if (const Field* f = find(fs, "only"))
      for (auto& t : tag_list(*f->value, join(chosen_path, "only")))
        filter_.only.push_back(std::move(t));
    if (const Field* f = find(fs, "exclude"))
      for (auto& t : tag_list(*f->value, join(chosen_path, "exclude")))
        filter_.exclude.push_back(std::move(t));
    // max_pages becomes design.page.max_pages (run()).
    for (const auto& [k, v] : chosen->entries)
      if (k->kind == Kind::scalar && k->value == "max_pages")
        variant_max_pages_ = v;
  }

  // Reads and removes `tags`; false when the filter drops the item.
  bool keeps(const YamlNode& item, const std::string& path) {
    const NodeRef* t = map_value(item, "tags");
    if (!t)
      return true;
    return filter_.keeps(tag_list(**t, join(path, "tags")));
  }

  // ---------------------------------------------------------- languages

  void choose_language(const YamlNode& root) {
    const NodeRef* locale = map_value(root, "locale");
    const NodeRef* lang = locale ? map_value(**locale, "language") : nullptr;
    if (lang && (*lang)->kind == Kind::scalar)
      fallback_ = resolve_language((*lang)->value);
    language_ = fallback_;
    if (!options_.language.empty()) {
      language_ = language_key(options_.language);
      if (language_.empty())
        errors.push_back({Severity::error,
                          {file_, 0, 0},
                          "",
                          "--lang: unknown language '" + options_.language +
                              "' (use a BCP-47 tag such as 'en' or 'zh-Hans')"});
    }
  }

  // A map whose keys are language tags and whose values are scalars.
  // Returns 0 when not such a map, 1 when it is, 2 when it mixes
  // language keys with other keys (reported).
  int language_map(const YamlNode& n, const std::string& path) {
    if (n.kind != Kind::map || n.entries.empty())
      return 0;
    std::size_t tags = 0;
    for (const auto& [k, v] : n.entries) {
      // Values are texts, or lists of texts (`highlights: {en: [..], zh: [..]}`).
      bool text_list = v->kind == Kind::sequence &&
                       std::all_of(v->items.begin(), v->items.end(),
                                   [](const NodeRef& i) { return i->kind == Kind::scalar; });
      if (v->kind != Kind::scalar && v->kind != Kind::null && !text_list)
        return 0;
      if (k->kind == Kind::scalar && !language_key(k->value).empty())
        ++tags;
    }
    if (tags == n.entries.size())
      return 1;
    if (n.entries.size() < 2 || tags * 2 <= n.entries.size())
      return 0;
    for (const auto& [k, v] : n.entries)
      if (k->kind == Kind::scalar && language_key(k->value).empty())
        error(*k, join(path, k->value),
              "'" + k->value +
                  "' is not a language tag (a text in several languages has only "
                  "language keys such as en, zh, de-CH)");
    return 2;
  }

  NodeRef pick_language(const YamlNode& n) {
    auto pick = [&](const std::string& want, bool primary) -> NodeRef {
      if (want.empty())
        return nullptr;
      for (const auto& [k, v] : n.entries) {
        std::string tag = language_key(k->value);
        if (tag == want || (primary && language_subtag(tag) == language_subtag(want)))
          return v;
      }
      return nullptr;
    };
    for (bool primary : {false, true}) {
      if (auto v = pick(language_, primary))
        return v;
    }
    for (bool primary : {false, true})
      if (auto v = pick(fallback_, primary))
        return v;
    for (const auto& [k, v] : n.entries)
      if (!language_key(k->value).empty())
        return v;
    return n.entries.front().second;
  }

  // Any text value: a language map collapses, containers are walked.
  NodeRef localize(const NodeRef& n, const std::string& path) {
    int lm = language_map(*n, path);
    if (lm == 1)
      return pick_language(*n);
    if (lm == 2) // reported; the language keys still give the text
      return pick_language(*n);
    // Containers are copied only when something inside them changed.
    bool changed = false;
    if (n->kind == Kind::sequence) {
      std::vector<NodeRef> items;
      for (std::size_t i = 0; i < n->items.size(); ++i) {
        items.push_back(localize(n->items[i], index(path, i)));
        changed |= items.back() != n->items[i];
      }
      return changed ? make_sequence(std::move(items), origin_of(*n)) : n;
    }
    if (n->kind == Kind::map) {
      std::vector<MapEntry> entries;
      for (const auto& [k, v] : n->entries) {
        entries.emplace_back(k, localize(v, k->kind == Kind::scalar ? join(path, k->value) : path));
        changed |= entries.back().second != v;
      }
      return changed ? make_map(std::move(entries), origin_of(*n)) : n;
    }
    return n;
  }

  NodeRef rewrite_locale(const NodeRef& n) {
    if (n->kind != Kind::map)
      return n;
    std::vector<MapEntry> entries;
    bool has_language = false;
    for (const auto& [k, v] : n->entries) {
      if (k->kind == Kind::scalar && k->value == "language") {
        has_language = true;
        if (!options_.language.empty() && !language_.empty()) {
          entries.emplace_back(k, make_scalar(language_, origin_of(*v)));
          continue;
        }
      }
      entries.emplace_back(k, localize(v, join("locale", k->kind == Kind::scalar ? k->value : "")));
    }
    if (!has_language && !options_.language.empty() && !language_.empty())
      entries.emplace_back(make_key("language", origin_of(*n)),
                           make_scalar(language_, origin_of(*n)));
    return make_map(std::move(entries), origin_of(*n));
  }

  static NodeRef without_keys(const YamlNode& n, std::initializer_list<std::string_view> keys) {
    std::vector<MapEntry> entries;
    for (const auto& [k, v] : n.entries)
      if (k->kind != Kind::scalar || std::find(keys.begin(), keys.end(), k->value) == keys.end())
        entries.emplace_back(k, v);
    return make_map(std::move(entries), origin_of(n));
  }

  // ----------------------------------------------------------------- cv

  NodeRef rewrite_cv(const YamlNode& cv) {
    std::vector<MapEntry> entries;
    for (const auto& [k, v] : cv.entries) {
      if (k->kind == Kind::scalar && k->value == "sections" && v->kind == Kind::map)
        entries.emplace_back(k, rewrite_sections(*v, "cv.sections"));
      else
        entries.emplace_back(k, localize(v, join("cv", k->kind == Kind::scalar ? k->value : "")));
    }
    return make_map(std::move(entries), origin_of(cv));
  }

  NodeRef rewrite_sections(const YamlNode& sections, const std::string& path) {
    std::vector<MapEntry> out;
    std::size_t kept_entries = 0, input_entries = 0;
    std::vector<Diagnostic> dropped; // sections the filter empties
    for (const auto& [k, v] : sections.entries) {
      if (k->kind != Kind::scalar) {
        out.emplace_back(k, v);
        continue;
      }
      std::string sp = join(path, k->value);
      const YamlNode* list = v.get();
      NodeRef key = k;
      // `key: {title: ..., tags: [...], entries: [...]}` (a titled or tagged
      // section); the title (a text, or a language map) becomes the key.
      if (v->kind == Kind::map && map_value(*v, "entries")) {
        Fields fs = fields(*v, sp);
        static constexpr std::string_view kSectionKeys[] = {"entries", "tags", "title"};
        check_keys(fs, kSectionKeys, sp, Severity::error);
        if (!keeps(*v, sp))
          continue;
        if (const Field* t = find(fs, "title")) {
          NodeRef title = localize(std::shared_ptr<const YamlNode>(v, t->value), join(sp, "title"));
          if (title->kind == Kind::scalar && !trim(title->value).empty())
            key = make_key(trim(title->value), origin_of(*k));
          else
            wrong_type(*t->value, join(sp, "title"), "a title (a string or a language map)");
        }
        list = map_value(*v, "entries")->get();
        sp = join(sp, "entries");
      }
      if (list->kind != Kind::sequence) {
        out.emplace_back(key, localize(v, sp)); // the loader reports the type
        continue;
      }
      std::vector<NodeRef> items;
      std::vector<std::pair<std::size_t, std::vector<NodeRef>>> groups;
      bool filtered = false;
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        const NodeRef& item = list->items[i];
        std::string ip = index(sp, i);
        ++input_entries;
        if (item->kind == Kind::map && !keeps(*item, ip)) {
          filtered = true;
          continue;
        }
        if (item->kind == Kind::map && map_value(*item, "bibliography")) {
          expand_bibliography(*item, ip, items, groups, filtered);
          continue;
        }
        NodeRef entry = localize(item, ip);
        if (entry->kind == Kind::map && map_value(*entry, "tags"))
          entry = without_keys(*entry, {"tags"});
        items.push_back(std::move(entry));
      }
      kept_entries += items.size();
      for (const auto& g : groups)
        kept_entries += g.second.size();
      if (items.empty() && groups.empty() && filtered) {
        dropped.push_back(
            {Severity::warning, at(*k), join(path, k->value),
             "every entry is filtered out by " + filter_.describe() + "; section left out"});
        continue;
      }
      if (!items.empty() || groups.empty())
        out.emplace_back(key, make_sequence(std::move(items), origin_of(*list)));
      std::sort(groups.begin(), groups.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [g, entries] : groups)
        out.emplace_back(make_key(kTypeGroups[g].title, origin_of(*k)),
                         make_sequence(std::move(entries), origin_of(*list)));
    }
    if (filter_.active() && kept_entries == 0 && input_entries > 0)
      error(sections, path, "the tag filter " + filter_.describe() + " leaves no entry in the CV");
    else
      warnings.insert(warnings.end(), dropped.begin(), dropped.end());
    return make_map(std::move(out), origin_of(sections));
  }

  // -------------------------------------------------------- bibliography

  void expand_bibliography(const YamlNode& item, const std::string& path,
                           std::vector<NodeRef>& items,
                           std::vector<std::pair<std::size_t, std::vector<NodeRef>>>& groups,
                           bool& filtered) {
    Fields fs = fields(item, path);
    check_keys(fs, kBibliographyKeys, path, Severity::warning);
    const Field* src = find(fs, "bibliography");
    if (src->value->kind != Kind::scalar || trim(src->value->value).empty()) {
      wrong_type(*src->value, join(path, "bibliography"), "a file name (refs.bib or refs.json)");
      return;
    }
    std::string name(trim(src->value->value));
    std::string why;
    auto resolved = confine_path(name, base_dir_, options_.allowed_dirs, why);
    if (!resolved) {
      error(*src->value, join(path, "bibliography"), why);
      return;
    }
    std::string display = (fs::path(file_).parent_path() / name).lexically_normal().string();
    if (std::find(files.begin(), files.end(), *resolved) == files.end())
      files.push_back(*resolved); // watched by render --watch, even when unreadable
    std::string text;
    try {
      text = read_file(*resolved, options_.limits.max_file_bytes);
    } catch (const IoError& e) {
      error(*src->value, join(path, "bibliography"), e.what());
      return;
    }
    BibParse parsed = ends_with_ci(name, ".json") || ends_with_ci(name, ".csl")
                          ? parse_csl_json(text, display, options_.limits)
                          : parse_bibtex(text, display);
    errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
    warnings.insert(warnings.end(), parsed.warnings.begin(), parsed.warnings.end());
    std::vector<BibRecord> records = std::move(parsed.records);

    // keys: [...] picks entries (in that order unless sort says otherwise).
    bool by_keys = false;
    if (const Field* f = find(fs, "keys"); f && f->value->kind != Kind::null) {
      std::vector<BibRecord> picked;
      std::string kp = join(path, "keys");
      auto keys = tag_list(*f->value, kp);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        auto it = std::find_if(records.begin(), records.end(),
                               [&](const BibRecord& r) { return r.key == keys[i]; });
        if (it == records.end()) {
          std::vector<std::string_view> known;
          for (const auto& r : records)
            known.push_back(r.key);
          std::string message = "no entry '" + keys[i] + "' in " + display;
          if (auto s = suggest(keys[i], known))
            message += " (did you mean '" + std::string(*s) + "'?)";
          const YamlNode& at_node =
              f->value->kind == Kind::sequence ? *f->value->items[i] : *f->value;
          error(at_node, f->value->kind == Kind::sequence ? index(kp, i) : kp, std::move(message));
        } else {
          picked.push_back(*it);
        }
      }
      records = std::move(picked);
      by_keys = true;
    }
    if (const Field* f = find(fs, "types"); f && f->value->kind != Kind::null) {
      auto types = tag_list(*f->value, join(path, "types"));
      for (auto& t : types)
        std::transform(t.begin(), t.end(), t.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::erase_if(records, [&](const BibRecord& r) {
        return std::find(types.begin(), types.end(), r.type) == types.end();
      });
    }
    if (const Field* f = find(fs, "years"); f && f->value->kind != Kind::null) {
      int from = 0, to = 9999;
      std::string y = f->value->kind == Kind::scalar ? std::string(trim(f->value->value)) : "";
      auto dash = y.find('-');
      auto number = [](std::string_view s, int fallback) {
        s = trim(s);
        if (s.empty())
          return fallback;
        int v = 0;
        for (char c : s) {
          if (c < '0' || c > '9' || v > 9999)
            return -1;
          v = v * 10 + (c - '0');
        }
        return v;
      };
      if (dash == std::string::npos) {
        from = to = number(y, -1);
      } else {
        from = number(std::string_view(y).substr(0, dash), 0);
        to = number(std::string_view(y).substr(dash + 1), 9999);
      }
      if (from < 0 || to < 0 || from > to) {
        error(*f->value, join(path, "years"),
              "expected a year or a range such as 2020-2025, 2020- or -2019, got '" + y + "'");
      } else {
        std::erase_if(records, [&](const BibRecord& r) { return r.year < from || r.year > to; });
      }
    }
    std::string sort = by_keys ? "none" : "date-desc";
    if (const Field* f = find(fs, "sort"); f && f->value->kind == Kind::scalar) {
      sort = std::string(trim(f->value->value));
      if (std::find(std::begin(kBibSorts), std::end(kBibSorts), sort) == std::end(kBibSorts)) {
        error(*f->value, join(path, "sort"),
              "unknown bibliography sort '" + sort + "' (valid: " + quoted_list(kBibSorts) + ")");
        sort = "none";
      }
    }
    auto date_key = [](const BibRecord& r) { return std::array{r.year, r.month, r.day}; };
    if (sort == "date-desc")
      std::stable_sort(records.begin(), records.end(), [&](const BibRecord& a, const BibRecord& b) {
        return date_key(a) > date_key(b);
      });
    else if (sort == "date-asc")
      std::stable_sort(records.begin(), records.end(), [&](const BibRecord& a, const BibRecord& b) {
        if ((a.year == 0) != (b.year == 0))
          return b.year == 0;
        return date_key(a) < date_key(b);
      });
    bool group = false;
    if (const Field* f = find(fs, "group_by"); f && f->value->kind != Kind::null) {
      std::string g = f->value->kind == Kind::scalar ? std::string(trim(f->value->value)) : "";
      if (g == "type")
        group = true;
      else if (g != "none")
        error(*f->value, join(path, "group_by"),
              "unknown grouping '" + g + "' (valid: 'type' or 'none')");
    }
    std::vector<std::string> shared_tags;
    if (const Field* f = find(fs, "tags"))
      shared_tags = tag_list(*f->value, join(path, "tags"));
    for (const auto& r : records) {
      std::vector<std::string> tags = r.tags;
      tags.insert(tags.end(), shared_tags.begin(), shared_tags.end());
      if (!filter_.keeps(tags)) {
        filtered = true;
        continue;
      }
      NodeRef node = publication_node(r);
      if (group) {
        std::size_t g = type_group(r.type);
        auto it =
            std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == g; });
        if (it == groups.end()) {
          groups.emplace_back(g, std::vector<NodeRef>{});
          it = groups.end() - 1;
        }
        it->second.push_back(std::move(node));
      } else {
        items.push_back(std::move(node));
      }
    }
  }

  static NodeRef publication_node(const BibRecord& r) {
    const Origin& o = r.where;
    std::vector<MapEntry> m;
    auto add = [&](std::string_view key, const std::string& value) {
      if (!value.empty())
        m.emplace_back(make_key(key, o), make_scalar(value, o));
    };
    add("title", r.title);
    std::vector<NodeRef> authors;
    for (const auto& a : r.authors) {
      std::vector<MapEntry> am;
      am.emplace_back(make_key("name", o), make_scalar(a.name, o));
      if (a.co_first)
        am.emplace_back(make_key("co_first", o), make_scalar("true", o));
      if (a.corresponding)
        am.emplace_back(make_key("corresponding", o), make_scalar("true", o));
      if (a.highlighted)
        am.emplace_back(make_key("highlighted", o), make_scalar("true", o));
      authors.push_back(make_map(std::move(am), o));
    }
    m.emplace_back(make_key("authors", o), make_sequence(std::move(authors), o));
    add("journal", r.venue);
    add("venue_short", r.venue_short);
    add("date", date_string(r));
    add("doi", r.doi);
    add("url", r.url);
    add("label", r.label);
    add("status", r.status);
    if (!r.awards.empty()) {
      std::vector<NodeRef> awards;
      for (const auto& a : r.awards)
        awards.push_back(make_scalar(a, o));
      m.emplace_back(make_key("awards", o), make_sequence(std::move(awards), o));
    }
    add("note", r.note);
    return make_map(std::move(m), o);
  }

  const LoadOptions& options_;
  fs::path base_dir_;
  TagFilter filter_;
  std::string language_; // chosen language tag ("" = none)
  std::string fallback_; // locale.language's tag
};

} // namespace

std::string language_key(std::string_view key) {
  // A BCP-47-shaped key: 2-3 letters, then subtags of 2-8 letters/digits.
  if (key.size() < 2 || key.size() > 35)
    return {};
  std::size_t i = 0;
  while (i < key.size() && std::isalpha(static_cast<unsigned char>(key[i])))
    ++i;
  if (i < 2 || i > 3)
    return {};
  while (i < key.size()) {
    if (key[i] != '-' && key[i] != '_')
      return {};
    std::size_t start = ++i;
    while (i < key.size() && std::isalnum(static_cast<unsigned char>(key[i])))
      ++i;
    if (i - start < 2 || i - start > 8)
      return {};
  }
  return resolve_language(key);
}

Prepared prepare_document(const NodeRef& root, const std::string& file,
                          const LoadOptions& options) {
  Preparer p(file, options);
  Prepared out;
  out.root = p.run(root);
  out.errors = std::move(p.errors);
  out.warnings = std::move(p.warnings);
  out.variants = std::move(p.variants);
  out.files = std::move(p.files);
  return out;
}

} // namespace cvpress::detail

// JSON Resume (https://jsonresume.org/schema) -> the cvpress `cv:` tree.
// Every value keeps its JSON line and column, so the loader's errors point
// into the .json file. The mapping is documented in docs/format.md.
#include "load/bib_record.hpp"
#include "load/prepare.hpp"

#include <algorithm>

namespace cvpress::detail {

namespace {

using Kind = YamlNode::Kind;

constexpr std::string_view kTopKeys[] = {
    "$schema",      "basics", "work",      "volunteer", "education",  "awards",   "certificates",
    "publications", "skills", "languages", "interests", "references", "projects", "meta"};
constexpr std::string_view kBasicsKeys[] = {"name", "label",   "image",    "email",   "phone",
                                            "url",  "summary", "location", "profiles"};
constexpr std::string_view kLocationKeys[] = {"address", "postalCode", "city", "countryCode",
                                              "region"};
constexpr std::string_view kProfileKeys[] = {"network", "username", "url"};
constexpr std::string_view kWorkKeys[] = {"name",     "location", "description",
                                          "position", "url",      "startDate",
                                          "endDate",  "summary",  "highlights"};
constexpr std::string_view kVolunteerKeys[] = {"organization", "position", "url",       "startDate",
                                               "endDate",      "summary",  "highlights"};
constexpr std::string_view kEducationKeys[] = {"institution", "url",     "area",  "studyType",
                                               "startDate",   "endDate", "score", "courses"};
constexpr std::string_view kAwardKeys[] = {"title", "date", "awarder", "summary"};
constexpr std::string_view kCertificateKeys[] = {"name", "date", "url", "issuer"};
constexpr std::string_view kPublicationKeys[] = {"name", "publisher", "releaseDate", "url",
                                                 "summary"};
constexpr std::string_view kSkillKeys[] = {"name", "level", "keywords"};
constexpr std::string_view kLanguageKeys[] = {"language", "fluency"};
constexpr std::string_view kInterestKeys[] = {"name", "keywords"};
constexpr std::string_view kReferenceKeys[] = {"name", "reference"};
constexpr std::string_view kProjectKeys[] = {"name",      "description", "highlights", "keywords",
                                             "startDate", "endDate",     "url",        "roles",
                                             "entity",    "type"};

class Converter {
public:
  explicit Converter(NodeReader& r) : r_(r) {}

  NodeRef run(const YamlNode& root) {
    Fields top = r_.fields(root, "");
    r_.check_keys(top, kTopKeys, "", Severity::error);
    Origin o = origin_of(root);
    std::vector<MapEntry> cv;
    std::vector<MapEntry> sections;
    if (const Field* f = NodeReader::find(top, "basics"))
      basics(*f->value, cv, sections);
    list(top, "work", "experience", kWorkKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("company", linked(fs, "name"));
      e.add_text("position", get(fs, "position"));
      e.copy("location", get(fs, "location"));
      dates(fs, e);
      e.add_text("summary", joined(fs, {"description", "summary"}, " — "));
      e.add("highlights", strings(fs, "highlights"));
    });
    list(top, "volunteer", "volunteer", kVolunteerKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("company", linked(fs, "organization"));
      e.add_text("position", get(fs, "position"));
      dates(fs, e);
      e.add_text("summary", get(fs, "summary"));
      e.add("highlights", strings(fs, "highlights"));
    });
    list(top, "education", "education", kEducationKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("institution", linked(fs, "institution"));
      e.add_text("area", get(fs, "area"));
      e.add_text("degree", get(fs, "studyType"));
      dates(fs, e);
      std::vector<NodeRef> hl;
      if (const YamlNode* score = get(fs, "score"); score && score->kind == Kind::scalar)
        hl.push_back(make_scalar("Score: " + escape_markup(score->value), origin_of(*score)));
      if (auto courses = strings(fs, "courses"))
        for (const auto& c : courses->items)
          hl.push_back(c);
      if (!hl.empty())
        e.add("highlights", make_sequence(std::move(hl), e.o));
    });
    list(top, "awards", "awards", kAwardKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("name", get(fs, "title"));
      e.copy("date", get(fs, "date"));
      e.add_text("location", get(fs, "awarder"));
      e.add_text("summary", get(fs, "summary"));
    });
    list(top, "certificates", "certificates", kCertificateKeys, sections,
         [&](const Fields& fs, Entry& e) {
           e.add_text("name", linked(fs, "name"));
           e.copy("date", get(fs, "date"));
           e.add_text("location", get(fs, "issuer"));
         });
    list(top, "publications", "publications", kPublicationKeys, sections,
         [&](const Fields& fs, Entry& e) {
           e.add_text("title", get(fs, "name"));
           e.add("authors", make_sequence({}, e.o));
           e.add_text("journal", get(fs, "publisher"));
           e.copy("date", get(fs, "releaseDate"));
           e.copy("url", get(fs, "url"));
           e.add_text("summary", get(fs, "summary"));
         });
    list(top, "skills", "skills", kSkillKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("label", get(fs, "name"));
      e.add_text("details", details(fs, "keywords", "level", e.o));
    });
    list(top, "languages", "languages", kLanguageKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("label", get(fs, "language"));
      e.add_text("details", details(fs, "", "fluency", e.o));
    });
    list(top, "interests", "interests", kInterestKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("label", get(fs, "name"));
      e.add_text("details", details(fs, "keywords", "", e.o));
    });
    list(top, "references", "references", kReferenceKeys, sections,
         [&](const Fields& fs, Entry& e) {
           e.add_text("name", get(fs, "name"));
           e.add_text("summary", get(fs, "reference"));
         });
    list(top, "projects", "projects", kProjectKeys, sections, [&](const Fields& fs, Entry& e) {
      e.add_text("name", linked(fs, "name"));
      e.add_text("location", get(fs, "entity"));
      dates(fs, e);
      e.add_text("summary", get(fs, "description"));
      std::vector<NodeRef> hl;
      if (auto h = strings(fs, "highlights"))
        hl = h->items;
      for (auto [key, label] : {std::pair{"roles", "Roles: "}, std::pair{"keywords", "Keywords: "}})
        if (const YamlNode* v = get(fs, key); v && v->kind == Kind::sequence && !v->items.empty())
          hl.push_back(make_scalar(label + comma_list(*v), origin_of(*v)));
      if (const YamlNode* t = get(fs, "type"); t && t->kind == Kind::scalar)
        hl.push_back(make_scalar("Type: " + escape_markup(t->value), origin_of(*t)));
      if (!hl.empty())
        e.add("highlights", make_sequence(std::move(hl), e.o));
    });
    if (!sections.empty())
      cv.emplace_back(make_key("sections", o), make_map(std::move(sections), o));
    return make_map({{make_key("cv", o), make_map(std::move(cv), o)}}, o);
  }

private:
  // An entry under construction.
  struct Entry {
    Origin o;
    std::vector<MapEntry> m;
    void add(std::string_view key, NodeRef v) {
      if (v)
        m.emplace_back(make_key(key, o), std::move(v));
    }
    void copy(std::string_view key, const YamlNode* v) {
      if (v && v->kind != Kind::null)
        m.emplace_back(make_key(key, o), std::make_shared<const YamlNode>(*v));
    }
    void add_text(std::string_view key, const YamlNode* v);
    void add_text(std::string_view key, NodeRef v) {
      if (v)
        add(key, std::move(v));
    }
  };

  static const YamlNode* get(const Fields& fs, std::string_view key) {
    const Field* f = NodeReader::find(fs, key);
    return f && f->value->kind != Kind::null ? f->value : nullptr;
  }

  // A text value as markup: scalars escaped, language maps kept as maps.
  static NodeRef text(const YamlNode* v) {
    if (!v)
      return nullptr;
    if (v->kind == Kind::scalar) {
      if (trim(v->value).empty())
        return nullptr;
      return make_scalar(escape_markup(v->value), origin_of(*v));
    }
    if (v->kind == Kind::map) {
      std::vector<MapEntry> m;
      for (const auto& [k, x] : v->entries)
        m.emplace_back(
            k, x->kind == Kind::scalar ? make_scalar(escape_markup(x->value), origin_of(*x)) : x);
      return make_map(std::move(m), origin_of(*v));
    }
    return std::make_shared<const YamlNode>(*v); // wrong type: the loader says so
  }

  // `name` linked to `url` when both are plain strings.
  NodeRef linked(const Fields& fs, std::string_view key) {
    const YamlNode* name = get(fs, key);
    const YamlNode* url = get(fs, "url");
    if (name && name->kind == Kind::scalar && url && url->kind == Kind::scalar &&
        !trim(url->value).empty() && !trim(name->value).empty())
      return make_scalar("[" + escape_markup(name->value) + "](" + std::string(trim(url->value)) +
                             ")",
                         origin_of(*name));
    return text(name);
  }

  NodeRef joined(const Fields& fs, std::initializer_list<std::string_view> keys,
                 std::string_view sep) {
    std::string out;
    const YamlNode* first = nullptr;
    for (auto k : keys) {
      const YamlNode* v = get(fs, k);
      if (!v)
        continue;
      if (v->kind != Kind::scalar)
        return text(v);
      if (trim(v->value).empty())
        continue;
      out += (out.empty() ? "" : std::string(sep)) + escape_markup(v->value);
      first = first ? first : v;
    }
    return first ? make_scalar(out, origin_of(*first)) : nullptr;
  }

  static std::string comma_list(const YamlNode& seq) {
    std::string out;
    for (const auto& i : seq.items)
      if (i->kind == Kind::scalar && !trim(i->value).empty())
        out += (out.empty() ? "" : ", ") + escape_markup(i->value);
    return out;
  }

  NodeRef strings(const Fields& fs, std::string_view key) {
    const YamlNode* v = get(fs, key);
    if (!v)
      return nullptr;
    if (v->kind != Kind::sequence)
      return std::make_shared<const YamlNode>(*v);
    std::vector<NodeRef> items;
    for (const auto& i : v->items)
      if (auto t = text(i.get()))
        items.push_back(std::move(t));
    return items.empty() ? nullptr : make_sequence(std::move(items), origin_of(*v));
  }

  NodeRef details(const Fields& fs, std::string_view list_key, std::string_view level_key,
                  const Origin& o) {
    std::string out;
    const YamlNode* at = nullptr;
    if (const YamlNode* k = list_key.empty() ? nullptr : get(fs, list_key)) {
      if (k->kind == Kind::sequence)
        out = comma_list(*k);
      else if (k->kind == Kind::scalar)
        out = escape_markup(k->value);
      at = k;
    }
    if (const YamlNode* l = level_key.empty() ? nullptr : get(fs, level_key);
        l && l->kind == Kind::scalar && !trim(l->value).empty()) {
      out = out.empty() ? escape_markup(l->value) : out + " (" + escape_markup(l->value) + ")";
      at = at ? at : l;
    }
    if (out.empty())
      out = "–";
    return make_scalar(out, at ? origin_of(*at) : o);
  }

  void dates(const Fields& fs, Entry& e) {
    const YamlNode* start = get(fs, "startDate");
    const YamlNode* end = get(fs, "endDate");
    if (start && start->kind == Kind::scalar && trim(start->value).empty())
      start = nullptr;
    if (end && end->kind == Kind::scalar && trim(end->value).empty())
      end = nullptr;
    if (start && end && start->kind == Kind::scalar && end->kind == Kind::scalar &&
        start->value == end->value) {
      e.copy("date", start);
      return;
    }
    e.copy("start_date", start);
    e.copy("end_date", end);
  }

  template <typename F>
  void list(const Fields& top, std::string_view key, std::string_view section, Keys known,
            std::vector<MapEntry>& sections, F&& each) {
    const Field* f = NodeReader::find(top, key);
    if (!f || f->value->kind == Kind::null)
      return;
    std::string path(key);
    if (f->value->kind != Kind::sequence) {
      r_.wrong_type(*f->value, path, "a list");
      return;
    }
    std::vector<NodeRef> entries;
    for (std::size_t i = 0; i < f->value->items.size(); ++i) {
      const YamlNode& item = *f->value->items[i];
      std::string ip = index(path, i);
      auto fs = r_.map_fields(item, ip);
      if (!fs)
        continue;
      r_.check_keys(*fs, known, ip, Severity::warning);
      Entry e{origin_of(item), {}};
      each(*fs, e);
      if (e.m.empty())
        continue;
      entries.push_back(make_map(std::move(e.m), e.o));
    }
    if (!entries.empty())
      sections.emplace_back(make_key(section, origin_of(*f->key_node)),
                            make_sequence(std::move(entries), origin_of(*f->value)));
  }

  void basics(const YamlNode& n, std::vector<MapEntry>& cv, std::vector<MapEntry>& sections) {
    auto fs = r_.map_fields(n, "basics");
    if (!fs)
      return;
    r_.check_keys(*fs, kBasicsKeys, "basics", Severity::error);
    auto put = [&](std::string_view key, NodeRef v) {
      if (v)
        cv.emplace_back(make_key(key, v ? origin_of(*v) : origin_of(n)), std::move(v));
    };
    auto raw = [&](std::string_view from) -> NodeRef {
      const YamlNode* v = get(*fs, from);
      if (!v || (v->kind == Kind::scalar && trim(v->value).empty()))
        return nullptr;
      return std::make_shared<const YamlNode>(*v);
    };
    const YamlNode* name = get(*fs, "name");
    put("name", name && name->kind == Kind::scalar ? raw("name") : text(name));
    put("headline", text(get(*fs, "label")));
    if (const YamlNode* loc = get(*fs, "location")) {
      std::string p = "basics.location";
      if (auto lf = r_.map_fields(*loc, p)) {
        r_.check_keys(*lf, kLocationKeys, p, Severity::warning);
        std::string line;
        for (auto k : {"address", "postalCode", "city", "region", "countryCode"})
          if (const YamlNode* v = get(*lf, k);
              v && v->kind == Kind::scalar && !trim(v->value).empty())
            line += (line.empty() ? "" : ", ") + std::string(trim(v->value));
        if (!line.empty())
          put("location", make_scalar(line, origin_of(*loc)));
      }
    }
    put("email", raw("email"));
    put("phone", raw("phone"));
    put("website", raw("url"));
    if (const YamlNode* img = get(*fs, "image");
        img && img->kind == Kind::scalar && !trim(img->value).empty()) {
      std::string v(trim(img->value));
      if (v.find("://") != std::string::npos)
        r_.warn(*img, "basics.image", "a photo URL is not downloaded; give a file path instead");
      else
        put("photo", raw("image"));
    }
    if (const YamlNode* profiles = get(*fs, "profiles")) {
      if (profiles->kind != Kind::sequence) {
        r_.wrong_type(*profiles, "basics.profiles", "a list");
      } else {
        std::vector<NodeRef> social;
        for (std::size_t i = 0; i < profiles->items.size(); ++i) {
          const YamlNode& p = *profiles->items[i];
          std::string ip = index("basics.profiles", i);
          auto pf = r_.map_fields(p, ip);
          if (!pf)
            continue;
          r_.check_keys(*pf, kProfileKeys, ip, Severity::warning);
          const YamlNode* net = get(*pf, "network");
          const YamlNode* user = get(*pf, "username");
          const YamlNode* url = get(*pf, "url");
          Origin o = origin_of(p);
          if (net && user) {
            social.push_back(
                make_map({{make_key("network", o), std::make_shared<const YamlNode>(*net)},
                          {make_key("username", o), std::make_shared<const YamlNode>(*user)}},
                         o));
          } else {
            (void)url;
            r_.warn(p, ip, "a profile needs network and username; ignored");
          }
        }
        if (!social.empty())
          put("social_networks", make_sequence(std::move(social), origin_of(*profiles)));
      }
    }
    if (auto summary = text(get(*fs, "summary"))) {
      Origin o = origin_of(*summary);
      sections.emplace_back(make_key("summary", o), make_sequence({summary}, o));
    }
  }

  NodeReader& r_;
};

void Converter::Entry::add_text(std::string_view key, const YamlNode* v) {
  add(key, Converter::text(v));
}

} // namespace

bool is_json_resume(const YamlNode& root, const std::string& file) {
  if (root.kind != Kind::map || map_value(root, "cv"))
    return false;
  if (map_value(root, "basics") || map_value(root, "$schema"))
    return true;
  std::string lower = file;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.ends_with(".json");
}

NodeRef json_resume_to_cv(const YamlNode& root, NodeReader& reader) {
  return Converter(reader).run(root);
}

} // namespace cvpress::detail

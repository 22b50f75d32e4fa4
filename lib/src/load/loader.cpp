// YAML -> Cv: validation with exact locations, then the typed model.
#include <cvpress/files.hpp>
#include <cvpress/load.hpp>
#include <cvpress/mojibake.hpp>

#include "base/file_access.hpp"
#include "fonts/icons.hpp"
#include "load/dates.hpp"
#include "load/input_format.hpp"
#include "load/markup.hpp"
#include "load/node_reader.hpp"
#include "load/prepare.hpp"
#include "load/yaml_tree.hpp"
#include "style/style_loader.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"
#include "text/phone.hpp"
#include "text/section_keys.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
#include <span>
#include <tuple>
#include <unordered_map>

namespace cvpress {

namespace {

using detail::Field;
using detail::Fields;
using detail::index;
using detail::join;
using detail::Keys;
using detail::quoted_list;
using detail::suggest;
using detail::trim;
using detail::YamlNode;
using Kind = YamlNode::Kind;

// The keys of every map the loader reads come from the input-format tables
// (load/input_format.hpp), which `cvpress schema` is generated from too.
namespace input = detail::input;
// Keys that decide an entry's type, in priority order (docs/format.md).
constexpr const auto& kEntryKinds = input::kEntryTypes;
constexpr auto kTopKeys = input::keys_of(input::kTop);
constexpr auto kCvKeys = input::keys_of(input::kCv);
constexpr auto kNameKeys = input::keys_of(input::kName);
constexpr auto kSocialKeys = input::keys_of(input::kSocial);
constexpr auto kConnectionKeys = input::keys_of(input::kConnection);
constexpr auto kEducationKeys = input::keys_of(input::kEducation);
constexpr auto kExperienceKeys = input::keys_of(input::kExperience);
constexpr auto kNormalKeys = input::keys_of(input::kNormal);
constexpr auto kPublicationKeys = input::keys_of(input::kPublication);
constexpr auto kTalkKeys = input::keys_of(input::kTalk);
constexpr auto kEventKeys = input::keys_of(input::kEvent);
constexpr auto kPatentKeys = input::keys_of(input::kPatent);
constexpr auto kServiceKeys = input::keys_of(input::kService);
constexpr auto kOneLineKeys = input::keys_of(input::kOneLine);
constexpr auto kBulletKeys = input::keys_of(input::kBullet);
constexpr auto kNumberKeys = input::keys_of(input::kNumbered);
constexpr auto kReversedKeys = input::keys_of(input::kReversedNumbered);
constexpr auto kHighlightKeys = input::keys_of(input::kHighlight);
constexpr auto kAuthorKeys = input::keys_of(input::kAuthor);
constexpr auto kLocaleKeys = input::keys_of(input::kLocale);
constexpr auto kSettingsKeys = input::keys_of(input::kSettings);
constexpr auto kPhraseKeys = input::keys_of(input::kPhrases);
constexpr auto kRenderCommandKeys = input::keys_of(input::kRenderCommand);
// settings.sort values; the aliases map onto the first five.
constexpr std::string_view kSortOrders[] = {"none", "newest_first", "oldest_first", "alphabetical",
                                            "family_name"};
constexpr std::pair<std::string_view, SortOrder> kSortAliases[] = {
    {"none", SortOrder::none},
    {"newest_first", SortOrder::newest_first},
    {"oldest_first", SortOrder::oldest_first},
    {"alphabetical", SortOrder::alphabetical},
    {"family_name", SortOrder::family_name},
    {"date", SortOrder::newest_first},
    {"reverse_chronological", SortOrder::newest_first},
    {"chronological", SortOrder::oldest_first},
    {"name", SortOrder::family_name},
};

class Loader : public detail::NodeReader {
public:
  static std::string refused_link(const std::string& url) {
    return "link '" + url + "' is not a web, mail or phone link (allowed: " +
           std::string(detail::kAllowedLinkSchemes) + "); shown as plain text";
  }

  // The header is drawn on the first page and never broken across pages:
  // bound its contact items so it always fits.
  void check_contact_count(const Fields& fs, const std::string& path) {
    std::size_t items = 0;
    for (std::string_view key :
         {"email", "phone", "website", "social_networks", "custom_connections"}) {
      const Field* f = find(fs, key);
      if (!f || f->value->kind == Kind::null)
        continue;
      const bool list = f->value->kind == Kind::sequence;
      const std::size_t n = list ? f->value->items.size() : 1;
      if (items + n > limits_.max_contact_items) {
        const std::size_t i = limits_.max_contact_items - items;
        const std::string fp = join(path, std::string(key));
        error(list ? *f->value->items[i] : *f->value, list ? index(fp, i) : fp,
              "more than " + std::to_string(limits_.max_contact_items) +
                  " contact items (e-mail, phone, website, social networks, custom "
                  "connections) in the header (limit)");
        return;
      }
      items += n;
    }
  }

  // A URL field: "" with a warning when its scheme is not allowed.
  std::string link(const Fields& fs, std::string_view key, const std::string& path) {
    std::string url = plain(fs, key, path);
    if (!url.empty() && detail::link_target(url).empty()) {
      warn(*find(fs, key)->value, join(path, std::string(key)), refused_link(url));
      url.clear();
    }
    return url;
  }

  Loader(std::string file, const LoadLimits& limits)
      : NodeReader(std::move(file)), limits_(limits) {}

  Cv load(const YamlNode& root) {
    Cv cv;
    if (root.kind != Kind::map) {
      error(root, "",
            "expected a map with the keys cv, design, locale and settings, got " +
                std::string(detail::describe_kind(root)));
      return cv;
    }
    Fields top = fields(root, "");
    check_keys(top, kTopKeys, "", Severity::error);
    if (const Field* d = find(top, "design"); d && d->value->kind == Kind::map)
      for (const auto& [k, v] : d->value->entries)
        if (k->kind == Kind::scalar && k->value == "theme" && v->kind == Kind::scalar)
          rendercv_theme_ = detail::is_rendercv_theme(v->value);
    if (const Field* f = find(top, "cv"))
      load_cv(*f->value, "cv", cv);
    else
      error(root, "", "missing required key 'cv'");
    if (const Field* f = find(top, "locale"); f && f->value->kind != Kind::null)
      load_locale(*f->value, "locale", cv.locale);
    if (const Field* f = find(top, "settings"); f && f->value->kind != Kind::null)
      load_settings(*f->value, "settings", cv.settings, cv.sections);
    if (const Field* f = find(top, "design"); f && f->value->kind != Kind::null)
      load_design(*f->value, "design", cv.design);
    return cv;
  }

private:
  // ---------------------------------------------------------------- scalars

  RichText rich(const YamlNode& n, const std::string& path) {
    std::vector<std::string> messages;
    RichText text = detail::parse_markup(n.value, at(n), &messages);
    for (auto& m : messages)
      warn(n, path, std::move(m));
    return text;
  }

  RichText required_rich(const YamlNode& map, const Fields& fs, std::string_view key,
                         const std::string& path) {
    if (const YamlNode* n = required(map, fs, key, path))
      return rich(*n, join(path, key));
    return {};
  }

  RichText optional_rich(const Fields& fs, std::string_view key, const std::string& path) {
    const Field* f = find(fs, key);
    if (!f || f->value->kind == Kind::null)
      return {};
    if (f->value->kind != Kind::scalar) {
      wrong_type(*f->value, join(path, key), "a string");
      return {};
    }
    return rich(*f->value, join(path, key));
  }

  // ------------------------------------------------------------------ dates

  std::optional<DatePoint> date_value(const Field& f, const std::string& path,
                                      detail::DateField kind) {
    if (f.value->kind == Kind::null)
      return std::nullopt;
    if (f.value->kind != Kind::scalar) {
      wrong_type(*f.value, join(path, f.key), "a date");
      return std::nullopt;
    }
    detail::DateParse parsed = detail::parse_date(f.value->value, kind);
    if (!parsed.value)
      error(*f.value, join(path, f.key), parsed.error);
    return parsed.value;
  }

  Dates dates(const Fields& fs, const std::string& path, bool ranges) {
    Dates d;
    for (const auto& f : fs)
      if (f.key == "date" || (ranges && (f.key == "start_date" || f.key == "end_date"))) {
        d.where = at(*f.key_node);
        break;
      }
    // A key written with no value (`start_date:`, RenderCV's examples do it)
    // is not given.
    auto given = [&](std::string_view key) -> const Field* {
      const Field* f = find(fs, key);
      return f && f->value->kind != Kind::null ? f : nullptr;
    };
    const Field* date = given("date");
    const Field* start = ranges ? given("start_date") : nullptr;
    const Field* end = ranges ? given("end_date") : nullptr;
    if (date)
      d.date = date_value(*date, path, detail::DateField::date);
    if (start)
      d.start = date_value(*start, path, detail::DateField::start);
    if (end)
      d.end = date_value(*end, path, detail::DateField::end);
    if (d.date && (start || end)) {
      warn(*date->key_node, join(path, "date"),
           "start_date/end_date are ignored because date is given (as in RenderCV)");
      d.start.reset();
      d.end.reset();
    } else if (!start && d.end) {
      d.date = std::move(d.end); // RenderCV: end_date alone acts as date
      d.end.reset();
    } else if (d.start && d.end) {
      const auto* s = std::get_if<CalendarDate>(&*d.start);
      const auto* e = std::get_if<CalendarDate>(&*d.end);
      if (s && e && detail::ends_before(*s, *e))
        error(*end->value, join(path, "end_date"),
              "end_date " + detail::format_iso(*e) + " is before start_date " +
                  detail::format_iso(*s));
    }
    return d;
  }

  // ------------------------------------------------------------- highlights

  Highlight split_highlight(const YamlNode& n, const std::string& path) {
    // RenderCV's multi-line form: lines starting with "- " are nested bullets.
    std::vector<std::string> parts(1);
    bool nested = false;
    std::string_view text = n.unfolded.empty() ? std::string_view(n.value) : n.unfolded;
    while (!text.empty()) {
      auto nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      std::string_view t = trim(line);
      if (t.size() >= 2 && t[0] == '-' && t[1] == ' ') {
        parts.emplace_back(t.substr(2));
        nested = true;
      } else if (!t.empty()) {
        if (!parts.back().empty())
          parts.back() += ' ';
        parts.back() += t;
      }
    }
    Highlight h;
    if (!nested) {
      h.text = rich(n, path);
      return h;
    }
    std::vector<std::string> messages;
    h.text = detail::parse_markup(parts[0], at(n), &messages);
    for (std::size_t i = 1; i < parts.size(); ++i)
      h.children.push_back(detail::parse_markup(parts[i], at(n), &messages));
    for (auto& m : messages)
      warn(n, path, std::move(m));
    return h;
  }

  std::vector<Highlight> highlights(const Fields& fs, const std::string& path) {
    std::vector<Highlight> out;
    const Field* f = find(fs, "highlights");
    if (!f || f->value->kind == Kind::null)
      return out;
    std::string p = join(path, "highlights");
    if (f->value->kind != Kind::sequence) {
      wrong_type(*f->value, p, "a list of strings");
      return out;
    }
    for (std::size_t i = 0; i < f->value->items.size(); ++i) {
      const YamlNode& item = *f->value->items[i];
      std::string ip = index(p, i);
      if (item.kind == Kind::scalar) {
        out.push_back(split_highlight(item, ip));
      } else if (item.kind == Kind::map) {
        Fields hf = fields(item, ip);
        check_keys(hf, kHighlightKeys, ip, Severity::warning);
        Highlight h;
        h.text = required_rich(item, hf, "text", ip);
        if (const Field* nf = find(hf, "highlights"); nf && nf->value->kind != Kind::null) {
          std::string np = join(ip, "highlights");
          if (nf->value->kind != Kind::sequence) {
            wrong_type(*nf->value, np, "a list of strings");
          } else {
            for (std::size_t j = 0; j < nf->value->items.size(); ++j) {
              const YamlNode& child = *nf->value->items[j];
              if (child.kind == Kind::scalar)
                h.children.push_back(rich(child, index(np, j)));
              else
                error(child, index(np, j),
                      "expected a string, got " + std::string(detail::describe_kind(child)) +
                          " (highlights nest one level only)");
            }
          }
        }
        out.push_back(std::move(h));
      } else {
        wrong_type(item, ip, "a string or a map with text and highlights");
      }
    }
    return out;
  }

  EntryDetails details(const Fields& fs, const std::string& path) {
    EntryDetails d;
    d.dates = dates(fs, path, true);
    d.location = optional_rich(fs, "location", path);
    d.summary = optional_rich(fs, "summary", path);
    d.highlights = highlights(fs, path);
    return d;
  }

  // ---------------------------------------------------------------- authors

  static bool is_star_free(const RichText& t) {
    for (const auto& run : t.runs)
      if (const auto* r = std::get_if<TextRun>(&run); r && r->text.find('*') != std::string::npos)
        return false;
    return true;
  }

  static bool all_bold(const RichText& t) {
    if (t.empty())
      return false;
    for (const auto& run : t.runs) {
      bool bold = std::visit([](const auto& r) { return r.format.bold; }, run);
      if (!bold)
        return false;
    }
    return true;
  }

  Author author_from_string(const YamlNode& n, const std::string& path) {
    static constexpr std::string_view kDagger = "†";
    std::string_view core = trim(n.value);
    std::size_t stars = 0;
    bool dagger = false;
    for (;;) {
      if (!core.empty() && core.back() == '*') {
        ++stars;
        core.remove_suffix(1);
      } else if (core.ends_with(kDagger)) {
        dagger = true;
        core.remove_suffix(kDagger.size());
      } else if (!core.empty() && core.back() == ' ') {
        core.remove_suffix(1);
      } else {
        break;
      }
    }
    // Give back the stars that close emphasis ("**Name***" is bold + one mark).
    std::vector<std::string> messages;
    Author a;
    std::size_t closing = 0;
    a.name = detail::parse_markup(core, at(n), &messages);
    // At most "***" can close emphasis; more would only cost time on hostile input.
    for (std::size_t k = 1; k <= std::min<std::size_t>(stars, 3) && !is_star_free(a.name); ++k) {
      RichText t = detail::parse_markup(std::string(core) + std::string(k, '*'), at(n), &messages);
      if (is_star_free(t)) {
        a.name = std::move(t);
        closing = k;
      }
    }
    for (auto& m : messages)
      warn(n, path, std::move(m));
    a.co_first = stars > closing;
    a.corresponding = dagger;
    a.highlighted = all_bold(a.name);
    if (a.name.empty())
      error(n, path, "author name must not be empty");
    return a;
  }

  std::vector<Author> authors(const YamlNode& n, const std::string& path) {
    std::vector<Author> out;
    if (n.kind != Kind::sequence) {
      wrong_type(n, path, "a list of names");
      return out;
    }
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      const YamlNode& item = *n.items[i];
      std::string ip = index(path, i);
      if (item.kind == Kind::scalar) {
        out.push_back(author_from_string(item, ip));
      } else if (item.kind == Kind::map) {
        Fields af = fields(item, ip);
        check_keys(af, kAuthorKeys, ip, Severity::warning);
        Author a;
        a.name = required_rich(item, af, "name", ip);
        a.co_first = boolean(af, "co_first", ip).value_or(false);
        a.corresponding = boolean(af, "corresponding", ip).value_or(false);
        a.highlighted = boolean(af, "highlighted", ip).value_or(all_bold(a.name));
        out.push_back(std::move(a));
      } else {
        wrong_type(item, ip, "a name or a map with name");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- entries

  std::optional<Entry> entry(const YamlNode& n, const std::string& path) {
    if (n.kind == Kind::scalar)
      return TextEntry{rich(n, path), at(n)};
    if (n.kind != Kind::map) {
      wrong_type(n, path, "an entry (a string or a map)");
      return std::nullopt;
    }
    Fields fs = fields(n, path);
    const input::EntryType* kind = nullptr;
    for (const auto& k : kEntryKinds)
      if (find(fs, k.deciding)) {
        kind = &k;
        break;
      }
    if (!kind) {
      std::string message = "cannot tell the entry type: an entry needs one of the keys "
                            "institution (education), company (experience), authors "
                            "(publication), events (talk), patent_number (patent), role "
                            "(service), reversed_number, number, bullet, label (one-line) "
                            "or name (normal)";
      if (find(fs, "title"))
        message += "; an entry with 'title' also needs 'authors', 'events' or 'patent_number'";
      static constexpr auto deciding = [] {
        std::array<std::string_view, kEntryKinds.size()> keys{};
        for (std::size_t i = 0; i < keys.size(); ++i)
          keys[i] = kEntryKinds[i].deciding;
        return keys;
      }();
      for (const auto& f : fs)
        if (auto s = suggest(f.key, deciding)) {
          message += " (did you mean '" + std::string(*s) + "' instead of '" + f.key + "'?)";
          break;
        }
      error(n, path, std::move(message));
      return std::nullopt;
    }
    std::string_view name = kind->name;
    if (name == "education") {
      check_keys(fs, kEducationKeys, path, Severity::warning);
      EducationEntry e;
      e.institution = required_rich(n, fs, "institution", path);
      e.area = required_rich(n, fs, "area", path);
      e.degree = optional_rich(fs, "degree", path);
      e.details = details(fs, path);
      e.where = at(n);
      return e;
    }
    if (name == "experience") {
      check_keys(fs, kExperienceKeys, path, Severity::warning);
      ExperienceEntry e;
      e.company = required_rich(n, fs, "company", path);
      e.position = required_rich(n, fs, "position", path);
      e.details = details(fs, path);
      e.where = at(n);
      return e;
    }
    if (name == "publication")
      return publication(n, fs, path);
    if (name == "talk")
      return talk(n, fs, path);
    if (name == "patent") {
      check_keys(fs, kPatentKeys, path, Severity::warning);
      PatentEntry e;
      e.title = required_rich(n, fs, "title", path);
      if (const YamlNode* num = required(n, fs, "patent_number", path))
        e.patent_number = std::string(trim(num->value));
      if (const Field* f = find(fs, "inventors"); f && f->value->kind != Kind::null)
        e.inventors = authors(*f->value, join(path, "inventors"));
      e.status = optional_rich(fs, "status", path);
      e.dates = dates(fs, path, false);
      e.url = link(fs, "url", path);
      e.where = at(n);
      return e;
    }
    if (name == "service") {
      check_keys(fs, kServiceKeys, path, Severity::warning);
      ServiceEntry e;
      e.role = required_rich(n, fs, "role", path);
      e.event = required_rich(n, fs, "event", path);
      e.event_short = plain(fs, "event_short", path);
      e.dates = dates(fs, path, false);
      e.location = optional_rich(fs, "location", path);
      e.where = at(n);
      return e;
    }
    if (name == "reversed_numbered") {
      check_keys(fs, kReversedKeys, path, Severity::warning);
      return ReversedNumberedEntry{required_rich(n, fs, "reversed_number", path), at(n)};
    }
    if (name == "numbered") {
      check_keys(fs, kNumberKeys, path, Severity::warning);
      return NumberedEntry{required_rich(n, fs, "number", path), at(n)};
    }
    if (name == "bullet") {
      check_keys(fs, kBulletKeys, path, Severity::warning);
      return BulletEntry{required_rich(n, fs, "bullet", path), at(n)};
    }
    if (name == "one_line") {
      check_keys(fs, kOneLineKeys, path, Severity::warning);
      OneLineEntry e;
      e.label = required_rich(n, fs, "label", path);
      e.details = required_rich(n, fs, "details", path);
      e.where = at(n);
      return e;
    }
    check_keys(fs, kNormalKeys, path, Severity::warning);
    NormalEntry e;
    e.name = required_rich(n, fs, "name", path);
    e.details = details(fs, path);
    e.where = at(n);
    return e;
  }

  Entry publication(const YamlNode& n, const Fields& fs, const std::string& path) {
    check_keys(fs, kPublicationKeys, path, Severity::warning);
    PublicationEntry e;
    e.title = required_rich(n, fs, "title", path);
    if (const Field* f = find(fs, "authors"); f && f->value->kind != Kind::null)
      e.authors = authors(*f->value, join(path, "authors"));
    else if (f)
      wrong_type(*f->value, join(path, "authors"), "a list of names");
    if (auto doi = string_of(fs, "doi", path)) {
      std::string_view d = trim(*doi);
      for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                      "http://dx.doi.org/", "doi:"})
        if (d.starts_with(prefix)) {
          d.remove_prefix(prefix.size());
          break;
        }
      if (!d.starts_with("10.") || d.find('/') == std::string_view::npos)
        error(*find(fs, "doi")->value, join(path, "doi"),
              "'" + std::string(d) + "' is not a DOI (expected e.g. 10.1145/3575693.3575705)");
      e.doi = std::string(d);
    }
    e.url = link(fs, "url", path);
    e.journal = optional_rich(fs, "journal", path);
    e.dates = dates(fs, path, false);
    e.summary = optional_rich(fs, "summary", path);
    e.venue_short = plain(fs, "venue_short", path);
    e.label = plain(fs, "label", path);
    e.status = optional_rich(fs, "status", path);
    const Field* awards = find(fs, "awards");
    std::vector<const YamlNode*> award_nodes = string_list(fs, "awards", path);
    for (std::size_t i = 0; i < award_nodes.size(); ++i)
      e.awards.push_back(rich(*award_nodes[i], awards->value->kind == Kind::sequence
                                                   ? index(join(path, "awards"), i)
                                                   : join(path, "awards")));
    e.note = optional_rich(fs, "note", path);
    e.where = at(n);
    return e;
  }

  Entry talk(const YamlNode& n, const Fields& fs, const std::string& path) {
    check_keys(fs, kTalkKeys, path, Severity::warning);
    TalkEntry e;
    e.title = required_rich(n, fs, "title", path);
    const Field* ev = find(fs, "events");
    std::string ep = join(path, "events");
    if (ev->value->kind != Kind::sequence) {
      wrong_type(*ev->value, ep, "a list of events");
    } else if (ev->value->items.empty()) {
      error(*ev->value, ep, "a talk needs at least one event");
    } else {
      for (std::size_t i = 0; i < ev->value->items.size(); ++i) {
        const YamlNode& item = *ev->value->items[i];
        std::string ip = index(ep, i);
        auto efs = map_fields(item, ip);
        if (!efs)
          continue;
        check_keys(*efs, kEventKeys, ip, Severity::warning);
        TalkEvent event;
        event.name = required_rich(item, *efs, "name", ip);
        event.location = optional_rich(*efs, "location", ip);
        event.dates = dates(*efs, ip, false);
        event.time = plain(*efs, "time", ip);
        event.host = optional_rich(*efs, "host", ip);
        event.where = at(item);
        e.events.push_back(std::move(event));
      }
    }
    e.summary = optional_rich(fs, "summary", path);
    e.url = link(fs, "url", path);
    e.where = at(n);
    return e;
  }

  // --------------------------------------------------------------- sections

  // The keys an entry of `type` (entry_type_name()) must have.
  static std::vector<std::string_view> required_keys(std::string_view type) {
    static const std::pair<std::string_view, std::vector<std::string_view>> kRequired[] = {
        {"education", {"institution", "area"}},
        {"experience", {"company", "position"}},
        {"normal", {"name"}},
        {"publication", {"title", "authors"}},
        {"talk", {"title", "events"}},
        {"service", {"role", "event"}},
        {"patent", {"title", "patent_number"}},
        {"one_line", {"label", "details"}},
        {"bullet", {"bullet"}},
        {"numbered", {"number"}},
        {"reversed_numbered", {"reversed_number"}}};
    for (const auto& [t, keys] : kRequired)
      if (t == type)
        return keys;
    return {};
  }

  void load_sections(const YamlNode& n, const std::string& path, Cv& cv) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    for (const auto& f : *fs) {
      std::string sp = join(path, f.key);
      Section section;
      section.key = f.key;
      section.title = section_title_from_key(f.key);
      section.where = at(*f.key_node);
      if (f.value->kind != Kind::sequence) {
        wrong_type(*f.value, sp, "a list of entries");
        continue;
      }
      std::string_view first_type;
      for (std::size_t i = 0; i < f.value->items.size(); ++i) {
        const YamlNode& item = *f.value->items[i];
        std::string ip = index(sp, i);
        if (++entries_ > limits_.max_entries) {
          error(item, ip,
                "more than " + std::to_string(limits_.max_entries) + " entries in the CV (limit)");
          return;
        }
        auto e = entry(item, ip);
        if (!e)
          continue;
        std::string_view type = entry_type_name(*e);
        if (first_type.empty()) {
          first_type = type;
        } else if (type != first_type) {
          error(item, ip,
                "all entries in a section must have the same type: this entry is '" +
                    std::string(type) + "', the first is '" + std::string(first_type) + "'");
          // As RenderCV reads it: an entry of the section's type, lacking its keys.
          for (std::string_view key : required_keys(first_type))
            if (item.kind == Kind::map &&
                std::none_of(item.entries.begin(), item.entries.end(),
                             [&](const auto& kv) { return kv.first->value == key; }))
              error(item, join(ip, key),
                    "missing required key '" + std::string(key) + "' (the section's entries are " +
                        std::string(first_type) + " entries)");
          continue;
        }
        section.entries.push_back(std::move(*e));
      }
      cv.sections.push_back(std::move(section));
    }
  }

  // ----------------------------------------------------------------- header

  void load_name(const YamlNode& n, const std::string& path, PersonName& name) {
    if (n.kind == Kind::scalar) {
      name.full = std::string(trim(n.value));
      if (name.full.empty())
        error(n, path, "must not be empty");
      return;
    }
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    check_keys(*fs, kNameKeys, path, Severity::error);
    name.given = plain(*fs, "given", path);
    name.family = plain(*fs, "family", path);
    name.native = plain(*fs, "native", path);
    name.romanized = plain(*fs, "romanized", path);
    name.aliases = plain_list(*fs, "aliases", path);
    name.full = plain(*fs, "full", path);
    if (name.full.empty()) {
      name.full = name.given;
      if (!name.family.empty())
        name.full += (name.full.empty() ? "" : " ") + name.family;
    }
    if (name.full.empty())
      name.full = !name.native.empty() ? name.native : name.romanized;
    if (name.full.empty())
      error(n, path, "a name needs full, given, family or native");
  }

  // RenderCV's rules for the usernames of some networks; nullopt when fine.
  static std::optional<std::string> username_problem(std::string_view network,
                                                     const std::string& u) {
    auto full = [&](const char* pattern) { return std::regex_match(u, std::regex(pattern)); };
    if (network == "Mastodon" && !full("@[^@]+@[^@]+"))
      return "Mastodon username should be in the format '@username@domain'";
    if (network == "StackOverflow" && !full("[0-9]+/[^/]+"))
      return "StackOverflow username should be in the format 'user_id/username'";
    if (network == "YouTube" && u.starts_with('@'))
      return "YouTube username should not start with '@'; remove it";
    if (network == "ORCID" && !full("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]"))
      return "ORCID username should be in the format 'XXXX-XXXX-XXXX-XXXX'";
    if (network == "IMDB" && !full("nm[0-9]{7}"))
      return "IMDB name should be in the format 'nmXXXXXXX'";
    if (network == "Bluesky" &&
        !full("([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-"
              "zA-Z0-9])?"))
      return "Bluesky username should be a valid handle with no '@' (e.g. "
             "'username.bsky.social' or 'domain.com')";
    if (network == "WhatsApp" && !detail::phone_e164(u))
      return "WhatsApp username should be your phone number with its country code (e.g. +1 for "
             "the USA, +44 for the UK)";
    if (network == "Reddit" && !full("[a-zA-Z0-9_-]{3,23}"))
      return "Reddit username should be 3 to 23 letters, digits, underscores or hyphens";
    return std::nullopt;
  }

  // "mailto:", "file:", "javascript:": a scheme before any '/', '?' or '#'.
  static bool has_scheme(std::string_view url) {
    const std::size_t colon = url.find(':');
    return colon != std::string_view::npos && colon > 0 && colon < url.find_first_of("/?#");
  }

  // A phone number needs a few digits; under a RenderCV theme it must also be
  // valid with its country code, as RenderCV requires (libphonenumber).
  void check_phone(const YamlNode& n, const std::string& path, const std::string& phone) {
    const auto digits = std::count_if(phone.begin(), phone.end(),
                                      [](unsigned char c) { return c >= '0' && c <= '9'; });
    if (digits < 3)
      error(n, path, "'" + phone + "' is not a valid phone number");
    else if (rendercv_theme_ && !detail::phone_e164(phone))
      error(n, path,
            "'" + phone +
                "' is not a valid phone number (RenderCV needs its country code, e.g. "
                "+1 609 999 9995)");
  }

  static bool valid_email(std::string_view e) {
    auto at_pos = e.find('@');
    if (at_pos == 0 || at_pos == std::string_view::npos || e.find('@', at_pos + 1) != e.npos)
      return false;
    std::string_view domain = e.substr(at_pos + 1);
    if (domain.empty() || domain.find('.') == domain.npos || domain.front() == '.' ||
        domain.back() == '.')
      return false;
    return std::none_of(e.begin(), e.end(), [](char c) { return c == ' ' || c == '\t'; });
  }

  void load_cv(const YamlNode& n, const std::string& path, Cv& cv) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    check_keys(*fs, kCvKeys, path, Severity::error);
    Header& h = cv.header;
    if (const Field* f = find(*fs, "name"); f && f->value->kind != Kind::null)
      load_name(*f->value, join(path, "name"), h.name);
    h.headline = optional_rich(*fs, "headline", path);
    h.location = plain(*fs, "location", path);
    h.affiliation = plain_list(*fs, "affiliation", path);
    std::vector<const YamlNode*> emails = string_list(*fs, "email", path);
    for (std::size_t i = 0; i < emails.size(); ++i) {
      std::string e(trim(emails[i]->value));
      if (!valid_email(e))
        error(*emails[i],
              find(*fs, "email")->value->kind == Kind::sequence ? index(join(path, "email"), i)
                                                                : join(path, "email"),
              "'" + e + "' is not a valid e-mail address");
      h.emails.push_back(std::move(e));
    }
    std::vector<const YamlNode*> phones = string_list(*fs, "phone", path);
    for (std::size_t i = 0; i < phones.size(); ++i) {
      std::string p(trim(phones[i]->value));
      check_phone(*phones[i],
                  find(*fs, "phone")->value->kind == Kind::sequence ? index(join(path, "phone"), i)
                                                                    : join(path, "phone"),
                  p);
      h.phones.push_back(std::move(p));
    }
    std::vector<const YamlNode*> webs = string_list(*fs, "website", path);
    for (std::size_t i = 0; i < webs.size(); ++i) {
      std::string web(trim(webs[i]->value));
      const std::string wp = find(*fs, "website")->value->kind == Kind::sequence
                                 ? index(join(path, "website"), i)
                                 : join(path, "website");
      if (detail::link_target(web).empty()) {
        if (has_scheme(web)) { // a scheme we refuse: kept as plain text, without a link
          warn(*webs[i], wp, refused_link(web));
          h.custom_connections.push_back(CustomConnection{web, "", ""});
        } else {
          error(*webs[i], wp, "'" + web + "' is not a valid URL (e.g. https://example.com)");
        }
      } else {
        h.websites.push_back(std::move(web));
      }
    }
    h.photo = plain(*fs, "photo", path);
    if (const Field* f = find(*fs, "photo"))
      h.photo_where = at(*f->key_node);
    if (const Field* f = find(*fs, "social_networks"); f && f->value->kind != Kind::null)
      load_list(*f->value, join(path, "social_networks"),
                [&](const YamlNode& item, const std::string& ip) {
                  auto ifs = map_fields(item, ip);
                  if (!ifs)
                    return;
                  check_keys(*ifs, kSocialKeys, ip, Severity::error);
                  SocialNetwork s;
                  if (const YamlNode* v = required(item, *ifs, "network", ip))
                    s.network = std::string(trim(v->value));
                  if (const YamlNode* v = required(item, *ifs, "username", ip)) {
                    s.username = std::string(trim(v->value));
                    if (auto why = username_problem(s.network, s.username))
                      error(*v, join(ip, "username"), *why);
                  }
                  s.where = at(item);
                  h.social_networks.push_back(std::move(s));
                });
    if (const Field* f = find(*fs, "custom_connections"); f && f->value->kind != Kind::null)
      load_list(*f->value, join(path, "custom_connections"),
                [&](const YamlNode& item, const std::string& ip) {
                  auto ifs = map_fields(item, ip);
                  if (!ifs)
                    return;
                  check_keys(*ifs, kConnectionKeys, ip, Severity::error);
                  CustomConnection c;
                  if (const YamlNode* v = required(item, *ifs, "placeholder", ip))
                    c.placeholder = std::string(trim(v->value));
                  c.url = link(*ifs, "url", ip);
                  c.icon = plain(*ifs, "fontawesome_icon", ip);
                  if (!c.icon.empty() && detail::icon_code_point(c.icon) == 0) {
                    std::string message = "Font Awesome 4.7 (fonts-font-awesome) has no icon '" +
                                          c.icon + "'; the connection is shown without one";
                    if (auto s = suggest(c.icon, detail::icon_names()))
                      message += " (did you mean '" + std::string(*s) + "'?)";
                    warn(*find(*ifs, "fontawesome_icon")->value, join(ip, "fontawesome_icon"),
                         std::move(message));
                  }
                  h.custom_connections.push_back(std::move(c));
                });
    check_contact_count(*fs, path);
    if (const Field* f = find(*fs, "sections"); f && f->value->kind != Kind::null)
      load_sections(*f->value, join(path, "sections"), cv);
  }

  template <typename F> void load_list(const YamlNode& n, const std::string& path, F&& each) {
    if (n.kind != Kind::sequence) {
      wrong_type(n, path, "a list");
      return;
    }
    for (std::size_t i = 0; i < n.items.size(); ++i)
      each(*n.items[i], index(path, i));
  }

  // ------------------------------------------------ locale, settings, design

  std::vector<std::string> twelve(const Fields& fs, std::string_view key, std::string_view alias,
                                  const std::string& path) {
    std::string_view used = find(fs, key) ? key : alias;
    const Field* f = find(fs, used);
    if (!f || f->value->kind == Kind::null)
      return {};
    if (f->value->kind != Kind::sequence) {
      wrong_type(*f->value, join(path, used), "a list of 12 strings");
      return {};
    }
    std::vector<std::string> out = plain_list(fs, used, path);
    if (f->value->items.size() != 12)
      error(*f->value, join(path, used),
            "expected 12 names, got " + std::to_string(f->value->items.size()));
    return out;
  }

  void load_locale(const YamlNode& n, const std::string& path, Locale& locale) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    if (auto v = string_of(*fs, "language", path)) {
      locale.language = std::string(trim(*v));
      if (!detail::is_known_language(locale.language)) {
        auto hint = detail::suggest_language(locale.language);
        error(*find(*fs, "language")->value, join(path, "language"),
              "unknown language '" + locale.language + "'" +
                  (hint ? " (did you mean '" + *hint + "'?)"
                        : " (use a RenderCV language name such as 'english' or a BCP-47 tag "
                          "such as 'en', 'zh-Hans')"));
      }
    }
    locale.present = string_of(*fs, "present", path);
    locale.to = string_of(*fs, "to", path);
    locale.month_names = twelve(*fs, "month_names", "full_names_of_months", path);
    locale.month_abbreviations =
        twelve(*fs, "month_abbreviations", "abbreviations_for_months", path);
    locale.phone_number_format = string_of(*fs, "phone_number_format", path);
    if (const auto& f = locale.phone_number_format;
        f && *f != "national" && *f != "international" && *f != "E164") {
      static constexpr std::string_view kFormats[] = {"national", "international", "E164"};
      std::string message = "unknown phone number format '" + *f + "'";
      if (auto s = suggest(*f, kFormats))
        message += " (did you mean '" + std::string(*s) + "'?)";
      else
        message += " (expected " + quoted_list(kFormats) + ")";
      error(*find(*fs, "phone_number_format")->value, join(path, "phone_number_format"),
            std::move(message));
    }
    locale.date_template = string_of(*fs, "date_template", path);
    locale.year = string_of(*fs, "year", path);
    locale.years = string_of(*fs, "years", path);
    locale.month = string_of(*fs, "month", path);
    locale.months = string_of(*fs, "months", path);
    locale.last_updated = string_of(*fs, "last_updated", path);
    locale.page_numbering_template = string_of(*fs, "page_numbering_template", path);
    locale.last_updated_date_template = string_of(*fs, "last_updated_date_template", path);
    if (const Field* f = find(*fs, "phrases"); f && f->value->kind != Kind::null)
      if (auto pf = map_fields(*f->value, join(path, "phrases"))) {
        check_keys(*pf, kPhraseKeys, join(path, "phrases"), Severity::warning);
        locale.degree_with_area = string_of(*pf, "degree_with_area", join(path, "phrases"));
      }
    locale.other = rest(n, *fs, kLocaleKeys, path, "locale option");
  }

  // Keys outside `known`, kept as options, each with a warning.
  OptionValue rest(const YamlNode& n, const Fields& fs, Keys known, const std::string& path,
                   std::string_view what) {
    OptionValue other;
    other.kind = OptionValue::Kind::map;
    other.where = at(n);
    for (const auto& f : fs) {
      if (std::find(known.begin(), known.end(), f.key) != known.end())
        continue;
      std::string message = std::string(what) + " not supported yet, ignored";
      if (auto s = suggest(f.key, known))
        message += " (did you mean '" + std::string(*s) + "'?)";
      warn(*f.key_node, join(path, f.key), std::move(message));
      other.keys.emplace_back(f.key, option(*f.value));
    }
    return other;
  }

  void load_settings(const YamlNode& n, const std::string& path, Settings& settings,
                     const std::vector<Section>& sections) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    if (auto v = string_of(*fs, "current_date", path); v && trim(*v) != "today") {
      detail::DateParse parsed = detail::parse_date(*v, detail::DateField::start);
      const auto* d = parsed.value ? std::get_if<CalendarDate>(&*parsed.value) : nullptr;
      if (d && d->day > 0)
        settings.current_date = *d;
      else
        error(*find(*fs, "current_date")->value, join(path, "current_date"),
              parsed.value ? "expected YYYY-MM-DD or today, got '" + *v + "'" : parsed.error);
    }
    if (const Field* f = find(*fs, "bold_keywords"); f && f->value->kind != Kind::null) {
      if (f->value->kind != Kind::sequence)
        wrong_type(*f->value, join(path, "bold_keywords"), "a list of strings");
      else
        settings.bold_keywords = plain_list(*fs, "bold_keywords", path);
    }
    if (const Field* f = find(*fs, "sort"); f && f->value->kind != Kind::null)
      load_sort(*f->value, join(path, "sort"), sections, settings.sort);
    if (const Field* f = find(*fs, "render_command"); f && f->value->kind != Kind::null)
      load_render_command(*f->value, join(path, "render_command"), settings);
    settings.pdf_title = string_of(*fs, "pdf_title", path);
    settings.other = rest(n, *fs, kSettingsKeys, path, "setting");
  }

  void load_render_command(const YamlNode& n, const std::string& path, Settings& settings) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    check_keys(*fs, kRenderCommandKeys, path, Severity::warning);
    RenderCommand rc;
    rc.where = at(n);
    auto text = [&](std::string_view key, std::string& out) {
      if (auto v = string_of(*fs, key, path); v && !trim(*v).empty())
        out = std::string(trim(*v));
    };
    text("output_folder", rc.output_folder);
    text("pdf_path", rc.pdf_path);
    text("typst_path", rc.typst_path);
    text("markdown_path", rc.markdown_path);
    text("html_path", rc.html_path);
    text("png_path", rc.png_path);
    text("design", rc.design);
    text("locale", rc.locale);
    for (auto [key, out] : {std::pair{"design", &rc.design}, std::pair{"locale", &rc.locale}})
      if (!out->empty())
        warn(*find(*fs, key)->value, join(path, key),
             "separate RenderCV " + std::string(key) +
                 " files are not read; put the block into the CV file");
    auto flag = [&](std::string_view key, bool& out) {
      if (auto b = boolean(*fs, key, path))
        out = *b;
    };
    flag("dont_generate_pdf", rc.dont_generate_pdf);
    flag("dont_generate_typst", rc.dont_generate_typst);
    flag("dont_generate_markdown", rc.dont_generate_markdown);
    flag("dont_generate_html", rc.dont_generate_html);
    flag("dont_generate_png", rc.dont_generate_png);
    settings.render_command = std::move(rc);
  }

  // `sort: ORDER` (every section) or `sort: {section_key: ORDER, ...}`.
  void load_sort(const YamlNode& n, const std::string& path, const std::vector<Section>& sections,
                 std::vector<SortRule>& rules) {
    auto order_of = [&](const YamlNode& v, const std::string& p) -> std::optional<SortOrder> {
      if (v.kind != Kind::scalar) {
        wrong_type(v, p, "a sort order (" + quoted_list(kSortOrders) + ")");
        return std::nullopt;
      }
      std::string word(trim(v.value));
      std::replace(word.begin(), word.end(), '-', '_');
      for (const auto& [name, order] : kSortAliases)
        if (word == name)
          return order;
      std::string message = "unknown sort order '" + v.value + "'";
      if (auto s = suggest(word, kSortOrders))
        message += " (did you mean '" + std::string(*s) + "'?)";
      else
        message += " (valid orders: " + quoted_list(kSortOrders) + ")";
      error(v, p, std::move(message));
      return std::nullopt;
    };
    if (n.kind == Kind::map) {
      std::vector<std::string_view> keys;
      for (const auto& s : sections)
        keys.push_back(s.key);
      for (const auto& [k, v] : n.entries) {
        if (k->kind != Kind::scalar)
          continue;
        const std::string p = join(path, k->value);
        if (!detail::find_section(sections, k->value)) {
          std::string message = "no section '" + k->value + "' to sort";
          if (auto s = suggest(k->value, keys))
            message += " (did you mean '" + std::string(*s) + "'?)";
          else if (!keys.empty())
            message += " (sections: " + quoted_list(keys, " and ") + ")";
          error(*k, p, std::move(message));
        }
        if (auto order = order_of(*v, p))
          rules.push_back(SortRule{k->value, *order, at(*v)});
      }
      return;
    }
    if (auto order = order_of(n, path))
      rules.push_back(SortRule{"", *order, at(n)});
  }

  void load_design(const YamlNode& n, const std::string& path, Design& design) {
    auto fs = map_fields(n, path);
    if (!fs)
      return;
    design.theme = plain(*fs, "theme", path);
    design.options = option(n);
    // Checked against RenderCV's design schema: bad values are errors,
    // unknown keys warnings.
    for (auto& d : detail::design_diagnostics(design))
      (d.severity == Severity::error ? errors : warnings).push_back(std::move(d));
  }

  const LoadLimits& limits_;
  std::size_t entries_ = 0;
  bool rendercv_theme_ = false; // design.theme names a RenderCV theme
};

bool is_lower_word(std::string_view word) {
  bool cased = false;
  for (std::int32_t i = 0, n = static_cast<std::int32_t>(word.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0)
      return false;
    if (u_hasBinaryProperty(c, UCHAR_CASED)) {
      if (!u_isULowercase(c))
        return false;
      cased = true;
    }
  }
  return cased;
}

} // namespace

std::string section_title_from_key(std::string_view key) {
  static constexpr std::string_view kSmall[] = {
      "a",    "and",  "as",   "at",  "but", "by",   "for",  "from", "if", "in",
      "into", "like", "near", "nor", "of",  "off",  "on",   "onto", "or", "over",
      "so",   "than", "that", "the", "to",  "upon", "when", "with", "yet"};
  std::string text(key);
  std::replace(text.begin(), text.end(), '_', ' ');
  std::string out;
  std::size_t start = 0;
  for (std::size_t word_index = 0;; ++word_index) {
    std::size_t space = text.find(' ', start);
    std::string_view word = std::string_view(text).substr(start, space - start);
    bool small =
        word_index > 0 && std::find(std::begin(kSmall), std::end(kSmall), word) != std::end(kSmall);
    if (!small && is_lower_word(word)) {
      std::int32_t i = 0;
      UChar32 c = 0;
      U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
      char buf[4];
      std::int32_t len = 0;
      UBool error = false;
      U8_APPEND(buf, len, 4, u_totitle(c), error);
      (void)error;
      out.append(buf, static_cast<std::size_t>(len));
      out += word.substr(static_cast<std::size_t>(i));
    } else {
      out += word;
    }
    if (space == std::string::npos)
      break;
    out += ' ';
    start = space + 1;
  }
  return out;
}

namespace {

// A photo the CV names that is missing from the CV's folder is reported with
// the load errors, as RenderCV does; paths outside the folder are left to the
// render, which knows the folders --allow-dir adds.
std::optional<Diagnostic> missing_photo(const Cv& cv, const std::filesystem::path& base_dir) {
  const std::string& photo = cv.header.photo;
  if (photo.empty() || photo.starts_with("http://") || photo.starts_with("https://"))
    return std::nullopt;
  std::string why;
  if (detail::confine_path(photo, base_dir, {}, why) || !why.ends_with("not found"))
    return std::nullopt;
  return Diagnostic{Severity::error, cv.header.photo_where, "cv.photo", "photo " + why};
}

LoadResult load_impl(std::string_view yaml, std::string_view filename, const LoadOptions& options,
                     const std::filesystem::path* base_dir) {
  std::string file(filename);
  auto root = detail::parse_yaml(yaml, file, options.limits);
  // Variants, languages, bibliographies and JSON Resume (load/prepare.cpp).
  detail::Prepared prepared = detail::prepare_document(root, file, options);
  Loader loader(file, options.limits);
  LoadResult result;
  result.cv = loader.load(*prepared.root);
  if (base_dir)
    if (auto d = missing_photo(result.cv, *base_dir))
      loader.errors.push_back(std::move(*d));
  result.variants = std::move(prepared.variants);
  result.files = std::move(prepared.files);
  loader.errors.insert(loader.errors.end(), prepared.errors.begin(), prepared.errors.end());
  loader.warnings.insert(loader.warnings.end(), prepared.warnings.begin(), prepared.warnings.end());
  for (const auto& f : find_mojibake(yaml, file))
    loader.warnings.push_back({Severity::warning, f.where, "",
                               "looks like mojibake of \"" + f.repaired + "\" (UTF-8 read as " +
                                   f.encoding + "); 'cvpress doctor --fix' repairs it"});
  // The CV's own messages first, then those of each bibliography file.
  auto by_position = [&file](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(a.where.file != file, a.where.file, a.where.line, a.where.column) <
           std::tuple(b.where.file != file, b.where.file, b.where.line, b.where.column);
  };
  if (!loader.errors.empty()) {
    // Warnings travel with the errors so the user sees everything at once.
    auto all = std::move(loader.errors);
    all.insert(all.end(), loader.warnings.begin(), loader.warnings.end());
    std::stable_sort(all.begin(), all.end(), by_position);
    throw InputError(std::move(all));
  }
  std::stable_sort(loader.warnings.begin(), loader.warnings.end(), by_position);
  result.warnings = std::move(loader.warnings);
  return result;
}

} // namespace

LoadResult load_cv_string(std::string_view yaml, std::string_view filename,
                          const LoadOptions& options) {
  return load_impl(yaml, filename, options, nullptr);
}

LoadResult load_cv_file(const std::filesystem::path& path, const LoadOptions& options) {
  if (path == "-") { // standard input; relative paths resolve against the working directory
    LoadResult result =
        load_cv_string(read_file(path, options.limits.max_file_bytes), kStdinName, options);
    result.cv.source_file = std::string(kStdinName);
    return result;
  }
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.limits.max_file_bytes)
      throw InputError({{Severity::error,
                         {path.string(), 0, 0},
                         "",
                         "input is larger than the limit of " +
                             std::to_string(options.limits.max_file_bytes) + " bytes"}});
  }
  std::string text = read_file(path, options.limits.max_file_bytes);
  const std::filesystem::path base = path.parent_path();
  LoadResult result = load_impl(text, path.string(), options, &base);
  result.cv.source_file = path.string();
  return result;
}

} // namespace cvpress

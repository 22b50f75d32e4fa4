#pragma once
// The input format as data: every key the loader (and the preparing step)
// reads, with the kind of value it takes and whether it is required. The
// loader checks keys against these tables and `cvpress schema`
// (jobs/schema.cpp) generates the JSON Schema from them, so the two cannot
// list different keys. tests/schema/check_schema.py (ctest schema.agree)
// checks that the loader and the schema agree on every key's value kind.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cvpress::detail::input {

/// What a key's value may be.
enum class Value : std::uint8_t {
  text,               ///< a string with inline Markdown (a number is read as text)
  plain,              ///< a string without markup (or a number)
  url,                ///< a web, mail or phone address
  doi,                ///< a DOI: 10.NNNN/..., optionally as a doi.org address or doi:
  date,               ///< 2024, 2024-05, 2024-05-17, present, or free text
  strings,            ///< a string or a list of strings
  string_list,        ///< a list of strings
  twelve_strings,     ///< a list of 12 strings (month names)
  highlights,         ///< a list of strings or {text, highlights}
  authors,            ///< a list of names: strings or author maps
  events,             ///< a list of talk events (at least one)
  boolean,            ///< true or false
  person_name,        ///< a string or a name map
  social_networks,    ///< a list of {network, username}
  custom_connections, ///< a list of {placeholder, url, fontawesome_icon}
  sections,           ///< a map of section title to entries
  sort,               ///< a sort order, or a map of section key to sort order
  variants,           ///< a map of variant name to {only, exclude, max_pages}
  map,                ///< a map (checked by a later stage)
  cv,                 ///< the cv block
  any,                ///< anything (a later stage reads it)
};

/// One key of a map in the input.
struct Field {
  std::string_view key;   ///< the YAML key
  Value value;            ///< what it takes
  bool required = false;  ///< must be present
  std::string_view about; ///< one line for the schema's description
};

/// The keys of `fields`, for the loader's unknown-key checks.
template <std::size_t N>
constexpr std::array<std::string_view, N> keys_of(const std::array<Field, N>& fields) {
  std::array<std::string_view, N> keys{};
  for (std::size_t i = 0; i < N; ++i)
    keys[i] = fields[i].key;
  return keys;
}

// clang-format off
inline constexpr std::array<Field, 4> kTop = {{
    {"cv", Value::cv, false, "the CV: header fields and sections"},
    {"design", Value::map, false, "the look: design.theme and RenderCV design options"},
    {"locale", Value::map, false, "language, date words and month names"},
    {"settings", Value::map, false, "current_date, bold_keywords, sort, variants"},
}};

inline constexpr std::array<Field, 11> kCv = {{
    {"name", Value::person_name, false, "the owner's name: a string or {given, family, native, ...}"},
    {"headline", Value::text, false, "a line under the name"},
    {"location", Value::plain, false, "where the owner lives"},
    {"affiliation", Value::strings, false, "affiliation lines under the headline (cvpress)"},
    {"email", Value::strings, false, "e-mail address(es)"},
    {"phone", Value::strings, false, "phone number(s)"},
    {"website", Value::strings, false, "web address(es)"},
    {"photo", Value::plain, false, "a PNG or JPEG file next to the CV"},
    {"social_networks", Value::social_networks, false, "accounts: [{network, username}]"},
    {"custom_connections", Value::custom_connections, false, "other contact items (cvpress)"},
    {"sections", Value::sections, false, "section title -> list of entries"},
}};

inline constexpr std::array<Field, 6> kName = {{
    {"given", Value::plain, false, "given name(s)"},
    {"family", Value::plain, false, "family name"},
    {"native", Value::plain, false, "the name in its own script, e.g. 陈巧玲"},
    {"romanized", Value::plain, false, "the name in Latin script when `full` is not"},
    {"aliases", Value::strings, false, "other spellings in author lists"},
    {"full", Value::plain, false, "the display name"},
}};

inline constexpr std::array<Field, 2> kSocial = {{
    {"network", Value::plain, true, "LinkedIn, GitHub, GitLab, ORCID, Google Scholar, ..."},
    {"username", Value::plain, true, "the account name or id"},
}};

inline constexpr std::array<Field, 3> kConnection = {{
    {"placeholder", Value::plain, true, "the text shown"},
    {"url", Value::url, false, "where it links"},
    {"fontawesome_icon", Value::plain, false, "a Font Awesome icon name (drawn when the design shows icons)"},
}};

inline constexpr std::array<Field, 9> kEducation = {{
    {"institution", Value::text, true, ""},
    {"area", Value::text, true, "field of study"},
    {"degree", Value::text, false, "e.g. PhD"},
    {"date", Value::date, false, ""},
    {"start_date", Value::date, false, ""},
    {"end_date", Value::date, false, ""},
    {"location", Value::text, false, ""},
    {"summary", Value::text, false, ""},
    {"highlights", Value::highlights, false, ""},
}};

inline constexpr std::array<Field, 8> kExperience = {{
    {"company", Value::text, true, ""},
    {"position", Value::text, true, ""},
    {"date", Value::date, false, ""},
    {"start_date", Value::date, false, ""},
    {"end_date", Value::date, false, ""},
    {"location", Value::text, false, ""},
    {"summary", Value::text, false, ""},
    {"highlights", Value::highlights, false, ""},
}};

inline constexpr std::array<Field, 7> kNormal = {{
    {"name", Value::text, true, ""},
    {"date", Value::date, false, ""},
    {"start_date", Value::date, false, ""},
    {"end_date", Value::date, false, ""},
    {"location", Value::text, false, ""},
    {"summary", Value::text, false, ""},
    {"highlights", Value::highlights, false, ""},
}};

inline constexpr std::array<Field, 12> kPublication = {{
    {"title", Value::text, true, ""},
    {"authors", Value::authors, true, "names; **bold** or the owner's name is highlighted"},
    {"doi", Value::doi, false, "e.g. 10.1145/3575693.3575705"},
    {"url", Value::url, false, ""},
    {"journal", Value::text, false, "the full venue name"},
    {"date", Value::date, false, ""},
    {"summary", Value::text, false, ""},
    {"venue_short", Value::plain, false, "short venue tag, e.g. ASPLOS '23 (cvpress)"},
    {"label", Value::plain, false, "hanging label, e.g. C1 (cvpress)"},
    {"status", Value::text, false, "e.g. Under review (cvpress)"},
    {"awards", Value::strings, false, "e.g. Best Paper Award (cvpress)"},
    {"note", Value::text, false, "a note under the entry (cvpress)"},
}};

inline constexpr std::array<Field, 4> kTalk = {{
    {"title", Value::text, true, ""},
    {"events", Value::events, true, "where and when it was given (cvpress)"},
    {"summary", Value::text, false, ""},
    {"url", Value::url, false, "slides or video"},
}};

inline constexpr std::array<Field, 5> kEvent = {{
    {"name", Value::text, true, "the event"},
    {"location", Value::text, false, ""},
    {"date", Value::date, false, ""},
    {"time", Value::plain, false, "free text, e.g. 2 p.m."},
    {"host", Value::text, false, ""},
}};

inline constexpr std::array<Field, 6> kPatent = {{
    {"title", Value::text, true, ""},
    {"patent_number", Value::plain, true, "e.g. CN111970571A"},
    {"inventors", Value::authors, false, ""},
    {"status", Value::text, false, "e.g. Granted"},
    {"date", Value::date, false, ""},
    {"url", Value::url, false, ""},
}};

inline constexpr std::array<Field, 5> kService = {{
    {"role", Value::text, true, "e.g. Program Committee"},
    {"event", Value::text, true, ""},
    {"event_short", Value::plain, false, "short tag, e.g. ATC '22"},
    {"date", Value::date, false, ""},
    {"location", Value::text, false, ""},
}};

inline constexpr std::array<Field, 2> kOneLine = {{
    {"label", Value::text, true, ""},
    {"details", Value::text, true, ""},
}};
inline constexpr std::array<Field, 1> kBullet = {{{"bullet", Value::text, true, ""}}};
inline constexpr std::array<Field, 1> kNumbered = {{{"number", Value::text, true, ""}}};
inline constexpr std::array<Field, 1> kReversedNumbered = {{
    {"reversed_number", Value::text, true, ""}}};

inline constexpr std::array<Field, 2> kHighlight = {{
    {"text", Value::text, true, "the bullet"},
    {"highlights", Value::string_list, false, "nested bullets (one level)"},
}};

inline constexpr std::array<Field, 4> kAuthor = {{
    {"name", Value::plain, true, ""},
    {"co_first", Value::boolean, false, "co-first author (or a trailing * on the name)"},
    {"corresponding", Value::boolean, false, "corresponding author (or a trailing †)"},
    {"highlighted", Value::boolean, false, "shown bold"},
}};

inline constexpr std::array<Field, 17> kLocale = {{
    {"language", Value::plain, false, "a RenderCV language name (english) or a BCP-47 tag (zh-Hans)"},
    {"present", Value::plain, false, "the word for an open end"},
    {"to", Value::plain, false, "the range separator"},
    {"month_names", Value::twelve_strings, false, ""},
    {"full_names_of_months", Value::twelve_strings, false, "RenderCV 1.x name of month_names"},
    {"month_abbreviations", Value::twelve_strings, false, ""},
    {"abbreviations_for_months", Value::twelve_strings, false, "RenderCV 1.x name of month_abbreviations"},
    {"phone_number_format", Value::plain, false, ""},
    {"date_template", Value::plain, false, ""},
    {"year", Value::plain, false, "time-span word"},
    {"years", Value::plain, false, "time-span word"},
    {"month", Value::plain, false, "time-span word"},
    {"months", Value::plain, false, "time-span word"},
    {"last_updated", Value::plain, false, "RenderCV's top note word (\"Last updated in\")"},
    {"phrases", Value::map, false, "RenderCV phrases (degree_with_area)"},
    {"page_numbering_template", Value::plain, false, "RenderCV 1.x footer template"},
    {"last_updated_date_template", Value::plain, false, "RenderCV 1.x top note template"},
}};

/// Keys of locale.phrases (RenderCV 2.x).
inline constexpr std::array<Field, 1> kPhrases = {{
    {"degree_with_area", Value::plain, false, "e.g. \"DEGREE in AREA\""},
}};

inline constexpr std::array<Field, 5> kSettings = {{
    {"current_date", Value::date, false, "the date open ranges end at (or today)"},
    {"bold_keywords", Value::string_list, false, "words set in bold wherever they appear"},
    {"sort", Value::sort, false, "entry order: an order for every section or {section: order}"},
    {"render_command", Value::map, false, "RenderCV's output paths and dont_generate_* switches"},
    {"pdf_title", Value::plain, false, "the PDF's title (RenderCV template: NAME, ...)"},
}};

/// Keys of settings.render_command (RenderCV 2.x).
inline constexpr std::array<Field, 13> kRenderCommand = {{
    {"output_folder", Value::plain, false, "where the outputs go (relative to the CV)"},
    {"design", Value::plain, false, "a separate design file (not read: warned)"},
    {"locale", Value::plain, false, "a separate locale file (not read: warned)"},
    {"typst_path", Value::plain, false, "where the LaTeX source goes (cvpress writes LaTeX)"},
    {"pdf_path", Value::plain, false, "the PDF's path"},
    {"markdown_path", Value::plain, false, "the Markdown's path"},
    {"html_path", Value::plain, false, "the HTML's path"},
    {"png_path", Value::plain, false, "the PNG pages' path"},
    {"dont_generate_markdown", Value::boolean, false, ""},
    {"dont_generate_html", Value::boolean, false, ""},
    {"dont_generate_typst", Value::boolean, false, ""},
    {"dont_generate_pdf", Value::boolean, false, ""},
    {"dont_generate_png", Value::boolean, false, ""},
}};

/// Keys of a `- bibliography:` item in a section (load/prepare.cpp).
inline constexpr std::array<Field, 7> kBibliography = {{
    {"bibliography", Value::plain, true, "a BibTeX (.bib) or CSL-JSON (.json) file"},
    {"keys", Value::strings, false, "only these citation keys, in this order"},
    {"types", Value::strings, false, "only these entry types (article, inproceedings, ...)"},
    {"years", Value::plain, false, "e.g. 2019-2024, 2020-, 2023"},
    {"sort", Value::plain, false, "date-desc, date-asc or none"},
    {"group_by", Value::plain, false, "type: one section per publication type"},
    {"tags", Value::strings, false, "tags of the entries it makes"},
}};

/// Keys of one settings.variants entry (load/prepare.cpp).
inline constexpr std::array<Field, 3> kVariant = {{
    {"only", Value::strings, false, "keep untagged entries and those with one of these tags"},
    {"exclude", Value::strings, false, "drop entries with one of these tags"},
    {"max_pages", Value::plain, false, "a page budget (checked by a warning)"},
}};
// clang-format on

/// An entry type: the key that decides it and its keys.
struct EntryType {
  std::string_view deciding; ///< the key whose presence makes an entry this type
  std::string_view name;     ///< entry_type_name()
  std::span<const Field> fields;
};

/// Entry types in the loader's priority order (docs/format.md): the first
/// whose deciding key an entry has is its type. Text entries are strings.
inline constexpr std::array<EntryType, 11> kEntryTypes = {{
    {"institution", "education", kEducation},
    {"company", "experience", kExperience},
    {"authors", "publication", kPublication},
    {"events", "talk", kTalk},
    {"patent_number", "patent", kPatent},
    {"role", "service", kService},
    {"reversed_number", "reversed_numbered", kReversedNumbered},
    {"number", "numbered", kNumbered},
    {"bullet", "bullet", kBullet},
    {"label", "one_line", kOneLine},
    {"name", "normal", kNormal},
}};

/// Values of settings.sort (and the aliases the loader also accepts).
inline constexpr std::array<std::string_view, 9> kSortOrderNames = {
    "none", "newest_first",          "oldest_first",  "alphabetical", "family_name",
    "date", "reverse_chronological", "chronological", "name"};

} // namespace cvpress::detail::input

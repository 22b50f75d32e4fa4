#pragma once
/// @file model.hpp
/// The typed CV model: plain value types produced by the loader and consumed
/// by every backend. Field names follow RenderCV's YAML keys; extensions are
/// documented in docs/format.md.

#include <cvpress/diagnostics.hpp>
#include <cvpress/export.hpp>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cvpress {

// ---------------------------------------------------------------- rich text

/// Character formatting shared by every inline run.
struct Format {
  bool bold = false;   ///< `**bold**`
  bool italic = false; ///< `*italic*`
  std::string link;    ///< target URL of `[text](url)`; empty when not a link
  friend bool operator==(const Format&, const Format&) = default;
};

/// A run of ordinary text (NFC-normalised UTF-8).
struct TextRun {
  std::string text; ///< the characters, markup removed
  Format format;    ///< formatting of the whole run
  friend bool operator==(const TextRun&, const TextRun&) = default;
};

/// A `` `code` `` span.
struct CodeRun {
  std::string text; ///< literal code text
  Format format;    ///< formatting of the whole run
  friend bool operator==(const CodeRun&, const CodeRun&) = default;
};

/// A `$...$` LaTeX math span.
struct MathRun {
  std::string tex;     ///< TeX source between the dollars, e.g. `1.06\times`
  std::string unicode; ///< best Unicode rendering for non-TeX backends, e.g. `1.06×`
  Format format;       ///< formatting of the whole run
  friend bool operator==(const MathRun&, const MathRun&) = default;
};

/// One inline item of rich text: a closed set.
using InlineRun = std::variant<TextRun, CodeRun, MathRun>;

/// Text with inline markup, parsed from the Markdown subset described in
/// docs/format.md (bold, italic, links, code, math).
struct CVPRESS_API RichText {
  std::vector<InlineRun> runs; ///< runs in reading order
  SourceLocation where;        ///< where the string starts in the input

  /// The text without markup (math as its Unicode form).
  [[nodiscard]] std::string plain() const;
  /// True when there are no characters at all.
  [[nodiscard]] bool empty() const;
  /// Rich text made of one unformatted run (no markup parsing).
  [[nodiscard]] static RichText from_plain(std::string text, SourceLocation where = {});
  friend bool operator==(const RichText&, const RichText&) = default;
};

// -------------------------------------------------------------------- dates

/// A calendar date with year, year-month or year-month-day precision.
struct CalendarDate {
  int year = 0;  ///< e.g. 2024
  int month = 0; ///< 1-12, or 0 when only the year is known
  int day = 0;   ///< 1-31, or 0 when unknown
  friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

/// The open end of a range: RenderCV's `present`.
struct Present {
  friend bool operator==(const Present&, const Present&) = default;
};

/// A date written as free text, e.g. "Fall 2023"; shown verbatim.
struct FreeTextDate {
  std::string text; ///< the text as written (NFC)
  friend bool operator==(const FreeTextDate&, const FreeTextDate&) = default;
};

/// One point in time as written in the CV.
using DatePoint = std::variant<CalendarDate, Present, FreeTextDate>;

/// The dates of an entry: either a single `date` or a `start_date`/`end_date`
/// range (an open range has no end). All empty means "no date".
struct Dates {
  std::optional<DatePoint> date;  ///< `date:`
  std::optional<DatePoint> start; ///< `start_date:`
  std::optional<DatePoint> end;   ///< `end_date:`
  SourceLocation where;           ///< location of the first date key
  /// True when no date was given.
  [[nodiscard]] bool empty() const { return !date && !start && !end; }
  friend bool operator==(const Dates&, const Dates&) = default;
};

// -------------------------------------------------------------------- names

/// A person's name. RenderCV's plain string `name: Jane Doe` fills `full`
/// only; the structured form (extension) may add the parts.
struct PersonName {
  std::string full;                 ///< display name as written, e.g. "Qiaoling Chen"
  std::string given;                ///< given name(s), e.g. "Qiaoling"
  std::string family;               ///< family name, e.g. "Chen"
  std::string native;               ///< native-script form, e.g. "陈巧玲"
  std::string romanized;            ///< romanised form when `full` is not Latin
  std::vector<std::string> aliases; ///< other spellings used in author lists
  friend bool operator==(const PersonName&, const PersonName&) = default;
};

// ------------------------------------------------------------------ header

/// `social_networks: [{network, username}]`.
struct SocialNetwork {
  std::string network;  ///< e.g. "GitHub", "LinkedIn", "Google Scholar"
  std::string username; ///< account name or id on that network
  SourceLocation where; ///< location of the item
  friend bool operator==(const SocialNetwork&, const SocialNetwork&) = default;
};

/// `custom_connections: [{placeholder, url, fontawesome_icon}]`.
struct CustomConnection {
  std::string placeholder; ///< the text shown
  std::string url;         ///< link target (may be empty)
  std::string icon;        ///< `fontawesome_icon` name (may be empty)
  friend bool operator==(const CustomConnection&, const CustomConnection&) = default;
};

/// The CV header: everything above the first section.
struct Header {
  PersonName name;                                  ///< `name` (optional, as in RenderCV)
  RichText headline;                                ///< `headline`
  std::string location;                             ///< `location`
  std::vector<std::string> affiliation;             ///< `affiliation` lines (extension)
  std::vector<std::string> emails;                  ///< `email` (string or list)
  std::vector<std::string> phones;                  ///< `phone` (string or list)
  std::vector<std::string> websites;                ///< `website` (string or list)
  std::string photo;                                ///< `photo` path, relative to the CV file
  SourceLocation photo_where;                       ///< where `photo` is written (for errors)
  std::vector<SocialNetwork> social_networks;       ///< `social_networks`
  std::vector<CustomConnection> custom_connections; ///< `custom_connections`
  friend bool operator==(const Header&, const Header&) = default;
};

// ----------------------------------------------------------------- entries

/// A highlight bullet; highlights nest one level.
struct Highlight {
  RichText text;                  ///< the bullet text
  std::vector<RichText> children; ///< nested bullets (one level)
  friend bool operator==(const Highlight&, const Highlight&) = default;
};

/// Fields shared by Education, Experience and Normal entries.
struct EntryDetails {
  Dates dates;                       ///< `date` or `start_date`/`end_date`
  RichText location;                 ///< `location`
  RichText summary;                  ///< `summary`
  std::vector<Highlight> highlights; ///< `highlights`
  friend bool operator==(const EntryDetails&, const EntryDetails&) = default;
};

/// RenderCV EducationEntry: `institution` + `area` (+ `degree`).
struct EducationEntry {
  RichText institution; ///< required
  RichText area;        ///< required
  RichText degree;      ///< optional, e.g. "PhD"
  EntryDetails details; ///< dates, location, summary, highlights
  SourceLocation where; ///< the entry's map
  friend bool operator==(const EducationEntry&, const EducationEntry&) = default;
};

/// RenderCV ExperienceEntry: `company` + `position`.
struct ExperienceEntry {
  RichText company;     ///< required
  RichText position;    ///< required
  EntryDetails details; ///< dates, location, summary, highlights
  SourceLocation where; ///< the entry's map
  friend bool operator==(const ExperienceEntry&, const ExperienceEntry&) = default;
};

/// RenderCV NormalEntry: `name`.
struct NormalEntry {
  RichText name;        ///< required
  EntryDetails details; ///< dates, location, summary, highlights
  SourceLocation where; ///< the entry's map
  friend bool operator==(const NormalEntry&, const NormalEntry&) = default;
};

/// One author of a publication or patent.
struct Author {
  RichText name;              ///< the name, marks removed (`**..**` kept as bold)
  bool co_first = false;      ///< written with a trailing `*`
  bool corresponding = false; ///< written with a trailing `†`
  bool highlighted = false;   ///< the whole name was written bold (`**Name**`)
  friend bool operator==(const Author&, const Author&) = default;
};

/// RenderCV PublicationEntry: `title` + `authors`, plus extensions
/// (`venue_short`, `label`, `status`, `awards`, `note`).
struct PublicationEntry {
  RichText title;               ///< required
  std::vector<Author> authors;  ///< required (may be empty list)
  std::string doi;              ///< `doi`, without the https://doi.org/ prefix
  std::string url;              ///< `url`
  RichText journal;             ///< `journal`: the full venue name
  Dates dates;                  ///< `date`
  RichText summary;             ///< `summary`
  std::string venue_short;      ///< extension: short tag, e.g. "ASPLOS '23"
  std::string label;            ///< extension: custom label, e.g. "C1"
  RichText status;              ///< extension: e.g. "Under review", "Preprint"
  std::vector<RichText> awards; ///< extension: e.g. "Distinguished Paper Award"
  RichText note;                ///< extension: e.g. "Qidong and Hao are co-first authors."
  SourceLocation where;         ///< the entry's map
  friend bool operator==(const PublicationEntry&, const PublicationEntry&) = default;
};

/// One delivery of a talk (extension).
struct TalkEvent {
  RichText name;        ///< `name`: event or host, e.g. "NSDI"
  RichText location;    ///< `location`, e.g. "Santa Clara, United States"
  Dates dates;          ///< `date`
  std::string time;     ///< `time`, free text, e.g. "2 p.m."
  RichText host;        ///< `host`, e.g. "Aurojit Panda"
  SourceLocation where; ///< the item's map
  friend bool operator==(const TalkEvent&, const TalkEvent&) = default;
};

/// TalkEntry (extension): `title` + `events`, a talk given at one or more
/// venues and dates.
struct TalkEntry {
  RichText title;                ///< required
  std::vector<TalkEvent> events; ///< required, at least one
  RichText summary;              ///< optional abstract
  std::string url;               ///< slides or video
  SourceLocation where;          ///< the entry's map
  friend bool operator==(const TalkEntry&, const TalkEntry&) = default;
};

/// ServiceEntry (extension): `role` + `event`, e.g. a programme committee.
struct ServiceEntry {
  RichText role;           ///< required, e.g. "AE Committee Member"
  RichText event;          ///< required, e.g. "USENIX Annual Technical Conference"
  std::string event_short; ///< short tag, e.g. "ATC '22"
  Dates dates;             ///< `date`
  RichText location;       ///< `location`
  SourceLocation where;    ///< the entry's map
  friend bool operator==(const ServiceEntry&, const ServiceEntry&) = default;
};

/// PatentEntry (extension): `title` + `patent_number`.
struct PatentEntry {
  RichText title;                ///< required
  std::string patent_number;     ///< required, e.g. "CN111970571A"
  std::vector<Author> inventors; ///< `inventors`
  RichText status;               ///< e.g. "Granted", "Pending"
  Dates dates;                   ///< `date`
  std::string url;               ///< `url`
  SourceLocation where;          ///< the entry's map
  friend bool operator==(const PatentEntry&, const PatentEntry&) = default;
};

/// RenderCV OneLineEntry: `label` + `details`.
struct OneLineEntry {
  RichText label;       ///< required
  RichText details;     ///< required
  SourceLocation where; ///< the entry's map
  friend bool operator==(const OneLineEntry&, const OneLineEntry&) = default;
};

/// RenderCV BulletEntry: `bullet`.
struct BulletEntry {
  RichText bullet;      ///< required
  SourceLocation where; ///< the entry's map
  friend bool operator==(const BulletEntry&, const BulletEntry&) = default;
};

/// RenderCV NumberedEntry: `number`.
struct NumberedEntry {
  RichText number;      ///< required: the item's text (numbering is automatic)
  SourceLocation where; ///< the entry's map
  friend bool operator==(const NumberedEntry&, const NumberedEntry&) = default;
};

/// RenderCV ReversedNumberedEntry: `reversed_number`.
struct ReversedNumberedEntry {
  RichText reversed_number; ///< required: the item's text (numbered downwards)
  SourceLocation where;     ///< the entry's map
  friend bool operator==(const ReversedNumberedEntry&, const ReversedNumberedEntry&) = default;
};

/// RenderCV TextEntry: a plain string item.
struct TextEntry {
  RichText text;        ///< the paragraph
  SourceLocation where; ///< the string
  friend bool operator==(const TextEntry&, const TextEntry&) = default;
};

/// Every entry type: a closed set. All entries in one section share a type.
using Entry = std::variant<EducationEntry, ExperienceEntry, NormalEntry, PublicationEntry,
                           TalkEntry, ServiceEntry, PatentEntry, OneLineEntry, BulletEntry,
                           NumberedEntry, ReversedNumberedEntry, TextEntry>;

/// Stable lower-case name of an entry's type, e.g. "education", "one_line".
[[nodiscard]] CVPRESS_API std::string_view entry_type_name(const Entry& entry);

/// A titled section of entries of one type.
struct Section {
  std::string key;            ///< the YAML key, e.g. "selected_publications"
  std::string title;          ///< display title, e.g. "Selected Publications"
  std::vector<Entry> entries; ///< in input order
  SourceLocation where;       ///< location of the key
  friend bool operator==(const Section&, const Section&) = default;
};

// ---------------------------------------------------- free-form option trees

/// A YAML value kept as data, used for `design:` and other option blocks
/// whose schema belongs to a later stage (styles). Scalars are strings.
struct CVPRESS_API OptionValue {
  /// Which member is in use.
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;                                ///< the value's kind
  std::string scalar;                                    ///< when kind == scalar
  std::vector<OptionValue> items;                        ///< when kind == sequence
  std::vector<std::pair<std::string, OptionValue>> keys; ///< when kind == map, in order
  SourceLocation where;                                  ///< the value's position
  /// The member `key` of a map, or nullptr.
  [[nodiscard]] const OptionValue* find(std::string_view key) const;
  friend bool operator==(const OptionValue&, const OptionValue&) = default;
};

// ------------------------------------------------- locale, settings, design

/// `locale:` block (RenderCV v2 keys; unknown keys are kept in `other`).
struct Locale {
  std::string language = "en";                    ///< RenderCV name ("english") or BCP-47 tag
  std::optional<std::string> present;             ///< word for an open end, e.g. "present"
  std::optional<std::string> to;                  ///< range separator, e.g. "–"
  std::vector<std::string> month_names;           ///< 12 names, overriding CLDR
  std::vector<std::string> month_abbreviations;   ///< 12 abbreviations, overriding CLDR
  std::optional<std::string> phone_number_format; ///< `phone_number_format`
  std::optional<std::string> date_template;       ///< RenderCV date template
  /// RenderCV's words for time spans (`year`, `years`, `month`, `months`).
  /// When any is given, spans read "2 years 3 months" with these words
  /// instead of CLDR's plural forms.
  std::optional<std::string> year, years, month, months;
  std::optional<std::string> last_updated; ///< `last_updated`, e.g. "Last updated in"
  std::optional<std::string>
      degree_with_area; ///< `phrases.degree_with_area`, e.g. "DEGREE in AREA"
  std::optional<std::string> page_numbering_template; ///< RenderCV 1.x `page_numbering_template`
  std::optional<std::string>
      last_updated_date_template; ///< RenderCV 1.x `last_updated_date_template`
  OptionValue other;              ///< remaining keys, kept for later stages
  friend bool operator==(const Locale&, const Locale&) = default;
};

/// How the entries of a section are ordered (extension `settings.sort`).
enum class SortOrder {
  none,         ///< input order
  newest_first, ///< by end date (open ranges first), then start date, latest first
  oldest_first, ///< the reverse: earliest first
  alphabetical, ///< by the entry's title text, ICU collation of the CV's locale
  family_name,  ///< by the person name in the title text: family, then given name
};

/// One `settings.sort` rule: a section (or every section) and its order.
struct SortRule {
  std::string section;               ///< the section key as written; "" for every section
  SortOrder order = SortOrder::none; ///< the order
  SourceLocation where;              ///< the rule's value
  friend bool operator==(const SortRule&, const SortRule&) = default;
};

/// RenderCV's `settings.render_command`: where `cvpress render` writes when
/// no -o is given. Paths are as written (placeholders such as OUTPUT_FOLDER
/// and NAME_IN_SNAKE_CASE unresolved), relative to the CV's folder.
struct RenderCommand {
  std::string output_folder = "rendercv_output";                        ///< `output_folder`
  std::string pdf_path = "OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.pdf";     ///< `pdf_path`
  std::string typst_path = "OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.typ";   ///< `typst_path`
  std::string markdown_path = "OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.md"; ///< `markdown_path`
  std::string html_path = "OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.html";   ///< `html_path`
  std::string png_path = "OUTPUT_FOLDER/NAME_IN_SNAKE_CASE_CV.png";     ///< `png_path`
  std::string design; ///< `design`: a separate design file (not read; a warning says so)
  std::string locale; ///< `locale`: a separate locale file (not read; a warning says so)
  bool dont_generate_pdf = false;      ///< `dont_generate_pdf`
  bool dont_generate_typst = false;    ///< `dont_generate_typst`
  bool dont_generate_markdown = false; ///< `dont_generate_markdown`
  bool dont_generate_html = false;     ///< `dont_generate_html`
  bool dont_generate_png = false;      ///< `dont_generate_png`
  SourceLocation where;                ///< the block
  friend bool operator==(const RenderCommand&, const RenderCommand&) = default;
};

/// `settings:` block.
struct Settings {
  std::optional<CalendarDate> current_date;    ///< `current_date` ("today" leaves it empty)
  std::vector<std::string> bold_keywords;      ///< `bold_keywords`
  std::vector<SortRule> sort;                  ///< extension `sort`, in input order
  std::optional<RenderCommand> render_command; ///< `render_command`, when given
  /// `pdf_title` (RenderCV placeholders NAME, CURRENT_DATE, MONTH_NAME, YEAR, ...);
  /// unset: "NAME – CV".
  std::optional<std::string> pdf_title;
  OptionValue other; ///< remaining keys
  friend bool operator==(const Settings&, const Settings&) = default;
};

/// `design:` block: a theme name plus free-form options, interpreted by styles.
struct Design {
  std::string theme;   ///< `theme`, e.g. "classic"; empty when not given
  OptionValue options; ///< the whole block as written
  friend bool operator==(const Design&, const Design&) = default;
};

// ---------------------------------------------------------------- the CV

/// A whole CV document.
struct Cv {
  Header header;                 ///< `cv:` header fields
  std::vector<Section> sections; ///< `cv.sections`, in input order
  Locale locale;                 ///< `locale:`
  Settings settings;             ///< `settings:`
  Design design;                 ///< `design:`
  std::string source_file;       ///< path the CV was loaded from ("" for strings)
  friend bool operator==(const Cv&, const Cv&) = default;
};

} // namespace cvpress

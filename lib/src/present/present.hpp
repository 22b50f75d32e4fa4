#pragma once
// The presentation stage: what the CV shows, decided once for every
// backend. From a Cv and its resolved Style it gives, per section, the
// display title, the entries in display order with their hanging labels,
// date columns (dates, time span, location, a talk's "when"), authors with
// the owner and marks, and the marks legend; for the header, the name and
// the contact items with their link targets. The PDF layout sets these
// views in boxes; the LaTeX writer writes them as \cv... macro calls.
#include "present/dates.hpp"
#include "style/style.hpp"
#include "text/name_match.hpp"

#include <cvpress/model.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cvpress::detail {

/// An entry's date column, top to bottom: dates, time span, location.
struct DateColumn {
  std::string dates;                  ///< format_dates(); "" for none
  std::string time_span;              ///< "2 years 3 months" where the section shows spans
  const RichText* location = nullptr; ///< the entry's location; null when it has none
  /// The lines as plain text (empty ones kept: callers skip them).
  [[nodiscard]] std::vector<std::string> lines() const;
  /// True when any line shows something.
  [[nodiscard]] bool shows_anything() const;
};

/// A talk event's date-column line: its dates, then ", " and its time.
/// `dates` and `time` may be already escaped for a backend.
[[nodiscard]] std::string join_when(std::string dates, const std::string& time);

/// What a run of an entry's text is: the backends style and wrap runs by
/// role (the PDF layout with span styles, LaTeX with \cv... macros).
enum class RunRole : std::uint8_t {
  title,         ///< the entry's title (institution, position, name, ...)
  subtitle,      ///< the line under it (company)
  degree,        ///< an education's degree
  area,          ///< an education's area, after the degree
  author,        ///< an author or inventor
  owner,         ///< the CV owner among them (bold in the YAML, or found by name)
  co_first,      ///< co-first author mark "*", after the author's name
  corresponding, ///< corresponding author mark "†", after the author's name
  separator,     ///< punctuation between runs (", ", " ", ". ")
  venue_tag,     ///< short venue name, shown in brackets ("[ASPLOS '23]")
  venue,         ///< the full venue name
  event_tag,     ///< a service's short event name, shown in brackets before the event
  event,         ///< a service's event
  service_role,  ///< a service's role, after the event
  number,        ///< a patent number; `link` is its page ("" for none)
  location,      ///< a talk event's place
  host,          ///< a talk event's host
  label,         ///< a one-line entry's label ("Languages")
  details,       ///< a one-line entry's text after the label
  award,         ///< an award
  status,        ///< a publication's status ("Under review")
  note,          ///< a note
  doi_label,     ///< "DOI: " before a DOI
  doi,           ///< a DOI; `link` is its https://doi.org/ address
  url,           ///< a web address shown short; `link` is the address as written
};

/// A piece of an entry's text with its role.
struct Run {
  RunRole role = RunRole::separator; ///< what it is
  const RichText* rich = nullptr;    ///< the model's text, or null for `text`
  std::string text;                  ///< plain text when `rich` is null
  std::string link;                  ///< link target (doi, url); "" for none
  std::string field;                 ///< model field under the entry ("authors[2]"), for messages
  bool strong = false;               ///< bold by a RenderCV template's `**...**`
  bool emph = false;                 ///< italic by a RenderCV template's `*...*`
};

/// What a row of an entry's main column is.
enum class RowRole : std::uint8_t {
  title,       ///< the entry's first line (a talk's title links to its `url`)
  subtitle,    ///< the line under the title
  authors,     ///< authors or inventors
  venue,       ///< a publication's venue
  award,       ///< one award
  status_note, ///< a publication's status and note (separators italic too)
  link,        ///< DOI or URL
  event,       ///< one delivery of a talk
  one_line,    ///< "label: details" (separators bold like the label)
  templated,   ///< a line of a RenderCV publication template after its first
};

/// One row of an entry's main column (a paragraph in the PDF, one macro in
/// LaTeX).
struct Row {
  RowRole role = RowRole::title; ///< what it is
  std::vector<Run> runs;         ///< its runs in reading order
};

/// One entry as shown.
struct EntryView {
  const Entry* entry = nullptr; ///< the model's entry
  std::size_t index = 0;        ///< its index in the section's entries
  std::string label;            ///< hanging label: "[J1]", "3." (numbered lists); "" for none
  /// The date column (education, experience, normal, publication, patent,
  /// service); for a talk, one per event (its dates and time span; the
  /// event's time is joined by join_when()).
  std::vector<DateColumn> aside;
  /// The date-column lines as the layout stacks them (a talk: one "when"
  /// line per event).
  [[nodiscard]] std::vector<std::string> aside_lines() const;
  /// True when the date column shows anything.
  [[nodiscard]] bool has_aside() const;
};

/// A line of an entry's date column under a RenderCV
/// `date_and_location_column` template ("LOCATION\nDATE", "*DATE*").
struct AsideLine {
  std::string text;    ///< the line
  bool bold = false;   ///< the template line is `**...**`
  bool italic = false; ///< the template line is `*...*`
};

/// An entry's head drawn from RenderCV entry templates
/// (Style::rendercv.entry_templates): `**COMPANY**, POSITION -- LOCATION`.
struct TemplatedHead {
  std::vector<Row> main;        ///< main column rows (SUMMARY and HIGHLIGHTS lines left out)
  std::vector<Row> degree;      ///< an education's degree column; empty for none
  std::vector<AsideLine> aside; ///< the date column's lines
};

/// One section as shown.
struct SectionView {
  const Section* section = nullptr; ///< the model's section
  std::string title;                ///< display title (translated for the CV's language)
  bool time_spans = false;          ///< date ranges show their time span
  bool has_aside = false;           ///< some entry shows a date column
  std::vector<EntryView> entries;   ///< in display order (settings.sort)
  /// The marks legend under the section, only the marks its publications
  /// use: "* co-first author", "† corresponding author"; empty for none.
  std::vector<std::string> legend;
};

/// One contact item of the header.
struct ContactView {
  std::string shown;  ///< the text shown
  std::string uri;    ///< link target; "" for none
  bool email = false; ///< an e-mail address (`shown`), `uri` is "mailto:" + it
  /// Font Awesome name of its icon (RenderCV's: "location-dot", "envelope",
  /// "github", a custom connection's `fontawesome_icon`); "" for none. The
  /// backends draw it when the style shows icons (fonts/icons.hpp).
  std::string icon;
};

/// The presentation of a CV, shared by the backends. Holds references to
/// the Cv and Style: both must outlive it.
class Presenter {
public:
  Presenter(const Cv& cv, const Style& style);
  /// Temporaries would dangle: the presenter keeps references.
  Presenter(const Cv& cv, Style&& style) = delete;
  Presenter(Cv&& cv, const Style& style) = delete;

  /// The CV's language as a BCP-47 tag ("en" when unknown).
  [[nodiscard]] const std::string& tag() const { return tag_; }
  /// True for an English CV ("PhD in Physics" rather than "PhD, Physics").
  [[nodiscard]] bool english() const;
  /// The name in the header, arranged for the language and the style.
  [[nodiscard]] std::string header_name() const;
  /// The header's contact items in order: location, e-mails, phones,
  /// websites, social networks, custom connections (empty ones left out).
  [[nodiscard]] std::vector<ContactView> contacts() const;
  /// The document title ("Jane Doe – CV") and author for metadata.
  [[nodiscard]] std::string document_author() const;
  /// settings.pdf_title with RenderCV's placeholders (NAME, CURRENT_DATE, YEAR, ...),
  /// else "Jane Doe – CV".
  [[nodiscard]] std::string document_title() const;
  /// RenderCV's date templates: the style's, or a 1.x locale.date_template.
  [[nodiscard]] RenderCvDateText date_text() const;
  /// The owner's name in Latin script (page footers).
  [[nodiscard]] std::string owner_name() const;

  /// A section as shown.
  [[nodiscard]] SectionView section(const Section& section) const;
  /// The authors row of a list (publication authors, patent inventors):
  /// each name (role owner or author) followed by its marks, ", " between
  /// them. `field` names the list ("authors", "inventors").
  [[nodiscard]] Row authors_row(const std::vector<Author>& list, const std::string& field) const;
  /// A publication's main column, top to bottom: title, authors, venue (tag
  /// and full name), one row per award, status and note, DOI (else URL).
  /// Rows with nothing to show are left out (the title row never is).
  [[nodiscard]] std::vector<Row> publication_rows(const PublicationEntry& e) const;
  /// The rows of a publication from the style's RenderCV
  /// `templates.publication_entry.main_column` (TITLE, AUTHORS, DOI, URL,
  /// JOURNAL; SUMMARY is set by the backends), then our extensions' rows
  /// (awards, note); nullopt when the style has no such template.
  [[nodiscard]] std::optional<std::vector<Row>>
  templated_publication(const PublicationEntry& e) const;
  /// A one-line entry's row from the style's RenderCV
  /// `templates.one_line_entry.main_column` (LABEL, DETAILS; lines joined by
  /// a space), role RowRole::templated; nullopt for none or the default
  /// `**LABEL:** DETAILS`, which one_line_row() draws itself.
  [[nodiscard]] std::optional<Row> templated_one_line(const OneLineEntry& e) const;
  /// An education's main column head: institution; degree and area ("PhD
  /// in Physics", or "PhD, Physics" in other languages than English).
  [[nodiscard]] std::vector<Row> head_rows(const EducationEntry& e) const;
  /// An experience's main column head: position; company.
  [[nodiscard]] std::vector<Row> head_rows(const ExperienceEntry& e) const;
  /// A normal entry's main column head: its name.
  [[nodiscard]] std::vector<Row> head_rows(const NormalEntry& e) const;
  /// A service's one row: "[tag] event — role".
  [[nodiscard]] Row service_row(const ServiceEntry& e) const;
  /// A talk's title (its runs linked to `url`), then one row per event:
  /// "name, location (host: host)".
  [[nodiscard]] std::vector<Row> talk_rows(const TalkEntry& e) const;
  /// A one-line entry: "label: details".
  [[nodiscard]] Row one_line_row(const OneLineEntry& e) const;
  /// The head of an education, experience or normal entry under the style's
  /// RenderCV templates for its type; nullopt for other entries or when the
  /// style has none for the type. Placeholders of missing fields are left
  /// out with the text joining them; `**`/`*` set Run::strong/emph; `--` is
  /// an en dash.
  [[nodiscard]] std::optional<TemplatedHead> templated_head(const EntryView& view) const;
  /// RenderCV's top note ("Last updated in Mar 2026", templates.top_note)
  /// when the style shows it (page.show_top_note) and the CV is English or
  /// gives locale.last_updated, else nullopt.
  [[nodiscard]] std::optional<Row> top_note() const;
  /// A patent's main column: title; number (linked) and "(status)";
  /// inventors when there are any.
  [[nodiscard]] std::vector<Row> patent_rows(const PatentEntry& e) const;

private:
  // A publication's awards, then its status (unless `status_shown`) and note
  // rows (our extensions).
  void extension_rows(const PublicationEntry& e, std::vector<Row>& rows, bool status_shown) const;
  // A publication's link: its DOI, else its URL when that is safe to link.
  [[nodiscard]] std::optional<Run> link_run(const PublicationEntry& e) const;
  // The style's RenderCV templates of `type` ("education_entry", ...), or null.
  [[nodiscard]] const EntryTemplates* entry_template(std::string_view type) const;
  const Cv& cv_;
  const Style& style_;
  std::string tag_;
  NameMatcher owner_;
  CalendarDate today_; // end of open ranges, for time spans

  DateColumn date_column(const Dates& dates, const RichText* location, bool spans) const;
};

} // namespace cvpress::detail

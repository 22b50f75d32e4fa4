// The presentation stage: what each section, entry and the header show.
#include "present/present.hpp"

#include "fonts/icons.hpp"
#include "present/sections.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"
#include "text/phone.hpp"
#include "text/translations.hpp"

#include <algorithm>
#include <span>

namespace cvpress::detail {

namespace {

std::string language_tag(const std::string& language) {
  std::string tag = resolve_language(language);
  return tag.empty() ? "en" : tag;
}

// "[J1]" for a labelled publication, "3." in a numbered list (counted from
// the end in a reversed one); `i` is the position in display order.
std::string label_of(const Entry& e, std::size_t i, std::size_t n) {
  if (const auto* p = std::get_if<PublicationEntry>(&e))
    return p->label.empty() ? "" : "[" + p->label + "]";
  if (std::holds_alternative<NumberedEntry>(e))
    return std::to_string(i + 1) + ".";
  if (std::holds_alternative<ReversedNumberedEntry>(e))
    return std::to_string(n - i) + ".";
  return {};
}

} // namespace

std::vector<std::string> DateColumn::lines() const {
  return {dates, time_span, location ? location->plain() : std::string()};
}

bool DateColumn::shows_anything() const {
  const auto all = lines();
  return std::any_of(all.begin(), all.end(), [](const std::string& l) { return !l.empty(); });
}

std::string join_when(std::string dates, const std::string& time) {
  if (!time.empty())
    dates += dates.empty() ? time : ", " + time;
  return dates;
}

std::vector<std::string> EntryView::aside_lines() const {
  if (const auto* talk = std::get_if<TalkEntry>(entry)) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < talk->events.size(); ++i)
      out.push_back(join_when(aside[i].dates, talk->events[i].time));
    return out;
  }
  return aside.empty() ? std::vector<std::string>{} : aside.front().lines();
}

bool EntryView::has_aside() const {
  const auto all = aside_lines();
  return std::any_of(all.begin(), all.end(), [](const std::string& l) { return !l.empty(); });
}

Presenter::Presenter(const Cv& cv, const Style& style)
    : cv_(cv), style_(style), tag_(language_tag(cv.locale.language)), owner_(cv.header.name),
      today_(current_date(cv.settings)) {}

bool Presenter::english() const { return tag_ == "en" || tag_.starts_with("en-"); }

std::string Presenter::header_name() const {
  return display_name(cv_.header.name, tag_, style_.name_order);
}

std::string Presenter::document_author() const { return metadata_name(cv_.header.name, tag_); }

RenderCvDateText Presenter::date_text() const {
  RenderCvDateText t{style_.rendercv.single_date, style_.rendercv.date_range};
  // RenderCV 1.x kept the single-date template in the locale.
  if (cv_.locale.date_template && t.single_date == RenderCvDateText{}.single_date)
    t.single_date = *cv_.locale.date_template;
  return t;
}

std::string Presenter::document_title() const {
  const std::string author = document_author();
  if (const auto& t = cv_.settings.pdf_title) { // RenderCV's placeholders
    std::string title = *t;
    const RenderCvDateText text = date_text();
    const std::string date = format_dates(
        Dates{CalendarDate{today_.year, today_.month, 0}, {}, {}, {}}, cv_.locale, &text);
    for (std::size_t at = title.find("CURRENT_DATE"); at != std::string::npos;
         at = title.find("CURRENT_DATE", at + date.size()))
      title.replace(at, 12, date);
    title = substitute_date_placeholders(std::move(title), today_, cv_.locale);
    for (std::size_t at = title.find("NAME"); at != std::string::npos;
         at = title.find("NAME", at + author.size()))
      title.replace(at, 4, author);
    return title;
  }
  return author.empty() ? "CV" : author + " \u2013 CV";
}

std::string Presenter::owner_name() const {
  return display_name(cv_.header.name, tag_, NameStyle::latin_only);
}

std::vector<ContactView> Presenter::contacts() const {
  const Header& h = cv_.header;
  std::vector<ContactView> out;
  auto add = [&](std::string shown, std::string uri, std::string_view icon, bool email = false) {
    if (!shown.empty())
      out.push_back(ContactView{std::move(shown), std::move(uri), email, std::string(icon)});
  };
  add(h.location, "", connection_icon_name("location"));
  for (const auto& e : h.emails)
    add(e, "mailto:" + e, connection_icon_name("email"), true);
  PhoneFormat format = style_.phone_format;
  if (format == PhoneFormat::as_written && cv_.locale.phone_number_format) // RenderCV 1.x
    format = *cv_.locale.phone_number_format == "national"        ? PhoneFormat::national
             : *cv_.locale.phone_number_format == "international" ? PhoneFormat::international
             : *cv_.locale.phone_number_format == "E164"          ? PhoneFormat::e164
                                                                  : PhoneFormat::as_written;
  for (const auto& p : h.phones) {
    if (format == PhoneFormat::as_written) {
      add(p, tel_uri(p), connection_icon_name("phone"));
      continue;
    }
    const PhoneStyle ps = format == PhoneFormat::national        ? PhoneStyle::national
                          : format == PhoneFormat::international ? PhoneStyle::international
                                                                 : PhoneStyle::e164;
    add(format_phone(p, ps), tel_uri(phone_e164(p).value_or(p)), connection_icon_name("phone"));
  }
  for (const auto& web : h.websites)
    add(display_url(web), web, connection_icon_name("website"));
  for (const auto& sn : h.social_networks) {
    auto [shown, url] = social_link(sn);
    // RenderCV themes show the username unless display_urls_instead_of_usernames.
    if (style_.rendercv_dates && !style_.rendercv.display_urls && !sn.username.empty())
      shown = sn.username;
    add(std::move(shown), std::move(url), connection_icon_name(sn.network));
  }
  for (const auto& c : h.custom_connections)
    add(c.placeholder, c.url, c.icon);
  return out;
}

DateColumn Presenter::date_column(const Dates& dates, const RichText* location, bool spans) const {
  const RenderCvDateText text = date_text();
  const bool rcv = style_.rendercv_dates;
  return DateColumn{format_dates(dates, cv_.locale, rcv ? &text : nullptr),
                    spans ? format_time_span(dates, cv_.locale, today_, rcv) : std::string(),
                    location};
}

Row Presenter::authors_row(const std::vector<Author>& list, const std::string& field) const {
  Row row{RowRole::authors, {}};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Author& a = list[i];
    const bool owner = a.highlighted || owner_.matches(a.name.plain());
    row.runs.push_back(Run{owner ? RunRole::owner : RunRole::author, &a.name, "", "",
                           field + "[" + std::to_string(i) + "]"});
    if (a.co_first)
      row.runs.push_back(Run{RunRole::co_first, nullptr, "*", "", ""});
    if (a.corresponding)
      row.runs.push_back(Run{RunRole::corresponding, nullptr, "\u2020", "", ""});
    if (i + 1 < list.size())
      row.runs.push_back(Run{RunRole::separator, nullptr, ", ", "", ""});
  }
  return row;
}

namespace {

// A publication's venue: short tag, venue, then its status ("Preprint",
// "Under review") rather than that standing alone on a line of one word.
Row venue_row(const PublicationEntry& e) {
  Row venue{RowRole::venue, {}};
  if (!e.venue_short.empty())
    venue.runs.push_back(Run{RunRole::venue_tag, nullptr, e.venue_short, "", "venue_short"});
  if (!e.venue_short.empty() && !e.journal.empty())
    venue.runs.push_back(Run{RunRole::separator, nullptr, " ", "", ""});
  if (!e.journal.empty())
    venue.runs.push_back(Run{RunRole::venue, &e.journal, "", "", "journal"});
  if (!e.status.empty()) {
    venue.runs.push_back(Run{RunRole::separator, nullptr, " \u00b7 ", "", ""});
    venue.runs.push_back(Run{RunRole::status, &e.status, "", "", "status"});
  }
  return venue;
}

} // namespace

std::vector<Row> Presenter::publication_rows(const PublicationEntry& e) const {
  if (auto templated = templated_publication(e))
    return std::move(*templated);
  std::vector<Row> rows;
  rows.push_back(Row{RowRole::title, {Run{RunRole::title, &e.title, "", "", "title"}}});
  if (!e.authors.empty())
    rows.push_back(authors_row(e.authors, "authors"));
  const bool has_venue = !e.venue_short.empty() || !e.journal.empty();
  if (has_venue)
    rows.push_back(venue_row(e));
  extension_rows(e, rows, has_venue);
  if (std::optional<Run> link = link_run(e)) {
    Row row{RowRole::link, {}};
    if (link->role == RunRole::doi)
      row.runs.push_back(Run{RunRole::doi_label, nullptr, "DOI: ", "", ""});
    row.runs.push_back(std::move(*link));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Run> Presenter::link_run(const PublicationEntry& e) const {
  if (!e.doi.empty())
    return Run{RunRole::doi, nullptr, e.doi, doi_url(e.doi), "doi"};
  if (!link_target(e.url).empty()) // an unsafe link is not shown (text/links.hpp)
    return Run{RunRole::url, nullptr, display_url(e.url), e.url, "url"};
  return std::nullopt;
}

void Presenter::extension_rows(const PublicationEntry& e, std::vector<Row>& rows,
                               bool status_shown) const {
  for (std::size_t i = 0; i < e.awards.size(); ++i)
    rows.push_back(
        Row{RowRole::award,
            {Run{RunRole::award, &e.awards[i], "", "", "awards[" + std::to_string(i) + "]"}}});
  if ((!e.status.empty() && !status_shown) || !e.note.empty()) {
    Row extra{RowRole::status_note, {}};
    const bool status_here = !e.status.empty() && !status_shown;
    if (status_here)
      extra.runs.push_back(Run{RunRole::status, &e.status, "", "", "status"});
    if (status_here && !e.note.empty())
      extra.runs.push_back(Run{RunRole::separator, nullptr, ". ", "", ""});
    if (!e.note.empty())
      extra.runs.push_back(Run{RunRole::note, &e.note, "", "", "note"});
    rows.push_back(std::move(extra));
  }
}

namespace {

Run rich_run(RunRole role, const RichText& text, std::string field) {
  return Run{role, &text, "", "", std::move(field)};
}

Run plain_run(RunRole role, std::string text, std::string link = "") {
  return Run{role, nullptr, std::move(text), std::move(link), ""};
}

} // namespace

std::vector<Row> Presenter::head_rows(const EducationEntry& e) const {
  Row second{RowRole::subtitle, {rich_run(RunRole::degree, e.degree, "degree")}};
  if (!e.degree.empty() && !e.area.empty())
    second.runs.push_back(plain_run(RunRole::separator, english() ? " in " : ", "));
  second.runs.push_back(rich_run(RunRole::area, e.area, "area"));
  return {Row{RowRole::title, {rich_run(RunRole::title, e.institution, "institution")}},
          std::move(second)};
}

std::vector<Row> Presenter::head_rows(const ExperienceEntry& e) const {
  return {Row{RowRole::title, {rich_run(RunRole::title, e.position, "position")}},
          Row{RowRole::subtitle, {rich_run(RunRole::subtitle, e.company, "company")}}};
}

std::vector<Row> Presenter::head_rows(const NormalEntry& e) const {
  return {Row{RowRole::title, {rich_run(RunRole::title, e.name, "name")}}};
}

Row Presenter::service_row(const ServiceEntry& e) const {
  Row row{RowRole::title, {}};
  if (!e.event_short.empty())
    row.runs.push_back(plain_run(RunRole::event_tag, e.event_short));
  row.runs.push_back(rich_run(RunRole::event, e.event, "event"));
  if (!e.role.empty()) {
    row.runs.push_back(plain_run(RunRole::separator, " \u2014 "));
    row.runs.push_back(rich_run(RunRole::service_role, e.role, "role"));
  }
  return row;
}

std::vector<Row> Presenter::talk_rows(const TalkEntry& e) const {
  Run title = rich_run(RunRole::title, e.title, "title");
  title.link = e.url;
  std::vector<Row> rows{Row{RowRole::title, {std::move(title)}}};
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    const TalkEvent& ev = e.events[i];
    const std::string at = "events[" + std::to_string(i) + "].";
    Row row{RowRole::event, {rich_run(RunRole::event, ev.name, at + "name")}};
    if (!ev.location.empty()) {
      row.runs.push_back(plain_run(RunRole::separator, ", "));
      row.runs.push_back(rich_run(RunRole::location, ev.location, at + "location"));
    }
    if (!ev.host.empty()) {
      row.runs.push_back(plain_run(RunRole::separator, " (host: "));
      row.runs.push_back(rich_run(RunRole::host, ev.host, at + "host"));
      row.runs.push_back(plain_run(RunRole::separator, ")"));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Row Presenter::one_line_row(const OneLineEntry& e) const {
  if (auto row = templated_one_line(e))
    return std::move(*row);
  return Row{RowRole::one_line,
             {rich_run(RunRole::label, e.label, "label"), plain_run(RunRole::separator, ": "),
              rich_run(RunRole::details, e.details, "details")}};
}

std::vector<Row> Presenter::patent_rows(const PatentEntry& e) const {
  std::vector<Row> rows{Row{RowRole::title, {rich_run(RunRole::title, e.title, "title")}}};
  Row number{RowRole::subtitle, {plain_run(RunRole::number, e.patent_number, e.url)}};
  if (!e.status.empty()) {
    number.runs.push_back(plain_run(RunRole::separator, " ("));
    number.runs.push_back(rich_run(RunRole::status, e.status, "status"));
    number.runs.push_back(plain_run(RunRole::separator, ")"));
  }
  rows.push_back(std::move(number));
  if (!e.inventors.empty())
    rows.push_back(authors_row(e.inventors, "inventors"));
  return rows;
}

SectionView Presenter::section(const Section& sec) const {
  SectionView v;
  v.section = &sec;
  v.title = section_display_title(sec.key, sec.title, tag_);
  v.time_spans = shows_time_spans(style_, sec.key, sec.title);
  const std::vector<std::size_t> order = entry_order(cv_, sec);
  const std::size_t n = sec.entries.size();
  for (std::size_t i = 0; i < n; ++i) {
    EntryView ev;
    ev.index = order[i];
    ev.entry = &sec.entries[order[i]];
    ev.label = label_of(*ev.entry, i, n);
    std::visit(
        [&](const auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, EducationEntry> || std::is_same_v<T, ExperienceEntry> ||
                        std::is_same_v<T, NormalEntry>)
            ev.aside.push_back(date_column(e.details.dates, &e.details.location, v.time_spans));
          else if constexpr (std::is_same_v<T, PublicationEntry> || std::is_same_v<T, PatentEntry>)
            ev.aside.push_back(date_column(e.dates, nullptr, v.time_spans));
          else if constexpr (std::is_same_v<T, ServiceEntry>)
            ev.aside.push_back(date_column(e.dates, &e.location, v.time_spans));
          else if constexpr (std::is_same_v<T, TalkEntry>)
            for (const auto& event : e.events)
              ev.aside.push_back(date_column(event.dates, nullptr, v.time_spans));
        },
        *ev.entry);
    v.has_aside = v.has_aside || ev.has_aside();
    v.entries.push_back(std::move(ev));
  }
  bool co_first = false, corresponding = false;
  for (const auto& e : sec.entries)
    if (const auto* p = std::get_if<PublicationEntry>(&e))
      for (const auto& a : p->authors) {
        co_first = co_first || a.co_first;
        corresponding = corresponding || a.corresponding;
      }
  if (co_first)
    v.legend.push_back("* " + std::string(translate(Word::co_first_author, tag_)));
  if (corresponding)
    v.legend.push_back("\u2020 " + std::string(translate(Word::corresponding_author, tag_)));
  return v;
}

} // namespace cvpress::detail

// ------------------------------------------------ RenderCV entry templates

namespace cvpress::detail {

namespace {

// A placeholder's value: the model's text or a plain string.
struct TplValue {
  std::string_view name;
  const RichText* rich = nullptr;
  std::string text;
  std::string field;
  std::vector<Run> runs; ///< a value made of runs (AUTHORS, DOI), kept as they are
  [[nodiscard]] bool empty() const { return runs.empty() && (rich ? rich->empty() : text.empty()); }
};

struct Piece {
  bool placeholder = false;
  std::string text;            // literal text, or the placeholder's name
  const TplValue* v = nullptr; // the placeholder's value (null: unknown word)
};

bool upper_char(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }
bool word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

const TplValue* find_value(std::span<const TplValue> values, std::string_view name) {
  for (const auto& v : values)
    if (v.name == name)
      return &v;
  return nullptr;
}

// A template line as literal text and placeholders (RenderCV's \b[A-Z_]+\b
// words that name a field).
std::vector<Piece> split_template(std::string_view line, std::span<const TplValue> values) {
  std::vector<Piece> out;
  auto literal = [&](std::string_view t) {
    if (out.empty() || out.back().placeholder)
      out.push_back(Piece{});
    out.back().text += t;
  };
  std::size_t i = 0;
  while (i < line.size()) {
    if (upper_char(line[i]) && (i == 0 || !word_char(line[i - 1]))) {
      std::size_t j = i;
      while (j < line.size() && upper_char(line[j]))
        ++j;
      if (j == line.size() || !word_char(line[j]))
        if (const TplValue* v = find_value(values, line.substr(i, j - i))) {
          out.push_back(Piece{true, std::string(line.substr(i, j - i)), v});
          i = j;
          continue;
        }
      literal(line.substr(i, j - i));
      i = j;
      continue;
    }
    literal(line.substr(i, 1));
    ++i;
  }
  return out;
}

// Keeps only the emphasis marks of literal text (the rest joined a missing
// placeholder to its neighbour).
std::string marks_only(const std::string& t) {
  std::string out;
  for (char c : t)
    if (c == '*')
      out += c;
  return out;
}

// Drops lower-case connector words ("in", "at") from literal text.
std::string drop_connectors(const std::string& t) {
  std::string out;
  std::size_t i = 0;
  while (i < t.size()) {
    if (t[i] >= 'a' && t[i] <= 'z' && (i == 0 || t[i - 1] == ' ')) {
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ')
        ++j;
      if (j < t.size()) { // a word between spaces
        i = j;
        continue;
      }
    }
    out += t[i++];
  }
  return out;
}

// A template line as a row: placeholders with their values, literal text as
// separators; `**`/`*` toggle strong/emph, `--` is an en dash, `---` an em dash.
Row template_row(std::string_view line, std::span<const TplValue> values, RowRole role) {
  std::vector<Piece> pieces = split_template(line, values);
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].placeholder || !pieces[k].v->empty())
      continue;
    bool present_before = false;
    for (std::size_t j = 0; j < k; ++j)
      present_before = present_before || (pieces[j].placeholder && !pieces[j].v->empty());
    if (k > 0 && !pieces[k - 1].placeholder && present_before)
      pieces[k - 1].text = marks_only(pieces[k - 1].text);
    else if (k + 1 < pieces.size() && !pieces[k + 1].placeholder)
      pieces[k + 1].text = marks_only(pieces[k + 1].text);
    if (k > 0 && !pieces[k - 1].placeholder)
      pieces[k - 1].text = drop_connectors(pieces[k - 1].text);
    if (k + 1 < pieces.size() && !pieces[k + 1].placeholder)
      pieces[k + 1].text = drop_connectors(pieces[k + 1].text);
  }
  Row row{role, {}};
  bool strong = false, emph = false;
  std::string pending;
  auto flush = [&] {
    if (pending.empty())
      return;
    Run r{RunRole::separator, nullptr, pending, "", ""};
    r.strong = strong;
    r.emph = emph;
    row.runs.push_back(std::move(r));
    pending.clear();
  };
  for (const Piece& p : pieces) {
    if (p.placeholder) {
      if (p.v->empty())
        continue;
      flush();
      for (Run r : p.v->runs) {
        r.strong = r.strong || strong;
        r.emph = r.emph || emph;
        row.runs.push_back(std::move(r));
      }
      if (!p.v->runs.empty())
        continue;
      Run r{RunRole::details, p.v->rich, p.v->text, "", p.v->field};
      r.strong = strong;
      r.emph = emph;
      row.runs.push_back(std::move(r));
      continue;
    }
    const std::string& t = p.text;
    for (std::size_t i = 0; i < t.size();) {
      if (t.compare(i, 2, "**") == 0) {
        flush();
        strong = !strong;
        i += 2;
      } else if (t[i] == '*') {
        flush();
        emph = !emph;
        ++i;
      } else if (t.compare(i, 3, "---") == 0) {
        pending += "\u2014";
        i += 3;
      } else if (t.compare(i, 2, "--") == 0) {
        pending += "\u2013";
        i += 2;
      } else if (t[i] == ' ' &&
                 (pending.ends_with(' ') ||
                  (pending.empty() && (row.runs.empty() || row.runs.back().text.ends_with(' '))))) {
        ++i; // one space where a missing placeholder left two
      } else {
        pending += t[i++];
      }
    }
  }
  flush();
  // Separators left at either end by missing placeholders go.
  auto is_sep_only = [](const Run& r) {
    return r.role == RunRole::separator &&
           r.text.find_first_not_of(" ,;:\u2013\u2014|()-") == std::string::npos;
  };
  // A bracket closing one opened before it stays ("URL (JOURNAL)").
  auto opened = [&](std::size_t end) {
    int depth = 0;
    for (std::size_t k = 0; k < end; ++k)
      if (row.runs[k].role == RunRole::separator)
        for (char c : row.runs[k].text)
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    return depth > 0;
  };
  while (!row.runs.empty() && is_sep_only(row.runs.back())) {
    std::string& t = row.runs.back().text;
    if (t.find(')') != std::string::npos && opened(row.runs.size() - 1)) {
      t = ")"; // what came with a dropped placeholder goes, the bracket stays
      break;
    }
    row.runs.pop_back();
  }
  while (!row.runs.empty() && is_sep_only(row.runs.front()))
    row.runs.erase(row.runs.begin());
  // Trailing " –" of a separator before a dropped placeholder at the end.
  if (!row.runs.empty() && row.runs.back().role == RunRole::separator) {
    std::string& t = row.runs.back().text;
    while (!t.empty() && (t.back() == ' ' || t.ends_with("\u2013") || t.back() == ','))
      t.erase(t.ends_with("\u2013") ? t.size() - 3 : t.size() - 1);
  }
  bool any = false;
  for (const Run& r : row.runs)
    any = any || r.role != RunRole::separator;
  if (!any)
    row.runs.clear();
  return row;
}

std::vector<std::string_view> template_lines(std::string_view t) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string_view::npos)
      end = t.size();
    out.push_back(t.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The main column rows of a template: every line but SUMMARY and HIGHLIGHTS
// (the layout sets those), empty rows left out.
std::vector<Row> main_rows(const std::string& tmpl, std::span<const TplValue> values) {
  std::vector<Row> rows;
  for (std::string_view line : template_lines(tmpl)) {
    std::string_view bare = line;
    while (!bare.empty() && (bare.front() == ' ' || bare.front() == '*'))
      bare.remove_prefix(1);
    while (!bare.empty() && (bare.back() == ' ' || bare.back() == '*'))
      bare.remove_suffix(1);
    if (bare == "SUMMARY" || bare == "HIGHLIGHTS" || bare.empty())
      continue;
    Row r = template_row(line, values, rows.empty() ? RowRole::title : RowRole::subtitle);
    if (!r.runs.empty())
      rows.push_back(std::move(r));
  }
  return rows;
}

} // namespace

const EntryTemplates* Presenter::entry_template(std::string_view type) const {
  const auto& all = style_.rendercv.entry_templates;
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const EntryTemplates& t) { return t.entry_type == type; });
  return it == all.end() ? nullptr : &*it;
}

std::optional<Row> Presenter::templated_one_line(const OneLineEntry& e) const {
  const EntryTemplates* it = entry_template("one_line_entry");
  if (!it || it->main_column.empty() ||
      it->main_column == "**LABEL:** DETAILS") // the default: one_line_row()'s own
    return std::nullopt;
  const std::vector<TplValue> values = {{"LABEL", &e.label, "", "label", {}},
                                        {"DETAILS", &e.details, "", "details", {}}};
  Row out{RowRole::templated, {}};
  for (Row& row : main_rows(it->main_column, values)) { // lines joined by a space
    if (!out.runs.empty())
      out.runs.push_back(Run{RunRole::separator, nullptr, " ", "", ""});
    for (Run& r : row.runs)
      out.runs.push_back(std::move(r));
  }
  return out;
}

std::optional<std::vector<Row>> Presenter::templated_publication(const PublicationEntry& e) const {
  const EntryTemplates* it = entry_template("publication_entry");
  if (!it || it->main_column.empty())
    return std::nullopt;
  std::vector<Run> link; // URL: the DOI's link when there is one (RenderCV)
  if (std::optional<Run> r = link_run(e))
    link.push_back(std::move(*r));
  std::vector<Run> doi;
  if (!e.doi.empty())
    doi = link;
  std::vector<Run> authors;
  if (!e.authors.empty())
    authors = authors_row(e.authors, "authors").runs;
  std::vector<Run> journal;
  if (!e.venue_short.empty() || !e.journal.empty())
    journal = venue_row(e).runs;
  else if (!e.status.empty()) // "Preprint" in the venue's place, not a line of its own
    journal.push_back(Run{RunRole::status, &e.status, "", "", "status"});
  for (Run& r : journal) // RenderCV sets the venue upright
    if (r.role == RunRole::venue)
      r.role = RunRole::details;
  const std::vector<TplValue> values = {{"TITLE", &e.title, "", "title", {}},
                                        {"AUTHORS", nullptr, "", "", std::move(authors)},
                                        {"DOI", nullptr, "", "", std::move(doi)},
                                        {"URL", nullptr, "", "", std::move(link)},
                                        {"JOURNAL", nullptr, "", "", std::move(journal)},
                                        {"DATE", nullptr, "", "", {}}};
  std::vector<Row> rows = main_rows(it->main_column, values);
  for (std::size_t i = 1; i < rows.size(); ++i)
    rows[i].role = RowRole::templated;
  if (rows.empty()) // a template without TITLE: the title still leads
    rows.push_back(Row{RowRole::title, {Run{RunRole::title, &e.title, "", "", "title"}}});
  extension_rows(e, rows, true); // awards and note (the status is in JOURNAL)
  return rows;
}

std::optional<TemplatedHead> Presenter::templated_head(const EntryView& view) const {
  std::string_view type;
  std::vector<TplValue> values;
  const EntryDetails* d = nullptr;
  if (const auto* e = std::get_if<EducationEntry>(view.entry)) {
    type = "education_entry";
    values = {{"INSTITUTION", &e->institution, "", "institution", {}},
              {"AREA", &e->area, "", "area", {}},
              {"DEGREE", &e->degree, "", "degree", {}}};
    d = &e->details;
  } else if (const auto* x = std::get_if<ExperienceEntry>(view.entry)) {
    type = "experience_entry";
    values = {{"COMPANY", &x->company, "", "company", {}},
              {"POSITION", &x->position, "", "position", {}}};
    d = &x->details;
  } else if (const auto* n = std::get_if<NormalEntry>(view.entry)) {
    type = "normal_entry";
    values = {{"NAME", &n->name, "", "name", {}}};
    d = &n->details;
  } else {
    return std::nullopt;
  }
  const EntryTemplates* it = entry_template(type);
  if (!it)
    return std::nullopt;
  const DateColumn col = view.aside.empty() ? DateColumn{} : view.aside.front();
  values.push_back({"LOCATION", &d->location, "", "location", {}});
  values.push_back({"DATE", nullptr, col.dates, "", {}});

  // DEGREE_WITH_AREA is the locale's phrase ("DEGREE in AREA").
  const std::string phrase = cv_.locale.degree_with_area ? *cv_.locale.degree_with_area
                             : english()                 ? "DEGREE in AREA"
                                                         : "DEGREE, AREA";
  TemplatedHead out;
  if (!it->main_column.empty())
    out.main = main_rows(replace_all(it->main_column, "DEGREE_WITH_AREA", phrase), values);
  else if (const auto* e = std::get_if<EducationEntry>(view.entry))
    out.main = head_rows(*e);
  else if (const auto* x = std::get_if<ExperienceEntry>(view.entry))
    out.main = head_rows(*x);
  else
    out.main = head_rows(std::get<NormalEntry>(*view.entry));
  if (it->degree_column && !it->degree_column->empty())
    out.degree = main_rows(*it->degree_column, values);

  // The date column, line by line; DATE brings the time span under it.
  const std::string aside =
      it->date_and_location_column.empty() ? "LOCATION\nDATE" : it->date_and_location_column;
  for (std::string_view line : template_lines(aside)) {
    AsideLine a;
    std::string_view bare = line;
    if (bare.starts_with("**") && bare.ends_with("**") && bare.size() >= 4) {
      a.bold = true;
      bare = bare.substr(2, bare.size() - 4);
    } else if (bare.starts_with("*") && bare.ends_with("*") && bare.size() >= 2) {
      a.italic = true;
      bare = bare.substr(1, bare.size() - 2);
    }
    Row r = template_row(bare, values, RowRole::subtitle);
    for (const Run& run : r.runs)
      a.text += run.rich ? run.rich->plain() : run.text;
    if (!a.text.empty())
      out.aside.push_back(a);
    if (bare.find("DATE") != std::string_view::npos && !col.time_span.empty())
      out.aside.push_back(AsideLine{col.time_span, a.bold, a.italic});
  }
  return out;
}

std::optional<Row> Presenter::top_note() const {
  if (!style_.rendercv.show_top_note || style_.rendercv.top_note.empty())
    return std::nullopt;
  // "Last updated in" has no translation here: other languages need locale.last_updated.
  if (!english() && !cv_.locale.last_updated)
    return std::nullopt;
  const RenderCvDateText text = date_text();
  const std::vector<TplValue> values = {
      {"LAST_UPDATED",
       nullptr,
       cv_.locale.last_updated ? *cv_.locale.last_updated : std::string("Last updated in"),
       "",
       {}},
      {"CURRENT_DATE",
       nullptr,
       format_dates(Dates{CalendarDate{today_.year, today_.month, 0}, {}, {}, {}}, cv_.locale,
                    &text),
       "",
       {}},
      {"NAME", nullptr, owner_name(), "", {}}};
  Row r = template_row(style_.rendercv.top_note, values, RowRole::title);
  if (r.runs.empty())
    return std::nullopt;
  return r;
}

} // namespace cvpress::detail

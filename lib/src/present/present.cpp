// The presentation stage: what each section, entry and the header show.
#include "present/present.hpp"

#include "present/sections.hpp"
#include "text/links.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"
#include "text/translations.hpp"

#include <algorithm>

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

std::string Presenter::document_title() const {
  const std::string author = document_author();
  return author.empty() ? "CV" : author + " \u2013 CV";
}

std::string Presenter::owner_name() const {
  return display_name(cv_.header.name, tag_, NameStyle::latin_only);
}

std::vector<ContactView> Presenter::contacts() const {
  const Header& h = cv_.header;
  std::vector<ContactView> out;
  auto add = [&](std::string shown, std::string uri, bool email = false) {
    if (!shown.empty())
      out.push_back(ContactView{std::move(shown), std::move(uri), email});
  };
  add(h.location, "");
  for (const auto& e : h.emails)
    add(e, "mailto:" + e, true);
  for (const auto& p : h.phones)
    add(p, tel_uri(p));
  for (const auto& web : h.websites)
    add(display_url(web), web);
  for (const auto& sn : h.social_networks) {
    auto [shown, url] = social_link(sn);
    add(std::move(shown), std::move(url));
  }
  for (const auto& c : h.custom_connections)
    add(c.placeholder, c.url);
  return out;
}

DateColumn Presenter::date_column(const Dates& dates, const RichText* location, bool spans) const {
  return DateColumn{format_dates(dates, cv_.locale),
                    spans ? format_time_span(dates, cv_.locale, today_) : std::string(), location};
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

std::vector<Row> Presenter::publication_rows(const PublicationEntry& e) const {
  std::vector<Row> rows;
  rows.push_back(Row{RowRole::title, {Run{RunRole::title, &e.title, "", "", "title"}}});
  if (!e.authors.empty())
    rows.push_back(authors_row(e.authors, "authors"));
  const bool has_venue = !e.venue_short.empty() || !e.journal.empty();
  if (has_venue) {
    Row venue{RowRole::venue, {}};
    if (!e.venue_short.empty())
      venue.runs.push_back(Run{RunRole::venue_tag, nullptr, e.venue_short, "", "venue_short"});
    if (!e.venue_short.empty() && !e.journal.empty())
      venue.runs.push_back(Run{RunRole::separator, nullptr, " ", "", ""});
    if (!e.journal.empty())
      venue.runs.push_back(Run{RunRole::venue, &e.journal, "", "", "journal"});
    // The status ("Preprint", "Under review") ends the venue line rather
    // than standing alone on a line of one word.
    if (!e.status.empty()) {
      venue.runs.push_back(Run{RunRole::separator, nullptr, " \u00b7 ", "", ""});
      venue.runs.push_back(Run{RunRole::status, &e.status, "", "", "status"});
    }
    rows.push_back(std::move(venue));
  }
  for (std::size_t i = 0; i < e.awards.size(); ++i)
    rows.push_back(
        Row{RowRole::award,
            {Run{RunRole::award, &e.awards[i], "", "", "awards[" + std::to_string(i) + "]"}}});
  if ((!e.status.empty() && !has_venue) || !e.note.empty()) {
    Row extra{RowRole::status_note, {}};
    const bool status_here = !e.status.empty() && !has_venue;
    if (status_here)
      extra.runs.push_back(Run{RunRole::status, &e.status, "", "", "status"});
    if (status_here && !e.note.empty())
      extra.runs.push_back(Run{RunRole::separator, nullptr, ". ", "", ""});
    if (!e.note.empty())
      extra.runs.push_back(Run{RunRole::note, &e.note, "", "", "note"});
    rows.push_back(std::move(extra));
  }
  if (!e.doi.empty())
    rows.push_back(Row{RowRole::link,
                       {Run{RunRole::doi_label, nullptr, "DOI: ", "", ""},
                        Run{RunRole::doi, nullptr, e.doi, doi_url(e.doi), "doi"}}});
  else if (!link_target(e.url).empty()) // an unsafe link is not shown (text/links.hpp)
    rows.push_back(
        Row{RowRole::link, {Run{RunRole::url, nullptr, display_url(e.url), e.url, "url"}}});
  return rows;
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

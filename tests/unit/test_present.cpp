// The presentation stage (present/): what each section and entry shows,
// decided once for the PDF layout and the LaTeX writer.
#include "present/present.hpp"
#include "resources/photo.hpp"
#include "style/style_loader.hpp"

#include <cvpress/diagnostics.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

const char* const k_cv = R"(cv:
  name: Jane Doe
  email: jane@example.com
  website: https://jane.example.com/
  photo: me.png
  sections:
    publications:
      - title: Second Paper
        authors: ["**Jane Doe**", "Bo Li*†"]
        venue_short: OSDI '24
        journal: Operating Systems Design and Implementation
        date: 2024-07
        status: Accepted
        doi: 10.1000/xyz
        label: C2
      - title: First Paper
        authors: [J. Doe, "Ann Lee*"]
        url: https://example.com/paper.pdf
        date: 2021-03
    talks:
      - title: A Talk
        events:
          - name: NSDI
            date: 2023-04
            time: 2 p.m.
          - name: Seminar
            time: morning
    experience:
      - company: ACME
        position: Engineer
        location: Berlin
        start_date: 2020-01
        end_date: 2022-07
    awards:
      - reversed_number: Second prize
      - reversed_number: First prize
settings:
  current_date: 2024-01-01
)";

std::vector<RunRole> roles(const Row& row) {
  std::vector<RunRole> out;
  for (const auto& r : row.runs)
    out.push_back(r.role);
  return out;
}

} // namespace

TEST_CASE("present: sections, labels, date columns, talk times and the marks legend") {
  const LoadResult loaded = load_cv_string(k_cv, "cv.yaml");
  const Cv& cv = loaded.cv;
  const Style style = load_style("cvpress");
  const Presenter pr(cv, style);
  CHECK(pr.tag() == "en");
  CHECK(pr.english());
  CHECK(pr.header_name() == "Jane Doe");
  CHECK(pr.document_title() == "Jane Doe \u2013 CV");

  const std::vector<ContactView> contacts = pr.contacts();
  REQUIRE(contacts.size() == 2);
  CHECK(contacts[0].shown == "jane@example.com");
  CHECK(contacts[0].uri == "mailto:jane@example.com");
  CHECK(contacts[0].email);
  CHECK(contacts[1].shown == "jane.example.com");
  CHECK(contacts[1].uri == "https://jane.example.com/");

  const SectionView pubs = pr.section(cv.sections.at(0));
  CHECK(pubs.title == "Publications");
  CHECK(pubs.has_aside);
  REQUIRE(pubs.entries.size() == 2);
  CHECK(pubs.entries[0].label == "[C2]");
  CHECK(pubs.entries[1].label.empty());
  CHECK(pubs.entries[0].aside_lines() == std::vector<std::string>{"Jul 2024", "", ""});
  CHECK(pubs.legend ==
        std::vector<std::string>{"* co-first author", "\u2020 corresponding author"});

  const SectionView talks = pr.section(cv.sections.at(1));
  REQUIRE(talks.entries.size() == 1);
  CHECK(talks.entries[0].aside_lines() == std::vector<std::string>{"Apr 2023, 2 p.m.", "morning"});
  CHECK(talks.legend.empty());
  CHECK(join_when("", "noon") == "noon");

  const SectionView exp = pr.section(cv.sections.at(2));
  REQUIRE(exp.entries.size() == 1);
  REQUIRE(exp.entries[0].aside.size() == 1);
  const DateColumn& col = exp.entries[0].aside[0];
  // CLDR interval format: thin spaces around the dash.
  CHECK(col.dates == "Jan 2020\u2009\u2013\u2009Jul 2022");
  CHECK(col.lines().at(2) == "Berlin");

  // Reversed numbered lists count down in display order.
  const SectionView awards = pr.section(cv.sections.at(3));
  REQUIRE(awards.entries.size() == 2);
  CHECK(awards.entries[0].label == "2.");
  CHECK(awards.entries[1].label == "1.");
  CHECK_FALSE(awards.has_aside);
}

TEST_CASE("present: publication rows carry runs with roles") {
  const LoadResult loaded = load_cv_string(k_cv, "cv.yaml");
  const Style style = load_style("cvpress"); // the presenter keeps a reference
  const Presenter pr(loaded.cv, style);
  const auto& pub = std::get<PublicationEntry>(loaded.cv.sections.at(0).entries.at(0));
  const std::vector<Row> rows = pr.publication_rows(pub);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].role == RowRole::title);
  CHECK(rows[0].runs.at(0).rich == &pub.title);
  CHECK(rows[1].role == RowRole::authors);
  CHECK(roles(rows[1]) == std::vector<RunRole>{RunRole::owner, RunRole::separator, RunRole::author,
                                               RunRole::co_first, RunRole::corresponding});
  CHECK(rows[1].runs[2].field == "authors[1]");
  CHECK(rows[2].role == RowRole::venue);
  // The status ends the venue line (no one-word "Accepted" line of its own).
  CHECK(roles(rows[2]) == std::vector<RunRole>{RunRole::venue_tag, RunRole::separator,
                                               RunRole::venue, RunRole::separator,
                                               RunRole::status});
  CHECK(rows[2].runs[0].text == "OSDI '24");
  CHECK(rows[2].runs[3].text == " \u00b7 ");
  CHECK(rows[2].runs[4].rich == &pub.status);
  CHECK(rows[3].role == RowRole::link);
  CHECK(rows[3].runs.at(1).role == RunRole::doi);
  CHECK(rows[3].runs.at(1).link == "https://doi.org/10.1000/xyz");

  // The owner is found by name too ("J. Doe"); a URL row when there is no DOI.
  const auto& first = std::get<PublicationEntry>(loaded.cv.sections.at(0).entries.at(1));
  const std::vector<Row> more = pr.publication_rows(first);
  REQUIRE(more.size() == 3);
  CHECK(more[1].runs.at(0).role == RunRole::owner);
  CHECK(more[2].runs.at(0).role == RunRole::url);
  CHECK(more[2].runs.at(0).text == "example.com/paper.pdf");
}

// A row's text, runs joined.
std::string row_text(const Row& row) {
  std::string out;
  for (const Run& r : row.runs)
    out += r.rich ? r.rich->plain() : r.text;
  return out;
}

TEST_CASE("present: RenderCV themes set publications by their main_column template") {
  const LoadResult loaded = load_cv_string(k_cv, "cv.yaml");
  // classic: "**TITLE**\nSUMMARY\nAUTHORS\nURL (JOURNAL)"; the DOI is the URL.
  RenderOptions options;
  options.style = "classic";
  const Style classic = resolve_style(options, loaded.cv.design);
  const Presenter pr(loaded.cv, classic);
  const auto& pub = std::get<PublicationEntry>(loaded.cv.sections.at(0).entries.at(0));
  const std::vector<Row> rows = pr.publication_rows(pub);
  REQUIRE(rows.size() == 3);
  CHECK(row_text(rows[0]) == "Second Paper");
  CHECK(rows[0].runs.at(0).strong);
  CHECK(rows[1].role == RowRole::templated);
  CHECK(roles(rows[1]) == std::vector<RunRole>{RunRole::owner, RunRole::separator, RunRole::author,
                                               RunRole::co_first, RunRole::corresponding});
  // The bracket around JOURNAL closes; the venue is upright, the status kept.
  CHECK(row_text(rows[2]) ==
        "10.1000/xyz (OSDI '24 Operating Systems Design and Implementation \u00b7 Accepted)");
  CHECK(rows[2].runs.at(0).link == "https://doi.org/10.1000/xyz");
  CHECK(roles(rows[2]).at(4) == RunRole::details);

  // No DOI: URL is the link; an own template drops what it leaves out.
  const auto& first = std::get<PublicationEntry>(loaded.cv.sections.at(0).entries.at(1));
  CHECK(row_text(pr.publication_rows(first).at(2)) == "example.com/paper.pdf");
  Style own = classic;
  for (auto& t : own.rendercv.entry_templates)
    if (t.entry_type == "publication_entry")
      t.main_column = "**TITLE** -- *JOURNAL*";
  const std::vector<Row> one = Presenter(loaded.cv, own).publication_rows(first);
  REQUIRE(one.size() == 1);
  CHECK(row_text(one[0]) == "First Paper");
}

TEST_CASE("present: a RenderCV one_line_entry template sets one-line entries") {
  const LoadResult loaded = load_cv_string(R"(cv:
  name: Jane Doe
  sections:
    skills:
      - label: Languages
        details: C++, Python
design:
  theme: classic
  templates:
    one_line_entry:
      main_column: "*LABEL* -- **DETAILS**"
)",
                                           "cv.yaml");
  RenderOptions options;
  const Style st = resolve_style(options, loaded.cv.design);
  const auto& e = std::get<OneLineEntry>(loaded.cv.sections.at(0).entries.at(0));
  const Row row = Presenter(loaded.cv, st).one_line_row(e);
  CHECK(row.role == RowRole::templated);
  CHECK(row_text(row) == "Languages \u2013 C++, Python");
  REQUIRE(row.runs.size() == 3);
  CHECK(row.runs[0].emph);
  CHECK_FALSE(row.runs[0].strong);
  CHECK(row.runs[2].strong);
  // The default template is one_line_row()'s own row: label, ": ", details.
  RenderOptions classic;
  classic.style = "classic";
  const Style classic_style = resolve_style(classic, Design{});
  const Row plain = Presenter(loaded.cv, classic_style).one_line_row(e);
  CHECK(plain.role == RowRole::one_line);
  CHECK(row_text(plain) == "Languages: C++, Python");
}

TEST_CASE("present: the loader keeps where the photo is named, for resource errors") {
  const LoadResult loaded = load_cv_string(k_cv, "cv.yaml");
  CHECK(loaded.cv.header.photo_where == SourceLocation{"cv.yaml", 5, 3});
  try {
    (void)load_photo(loaded.cv, "/nonexistent-dir", PhotoAccess{});
    FAIL("no InputError");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().at(0).to_string().starts_with("cv.yaml:5:3: cv.photo: photo "));
  }
}

// Loader -> model: every entry type, header, locale, settings, design.
#include <cvpress/load.hpp>

#include "load/dates.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace cvpress;

namespace {

Cv load(std::string_view yaml) {
  LoadResult r = load_cv_string(yaml, "cv.yaml");
  CHECK(r.warnings.empty());
  return r.cv;
}

template <typename T> const T& only_entry(const Cv& cv) {
  REQUIRE(cv.sections.size() == 1);
  REQUIRE(cv.sections[0].entries.size() == 1);
  REQUIRE(std::holds_alternative<T>(cv.sections[0].entries[0]));
  return std::get<T>(cv.sections[0].entries[0]);
}

Cv one_section(std::string_view entry_yaml) {
  return load("cv:\n  name: Jane Doe\n  sections:\n    things:\n" + std::string(entry_yaml));
}

DatePoint ymd(int y, int m = 0, int d = 0) { return CalendarDate{y, m, d}; }

} // namespace

TEST_CASE("model: header fields") {
  Cv cv = load(R"(cv:
  name: Jane Doe
  headline: Systems **researcher**
  location: Singapore
  affiliation: [S-Lab, Nanyang Technological University]
  email: jane@example.org
  phone: [+65 1234 5678, "+1 555 0100"]
  website: https://jane.example.org
  photo: photo.png
  social_networks:
    - {network: GitHub, username: janedoe}
  custom_connections:
    - {placeholder: Blog, url: "https://blog.example.org", fontawesome_icon: blog}
)");
  const Header& h = cv.header;
  CHECK(h.name.full == "Jane Doe");
  CHECK(h.name.given.empty());
  REQUIRE(h.headline.runs.size() == 2);
  CHECK(std::get<TextRun>(h.headline.runs[1]) == TextRun{"researcher", Format{true, false, ""}});
  CHECK(h.headline.where == SourceLocation{"cv.yaml", 3, 13});
  CHECK(h.location == "Singapore");
  CHECK(h.affiliation == std::vector<std::string>{"S-Lab", "Nanyang Technological University"});
  CHECK(h.emails == std::vector<std::string>{"jane@example.org"});
  CHECK(h.phones == std::vector<std::string>{"+65 1234 5678", "+1 555 0100"});
  CHECK(h.websites == std::vector<std::string>{"https://jane.example.org"});
  CHECK(h.photo == "photo.png");
  REQUIRE(h.social_networks.size() == 1);
  CHECK(h.social_networks[0] ==
        SocialNetwork{"GitHub", "janedoe", SourceLocation{"cv.yaml", 11, 7}});
  REQUIRE(h.custom_connections.size() == 1);
  CHECK(h.custom_connections[0] == CustomConnection{"Blog", "https://blog.example.org", "blog"});
  CHECK(cv.sections.empty());
}

TEST_CASE("model: structured name (extension), NFC on load") {
  // "e" + combining acute must come out precomposed.
  Cv cv = load("cv:\n  name:\n    given: Qiaoling\n    family: Chen\n    native: 陈巧玲\n"
               "    aliases: [\"Q. Chen\", Zoe\xCC\x81]\n");
  const PersonName& n = cv.header.name;
  CHECK(n.full == "Qiaoling Chen");
  CHECK(n.given == "Qiaoling");
  CHECK(n.family == "Chen");
  CHECK(n.native == "陈巧玲");
  CHECK(n.aliases == std::vector<std::string>{"Q. Chen", "Zo\xC3\xA9"});
  CHECK(load("cv:\n  name: {native: 陈巧玲}\n").header.name.full == "陈巧玲");
  CHECK(load("cv:\n  name: {given: A, family: B, full: B A}\n").header.name.full == "B A");
}

TEST_CASE("model: education entry with range, highlights and nesting") {
  Cv cv = one_section(R"(      - institution: Nanyang Technological University
        area: Computer Science
        degree: PhD
        location: Singapore
        start_date: 2019-08
        end_date: present
        summary: Advisor *Prof. X*
        highlights:
          - Thesis on $1.06\times$ speedups
          - text: Teaching
            highlights: [CS101, CS102]
          - |
            Awards
            - Best paper
            - Fellowship
)");
  const auto& e = only_entry<EducationEntry>(cv);
  CHECK(cv.sections[0].key == "things");
  CHECK(cv.sections[0].title == "Things");
  CHECK(cv.sections[0].where == SourceLocation{"cv.yaml", 4, 5});
  CHECK(e.institution.plain() == "Nanyang Technological University");
  CHECK(e.area.plain() == "Computer Science");
  CHECK(e.degree.plain() == "PhD");
  CHECK(e.details.location.plain() == "Singapore");
  CHECK(e.details.dates.start == ymd(2019, 8));
  CHECK(e.details.dates.end == DatePoint{Present{}});
  CHECK_FALSE(e.details.dates.date.has_value());
  CHECK(e.details.dates.where == SourceLocation{"cv.yaml", 9, 9});
  CHECK(std::get<TextRun>(e.details.summary.runs.at(1)).format.italic);
  REQUIRE(e.details.highlights.size() == 3);
  CHECK(e.details.highlights[0].text.plain() == "Thesis on 1.06× speedups");
  CHECK(e.details.highlights[1].text.plain() == "Teaching");
  REQUIRE(e.details.highlights[1].children.size() == 2);
  CHECK(e.details.highlights[1].children[1].plain() == "CS102");
  CHECK(e.details.highlights[2].text.plain() == "Awards");
  REQUIRE(e.details.highlights[2].children.size() == 2);
  CHECK(e.details.highlights[2].children[0].plain() == "Best paper");
  CHECK(e.details.highlights[2].children[1].plain() == "Fellowship");
  CHECK(e.where == SourceLocation{"cv.yaml", 5, 9});
}

TEST_CASE("model: experience entry; start alone is open, end alone is a date") {
  Cv cv =
      one_section("      - company: Acme\n        position: Intern\n        start_date: 2021\n");
  const auto& e = only_entry<ExperienceEntry>(cv);
  CHECK(e.company.plain() == "Acme");
  CHECK(e.position.plain() == "Intern");
  CHECK(e.details.dates.start == ymd(2021));
  CHECK_FALSE(e.details.dates.end.has_value());
  Cv cv2 =
      one_section("      - company: Acme\n        position: Intern\n        end_date: 2021-03\n");
  const auto& e2 = only_entry<ExperienceEntry>(cv2);
  CHECK(e2.details.dates.date == ymd(2021, 3));
  CHECK_FALSE(e2.details.dates.start.has_value());
  CHECK_FALSE(e2.details.dates.end.has_value());
}

TEST_CASE("model: normal entry with free-text date") {
  Cv cv = one_section("      - name: Visiting student\n        date: Fall 2023\n");
  const auto& e = only_entry<NormalEntry>(cv);
  CHECK(e.name.plain() == "Visiting student");
  CHECK(e.details.dates.date == DatePoint{FreeTextDate{"Fall 2023"}});
}

TEST_CASE("model: publication entry with extensions and author marks") {
  Cv cv =
      one_section(R"(      - title: "Lucid: A Non-Intrusive, Scalable and Interpretable Scheduler"
        authors: ["**Qinghao Hu***", "Meng Zhang*", Peng Sun†, "Yonggang Wen*†",
                  "Tianwei **Zhang**", {name: Wei Gao, corresponding: true}]
        journal: Architectural Support for Programming Languages and Operating Systems
        venue_short: "ASPLOS '23"
        date: 2023-03
        awards: Distinguished Paper Award
        label: C1
        status: Under review
        note: Qidong and Hao are co-first authors.
        doi: https://doi.org/10.1145/3575693.3575705
        url: https://example.org/lucid.pdf
)");
  const auto& p = only_entry<PublicationEntry>(cv);
  CHECK(p.title.plain() == "Lucid: A Non-Intrusive, Scalable and Interpretable Scheduler");
  REQUIRE(p.authors.size() == 6);
  CHECK(p.authors[0].name.plain() == "Qinghao Hu");
  CHECK(p.authors[0].highlighted);
  CHECK(p.authors[0].co_first);
  CHECK_FALSE(p.authors[0].corresponding);
  CHECK(std::get<TextRun>(p.authors[0].name.runs.at(0)).format.bold);
  CHECK(p.authors[1].name.plain() == "Meng Zhang");
  CHECK(p.authors[1].co_first);
  CHECK_FALSE(p.authors[1].highlighted);
  CHECK(p.authors[2].name.plain() == "Peng Sun");
  CHECK(p.authors[2].corresponding);
  CHECK_FALSE(p.authors[2].co_first);
  CHECK(p.authors[3].name.plain() == "Yonggang Wen");
  CHECK(p.authors[3].co_first);
  CHECK(p.authors[3].corresponding);
  CHECK(p.authors[4].name.plain() == "Tianwei Zhang"); // partly bold: not the owner mark
  CHECK_FALSE(p.authors[4].highlighted);
  CHECK_FALSE(p.authors[4].co_first);
  CHECK(p.authors[5].name.plain() == "Wei Gao");
  CHECK(p.authors[5].corresponding);
  CHECK(p.journal.plain() ==
        "Architectural Support for Programming Languages and Operating Systems");
  CHECK(p.venue_short == "ASPLOS '23");
  CHECK(p.dates.date == ymd(2023, 3));
  REQUIRE(p.awards.size() == 1);
  CHECK(p.awards[0].plain() == "Distinguished Paper Award");
  CHECK(p.label == "C1");
  CHECK(p.status.plain() == "Under review");
  CHECK(p.note.plain() == "Qidong and Hao are co-first authors.");
  CHECK(p.doi == "10.1145/3575693.3575705");
  CHECK(p.url == "https://example.org/lucid.pdf");
}

TEST_CASE("model: talk entry (extension)") {
  Cv cv = one_section(R"(      - title: Characterization of LLM Development in the Datacenter
        url: https://example.org/slides.pdf
        events:
          - {name: Huawei, location: "Shanghai, China", date: 2024-06}
          - {name: NSDI, location: "Santa Clara, United States", date: 2024-04-17, time: 2 p.m., host: Aurojit Panda}
)");
  const auto& t = only_entry<TalkEntry>(cv);
  CHECK(t.title.plain() == "Characterization of LLM Development in the Datacenter");
  CHECK(t.url == "https://example.org/slides.pdf");
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].name.plain() == "Huawei");
  CHECK(t.events[0].location.plain() == "Shanghai, China");
  CHECK(t.events[0].dates.date == ymd(2024, 6));
  CHECK(t.events[1].dates.date == ymd(2024, 4, 17));
  CHECK(t.events[1].time == "2 p.m.");
  CHECK(t.events[1].host.plain() == "Aurojit Panda");
  CHECK(t.events[1].where == SourceLocation{"cv.yaml", 9, 13});
}

TEST_CASE("model: service and patent entries (extensions)") {
  Cv cv = one_section("      - {role: AE Committee Member, event: USENIX Annual Technical "
                      "Conference, event_short: \"ATC '22\", date: 2022}\n");
  const auto& s = only_entry<ServiceEntry>(cv);
  CHECK(s.role.plain() == "AE Committee Member");
  CHECK(s.event.plain() == "USENIX Annual Technical Conference");
  CHECK(s.event_short == "ATC '22");
  CHECK(s.dates.date == ymd(2022));
  Cv cv2 = one_section("      - {title: A new method of video making, patent_number: "
                       "CN111970571A, date: 2020, inventors: [\"**Jane Doe**\", Bo Li], "
                       "status: Granted}\n");
  const auto& p = only_entry<PatentEntry>(cv2);
  CHECK(p.title.plain() == "A new method of video making");
  CHECK(p.patent_number == "CN111970571A");
  CHECK(p.dates.date == ymd(2020));
  REQUIRE(p.inventors.size() == 2);
  CHECK(p.inventors[0].highlighted);
  CHECK(p.status.plain() == "Granted");
}

TEST_CASE("model: one-line, bullet, numbered, reversed-numbered and text entries") {
  Cv one_line = one_section("      - {label: Languages, details: \"C++, Python\"}\n");
  CHECK(only_entry<OneLineEntry>(one_line).label.plain() == "Languages");
  CHECK(only_entry<OneLineEntry>(one_line).details.plain() == "C++, Python");
  Cv bullet = one_section("      - bullet: Did *this*\n");
  CHECK(only_entry<BulletEntry>(bullet).bullet.plain() == "Did this");
  Cv numbered = one_section("      - number: First\n");
  CHECK(only_entry<NumberedEntry>(numbered).number.plain() == "First");
  Cv reversed = one_section("      - reversed_number: Last\n");
  CHECK(only_entry<ReversedNumberedEntry>(reversed).reversed_number.plain() == "Last");
  Cv text = one_section("      - Plain **paragraph** text\n");
  const auto& t = only_entry<TextEntry>(text);
  CHECK(t.text.plain() == "Plain paragraph text");
  CHECK(t.where == SourceLocation{"cv.yaml", 5, 9});
}

TEST_CASE("model: section order and titles are kept") {
  Cv cv = load("cv:\n  sections:\n    welcome_to_RenderCV: [a]\n    Selected Talks: [b]\n"
               "    education: [c]\n");
  REQUIRE(cv.sections.size() == 3);
  CHECK(cv.sections[0].title == "Welcome to RenderCV");
  CHECK(cv.sections[1].title == "Selected Talks");
  CHECK(cv.sections[2].title == "Education");
}

TEST_CASE("model: locale, settings and design") {
  LoadResult r = load_cv_string(R"(cv:
  name: Jane
locale:
  language: mandarin_chinese
  present: 至今
  to: "–"
  full_names_of_months: [一月, 二月, 三月, 四月, 五月, 六月, 七月, 八月, 九月, 十月, 十一月, 十二月]
  phone_number_format: national
settings:
  current_date: 2024-08-15
  bold_keywords: [Python, C++]
design:
  theme: moderncv
  page:
    size: us-letter
)",
                                "cv.yaml");
  const Cv& cv = r.cv;
  CHECK(cv.locale.language == "mandarin_chinese");
  CHECK(cv.locale.present == "至今");
  CHECK(cv.locale.to == "–");
  REQUIRE(cv.locale.month_names.size() == 12);
  CHECK(cv.locale.month_names[11] == "十二月");
  CHECK(cv.locale.phone_number_format == "national");
  CHECK(cv.settings.current_date == CalendarDate{2024, 8, 15});
  CHECK(cv.settings.bold_keywords == std::vector<std::string>{"Python", "C++"});
  CHECK(cv.design.theme == "moderncv");
  const OptionValue* page = cv.design.options.find("page");
  REQUIRE(page != nullptr);
  REQUIRE(page->find("size") != nullptr);
  CHECK(page->find("size")->scalar == "us-letter");
  CHECK(page->find("size")->where == SourceLocation{"cv.yaml", 15, 11});
  // page.size has a style counterpart, so no warning.
  CHECK(r.warnings.empty());
  CHECK_FALSE(
      load("cv:\n  name: J\nsettings:\n  current_date: today\n").settings.current_date.has_value());
}

TEST_CASE("model: anchors and aliases are expanded") {
  Cv cv = load("cv:\n  name: Jane\n  sections:\n    a:\n      - &e {bullet: shared}\n    b:\n"
               "      - *e\n");
  REQUIRE(cv.sections.size() == 2);
  CHECK(std::get<BulletEntry>(cv.sections[1].entries[0]).bullet.plain() == "shared");
}

TEST_CASE("model: load_cv_file records the source file") {
  LoadResult r = load_cv_file(CVPRESS_SOURCE_DIR "/examples/showcase.yaml");
  CHECK(r.cv.source_file == CVPRESS_SOURCE_DIR "/examples/showcase.yaml");
  CHECK_FALSE(r.cv.sections.empty());
}

TEST_CASE("section titles from keys") {
  CHECK(section_title_from_key("education") == "Education");
  CHECK(section_title_from_key("welcome_to_RenderCV") == "Welcome to RenderCV");
  CHECK(section_title_from_key("Selected Talks") == "Selected Talks");
  CHECK(section_title_from_key("the_art_of_war") == "The Art of War");
  CHECK(section_title_from_key("honors_and_awards") == "Honors and Awards");
  CHECK(section_title_from_key("éducation") == "Éducation");
  CHECK(section_title_from_key("学历") == "学历");
  CHECK(section_title_from_key("2024_talks") == "2024 Talks");
}

TEST_CASE("date parsing: forms and checks") {
  using detail::DateField;
  using detail::parse_date;
  CHECK(parse_date("2024", DateField::date).value == ymd(2024));
  CHECK(parse_date("2024-08", DateField::date).value == ymd(2024, 8));
  CHECK(parse_date("2024-02-29", DateField::date).value == ymd(2024, 2, 29));
  CHECK(parse_date("2100-02-29", DateField::date).error ==
        "day 29 is out of range for 2100-02 (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(parse_date("Present", DateField::end).value == DatePoint{Present{}});
  CHECK(parse_date("Spring 2020", DateField::date).value == DatePoint{FreeTextDate{"Spring 2020"}});
  CHECK(parse_date("2024-08-15-1", DateField::date).error ==
        "'2024-08-15-1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(detail::ends_before({2021, 5, 0}, {2021, 4, 30}));
  CHECK_FALSE(detail::ends_before({2021, 5, 0}, {2021, 0, 0}));
  CHECK_FALSE(detail::ends_before({2021, 5, 3}, {2021, 5, 0}));
  CHECK(detail::format_iso({2021, 5, 3}) == "2021-05-03");
}

TEST_CASE("model: YAML merge keys; explicit keys win") {
  Cv cv = load("cv:\n  name: Jane\n  sections:\n    a:\n      - &base {company: Acme, position: "
               "Intern, location: Paris}\n      - <<: *base\n        position: Engineer\n");
  REQUIRE(cv.sections.at(0).entries.size() == 2);
  const auto& e = std::get<ExperienceEntry>(cv.sections[0].entries[1]);
  CHECK(e.company.plain() == "Acme");
  CHECK(e.position.plain() == "Engineer");
  CHECK(e.details.location.plain() == "Paris");
}

TEST_CASE("model: RenderCV nested highlights written as indented '- ' lines") {
  Cv cv = one_section(R"(      - name: Project
        summary: "Café – 2019 - 2020"
        highlights:
          - Led the café rewrite
            - cut latency by 40%
            - shipped
              on time
          - Kept 2019 - 2020 on one line
)");
  const auto& e = only_entry<NormalEntry>(cv);
  REQUIRE(e.details.highlights.size() == 2);
  CHECK(e.details.highlights[0].text.plain() == "Led the café rewrite");
  REQUIRE(e.details.highlights[0].children.size() == 2);
  CHECK(e.details.highlights[0].children[0].plain() == "cut latency by 40%");
  CHECK(e.details.highlights[0].children[1].plain() == "shipped on time");
  CHECK(e.details.highlights[1].text.plain() == "Kept 2019 - 2020 on one line");
  CHECK(e.details.highlights[1].children.empty());
  CHECK(e.details.summary.plain() == "Café – 2019 - 2020");
}

TEST_CASE("model: CRLF line endings and long runs of author marks") {
  Cv cv = load("cv:\r\n  sections:\r\n    p:\r\n      - title: T\r\n        authors: [\"A" +
               std::string(50, '*') +
               "\", \"**B***\"]\r\n      - title: U\r\n        authors: "
               "[C]\r\n    s:\r\n      - name: N\r\n        highlights:\r\n          - top\r\n"
               "            - nested\r\n");
  REQUIRE(cv.sections.size() == 2);
  const auto& p = std::get<PublicationEntry>(cv.sections[0].entries[0]);
  CHECK(p.authors.at(0).name.plain() == "A");
  CHECK(p.authors[0].co_first);
  CHECK(p.authors.at(1).name.plain() == "B");
  CHECK(p.authors[1].highlighted);
  CHECK(p.authors[1].co_first);
  CHECK(std::get<PublicationEntry>(cv.sections[0].entries[1]).where ==
        SourceLocation{"cv.yaml", 6, 9});
  const auto& n = std::get<NormalEntry>(cv.sections[1].entries[0]);
  REQUIRE(n.details.highlights.size() == 1);
  CHECK(n.details.highlights[0].text.plain() == "top");
  REQUIRE(n.details.highlights[0].children.size() == 1);
  CHECK(n.details.highlights[0].children[0].plain() == "nested");
}

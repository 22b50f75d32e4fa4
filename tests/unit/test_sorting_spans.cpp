// settings.sort (entry order by date, collation and family name), time spans
// under date ranges (style/design show_time_spans_in) and the default output
// file name: loader, shared helpers, and both backends end to end.
#include "layout/layout.hpp"
#include "present/dates.hpp"
#include "present/sections.hpp"
#include "scratch_dir.hpp"
#include "style/style.hpp"
#include "style/style_loader.hpp"
#include "test_layout_support.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

using namespace cvpress;
using namespace cvpress::detail;
using namespace layout_test;

namespace {

Cv load(const std::string& yaml) { return load_cv_string(yaml, "cv.yaml").cv; }

// The sort texts of a section's entries in display order.
std::vector<std::string> shown(const Cv& cv, std::size_t section = 0) {
  std::vector<std::string> out;
  const Section& s = cv.sections.at(section);
  for (std::size_t i : entry_order(cv, s))
    out.push_back(sort_text(s.entries[i]));
  return out;
}

std::vector<std::string> ordered(const Section& s, SortOrder order, std::string_view tag) {
  std::vector<std::string> out;
  for (std::size_t i : entry_order(s, order, tag))
    out.push_back(sort_text(s.entries[i]));
  return out;
}

Section bullets(std::initializer_list<const char*> texts) {
  Section s{"items", "Items", {}, {}};
  for (const char* t : texts)
    s.entries.emplace_back(BulletEntry{rt(t), {}});
  return s;
}

const char* const k_experience = R"(cv:
  name: Zoë Müller
  sections:
    experience:
      - company: Alpha
        position: Engineer
        start_date: 2019-01
        end_date: 2020-03
      - company: Gamma
        position: Lead
        start_date: 2021-06
      - company: Delta
        position: Advisor
        date: Spring 2018
      - company: Beta
        position: Intern
        start_date: 2016-05
        end_date: 2016-09
      - company: Epsilon
        position: Fellow
        start_date: 2021-06
        end_date: present
    awards:
      - bullet: Zebra prize
      - bullet: Ärger award
      - bullet: apple award
)";

} // namespace

// ------------------------------------------------------------------ loader

TEST_CASE("sort: settings.sort takes one order for every section or one per section") {
  Cv all = load(std::string(k_experience) + "settings:\n  sort: date\n");
  REQUIRE(all.settings.sort.size() == 1);
  CHECK(all.settings.sort[0].section.empty());
  CHECK(all.settings.sort[0].order == SortOrder::newest_first);
  CHECK(sort_order(all.settings, all.sections[0]) == SortOrder::newest_first);
  CHECK(sort_order(all.settings, all.sections[1]) == SortOrder::newest_first);

  Cv each = load(std::string(k_experience) +
                 "settings:\n  sort: {Experience: oldest-first, awards: alphabetical}\n");
  REQUIRE(each.settings.sort.size() == 2);
  CHECK(each.settings.sort[0].section == "Experience"); // matched case-insensitively
  CHECK(sort_order(each.settings, each.sections[0]) == SortOrder::oldest_first);
  CHECK(sort_order(each.settings, each.sections[1]) == SortOrder::alphabetical);

  // A per-section rule wins over the catch-all, whatever their order.
  Cv both = load(std::string(k_experience) + "settings:\n  sort: {awards: none}\n");
  CHECK(sort_order(both.settings, both.sections[0]) == SortOrder::none);

  // Aliases.
  for (const auto& [word, order] :
       {std::pair{"reverse_chronological", SortOrder::newest_first},
        std::pair{"chronological", SortOrder::oldest_first},
        std::pair{"name", SortOrder::family_name}, std::pair{"family-name", SortOrder::family_name},
        std::pair{"none", SortOrder::none}}) {
    CAPTURE(word);
    Cv cv = load(std::string(k_experience) + "settings:\n  sort: " + word + "\n");
    CHECK(cv.settings.sort.at(0).order == order);
  }
}

TEST_CASE("sort: bad settings.sort values are errors with their location") {
  auto error_of = [](const std::string& settings) {
    try {
      (void)load_cv_string(std::string(k_experience) + settings, "cv.yaml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("settings:\n  sort: {experiense: date}\n") ==
        "cv.yaml:28:10: settings.sort.experiense: no section 'experiense' to sort (did you mean "
        "'experience'?)");
  CHECK(error_of("settings:\n  sort: {talks: date}\n") ==
        "cv.yaml:28:10: settings.sort.talks: no section 'talks' to sort (sections: experience and "
        "awards)");
  CHECK(error_of("settings:\n  sort: {awards: alphabetic}\n") ==
        "cv.yaml:28:18: settings.sort.awards: unknown sort order 'alphabetic' (did you mean "
        "'alphabetical'?)");
  CHECK(error_of("settings:\n  sort: {awards: {by: date}}\n") ==
        "cv.yaml:28:18: settings.sort.awards: expected a sort order (none, newest_first, "
        "oldest_first, alphabetical or family_name), got a map");
}

// ------------------------------------------------------------ entry order

TEST_CASE("sort: input order is kept without settings.sort") {
  Cv cv = load(k_experience);
  CHECK(shown(cv) == std::vector<std::string>{"Alpha", "Gamma", "Delta", "Beta", "Epsilon"});
}

TEST_CASE("sort: newest_first puts open ranges first and undated entries last") {
  Cv cv = load(std::string(k_experience) + "settings:\n  sort: newest_first\n");
  // Gamma (2021-06, no end) and Epsilon (2021-06 – present) are both open:
  // equal keys keep input order. The free-text date goes last.
  CHECK(shown(cv) == std::vector<std::string>{"Gamma", "Epsilon", "Alpha", "Beta", "Delta"});
}

TEST_CASE("sort: oldest_first orders by start date, then end date") {
  Cv cv = load(std::string(k_experience) + "settings:\n  sort: oldest_first\n");
  CHECK(shown(cv) == std::vector<std::string>{"Beta", "Alpha", "Gamma", "Epsilon", "Delta"});

  Section s{"x", "X", {}, {}};
  for (auto [name, dates] :
       {std::pair{"long", range(2020, 1, 2022, 1)}, std::pair{"short", range(2020, 1, 2020, 6)},
        std::pair{"year", single(2019)}, std::pair{"month", single(2019, 3)}}) {
    NormalEntry e;
    e.name = rt(name);
    e.details.dates = dates;
    s.entries.emplace_back(e);
  }
  // A year-only date sorts before any month of that year.
  CHECK(ordered(s, SortOrder::oldest_first, "en") ==
        std::vector<std::string>{"year", "month", "short", "long"});
  CHECK(ordered(s, SortOrder::newest_first, "en") ==
        std::vector<std::string>{"long", "short", "month", "year"});
}

TEST_CASE("sort: talks sort by their latest event") {
  Section s{"talks", "Talks", {}, {}};
  for (auto [title, years] :
       {std::pair{"A", std::vector<int>{2019, 2023}}, std::pair{"B", std::vector<int>{2021}},
        std::pair{"C", std::vector<int>{2020, 2018}}}) {
    TalkEntry t;
    t.title = rt(title);
    for (int y : years) {
      TalkEvent ev;
      ev.dates = single(y, 5);
      t.events.push_back(ev);
    }
    s.entries.emplace_back(t);
  }
  CHECK(ordered(s, SortOrder::newest_first, "en") == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("sort: alphabetical uses the collation of the CV's language") {
  const Section s = bullets({"Zebra prize", "Ärger award", "apple award", "Öre fund"});
  // English and German: Ä with A, Ö with O, case ignored.
  CHECK(ordered(s, SortOrder::alphabetical, "en") ==
        std::vector<std::string>{"apple award", "Ärger award", "Öre fund", "Zebra prize"});
  CHECK(ordered(s, SortOrder::alphabetical, "de") ==
        std::vector<std::string>{"apple award", "Ärger award", "Öre fund", "Zebra prize"});
  // Swedish: Ä and Ö are letters after Z.
  CHECK(ordered(s, SortOrder::alphabetical, "sv") ==
        std::vector<std::string>{"apple award", "Zebra prize", "Ärger award", "Öre fund"});
  // Chinese: Han by pinyin (an 安, bei 北, zhong 中), not by code point.
  CHECK(ordered(bullets({"中山大学", "北京大学", "安徽大学"}), SortOrder::alphabetical, "zh") ==
        std::vector<std::string>{"安徽大学", "北京大学", "中山大学"});
}

TEST_CASE("sort: family_name sorts people by family name, in their script") {
  const Section latin =
      bullets({"Yang Li (PhD, 2021)", "Ana Ábalos", "Bo Zhang, MSc", "Jane Doe: postdoc"});
  CHECK(ordered(latin, SortOrder::family_name, "en") ==
        std::vector<std::string>{"Ana Ábalos", "Jane Doe: postdoc", "Yang Li (PhD, 2021)",
                                 "Bo Zhang, MSc"});
  // Han names: family name first; zh collation is pinyin: Chen, Hu, Ouyang, Wang.
  const Section han = bullets({"王伟", "欧阳娜娜", "胡清昊（博士）", "陈巧玲"});
  CHECK(ordered(han, SortOrder::family_name, "zh") ==
        std::vector<std::string>{"陈巧玲", "胡清昊（博士）", "欧阳娜娜", "王伟"});
  // Same family name: then the given name.
  CHECK(ordered(bullets({"Wei Zhang", "An Zhang", "Lu Chen"}), SortOrder::family_name, "en") ==
        std::vector<std::string>{"Lu Chen", "An Zhang", "Wei Zhang"});
}

// -------------------------------------------------------------- time spans

TEST_CASE("time spans: CLDR plural words, counted like RenderCV up to the current date") {
  const CalendarDate today{2024, 9, 1};
  Locale en;
  CHECK(format_time_span(range(2021, 6, 0, 0), en, today) == "3 years, 4 months");
  CHECK(format_time_span(range(2019, 1, 2020, 3), en, today) == "1 year, 3 months");
  CHECK(format_time_span(range(2016, 5, 2016, 9), en, today) == "5 months");
  CHECK(format_time_span(range(2020, 1, 2021, 12), en, today) == "2 years");
  Dates open; // start_date only: an open range
  open.start = CalendarDate{2024, 1, 0};
  CHECK(format_time_span(open, en, today) == "9 months");
  // Nothing for single dates, free text or missing starts.
  CHECK(format_time_span(single(2020, 5), en, today).empty());
  Dates free;
  free.start = FreeTextDate{"Fall 2020"};
  free.end = CalendarDate{2021, 5, 0};
  CHECK(format_time_span(free, en, today).empty());

  struct Row {
    const char* language;
    Dates dates;
    const char* expected;
  };
  for (const Row& row : {
           Row{"russian", range(2022, 1, 2023, 3), "1 год 3 месяца"},
           Row{"ru", range(2019, 1, 2020, 12), "2 года"},
           Row{"ru", range(2015, 1, 2019, 12), "5 лет"},
           Row{"ru", range(2015, 1, 2020, 11), "5 лет 11 месяцев"},
           Row{"german", range(2022, 1, 2024, 3), "2 Jahre, 3 Monate"},
           Row{"french", range(2022, 1, 2023, 1), "1\u00A0an et 1\u00A0mois"},
           Row{"zh", range(2022, 1, 2024, 3), "2年3个月"},
           Row{"ja", range(2022, 1, 2024, 3), "2 年 3 か月"},
           Row{"ko", range(2022, 1, 2024, 3), "2년 3개월"},
           Row{"arabic", range(2022, 1, 2024, 3), "سنتان و٣ أشهر"},
       }) {
    CAPTURE(row.language);
    Locale l;
    l.language = row.language;
    CHECK(format_time_span(row.dates, l, today) == row.expected);
  }
}

TEST_CASE("time spans: RenderCV's locale words replace CLDR's") {
  Locale de;
  de.language = "german";
  de.year = "Jahr";
  de.years = "Jahre";
  de.month = "Monat";
  de.months = "Monate";
  CHECK(format_time_span(range(2022, 1, 2023, 2), de, {}) == "1 Jahr 2 Monate");
  CHECK(format_time_span(range(2022, 1, 2022, 1), de, {}) == "1 Monat");
  Cv cv = load("cv:\n  name: A B\nlocale:\n  language: english\n  years: yrs\n  months: mos\n");
  CHECK(cv.locale.years == "yrs");
  CHECK(format_time_span(range(2020, 1, 2022, 3), cv.locale, {}) == "2 yrs 3 mos");
}

TEST_CASE("time spans: the current date comes from settings, SOURCE_DATE_EPOCH or the clock") {
  Settings s;
  s.current_date = CalendarDate{2030, 2, 3};
  CHECK(current_date(s) == CalendarDate{2030, 2, 3});
  const char* saved = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved_value = saved ? saved : "";
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1); // 2023-11-14 22:13:20 UTC
  CHECK(current_date(Settings{}) == CalendarDate{2023, 11, 14});
  ::setenv("SOURCE_DATE_EPOCH", "not a number", 1);
  const CalendarDate clock = current_date(Settings{});
  CHECK(clock.year >= 2026);
  if (saved)
    ::setenv("SOURCE_DATE_EPOCH", saved_value.c_str(), 1);
  else
    ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("time spans: sections are chosen by key or title in snake_case") {
  Style st;
  st.show_time_spans_in = {"Work Experience", "education"};
  CHECK(shows_time_spans(st, "work_experience", "Work Experience"));
  CHECK(shows_time_spans(st, "Work Experience", "Work Experience"));
  CHECK(shows_time_spans(st, "education", "Education"));
  CHECK_FALSE(shows_time_spans(st, "experience", "Experience"));
  CHECK_FALSE(shows_time_spans(Style{}, "education", "Education"));
}

TEST_CASE("time spans: RenderCV design keys (1.x entries., 2.x sections.) and the style key") {
  for (const char* group : {"entries", "sections"}) {
    CAPTURE(group);
    Cv cv = load(std::string("cv:\n  name: A B\ndesign:\n  theme: classic\n  ") + group +
                 ":\n    show_time_spans_in: [Experience, Education]\n");
    Style st;
    apply_design(cv.design, st);
    CHECK(st.show_time_spans_in == std::vector<std::string>{"Experience", "Education"});
    CHECK(design_diagnostics(cv.design).empty());
  }
  cvpress_test::ScratchDir dir;
  const auto path =
      dir.write("s.yaml", "extends: classic\ndates:\n  show_time_spans_in: [experience]\n");
  CHECK(load_style(path.string()).show_time_spans_in == std::vector<std::string>{"experience"});
  CHECK(load_style("cvpress").show_time_spans_in.empty());
}

// --------------------------------------------------------------- backends

namespace {

const std::string k_both = std::string(k_experience) + R"(settings:
  current_date: 2024-09-01
  sort:
    experience: newest_first
    awards: alphabetical
design:
  sections:
    show_time_spans_in: [experience]
)";

} // namespace

TEST_CASE("sort and time spans: the PDF layout shows entries sorted, spans only where listed") {
  Cv cv = load(k_both);
  Style st = load_style("cvpress");
  apply_design(cv.design, st);
  const LaidOutDocument doc = layout_cv(cv, st, ".");
  REQUIRE(doc.pages.size() == 1);
  const std::string text = page_text(doc.pages[0]);
  const auto at = [&](const char* s) {
    const auto p = text.find(s);
    CAPTURE(s);
    CHECK(p != std::string::npos);
    return p;
  };
  CHECK(at("Gamma") < at("Epsilon"));
  CHECK(at("Epsilon") < at("Alpha"));
  CHECK(at("Alpha") < at("Beta"));
  CHECK(at("Beta") < at("Delta"));
  CHECK(at("apple award") < at("Ärger award"));
  CHECK(at("Ärger award") < at("Zebra prize"));
  // Gamma: 2021-06 .. 2024-09 inclusive is 40 months.
  CHECK(at("Jun 2021\u2009–\u2009present") < at("3 years, 4 months"));
  CHECK(at("1 year, 3 months") > at("Alpha"));
  CHECK(text.find("5 months") != std::string::npos);

  // Without the design option: no spans.
  Cv plain = cv;
  plain.design = {};
  const std::string no_spans = page_text(layout_cv(plain, load_style("cvpress"), ".").pages.at(0));
  CHECK(no_spans.find("3 years") == std::string::npos);
  CHECK(no_spans.find("Gamma") < no_spans.find("Alpha")); // still sorted
}

TEST_CASE("sort and time spans: LaTeX lists the same order with \\cvTimeSpan") {
  Cv cv = load(k_both);
  const Backend* b = find_backend("latex");
  REQUIRE(b != nullptr);
  const std::string tex = b->render(cv, {}).bytes;
  const auto at = [&](const std::string& s) {
    const auto p = tex.find(s);
    CAPTURE(s);
    CHECK(p != std::string::npos);
    return p;
  };
  CHECK(at("\\cvExperience{Lead}{Gamma}{Jun~2021 – present\\cvTimeSpan{3 years, 4 months}}{}") <
        at("\\cvExperience{Fellow}{Epsilon}"));
  CHECK(at("\\cvExperience{Fellow}{Epsilon}") < at("\\cvExperience{Engineer}{Alpha}"));
  CHECK(at("{Jan~2019 – Mar~2020\\cvTimeSpan{1 year, 3 months}}") < at("{Intern}{Beta}"));
  CHECK(at("{Intern}{Beta}") < at("{Advisor}{Delta}{Spring~2018}{}"));
  // Source comments keep the entry's YAML index, not its position.
  CHECK(at("% cv.sections.experience[1]") < at("% cv.sections.experience[4]"));
  CHECK(at("\\cvBullet{apple award}") < at("\\cvBullet{Ärger award}"));
  CHECK(at("\\cvBullet{Ärger award}") < at("\\cvBullet{Zebra prize}"));
  // The awards section lists no spans.
  CHECK(tex.find("\\cvTimeSpan", at("\\cvSection{Awards}")) == std::string::npos);
}

// ----------------------------------------------------- default output name

TEST_CASE("render: the default output is NAME_CV next to the input, romanised if needed") {
  cvpress_test::ScratchDir dir;
  struct Row {
    const char* name;
    const char* language;
    const char* expected;
  };
  for (const Row& row : {
           Row{"Zoë Müller", "english", "Zoe_Muller_CV.pdf"},
           Row{"{given: Qiaoling, family: Chen, native: 陈巧玲}", "english",
               "Qiaoling_Chen_CV.pdf"},
           Row{"陈巧玲", "mandarin_chinese", "Chen_Qiaoling_CV.pdf"},
           Row{"김민준", "korean", "Kim_Minjun_CV.pdf"},
           Row{"O'Brien-Smith, Jr.", "english", "OBrien-Smith_Jr_CV.pdf"},
           Row{"山田太郎", "japanese", "cv.pdf"}, // no reliable reading: the input's stem
       }) {
    CAPTURE(row.name);
    const auto input = dir.write("in/cv.yaml", std::string("cv:\n  name: ") + row.name +
                                                   "\nlocale:\n  language: " + row.language + "\n");
    const Cv cv = load_cv_file(input).cv;
    CHECK(default_output_path(input, cv, *find_backend("pdf")) == dir.path / "in" / row.expected);
    CHECK(default_output_path(input, cv, *find_backend("latex")).extension() == ".tex");
  }
  // render_file writes there.
  const auto input = dir.write("cv2.yaml", "cv:\n  name: 陈巧玲\n");
  RenderRequest request;
  request.input = input;
  std::ostringstream out, err;
  CHECK(render_file(request, out, err) == ExitCode::ok);
  CHECK(std::filesystem::exists(dir.path / "Chen_Qiaoling_CV.pdf"));
  CHECK(out.str().find("Chen_Qiaoling_CV.pdf: ") != std::string::npos);
}

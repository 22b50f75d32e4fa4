// Issue 18: bibliographies (BibTeX, CSL-JSON), JSON Resume input,
// multilingual fields, tags and variants -- through the public loader.
#include "load/bib_record.hpp"
#include "scratch_dir.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using cvpress_test::ScratchDir;
using namespace cvpress;

const fs::path kExamples = fs::path(CVPRESS_SOURCE_DIR) / "examples";

std::string errors_of(const fs::path& file, const LoadOptions& options = {}) {
  try {
    (void)load_cv_file(file, options);
    return "valid";
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string errors_of_string(std::string_view yaml, const LoadOptions& options = {}) {
  try {
    (void)load_cv_string(yaml, "cv.yaml", options);
    return "valid";
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string warnings_of(const LoadResult& r) {
  std::string out;
  for (const auto& w : r.warnings)
    out += w.to_string() + "\n";
  return out;
}

std::string render_with(const char* backend, const Cv& cv, const fs::path& base) {
  RenderOptions o;
  o.base_dir = base;
  return find_backend(backend)->render(cv, o).bytes;
}

const PublicationEntry& publication(const Cv& cv, std::size_t section, std::size_t i) {
  return std::get<PublicationEntry>(cv.sections.at(section).entries.at(i));
}

std::string author_names(const PublicationEntry& p) {
  std::string out;
  for (const auto& a : p.authors)
    out += (out.empty() ? "" : "; ") + a.name.plain() + (a.co_first ? "*" : "") +
           (a.corresponding ? "†" : "");
  return out;
}

const char* kCv = "cv:\n  name: Qinghao Hu\n  sections:\n    publications:\n"
                  "      - bibliography: refs.bib\n";

} // namespace

TEST_CASE("bibtex: LaTeX accents and escapes become Unicode markup") {
  using detail::latex_to_markup;
  CHECK(latex_to_markup(R"(M{\"u}ller)") == "Müller");
  CHECK(latex_to_markup(R"({\'\i}ñigo and Jos{\'e})") == "íñigo and José");
  CHECK(latex_to_markup(R"(Stra{\ss}e, {\o}re, \AA{}ngstr\"om, {\l}\'od\'z)") ==
        "Straße, øre, Ångström, łódź");
  CHECK(latex_to_markup(R"(Dvo\v{r}\'ak \c{c}a \H{o} \k{a} \r{u} \u{g} \={a} \.{z})") ==
        "Dvořák ça ő ą ů ğ ā ż");
  CHECK(latex_to_markup("pages 1--10 --- done~ok") == "pages 1–10 — done\u00A0ok");
  CHECK(latex_to_markup(R"({LLM}s are \emph{great} and \textbf{fast})") ==
        "LLMs are *great* and **fast**");
  CHECK(latex_to_markup(R"(50\% of \$5 \& a_b * c)") == R"(50% of \$5 \& a\_b \* c)");
  CHECK(latex_to_markup(R"(speed-up $O(n^2)$)") == "speed-up $O(n^2)$");
  CHECK(latex_to_markup(R"(\url{https://x.org/a_b})") == R"(https://x.org/a\_b)");
  CHECK(latex_to_markup(R"(``quoted'' \unknowncmd{kept})") == "“quoted” kept");
}

TEST_CASE("bibtex: names in both forms, von/Jr, others, marks and annotations") {
  detail::BibParse p = detail::parse_bibtex(
      R"(@string{conf = "Conference on Things"}
@inproceedings{a,
  title = {{T}itle},
  author = {Hu, Qinghao* and Zhisheng Ye* and van der Berg, Jr, Jan and Ludwig van Beethoven
            and M{\"u}ller, J{\"o}rg$^\dagger$ and Hu, Q. and others},
  author+an = {3=corresponding; 4="cofirst"},
  booktitle = conf # " 2024",
  shortbooktitle = {Things '24},
  year = 2024, month = apr,
  doi = {10.1/x}, note = {Best of \emph{show}}, award = {Best Paper; Spotlight},
  keywords = {selected, systems}
})",
      "refs.bib");
  CHECK(p.errors.empty());
  CHECK(p.warnings.empty());
  REQUIRE(p.records.size() == 1);
  const auto& r = p.records[0];
  CHECK(r.key == "a");
  CHECK(r.type == "inproceedings");
  CHECK(r.title == "Title");
  std::string names;
  for (const auto& a : r.authors)
    names += a.name + (a.co_first ? "*" : "") + (a.corresponding ? "†" : "") + "; ";
  CHECK(names == "Qinghao Hu*; Zhisheng Ye*; Jan van der Berg, Jr†; Ludwig van Beethoven*; "
                 "Jörg Müller†; Q. Hu; et al.; ");
  CHECK(r.venue == "Conference on Things 2024");
  CHECK(r.venue_short == "Things '24");
  CHECK((r.year == 2024 && r.month == 4 && r.day == 0));
  CHECK(r.doi == "10.1/x");
  CHECK(r.note == "Best of *show*");
  CHECK(r.awards == std::vector<std::string>{"Best Paper", "Spotlight"});
  CHECK(r.tags == std::vector<std::string>{"selected", "systems"});
  CHECK(r.where.line == 2);
}

TEST_CASE("bibtex: crossref inherits fields, the parent's title is the booktitle") {
  detail::BibParse p = detail::parse_bibtex(R"(@inproceedings{paper, title = {P}, author = {A B},
  crossref = {proc}}
@proceedings{proc, title = {Proceedings of X}, year = 2021, shorttitle = {X '21}}
@misc{orphan, title = {O}, crossref = {nowhere}})",
                                            "refs.bib");
  REQUIRE(p.records.size() == 3);
  CHECK(p.records[0].venue == "Proceedings of X");
  CHECK(p.records[0].venue_short == "X '21");
  CHECK(p.records[0].year == 2021);
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].to_string() ==
        "refs.bib:4:28: warning: orphan.crossref: no entry 'nowhere' to inherit from");
}

TEST_CASE("bibtex: btparse's messages are located diagnostics, not stderr output") {
  detail::BibParse p = detail::parse_bibtex(
      "@article{x,\n  title = {T},\n  year = 2020, month = smarch\n}\n@article{y, title = {a} "
      "author = {b}}\n",
      "refs.bib");
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].to_string() == "refs.bib:5:25: syntax error: found \"author\", expected end "
                                   "of entry (\"}\" or \")\") (skipping to next \"@\")");
  REQUIRE(p.warnings.size() >= 1);
  CHECK(p.warnings[0].to_string() == "refs.bib:3:24: warning: undefined macro \"smarch\"");
}

TEST_CASE("bibliography: seed 000 from BibTeX renders exactly like its YAML") {
  LoadResult yaml = load_cv_file(kExamples / "qinghao-hu-cv.yaml");
  LoadResult bib = load_cv_file(kExamples / "qinghao-hu-cv-bib.yaml");
  CHECK(warnings_of(bib) == "");
  // Same text, marks, legend and bold owner: the PDFs are byte-identical.
  CHECK(render_with("pdf", bib.cv, kExamples) == render_with("pdf", yaml.cv, kExamples));
  const PublicationEntry& lucid = publication(bib.cv, 4, 5);
  CHECK(lucid.title.plain() ==
        "Lucid: A Non-Intrusive, Scalable and Interpretable Scheduler for Deep Learning "
        "Training Jobs");
  CHECK(author_names(lucid) == "Qinghao Hu*; Meng Zhang*; Peng Sun; Yonggang Wen; Tianwei Zhang");
  CHECK(lucid.venue_short == "ASPLOS '23");
  REQUIRE(lucid.awards.size() == 1);
  CHECK(lucid.awards[0].plain() == "Distinguished Paper Award");
  // author+an = {4=cofirst}
  CHECK(publication(bib.cv, 4, 1).authors[3].co_first);
  // @string with # concatenation
  CHECK(publication(bib.cv, 4, 6).journal.plain() == "USENIX Annual Technical Conference");
}

TEST_CASE("bibliography: the owner is highlighted in every name form") {
  ScratchDir dir;
  dir.write("refs.bib", R"(@article{a, title = {T}, journal = {J}, year = 2020,
  author = {Hu, Qinghao and Q. Hu and Hu, Q. and Qinghao Hu* and Hu, Qing and Hua, Qinghao}})");
  fs::path cv = dir.write("cv.yaml", kCv);
  LoadResult r = load_cv_file(cv);
  std::string tex = render_with("latex", r.cv, dir.path);
  CHECK(tex.find(
            R"(\cvAuthors{\cvOwner{Qinghao Hu}, \cvOwner{Q. Hu}, \cvOwner{Q. Hu}, )"
            // the last name tied (a line never ends a paragraph on one short word)
            R"(\cvOwner{Qinghao Hu}\cvCoFirst{}, \cvAuthor{Qing Hu}, \cvAuthor{Qinghao~Hua}})") !=
        std::string::npos);
}

TEST_CASE("bibliography: keys, types, years, sort and group_by") {
  ScratchDir dir;
  dir.write("refs.bib", R"(@article{j1, title = {J1}, author = {A B}, journal = {J}, year = 2019}
@inproceedings{c1, title = {C1}, author = {A B}, booktitle = {C}, year = 2023, month = 3}
@inproceedings{c2, title = {C2}, author = {A B}, booktitle = {C}, year = 2021}
@phdthesis{t1, title = {T1}, author = {A B}, school = {U}, year = 2022}
@misc{m1, title = {M1}, author = {A B}, howpublished = {arXiv}})");
  auto titles = [&](const std::string& options) {
    fs::path cv = dir.write("cv.yaml", std::string(kCv) + options);
    Cv loaded = load_cv_file(cv).cv;
    std::string out;
    for (const auto& s : loaded.sections) {
      out += s.title + ":";
      for (const auto& e : s.entries)
        out += " " + std::get<PublicationEntry>(e).title.plain();
      out += "\n";
    }
    return out;
  };
  CHECK(titles("") == "Publications: C1 T1 C2 J1 M1\n"); // date-desc, undated last
  CHECK(titles("        sort: date-asc\n") == "Publications: J1 C2 T1 C1 M1\n");
  CHECK(titles("        sort: none\n") == "Publications: J1 C1 C2 T1 M1\n");
  CHECK(titles("        keys: [c2, j1]\n") == "Publications: C2 J1\n");
  CHECK(titles("        types: [inproceedings]\n") == "Publications: C1 C2\n");
  CHECK(titles("        years: 2020-2022\n") == "Publications: T1 C2\n");
  CHECK(titles("        years: 2022-\n") == "Publications: C1 T1\n");
  CHECK(titles("        group_by: type\n") == "Journal Articles: J1\nConference Papers: C1 C2\n"
                                              "Theses: T1\nOther Publications: M1\n");
  CHECK(errors_of(dir.write("cv.yaml",
                            std::string(kCv) + "        keys: [c3]\n        sort: newest\n")) ==
        dir.path.string() +
            "/cv.yaml:6:16: cv.sections.publications[0].keys[0]: no entry 'c3' "
            "in " +
            dir.path.string() + "/refs.bib (did you mean 'c1'?)\n" + dir.path.string() +
            "/cv.yaml:7:15: cv.sections.publications[0].sort: unknown bibliography sort "
            "'newest' (valid: date-desc, date-asc or none)");
}

TEST_CASE("bibliography: CSL-JSON gives the same entries as BibTeX") {
  ScratchDir dir;
  dir.write("refs.bib", R"(@inproceedings{lucid, title = {Lucid: A Scheduler},
  author = {Hu, Qinghao* and Meng Zhang* and Sun, Peng}, booktitle = {ASPLOS},
  shortbooktitle = {ASPLOS '23}, year = 2023, month = mar, doi = {10.1145/3575693.3575705}})");
  dir.write("refs.json",
            R"([{"id": "lucid", "type": "paper-conference", "title": "Lucid: A Scheduler",
  "author": [{"family": "Hu", "given": "Qinghao*"}, {"literal": "Meng Zhang*"},
             {"family": "Sun", "given": "Peng"}],
  "container-title": "ASPLOS", "container-title-short": "ASPLOS '23",
  "issued": {"date-parts": [[2023, 3]]}, "DOI": "10.1145/3575693.3575705"}])");
  Cv from_bib = load_cv_file(dir.write("a.yaml", kCv)).cv;
  std::string json_cv = kCv;
  json_cv.replace(json_cv.find("refs.bib"), 8, "refs.json");
  Cv from_json = load_cv_file(dir.write("b.yaml", json_cv)).cv;
  CHECK(render_with("pdf", from_bib, dir.path) == render_with("pdf", from_json, dir.path));
  CHECK(author_names(publication(from_json, 0, 0)) == "Qinghao Hu*; Meng Zhang*; Peng Sun");
  dir.write("bad.json", "[{\"id\": \"x\", \"title\": \"T\", \"author\": [{\"given\": 3, "
                        "\"family\": []}]}]\n");
  json_cv.replace(json_cv.find("refs.json"), 9, "bad.json");
  CHECK(errors_of(dir.write("c.yaml", json_cv)) ==
        dir.path.string() + "/bad.json:1:62: [0].author[0].family: expected a string, got a list");
}

TEST_CASE("bibliography: a missing or outside file is a located error") {
  ScratchDir dir;
  fs::path cv = dir.write("cv/cv.yaml", kCv);
  CHECK(errors_of(cv) ==
        cv.string() + ":5:23: cv.sections.publications[0].bibliography: 'refs.bib' not found");
  dir.write("refs.bib", "@misc{a, title = {T}, author = {A B}}");
  std::string outside = kCv;
  outside.replace(outside.find("refs.bib"), 8, "../refs.bib");
  dir.write("cv/cv.yaml", outside);
  CHECK(errors_of(cv) == cv.string() +
                             ":5:23: cv.sections.publications[0].bibliography: '../refs.bib' is "
                             "outside the CV's folder (allow it with --allow-dir)");
  LoadOptions allowed;
  allowed.allowed_dirs.push_back(dir.path);
  CHECK(errors_of(cv, allowed) == "valid");
}

// ------------------------------------------------------------- JSON Resume

namespace {
const fs::path kSample = fs::path(CVPRESS_TEST_DATA) / "json-resume" / "sample.resume.json";
}

TEST_CASE("json resume: the schema's sample maps onto the model") {
  LoadResult r = load_cv_file(kSample);
  CHECK(warnings_of(r) == "");
  const Cv& cv = r.cv;
  CHECK(cv.header.name.full == "Richard Hendriks");
  CHECK(cv.header.headline.plain() == "Programmer");
  CHECK(cv.header.location == "2712 Broadway St, CA 94115, San Francisco, California, US");
  CHECK(cv.header.emails == std::vector<std::string>{"richard.hendriks@mail.com"});
  CHECK(cv.header.websites == std::vector<std::string>{"http://richardhendricks.example.com"});
  REQUIRE(cv.header.social_networks.size() == 2);
  CHECK(cv.header.social_networks[1].username == "dandymusicnl");
  std::string titles;
  for (const auto& s : cv.sections)
    titles += s.title + "(" + std::string(entry_type_name(s.entries.at(0))) + ") ";
  CHECK(titles == "Summary(text) Experience(experience) Volunteer(experience) "
                  "Education(education) Awards(normal) Publications(publication) "
                  "Skills(one_line) Languages(one_line) Interests(one_line) References(normal) "
                  "Projects(normal) ");
  const auto& work = std::get<ExperienceEntry>(cv.sections[1].entries[0]);
  CHECK(work.company.plain() == "Pied Piper");
  CHECK(std::get<TextRun>(work.company.runs[0]).format.link == "http://piedpiper.example.com");
  CHECK(work.details.dates.start == DatePoint{CalendarDate{2013, 12, 1}});
  CHECK(work.details.highlights.size() == 3);
  const auto& skill = std::get<OneLineEntry>(cv.sections[6].entries[0]);
  CHECK(skill.details.plain() == "HTML, CSS, Javascript (Master)");
}

TEST_CASE("json resume: errors point into the JSON") {
  ScratchDir dir;
  fs::path f = dir.write("r.json", R"({
  "basics": {"name": "Jane Doe", "emial": "x"},
  "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-13"}],
  "skills": {"name": "C++"}
})");
  std::string d = dir.path.string() + "/r.json";
  CHECK(errors_of(f) == d + ":2:34: basics.emial: unknown key (did you mean 'email'?)\n" + d +
                            ":3:66: cv.sections.experience[0].start_date: month 13 is out of "
                            "range (expected YYYY, YYYY-MM or YYYY-MM-DD)\n" +
                            d + ":4:13: skills: expected a list, got a map");
}

TEST_CASE("json resume: convert writes YAML that loads to the same CV") {
  std::string json = read_file(kSample, 1 << 20);
  std::string yaml = convert_to_yaml(json, "sample.resume.json");
  CHECK(yaml.rfind("# Converted by cvpress convert from sample.resume.json\ncv:\n  name: "
                   "Richard Hendriks\n",
                   0) == 0);
  LoadResult from_json = load_cv_file(kSample);
  LoadResult from_yaml = load_cv_string(yaml, "cv.yaml");
  CHECK(warnings_of(from_yaml) == "");
  CHECK(render_with("pdf", from_yaml.cv, {}) == render_with("pdf", from_json.cv, {}));
}

// ------------------------------------------------------------- languages

TEST_CASE("languages: --lang picks each field's language, the locale follows") {
  const fs::path bilingual = kExamples / "qiaoling-chen-bilingual.yaml";
  LoadOptions zh;
  zh.language = "zh";
  Cv cv = load_cv_file(bilingual, zh).cv;
  CHECK(cv.header.name.full == "陈巧玲");
  CHECK(cv.locale.language == "zh");
  CHECK(cv.sections[0].title == "个人简介");
  CHECK(cv.sections[1].key == "education"); // titled 教育经历 when rendered (zh locale)
  const auto& nus = std::get<EducationEntry>(cv.sections[1].entries[0]);
  CHECK(nus.institution.plain() == "南洋理工大学");
  REQUIRE(nus.details.highlights.size() == 1);
  CHECK(nus.details.highlights[0].text.plain() == "导师：张天为教授");

  Cv en = load_cv_file(bilingual).cv; // locale.language: en
  CHECK(en.header.name.full == "Qiaoling Chen");
  CHECK(en.sections[0].title == "About Me");
  CHECK(en.sections[1].title == "Education");

  // zh-Hans finds zh; a language the CV lacks falls back to locale.language.
  LoadOptions hans;
  hans.language = "zh-Hans";
  CHECK(load_cv_file(bilingual, hans).cv.header.name.full == "陈巧玲");
  LoadOptions de;
  de.language = "de";
  Cv german = load_cv_file(bilingual, de).cv;
  CHECK(german.header.name.full == "Qiaoling Chen");
  CHECK(german.locale.language == "de");
}

TEST_CASE("languages: without a match the first value is used; bad keys are errors") {
  const char* yaml = "cv:\n  name: {fr: Jeanne, de: Johanna}\nlocale:\n  language: ja\n";
  CHECK(load_cv_string(yaml, "cv.yaml").cv.header.name.full == "Jeanne");
  CHECK(errors_of_string("cv:\n  name: {en: Jane, zh: 简, nickname: J}\n") ==
        "cv.yaml:2:29: cv.name.nickname: 'nickname' is not a language tag (a text in several "
        "languages has only language keys such as en, zh, de-CH)");
  // Ordinary maps with a language-like key stay maps.
  CHECK(errors_of_string("cv:\n  name: Jane\nlocale:\n  language: de\n  to: bis\n") == "valid");
}

// ------------------------------------------------------- tags and variants

namespace {

const char* kTagged = R"(cv:
  name: Jane Doe
  sections:
    experience:
      - {company: A, position: Engineer, tags: [industry]}
      - {company: B, position: Researcher, tags: [academic, selected]}
      - {company: C, position: Intern}
    teaching:
      tags: academic
      entries:
        - {name: CS101}
settings:
  variants:
    short: {only: [selected], max_pages: 2}
    industry: {exclude: [academic]}
)";

std::string kept(const LoadOptions& options) {
  Cv cv = load_cv_string(kTagged, "cv.yaml", options).cv;
  std::string out;
  for (const auto& s : cv.sections) {
    out += s.key + ":";
    for (const auto& e : s.entries)
      out += " " + std::visit(
                       [](const auto& x) -> std::string {
                         if constexpr (std::is_same_v<std::decay_t<decltype(x)>, ExperienceEntry>)
                           return x.company.plain();
                         else if constexpr (std::is_same_v<std::decay_t<decltype(x)>, NormalEntry>)
                           return x.name.plain();
                         else
                           return "?";
                       },
                       e);
    out += "\n";
  }
  return out;
}

} // namespace

TEST_CASE("tags: --only keeps untagged and matching entries, --exclude drops") {
  CHECK(kept({}) == "experience: A B C\nteaching: CS101\n");
  LoadOptions only;
  only.only = {"industry"};
  CHECK(kept(only) == "experience: A C\n");
  LoadOptions exclude;
  exclude.exclude = {"industry"};
  CHECK(kept(exclude) == "experience: B C\nteaching: CS101\n");
  LoadOptions both;
  both.only = {"academic"};
  both.exclude = {"selected"};
  CHECK(kept(both) == "experience: C\nteaching: CS101\n");
}

TEST_CASE("tags: settings.variants name filter sets") {
  LoadOptions short_cv;
  short_cv.variant = "short";
  LoadResult r = load_cv_string(kTagged, "cv.yaml", short_cv);
  CHECK(kept(short_cv) == "experience: B C\n");
  CHECK(r.variants == std::vector<std::string>{"short", "industry"});
  // The variant's max_pages becomes design.page.max_pages (located at the
  // variant).
  CHECK(warnings_of(r).empty());
  const detail::Style st = detail::resolve_style(RenderOptions{}, r.cv.design);
  CHECK(st.max_pages == 2);
  CHECK(st.max_pages_where.line == 14);
  CHECK(st.max_pages_where.column == 42); // the value "2"
  CHECK(detail::resolve_style(RenderOptions{}, load_cv_string(kTagged, "cv.yaml").cv.design)
            .max_pages == 0);
  LoadOptions industry;
  industry.variant = "industry";
  CHECK(kept(industry) == "experience: A C\n");
  LoadOptions unknown;
  unknown.variant = "long";
  CHECK(errors_of_string(kTagged, unknown) ==
        "cv.yaml:14:5: settings.variants: no variant 'long' (variants: short and industry)");
}

TEST_CASE("tags: a filter that empties a section warns, one that empties the CV fails") {
  LoadOptions o;
  o.only = {"nothing"};
  o.exclude = {"academic"};
  const char* yaml = R"(cv:
  name: Jane Doe
  sections:
    talks:
      - {name: X, tags: [academic]}
    experience:
      - {company: A, position: Engineer}
)";
  LoadResult r = load_cv_string(yaml, "cv.yaml", o);
  CHECK(warnings_of(r) == "cv.yaml:4:5: warning: cv.sections.talks: every entry is filtered out "
                          "by --only nothing --exclude academic; section left out\n");
  CHECK(r.cv.sections.size() == 1);
  CHECK(errors_of_string("cv:\n  sections:\n    talks:\n      - {name: X, tags: [academic]}\n",
                         o) == "cv.yaml:3:5: cv.sections: the tag filter --only nothing "
                               "--exclude academic leaves no entry in the CV");
  CHECK(errors_of_string("cv:\n  sections:\n    talks:\n      - {name: X, tags: {a: b}}\n", o) ==
        "cv.yaml:4:25: cv.sections.talks[0].tags: expected a tag or a list of tags, got a map");
}

TEST_CASE("tags: bibliography keywords are tags") {
  ScratchDir dir;
  dir.write("refs.bib", R"(@misc{a, title = {A}, author = {X Y}, keywords = {selected}, year = 2021}
@misc{b, title = {B}, author = {X Y}, year = 2020})");
  fs::path cv = dir.write("cv.yaml", kCv);
  LoadOptions o;
  o.exclude = {"selected"};
  Cv loaded = load_cv_file(cv, o).cv;
  REQUIRE(loaded.sections[0].entries.size() == 1);
  CHECK(publication(loaded, 0, 0).title.plain() == "B");
}

TEST_CASE("bibtex: inputs that crash or exit btparse 0.89 are located errors") {
  // A macro defined from an undefined one, then used (btparse: strlen(NULL)).
  detail::BibParse p = detail::parse_bibtex(
      "@string{u = undefinedmacro}\n@string{n = u # \" S\"}\n@misc{k, title = n, author = {A "
      "B}}\n",
      "refs.bib");
  REQUIRE(p.records.size() == 1);
  CHECK(p.records[0].title == "S");
  // Odd commas in a name (bt_split_name corrupts memory): kept as written.
  p = detail::parse_bibtex("@misc{k, title = {T}, author = {Ye,, Zhisheng and a,,b and , X}}",
                           "refs.bib");
  REQUIRE(p.records.size() == 1);
  REQUIRE(p.records[0].authors.size() == 3);
  CHECK(p.records[0].authors[0].name == "Ye,, Zhisheng");
  // A broken @comment makes btparse post-process a non-field and call its
  // fatal usage_error: the entry is reported, the process lives on.
  p = detail::parse_bibtex("@string{a = \"x\" # b}\n@misc{k, author = {van der {\\\"U}, J "
                           "@comment{x}\n",
                           "refs.bib");
  CHECK(!p.errors.empty());
  // Many files in one process (btparse's string pool is reset per file).
  for (int i = 0; i < 3000; ++i)
    (void)detail::parse_bibtex("@string{venue" + std::to_string(i) +
                                   " = \"A long venue name for the pool\"}\n@misc{k, title = "
                                   "venue" +
                                   std::to_string(i) + "}\n",
                               "refs.bib");
  CHECK(detail::parse_bibtex("@misc{k, title = {Still fine}}", "refs.bib").records.at(0).title ==
        "Still fine");
}

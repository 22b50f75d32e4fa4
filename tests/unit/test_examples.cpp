// The example CVs in examples/ load without errors or warnings, and keep the
// details of the documents they transcribe (see the header comment of each).
#include <cvpress/load.hpp>
#include <cvpress/model.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace cvpress;
namespace fs = std::filesystem;

namespace {

const fs::path kExamples = fs::path(CVPRESS_SOURCE_DIR) / "examples";

LoadResult load_example(const std::string& name) { return load_cv_file(kExamples / name); }

const Section& section(const Cv& cv, const std::string& key) {
  for (const auto& s : cv.sections)
    if (s.key == key)
      return s;
  FAIL("no section '" << key << "'");
  throw std::logic_error("unreachable");
}

// Every entry of a section, as type T (fails when one has another type).
template <class T> std::vector<T> entries(const Cv& cv, const std::string& key) {
  std::vector<T> out;
  for (const auto& e : section(cv, key).entries) {
    const T* t = std::get_if<T>(&e);
    REQUIRE_MESSAGE(t != nullptr, key << " has a " << entry_type_name(e) << " entry");
    out.push_back(*t);
  }
  return out;
}

template <class T> const T& find_by_title(const std::vector<T>& list, const std::string& prefix) {
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const T& t) { return t.title.plain().rfind(prefix, 0) == 0; });
  REQUIRE_MESSAGE(it != list.end(), "no entry titled '" << prefix << "...'");
  return *it;
}

CalendarDate calendar(const std::optional<DatePoint>& point) {
  REQUIRE(point.has_value());
  const auto* d = std::get_if<CalendarDate>(&*point);
  REQUIRE(d != nullptr);
  return *d;
}

std::vector<std::string> author_names(const std::vector<Author>& authors) {
  std::vector<std::string> out;
  for (const auto& a : authors)
    out.push_back(a.name.plain());
  return out;
}

} // namespace

TEST_CASE("every example loads without errors or warnings") {
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(kExamples))
    if (item.path().extension() == ".yaml")
      files.push_back(item.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 6);
  for (const auto& file : files) {
    CAPTURE(file.string());
    try {
      LoadResult r = load_cv_file(file);
      for (const auto& w : r.warnings)
        FAIL_CHECK("warning: " << w.to_string());
      CHECK(r.warnings.empty());
      CHECK_FALSE(r.cv.header.name.full.empty());
      CHECK_FALSE(r.cv.sections.empty());
    } catch (const InputError& e) {
      FAIL_CHECK("input error:\n" << e.what());
    } catch (const Error& e) {
      FAIL_CHECK("error: " << e.what());
    }
  }
}

TEST_CASE("example qinghao-hu-cv keeps seed 000") {
  const Cv cv = load_example("qinghao-hu-cv.yaml").cv;
  const Header& h = cv.header;
  CHECK(h.name.full == "Qinghao Hu");
  CHECK(h.affiliation == std::vector<std::string>{"HAN Lab",
                                                  "Massachusetts Institute of Technology",
                                                  "50 Vassar Street, Cambridge, MA 02139"});
  CHECK(h.emails == std::vector<std::string>{"qinghao@mit.edu"});
  CHECK(h.phones == std::vector<std::string>{"(857)209-1101"});
  CHECK(h.websites == std::vector<std::string>{"https://tonyhao.xyz"});

  auto jobs = entries<ExperienceEntry>(cv, "employment");
  REQUIRE(jobs.size() == 3);
  CHECK(jobs[0].position.plain() == "Postdoctoral Associate");
  CHECK((calendar(jobs[0].details.dates.start) == CalendarDate{2024, 8, 0}));
  REQUIRE(jobs[0].details.dates.end.has_value());
  CHECK(std::holds_alternative<Present>(*jobs[0].details.dates.end));

  auto edu = entries<EducationEntry>(cv, "education");
  REQUIRE(edu.size() == 3);
  CHECK(edu[0].institution.plain() == "Nanyang Technological University");
  CHECK((calendar(edu[0].details.dates.start) == CalendarDate{2020, 0, 0}));
  CHECK((calendar(edu[0].details.dates.end) == CalendarDate{2023, 0, 0}));
  REQUIRE(edu[0].details.highlights.size() == 1);
  CHECK(edu[0].details.highlights[0].text.plain() ==
        "Supervisor: Prof. Tianwei Zhang and Prof. Yonggang Wen");

  CHECK(entries<BulletEntry>(cv, "research_interests").size() == 3);
  auto awards = entries<NormalEntry>(cv, "awards");
  REQUIRE(awards.size() == 8);
  CHECK(awards[4].name.plain() == "Distinguished Paper Award of ASPLOS '23");
  CHECK((calendar(awards[4].details.dates.date) == CalendarDate{2023, 0, 0}));

  auto pubs = entries<PublicationEntry>(cv, "publications");
  auto review = entries<PublicationEntry>(cv, "under_review");
  CHECK(pubs.size() == 12);
  CHECK(review.size() == 3);
  for (const auto& p : review)
    CHECK(p.status.plain() == "Preprint");

  const auto& lucid = find_by_title(pubs, "Lucid:");
  CHECK(lucid.venue_short == "ASPLOS '23");
  REQUIRE(lucid.awards.size() == 1);
  CHECK(lucid.awards[0].plain() == "Distinguished Paper Award");
  REQUIRE(lucid.authors.size() == 5);
  CHECK(author_names(lucid.authors) == std::vector<std::string>{"Qinghao Hu", "Meng Zhang",
                                                                "Peng Sun", "Yonggang Wen",
                                                                "Tianwei Zhang"});
  CHECK(lucid.authors[0].co_first);
  CHECK(lucid.authors[0].highlighted);
  CHECK(lucid.authors[1].co_first);
  CHECK_FALSE(lucid.authors[1].highlighted);
  CHECK_FALSE(lucid.authors[2].co_first);

  const auto& longvila = find_by_title(pubs, "LongVILA");
  REQUIRE(longvila.authors.size() == 18);
  for (int i = 0; i < 4; ++i)
    CHECK(longvila.authors[static_cast<std::size_t>(i)].co_first);
  CHECK_FALSE(longvila.authors[4].co_first);
  CHECK(longvila.authors[3].name.plain() == "Qinghao Hu");
  CHECK(longvila.authors[17].name.plain() == "Song Han");
  CHECK(find_by_title(pubs, "LServe").authors[3].highlighted);

  auto service = entries<ServiceEntry>(cv, "professional_service");
  REQUIRE(service.size() == 10);
  CHECK(service[0].event_short == "CVPR '25-ELVM");
  CHECK(service[0].role.plain() == "Organizer");
  CHECK(service[3].event.plain() == "HASP Workshop (co-located with MICRO '24)");

  auto talks = entries<TalkEntry>(cv, "talks");
  REQUIRE(talks.size() == 7);
  const auto& lucid_talk = find_by_title(talks, "Lucid:");
  REQUIRE(lucid_talk.events.size() == 3);
  CHECK(lucid_talk.events[0].name.plain() == "Huawei");
  CHECK(lucid_talk.events[0].location.plain() == "Beijing, China");
  CHECK((calendar(lucid_talk.events[0].dates.date) == CalendarDate{2023, 5, 0}));
  CHECK(lucid_talk.events[2].name.plain() == "ASPLOS");
  CHECK(find_by_title(talks, "Characterization of Large").events.size() == 2);
}

TEST_CASE("example qinghao-hu-cv-2023 keeps seed 001") {
  const Cv cv = load_example("qinghao-hu-cv-2023.yaml").cv;
  CHECK(cv.header.phones == std::vector<std::string>{"(+65) 8305 3277"});
  CHECK(cv.header.affiliation.size() == 3);
  auto edu = entries<EducationEntry>(cv, "education");
  REQUIRE(edu.size() == 3);
  CHECK((calendar(edu[1].details.dates.start) == CalendarDate{2019, 1, 0}));
  CHECK((calendar(edu[1].details.dates.end) == CalendarDate{2019, 12, 0}));
  REQUIRE(edu[0].details.highlights.size() == 1);
  CHECK(edu[0].details.highlights[0].text.plain() ==
        "Supervisor: Prof. Zhang Tianwei and Prof. Wen Yonggang");
  auto pubs = entries<PublicationEntry>(cv, "publications");
  REQUIRE(pubs.size() == 4);
  CHECK(pubs[3].status.plain() == "Preprint");
  CHECK(pubs[3].journal.plain() == "Submitted to ACM Computing Surveys");
  REQUIRE(pubs[3].authors.size() == 5);
  CHECK(pubs[3].authors[1].highlighted);
  CHECK(pubs[3].authors[1].co_first);
  CHECK(pubs[3].authors[4].name.plain() == "et al.");
  CHECK(entries<ServiceEntry>(cv, "professional_service").size() == 4);
  CHECK(entries<TalkEntry>(cv, "invited_talks").size() == 2);
  auto honors = entries<NormalEntry>(cv, "honors");
  REQUIRE(honors.size() == 5);
  CHECK(honors[2].name.plain() ==
        "National \u201cTI CUP\u201d Electronic Design Competition The Second Prize");
}

TEST_CASE("example qinghao-hu-talk keeps seed 002") {
  const Cv cv = load_example("qinghao-hu-talk.yaml").cv;
  CHECK(cv.header.affiliation == std::vector<std::string>{"Massachusetts Institute of Technology"});
  auto talks = entries<TalkEntry>(cv, "colloquium_details");
  REQUIRE(talks.size() == 1);
  CHECK(talks[0].title.plain() == "Building Efficient and Scalable Machine Learning Systems");
  REQUIRE(talks[0].events.size() == 1);
  const TalkEvent& ev = talks[0].events[0];
  CHECK(ev.name.plain() == "Colloquium");
  CHECK(ev.location.plain() == "60 Fifth Avenue 150");
  CHECK((calendar(ev.dates.date) == CalendarDate{2026, 3, 10}));
  CHECK(ev.time == "2 p.m.");
  CHECK(ev.host.plain() == "Aurojit Panda");
  CHECK(talks[0].summary.plain().rfind("The rapid evolution of foundation models", 0) == 0);
  auto bio = entries<TextEntry>(cv, "speaker_bio");
  REQUIRE(bio.size() == 1);
  CHECK(bio[0].text.plain().find("USENIX ;login: newsletter") != std::string::npos);
  CHECK(entries<TextEntry>(cv, "notes").size() == 1);
}

TEST_CASE("example qiaoling-chen-homepage keeps seed 003") {
  const Cv cv = load_example("qiaoling-chen-homepage.yaml").cv;
  const PersonName& n = cv.header.name;
  CHECK(n.given == "Qiaoling");
  CHECK(n.family == "Chen");
  CHECK(n.native == "陈巧玲");
  CHECK(n.full == "Qiaoling Chen");
  const Section& pubs_section = section(cv, "📝 Publications");
  CHECK(pubs_section.title == "📝 Publications");
  auto pubs = entries<PublicationEntry>(cv, "📝 Publications");
  REQUIRE(pubs.size() == 6);
  CHECK(pubs[0].venue_short == "IWQoS 2024");
  CHECK((calendar(pubs[0].dates.date) == CalendarDate{2024, 0, 0}));
  CHECK(pubs[0].url == "https://arxiv.org/abs/2311.00257");
  CHECK(pubs[0].authors[0].highlighted);
  const auto& nsdi = find_by_title(pubs, "Characterization of Large");
  CHECK(nsdi.venue_short == "NSDI 2024");
  REQUIRE(nsdi.authors.size() == 12);
  CHECK(nsdi.authors[0].co_first);
  CHECK(nsdi.authors[2].co_first);
  CHECK_FALSE(nsdi.authors[3].co_first);
  CHECK(nsdi.authors[5].highlighted);
  CHECK(find_by_title(pubs, "SPPO").status.plain() == "Preprint");
  auto services = entries<ServiceEntry>(cv, "🎖 Professional Services");
  REQUIRE(services.size() == 3);
  CHECK(section(cv, "🎖 Professional Services").title == "🎖 Professional Services");
  CHECK(services[0].role.plain() == "Shadow Committee Member");
  auto about = entries<TextEntry>(cv, "about_me");
  REQUIRE(about.size() == 1);
  CHECK(about[0].text.plain().find("(陈巧玲)") != std::string::npos);
}

TEST_CASE("example hao-wu-cv keeps seed 004") {
  const Cv cv = load_example("hao-wu-cv.yaml").cv;
  CHECK(cv.header.name.full == "Hao Wu");
  auto edu = entries<EducationEntry>(cv, "education");
  REQUIRE(edu.size() == 3);
  CHECK(edu[0].details.highlights.size() == 2);
  CHECK(entries<ExperienceEntry>(cv, "professional_experiences").size() == 4);

  auto conf = entries<PublicationEntry>(cv, "conferences");
  REQUIRE(conf.size() == 2);
  CHECK(conf[0].label == "C1");
  CHECK(conf[1].label == "C2");
  CHECK(conf[1].note.plain() == "Qidong and Hao are co-first authors.");
  CHECK(conf[1].venue_short == "ASPLOS");
  CHECK((calendar(conf[1].dates.date) == CalendarDate{2026, 0, 0}));
  REQUIRE(conf[1].authors.size() == 7);
  CHECK(conf[1].authors[1].name.plain() == "Hao Wu");
  CHECK(conf[1].authors[1].co_first);
  CHECK_FALSE(conf[1].authors[0].co_first);
  CHECK_FALSE(conf[0].authors[3].co_first);
  auto posters = entries<PublicationEntry>(cv, "posters");
  REQUIRE(posters.size() == 1);
  CHECK(posters[0].label == "P1");
  CHECK(posters[0].venue_short == "PyTorch");
  auto journals = entries<PublicationEntry>(cv, "journals");
  REQUIRE(journals.size() == 1);
  CHECK(journals[0].label == "J1");
  CHECK(journals[0].venue_short == "TPDS");

  auto projects = entries<NormalEntry>(cv, "projects");
  REQUIRE(projects.size() == 5);
  REQUIRE(projects[0].details.highlights.size() == 4);
  const RichText& speedup = projects[0].details.highlights[2].text;
  bool has_math = false;
  for (const auto& run : speedup.runs)
    if (const auto* m = std::get_if<MathRun>(&run)) {
      has_math = true;
      CHECK(m->tex == "1.06 \\times \\text{ to } 1.66 \\times");
    }
  CHECK(has_math);
  bool has_bold = false;
  for (const auto& run : projects[1].details.highlights[0].text.runs)
    if (const auto* t = std::get_if<TextRun>(&run))
      has_bold = has_bold || (t->format.bold && t->text == "traces");
  CHECK(has_bold);

  auto awards = entries<NormalEntry>(cv, "awards");
  REQUIRE(awards.size() == 6);
  CHECK((calendar(awards[0].details.dates.start) == CalendarDate{2020, 0, 0}));
  CHECK((calendar(awards[0].details.dates.end) == CalendarDate{2022, 0, 0}));
  auto patents = entries<PatentEntry>(cv, "patents");
  REQUIRE(patents.size() == 1);
  CHECK(patents[0].patent_number == "CN111970571A");
  CHECK(patents[0].title.plain() == "A new method of video making");
  CHECK((calendar(patents[0].dates.date) == CalendarDate{2020, 0, 0}));
}

TEST_CASE("example showcase uses every RenderCV entry type") {
  const Cv cv = load_example("showcase.yaml").cv;
  std::set<std::string> types;
  for (const auto& s : cv.sections) {
    REQUIRE_FALSE(s.entries.empty());
    types.insert(std::string(entry_type_name(s.entries.front())));
  }
  CHECK(types == std::set<std::string>{"education", "experience", "normal", "publication",
                                       "one_line", "bullet", "numbered", "reversed_numbered",
                                       "text"});
  CHECK(cv.header.social_networks.size() == 3);
  CHECK_FALSE(cv.header.headline.empty());
  CHECK(cv.design.theme == "cvpress");
  CHECK(cv.locale.language == "english");
}

#pragma once
// Helpers shared by the layout tests: CVs built in code and display-list queries.
#include "layout/display_list.hpp"

#include <cvpress/model.hpp>

#include <string>
#include <vector>

namespace layout_test {

using namespace cvpress;

inline RichText rt(std::string s) { return RichText::from_plain(std::move(s)); }

inline RichText bold_then(std::string b, std::string rest) {
  RichText r;
  r.runs.emplace_back(TextRun{std::move(b), Format{true, false, ""}});
  r.runs.emplace_back(TextRun{std::move(rest), {}});
  return r;
}

inline Dates range(int y0, int m0, int y1, int m1) {
  Dates d;
  d.start = CalendarDate{y0, m0, 0};
  if (y1)
    d.end = CalendarDate{y1, m1, 0};
  else
    d.end = Present{};
  return d;
}

inline Dates single(int y, int m = 0) {
  Dates d;
  d.date = CalendarDate{y, m, 0};
  return d;
}

/// A small CV touching every entry type.
inline Cv small_cv() {
  Cv cv;
  cv.header.name.full = "Qiaoling Chen";
  cv.header.name.given = "Qiaoling";
  cv.header.name.family = "Chen";
  cv.header.name.native = "陈巧玲";
  cv.header.name.aliases = {"Q. Chen"};
  cv.header.headline = rt("PhD student in machine learning systems");
  cv.header.affiliation = {"S-Lab, Nanyang Technological University"};
  cv.header.location = "Singapore";
  cv.header.emails = {"qiaoling@example.com"};
  cv.header.phones = {"+65 1234 5678"};
  cv.header.websites = {"https://qiaoling.example.com/"};
  cv.header.social_networks = {{"GitHub", "qlchen", {}}, {"Google Scholar", "abcDEF", {}}};

  Section edu{"education", "Education", {}, {}};
  EducationEntry e;
  e.institution = rt("Nanyang Technological University");
  e.area = rt("Computer Science");
  e.degree = rt("PhD");
  e.details.dates = range(2021, 8, 0, 0);
  e.details.location = rt("Singapore");
  e.details.highlights = {Highlight{rt("Advisor: Prof. Tianwei Zhang"), {}},
                          Highlight{rt("Topic: scheduling of large model training"),
                                    {rt("nested point one"), rt("nested point two")}}};
  edu.entries.emplace_back(e);
  cv.sections.push_back(edu);

  Section exp{"experience", "Experience", {}, {}};
  ExperienceEntry x;
  x.position = rt("Research Intern");
  x.company = rt("Shanghai AI Laboratory");
  x.details.dates = range(2022, 3, 2023, 6);
  x.details.location = rt("Shanghai, China");
  x.details.summary = rt("Worked on cluster schedulers for deep learning jobs.");
  x.details.highlights = {Highlight{bold_then("Lucid", ": a non-intrusive scheduler"), {}}};
  exp.entries.emplace_back(x);
  cv.sections.push_back(exp);

  Section pubs{"selected_publications", "Selected Publications", {}, {}};
  PublicationEntry p;
  p.title = rt("Lucid: A Non-Intrusive, Scalable and Interpretable Scheduler");
  p.authors = {
      Author{rt("Qinghao Hu"), true, false, false}, Author{rt("Qiaoling Chen"), true, false, false},
      Author{rt("Peng Sun"), false, false, false}, Author{rt("Tianwei Zhang"), false, true, false}};
  p.journal = rt("Architectural Support for Programming Languages and Operating Systems");
  p.venue_short = "ASPLOS '23";
  p.dates = single(2023, 3);
  p.label = "C1";
  p.awards = {rt("Distinguished Paper Award")};
  p.doi = "10.1145/3575693.3575705";
  pubs.entries.emplace_back(p);
  cv.sections.push_back(pubs);

  Section talks{"talks", "Talks", {}, {}};
  TalkEntry t;
  t.title = rt("Characterization of Large Language Model Development");
  TalkEvent ev1;
  ev1.name = rt("NSDI");
  ev1.location = rt("Santa Clara, United States");
  ev1.dates = single(2024, 4);
  t.events.push_back(ev1);
  talks.entries.emplace_back(t);
  cv.sections.push_back(talks);

  Section svc{"service", "Service", {}, {}};
  ServiceEntry s;
  s.role = rt("AE Committee Member");
  s.event = rt("USENIX Annual Technical Conference");
  s.event_short = "ATC '22";
  s.dates = single(2022);
  svc.entries.emplace_back(s);
  cv.sections.push_back(svc);

  Section pat{"patents", "Patents", {}, {}};
  PatentEntry pe;
  pe.title = rt("A new method of video making");
  pe.patent_number = "CN111970571A";
  pe.dates = single(2020);
  pat.entries.emplace_back(pe);
  cv.sections.push_back(pat);

  Section skills{"skills", "Skills", {}, {}};
  skills.entries.emplace_back(OneLineEntry{rt("Languages"), rt("C++, Python, CUDA"), {}});
  cv.sections.push_back(skills);

  Section nums{"awards", "Awards", {}, {}};
  nums.entries.emplace_back(NumberedEntry{rt("Best student"), {}});
  nums.entries.emplace_back(NumberedEntry{rt("Scholarship"), {}});
  cv.sections.push_back(nums);

  Section txt{"about", "About", {}, {}};
  txt.entries.emplace_back(TextEntry{rt("I build systems for machine learning."), {}});
  txt.entries.emplace_back(BulletEntry{rt("A bullet entry."), {}});
  cv.sections.push_back(txt);
  return cv;
}

/// All text of a page's TextItems, in item order, joined.
inline std::string page_text(const cvpress::detail::Page& page) {
  std::string out;
  for (const auto& it : page.items)
    if (const auto* t = std::get_if<cvpress::detail::TextItem>(&it))
      out += t->text + "\n";
  return out;
}

} // namespace layout_test

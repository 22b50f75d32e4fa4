// Writes a random CV document for latex_test.py --tex: hostile text fragments
// in every field of every entry type, random formatting and links, and 400
// random math spans that pass the whitelist, so one TeX run shows that
// nothing the backend emits can stop TeX. Usage: latex_fuzz_cv SEED OUT.tex
#include "backends/latex/math.hpp"
#include "backends/latex/writer.hpp"
#include "style/style.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>

using namespace cvpress;

namespace {

std::mt19937 rng;

template <std::size_t N> std::string any_of(const char* const (&atoms)[N], unsigned max_count) {
  std::string s;
  const unsigned n = rng() % max_count;
  for (unsigned i = 0; i < n; ++i)
    s += atoms[rng() % N];
  return s;
}

std::string text() {
  static const char* const atoms[] = {"\\",
                                      "{",
                                      "}",
                                      "$",
                                      "&",
                                      "#",
                                      "^",
                                      "_",
                                      "~",
                                      "%",
                                      "[",
                                      "]",
                                      "-",
                                      "--",
                                      "`",
                                      "'",
                                      "\"",
                                      "<",
                                      ">",
                                      "|",
                                      ",",
                                      ",,",
                                      "!",
                                      "?",
                                      "*",
                                      "@",
                                      " ",
                                      "  ",
                                      "\t",
                                      "\n",
                                      "a",
                                      "Z",
                                      "9",
                                      "\u00A0",
                                      "\u00AD",
                                      "\x01",
                                      "\x7f",
                                      "é",
                                      "陈",
                                      "محمد",
                                      "דוד",
                                      "🎖",
                                      "\uFFFD",
                                      "\xff",
                                      "\\input{/etc/hostname}",
                                      "^^5c",
                                      "\\\\",
                                      "\\par",
                                      "\\end{document}",
                                      "\u2028",
                                      "–",
                                      "—",
                                      "’",
                                      "…",
                                      "\u200F",
                                      "▪",
                                      "😀",
                                      "2024"};
  return any_of(atoms, 12);
}

std::string math() {
  static const char* const atoms[] = {
      "x",        "1",        "^",        "_",       "{",          "}",
      "{",        "}",        "\\alpha",  "\\times", "\\frac",     "\\sqrt",
      "\\text",   "\\mathrm", "'",        " ",       "+",          "=",
      "(",        ")",        "\\{",      "\\}",     "\\%",        "\\,",
      "\\;",      "\\!",      "\\:",      "\\|",     "\\#",        "\\&",
      "\\$",      "\\_",      "\\ ",      "é",       "\\hat",      "\\sum",
      "<",        "|",        "\\to",     "\\ldots", "\\log",      "\\lim",
      "\\int",    "\\prod",   "\\neq",    "\\notin", "\\mapsto",   "\\langle",
      "\\rangle", "\\lfloor", "\\hbar",   "\\angle", "\\quad",     "\\mathcal",
      "\\mathbf", "\\textbf", "\\textit", "\\mbox",  "\\overline", "\\underline",
      "\\vec",    "\\dot",    "\\ddot",   "\\tilde", "\\bar",      "\\cdots",
      "\\dots",   "\\deg",    "\\max",    "[",       "]",          "/",
      ".",        ",",        ";",        ":",       "!",          "?",
      "@",        "*",        "-"};
  return any_of(atoms, 14);
}

RichText rich() {
  RichText r;
  const unsigned n = rng() % 4;
  for (unsigned i = 0; i < n; ++i) {
    Format f{rng() % 2 == 0, rng() % 2 == 0, rng() % 5 == 0 ? text() : ""};
    switch (rng() % 4) {
    case 0:
      r.runs.push_back(CodeRun{text(), f});
      break;
    case 1:
      r.runs.push_back(MathRun{math(), text(), f});
      break;
    default:
      r.runs.push_back(TextRun{text(), f});
    }
  }
  return r;
}

Dates dates() {
  Dates d;
  if (rng() % 2)
    d.date = FreeTextDate{text()};
  else {
    d.start = CalendarDate{2020, static_cast<int>(rng() % 13), 0};
    if (rng() % 2)
      d.end = Present{};
  }
  return d;
}

Entry entry(unsigned type) {
  EntryDetails d{dates(), rich(), rich(), {}};
  for (int h = 0; h < 3; ++h)
    d.highlights.push_back({rich(), {rich(), rich()}});
  switch (type) {
  case 0:
    return EducationEntry{rich(), rich(), rich(), d, {}};
  case 1:
    return ExperienceEntry{rich(), rich(), d, {}};
  case 2:
    return NormalEntry{rich(), d, {}};
  case 3: {
    PublicationEntry p;
    p.title = rich();
    p.authors = {{rich(), rng() % 2 == 0, rng() % 2 == 0, rng() % 2 == 0},
                 {rich(), false, false, false}};
    p.doi = rng() % 2 ? text() : "";
    p.url = text();
    p.journal = rich();
    p.summary = rich();
    p.venue_short = text();
    p.label = text();
    p.status = rich();
    p.awards = {rich()};
    p.note = rich();
    p.dates = dates();
    return p;
  }
  case 4:
    return TalkEntry{rich(), {{rich(), rich(), dates(), text(), rich(), {}}}, rich(), text(), {}};
  case 5:
    return ServiceEntry{rich(), rich(), text(), dates(), rich(), {}};
  case 6:
    return PatentEntry{rich(), text(), {{rich(), true, true, true}}, rich(), dates(), text(), {}};
  case 7:
    return OneLineEntry{rich(), rich(), {}};
  case 8:
    return BulletEntry{rich(), {}};
  case 9:
    return NumberedEntry{rich(), {}};
  case 10:
    return ReversedNumberedEntry{rich(), {}};
  default:
    return TextEntry{rich(), {}};
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: latex_fuzz_cv SEED OUT.tex\n";
    return 2;
  }
  rng.seed(static_cast<unsigned>(std::atoi(argv[1])));
  Cv cv;
  cv.header.name = {text(), "", "", text(), "", {}};
  cv.header.headline = rich();
  cv.header.location = text();
  cv.header.affiliation = {text(), text()};
  cv.header.emails = {text()};
  cv.header.phones = {text()};
  cv.header.websites = {text()};
  cv.header.social_networks = {{"GitHub", text(), {}}, {"Mastodon", text(), {}}};
  cv.header.custom_connections = {{text(), text(), ""}};
  for (unsigned type = 0; type < 12; ++type) {
    Section s{text(), text(), {}, {}};
    for (int e = 0; e < 6; ++e)
      s.entries.push_back(entry(type));
    cv.sections.push_back(s);
  }
  Section formulas{"math", "Math", {}, {}};
  for (int i = 0; i < 200000 && formulas.entries.size() < 400; ++i) {
    const std::string m = math();
    if (!detail::latex::check_math(m)) {
      RichText r;
      r.runs.push_back(MathRun{m, "", {}});
      formulas.entries.push_back(TextEntry{r, {}});
    }
  }
  cv.sections.push_back(formulas);
  detail::Style style = detail::default_style();
  style.heading_look = static_cast<detail::HeadingLook>(rng() % 6);
  style.date_column_side = rng() % 2 ? detail::Side::left : detail::Side::right;
  std::vector<Diagnostic> warnings;
  std::ofstream(argv[2], std::ios::binary) << detail::latex::make_document(cv, style, warnings);
  std::cout << argv[2] << ": " << formulas.entries.size() << " formulas, " << warnings.size()
            << " warnings\n";
  return 0;
}

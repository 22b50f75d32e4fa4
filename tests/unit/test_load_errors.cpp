// Loader error messages: one test per error kind, whole message asserted.
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace cvpress;

namespace {

// The InputError text for `yaml`, or "valid".
std::string errors_of(std::string_view yaml, const LoadOptions& options = {}) {
  try {
    (void)load_cv_string(yaml, "cv.yaml", options);
    return "valid";
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string warnings_of(std::string_view yaml) {
  std::string out;
  for (const auto& w : load_cv_string(yaml, "cv.yaml").warnings)
    out += w.to_string() + "\n";
  return out;
}

} // namespace

TEST_CASE("error: YAML syntax") {
  CHECK(errors_of("cv:\n  name: [Jane\n") ==
        "cv.yaml:3:1: cv.name[1]: invalid YAML: end of sequence flow not found");
  CHECK(errors_of("cv:\n  name: a: b\n") == "cv.yaml:2:10: cv: invalid YAML: illegal map value");
}

TEST_CASE("error: tab indentation") {
  CHECK(errors_of("cv:\n\tname: Jane\n") ==
        "cv.yaml:2:6: invalid YAML: illegal map value (tabs are not allowed for indentation)");
}

TEST_CASE("error: empty file") {
  CHECK(errors_of("") == "cv.yaml:1:1: file is empty");
  CHECK(errors_of("# only a comment\n\n") == "cv.yaml:1:1: file is empty");
  CHECK(errors_of("---\n") == "cv.yaml:1:1: file is empty");
}

TEST_CASE("error: several documents") {
  CHECK(errors_of("cv:\n  name: A\n---\ncv:\n  name: B\n") ==
        "cv.yaml:3:1: only one YAML document is allowed");
}

TEST_CASE("error: top level is not a map") {
  CHECK(errors_of("- cv\n") ==
        "cv.yaml:1:1: expected a map with the keys cv, design, locale and settings, got a list");
}

TEST_CASE("error: missing cv is reported at the top-level map") {
  CHECK(errors_of("design:\n  theme: classic\n") == "cv.yaml:1:1: missing required key 'cv'");
}

TEST_CASE("error: unknown top-level key suggests the right one") {
  CHECK(errors_of("cv:\n  name: Jane\ncvv: 1\n") ==
        "cv.yaml:3:1: cvv: unknown key (did you mean 'cv'?)");
  CHECK(errors_of("cv:\n  name: Jane\nlocal: {}\n") ==
        "cv.yaml:3:1: local: unknown key (did you mean 'locale'?)");
}

TEST_CASE("error: unknown key in cv") {
  CHECK(errors_of("cv:\n  name: Jane\n  emial: j@x.org\n") ==
        "cv.yaml:3:3: cv.emial: unknown key (did you mean 'email'?)");
  CHECK(errors_of("cv:\n  name: Jane\n  zzz: 1\n") ==
        "cv.yaml:3:3: cv.zzz: unknown key (expected one of: name, headline, location, "
        "affiliation, email, phone, website, photo, social_networks, custom_connections, "
        "sections)");
}

TEST_CASE("error: wrong types") {
  CHECK(errors_of("cv: Jane\n") == "cv.yaml:1:5: cv: expected a map, got a string");
  CHECK(errors_of("cv:\n  name: Jane\n  email: {a: b}\n") ==
        "cv.yaml:3:10: cv.email: expected a string or a list of strings, got a map");
  CHECK(errors_of("cv:\n  name: Jane\n  sections:\n    education: Harvard\n") ==
        "cv.yaml:4:16: cv.sections.education: expected a list of entries, got a string");
  CHECK(errors_of("cv:\n  sections:\n    education:\n      - institution: [MIT]\n"
                  "        area: CS\n") ==
        "cv.yaml:4:22: cv.sections.education[0].institution: expected a string, got a list");
  CHECK(errors_of("cv:\n  sections:\n    e:\n      - title: T\n        authors: A\n") ==
        "cv.yaml:5:18: cv.sections.e[0].authors: expected a list of names, got a string");
}

TEST_CASE("error: missing required key is reported at the entry's map") {
  CHECK(errors_of("cv:\n  sections:\n    education:\n      - institution: MIT\n"
                  "        degree: PhD\n") ==
        "cv.yaml:4:9: cv.sections.education[0]: missing required key 'area'");
  CHECK(errors_of("cv:\n  sections:\n    talks:\n      - events: []\n") ==
        "cv.yaml:4:9: cv.sections.talks[0]: missing required key 'title'\n"
        "cv.yaml:4:17: cv.sections.talks[0].events: a talk needs at least one event");
}

TEST_CASE("error: required value is empty") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - company: Acme\n        position:\n") ==
        "cv.yaml:5:9: cv.sections.s[0].position: expected a string, got an empty value");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - company: \"\"\n        position: P\n") ==
        "cv.yaml:4:18: cv.sections.s[0].company: must not be empty");
}

TEST_CASE("error: invalid dates") {
  CHECK(errors_of("cv:\n  sections:\n    education:\n      - institution: MIT\n"
                  "        area: CS\n        start_date: 2020-13\n") ==
        "cv.yaml:6:21: cv.sections.education[0].start_date: month 13 is out of range "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        date: 2023-02-29\n") ==
        "cv.yaml:5:15: cv.sections.s[0].date: day 29 is out of range for 2023-02 "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        date: 2024-1\n") ==
        "cv.yaml:5:15: cv.sections.s[0].date: '2024-1' is not a date "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        start_date: Fall 2023\n") ==
        "cv.yaml:5:21: cv.sections.s[0].start_date: 'Fall 2023' is not a date "
        "(expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        start_date: 2020\n"
                  "        end_date: soon\n") ==
        "cv.yaml:6:19: cv.sections.s[0].end_date: 'soon' is not a date "
        "(expected YYYY, YYYY-MM, YYYY-MM-DD or present)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        start_date: present\n") ==
        "cv.yaml:5:21: cv.sections.s[0].start_date: 'present' is only allowed in end_date or "
        "date");
}

TEST_CASE("error: end before start") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - company: X\n        position: Y\n"
                  "        start_date: 2020-05\n        end_date: 2020-01\n") ==
        "cv.yaml:7:19: cv.sections.s[0].end_date: end_date 2020-01 is before start_date 2020-05");
  // Same year at year precision is not "before".
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - company: X\n        position: Y\n"
                  "        start_date: 2020-05\n        end_date: 2020\n") == "valid");
}

TEST_CASE("error: entry that fits no type") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - foo: bar\n") ==
        "cv.yaml:4:9: cv.sections.s[0]: cannot tell the entry type: an entry needs one of the "
        "keys institution (education), company (experience), authors (publication), events "
        "(talk), patent_number (patent), role (service), reversed_number, number, bullet, label "
        "(one-line) or name (normal)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - title: Lone title\n") ==
        "cv.yaml:4:9: cv.sections.s[0]: cannot tell the entry type: an entry needs one of the "
        "keys institution (education), company (experience), authors (publication), events "
        "(talk), patent_number (patent), role (service), reversed_number, number, bullet, label "
        "(one-line) or name (normal); an entry with 'title' also needs 'authors', 'events' or "
        "'patent_number'");
}

TEST_CASE("error: a misspelt deciding key gets a suggestion") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - instituton: MIT\n        area: CS\n") ==
        "cv.yaml:4:9: cv.sections.s[0]: cannot tell the entry type: an entry needs one of the "
        "keys institution (education), company (experience), authors (publication), events "
        "(talk), patent_number (patent), role (service), reversed_number, number, bullet, label "
        "(one-line) or name (normal) (did you mean 'institution' instead of 'instituton'?)");
}

TEST_CASE("error: entries of different types in one section") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - bullet: one\n      - plain text\n"
                  "      - {label: L, details: D}\n") ==
        "cv.yaml:5:9: cv.sections.s[1]: all entries in a section must have the same type: this "
        "entry is 'text', the first is 'bullet'\n"
        "cv.yaml:6:9: cv.sections.s[2]: all entries in a section must have the same type: this "
        "entry is 'one_line', the first is 'bullet'\n"
        "cv.yaml:6:9: cv.sections.s[2].bullet: missing required key 'bullet' (the section's "
        "entries are bullet entries)");
}

TEST_CASE("error: duplicate keys") {
  CHECK(errors_of("cv:\n  name: A\n  name: B\n") ==
        "cv.yaml:3:3: cv.name: duplicate key (first defined at line 2, column 3)");
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - {bullet: a, bullet: b}\n") ==
        "cv.yaml:4:21: cv.sections.s[0].bullet: duplicate key (first defined at line 4, column "
        "10)");
}

TEST_CASE("error: invalid UTF-8 with its position") {
  CHECK(errors_of("cv:\n  name: \"J\xC3\x28ne\"\n") == "cv.yaml:2:11: invalid UTF-8 (byte 0xC3)");
  CHECK(errors_of("cv:\n  name: x\xED\xA0\x80\n") == "cv.yaml:2:10: invalid UTF-8 (byte 0xED)");
}

TEST_CASE("error: control characters and binary garbage") {
  CHECK(errors_of(std::string_view("cv:\n  name: a\0b\n", 14)) ==
        "cv.yaml:2:10: control character U+0000 is not allowed");
}

TEST_CASE("error: invalid e-mail, DOI and author flags") {
  CHECK(errors_of("cv:\n  email: [a@b.org, jane]\n") ==
        "cv.yaml:2:20: cv.email[1]: 'jane' is not a valid e-mail address");
  CHECK(errors_of("cv:\n  sections:\n    p:\n      - title: T\n        authors: [A]\n"
                  "        doi: 3575693\n") ==
        "cv.yaml:6:14: cv.sections.p[0].doi: '3575693' is not a DOI (expected e.g. "
        "10.1145/3575693.3575705)");
  CHECK(errors_of("cv:\n  sections:\n    p:\n      - title: T\n"
                  "        authors: [{name: A, co_first: maybe}]\n") ==
        "cv.yaml:5:39: cv.sections.p[0].authors[0].co_first: expected true or false, got "
        "'maybe'");
}

TEST_CASE("error: highlights nest one level only") {
  CHECK(errors_of("cv:\n  sections:\n    s:\n      - name: N\n        highlights:\n"
                  "          - text: a\n            highlights:\n              - [deep]\n") ==
        "cv.yaml:8:17: cv.sections.s[0].highlights[0].highlights[0]: expected a string, got a "
        "list (highlights nest one level only)");
}

TEST_CASE("error: locale and settings values") {
  CHECK(errors_of("cv:\n  name: A\nlocale:\n  month_names: [Jan, Feb]\n") ==
        "cv.yaml:4:16: locale.month_names: expected 12 names, got 2");
  CHECK(errors_of("cv:\n  name: A\nsettings:\n  current_date: 2024-05\n") ==
        "cv.yaml:4:17: settings.current_date: expected YYYY-MM-DD or today, got '2024-05'");
}

TEST_CASE("error: every error in the file is reported, in input order") {
  CHECK(errors_of("cv:\n  nme: A\n  sections:\n    s:\n      - company: X\n"
                  "        start_date: 2020-00\nsetings: {}\n") ==
        "cv.yaml:2:3: cv.nme: unknown key (did you mean 'name'?)\n"
        "cv.yaml:5:9: cv.sections.s[0]: missing required key 'position'\n"
        "cv.yaml:6:21: cv.sections.s[0].start_date: month 0 is out of range (expected YYYY, "
        "YYYY-MM or YYYY-MM-DD)\n"
        "cv.yaml:7:1: setings: unknown key (did you mean 'settings'?)");
}

TEST_CASE("limit: nesting depth") {
  std::string deep = "cv: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  CHECK(errors_of(deep) == "cv.yaml:1:68: nesting is deeper than the limit of 64 levels");
}

TEST_CASE("limit: alias expansion (billion laughs)") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'h'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = std::string(1, c);
  }
  CHECK(errors_of(bomb) ==
        "cv.yaml:6:8: f[0]: more than 200000 YAML nodes after alias expansion (limit)");
}

TEST_CASE("limit: recursive alias") {
  CHECK(errors_of("cv: &x\n  name: *x\n") ==
        "cv.yaml:2:9: cv.name: alias refers to a node that contains it (recursive alias)");
}

TEST_CASE("limit: string length, input size, entries") {
  LoadOptions small;
  small.limits.max_string_bytes = 8;
  CHECK(errors_of("cv:\n  name: Jane Doe Smith\n", small) ==
        "cv.yaml:2:9: cv.name: string is longer than the limit of 8 bytes");
  // Exactly at the limit is allowed, one byte over is not.
  CHECK(errors_of("cv:\n  name: Jane Doe\n", small) == "valid");
  CHECK(errors_of("cv:\n  name: Jane Doeh\n", small) ==
        "cv.yaml:2:9: cv.name: string is longer than the limit of 8 bytes");
  small = {};
  small.limits.max_file_bytes = 10;
  CHECK(errors_of("cv:\n  name: Jane\n", small) ==
        "cv.yaml: input is larger than the limit of 10 bytes");
  small = {};
  small.limits.max_entries = 2;
  CHECK(errors_of("cv:\n  sections:\n    a: [one, two]\n    b: [three]\n", small) ==
        "cv.yaml:4:9: cv.sections.b[0]: more than 2 entries in the CV (limit)");
}

TEST_CASE("warnings: unknown entry keys, date with a range, unsupported options") {
  CHECK(warnings_of("cv:\n  sections:\n    s:\n      - company: X\n        position: Y\n"
                    "        date: 2021\n        start_date: 2020\n        summry: s\n"
                    "design:\n  theme: classic\n  links: {underlined: true}\n"
                    "locale:\n  language: en\n  date_style: x\nsettings:\n  render_comand: {}\n") ==
        "cv.yaml:6:9: warning: cv.sections.s[0].date: start_date/end_date are ignored because "
        "date is given (as in RenderCV)\n"
        "cv.yaml:8:9: warning: cv.sections.s[0].summry: unknown key, ignored (did you mean "
        "'summary'?)\n"
        "cv.yaml:11:23: warning: design.links.underlined: unknown RenderCV design option, ignored "
        "(did you mean 'underline'?)\n"
        "cv.yaml:14:3: warning: locale.date_style: locale option not supported yet, ignored\n"
        "cv.yaml:16:3: warning: settings.render_comand: setting not supported yet, ignored (did "
        "you mean 'render_command'?)\n");
}

TEST_CASE("load_cv_file reports missing files as IoError and names the path") {
  CHECK_THROWS_AS((void)load_cv_file("/nonexistent/cv.yaml"), IoError);
  try {
    (void)load_cv_file(CVPRESS_TEST_DATA "/../unit/test_load_errors.cpp");
    FAIL("a C++ file is not a CV");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().front().where.file == CVPRESS_TEST_DATA "/../unit/test_load_errors.cpp");
  }
}

TEST_CASE("error: unknown locale language") {
  CHECK(errors_of("cv:\n  name: A\nlocale:\n  language: germn\n") ==
        "cv.yaml:4:13: locale.language: unknown language 'germn' (did you mean 'german'?)");
  CHECK(errors_of("cv:\n  name: A\nlocale:\n  language: qqqqqq\n") ==
        "cv.yaml:4:13: locale.language: unknown language 'qqqqqq' (use a RenderCV language name "
        "such as 'english' or a BCP-47 tag such as 'en', 'zh-Hans')");
  for (const char* ok : {"english", "mandarin_chinese", "zh-Hans", "de", "ar", "he", "vi"}) {
    CAPTURE(ok);
    CHECK(errors_of(std::string("cv:\n  name: A\nlocale:\n  language: ") + ok + "\n") == "valid");
  }
}

TEST_CASE(
    "error: control characters made by escapes, C1 controls, UTF-16/32, unterminated quotes") {
  CHECK(errors_of("cv:\n  name: \"Ada\\0Lovelace\"\n") ==
        "cv.yaml:2:9: cv.name: control character U+0000 is not allowed");
  CHECK(errors_of("cv:\n  name: \"Ada\\eLovelace\"\n") ==
        "cv.yaml:2:9: cv.name: control character U+001B is not allowed");
  CHECK(errors_of("cv:\n  name: \"Ada\\x9bLovelace\"\n") ==
        "cv.yaml:2:9: cv.name: control character U+009B is not allowed");
  CHECK(errors_of("cv:\n  name: Ada\xc2\x85Lovelace\n") ==
        "cv.yaml:2:12: control character U+0085 is not allowed");
  CHECK(errors_of(std::string("\xff\xfe"
                              "c\0v\0",
                              6)) ==
        "cv.yaml:1:1: the file is encoded as UTF-16 (little-endian); cvpress reads UTF-8 (save "
        "the file as UTF-8)");
  CHECK(errors_of(std::string("\0\0\xfe\xff", 4)) ==
        "cv.yaml:1:1: the file is encoded as UTF-32 (big-endian); cvpress reads UTF-8 (save the "
        "file as UTF-8)");
  CHECK(errors_of("cv:\n  name: \"unterminated\n") ==
        "cv.yaml:2:9: cv.name: unterminated double-quoted string (no closing \" before the end of "
        "the file)");
  // Escaped quotes do not close the string; a closed one is fine.
  CHECK(errors_of("cv:\n  name: \"a \\\" b\n") ==
        "cv.yaml:2:9: cv.name: unterminated double-quoted string (no closing \" before the end of "
        "the file)");
  CHECK(errors_of("cv:\n  name: 'it''s\n") ==
        "cv.yaml:2:9: cv.name: unterminated single-quoted string (no closing ' before the end of "
        "the file)");
  CHECK(errors_of("cv:\n  name: \"Ada \\\"Lovelace\\\"\"\n  location: 'it''s'\n") == "valid");
}

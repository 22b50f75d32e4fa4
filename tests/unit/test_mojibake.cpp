#include <cvpress/doctor.hpp>
#include <cvpress/load.hpp>

#include "text/mojibake.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace cvpress;

namespace {
// The strings exactly as seed document 003 has them (its name and two headings).
const std::string kSeedName = "Hi, this is Qiaoling Chen (Èôà Â∑ßÁé≤). I am a first-year Ph.D student";
const std::string kSeedMemo = "# \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\xB9 Publications"; // U+F8FF ü ì ù
const std::string kSeedMedal = "# \xEF\xA3\xBF\xC3\xBC\xC3\xA9\xC3\xB1 Professional Services"; // U+F8FF ü é ñ
} // namespace

TEST_CASE("mojibake: seed 003 name is repaired exactly") {
  auto spans = detail::find_mojibake(kSeedName);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].repaired == "陈 巧玲");
  CHECK(spans[0].encoding == "Mac Roman");
  CHECK(kSeedName.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Èôà Â∑ßÁé≤");
  CHECK(detail::repair_mojibake(kSeedName) ==
        "Hi, this is Qiaoling Chen (陈 巧玲). I am a first-year Ph.D student");
}

TEST_CASE("mojibake: seed 003 heading emoji are repaired") {
  CHECK(detail::repair_mojibake(kSeedMemo) == "# 📝 Publications");
  CHECK(detail::repair_mojibake(kSeedMedal) == "# 🎖 Professional Services");
}

TEST_CASE("mojibake: Windows-1252 and Latin-1 misreadings") {
  // "Zoë Müller" encoded as UTF-8, read as Windows-1252.
  auto spans = detail::find_mojibake("ZoÃ« MÃ¼ller");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].encoding == "Windows-1252");
  CHECK(detail::repair_mojibake("ZoÃ« MÃ¼ller") == "Zoë Müller");
  // "–" (E2 80 93) read as Windows-1252 is "â€“".
  CHECK(detail::repair_mojibake("2020â€“2023") == "2020–2023");
  // Latin-1 keeps C1 controls: "é" read as Latin-1 is "Ã©" too.
  CHECK(detail::repair_mojibake("CafÃ©") == "Café");
}

TEST_CASE("mojibake: no false positives on correct text in many languages") {
  const char* samples[] = {
      "Qiaoling Chen (陈巧玲) studies machine-learning systems at NTU.",
      "Zoë Müller-Lüdenscheidt, Straße 5, 80331 München",
      "François Lefèvre — élève à l’École « Polytechnique »",
      "José Peña Ibáñez, año 2024, ¿qué tal? ¡Olé!",
      "Дмитрий Иванов, Московский государственный университет",
      "Ζωή Παπαδοπούλου, Εθνικό Μετσόβιο Πολυτεχνείο",
      "محمد عبد الله، جامعة القاهرة",
      "דוד כהן, האוניברסיטה העברית",
      "山田太郎、東京大学大学院情報理工学系研究科",
      "김민준, 서울대학교 컴퓨터공학부",
      "Nguyễn Văn Việt, Đại học Bách khoa Hà Nội",
      "Łukasz Żółkiewski, Politechnika Warszawska",
      "Søren Kierkegaard, Københavns Universitet, Ærø",
      "Temperature 25 °C ± 0.5, price £12, © 2024, naïve café, 1½ cups",
      "Emoji are fine: 📝 🎖 🚀",
  };
  for (const char* s : samples) {
    CAPTURE(s);
    CHECK(detail::find_mojibake(s).empty());
  }
}

TEST_CASE("mojibake: findings carry file, line and byte column") {
  std::string yaml = "cv:\n  name: Qiaoling Chen\n  # comment stays\n  headline: \"Chen (Èôà Â∑ßÁé≤)\"\n";
  auto findings = find_mojibake(yaml, "home.yaml");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].to_string() == "home.yaml:4:20: looks like mojibake of \"陈 巧玲\"");
  CHECK(findings[0].found == "Èôà Â∑ßÁé≤");
  CHECK(repair_mojibake(yaml) ==
        "cv:\n  name: Qiaoling Chen\n  # comment stays\n  headline: \"Chen (陈 巧玲)\"\n");
}

TEST_CASE("doctor --fix rewrites only the damaged strings") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("cvpress-doctor-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "home.yaml";
  const std::string original = "# keep   this comment\ncv:\n  name:   \"Qiaoling Chen\"   # aligned\n"
                               "  headline: (Èôà Â∑ßÁé≤)\n";
  std::ofstream(file, std::ios::binary) << original;
  std::ostringstream out, err;
  CHECK(doctor_files({file}, false, out, err) == ExitCode::input);
  CHECK(out.str() == file.string() + ":4:14: looks like mojibake of \"陈 巧玲\"\n");
  out.str("");
  CHECK(doctor_files({file}, true, out, err) == ExitCode::ok);
  CHECK(out.str() == file.string() + ":4:14: looks like mojibake of \"陈 巧玲\"\n" + file.string() +
                         ": repaired 1 string\n");
  std::ifstream in(file, std::ios::binary);
  std::stringstream now;
  now << in.rdbuf();
  CHECK(now.str() == "# keep   this comment\ncv:\n  name:   \"Qiaoling Chen\"   # aligned\n"
                     "  headline: (陈 巧玲)\n");
  out.str("");
  CHECK(doctor_files({file}, false, out, err) == ExitCode::ok);
  CHECK(out.str().empty());
  CHECK(doctor_files({dir / "missing.yaml"}, false, out, err) == ExitCode::io);
  fs::remove_all(dir);
}

TEST_CASE("validate warns about mojibake with its location") {
  auto r = load_cv_string("cv:\n  name: Qiaoling Chen\n  headline: \"Chen (Èôà Â∑ßÁé≤)\"\n", "home.yaml");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].to_string() ==
        "home.yaml:3:20: warning: looks like mojibake of \"陈 巧玲\" (UTF-8 read as Mac Roman); "
        "'cvpress doctor --fix' repairs it");
}

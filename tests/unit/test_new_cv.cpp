// `cvpress new`'s starter CV (starter_cv, starter_cv_path) and
// validate_files_json (cvpress/job.hpp).
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace cvpress;

TEST_CASE("starter_cv loads with no warning and has the four sections") {
  for (const StarterOptions& options : {StarterOptions{}, StarterOptions{"harvard", "de"},
                                        StarterOptions{"dense", "mandarin_chinese"}}) {
    const std::string yaml = starter_cv("Jane Doe", options);
    const LoadResult loaded = load_cv_string(yaml, "starter.yaml");
    CHECK(loaded.warnings.empty());
    CHECK(loaded.cv.header.name.full == "Jane Doe");
    std::vector<std::string> keys;
    for (const auto& s : loaded.cv.sections)
      keys.push_back(s.key);
    CHECK(keys == std::vector<std::string>{"education", "experience", "publications", "skills"});
  }
  CHECK(starter_cv("Jane Doe", {"harvard", ""}).find("  theme: harvard\n") != std::string::npos);
}

TEST_CASE("starter_cv quotes the name as YAML") {
  const std::string name = "Jane \"JD\" Doe \\ #1: ok";
  const LoadResult loaded = load_cv_string(starter_cv(name), "starter.yaml");
  CHECK(loaded.cv.header.name.full == name);
}

TEST_CASE("starter_cv refuses an empty name, unknown style and unknown language") {
  CHECK_THROWS_WITH_AS((void)starter_cv("  "), "new needs a NAME, e.g. cvpress new \"Jane Doe\"",
                       UsageError);
  CHECK_THROWS_WITH_AS((void)starter_cv("A B", {"fancy", ""}),
                       "unknown style 'fancy' (styles: banking, classic, cvpress, dense, ember, "
                       "engineeringclassic, engineeringresumes, harvard, ink, moderncv, opal, "
                       "sb2nov, serif)",
                       UsageError);
  CHECK_THROWS_AS((void)starter_cv("A B", {"", "klingonish"}), UsageError);
}

TEST_CASE("starter_cv_path uses the render's naming") {
  CHECK(starter_cv_path("Jane Doe") == "Jane_Doe_CV.yaml");
  CHECK(starter_cv_path("Zoë Müller") == "Zoe_Muller_CV.yaml");
  CHECK(starter_cv_path("陈巧玲", {"", "zh"}) == "Chen_Qiaoling_CV.yaml");
}

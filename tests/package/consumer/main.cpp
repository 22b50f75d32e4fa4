// Uses the installed cvpress: loads a CV from a string and prints what it got.
#include <cvpress/cvpress.hpp>

#include <iostream>

int main() {
  constexpr const char* yaml = R"(cv:
  name: Ada Lovelace
  sections:
    education:
      - institution: University of London
        area: Mathematics
        start_date: 1840-01
        end_date: 1843-06
)";
  try {
    cvpress::LoadResult result = cvpress::load_cv_string(yaml, "consumer.yaml");
    std::cout << "cvpress " << cvpress::version << "\n";
    std::cout << "name: " << result.cv.header.name.full << "\n";
    for (const cvpress::Section& section : result.cv.sections)
      std::cout << "section: " << section.title << " (" << section.entries.size() << ")\n";
    std::cout << "warnings: " << result.warnings.size() << "\n";
  } catch (const cvpress::Error& e) {
    std::cerr << "consumer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

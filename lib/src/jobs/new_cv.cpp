// `cvpress new`: a commented starter CV (cvpress/job.hpp).
#include <cvpress/job.hpp>
#include <cvpress/style.hpp>

#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <ostream>

namespace cvpress {

namespace fs = std::filesystem;

namespace {

// `text` as a YAML double-quoted scalar.
std::string yaml_quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string style_names() {
  std::string names;
  for (const auto& s : builtin_styles())
    names += (names.empty() ? "" : ", ") + s.name;
  return names;
}

constexpr const char* kBody = R"(  headline: Research Engineer
  location: Springfield
  email: jane.doe@example.com
  website: https://example.com
  # Each key under `sections` is a section; its title comes from the key
  # ("work_experience" -> "Work Experience"). The first key of an entry
  # decides its type (docs/format.md, "Entry types").
  sections:
    education:
      - institution: Example University
        area: Computer Science
        degree: PhD
        start_date: 2018-09
        end_date: 2023-06
        location: Springfield
        highlights:
          - "Thesis: *Fast and Correct Typesetting*"
    experience:
      - company: Example Corp
        position: Research Engineer
        start_date: 2023-07
        end_date: present
        location: Springfield
        highlights:
          - Built a document pipeline that renders in milliseconds.
          - Mentored two interns.
    publications:
      # Your own name in `authors` is found and set in bold automatically;
      # a trailing * marks a co-first author.
      - title: "A Short Paper About Something Important"
        authors:
)";

constexpr const char* kTail = R"(          - Alex Smith
        journal: Proceedings of an Example Conference
        date: 2022-05
        doi: 10.1000/example.2022
    skills:
      - label: Languages
        details: C++, Python, SQL
      - label: Tools
        details: Git, CMake, Linux
)";

} // namespace

std::string starter_cv(std::string_view name, const StarterOptions& options) {
  if (name.find_first_not_of(" \t") == std::string_view::npos)
    throw UsageError("new needs a NAME, e.g. cvpress new \"Jane Doe\"");
  if (!options.style.empty()) {
    bool known = false;
    for (const auto& s : builtin_styles())
      known = known || s.name == options.style;
    if (!known)
      throw UsageError("unknown style '" + options.style + "' (styles: " + style_names() + ")");
  }
  if (!options.locale.empty() && !detail::is_known_language(options.locale)) {
    std::string message = "unknown locale language '" + options.locale + "'";
    if (auto guess = detail::suggest_language(options.locale))
      message += " (did you mean '" + *guess + "'?)";
    throw UsageError(message);
  }
  // The installed JSON Schema (`cvpress schema`), for editors' completion.
  std::string yaml = "# yaml-language-server: $schema=" CVPRESS_DATA_DIR "/cvpress.schema.json\n"
                     "# A CV in cvpress YAML (RenderCV's format and more). Render it with\n"
                     "#   cvpress render FILE\n"
                     "# Check it with `cvpress validate FILE`; the format is in docs/format.md.\n"
                     "cv:\n"
                     "  name: " +
                     yaml_quoted(name) + "\n" + kBody + "          - " + yaml_quoted(name) + "\n" +
                     kTail;
  if (!options.style.empty())
    yaml += "# The look: a built-in style (`cvpress styles` lists them).\n"
            "design:\n"
            "  theme: " +
            options.style + "\n";
  if (!options.locale.empty())
    yaml += "# Language of dates and section titles.\n"
            "locale:\n"
            "  language: " +
            yaml_quoted(options.locale) + "\n";
  return yaml;
}

fs::path starter_cv_path(std::string_view name, const StarterOptions& options) {
  // The same stem as the rendered PDF's default name (default_output_path()).
  const LoadResult loaded = load_cv_string(starter_cv(name, options), "<new>");
  std::string stem = detail::cv_file_stem(loaded.cv.header.name,
                                          detail::resolve_language(loaded.cv.locale.language));
  if (stem.empty())
    stem = "CV";
  constexpr std::size_t kMaxStem = 200; // as default_output_path()
  if (stem.size() > kMaxStem)
    stem = stem.substr(0, kMaxStem - 3) + "_CV";
  return stem + ".yaml";
}

ExitCode new_cv(std::string_view name, const StarterOptions& options, const fs::path& output,
                std::ostream& out, std::ostream& err, bool quiet) {
  try {
    const std::string yaml = starter_cv(name, options);
    const fs::path path = output.empty() ? starter_cv_path(name, options) : output;
    std::error_code ec;
    if (path != "-" && fs::exists(fs::symlink_status(path, ec)))
      throw IoError(path.string() + ": already exists; not replacing it (choose another -o)");
    write_file_atomically(path, yaml);
    if (path != "-" && !quiet)
      out << path.string() << ": written\n";
    return ExitCode::ok;
  } catch (const std::exception& e) {
    return report_error(e, err);
  }
}

} // namespace cvpress

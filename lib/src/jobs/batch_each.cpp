// `cvpress batch --lang en,zh --variant all`: one batch run per language and
// variant, each writing `stem-LANG-VARIANT.ext`.
#include <cvpress/batch.hpp>

#include <map>
#include <ostream>

namespace cvpress {

namespace {

std::filesystem::path suffixed(const std::filesystem::path& p, const std::string& suffix) {
  if (p.empty() || suffix.empty())
    return p;
  return p.parent_path() / (p.stem().string() + suffix + p.extension().string());
}

int severity(ExitCode c) {
  switch (c) {
  case ExitCode::ok:
    return 0;
  case ExitCode::input:
    return 1;
  case ExitCode::render:
    return 2;
  case ExitCode::io:
    return 3;
  case ExitCode::usage:
    return 4;
  case ExitCode::unavailable:
    return 5;
  case ExitCode::internal:
    return 6;
  }
  return 6;
}

} // namespace

ExitCode batch_files_each(const BatchOptions& options, const std::vector<std::string>& languages,
                          const std::vector<std::string>& variants, std::ostream& out,
                          std::ostream& err, ProgressStyle style) {
  std::vector<std::string> langs = languages.empty() ? std::vector<std::string>{""} : languages;
  // Variant name -> the inputs that render it ("" = no variant: every input).
  std::vector<std::pair<std::string, std::vector<std::filesystem::path>>> runs;
  if (variants.empty()) {
    runs.emplace_back("", options.inputs);
  } else if (variants.size() == 1 && variants.front() == "all") {
    std::map<std::string, std::vector<std::filesystem::path>> by_variant;
    std::vector<std::string> order;
    std::vector<std::filesystem::path> plain;
    LoadOptions probe = options.load;
    probe.variant.clear();
    probe.language.clear();
    for (const auto& input : options.inputs) {
      std::vector<std::string> names;
      try {
        names = load_cv_file(input, probe).variants;
      } catch (const Error&) {
        // Rendered (and reported) in the plain run below.
      }
      if (names.empty())
        plain.push_back(input);
      for (const auto& n : names) {
        if (!by_variant.count(n))
          order.push_back(n);
        by_variant[n].push_back(input);
      }
    }
    if (!plain.empty())
      runs.emplace_back("", plain);
    for (const auto& n : order)
      runs.emplace_back(n, by_variant[n]);
  } else {
    for (const auto& v : variants)
      runs.emplace_back(v, options.inputs);
  }
  ExitCode worst = ExitCode::ok;
  for (const auto& lang : langs)
    for (const auto& [variant, inputs] : runs) {
      BatchOptions o = options;
      o.inputs = inputs;
      o.load.language = lang;
      o.load.variant = variant;
      o.output_suffix = (lang.empty() ? "" : "-" + lang) + (variant.empty() ? "" : "-" + variant);
      o.manifest = suffixed(options.manifest, o.output_suffix);
      if (!o.output_suffix.empty())
        out << "[" << o.output_suffix.substr(1) << "] ";
      ExitCode c = batch_files(o, out, err, style);
      if (severity(c) > severity(worst))
        worst = c;
    }
  return worst;
}

} // namespace cvpress

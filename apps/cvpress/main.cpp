// cvpress command line: parses options and calls the library's jobs.
#include <cvpress/batch.hpp>
#include <cvpress/cvpress.hpp>
#include <cvpress/doctor.hpp>

#include <boost/program_options.hpp>

#include <charconv>

#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace po = boost::program_options;
using cvpress::ExitCode;

namespace {

constexpr const char* kUsage = R"(Usage: cvpress COMMAND [OPTIONS] FILE...

Commands:
  render FILE [-o OUT] [--format F] [--style S]   typeset a CV (format from OUT's extension)
  validate FILE...                                check CVs and print every error
  batch INPUT... -o DIR [-j N] [--shard K/N] ...  render many CVs in parallel
  doctor FILE... [--fix]                          find (and repair) mojibake such as "Èôà" for "陈"
  convert FILE [-o OUT.yaml]                      JSON Resume (or any CV) as cvpress YAML
  styles                                          list the built-in styles
  formats                                         list the output formats

Tailoring (render, validate, batch):
  --lang TAG        pick this language from multilingual fields (batch: en,zh,...)
  --only TAG,...    keep untagged entries and those with one of these tags
  --exclude TAG,... drop entries with one of these tags
  --variant NAME    apply settings.variants.NAME (batch: a,b,... or all)

Fitting (render, batch):
  --max-pages N     fit the CV to N pages: spacing shrinks, then type down to
                    the style's floor (page.fit_floor, 90%); warns if it still
                    needs more

Options:
  -h, --help       show this help (also after a command)
  -V, --version    show the version

Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 render failure, 5 file I/O.
)";

int code(ExitCode c) { return static_cast<int>(c); }

int usage_error(const std::string& message) {
  std::cerr << "cvpress: " << message << "\nTry 'cvpress --help'.\n";
  return code(ExitCode::usage);
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& opts,
                        const po::positional_options_description& pos) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}

// ---- Tailoring options (issue 18): --lang, --only, --exclude, --variant.

void add_tailoring_options(po::options_description& opts) {
  opts.add_options()("lang", po::value<std::string>(),
                     "language of multilingual fields and the locale (e.g. zh)")(
      "only", po::value<std::vector<std::string>>()->composing(),
      "keep untagged entries and those with one of these tags (comma list, repeatable)")(
      "exclude", po::value<std::vector<std::string>>()->composing(),
      "drop entries with one of these tags (comma list, repeatable)")(
      "variant", po::value<std::string>(), "apply the filter set settings.variants.NAME");
}

std::vector<std::string> comma_list(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::size_t start = 0;
    while (start <= a.size()) {
      std::size_t end = a.find(',', start);
      if (end == std::string::npos)
        end = a.size();
      if (end > start)
        out.push_back(a.substr(start, end - start));
      start = end + 1;
    }
  }
  return out;
}

void apply_tailoring_options(const po::variables_map& vm, cvpress::LoadOptions& load) {
  if (vm.count("lang"))
    load.language = vm["lang"].as<std::string>();
  if (vm.count("only"))
    load.only = comma_list(vm["only"].as<std::vector<std::string>>());
  if (vm.count("exclude"))
    load.exclude = comma_list(vm["exclude"].as<std::vector<std::string>>());
  if (vm.count("variant"))
    load.variant = vm["variant"].as<std::string>();
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      load.allowed_dirs.emplace_back(d); // bibliographies, like photos
}

int cmd_convert(const std::vector<std::string>& args) {
  po::options_description opts("convert options");
  opts.add_options()("help,h", "show help")("output,o", po::value<std::string>(),
                                            "output file (default: standard output)")(
      "input", po::value<std::vector<std::string>>(), "CV file");
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse(args, opts, pos);
  if (vm.count("help")) {
    std::cout << "Usage: cvpress convert FILE [-o OUT.yaml]\nWrites a JSON Resume document (or "
                 "any CV cvpress reads) as cvpress YAML.\n";
    return 0;
  }
  if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1)
    return usage_error("convert takes exactly one FILE");
  const std::string input = vm["input"].as<std::vector<std::string>>().front();
  // Errors reach main(), which maps them to exit codes (cvpress/exit_code.hpp).
  cvpress::LoadOptions load;
  std::string text = cvpress::read_file(input, load.limits.max_file_bytes);
  std::string yaml = cvpress::convert_to_yaml(text, input, load);
  if (vm.count("output")) {
    cvpress::write_file_atomically(vm["output"].as<std::string>(), yaml);
    std::cout << vm["output"].as<std::string>() << ": written\n";
  } else {
    std::cout << yaml;
  }
  return 0;
}

// ---- end of tailoring options

// ---- Page fitting (issue 14): --max-pages N.

void add_max_pages_option(po::options_description& opts) {
  opts.add_options()("max-pages", po::value<std::string>(),
                     "fit the CV to at most N pages (spacing, then type down to the style's "
                     "floor)");
}

// --max-pages into `render`; false (after a usage message) when it is not a
// whole number of 1 or more.
bool apply_max_pages(const po::variables_map& vm, cvpress::RenderOptions& render) {
  if (!vm.count("max-pages"))
    return true;
  const std::string& v = vm["max-pages"].as<std::string>();
  int n = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < 1) {
    usage_error("--max-pages expects a whole number of pages, 1 or more, got '" + v + "'");
    return false;
  }
  render.max_pages = n;
  return true;
}

int cmd_validate(const std::vector<std::string>& args) {
  po::options_description opts("validate options");
  opts.add_options()("help,h", "show help")("style,s", po::value<std::string>(),
                                            "also check this style (name or file)")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read the photo and bibliographies from this folder (repeatable)")(
      "input", po::value<std::vector<std::string>>(), "CV files");
  add_tailoring_options(opts);
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse(args, opts, pos);
  if (vm.count("help")) {
    std::cout << "Usage: cvpress validate FILE... [--style STYLE] [--allow-dir DIR]...\nChecks "
                 "each CV (and the style) "
                 "and prints every error as FILE:LINE:COLUMN: field.path: message.\n";
    return 0;
  }
  if (vm.count("style"))
    cvpress::check_style(vm["style"].as<std::string>()); // errors: see main()
  if (!vm.count("input"))
    return usage_error("validate needs at least one FILE");
  std::vector<std::filesystem::path> files;
  for (const auto& f : vm["input"].as<std::vector<std::string>>())
    files.emplace_back(f);
  cvpress::RenderOptions render;
  if (vm.count("style"))
    render.style = vm["style"].as<std::string>();
  cvpress::LoadOptions load;
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      render.allowed_dirs.emplace_back(d);
  apply_tailoring_options(vm, load); // bibliographies: --allow-dir too
  return code(cvpress::validate_files(files, std::cout, std::cerr, load, render));
}

int cmd_render(const std::vector<std::string>& args) {
  po::options_description opts("render options");
  opts.add_options()("help,h", "show help")("output,o", po::value<std::string>(),
                                            "output file (default: NAME_CV.pdf next to the input)")(
      "format,f", po::value<std::string>(), "output format (default: from -o, else pdf)")(
      "style,s", po::value<std::string>(), "style name or file")(
      "compile", "latex: also run xelatex and write the PDF next to the .tex")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read the photo from this folder (repeatable; default: only the CV's folder)")(
      "input", po::value<std::vector<std::string>>(), "CV file");
  add_tailoring_options(opts);
  add_max_pages_option(opts);
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse(args, opts, pos);
  if (vm.count("help")) {
    std::cout << "Usage: cvpress render FILE [-o OUT] [--format FORMAT] [--style STYLE] "
                 "[--compile] [--allow-dir DIR]...\n"
              << "Formats: " << cvpress::backend_names() << "\n"
              << opts;
    return 0;
  }
  if (!vm.count("input"))
    return usage_error("render needs a FILE");
  const auto& inputs = vm["input"].as<std::vector<std::string>>();
  if (inputs.size() != 1)
    return usage_error("render takes exactly one FILE (use 'cvpress batch' for several)");
  cvpress::RenderRequest request;
  request.input = inputs.front();
  if (vm.count("output"))
    request.output = vm["output"].as<std::string>();
  if (vm.count("format"))
    request.format = vm["format"].as<std::string>();
  if (vm.count("style"))
    request.options.style = vm["style"].as<std::string>();
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      request.options.allowed_dirs.emplace_back(d);
  if (vm.count("compile"))
    request.options.backend_options.emplace_back("compile");
  if (!apply_max_pages(vm, request.options))
    return code(ExitCode::usage);
  apply_tailoring_options(vm, request.load);
  return code(cvpress::render_file(request, std::cout, std::cerr));
}

int cmd_batch(const std::vector<std::string>& args) {
  po::options_description opts("batch options");
  opts.add_options()("help,h", "show help")("output,o", po::value<std::string>(), "output folder")(
      "format,f", po::value<std::string>()->default_value("pdf"),
      "output format")("style,s", po::value<std::string>(), "style name or file")(
      "jobs,j", po::value<unsigned>()->default_value(0), "threads (0 = one per core)")(
      "shard", po::value<std::string>(), "render only part K/N of the sorted inputs")(
      "manifest", po::value<std::string>(), "write one JSON line per input to FILE")(
      "keep-going", "render every input even after failures (default)")(
      "fail-fast", "stop starting new inputs after the first failure")(
      "quiet,q", "print failures and the summary only")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read photos from this folder (repeatable; default: only each CV's folder)")(
      "input", po::value<std::vector<std::string>>(), "CV files, folders, or - for stdin");
  add_tailoring_options(opts);
  add_max_pages_option(opts);
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse(args, opts, pos);
  if (vm.count("help")) {
    std::cout << "Usage: cvpress batch INPUT... -o OUTDIR [--format pdf|latex] [--style S] [-j N]\n"
                 "                     [--shard K/N] [--manifest FILE.jsonl] "
                 "[--keep-going|--fail-fast] [--quiet]\n"
                 "INPUT: files, folders (their *.yaml/*.yml/*.json), or - to read paths from "
                 "stdin.\n"
                 "--lang en,zh and --variant a,b (or all) render each input once per language\n"
                 "and variant, as STEM-LANG-VARIANT.pdf.\n"
              << opts;
    return 0;
  }
  if (!vm.count("input"))
    return usage_error("batch needs at least one INPUT");
  if (!vm.count("output"))
    return usage_error("batch needs an output folder (-o OUTDIR)");
  if (vm.count("keep-going") && vm.count("fail-fast"))
    return usage_error("--keep-going and --fail-fast exclude each other");
  cvpress::BatchOptions options;
  options.inputs =
      cvpress::expand_batch_inputs(vm["input"].as<std::vector<std::string>>(), std::cin);
  if (vm.count("shard"))
    options.shard = cvpress::parse_shard(vm["shard"].as<std::string>());
  options.output_dir = vm["output"].as<std::string>();
  options.format = vm["format"].as<std::string>();
  if (vm.count("style"))
    options.render.style = vm["style"].as<std::string>();
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      options.render.allowed_dirs.emplace_back(d);
  if (!apply_max_pages(vm, options.render))
    return code(ExitCode::usage);
  options.threads = vm["jobs"].as<unsigned>();
  options.fail_fast = vm.count("fail-fast") > 0;
  if (vm.count("manifest"))
    options.manifest = vm["manifest"].as<std::string>();
  auto style = vm.count("quiet")         ? cvpress::ProgressStyle::quiet
               : ::isatty(STDERR_FILENO) ? cvpress::ProgressStyle::bar
                                         : cvpress::ProgressStyle::lines;
  // --lang en,zh and --variant a,b|all: one run per language and variant.
  apply_tailoring_options(vm, options.load);
  std::vector<std::string> languages, variants;
  if (vm.count("lang"))
    languages = comma_list({vm["lang"].as<std::string>()});
  if (vm.count("variant"))
    variants = comma_list({vm["variant"].as<std::string>()});
  if (languages.size() > 1 || variants.size() > 1 || (variants.size() == 1 && variants[0] == "all"))
    return code(
        cvpress::batch_files_each(options, languages, variants, std::cout, std::cerr, style));
  return code(cvpress::batch_files(options, std::cout, std::cerr, style));
}

int cmd_doctor(const std::vector<std::string>& args) {
  po::options_description opts("doctor options");
  opts.add_options()("help,h", "show help")("fix", "rewrite the damaged strings in place")(
      "input", po::value<std::vector<std::string>>(), "CV files");
  po::positional_options_description pos;
  pos.add("input", -1);
  auto vm = parse(args, opts, pos);
  if (vm.count("help")) {
    std::cout << "Usage: cvpress doctor FILE... [--fix]\n"
                 "Finds UTF-8 text that was misread as Mac Roman, Windows-1252 or Latin-1\n"
                 "(e.g. \"Èôà\" for \"陈\"); --fix repairs just those strings.\n";
    return 0;
  }
  if (!vm.count("input"))
    return usage_error("doctor needs at least one FILE");
  std::vector<std::filesystem::path> files;
  for (const auto& f : vm["input"].as<std::vector<std::string>>())
    files.emplace_back(f);
  return code(cvpress::doctor_files(files, vm.count("fix") > 0, std::cout, std::cerr));
}

int cmd_styles() {
  for (const auto& s : cvpress::builtin_styles())
    std::cout << s.name << "\t" << s.description << "\n";
  return 0;
}

int cmd_formats() {
  for (const cvpress::Backend* b : cvpress::backends())
    std::cout << b->name() << "\t" << b->description() << "\n";
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty())
    return usage_error("no command given");
  const std::string command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "-h" || command == "--help" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "-V" || command == "--version") {
      std::cout << "cvpress " << cvpress::version << "\n";
      return 0;
    }
    if (command == "validate")
      return cmd_validate(rest);
    if (command == "render")
      return cmd_render(rest);
    if (command == "batch")
      return cmd_batch(rest);
    if (command == "doctor")
      return cmd_doctor(rest);
    if (command == "convert")
      return cmd_convert(rest);
    if (command == "styles")
      return cmd_styles();
    if (command == "formats")
      return cmd_formats();
    return usage_error("unknown command '" + command + "'");
  } catch (const po::error& e) {
    return usage_error(e.what());
  } catch (const cvpress::UsageError& e) {
    return usage_error(e.what());
  } catch (const std::exception& e) {
    // Every other error maps to its exit code in one place (exit_code.hpp).
    return code(cvpress::report_error(e, std::cerr));
  }
}

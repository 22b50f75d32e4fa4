// cvpress command line: parses options and calls the library's jobs.
#include <cvpress/batch.hpp>
#include <cvpress/cvpress.hpp>
#include <cvpress/doctor.hpp>
#include <cvpress/preview.hpp>
#include <cvpress/watch.hpp>

#include <boost/program_options.hpp>

#include <charconv>

#include <csignal>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace po = boost::program_options;
using cvpress::ExitCode;

namespace {

constexpr const char* kUsage = R"(Usage: cvpress COMMAND [OPTIONS] FILE...

Commands:
  new NAME [--style S] [--locale L] [-o FILE]     write a commented starter CV (NAME_CV.yaml)
  render FILE [-o OUT] [--format F] [--style S]   typeset a CV (format from OUT's extension)
         [--watch]                                 ... and again on every save of the CV, style or photo
  validate FILE... [--format json]                check CVs and print every error
  preview FILE [--port N]                         live preview in the browser (127.0.0.1 only)
  batch INPUT... -o DIR [-j N] [--shard K/N] ...  render many CVs in parallel
  doctor FILE... [--fix]                          find (and repair) mojibake such as "Èôà" for "陈"
  convert FILE [-o OUT.yaml]                      JSON Resume (or any CV) as cvpress YAML
  styles                                          list the built-in styles
  formats                                         list the output formats
  schema                                          print the JSON Schema of the input format
  help COMMAND                                    show a command's help

FILE may be - for standard input (render, validate); -o - writes to standard output.

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
  -q, --quiet      print no summary lines on stdout (every command; errors still go to stderr)
  -V, --version    show the version

Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 render failure, 5 file I/O,
6 plug-in missing (png format, preview).
)";

int code(ExitCode c) { return static_cast<int>(c); }

// Ctrl-C and SIGTERM end `render --watch` and `preview` cleanly.
const cvpress::StopSource* g_stop = nullptr;

extern "C" void request_stop(int) {
  if (g_stop)
    g_stop->request_stop();
}

// Runs `job` with SIGINT and SIGTERM stopping it.
template <class Job> ExitCode until_signal(Job&& job) {
  cvpress::StopSource stop;
  g_stop = &stop;
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  const ExitCode rc = job(stop);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  g_stop = nullptr;
  return rc;
}

int usage_error(const std::string& message) {
  std::cerr << "cvpress: " << message << "\nTry 'cvpress --help'.\n";
  return code(ExitCode::usage);
}

// Parses `opts` plus the positional "input" option, which is kept out of
// `opts` so --help does not show it. Unknown options are errors (exit 2).
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& opts,
                        const char* input_help = "input files") {
  po::options_description all;
  all.add(opts);
  all.add_options()("input", po::value<std::vector<std::string>>(), input_help);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}

// -h and -q, which every command takes.
void add_common_options(po::options_description& opts) {
  opts.add_options()("help,h", "show help")(
      "quiet,q", "print no summary lines on stdout (errors still go to stderr)");
}

// Where summary lines go: stdout, or nowhere with --quiet.
std::ostream& summary_stream(const po::variables_map& vm) {
  static std::ostream null(nullptr);
  return vm.count("quiet") ? null : std::cout;
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

// --dpi N as the png backend's "dpi=N" option, checked before any work (the
// backend checks it again for library callers: backends/png/png_backend.hpp).
std::string dpi_option(const po::variables_map& vm) {
  const unsigned dpi = vm["dpi"].as<unsigned>();
  if (dpi < 36 || dpi > 300)
    throw cvpress::UsageError("--dpi must be a whole number from 36 to 300, not '" +
                              std::to_string(dpi) + "'");
  return "dpi=" + std::to_string(dpi);
}

int cmd_convert(const std::vector<std::string>& args) {
  po::options_description opts("convert options");
  add_common_options(opts);
  opts.add_options()("output,o", po::value<std::string>(),
                     "output file (default: standard output)");
  auto vm = parse(args, opts, "CV file");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress convert FILE [-o OUT.yaml]\nWrites a JSON Resume document (or "
                 "any CV cvpress reads) as cvpress YAML.\n"
              << opts;
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
    summary_stream(vm) << vm["output"].as<std::string>() << ": written\n";
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
  add_common_options(opts);
  opts.add_options()("style,s", po::value<std::string>(), "also check this style (name or file)")(
      "format,f", po::value<std::string>()->default_value("text"),
      "text, or json: one JSON document with every diagnostic on stdout")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read the photo and bibliographies from this folder (repeatable)");
  add_tailoring_options(opts);
  auto vm = parse(args, opts, "CV files");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress validate FILE... [--format text|json] [--style STYLE] "
                 "[--allow-dir DIR]...\n"
                 "Checks each CV (and the style) and prints every error as\n"
                 "FILE:LINE:COLUMN: field.path: message. FILE - reads standard input.\n"
              << opts;
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    return usage_error("unknown validate format '" + format + "' (valid: text, json)");
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
  if (format == "json")
    return code(cvpress::validate_files_json(files, std::cout, std::cerr, load, render));
  return code(cvpress::validate_files(files, summary_stream(vm), std::cerr, load, render));
}

int cmd_render(const std::vector<std::string>& args) {
  po::options_description opts("render options");
  add_common_options(opts);
  opts.add_options()("output,o", po::value<std::string>(),
                     "output file (default: NAME_CV.pdf next to the input; - for stdout)")(
      "format,f", po::value<std::string>(), "output format (default: from -o, else pdf)")(
      "style,s", po::value<std::string>(), "style name or file")(
      "compile", "latex: also run xelatex and write the PDF next to the .tex")(
      "strict", "a character no installed font has is an error (exit 4, nothing written)")(
      "pdfa", "pdf: archival PDF/A-2a (sRGB output intent, PDF/A metadata)")(
      "dpi", po::value<unsigned>(), "png: resolution of the page images (36-300, default 150)")(
      "watch,w", "render again whenever the CV, its style file or photo is saved (Ctrl-C stops)")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read the photo from this folder (repeatable; default: only the CV's folder)");
  add_tailoring_options(opts);
  add_max_pages_option(opts);
  auto vm = parse(args, opts, "CV file");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress render FILE [-o OUT] [--format FORMAT] [--style STYLE] "
                 "[--compile] [--strict] [--pdfa] [--dpi N] [--watch] [--allow-dir DIR]...\n"
                 "FILE - reads the CV from standard input; -o - writes to standard output.\n"
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
  request.options.strict = vm.count("strict") > 0;
  request.options.pdfa = vm.count("pdfa") > 0;
  if (!apply_max_pages(vm, request.options))
    return code(ExitCode::usage);
  if (vm.count("dpi"))
    request.options.backend_options.push_back(dpi_option(vm));
  apply_tailoring_options(vm, request.load);
  request.quiet = vm.count("quiet") > 0;
  if (vm.count("watch"))
    return code(until_signal([&](const cvpress::StopSource& stop) {
      return cvpress::render_watch(request, {}, std::cout, std::cerr, stop);
    }));
  return code(cvpress::render_file(request, summary_stream(vm), std::cerr));
}

int cmd_preview(const std::vector<std::string>& args) {
  po::options_description opts("preview options");
  add_common_options(opts);
  opts.add_options()("port,p", po::value<int>()->default_value(8000),
                     "TCP port on 127.0.0.1 (0 = any free port)")(
      "style,s", po::value<std::string>(), "style name or file")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read the photo from this folder (repeatable; default: only the CV's folder)");
  add_tailoring_options(opts);
  auto vm = parse(args, opts, "CV file");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress preview FILE [--port N] [--style STYLE] [--allow-dir DIR]...\n"
                 "Serves the CV as a web page on http://127.0.0.1:PORT/ (this machine only)\n"
                 "that reloads whenever the CV, its style file or photo is saved, and shows\n"
                 "the errors while the CV is invalid. Ctrl-C stops.\n"
              << opts;
    return 0;
  }
  if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1)
    return usage_error("preview takes exactly one FILE");
  cvpress::PreviewOptions options;
  options.request.input = vm["input"].as<std::vector<std::string>>().front();
  options.port = vm["port"].as<int>();
  if (vm.count("style"))
    options.request.options.style = vm["style"].as<std::string>();
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      options.request.options.allowed_dirs.emplace_back(d);
  apply_tailoring_options(vm, options.request.load);
  options.request.quiet = vm.count("quiet") > 0;
  return code(until_signal([&](const cvpress::StopSource& stop) {
    return cvpress::preview(options, std::cout, std::cerr, stop);
  }));
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
      "strict", "a character no installed font has fails that input (no output for it)")(
      "pdfa", "pdf: archival PDF/A-2a (sRGB output intent, PDF/A metadata)")(
      "dpi", po::value<unsigned>(), "png: resolution of the page images (36-300, default 150)")(
      "allow-dir", po::value<std::vector<std::string>>(),
      "also read photos from this folder (repeatable; default: only each CV's folder)");
  add_tailoring_options(opts);
  add_max_pages_option(opts);
  auto vm = parse(args, opts, "CV files, folders, or - for stdin");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress batch INPUT... -o OUTDIR [--format pdf|latex] [--style S] [-j N]\n"
                 "                     [--shard K/N] [--manifest FILE.jsonl] "
                 "[--keep-going|--fail-fast] [--quiet] [--strict] [--pdfa]\n"
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
  if (vm.count("dpi"))
    options.render.backend_options.push_back(dpi_option(vm));
  if (vm.count("allow-dir"))
    for (const auto& d : vm["allow-dir"].as<std::vector<std::string>>())
      options.render.allowed_dirs.emplace_back(d);
  if (!apply_max_pages(vm, options.render))
    return code(ExitCode::usage);
  options.threads = vm["jobs"].as<unsigned>();
  options.fail_fast = vm.count("fail-fast") > 0;
  options.render.strict = vm.count("strict") > 0;
  options.render.pdfa = vm.count("pdfa") > 0;
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
  add_common_options(opts);
  opts.add_options()("fix", "rewrite the damaged strings in place");
  auto vm = parse(args, opts, "CV files");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress doctor FILE... [--fix]\n"
                 "Finds UTF-8 text that was misread as Mac Roman, Windows-1252 or Latin-1\n"
                 "(e.g. \"Èôà\" for \"陈\"); --fix repairs just those strings.\n"
              << opts;
    return 0;
  }
  if (!vm.count("input"))
    return usage_error("doctor needs at least one FILE");
  std::vector<std::filesystem::path> files;
  for (const auto& f : vm["input"].as<std::vector<std::string>>())
    files.emplace_back(f);
  return code(cvpress::doctor_files(files, vm.count("fix") > 0, summary_stream(vm), std::cerr));
}

// A command that takes no FILE: only -h and -q.
po::variables_map parse_no_files(const std::vector<std::string>& args,
                                 const po::options_description& opts, const std::string& command) {
  auto vm = parse(args, opts);
  if (vm.count("input"))
    throw cvpress::UsageError(command + " takes no FILE (unexpected '" +
                              vm["input"].as<std::vector<std::string>>().front() + "')");
  return vm;
}

// styles and formats print their listing even with --quiet: it is the output, not a summary.
int cmd_styles(const std::vector<std::string>& args) {
  po::options_description opts("styles options");
  add_common_options(opts);
  auto vm = parse_no_files(args, opts, "styles");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress styles\nLists the built-in styles (for --style and "
                 "design.theme), one per line: NAME<TAB>DESCRIPTION.\n"
              << opts;
    return 0;
  }
  for (const auto& s : cvpress::builtin_styles())
    std::cout << s.name << "\t" << s.description << "\n";
  return 0;
}

int cmd_formats(const std::vector<std::string>& args) {
  po::options_description opts("formats options");
  add_common_options(opts);
  auto vm = parse_no_files(args, opts, "formats");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress formats\nLists the output formats (for --format), one per "
                 "line: NAME<TAB>DESCRIPTION.\n"
              << opts;
    return 0;
  }
  for (const cvpress::Backend* b : cvpress::backends())
    std::cout << b->name() << "\t" << b->description() << "\n";
  return 0;
}

int cmd_schema(const std::vector<std::string>& args) {
  po::options_description opts("schema options");
  add_common_options(opts);
  auto vm = parse_no_files(args, opts, "schema");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress schema\nPrints the JSON Schema (draft 2020-12) of the CV format "
                 "(RenderCV's keys and\ncvpress's), for editors: "
                 "# yaml-language-server: $schema=FILE\n"
              << opts;
    return 0;
  }
  std::cout << cvpress::json_schema();
  return 0;
}

int cmd_new(const std::vector<std::string>& args) {
  po::options_description opts("new options");
  add_common_options(opts);
  opts.add_options()("style,s", po::value<std::string>(),
                     "built-in style, written as design.theme (see 'cvpress styles')")(
      "locale,l", po::value<std::string>(), "locale.language, e.g. de or german")(
      "output,o", po::value<std::string>(), "file to write (default: NAME_CV.yaml; - for stdout)");
  auto vm = parse(args, opts, "the CV owner's name");
  if (vm.count("help")) {
    std::cout << "Usage: cvpress new NAME [--style STYLE] [--locale LANG] [-o FILE]\n"
                 "Writes a commented starter CV for NAME to NAME_CV.yaml (\"Jane Doe\" ->\n"
                 "Jane_Doe_CV.yaml); never replaces an existing file.\n"
              << opts;
    return 0;
  }
  if (!vm.count("input"))
    return usage_error("new needs a NAME, e.g. cvpress new \"Jane Doe\"");
  const auto& names = vm["input"].as<std::vector<std::string>>();
  if (names.size() != 1)
    return usage_error("new takes one NAME (quote a name with spaces: \"Jane Doe\")");
  cvpress::StarterOptions options;
  if (vm.count("style"))
    options.style = vm["style"].as<std::string>();
  if (vm.count("locale"))
    options.locale = vm["locale"].as<std::string>();
  const std::string output = vm.count("output") ? vm["output"].as<std::string>() : "";
  return code(cvpress::new_cv(names.front(), options, output, summary_stream(vm), std::cerr,
                              vm.count("quiet") > 0));
}

// Runs COMMAND with ARGS; returns -1 for an unknown command.
int run_command(const std::string& command, const std::vector<std::string>& rest) {
  if (command == "new")
    return cmd_new(rest);
  if (command == "validate")
    return cmd_validate(rest);
  if (command == "render")
    return cmd_render(rest);
  if (command == "batch")
    return cmd_batch(rest);
  if (command == "preview")
    return cmd_preview(rest);
  if (command == "doctor")
    return cmd_doctor(rest);
  if (command == "convert")
    return cmd_convert(rest);
  if (command == "styles")
    return cmd_styles(rest);
  if (command == "formats")
    return cmd_formats(rest);
  if (command == "schema")
    return cmd_schema(rest);
  return -1;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty())
    return usage_error("no command given");
  const std::string command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "help" && rest.size() == 1 && rest.front() != "help") {
      const int rc = run_command(rest.front(), {"--help"});
      return rc >= 0 ? rc : usage_error("unknown command '" + rest.front() + "'");
    }
    if (command == "help" && rest.size() > 1)
      return usage_error("help takes one COMMAND");
    if (command == "-h" || command == "--help" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "-V" || command == "--version") {
      std::cout << "cvpress " << cvpress::version << "\n";
      return 0;
    }
    if (const int rc = run_command(command, rest); rc >= 0)
      return rc;
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

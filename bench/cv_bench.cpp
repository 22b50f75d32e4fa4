// cvpress_bench: median wall time per CV for load + layout + paint, single
// thread, in process, and the output size.
//
//   cvpress_bench [-n RUNS] [--format pdf] [--breakdown] [--scaling] [FILE.yaml ...]
//
// Without files it measures every examples/*.yaml of the source tree.
// --breakdown also times the pdf stages alone (load, layout, paint);
// --scaling times layout of generated CVs of 500 to 5,000 entries.
#include "backends/pdf/painter.hpp"
#include "layout/layout.hpp"
#include "style/style_loader.hpp"

#include <cvpress/backend.hpp>
#include <cvpress/load.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Row {
  std::string name;
  double median_ms = 0, min_ms = 0, p90_ms = 0, first_ms = 0, cpu_median_ms = 0;
  std::size_t bytes = 0;
  int pages = 0;
};

// CPU time of this thread, in ms: unaffected by other processes on a busy machine.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

Row measure(const fs::path& file, const cvpress::Backend& backend, int runs) {
  Row row;
  row.name = file.filename().string();
  cvpress::RenderOptions options;
  options.base_dir = file.parent_path();
  auto once = [&] {
    cvpress::LoadResult loaded = cvpress::load_cv_file(file);
    cvpress::RenderResult result = backend.render(loaded.cv, options);
    row.bytes = result.bytes.size();
    row.pages = result.pages;
  };
  auto t0 = std::chrono::steady_clock::now();
  once(); // the first run also loads fonts into the process-wide cache
  row.first_ms = ms_since(t0);
  std::vector<double> times, cpu;
  times.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) {
    const double c0 = thread_cpu_ms();
    t0 = std::chrono::steady_clock::now();
    once();
    times.push_back(ms_since(t0));
    cpu.push_back(thread_cpu_ms() - c0);
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  const std::size_t n = times.size();
  row.cpu_median_ms = n % 2 ? cpu[n / 2] : (cpu[n / 2 - 1] + cpu[n / 2]) / 2;
  row.median_ms = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  row.min_ms = times.front();
  row.p90_ms = times[std::min(n - 1, n * 9 / 10)];
  return row;
}

struct Stats {
  double median = 0, min = 0;
};

template <typename F> Stats time_runs(int runs, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    times.push_back(ms_since(t0));
  }
  std::sort(times.begin(), times.end());
  const std::size_t n = times.size();
  return {n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2, times.front()};
}

// Median / minimum per stage of the pdf backend.
void breakdown(const std::vector<fs::path>& files, int runs) {
  using namespace cvpress::detail;
  std::cout << "\n| CV | load (ms) | layout (ms) | paint (ms) | paint, uncompressed (ms) |\n"
            << "| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& file : files) {
    try {
      cvpress::Cv cv = cvpress::load_cv_file(file).cv;
      const Style style = resolve_style({}, cv.design);
      LaidOutDocument doc = layout_cv(cv, style, file.parent_path());
      (void)paint_pdf(doc);
      PaintOptions plain;
      plain.compress = false;
      Stats load = time_runs(runs, [&] { (void)cvpress::load_cv_file(file); });
      Stats lay = time_runs(runs, [&] { doc = layout_cv(cv, style, file.parent_path()); });
      Stats paint = time_runs(runs, [&] { (void)paint_pdf(doc); });
      Stats raw = time_runs(runs, [&] { (void)paint_pdf(doc, plain); });
      char line[512];
      std::snprintf(line, sizeof line,
                    "| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |\n",
                    file.filename().string().c_str(), load.median, load.min, lay.median, lay.min,
                    paint.median, paint.min, raw.median, raw.min);
      std::cout << line << std::flush;
    } catch (const std::exception& e) {
      std::cerr << file.string() << ": " << e.what() << '\n';
    }
  }
  std::cout << "\nEach cell: median / minimum of " << runs << " runs.\n";
}

// --scaling: layout time (load excluded) of generated CVs of 500 to 5,000
// entries, to show the page breaker stays linear (its search is bounded).
void scaling(int runs) {
  std::cout << "\n| entries | pages | layout median (ms) | per entry (µs) |\n"
            << "| ---: | ---: | ---: | ---: |\n";
  for (int n : {500, 1000, 2500, 5000}) {
    std::string yaml = "cv:\n  name: Jane Doe\n  sections:\n    experience:\n";
    for (int i = 0; i < n; ++i)
      yaml += "      - {company: Company " + std::to_string(i) +
              ", position: Engineer, start_date: 2010-01, end_date: 2012-06, highlights: "
              "[Built a scheduler for deep learning clusters, Cut the cost of training by a "
              "third]}\n";
    const cvpress::Cv cv = cvpress::load_cv_string(yaml, "generated.yaml").cv;
    const cvpress::detail::Style style = cvpress::detail::default_style();
    std::vector<double> times;
    std::size_t pages = 0;
    for (int r = 0; r < std::max(3, runs / 10); ++r) {
      auto t0 = std::chrono::steady_clock::now();
      pages = cvpress::detail::layout_document(cv, style, {}).pages.size();
      times.push_back(ms_since(t0));
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    char line[160];
    std::snprintf(line, sizeof line, "| %d | %zu | %.1f | %.1f |\n", n, pages, median,
                  median * 1000 / n);
    std::cout << line << std::flush;
  }
}

} // namespace

int main(int argc, char** argv) {
  int runs = 50;
  std::string format = "pdf";
  bool stages = false, scale = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "-n" || arg == "--runs") && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else if (arg == "--breakdown") {
      stages = true;
    } else if (arg == "--scaling") {
      scale = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: cvpress_bench [-n RUNS] [--format pdf] [--breakdown] [--scaling] "
                   "[FILE.yaml ...]\n";
      return 0;
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    for (const auto& entry : fs::directory_iterator(fs::path(CVPRESS_SOURCE_DIR) / "examples"))
      if (entry.path().extension() == ".yaml")
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  }
  const cvpress::Backend* backend = cvpress::find_backend(format);
  if (!backend) {
    std::cerr << "cvpress_bench: unknown format '" << format << "'\n";
    return 2;
  }
  std::cout << "| CV | pages | size (bytes) | first run (ms) | median (ms) | min (ms) | p90 (ms) | "
               "median CPU (ms) |\n"
            << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  int status = 0;
  for (const auto& file : files) {
    try {
      Row r = measure(file, *backend, runs);
      char line[512];
      std::snprintf(line, sizeof line, "| %s | %d | %zu | %.1f | %.2f | %.2f | %.2f | %.2f |\n",
                    r.name.c_str(), r.pages, r.bytes, r.first_ms, r.median_ms, r.min_ms, r.p90_ms,
                    r.cpu_median_ms);
      std::cout << line << std::flush;
    } catch (const std::exception& e) {
      std::cerr << file.string() << ": " << e.what() << '\n';
      status = 1;
    }
  }
  std::cout << "\n" << runs << " runs per CV after one warm-up run; single thread, in process.\n";
  if (stages)
    breakdown(files, runs);
  if (scale)
    scaling(runs);
  return status;
}

#include <cvpress/batch.hpp>
#include <cvpress/files.hpp>

#include "backends/registry_list.hpp"
#include "base/file_access.hpp"
#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <istream>
#include <map>
#include <mutex>
#include <sstream>
#include <string_view>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

std::string_view batch_status_name(BatchStatus status) {
  switch (status) {
  case BatchStatus::ok:
    return "ok";
  case BatchStatus::input_error:
    return "input_error";
  case BatchStatus::render_error:
    return "render_error";
  case BatchStatus::io_error:
    return "io_error";
  case BatchStatus::collision:
    return "collision";
  case BatchStatus::skipped:
    return "skipped";
  }
  return "unknown";
}

Shard parse_shard(std::string_view text) {
  auto slash = text.find('/');
  Shard s;
  auto bad = [&] {
    return UsageError("--shard expects K/N with 0 <= K < N, got '" + std::string(text) + "'");
  };
  if (slash == std::string_view::npos)
    throw bad();
  auto parse = [&](std::string_view part, unsigned& out) {
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    if (ec != std::errc() || ptr != part.data() + part.size() || part.empty())
      throw bad();
  };
  parse(text.substr(0, slash), s.index);
  parse(text.substr(slash + 1), s.count);
  if (s.count == 0 || s.index >= s.count)
    throw bad();
  return s;
}

ExitCode BatchSummary::exit_code() const {
  ExitCode worst = ExitCode::ok;
  auto rank = [](ExitCode c) {
    switch (c) {
    case ExitCode::io:
      return 3;
    case ExitCode::render:
      return 2;
    case ExitCode::input:
      return 1;
    default:
      return 0;
    }
  };
  for (const auto& item : items) {
    ExitCode c = ExitCode::ok;
    switch (item.status) {
    case BatchStatus::ok:
    case BatchStatus::skipped:
      break;
    case BatchStatus::input_error:
      c = ExitCode::input;
      break;
    case BatchStatus::render_error:
      c = ExitCode::render;
      break;
    case BatchStatus::io_error:
    case BatchStatus::collision:
      c = ExitCode::io;
      break;
    }
    if (rank(c) > rank(worst))
      worst = c;
  }
  // Inputs skipped by --fail-fast follow a failure, so `worst` is already set.
  return worst;
}

namespace {

bool is_cv_file(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".yaml" || ext == ".yml")
    return true;
  if (ext != ".json")
    return false;
  // A .json file is a CV when it is JSON Resume (not, say, a CSL-JSON
  // bibliography next to the CVs): it has a "basics" key near the start.
  // Only a regular file is looked into (O_NONBLOCK: a FIFO must not hang).
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat st {};
  std::string head(4096, '\0');
  ssize_t n = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
    n = ::read(fd, head.data(), head.size());
  ::close(fd);
  head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return head.find("\"basics\"") != std::string::npos;
}

} // namespace

std::vector<fs::path> expand_batch_inputs(const std::vector<std::string>& args, std::istream& in) {
  std::vector<fs::path> out;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st))
      throw IoError(p.string() + ": no such file or directory");
    if (fs::is_directory(st)) {
      // A symlink in the folder may not lead out of it (as for photos).
      const fs::path dir = fs::canonical(p, ec);
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (!e.is_regular_file() || !is_cv_file(e.path()))
          continue;
        std::error_code ec2;
        if (e.is_symlink() && !detail::path_is_within(fs::canonical(e.path(), ec2), dir))
          throw IoError(e.path().string() + ": symlink leads out of the folder " + p.string());
        out.push_back(e.path());
      }
      if (ec)
        throw IoError(p.string() + ": cannot list directory: " + ec.message());
    } else {
      out.push_back(p);
    }
  };
  for (const auto& a : args) {
    if (a == "-") {
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
          line.pop_back();
        if (!line.empty())
          add(line);
      }
    } else {
      add(a);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// One JSON Lines record (nlohmann-json; keys in this order). Invalid UTF-8
// (e.g. in a file name) is written as U+FFFD.
std::string manifest_line(const BatchItem& item) {
  auto string_or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
  };
  nlohmann::ordered_json line;
  line["input"] = item.input.string();
  line["output"] = item.status == BatchStatus::ok ? nlohmann::ordered_json(item.output.string())
                                                  : nlohmann::ordered_json(nullptr);
  line["status"] = batch_status_name(item.status);
  line["name"] = string_or_null(item.name);
  line["name_ascii"] = string_or_null(item.name_ascii);
  line["error"] = string_or_null(item.error);
  line["warnings"] = item.warnings.size();
  line["pages"] = item.pages;
  line["bytes"] = item.bytes;
  // Rounded to 0.01 ms.
  line["milliseconds"] =
      static_cast<double>(static_cast<long long>(item.milliseconds * 100 + 0.5)) / 100;
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void render_one(const Backend& backend, const BatchOptions& options, BatchItem& item) {
  auto start = std::chrono::steady_clock::now();
  try {
    LoadResult loaded = load_cv_file(item.input, options.load);
    item.warnings = std::move(loaded.warnings);
    const std::string tag = detail::resolve_language(loaded.cv.locale.language);
    item.name = detail::display_name(loaded.cv.header.name, tag);
    item.name_ascii = detail::ascii_name(loaded.cv.header.name, tag);
    RenderOptions ro = options.render;
    if (ro.base_dir.empty())
      ro.base_dir = item.input.parent_path();
    RenderResult result = backend.render(loaded.cv, ro);
    item.warnings.insert(item.warnings.end(), result.warnings.begin(), result.warnings.end());
    write_file_atomically(item.output, result.bytes);
    item.pages = result.pages;
    item.bytes = result.bytes.size();
    for (const ExtraOutput& extra : result.extra) { // png: pages 2..N
      write_file_atomically(extra_output_path(item.output, extra), extra.bytes);
      item.bytes += extra.bytes.size();
    }
    std::ostringstream finish_out, finish_err;
    if (backend.finish(item.output, item.input.string(), ro, finish_out, finish_err)) {
      item.status = BatchStatus::ok;
    } else {
      item.status = BatchStatus::render_error;
      item.error = finish_err.str();
      while (!item.error.empty() && item.error.back() == '\n')
        item.error.pop_back();
    }
  } catch (const std::exception& e) {
    // Whatever a backend throws stays with its input.
    switch (exit_code_of(e)) {
    case ExitCode::input:
      item.status = BatchStatus::input_error;
      item.error = e.what(); // every diagnostic, one per line
      break;
    case ExitCode::io:
      item.status = BatchStatus::io_error;
      item.error = escape_controls(e.what());
      break;
    default: // a render error, or anything unexpected from a backend
      item.status = BatchStatus::render_error;
      item.error = std::string_view(e.what()).rfind(item.input.string() + ":", 0) == 0
                       ? escape_controls(e.what()) // located (e.g. --strict)
                       : escape_controls(item.input.string() + ": " + e.what());
    }
  }
  item.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

BatchSummary run_batch(const BatchOptions& options, const BatchProgressCallback& progress) {
  const Backend* backend = options.backend ? options.backend : find_backend(options.format);
  if (!backend)
    throw UsageError("unknown format '" + options.format + "' (valid formats: " + backend_names() +
                     ")");
  check_backend_options(*backend, options.render);
  detail::require_plugins(*backend);
  if (options.shard.count == 0 || options.shard.index >= options.shard.count)
    throw UsageError("invalid shard");
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec || !fs::is_directory(options.output_dir))
    throw IoError(options.output_dir.string() + ": cannot create output folder" +
                  (ec ? ": " + ec.message() : std::string()));

  std::vector<fs::path> sorted = options.inputs;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const std::string ext =
      backend->extensions().empty() ? std::string(backend->name()) : backend->extensions().front();

  // Collisions are decided on the whole sorted list, so every shard agrees.
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < sorted.size(); ++i)
    by_name[sorted[i].stem().string() + options.output_suffix + "." + ext].push_back(i);

  // A format that writes page files (png: NAME-2.EXT, NAME-3.EXT, ...) also
  // collides where one input's output is another's page: cv-2.yaml and cv.yaml.
  std::map<std::size_t, std::vector<std::size_t>> page_clashes;
  if (backend->writes_page_files())
    for (const auto& [name, indices] : by_name) {
      const std::string stem = name.substr(0, name.size() - ext.size() - 1);
      const auto dash = stem.rfind('-');
      const std::string number = dash == std::string::npos ? "" : stem.substr(dash + 1);
      if (number.empty() || number.size() > 6 || number[0] == '0' || number == "1" ||
          number.find_first_not_of("0123456789") != std::string::npos)
        continue;
      const auto base = by_name.find(stem.substr(0, dash) + "." + ext);
      if (base == by_name.end())
        continue;
      for (std::size_t i : indices)
        for (std::size_t j : base->second) {
          page_clashes[i].push_back(j);
          page_clashes[j].push_back(i);
        }
    }

  BatchSummary summary;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i % options.shard.count != options.shard.index)
      continue;
    BatchItem item;
    item.input = sorted[i];
    std::string name = sorted[i].stem().string() + options.output_suffix + "." + ext;
    item.output = options.output_dir / name;
    std::vector<std::size_t> same = by_name[name];
    if (const auto clash = page_clashes.find(i); clash != page_clashes.end())
      same.insert(same.end(), clash->second.begin(), clash->second.end());
    if (same.size() > 1 || page_clashes.count(i)) {
      item.status = BatchStatus::collision;
      std::string others;
      for (std::size_t j : same)
        if (j != i)
          others += (others.empty() ? "" : ", ") + sorted[j].string();
      item.error = sorted[i].string() + ": output name " + name + " collides with " + others +
                   (page_clashes.count(i) ? " (page files NAME-2." + ext + ", ...)" : "") +
                   "; not written";
    }
    summary.items.push_back(std::move(item));
  }

  int manifest = -1;
  if (!options.manifest.empty()) {
    // The manifest must not replace an input or one of the outputs.
    std::error_code eq;
    for (const auto& item : summary.items)
      if (fs::equivalent(options.manifest, item.input, eq) ||
          fs::weakly_canonical(options.manifest, eq) == fs::weakly_canonical(item.output, eq))
        throw UsageError("--manifest " + options.manifest.string() + " is also " +
                         (fs::equivalent(options.manifest, item.input, eq)
                              ? "the input " + item.input.string()
                              : "the output of " + item.input.string()));
    manifest = ::open(options.manifest.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (manifest < 0)
      throw IoError(options.manifest.string() + ": cannot write manifest: " + std::strerror(errno));
  }
  auto manifest_failed = [&](int e) {
    if (summary.manifest_error.empty())
      summary.manifest_error =
          options.manifest.string() + ": cannot write manifest: " + std::strerror(e);
  };

  const auto start = std::chrono::steady_clock::now();
  std::mutex report_mutex;
  std::size_t done = 0, failed = 0;
  std::atomic<bool> stop{false};
  auto report = [&](const BatchItem& item) {
    std::lock_guard lock(report_mutex);
    ++done;
    if (item.status != BatchStatus::ok)
      ++failed;
    if (manifest >= 0 && summary.manifest_error.empty()) {
      const std::string line = manifest_line(item);
      std::size_t written = 0;
      while (written < line.size()) {
        ssize_t n = ::write(manifest, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0) {
          manifest_failed(n < 0 ? errno : EIO);
          break;
        }
        written += static_cast<std::size_t>(n);
      }
    }
    if (progress) {
      BatchProgress p;
      p.done = done;
      p.total = summary.items.size();
      p.failed = failed;
      p.elapsed_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      p.last = &item;
      progress(p);
    }
  };

  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= summary.items.size())
        return;
      BatchItem& item = summary.items[i];
      if (item.status == BatchStatus::collision) {
        if (options.fail_fast)
          stop = true;
        report(item);
        continue;
      }
      if (stop.load()) {
        item.status = BatchStatus::skipped;
        item.error = item.input.string() + ": skipped after an earlier failure (--fail-fast)";
        report(item);
        continue;
      }
      render_one(*backend, options, item);
      if (item.status != BatchStatus::ok && options.fail_fast)
        stop = true;
      report(item);
    }
  };

  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(
                                                         1, summary.items.size()))));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(worker);
  }

  if (manifest >= 0) {
    struct stat st {};
    if (::fstat(manifest, &st) == 0 && S_ISREG(st.st_mode) && ::fsync(manifest) != 0)
      manifest_failed(errno);
    if (::close(manifest) != 0)
      manifest_failed(errno);
  }
  for (const auto& item : summary.items)
    (item.status == BatchStatus::ok ? summary.succeeded : summary.failed)++;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

} // namespace cvpress

namespace cvpress {

namespace {
std::string fixed1(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  (void)ec;
  return std::string(buf, end);
}
} // namespace

BatchProgressCallback console_progress(std::ostream& err, ProgressStyle style) {
  return console_progress(err, style, [] {
    winsize ws{};
    return ::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? int{ws.ws_col} : 80;
  });
}

BatchProgressCallback console_progress(std::ostream& err, ProgressStyle style,
                                       std::function<int()> columns) {
  // Calls are serialised by run_batch, so the mutable state needs no lock.
  return [&err, style, columns = std::move(columns), last_draw = -1.0,
          drawn = std::size_t{0}](const BatchProgress& p) mutable {
    const BatchItem& item = *p.last;
    const bool ok = item.status == BatchStatus::ok;
    if (style == ProgressStyle::bar) {
      const auto width = static_cast<std::size_t>(std::max(columns ? columns() : 80, 2));
      // A bar drawn wider than the terminal is now has wrapped: clear its rows.
      std::string clear = "\r\033[K";
      if (drawn > width)
        clear = "\r\033[" + std::to_string((drawn - 1) / width) + "A\033[J";
      if (!ok) {
        err << clear << item.error << '\n';
        drawn = 0;
        clear = "\r\033[K";
      }
      // Redraw at most ten times a second, but always on failures and at the end.
      if (ok && p.done != p.total && p.elapsed_seconds - last_draw < 0.1)
        return;
      last_draw = p.elapsed_seconds;
      double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.done) / p.elapsed_seconds : 0;
      double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
      std::string tail = " " + std::to_string(p.done) + '/' + std::to_string(p.total) + "  " +
                         fixed1(rate) + "/s  ETA " + fixed1(eta) + "s";
      if (p.failed)
        tail += "  " + std::to_string(p.failed) + " failed";
      // The bar takes what the numbers leave, up to 30 cells; the line stops
      // short of the last column so the terminal never wraps it.
      const std::size_t room = width - 1;
      std::string line;
      if (tail.size() + 12 <= room) {
        const std::size_t cells = std::min<std::size_t>(30, room - tail.size() - 2);
        const std::size_t filled = p.total ? cells * p.done / p.total : cells;
        line = "[" + std::string(filled, '=') + std::string(cells - filled, ' ') + "]" + tail;
      } else {
        line = tail.substr(1, room);
      }
      err << clear << line;
      drawn = line.size();
      if (p.done == p.total) {
        err << '\n';
        drawn = 0;
      }
      err.flush();
      return;
    }
    if (!ok) {
      err << item.error << '\n';
    } else if (style == ProgressStyle::lines) {
      err << "[" << p.done << "/" << p.total << "] " << item.input.string() << " -> "
          << item.output.string() << " (" << item.bytes << " bytes, " << fixed1(item.milliseconds)
          << " ms)\n";
    }
  };
}

ExitCode batch_files(const BatchOptions& options, std::ostream& out, std::ostream& err,
                     ProgressStyle style) {
  try {
    BatchSummary summary = run_batch(options, console_progress(err, style));
    out << "rendered " << summary.succeeded << " of " << summary.items.size();
    if (summary.failed)
      out << "; " << summary.failed << " failed";
    out << " in " << fixed1(summary.seconds) << " s\n";
    if (!summary.manifest_error.empty()) {
      err << "cvpress: " << summary.manifest_error << '\n';
      return ExitCode::io;
    }
    return summary.exit_code();
  } catch (const Error& e) {
    return report_error(e, err);
  }
}

} // namespace cvpress

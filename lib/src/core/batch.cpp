#include <cvpress/batch.hpp>

#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <fstream>
#include <istream>
#include <map>
#include <mutex>
#include <thread>

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
  std::ifstream in(p, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
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
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_regular_file() && is_cv_file(e.path()))
          out.push_back(e.path());
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

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        static const char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
}

template <class T> void json_number(std::string& out, T value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  out.append(buf, end);
}

std::string manifest_line(const BatchItem& item) {
  std::string line = "{\"input\":";
  json_string(line, item.input.string());
  line += ",\"output\":";
  if (item.status == BatchStatus::ok)
    json_string(line, item.output.string());
  else
    line += "null";
  line += ",\"status\":";
  json_string(line, batch_status_name(item.status));
  for (const auto& [key, value] :
       {std::pair{",\"name\":", &item.name}, std::pair{",\"name_ascii\":", &item.name_ascii}}) {
    line += key;
    if (value->empty())
      line += "null";
    else
      json_string(line, *value);
  }
  line += ",\"error\":";
  if (item.error.empty())
    line += "null";
  else
    json_string(line, item.error);
  line += ",\"warnings\":";
  json_number(line, item.warnings.size());
  line += ",\"pages\":";
  json_number(line, item.pages);
  line += ",\"bytes\":";
  json_number(line, item.bytes);
  line += ",\"milliseconds\":";
  // Rounded to 0.01 ms; std::to_chars keeps it locale-independent.
  json_number(line,
              static_cast<double>(static_cast<long long>(item.milliseconds * 100 + 0.5)) / 100);
  line += "}\n";
  return line;
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
    item.status = BatchStatus::ok;
  } catch (const InputError& e) {
    item.status = BatchStatus::input_error;
    item.error = e.what(); // every diagnostic, one per line
  } catch (const IoError& e) {
    item.status = BatchStatus::io_error;
    item.error = e.what();
  } catch (const std::exception& e) {
    // RenderError, or anything unexpected from a backend: isolate it.
    item.status = BatchStatus::render_error;
    item.error = item.input.string() + ": " + e.what();
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

  BatchSummary summary;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i % options.shard.count != options.shard.index)
      continue;
    BatchItem item;
    item.input = sorted[i];
    std::string name = sorted[i].stem().string() + options.output_suffix + "." + ext;
    item.output = options.output_dir / name;
    const auto& same = by_name[name];
    if (same.size() > 1) {
      item.status = BatchStatus::collision;
      std::string others;
      for (std::size_t j : same)
        if (j != i)
          others += (others.empty() ? "" : ", ") + sorted[j].string();
      item.error = sorted[i].string() + ": output name " + name + " collides with " + others +
                   "; not written";
    }
    summary.items.push_back(std::move(item));
  }

  std::ofstream manifest;
  if (!options.manifest.empty()) {
    manifest.open(options.manifest, std::ios::binary | std::ios::trunc);
    if (!manifest)
      throw IoError(options.manifest.string() + ": cannot write manifest");
  }

  const auto start = std::chrono::steady_clock::now();
  std::mutex report_mutex;
  std::size_t done = 0, failed = 0;
  std::atomic<bool> stop{false};
  auto report = [&](const BatchItem& item) {
    std::lock_guard lock(report_mutex);
    ++done;
    if (item.status != BatchStatus::ok)
      ++failed;
    if (manifest.is_open()) {
      manifest << manifest_line(item);
      manifest.flush();
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
  // Calls are serialised by run_batch, so the mutable state needs no lock.
  return [&err, style, last_draw = -1.0](const BatchProgress& p) mutable {
    const BatchItem& item = *p.last;
    const bool ok = item.status == BatchStatus::ok;
    if (style == ProgressStyle::bar) {
      if (!ok)
        err << "\r\033[K" << item.error << '\n';
      // Redraw at most ten times a second, but always on failures and at the end.
      if (ok && p.done != p.total && p.elapsed_seconds - last_draw < 0.1)
        return;
      last_draw = p.elapsed_seconds;
      const int width = 30;
      int filled = p.total ? static_cast<int>(width * p.done / p.total) : width;
      double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.done) / p.elapsed_seconds : 0;
      double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
      err << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '=')
          << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << p.done << '/'
          << p.total << "  " << fixed1(rate) << "/s  ETA " << fixed1(eta) << "s";
      if (p.failed)
        err << "  " << p.failed << " failed";
      if (p.done == p.total)
        err << '\n';
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
    return summary.exit_code();
  } catch (const UsageError& e) {
    err << "cvpress: " << e.what() << '\n';
    return ExitCode::usage;
  } catch (const IoError& e) {
    err << "cvpress: " << e.what() << '\n';
    return ExitCode::io;
  }
}

} // namespace cvpress

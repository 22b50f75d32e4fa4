#pragma once
/// @file batch.hpp
/// Rendering many CVs in one run: parallel, failure-isolated, atomic output,
/// sharding and a JSON-lines manifest. The CLI's `cvpress batch` is a thin
/// wrapper over run_batch().

#include <cvpress/backend.hpp>
#include <cvpress/export.hpp>
#include <cvpress/job.hpp>
#include <cvpress/load.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cvpress {

/// Outcome of one input of a batch.
enum class BatchStatus {
  ok,           ///< rendered and written
  input_error,  ///< the CV is invalid
  render_error, ///< valid CV, but the backend failed
  io_error,     ///< the input could not be read or the output not written
  collision,    ///< another input maps to the same output name
  skipped,      ///< not started because of --fail-fast
};

/// Lower-case name of a status, e.g. "input_error" (used in the manifest).
[[nodiscard]] CVPRESS_API std::string_view batch_status_name(BatchStatus status);

/// Splitting a batch over machines: render the inputs whose 0-based position
/// in the sorted input list is `index` modulo `count`.
struct Shard {
  unsigned index = 0; ///< K, 0 <= K < N
  unsigned count = 1; ///< N >= 1
};

/// Parses "K/N" (0 <= K < N). Throws UsageError.
[[nodiscard]] CVPRESS_API Shard parse_shard(std::string_view text);

/// What to render and how.
struct BatchOptions {
  std::vector<std::filesystem::path> inputs; ///< CV files (see expand_batch_inputs)
  std::filesystem::path output_dir;          ///< created when missing
  std::string format = "pdf";                ///< backend name
  const Backend* backend = nullptr;          ///< overrides `format` when set (embedding, tests)
  RenderOptions render;                      ///< style and file-access options
  LoadOptions load;                          ///< loader limits
  unsigned threads = 0;                      ///< worker threads; 0 = one per core
  Shard shard;                               ///< which part of the inputs to render
  bool fail_fast = false;                    ///< stop starting new inputs after a failure
  std::filesystem::path manifest;            ///< JSON-lines manifest; empty for none
  std::string output_suffix; ///< added to each output's stem, e.g. "-zh" ("cv-zh.pdf")
};

/// The result for one input.
struct BatchItem {
  std::filesystem::path input;               ///< as given
  std::filesystem::path output;              ///< destination (also for failures)
  BatchStatus status = BatchStatus::skipped; ///< outcome
  std::string error;                         ///< one-line (or multi-line) error text; empty when ok
  std::vector<Diagnostic> warnings;          ///< loader and backend warnings
  std::string name;        ///< the owner's name as the CV shows it ("陈巧玲"); "" if not loaded
  std::string name_ascii;  ///< its ASCII form for sorting and file names ("Chen Qiaoling")
  int pages = 0;           ///< pages written
  std::size_t bytes = 0;   ///< bytes written
  double milliseconds = 0; ///< wall time for this input
};

/// Progress after each finished input (called from worker threads, one call
/// at a time).
struct BatchProgress {
  std::size_t done = 0;            ///< finished inputs
  std::size_t total = 0;           ///< inputs in this shard
  std::size_t failed = 0;          ///< finished with an error
  double elapsed_seconds = 0;      ///< since the start
  const BatchItem* last = nullptr; ///< the input that just finished
};

/// Called after each input finishes.
using BatchProgressCallback = std::function<void(const BatchProgress&)>;

/// The whole run.
struct CVPRESS_API BatchSummary {
  std::vector<BatchItem> items; ///< one per input of the shard, in sorted input order
  std::size_t succeeded = 0;    ///< items with status ok
  std::size_t failed = 0;       ///< items with any other status
  /// Why the manifest could not be written completely ("" when it was, or
  /// when none was asked for); batch_files() then exits with ExitCode::io.
  std::string manifest_error;
  double seconds = 0; ///< wall time
  /// 0 when every input succeeded; otherwise the most severe failure's code
  /// (io 5 > render 4 > input 3; collisions count as io).
  [[nodiscard]] ExitCode exit_code() const;
};

/// Expands command-line inputs: files are kept, directories give their
/// `*.yaml`/`*.yml` files and their JSON Resume `*.json` files (not recursive), `-` reads one path
/// per line from `in`. The result is sorted and de-duplicated. Throws IoError for a path that does
/// not exist.
[[nodiscard]] CVPRESS_API std::vector<std::filesystem::path>
expand_batch_inputs(const std::vector<std::string>& args, std::istream& in);

/// Renders every input of the shard. One bad input never stops the others
/// (unless fail_fast). Outputs are written atomically as `stem.ext` in
/// output_dir; inputs whose names collide are all reported and none of them
/// is written. A backend's finish() step (latex "compile") runs after each
/// write; its failure is a render error of that input. Throws UsageError for an
/// unknown format or a backend option the backend does not honour, IoError
/// when the output folder or manifest cannot be created.
[[nodiscard]] CVPRESS_API BatchSummary run_batch(const BatchOptions& options,
                                                 const BatchProgressCallback& progress = {});

/// How batch_files() reports progress on the error stream.
enum class ProgressStyle {
  bar,   ///< a one-line progress bar redrawn in place (for terminals)
  lines, ///< one plain line per finished input (for logs)
  quiet, ///< failures only
};

/// A progress callback that prints to `err` in the given style: the bar shows
/// done/total, rate, ETA and failures; lines and quiet print each failure as
/// its error text.
[[nodiscard]] CVPRESS_API BatchProgressCallback console_progress(std::ostream& err,
                                                                 ProgressStyle style);

/// console_progress() with the terminal's width asked of `columns` before
/// each redraw (the one-argument form asks the terminal on standard error).
/// The bar line never reaches the last column, so it never wraps; when the
/// terminal narrows, the lines the old bar now spans are cleared first.
[[nodiscard]] CVPRESS_API BatchProgressCallback console_progress(std::ostream& err,
                                                                 ProgressStyle style,
                                                                 std::function<int()> columns);

/// run_batch() with console progress and a summary line on `out`
/// ("rendered N of M; K failed in S s"). Returns the summary's exit code, or
/// usage/io for errors that stop the whole run.
CVPRESS_API ExitCode batch_files(const BatchOptions& options, std::ostream& out, std::ostream& err,
                                 ProgressStyle style);

/// Renders every input once per language in `languages` (empty = as
/// written) and per variant in `variants` (empty = none; "all" = every
/// variant each CV names in settings.variants). Each run writes
/// `stem-LANG-VARIANT.ext` (and its manifest as `NAME-LANG-VARIANT.jsonl`)
/// and prints its summary line; returns the most severe exit code.
CVPRESS_API ExitCode batch_files_each(const BatchOptions& options, const std::vector<std::string>& languages,
                          const std::vector<std::string>& variants, std::ostream& out,
                          std::ostream& err, ProgressStyle style);

} // namespace cvpress

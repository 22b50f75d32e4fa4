#include "scratch_dir.hpp"
#include <cvpress/batch.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace cvpress;
namespace fs = std::filesystem;
using cvpress_test::ScratchDir;

namespace {

// Writes the person's name; fails for "Explode" to test isolation.
class FakeBackend : public Backend {
public:
  std::string_view name() const override { return "fake"; }
  std::string_view description() const override { return "test backend"; }
  std::vector<std::string> extensions() const override { return {"txt"}; }
  RenderResult render(const Cv& cv, const RenderOptions&) const override {
    if (cv.header.name.full == "Explode")
      throw RenderError("backend exploded");
    return {"name=" + cv.header.name.full, {}, 1, {}};
  }
};

std::string cv_named(const std::string& name) { return "cv:\n  name: " + name + "\n"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

} // namespace

TEST_CASE("batch: good inputs render, bad ones are reported, nothing is lost") {
  ScratchDir dir;
  FakeBackend fake;
  BatchOptions o;
  o.inputs = {
      dir.write("in/b.yaml", cv_named("陈巧玲")), dir.write("in/a.yaml", cv_named("Ann")),
      dir.write("in/bad.yaml", "cv:\n  name: X\n  sections:\n    edu:\n      - institution: U\n    "
                               "    area: A\n        start_date: 2020-13\n"),
      dir.write("in/boom.yaml", cv_named("Explode")), dir.write("in/c.yaml", cv_named("Cem"))};
  o.output_dir = dir.path / "out";
  o.backend = &fake;
  o.threads = 2;
  o.manifest = dir.path / "manifest.jsonl";
  std::size_t calls = 0;
  BatchSummary s = run_batch(o, [&](const BatchProgress& p) {
    ++calls;
    CHECK(p.total == 5);
    CHECK(p.done == calls);
  });
  CHECK(calls == 5);
  CHECK(s.succeeded == 3);
  CHECK(s.failed == 2);
  // Sorted input order.
  REQUIRE(s.items.size() == 5);
  CHECK(s.items[0].input.filename() == "a.yaml");
  CHECK(s.items[2].input.filename() == "bad.yaml");
  CHECK(s.items[2].status == BatchStatus::input_error);
  CHECK(s.items[2].error.find("bad.yaml:7:21: cv.sections.edu[0].start_date: ") !=
        std::string::npos);
  CHECK(s.items[3].status == BatchStatus::render_error);
  CHECK(s.items[3].error == (dir.path / "in/boom.yaml").string() + ": backend exploded");
  CHECK(slurp(o.output_dir / "a.txt") == "name=Ann");
  CHECK(slurp(o.output_dir / "c.txt") == "name=Cem");
  CHECK_FALSE(fs::exists(o.output_dir / "bad.txt"));
  CHECK_FALSE(fs::exists(o.output_dir / "boom.txt"));
  // Worst failure decides: render (4) outranks input (3).
  CHECK(s.exit_code() == ExitCode::render);
  // No temporary files left behind.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(o.output_dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 3);

  auto manifest = lines_of(slurp(o.manifest));
  REQUIRE(manifest.size() == 5);
  std::size_t ok_lines = 0;
  for (const auto& line : manifest) {
    CHECK(line.front() == '{');
    CHECK(line.back() == '}');
    if (line.find("\"status\":\"ok\"") != std::string::npos) {
      ++ok_lines;
      CHECK(line.find("\"error\":null") != std::string::npos);
      CHECK(line.find("\"pages\":1") != std::string::npos);
      CHECK(
          line.find(line.find("陈巧玲") == std::string::npos ? "\"bytes\":8," : "\"bytes\":14,") !=
          std::string::npos);
    }
    if (line.find("bad.yaml\"") != std::string::npos) {
      CHECK(
          line.find("\"status\":\"input_error\",\"name\":null,\"name_ascii\":null,\"error\":\"") !=
          std::string::npos);
      CHECK(line.find("\"output\":null") != std::string::npos);
    }
  }
  CHECK(ok_lines == 3);
  // The owner's name as shown, and its ASCII form (romanised) for sorting.
  // (Lines are in completion order.)
  auto line_of = [&](const std::string& file) {
    for (const auto& line : manifest)
      if (line.find("/" + file + "\"") != std::string::npos)
        return line;
    return std::string();
  };
  CHECK(line_of("a.yaml").find("\"status\":\"ok\",\"name\":\"Ann\",\"name_ascii\":\"Ann\",") !=
        std::string::npos);
  CHECK(line_of("b.yaml").find("\"name\":\"陈巧玲\",\"name_ascii\":\"Chen Qiaoling\",") !=
        std::string::npos);
  CHECK(line_of("bad.yaml").find("\"status\":\"input_error\",\"name\":null,\"name_ascii\":null,") !=
        std::string::npos);
  CHECK(s.items[1].name_ascii == "Chen Qiaoling");
}

TEST_CASE("batch: shards partition the inputs exactly once") {
  ScratchDir dir;
  FakeBackend fake;
  std::vector<fs::path> inputs;
  for (int i = 0; i < 10; ++i)
    inputs.push_back(
        dir.write("in/cv" + std::to_string(i) + ".yaml", cv_named("P" + std::to_string(i))));
  std::multiset<std::string> seen;
  for (unsigned k = 0; k < 3; ++k) {
    BatchOptions o;
    o.inputs = inputs;
    o.output_dir = dir.path / "out";
    o.backend = &fake;
    o.shard = {k, 3};
    BatchSummary s = run_batch(o);
    CHECK(s.items.size() == (k == 0 ? 4u : 3u));
    for (const auto& item : s.items) {
      CHECK(item.status == BatchStatus::ok);
      seen.insert(item.input.filename().string());
    }
  }
  CHECK(seen.size() == 10);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 10);
}

TEST_CASE("batch: colliding output names are reported and not written") {
  ScratchDir dir;
  FakeBackend fake;
  BatchOptions o;
  o.inputs = {dir.write("x/cv.yaml", cv_named("Xu")), dir.write("y/cv.yaml", cv_named("Yi")),
              dir.write("z/other.yaml", cv_named("Zoe"))};
  o.output_dir = dir.path / "out";
  o.backend = &fake;
  BatchSummary s = run_batch(o);
  REQUIRE(s.items.size() == 3);
  CHECK(s.items[0].status == BatchStatus::collision);
  CHECK(s.items[1].status == BatchStatus::collision);
  CHECK(s.items[0].error == (dir.path / "x/cv.yaml").string() +
                                ": output name cv.txt collides with " +
                                (dir.path / "y/cv.yaml").string() + "; not written");
  CHECK(s.items[2].status == BatchStatus::ok);
  CHECK_FALSE(fs::exists(o.output_dir / "cv.txt"));
  CHECK(s.exit_code() == ExitCode::io);
}

TEST_CASE("batch: --fail-fast skips what follows a failure") {
  ScratchDir dir;
  FakeBackend fake;
  BatchOptions o;
  o.inputs = {dir.write("a.yaml", cv_named("Ann")), dir.write("b.yaml", cv_named("Explode")),
              dir.write("c.yaml", cv_named("Cem"))};
  o.output_dir = dir.path / "out";
  o.backend = &fake;
  o.threads = 1;
  o.fail_fast = true;
  BatchSummary s = run_batch(o);
  CHECK(s.items[0].status == BatchStatus::ok);
  CHECK(s.items[1].status == BatchStatus::render_error);
  CHECK(s.items[2].status == BatchStatus::skipped);
  CHECK_FALSE(fs::exists(o.output_dir / "c.txt"));
  CHECK(s.exit_code() == ExitCode::render);
}

TEST_CASE("batch: input expansion") {
  ScratchDir dir;
  dir.write("d/b.yaml", "");
  dir.write("d/a.yml", "");
  dir.write("d/notes.txt", "");
  dir.write("d/sub/c.yaml", "");
  fs::path single = dir.write("single.yaml", "");
  std::istringstream stdin_list((dir.path / "d/sub/c.yaml").string() + "\n\n" + single.string() +
                                "\r\n");
  auto got = expand_batch_inputs({(dir.path / "d").string(), single.string(), "-"}, stdin_list);
  REQUIRE(got.size() == 4);
  CHECK(got[0] == dir.path / "d/a.yml");
  CHECK(got[1] == dir.path / "d/b.yaml");
  CHECK(got[2] == dir.path / "d/sub/c.yaml");
  CHECK(got[3] == single);
  std::istringstream empty;
  CHECK_THROWS_WITH_AS(expand_batch_inputs({(dir.path / "nope.yaml").string()}, empty),
                       ((dir.path / "nope.yaml").string() + ": no such file or directory").c_str(),
                       IoError);
}

TEST_CASE("batch: a symlink in an input folder may not lead out of it (issue 20, item 12)") {
  ScratchDir dir;
  dir.write("d/a.yaml", "");
  dir.write("d/inner/b.yaml", "");
  dir.write("outside/secret.yaml", "");
  std::istringstream none;
  // A link to a file inside the folder is followed...
  fs::create_symlink(dir.path / "d/inner/b.yaml", dir.path / "d/alias.yaml");
  auto got = expand_batch_inputs({(dir.path / "d").string()}, none);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == dir.path / "d/a.yaml");
  CHECK(got[1] == dir.path / "d/alias.yaml");
  // ...a link out of it is refused, naming the link and the folder.
  fs::create_symlink(dir.path / "outside/secret.yaml", dir.path / "d/evil.yaml");
  CHECK_THROWS_WITH_AS(expand_batch_inputs({(dir.path / "d").string()}, none),
                       ((dir.path / "d/evil.yaml").string() + ": symlink leads out of the folder " +
                        (dir.path / "d").string())
                           .c_str(),
                       IoError);
}

TEST_CASE("batch: shard syntax") {
  CHECK(parse_shard("0/1").count == 1);
  Shard s = parse_shard("2/5");
  CHECK(s.index == 2);
  CHECK(s.count == 5);
  for (const char* bad : {"5/5", "1/0", "a/2", "1", "1/2/3", "-1/2", "/2", "1/"})
    CHECK_THROWS_AS((void)parse_shard(bad), UsageError);
  CHECK_THROWS_WITH((void)parse_shard("5/5"), "--shard expects K/N with 0 <= K < N, got '5/5'");
}

TEST_CASE("atomic write replaces the file and leaves no temporary") {
  ScratchDir dir;
  fs::path target = dir.path / "out.pdf";
  write_file_atomically(target, "first");
  write_file_atomically(target, "second");
  CHECK(slurp(target) == "second");
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    (void)e;
    ++n;
  }
  CHECK(n == 1);
  CHECK_THROWS_AS(write_file_atomically(dir.path / "missing/dir/x.pdf", "x"), IoError);
}

TEST_CASE("batch: the progress bar fits the terminal and clears itself when it narrows") {
  std::ostringstream err;
  int columns = 80;
  auto progress = console_progress(err, ProgressStyle::bar, [&] { return columns; });
  BatchItem item;
  item.status = BatchStatus::ok;
  BatchProgress p;
  p.total = 300;
  p.last = &item;
  auto last_line = [&] {
    const std::string s = err.str();
    const auto k = s.rfind('\r');
    // Strip the escape sequences that start the redraw.
    std::string line = s.substr(k + 1);
    while (!line.empty() && line[0] == '\033')
      line = line.substr(line.find_first_of("AKJ") + 1);
    return line;
  };
  p.done = 100;
  p.elapsed_seconds = 1;
  progress(p);
  std::string wide = last_line();
  CHECK(wide == "[==========                    ] 100/300  100.0/s  ETA 2.0s");

  // 40 columns: a shorter bar, the line under 40 characters.
  columns = 40;
  p.done = 150;
  p.elapsed_seconds = 2;
  err.str("");
  progress(p);
  const std::string s40 = err.str();
  CHECK(s40.rfind("\r\033[1A\033[J", 0) == 0); // the 59-character bar spans two rows now
  std::string narrow = last_line();
  CHECK(narrow.size() <= 39);
  CHECK(narrow == "[=====      ] 150/300  75.0/s  ETA 2.0s");

  // Too narrow for a bar: the numbers alone, cut at the edge.
  columns = 12;
  p.done = 200;
  p.elapsed_seconds = 3;
  err.str("");
  progress(p);
  CHECK(err.str() == "\r\033[3A\033[J200/300  66"); // 39 characters on 12 columns: 4 rows
  // Same width again: only the line is cleared.
  p.done = 300;
  p.elapsed_seconds = 4;
  err.str("");
  progress(p);
  CHECK(err.str() == "\r\033[K300/300  75\n");
}

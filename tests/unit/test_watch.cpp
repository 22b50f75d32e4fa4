// Live rendering (cvpress/watch.hpp): render_to_memory, the watch loop with
// real file saves (in place, by rename, the photo), render_watch keeping the
// last good output, and stopping.
#include "scratch_dir.hpp"

#include <cvpress/watch.hpp>

#include <doctest/doctest.h>
#include <png.h>

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

using namespace cvpress;
namespace fs = std::filesystem;
using cvpress_test::ScratchDir;

namespace {

std::string cv_yaml(const std::string& name, const std::string& extra = "") {
  return "cv:\n  name: " + name + "\n" + extra +
         "  sections:\n    skills:\n      - label: Tools\n        details: C++\n";
}

std::string tiny_png(unsigned char grey) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = 8;
  image.height = 8;
  image.format = PNG_FORMAT_GRAY;
  std::vector<unsigned char> px(64, grey);
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, px.data(), 0, nullptr));
  std::string out(size, '\0');
  REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, px.data(), 0, nullptr));
  return out;
}

// Saves like editors that write a new file and rename it over the old one.
void save_by_rename(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp");
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, file);
}

void save_in_place(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

// Runs watch_cv() on a thread and hands its updates to the test.
class WatchThread {
public:
  explicit WatchThread(RenderRequest request) {
    thread_ = std::thread([this, request = std::move(request)] {
      try {
        watch_cv(
            request, {},
            [this](const LiveUpdate& u) {
              std::lock_guard lock(mutex_);
              updates_.push_back(u);
              cv_.notify_all();
            },
            stop_);
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex_);
        error_ = e.what();
      }
      std::lock_guard lock(mutex_);
      finished_ = true;
      cv_.notify_all();
    });
  }
  ~WatchThread() {
    stop_.request_stop();
    thread_.join();
  }
  // The next update, waiting at most 30 s (a generous bound for loaded CI).
  LiveUpdate next() {
    std::unique_lock lock(mutex_);
    REQUIRE(cv_.wait_for(lock, std::chrono::seconds(30),
                         [&] { return !updates_.empty() || finished_; }));
    REQUIRE_MESSAGE(!updates_.empty(), "watch_cv ended: " << error_);
    LiveUpdate u = std::move(updates_.front());
    updates_.pop_front();
    return u;
  }
  // Requests the stop; true when the loop ended within 10 s.
  bool stop() {
    stop_.request_stop();
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return finished_; });
  }
  std::size_t pending() {
    std::lock_guard lock(mutex_);
    return updates_.size();
  }

private:
  StopSource stop_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<LiveUpdate> updates_;
  std::string error_;
  bool finished_ = false;
  std::thread thread_;
};

} // namespace

TEST_CASE("render_to_memory: from text and from a file, with the files it read") {
  ScratchDir dir;
  const MemoryRender text = render_to_memory({"typed.yaml", cv_yaml("Ada Lovelace")}, "pdf");
  CHECK(text.name == "Ada Lovelace");
  CHECK(text.result.bytes.starts_with("%PDF-"));
  CHECK(text.result.pages == 1);
  CHECK(text.inputs.empty());

  dir.write("me.png", tiny_png(90));
  const fs::path cv = dir.write("cv.yaml", cv_yaml("Grace Hopper", "  photo: me.png\n"));
  const MemoryRender file = render_to_memory({cv, {}}, "latex");
  CHECK(file.name == "Grace Hopper");
  CHECK(file.result.bytes.find("Grace Hopper") != std::string::npos);
  CHECK(file.inputs == std::vector<fs::path>{cv, dir.path / "me.png"});

  CHECK_THROWS_WITH_AS((void)render_to_memory({"x.yaml", cv_yaml("A B")}, "docx"),
                       doctest::Contains("unknown format 'docx'"), UsageError);
  try {
    (void)render_to_memory({"bad.yaml", std::string("cv:\n  name: [1\n")}, "pdf");
    FAIL("no InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].where.file == "bad.yaml");
    CHECK(e.diagnostics()[0].where.line == 3);
  }
}

TEST_CASE("watch_cv: renders again on each save (in place, by rename, the photo) until stopped") {
  ScratchDir dir;
  dir.write("me.png", tiny_png(90));
  const fs::path cv = dir.write("cv.yaml", cv_yaml("First Name", "  photo: me.png\n"));
  RenderRequest request;
  request.input = cv;
  WatchThread watch(request);

  LiveUpdate u = watch.next();
  CHECK(u.generation == 1);
  REQUIRE(u.render);
  CHECK(u.render->name == "First Name");
  CHECK(u.changed.empty());
  CHECK(u.watching == std::vector<fs::path>{cv, dir.path / "me.png"});

  save_in_place(cv, cv_yaml("Second Name", "  photo: me.png\n"));
  u = watch.next();
  CHECK(u.generation == 2);
  REQUIRE(u.render);
  CHECK(u.render->name == "Second Name");
  CHECK(u.changed == std::vector<fs::path>{cv});

  save_by_rename(cv, cv_yaml("Third Name", "  photo: me.png\n"));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.render->name == "Third Name");

  // The photo is watched too: a new photo gives a new PDF.
  const std::string before = u.render->result.bytes;
  save_by_rename(dir.path / "me.png", tiny_png(200));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.changed == std::vector<fs::path>{dir.path / "me.png"});
  CHECK(u.render->result.bytes != before);

  // Invalid input: located errors, no render; the CV is still watched.
  save_in_place(cv, "cv:\n  name: [1\n");
  u = watch.next();
  CHECK_FALSE(u.render);
  CHECK(u.code == ExitCode::input);
  REQUIRE(u.diagnostics.size() == 1);
  CHECK(u.diagnostics[0].where.line == 3);
  CHECK(u.error_text.starts_with(cv.string() + ":3:1: cv.name[1]: invalid YAML"));

  save_in_place(cv, cv_yaml("Fixed Name"));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.render->name == "Fixed Name");
  CHECK(u.watching == std::vector<fs::path>{cv}); // no photo any more

  // Files next to the CV that it does not use cause no render.
  dir.write("notes.txt", "unrelated");
  save_in_place(cv, cv_yaml("Last Name"));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.render->name == "Last Name");
  CHECK(u.changed == std::vector<fs::path>{cv});

  // Deleted: an I/O failure without location; created again: rendered.
  fs::remove(cv);
  u = watch.next();
  CHECK_FALSE(u.render);
  CHECK(u.code == ExitCode::io);
  REQUIRE(u.diagnostics.size() == 1);
  CHECK(u.diagnostics[0].where.file == cv.string());
  CHECK(u.diagnostics[0].message.starts_with("cannot read file"));
  save_in_place(cv, cv_yaml("Back Again"));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.render->name == "Back Again");

  CHECK(watch.stop());
  CHECK(watch.pending() == 0);
}

TEST_CASE("watch_cv: a style file given as the style is watched") {
  ScratchDir dir;
  const fs::path cv = dir.write("cv.yaml", cv_yaml("Style Person"));
  const fs::path style = dir.write("mine.yaml", "extends: cvpress\nname: mine\n");
  RenderRequest request;
  request.input = cv;
  request.options.style = style.string();
  WatchThread watch(request);
  LiveUpdate u = watch.next();
  REQUIRE(u.render);
  CHECK(u.watching == std::vector<fs::path>{cv, style});
  const std::string before = u.render->result.bytes;

  save_by_rename(style, "extends: cvpress\nname: mine\ncolors: {primary: \"rgb(200, 0, 0)\"}\n");
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.changed == std::vector<fs::path>{style});
  CHECK(u.render->result.bytes != before);

  // A broken style is an error at its line; the fix renders again.
  save_in_place(style, "extends: classic\ncolors: {primary: 12}\n");
  u = watch.next();
  CHECK_FALSE(u.render);
  REQUIRE_FALSE(u.diagnostics.empty());
  CHECK(u.diagnostics[0].where.file == style.string());
  CHECK(u.diagnostics[0].where.line == 2);
  save_in_place(style, "extends: classic\n");
  u = watch.next();
  CHECK(u.render);
  CHECK(watch.stop());
}

TEST_CASE("watch_cv: a bibliography is watched") {
  ScratchDir dir;
  auto bib = [](const std::string& title) {
    return "@article{a,\n  title = {" + title +
           "},\n  author = {Doe, Jane},\n"
           "  journal = {J},\n  year = 2024\n}\n";
  };
  const fs::path refs = dir.write("refs.bib", bib("First Paper Title"));
  const fs::path cv = dir.write("cv.yaml", "cv:\n  name: Jane Doe\n  sections:\n    publications:\n"
                                           "      - bibliography: refs.bib\n");
  RenderRequest request;
  request.input = cv;
  request.format = "latex";
  WatchThread watch(request);
  LiveUpdate u = watch.next();
  REQUIRE(u.render);
  CHECK(u.watching == std::vector<fs::path>{cv, fs::canonical(refs)});
  CHECK(u.render->result.bytes.find("First Paper Title") != std::string::npos);

  save_in_place(refs, bib("Second Paper Title"));
  u = watch.next();
  REQUIRE(u.render);
  CHECK(u.render->result.bytes.find("Second Paper Title") != std::string::npos);
  CHECK(watch.stop());
}

TEST_CASE("watch_cv: refuses standard input and unknown formats; a stop before the start") {
  StopSource stop;
  RenderRequest request;
  request.input = "-";
  CHECK_THROWS_AS(watch_cv(
                      request, {}, [](const LiveUpdate&) {}, stop),
                  UsageError);
  request.input = "cv.yaml";
  request.format = "docx";
  CHECK_THROWS_AS(watch_cv(
                      request, {}, [](const LiveUpdate&) {}, stop),
                  UsageError);

  ScratchDir dir;
  request.input = dir.write("cv.yaml", cv_yaml("A B"));
  request.format = "";
  stop.request_stop();
  CHECK(stop.stop_requested());
  int calls = 0;
  watch_cv(
      request, {}, [&](const LiveUpdate&) { ++calls; }, stop);
  CHECK(calls == 0);
}

TEST_CASE("render_watch: writes each good render, keeps the last good one for invalid input") {
  ScratchDir dir;
  const fs::path cv = dir.write("cv.yaml", cv_yaml("Ada Lovelace"));
  const fs::path pdf = dir.path / "out.pdf";
  RenderRequest request;
  request.input = cv;
  request.output = pdf;
  StopSource stop;
  // out and err are read by this thread while the watch writes them: a
  // synchronised buffer.
  std::mutex mutex;
  std::ostringstream out_text, err_text;
  struct SyncBuf : std::stringbuf {
    std::mutex& m;
    std::ostringstream& dest;
    SyncBuf(std::mutex& mm, std::ostringstream& d) : m(mm), dest(d) {}
    int sync() override {
      std::lock_guard lock(m);
      dest << str();
      str("");
      return 0;
    }
  } out_buf(mutex, out_text), err_buf(mutex, err_text);
  std::ostream out(&out_buf), err(&err_buf);
  ExitCode rc = ExitCode::internal;
  std::thread thread([&] { rc = render_watch(request, {}, out, err, stop); });
  auto wait_for = [&](auto&& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(mutex);
        if (done())
          return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  auto count = [&](const std::string& needle) {
    const std::string s = out_text.str();
    std::size_t n = 0;
    for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1))
      ++n;
    return n;
  };
  REQUIRE(wait_for([&] { return count(pdf.string() + ": ") == 1; }));
  const std::string first = read_file(pdf, 1 << 24);
  CHECK(first.starts_with("%PDF-"));

  save_in_place(cv, "cv:\n  name: Ada\n  emial: x\n  sections: 3\n");
  REQUIRE(wait_for([&] { return count(", kept " + pdf.string()) == 1; }));
  CHECK(read_file(pdf, 1 << 24) == first); // the last good output is kept

  save_in_place(cv, cv_yaml("Grace Hopper"));
  REQUIRE(wait_for([&] { return count(pdf.string() + ": ") == 2; }));
  CHECK(read_file(pdf, 1 << 24) != first);

  stop.request_stop();
  thread.join();
  CHECK(rc == ExitCode::ok);
  const std::string o = out_text.str();
  const std::regex line(R"(\[\d\d:\d\d:\d\d\] )" + pdf.string() +
                        R"(: \d+ bytes, 1 page \(\d+ ms\)\n)");
  CHECK(std::regex_search(o, line));
  CHECK(o.starts_with("["));
  CHECK(o.find("] watching " + cv.string() + "\n") != std::string::npos);
  CHECK(o.find("] " + cv.string() + ": 2 errors, kept " + pdf.string() + "\n") !=
        std::string::npos);
  CHECK(err_text.str().find(cv.string() + ":3:3: cv.emial:") != std::string::npos);
}

#include "backends/latex/compile.hpp"

#include <cvpress/files.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <ostream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace cvpress::detail::latex {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxRead = 64 * 1024 * 1024;
constexpr auto kTimeout = std::chrono::seconds(300);

fs::path find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos)
      end = dirs.size();
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
    if (end > start && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return {};
}

// Runs `program args...` in `dir` with TeX's file access restricted.
// Returns the exit status, or -1 when it could not run or timed out.
int run_tex(const fs::path& program, const fs::path& dir, const std::string& job) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string_view v(*e);
    if (v.starts_with("openin_any=") || v.starts_with("openout_any=") ||
        v.starts_with("shell_escape=") || v.starts_with("max_print_line="))
      continue;
    env.emplace_back(v);
  }
  env.emplace_back("openin_any=p");
  env.emplace_back("openout_any=p");
  env.emplace_back("shell_escape=f");
  env.emplace_back("max_print_line=10000");
  std::vector<char*> envp;
  for (auto& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args{program.string(), "-no-shell-escape", "-halt-on-error",
                                "-interaction=nonstopmode", job + ".tex"};
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    // Its own process group, so a timeout kills xelatex's children
    // (xdvipdfmx) too.
    ::setpgid(0, 0);
    if (::chdir(dir.c_str()) != 0)
      ::_exit(127);
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      ::dup2(null, 0);
      ::dup2(null, 1);
      ::dup2(null, 2);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid)
      break;
    if (r < 0)
      return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// Prints the first "! ..." error of the log with its l.NN line, mapped back
// to the CV through the nearest "% cv.sections..." comment above it.
void report_error(const std::string& log, const std::string& tex, const fs::path& tex_path,
                  const std::string& cv_file, std::ostream& err) {
  const std::vector<std::string> log_lines = lines_of(log);
  std::string message;
  int tex_line = 0;
  for (std::size_t i = 0; i < log_lines.size(); ++i) {
    if (message.empty() && log_lines[i].starts_with("! ")) {
      message = log_lines[i].substr(2);
      continue;
    }
    if (!message.empty() && log_lines[i].starts_with("l.")) {
      tex_line = std::atoi(log_lines[i].c_str() + 2);
      break;
    }
  }
  if (message.empty()) {
    err << "cvpress: " << tex_path.string()
        << ": xelatex failed without an error message (see its log)\n";
    return;
  }
  std::string where = tex_path.string();
  if (tex_line > 0)
    where += ":" + std::to_string(tex_line);
  err << where << ": LaTeX error: " << message << "\n";
  if (tex_line <= 0)
    return;
  const std::vector<std::string> tex_lines = lines_of(tex);
  for (int i = std::min<int>(tex_line, static_cast<int>(tex_lines.size())) - 1; i >= 0; --i) {
    const std::string& line = tex_lines[static_cast<std::size_t>(i)];
    if (!line.starts_with("% cv"))
      continue;
    std::string path = line.substr(2);
    std::string cv_line;
    if (const auto paren = path.find(" (line "); paren != std::string::npos) {
      cv_line = path.substr(paren + 7);
      if (!cv_line.empty() && cv_line.back() == ')')
        cv_line.pop_back();
      path.erase(paren);
    }
    err << cv_file << (cv_line.empty() ? "" : ":" + cv_line) << ": " << path
        << ": the LaTeX error above comes from this part of the CV\n";
    return;
  }
}

} // namespace

bool compile_tex(const fs::path& tex, const fs::path& pdf, const std::string& cv_file,
                 std::ostream& err) {
  const fs::path program = find_program("xelatex");
  if (program.empty()) {
    err << "cvpress: --compile needs xelatex, which is not installed (Debian: apt install "
           "texlive-xetex)\n";
    return false;
  }
  const std::string source = read_file(tex, kMaxRead);
  std::string dir_template = (fs::temp_directory_path() / "cvpress-latex-XXXXXX").string();
  if (!::mkdtemp(dir_template.data())) {
    err << "cvpress: cannot create a temporary folder: " << std::strerror(errno) << "\n";
    return false;
  }
  const fs::path dir = dir_template;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{dir};

  const std::string job = "cv";
  write_file_atomically(dir / (job + ".tex"), source);
  bool ok = false;
  std::string log;
  for (int pass = 0; pass < 2; ++pass) {
    const int status = run_tex(program, dir, job);
    std::error_code ec;
    log = fs::exists(dir / (job + ".log"), ec) ? read_file(dir / (job + ".log"), kMaxRead) : "";
    ok = status == 0 && fs::exists(dir / (job + ".pdf"), ec);
    if (!ok)
      break;
    // A second pass resolves the page count in the footer.
    if (log.find("Rerun to get") == std::string::npos &&
        log.find("There were undefined references") == std::string::npos)
      break;
  }
  if (!ok) {
    report_error(log, source, tex, cv_file, err);
    return false;
  }
  write_file_atomically(pdf, read_file(dir / (job + ".pdf"), kMaxRead));
  return true;
}

} // namespace cvpress::detail::latex

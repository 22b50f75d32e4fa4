// read_file and write_file_atomically (cvpress/files.hpp).
#include <cvpress/diagnostics.hpp>
#include <cvpress/files.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw IoError(path.string() + ": cannot read file: " + std::strerror(errno));
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw IoError(path.string() + ": cannot read file: is a directory");
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes)
      throw IoError(path.string() + ": file is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
  }
  if (in.bad())
    throw IoError(path.string() + ": read error");
  return data;
}

namespace {

// Writes all of `bytes` to `fd`; returns 0 or an errno value.
int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

[[noreturn]] void write_failed(const fs::path& path, int e) {
  throw IoError(path.string() + ": cannot write: " + std::strerror(e));
}

} // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  fs::path dir = path.parent_path();
  if (dir.empty())
    dir = ".";
  std::random_device rd;
  const fs::path tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));

  // Preferred: an unnamed file (O_TMPFILE) that gets a name only once it is
  // complete, so even SIGKILL mid-write leaves nothing behind.
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0) {
    if (int e = write_all(fd, bytes)) {
      ::close(fd);
      write_failed(path, e);
    }
    std::string proc = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      ::close(fd);
      if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        write_failed(path, e);
      }
      return;
    }
    ::close(fd); // no /proc: fall back to a named temporary file
  }

  fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    write_failed(path, errno);
  int e = write_all(fd, bytes);
  if (::close(fd) != 0 && e == 0)
    e = errno;
  if (e == 0 && std::rename(tmp.c_str(), path.c_str()) != 0)
    e = errno;
  if (e != 0) {
    ::unlink(tmp.c_str());
    write_failed(path, e);
  }
}

} // namespace cvpress

// read_file and write_file_atomically (cvpress/files.hpp).
#include <cvpress/diagnostics.hpp>
#include <cvpress/files.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace cvpress {

namespace fs = std::filesystem;

namespace {
// "a FIFO", "a character device", ... for messages about special files.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}
} // namespace

namespace {
// Reads standard input to its end ("-" as a file name), at most `max_bytes`.
std::string read_stdin(std::size_t max_bytes) {
  std::string data;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw IoError(std::string(kStdinName) + ": read error: " + std::strerror(errno));
    if (n == 0)
      return data;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes)
      throw IoError(std::string(kStdinName) + ": input is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
  }
}
} // namespace

std::string read_file(const fs::path& path, std::size_t max_bytes) {
  if (path == "-")
    return read_stdin(max_bytes);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; only regular
  // files are read (a FIFO or device would hang or never end).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    throw IoError(path.string() + ": cannot read file: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int e = errno;
    ::close(fd);
    if (S_ISDIR(st.st_mode))
      throw IoError(path.string() + ": cannot read file: is a directory");
    throw IoError(path.string() + ": cannot read file: " +
                  (st.st_mode
                       ? std::string("it is ") + file_kind(st.st_mode) + ", not a regular file"
                       : std::string(std::strerror(e))));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string data;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      const int e = errno;
      ::close(fd);
      throw IoError(path.string() + ": read error: " + std::strerror(e));
    }
    if (n == 0)
      break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      ::close(fd);
      throw IoError(path.string() + ": file is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
    }
  }
  ::close(fd);
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
  return ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS ? 0 : errno;
}

[[noreturn]] void write_failed(const fs::path& path, int e) {
  throw IoError(path.string() + ": cannot write: " + std::strerror(e));
}

// Writes to an existing special file (device, FIFO) in place: renaming a
// regular file over it would replace the device node.
void write_in_place(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    write_failed(path, errno);
  std::size_t done = 0;
  int e = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      e = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && e == 0)
    e = errno;
  if (e != 0)
    write_failed(path, e);
}

} // namespace

void write_file_atomically(const fs::path& requested, std::string_view bytes) {
  if (requested == "-") {
    // File descriptor 1 itself: reopening /dev/stdout would start a
    // redirected file at offset 0, over what was written before.
    std::cout.flush();
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        write_failed("-", n < 0 ? errno : EIO);
      done += static_cast<std::size_t>(n);
    }
    return;
  }
  // A symlink is written through (its target is replaced, not the link).
  fs::path path = requested;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    fs::path target = fs::read_symlink(path, ec);
    if (ec || hops == 40)
      write_failed(requested, ec ? ec.value() : ELOOP);
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    write_in_place(path, bytes);
    return;
  }
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

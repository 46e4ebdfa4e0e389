// Checked output: every write and the final flush, and atomic file writes.
#include "base/output_sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "base/error.hpp"

namespace spad {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 16;

std::string os_reason(int err) {
  std::string text = std::strerror(err);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || text[1] > 'Z'))
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// Writes every byte of `bytes` to fd; returns 0 or the errno of the failure.
int write_fully(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

}  // namespace

OutputSink::OutputSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}

void OutputSink::write_all(std::string_view bytes) {
  if (!failure_.empty()) throw UserError(failure_);
  if (const int err = write_fully(fd_, bytes); err != 0) {
    failure_ = "cannot write the result to " + name_ + ": " + os_reason(err) +
               "; the output is incomplete";
    throw UserError(failure_);
  }
}

void OutputSink::write(std::string_view text) {
  if (!failure_.empty()) throw UserError(failure_);
  if (buffer_.size() + text.size() <= kBufferBytes) {
    buffer_.append(text);
    return;
  }
  flush();
  if (text.size() >= kBufferBytes)
    write_all(text);
  else
    buffer_.append(text);
}

void OutputSink::flush() {
  const std::string pending = std::move(buffer_);
  buffer_.clear();
  write_all(pending);
}

namespace {

// Writes content into the existing non-regular file `path` (a character
// device such as /dev/stdout or /dev/null, or a named pipe), as any Unix
// tool writing there would: there is nothing to replace. A named pipe no
// process reads is an error, not a wait.
void write_through(const std::string& path, std::string_view content, bool fifo,
                   const std::string& prefix) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (fifo ? O_NONBLOCK : 0));
  if (fd < 0) {
    if (fifo && errno == ENXIO) throw UserError(prefix + "no process reads the named pipe");
    throw UserError(prefix + os_reason(errno));
  }
  int err = 0;
  if (fifo) {  // blocking writes from here on: the reader is there
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) err = errno;
  }
  if (err == 0) err = write_fully(fd, content);
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) throw UserError(prefix + os_reason(err) + "; the output is incomplete");
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content,
                           std::string_view what) {
  const std::string prefix = "cannot write " + std::string(what) + " \"" + path + "\": ";
  // What is at `path`, symbolic links followed: a device, a named pipe or a
  // directory is never replaced by a file (a rename over /dev/full would
  // turn the device into a regular file); a regular file reached through
  // symbolic links is replaced where it is, and the links stay.
  std::string target = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw UserError(prefix + "it is a directory");
    if (S_ISBLK(st.st_mode))
      throw UserError(prefix +
                      "it is a block device; spad writes regular files, character devices "
                      "(e.g. /dev/stdout) and named pipes");
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
      write_through(path, content, S_ISFIFO(st.st_mode), prefix);
      return;
    }
    if (!S_ISREG(st.st_mode)) throw UserError(prefix + "it is not a regular file (a socket?)");
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      char* real = ::realpath(path.c_str(), nullptr);
      if (real == nullptr) throw UserError(prefix + os_reason(errno));
      target = real;
      std::free(real);
    }
  } else if (errno != ENOENT) {
    throw UserError(prefix + os_reason(errno));
  } else {
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0)
      throw UserError(prefix + "it is a symbolic link to a missing file");
  }
  std::string temp = target + ".tmp.XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw UserError(prefix + os_reason(errno));
  temp.assign(name.data());
  // mkstemp creates the file for its owner only; give it the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  int err = write_fully(fd, content);
  if (err == 0 && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(temp.c_str(), target.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    throw UserError(prefix + os_reason(err));
  }
}

}  // namespace spad

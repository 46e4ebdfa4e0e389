// Checked output: every write and the final flush, and atomic file writes.
#include "base/output_sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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

void write_file_atomically(const std::string& path, std::string_view content,
                           std::string_view what) {
  const std::string prefix = "cannot write " + std::string(what) + " \"" + path + "\": ";
  std::string temp = path + ".tmp.XXXXXX";
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
  if (err == 0 && ::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    throw UserError(prefix + os_reason(err));
  }
}

}  // namespace spad

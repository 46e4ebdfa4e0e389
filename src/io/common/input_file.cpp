// Reading input files: open without blocking, fstat, then read up to a limit.
#include "io/common/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

// "Permission denied" -> "permission denied": the reason reads as part of a sentence.
std::string os_reason(int err) {
  std::string text = std::strerror(err);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || text[1] > 'Z'))
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string show_bytes(std::size_t n) {
  if (n >= (std::size_t{1} << 20) && n % (std::size_t{1} << 20) == 0)
    return std::to_string(n >> 20) + " MiB";
  return std::to_string(n) + " bytes";
}

// Closes the descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string read_input_file(const std::string& path, std::string_view what, std::size_t max_bytes) {
  // Messages start with the source, as every input error does: "l.json: ...".
  const std::string prefix = printable(path) + ": cannot read the " + std::string(what) + ": ";
  if (path.empty()) throw UserError("cannot read the " + std::string(what) + ": the path is empty");
  if (path.find('\0') != std::string::npos)
    throw UserError(prefix + "the path contains a NUL byte");
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw UserError(prefix + os_reason(errno));
  const Descriptor file(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw UserError(prefix + os_reason(errno));
  if (!S_ISREG(st.st_mode))
    throw UserError(prefix + "it is " + kind_of(st.st_mode) + "; spad reads only regular files");
  if (st.st_size < 0 || static_cast<unsigned long long>(st.st_size) > max_bytes)
    throw UserError(prefix + "the file is " + std::to_string(st.st_size) +
                    " bytes; the limit for a " + std::string(what) + " is " +
                    show_bytes(max_bytes));
  // The size from fstat is a hint (a file may grow, /proc files say 0): read
  // until end of file, but never past the limit.
  std::string content;
  content.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw UserError(prefix + os_reason(errno));
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes)
      throw UserError(prefix + "the file is larger than the limit for a " + std::string(what) +
                      " (" + show_bytes(max_bytes) + ")");
    content.append(buffer, static_cast<std::size_t>(n));
  }
  return content;
}

std::string read_text_file(const std::string& path, std::string_view what) {
  return read_input_file(path, what, kMaxTextFileBytes);
}

bool names_existing_path(const std::string& arg) {
  if (arg.empty() || arg.find('\0') != std::string::npos) return false;
  struct stat st {};
  if (::stat(arg.c_str(), &st) == 0) return true;
  return errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG;
}

}  // namespace spad

// The one way spad's results leave the process: every byte goes through an
// OutputSink, which checks each write and the final flush and turns a failure
// (a full disk, /dev/full, a closed pipe with SIGPIPE ignored) into a
// UserError naming the destination and the operating system's reason, so a
// truncated result never comes with a successful exit.
//
// Where spad writes a file, write_file_atomically writes a temporary file
// next to it and renames it into place: the file is whole or not there.
#pragma once

#include <string>
#include <string_view>

namespace spad {

class OutputSink {
 public:
  // Writes to the open descriptor fd (not owned); `name` is shown in messages
  // ("standard output").
  OutputSink(int fd, std::string name);
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // Buffers text, writing whenever the buffer is full; a failed write -> UserError.
  void write(std::string_view text);
  // Writes everything buffered; a failed write -> UserError. Once a write
  // failed, every later call fails the same way.
  void flush();

 private:
  void write_all(std::string_view bytes);

  int fd_;
  std::string name_;
  std::string buffer_;
  std::string failure_;  // the first failure's message
};

inline OutputSink& operator<<(OutputSink& sink, std::string_view text) {
  sink.write(text);
  return sink;
}
inline OutputSink& operator<<(OutputSink& sink, const std::string& text) {
  sink.write(text);
  return sink;
}
inline OutputSink& operator<<(OutputSink& sink, const char* text) {
  sink.write(text);
  return sink;
}
inline OutputSink& operator<<(OutputSink& sink, char c) {
  sink.write(std::string_view(&c, 1));
  return sink;
}

// Writes content to `path` through a temporary file in the same folder,
// renamed over path once written and closed; on any failure the temporary
// file is removed and a UserError names path and the reason. `what`
// describes the file in messages ("kernel file"). A path that leads through
// symbolic links to a regular file replaces that file (the links stay); an
// existing character device (/dev/stdout, /dev/null, /dev/full) or named
// pipe is written into, never replaced (a pipe no process reads: UserError,
// not a wait); a directory, block device, socket or symbolic link to a
// missing file: UserError.
void write_file_atomically(const std::string& path, std::string_view content,
                           std::string_view what);

}  // namespace spad

// The one way spad reads an input file (layer, schedule, network JSON, ONNX,
// machine YAML/JSON): regular files only, up to a size limit, every failure a
// UserError naming the file and the operating system's reason.
//
// FIFOs, devices, sockets and directories are refused at once: the file is
// opened without blocking and checked with fstat before a byte is read, so a
// named pipe nobody writes to, /dev/zero or a terminal never hangs spad.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spad {

// Text inputs (JSON, YAML): the largest network description is well under 1 MiB.
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{16} << 20;  // 16 MiB
// ONNX models: protobuf cannot parse a message of 2 GiB or more.
inline constexpr std::size_t kMaxOnnxFileBytes = (std::size_t{2} << 30) - 1;

// The whole content of the regular file at `path`; `what` describes it in
// messages ("layer file"). Missing, unreadable (with the OS reason, e.g.
// "permission denied"), not a regular file, or larger than max_bytes -> UserError.
std::string read_input_file(const std::string& path, std::string_view what, std::size_t max_bytes);

// read_input_file with the text limit.
std::string read_text_file(const std::string& path, std::string_view what);

// True when `arg` names something in the file system (even one spad may not
// read: a permission problem is reported by the reader, not taken for inline
// text); false when nothing is there (ENOENT, ENOTDIR, a name too long).
bool names_existing_path(const std::string& arg);

}  // namespace spad

// The two kinds of error spad throws (public: include/spad/spad.hpp). The
// library never exits or prints; every failure is one of these exceptions:
//   UserError     - bad input (a layer, schedule, machine, file, option). The
//                   message names where (file / field / flag) and the offending
//                   value, and a likely fix. It is the text the `spad` command
//                   prints after "spad: error: " (exit code 2).
//   InternalError - a broken invariant inside spad: always a bug to report. Its
//                   message starts "internal error (a bug in spad): "; the
//                   command prints it as "spad: internal error: ..." (exit 3).
// Both derive from the standard exceptions, so `catch (const std::exception&)`
// catches either.
#pragma once

#include <stdexcept>
#include <string>

namespace spad {

class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

class InternalError : public std::logic_error {
 public:
  explicit InternalError(const std::string& message)
      : std::logic_error("internal error (a bug in spad): " + message) {}
};

}  // namespace spad

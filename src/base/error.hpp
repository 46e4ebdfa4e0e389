// The two kinds of error spad throws. The library never exits or prints:
//   UserError     - bad input (a layer, schedule, file, flag); the message names
//                   where (file / field) and the offending value, and a likely fix.
//   InternalError - a broken invariant inside spad: always a bug to report.
// The CLI turns both into a message on stderr and a non-zero exit code.
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

// Checks an invariant that only a bug can break.
#define SPAD_CHECK(cond, msg)                                                                     \
  do {                                                                                            \
    if (!(cond))                                                                                  \
      throw ::spad::InternalError(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " + \
                                  (msg));                                                         \
  } while (0)

}  // namespace spad

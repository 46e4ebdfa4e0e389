// The two kinds of error spad throws are public types (include/spad/error.hpp):
//   UserError     - bad input (a layer, schedule, file, flag); the message names
//                   where (file / field) and the offending value, and a likely fix.
//   InternalError - a broken invariant inside spad: always a bug to report.
// The library never exits or prints; the CLI turns both into a message on
// stderr and a non-zero exit code. SPAD_CHECK is internal.
#pragma once

#include <spad/error.hpp>
#include <string>

namespace spad {

// Checks an invariant that only a bug can break.
#define SPAD_CHECK(cond, msg)                                                                     \
  do {                                                                                            \
    if (!(cond))                                                                                  \
      throw ::spad::InternalError(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " + \
                                  (msg));                                                         \
  } while (0)

}  // namespace spad

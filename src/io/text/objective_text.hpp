// The objective of `spad accel`, `spad sweep` and `spad report` as written on
// the command line (--objective traffic|latency|energy), with one message for
// a bad one, shared by the CLI and the Python module.
#pragma once

#include <string_view>

#include "search/objective.hpp"

namespace spad {

// UserError `--objective "TEXT": expected traffic, latency or energy`.
Objective objective_from_text(std::string_view text);

}  // namespace spad

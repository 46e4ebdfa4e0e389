// The executor check of `simulate --execute` for people: one line for the
// report, and one line per failure for stderr.
#pragma once

#include <string>

#include "study/execution_check.hpp"

namespace spad {

// "executor  seed 1: output matches the reference convolution (...); ...".
std::string format_execution_check(const ExecutionCheck& check);

// What failed, one "spad: error: simulate --execute: ..." line per failure
// ("" when the check passed).
std::string execution_failure_message(const ExecutionCheck& check);

}  // namespace spad

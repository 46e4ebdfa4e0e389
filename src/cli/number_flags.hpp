// Checks for whole-number flags (--batch, --threads, --seed) with messages
// that say what the number is and which values are allowed, instead of
// CLI11's generic "Value 0 not in range 0 to 1.79769e+308"; a value that
// does not fit is an error, never silently clamped. The messages are
// io/text/whole_number_text's, which the Python module uses too.
#pragma once

#include <CLI/CLI.hpp>

#include "io/text/whole_number_text.hpp"

namespace spad::cli {

// A decimal integer in the range (kBatchRange, kThreadsRange). CLI11 shows
// the message as "--flag: <message>".
CLI::Validator whole_number(const WholeNumberRange& range);

// A decimal integer in [0, 2^64 - 1] (a random seed).
CLI::Validator seed_number();

}  // namespace spad::cli

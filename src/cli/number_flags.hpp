// Checks for whole-number flags (--batch, --threads, --seed) with messages
// that say what the number is and which values are allowed, instead of
// CLI11's generic "Value 0 not in range 0 to 1.79769e+308"; a value that
// does not fit is an error, never silently clamped.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "base/thread_launcher.hpp"

namespace spad::cli {

// A decimal integer in [min, max]; `meaning` says what it counts ("the batch
// size"). CLI11 shows the message as "--flag: <message>".
CLI::Validator whole_number(std::int64_t min, std::int64_t max, const std::string& meaning);

// A decimal integer in [0, 2^64 - 1] (a random seed).
CLI::Validator seed_number();

inline constexpr std::int64_t kMaxWholeNumber = INT64_MAX;

// The largest --threads value (base/thread_launcher).
inline constexpr std::int64_t kMaxThreads = spad::kMaxThreads;

}  // namespace spad::cli

// Whole numbers as the command line gives them (--batch, --threads, --seed),
// checked against their allowed range with messages that say what the number
// counts and which values are allowed; a value that does not fit is an
// error, never clamped. The CLI's flag checks (cli/number_flags) and the
// Python module's count arguments both use these, so their messages agree.
#pragma once

#include <cstdint>
#include <string>

#include "base/thread_launcher.hpp"

namespace spad {

// What a whole number counts and the values it may take.
struct WholeNumberRange {
  std::int64_t min = 0;
  std::int64_t max = INT64_MAX;
  const char* meaning = "";  // "the batch size"
};

inline constexpr WholeNumberRange kBatchRange{1, INT64_MAX, "the batch size"};
inline constexpr WholeNumberRange kThreadsRange{0, kMaxThreads, "the number of threads (0: all)"};

// "" when `text` is a decimal integer (an optional leading '+') in the
// range; else why not, e.g. "\"0\" is too small for the batch size (1 to
// 9223372036854775807)" (the CLI prints it after "--batch: ").
std::string whole_number_problem(const std::string& text, const WholeNumberRange& range);

// The same for a random seed: a decimal integer in [0, 2^64 - 1].
std::string seed_problem(const std::string& text);

// The value of `text`; throws UserError "<flag>: <problem>" (the CLI's
// message for the same text) unless whole_number_problem(text, range) is "".
std::int64_t parse_whole_number(const std::string& text, const std::string& flag,
                                const WholeNumberRange& range);

// The seed `text` gives; throws UserError "<flag>: <problem>" otherwise.
std::uint64_t parse_seed(const std::string& text, const std::string& flag);

}  // namespace spad

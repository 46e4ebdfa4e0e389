// `simulate --execute`: compares the functional executor's run with the
// reference convolution (values) and with the simulator's Traffic (element
// counts per array: reads, writes, final writes, fills; and that no buffer
// held more than its size).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/traffic.hpp"
#include "sim/executor.hpp"

namespace spad::cli {

struct ExecutionCheck {
  std::uint64_t seed = 0;
  Count output_values = 0;
  Count output_mismatches = 0;                // values that differ from the reference
  std::vector<std::string> count_mismatches;  // e.g. "I reads: executor 5, simulator 6"
  bool output_matches() const { return output_mismatches == 0; }
  bool counts_match() const { return count_mismatches.empty(); }
  bool ok() const { return output_matches() && counts_match(); }
};

ExecutionCheck check_execution(const Execution& run, const Traffic& simulated, std::uint64_t seed);

// {"seed", "output_matches", "output_mismatches", "counts_match", "count_mismatches"}.
nlohmann::ordered_json execution_check_json(const ExecutionCheck& check);

// One line for the human report.
std::string format_execution_check(const ExecutionCheck& check);

// The message for stderr when the check failed: one "spad: error: ..." line per failure.
std::string execution_failure_message(const ExecutionCheck& check);

}  // namespace spad::cli

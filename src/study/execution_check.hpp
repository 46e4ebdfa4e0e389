// The check behind `simulate --execute`: compares the functional
// executor's run with the reference convolution (values) and with the
// simulator's Traffic (element counts per array: reads, writes, final
// writes, fills; the buffer sizes the executor's replay found against the
// simulator's; and that no buffer held more than its size). A plain value;
// io/json/execution_check_json and report/execution_check_text write it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "sim/executor.hpp"

namespace spad {

struct ExecutionCheck {
  std::uint64_t seed = 0;
  Count output_values = 0;
  Count output_mismatches = 0;                // values that differ from the reference
  std::vector<std::string> count_mismatches;  // e.g. "I reads: executor 5, simulator 6"
  bool output_matches() const { return output_mismatches == 0; }
  bool counts_match() const { return count_mismatches.empty(); }
  bool ok() const { return output_matches() && counts_match(); }
};

// `machine` is the one both ran on (with double_buffer, the simulator counts
// two copies of each buffer, the executor one).
ExecutionCheck check_execution(const Execution& run, const Traffic& simulated,
                               const Machine& machine, std::uint64_t seed);

}  // namespace spad

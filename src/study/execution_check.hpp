// The check behind `simulate --execute`: compares the functional
// executor's run with the reference convolution (values) and with the
// simulator's Traffic (element counts per array: reads, writes, final
// writes, fills; the buffer sizes the executor's replay found against the
// simulator's; and that no buffer held more than its size). A plain value;
// io/json/execution_check_json and report/execution_check_text write it.
#pragma once

#include <fmt/format.h>

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

// The parts check_execution and check_level_execution share.
// How many values of `output` differ from `reference` (all when the shapes differ).
Count output_mismatches(const IntTensor4& output, const IntTensor4& reference);

// One buffer of array `t`: the executor's counts `e` (ExecArrayCounts or
// LevelExecArrayCounts) against the simulator's `s`, one line in
// check.count_mismatches per count that differs ("<prefix>I reads: executor
// 5, simulator 6"; `prefix` is "" or "level L1 "); the executor holds one
// copy of a buffer, the simulator `copies`.
template <class ExecCounts>
void compare_array_counts(ExecutionCheck& check, const std::string& prefix, Tensor t,
                          const ExecCounts& e, const ArrayTraffic& s, Count copies) {
  const auto compare = [&](const char* what, Count executed, Count counted) {
    if (executed != counted)
      check.count_mismatches.push_back(fmt::format("{}{} {}: executor {}, simulator {}", prefix,
                                                   tensor_name(t), what, executed, counted));
  };
  compare("reads", e.reads, s.reads);
  compare("writes", e.writes, s.writes);
  compare("final writes", e.final_writes, s.final_writes);
  compare("fills", e.fills, s.fills);
  compare("buffer size", mul(e.capacity_elems, copies), s.buffer_elems);
  if (e.peak_elems > e.capacity_elems)
    check.count_mismatches.push_back(fmt::format("{}{} buffer held {} elements, its size is {}",
                                                 prefix, tensor_name(t), e.peak_elems,
                                                 e.capacity_elems));
}

}  // namespace spad

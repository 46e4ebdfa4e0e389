// Comparison of an executor run with the reference output and the simulator.
#include "study/execution_check.hpp"

#include <fmt/format.h>

namespace spad {

ExecutionCheck check_execution(const Execution& run, const Traffic& simulated,
                               const Machine& machine, std::uint64_t seed) {
  ExecutionCheck check;
  check.seed = seed;
  check.output_values = run.reference.size();
  if (run.output.shape != run.reference.shape) {
    check.output_mismatches = check.output_values;
  } else {
    for (std::size_t i = 0; i < run.output.data.size(); ++i)
      if (run.output.data[i] != run.reference.data[i]) ++check.output_mismatches;
  }
  const auto compare = [&](Tensor t, const char* what, Count executed, Count counted) {
    if (executed != counted)
      check.count_mismatches.push_back(
          fmt::format("{} {}: executor {}, simulator {}", tensor_name(t), what, executed, counted));
  };
  for (Tensor t : kAllTensors) {
    const ExecArrayCounts& e = run.arrays[t];
    const ArrayTraffic& s = simulated.arrays[t];
    compare(t, "reads", e.reads, s.reads);
    compare(t, "writes", e.writes, s.writes);
    compare(t, "final writes", e.final_writes, s.final_writes);
    compare(t, "fills", e.fills, s.fills);
    const Count copies = machine.double_buffer ? 2 : 1;
    compare(t, "buffer size", mul(e.capacity_elems, copies), s.buffer_elems);
    if (e.peak_elems > e.capacity_elems)
      check.count_mismatches.push_back(fmt::format("{} buffer held {} elements, its size is {}",
                                                   tensor_name(t), e.peak_elems, e.capacity_elems));
  }
  return check;
}

}  // namespace spad

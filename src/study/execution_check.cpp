// Comparison of an executor run with the reference output and the simulator.
#include "study/execution_check.hpp"

namespace spad {

ExecutionCheck check_execution(const Execution& run, const Traffic& simulated,
                               const Machine& machine, std::uint64_t seed) {
  ExecutionCheck check;
  check.seed = seed;
  check.output_values = run.reference.size();
  check.output_mismatches = output_mismatches(run.output, run.reference);
  const Count copies = machine.double_buffer ? 2 : 1;
  for (Tensor t : kAllTensors)
    compare_array_counts(check, "", t, run.arrays[t], simulated.arrays[t], copies);
  return check;
}

Count output_mismatches(const IntTensor4& output, const IntTensor4& reference) {
  if (output.shape != reference.shape) return reference.size();
  Count mismatches = 0;
  for (std::size_t i = 0; i < output.data.size(); ++i)
    if (output.data[i] != reference.data[i]) ++mismatches;
  return mismatches;
}

}  // namespace spad

// Comparison of a level executor run with the reference output and the
// level simulator.
#include "study/level_execution_check.hpp"

#include <string>

#include "base/error.hpp"

namespace spad {

ExecutionCheck check_level_execution(const LevelExecution& run, const LevelTraffic& simulated,
                                     const MemoryLevels& machine, std::uint64_t seed) {
  if (run.levels.size() != simulated.levels.size())
    throw InternalError("check_level_execution: the executor ran " +
                        std::to_string(run.levels.size()) + " levels, the simulator counted " +
                        std::to_string(simulated.levels.size()));
  ExecutionCheck check;
  check.seed = seed;
  check.output_values = run.reference.size();
  check.output_mismatches = output_mismatches(run.output, run.reference);
  const Count copies = machine.double_buffer ? 2 : 1;
  for (std::size_t l = 0; l < run.levels.size(); ++l) {
    const LevelCost& level = simulated.levels[l];
    const std::string label =
        level.name.empty() ? "level " + std::to_string(l + 1) : "level " + level.name;
    for (Tensor t : kAllTensors)
      compare_array_counts(check, label + " ", t, run.levels[l][t], level.arrays[t], copies);
  }
  return check;
}

}  // namespace spad

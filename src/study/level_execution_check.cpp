// Comparison of a level executor run with the reference output and the
// level simulator.
#include "study/level_execution_check.hpp"

#include <fmt/format.h>

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
  if (run.output.shape != run.reference.shape) {
    check.output_mismatches = check.output_values;
  } else {
    for (std::size_t i = 0; i < run.output.data.size(); ++i)
      if (run.output.data[i] != run.reference.data[i]) ++check.output_mismatches;
  }
  const Count copies = machine.double_buffer ? 2 : 1;
  for (std::size_t l = 0; l < run.levels.size(); ++l) {
    const LevelCost& level = simulated.levels[l];
    const std::string label =
        level.name.empty() ? "level " + std::to_string(l + 1) : "level " + level.name;
    const auto compare = [&](Tensor t, const char* what, Count executed, Count counted) {
      if (executed != counted)
        check.count_mismatches.push_back(fmt::format("{} {} {}: executor {}, simulator {}", label,
                                                     tensor_name(t), what, executed, counted));
    };
    for (Tensor t : kAllTensors) {
      const LevelExecArrayCounts& e = run.levels[l][t];
      const ArrayTraffic& s = level.arrays[t];
      compare(t, "reads", e.reads, s.reads);
      compare(t, "writes", e.writes, s.writes);
      compare(t, "final writes", e.final_writes, s.final_writes);
      compare(t, "fills", e.fills, s.fills);
      compare(t, "buffer size", mul(e.capacity_elems, copies), s.buffer_elems);
      if (e.peak_elems > e.capacity_elems)
        check.count_mismatches.push_back(
            fmt::format("{} {} buffer held {} elements, its size is {}", label, tensor_name(t),
                        e.peak_elems, e.capacity_elems));
    }
  }
  return check;
}

}  // namespace spad

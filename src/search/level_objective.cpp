// The level search's key (see level_objective.hpp for the order of its terms).
#include "search/level_objective.hpp"

#include <string>

#include "base/error.hpp"

namespace spad {

std::size_t level_key_size(const LevelObjective& objective, std::size_t levels) {
  if (!objective.accel) return levels + 2;
  return objective.objective == Objective::traffic ? levels + 3 : levels + 4;
}

void write_level_key(const LevelObjective& objective, const Count* boundary_bytes,
                     std::size_t levels, Count fills, Count buffer_bytes,
                     const LevelCostTerms& cost, std::vector<Count>& key) {
  key.resize(level_key_size(objective, levels));
  std::size_t at = 0;
  if (objective.accel && objective.objective == Objective::latency) {
    key[at++] = cost.latency_cycles;
    key[at++] = cost.energy.total;
  } else if (objective.accel && objective.objective == Objective::energy) {
    key[at++] = cost.energy.total;
    key[at++] = cost.latency_cycles;
  }
  for (std::size_t b = 0; b < levels; ++b) key[at++] = boundary_bytes[b];
  key[at++] = fills;
  key[at++] = buffer_bytes;
  if (objective.accel && objective.objective == Objective::traffic) key[at++] = cost.latency_cycles;
}

std::string level_objective_with_ties(Objective objective) {
  switch (objective) {
    case Objective::traffic:
      return "traffic (bytes per boundary outside in, then fills, buffer bytes; ties: latency)";
    case Objective::latency:
      return "latency (ties: energy, then traffic: bytes per boundary outside in, fills, buffer "
             "bytes)";
    case Objective::energy:
      return "energy (ties: latency, then traffic: bytes per boundary outside in, fills, buffer "
             "bytes)";
  }
  throw InternalError("level_objective_with_ties: unknown objective");
}

void validate(const LevelObjective& objective, const MemoryLevels& machine) {
  if (!objective.accel) {
    if (objective.objective != Objective::traffic)
      throw UserError("the " + std::string(objective_name(objective.objective)) +
                      " objective needs an accelerator description (--machine FILE)");
    return;
  }
  if (objective.accel->memory != machine)
    throw InternalError("level search: the accelerator's memory is not the machine searched");
  if (machine.levels.size() < 2)
    throw UserError("the " + std::string(objective_name(objective.objective)) +
                    " objective of the level search takes an accelerator of two or more "
                    "on-chip levels; " +
                    objective.accel->name + " has one (the one-level search costs it)");
}

}  // namespace spad

// What the level search (search/level_search) minimises: DESIGN.md's level
// traffic key, or on an accelerator of several levels (model/level_accelerator)
// a key that starts with latency or energy, computed by the model
// (model/level_accel_cost). The conventions are search/objective's:
//   no accelerator:      (bytes across boundary 1..L, fills, buffer bytes)
//   traffic:             (bytes across boundary 1..L, fills, buffer bytes, latency)
//   latency:             (latency, energy, bytes across boundary 1..L, fills, buffer bytes)
//   energy:              (energy, latency, bytes across boundary 1..L, fills, buffer bytes)
// then the level search's fixed order. The traffic objective's key starts
// with the whole level traffic key, so its values are `optimize`'s with the
// same capacities; latency breaks what is left of a tie.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "search/objective.hpp"

namespace spad {

struct LevelObjective {
  Objective objective = Objective::traffic;
  // Null: the level traffic key alone (objective must be traffic). Not
  // owned: it must outlive the search.
  const LevelAccelerator* accel = nullptr;
};

// The number of terms of the key with `levels` levels.
std::size_t level_key_size(const LevelObjective& objective, std::size_t levels);

// Writes the key (size level_key_size) into `key` from the traffic key's
// terms and, on an accelerator, the cost terms (ignored without one).
void write_level_key(const LevelObjective& objective, const Count* boundary_bytes,
                     std::size_t levels, Count fills, Count buffer_bytes,
                     const LevelCostTerms& cost, std::vector<Count>& key);

// The objective with its ties as printed with every level accel result:
// "latency (ties: energy, then the level traffic key)".
std::string level_objective_with_ties(Objective objective);

// Throws UserError when the objective needs an accelerator and has none, or
// the accelerator does not describe `machine` (the memory searched).
void validate(const LevelObjective& objective, const MemoryLevels& machine);

}  // namespace spad

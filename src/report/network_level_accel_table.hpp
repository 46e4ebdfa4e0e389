// The human report of `spad accel --model M --machine M.yaml` on a machine of
// several levels: the level search's table of the network
// (report/network_level_table: bytes across every boundary per layer), then
// per layer its latency, energy and whether it is memory-bound on the
// accelerator, with totals, and the objective with its ties.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "search/objective.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad {

// `costs`: network_level_accel_costs(result, accel); `width` (0: unlimited).
std::string format_network_level_accel_table(
    const NetworkLevelResult& result, const LevelAccelerator& accel, Objective objective,
    const std::vector<std::optional<LevelAccelCost>>& costs, double seconds, int threads,
    std::size_t width = 0);

}  // namespace spad

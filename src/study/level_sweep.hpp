// `spad sweep` over several on-chip levels: the network level study
// (study/optimize_network_levels, the exact level search of every distinct
// layer shape) at every point of the cartesian product of one capacity set
// per level, outermost level varying slowest. Each row is what `spad optimize
// --model M --buffer A,B` answers at that point: the traffic, compulsory
// traffic and lower bound of every boundary, the off-chip one also as the
// row's top-level numbers; on an accelerator of several levels (a machine
// file with `levels:`), each level takes the point's capacity (a default SRAM
// energy re-derived for it) and the search minimises the objective.
//
// With baselines asked (plain levels only), each point is what `spad compare
// --model M --buffer A,B` answers there (study/compare_network_levels: the
// level optimum and, per distinct shape whose optimum fits, the baselines of
// search/level_baselines), each baseline summed per boundary over the layers.
//
// Points are searched one after the other, each network's shapes in parallel
// on the job runner (optimize_network_levels); every answer is exact, so the
// result is the same for any thread count. No work is shared across points.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "model/memory_levels.hpp"
#include "search/objective.hpp"
#include "study/compare_network_levels.hpp"
#include "study/optimize_network_levels.hpp"
#include "workload/network.hpp"

namespace spad {

struct LevelSweepOptions {
  // One set per level, outermost first (2 .. kMaxMemoryLevels levels); each
  // ascending, distinct, every capacity >= 1 (io/text/capacity_list).
  std::vector<std::vector<Count>> capacities;
  // One level per capacity set, with its name; precisions and options; the
  // capacities are ignored. A network's own element sizes replace these
  // precisions for that network, as in `spad optimize`.
  MemoryLevels machine;
  // Accelerators of several levels (machine files): when given, `machine` is
  // ignored, each must have one level per capacity set, and each is searched
  // for every objective of `objectives` (empty: traffic).
  std::vector<LevelAccelerator> accelerators;
  std::vector<Objective> objectives;
  // Also the level baselines at every point (plain levels only: UserError
  // with accelerators, which have no level baselines).
  bool baselines = false;
  int threads = 0;  // 0: all hardware threads
  // Called with (0, total) first, then (done, total) as each (network,
  // machine, point) is answered, one call at a time. For a progress line.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// One boundary of a row, summed over the network's layers.
struct LevelSweepBoundary {
  std::optional<Count> traffic_bytes;  // nullopt when some layer does not fit
  Count compulsory_bytes = 0;          // every layer
  Count lower_bound_bytes = 0;         // every layer (model/level_evaluate's bound)
};

// A level baseline summed over a network at one point.
struct LevelSweepBaselineTotal {
  Count layers_fit = 0;  // layers where the baseline fits
  // Per boundary, outermost first; nullopt unless it fits every layer (and
  // for a baseline with no several-level form).
  std::vector<std::optional<Count>> traffic_bytes;
};

// One network at one point (on one machine, for one objective).
struct LevelSweepRow {
  std::size_t network = 0;              // index into LevelSweepResult::networks
  std::size_t machine = 0;              // index into LevelSweepResult::machines
  std::vector<Count> capacities_bytes;  // one per level, outermost first
  Count layers = 0, macs = 0;
  Count infeasible_layers = 0;  // layers whose innermost level fits no schedule
  // Per boundary, outermost (off-chip) first; boundary l is the one above level l+1.
  std::vector<LevelSweepBoundary> levels;
  // On an accelerator, sums of the layers' costs (nullopt when some layer
  // does not fit).
  std::optional<Count> latency_cycles, energy_fj;
  NetworkLevelResult study;                          // every layer's optimum at this point
  std::vector<std::optional<LevelAccelCost>> costs;  // on an accelerator, per layer
  // When asked: indexed by Baseline (those without a several-level form fit
  // no layer), and each layer's baselines, parallel to study.layers.
  std::array<LevelSweepBaselineTotal, kNumBaselines> baselines;
  std::vector<LayerLevelComparison> layer_baselines;

  // The off-chip boundary's numbers (levels[0]), the row's top-level ones.
  const std::optional<Count>& traffic_bytes() const { return levels.front().traffic_bytes; }
  Count compulsory_bytes() const { return levels.front().compulsory_bytes; }
  Count lower_bound_bytes() const { return levels.front().lower_bound_bytes; }
};

// What a row was searched on: the plain levels, or an accelerator and an objective.
struct LevelSweepMachine {
  std::optional<LevelAccelerator> accelerator;  // its capacities: the first point's
  Objective objective = Objective::traffic;
};

struct LevelSweepResult {
  std::vector<Network> networks;
  std::vector<std::vector<Count>> capacities;  // per level, ascending
  MemoryLevels machine;  // the plain machine: level names, precision, options (no capacities)
  std::vector<LevelSweepMachine> machines;  // one, the plain machine, without accelerators
  bool baselines = false;                   // the rows carry the level baselines
  // Network by network, machine by machine, then the points with the
  // outermost level's capacity varying slowest.
  std::vector<LevelSweepRow> rows;
  Count searches = 0;  // level searches run (one per distinct shape per point)

  std::size_t points() const;
  // The capacities of point p, one per level.
  std::vector<Count> point(std::size_t p) const;
  const LevelSweepRow& row(std::size_t network, std::size_t point, std::size_t machine = 0) const {
    return rows.at((network * machines.size() + machine) * points() + point);
  }
};

// Throws UserError for no network, a network without layers, fewer than two
// or more than kMaxMemoryLevels levels, an empty set, a capacity < 1, a
// machine or accelerator whose level count differs from the sets', baselines
// asked with accelerators, and every
// error of
// optimize_network_levels (a layer beyond the level search's size limit,
// naming it, before any search runs).
LevelSweepResult sweep_levels(const std::vector<Network>& networks,
                              const LevelSweepOptions& options);

}  // namespace spad

// `spad sweep`: the exact optimum of every layer of one or more networks at
// every scratchpad capacity of a list, with the network totals, the
// compulsory traffic and the lower bound (model/lower_bound) at each point,
// and on request the baselines of search/baselines beside them.
//
// Work is shared where that is exact: each distinct layer shape (all
// LayerSpec fields but the name, across all the networks) is searched once
// per capacity at most, and capacities are answered from the largest down
// through study/capacity_optima, so a search also answers every smaller
// capacity its optimum still fits.
//
// Parallelism: one job per (distinct shape, searched space) runs through the
// job runner (base/parallel_run) on min(T, jobs) workers, each search on
// max(1, T / workers) threads; results are stored by position and every
// answer is exact, so the result is the same for any thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/accel_cost.hpp"
#include "model/accelerator.hpp"
#include "model/machine.hpp"
#include "search/candidate.hpp"
#include "search/objective.hpp"
#include "search/search_space.hpp"
#include "study/capacity_target.hpp"
#include "study/compare_result.hpp"
#include "workload/network.hpp"

namespace spad {

struct SweepOptions {
  std::vector<Count> capacities;  // ascending, distinct, each >= 1 (io/text/capacity_list)
  // Precisions and hardware options; capacity ignored. A network's own
  // element sizes (Network::precision, from a quantized ONNX model) replace
  // these precisions for that network, as in `spad optimize`.
  Machine machine;
  // Accelerators (machine files): when given, `machine` is ignored, each
  // accelerator's scratchpad takes every capacity in turn (a default
  // scratchpad energy re-derived for it: study/capacity_optima), and each is
  // searched for every objective of `objectives` (empty: traffic). The
  // baselines are then searched on the accelerator for the same objective
  // (the fixed dataflows and the working-set model; the HWCE-like engine is
  // one fixed schedule). The target ratio and the knee are then asked of
  // each machine file's least traffic (SweepResult::machine_answers).
  std::vector<Accelerator> accelerators;
  std::vector<Objective> objectives;
  SearchSpace space;
  bool baselines = false;  // also the seven baselines of study/compare_result
  int threads = 0;         // 0: all hardware threads
  // Also the smallest capacity at which traffic <= ratio x compulsory
  // (study/capacity_target), and the knee of each curve.
  std::optional<Ratio> target_ratio;
  std::optional<Ratio> knee_share;
  // Called with (0, total) first, then (done, total) as each step ends (a
  // shape answered over the capacities in one search space, a target or a
  // knee step), one call at a time, from any thread. For a progress line.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// One layer at one capacity.
struct SweepLayerPoint {
  std::optional<Candidate> best;  // empty: the layer does not fit
  std::optional<AccelCost> cost;  // on an accelerator, of `best`
  Count compulsory_bytes = 0;
  Count lower_bound_bytes = 0;  // model/lower_bound: max(compulsory, pebble bound)
  // Indexed by Baseline (when asked); nullopt where the baseline does not fit.
  std::array<std::optional<Candidate>, kNumBaselines> baselines;
};

// A baseline summed over a network at one capacity.
struct SweepBaselineTotal {
  Count layers_fit = 0;                // layers where the baseline fits
  std::optional<Count> traffic_bytes;  // nullopt unless it fits every layer
};

// One network at one capacity (on one machine, for one objective).
struct SweepRow {
  std::size_t network = 0;  // index into SweepResult::networks
  std::size_t machine = 0;  // index into SweepResult::machines
  Count capacity_bytes = 0;
  Count layers = 0, macs = 0;
  // Sum over the layers; nullopt when some layer does not fit (then the
  // network has no schedule at this capacity).
  std::optional<Count> traffic_bytes;
  Count infeasible_layers = 0;
  Count compulsory_bytes = 0;   // every layer
  Count lower_bound_bytes = 0;  // every layer
  // On an accelerator, sums of the layers' costs (nullopt as traffic_bytes).
  std::optional<Count> latency_cycles, energy_fj;
  std::array<SweepBaselineTotal, kNumBaselines> baselines;  // when asked
  std::vector<SweepLayerPoint> layer_points;                // parallel to the network's layers
};

struct SweepStats {
  Count unique_shapes = 0;
  Count searches = 0;  // optimum searches run (baseline searches not counted)
  Count answers = 0;   // (shape, capacity) optima given: searches + shared
};

// What a row was searched on: the plain machine, or an accelerator and an
// objective.
struct SweepMachine {
  std::optional<Accelerator> accelerator;  // its capacity: that of the first row
  Objective objective = Objective::traffic;
};

// The capacity questions asked of one machine file (see machine_answers).
struct SweepMachineAnswers {
  std::string machine;  // the accelerator's name
  std::optional<TargetCapacities> targets;
  std::optional<Knees> knees;
};

struct SweepResult {
  std::vector<Network> networks;
  std::vector<Count> capacities;       // ascending
  Machine machine;                     // capacity unset (plain machine)
  std::vector<SweepMachine> machines;  // one, the plain machine, without accelerators
  SearchSpace space;
  bool baselines = false;
  std::vector<SweepRow> rows;  // network by network, capacities ascending
  // On the plain machine, when asked.
  std::optional<TargetCapacities> targets;
  std::optional<Knees> knees;
  // With accelerators, when a target or a knee is asked: one per machine
  // file, in the order given. Both are questions about traffic, so they are
  // answered on the least traffic the machine's scratchpad reaches at each
  // capacity (its precisions, halo reuse and double buffering), whatever the
  // objective: the traffic of a latency- or energy-optimal schedule may rise
  // with the capacity, and "the smallest capacity where it is within R x
  // compulsory" would then not be the threshold a bisection finds.
  std::vector<SweepMachineAnswers> machine_answers;
  SweepStats stats;

  const SweepRow& row(std::size_t network, std::size_t capacity_index,
                      std::size_t machine = 0) const {
    return rows.at((network * machines.size() + machine) * capacities.size() + capacity_index);
  }
};

// Throws UserError for no network, a network without layers, no capacity,
// a capacity < 1, or a cost
// beyond int64 (naming the layer).
SweepResult sweep(const std::vector<Network>& networks, const SweepOptions& options);

}  // namespace spad

// The answer of `spad accel`: the best schedule of every selected layer for
// an objective (traffic, latency or energy) on an accelerator, its cycles and
// energy, and the same for the baselines of search/baselines (kAccelBaselines). A plain
// value; study/accel_network fills it, io and report write it.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "model/accel_cost.hpp"
#include "model/accelerator.hpp"
#include "search/baselines.hpp"
#include "search/objective.hpp"
#include "study/network_result.hpp"

namespace spad {

struct CostedSchedule {
  Candidate candidate;
  AccelCost cost;
};

struct LayerAccel {
  std::optional<AccelCost> cost;  // of the optimum; nullopt when it does not fit
  // Indexed by Baseline (search/baselines), set for kAccelBaselines (never
  // working_set); nullopt where the baseline does not fit or cannot run the
  // layer. Empty when baselines were not asked for.
  std::array<std::optional<CostedSchedule>, kNumBaselines> baselines;
  // Where a baseline's cost leaves int64 (absurd energies on a huge layer):
  // it is then nullopt above and flagged here.
  std::array<bool, kNumBaselines> baseline_overflow{};
};

struct AccelResult {
  NetworkResult network;  // network.machine == accel.machine
  Accelerator accel;
  Objective objective = Objective::latency;
  bool with_baselines = true;
  // The one layer's schedule was given (spad accel --schedule), not searched.
  bool given_schedule = false;
  std::vector<LayerAccel> layers;  // parallel to network.layers
};

// Sums over the layers that fit (and, for a baseline, over the layers where
// it and the optimum both fit).
struct AccelTotals {
  Count layers = 0, scheduled_layers = 0, macs = 0;
  Count traffic_bytes = 0, compulsory_bytes = 0;
  Count compute_cycles = 0, transfer_cycles = 0, latency_cycles = 0;
  Count latency_serial_cycles = 0, latency_overlapped_cycles = 0;
  EnergyFj energy;
  Count memory_bound_layers = 0;
  double peak_bytes_per_cycle = 0;  // the largest of a layer's traffic / latency
  Count frames = 1;                 // images per pass: the batch of the first layer
};

AccelTotals accel_totals(const AccelResult& result);

struct AccelBaselineTotal {
  Count layers = 0;
  Count latency_cycles = 0, optimum_latency_cycles = 0;
  Count energy_fj = 0, optimum_energy_fj = 0;
  Count traffic_bytes = 0, optimum_traffic_bytes = 0;
};

AccelBaselineTotal accel_baseline_total(const AccelResult& result, Baseline baseline);

// Seconds for `cycles` at the accelerator's clock.
double seconds(const Accelerator& accel, Count cycles);

}  // namespace spad

// The sweep as CSV (`spad sweep --csv`), the twin of the table and JSON: a
// header, then per model and capacity (ascending) one line with scope
// "network" and, with --per-layer, one line per layer (scope "layer"):
//   scope,model,capacity_bytes,layer,index,layers,macs,traffic_bytes,
//   buffer_bytes,compulsory_bytes,lower_bound_bytes,infeasible_layers
//   [,machine,objective,latency_cycles,energy_fj with machine files (--machine)]
//   [,<baseline>_traffic_bytes for each baseline with --baselines]
// Empty cells: not applicable, or no schedule fits (traffic, buffers; a
// baseline total when the baseline does not fit every layer).
#pragma once

#include <string>

#include "study/sweep.hpp"

namespace spad {

std::string sweep_to_csv(const SweepResult& result, bool per_layer);

}  // namespace spad

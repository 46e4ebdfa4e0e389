// The sweep over several on-chip levels as CSV (`spad sweep --buffers "A;B"
// --csv`), the twin of its table and JSON: a header, then per model and point
// (the outermost level's capacity varying slowest) one line with scope
// "network" and, with --per-layer, one line per layer (scope "layer"):
//   scope,model,level1_capacity_bytes,...,levelL_capacity_bytes,layer,index,
//   layers,macs,traffic_bytes,buffer_bytes,compulsory_bytes,lower_bound_bytes,
//   infeasible_layers,
//   level1_traffic_bytes,level1_compulsory_bytes,level1_lower_bound_bytes, ... levelL_...
//   [,machine,objective,latency_cycles,energy_fj with machine files (--machine)]
//   [,weight_stationary_traffic_bytes, ... (every baseline of search/baselines,
//    off-chip, as the one-level sweep's columns),
//    level1_weight_stationary_traffic_bytes, ... levelL_working_set_traffic_bytes
//    (the baselines with a several-level form, per boundary) with --baselines;
//    empty where the baseline does not fit (a network line: some layer) or has
//    no several-level form]
// Level 1 is the outermost; levelK_* are the numbers of the boundary above
// level K (level1_*: off-chip, the same as traffic_bytes, compulsory_bytes and
// lower_bound_bytes). Empty cells: not applicable, or no schedule fits.
#pragma once

#include <string>

#include "study/level_sweep.hpp"

namespace spad {

std::string level_sweep_to_csv(const LevelSweepResult& result, bool per_layer);

}  // namespace spad

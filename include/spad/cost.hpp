// What one schedule costs (public API; part of <spad/spad.hpp>). Three
// independent pieces of code answer it and agree to the element (DESIGN.md,
// "Exact semantics of traffic"): the analytical model (formulas), the
// tile-level simulator (replays the tile loops) and the functional executor
// (runs the convolution on integers through the buffers).
//
// Traffic rules in brief (DESIGN.md has them in full): a buffer is refilled
// each time the tile it must hold changes; W_reads = V_W * |W|; O_writes =
// V_O * |O|, O_reads = (V_O - 1) * |O| (the first visit starts from zero);
// I_reads sums the distinct in-bounds footprints of the fills (padding is
// never data; with halo_reuse a step of the innermost I loop along p, q, r or
// s loads only new elements). Buffer size = largest footprint (x2 with
// double_buffer), O at partial-sum precision; fits = sum of buffer bytes <=
// capacity. Compulsory = every used input, every weight, every output once.
#pragma once

#include <cstdint>

#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/lower_bound.hpp"
#include "sim/executor.hpp"
#include "sim/tile_simulator.hpp"
#include "spad/values.hpp"

namespace spad {

// The analytical model: a pure function. Validates the schedule and machine
// against the layer (UserError naming the field), then counts.
Traffic evaluate(const Layer& layer, const Schedule& schedule, const Machine& machine);

// The tile-level simulator: the same Traffic, counted by replaying the tile
// loops. UserError beyond kMaxSimulatedIterations (2^28) tile iterations
// (use evaluate instead).
Traffic simulate(const Layer& layer, const Schedule& schedule, const Machine& machine);

// The functional executor (sim/executor.hpp):
//   Execution execute(layer, schedule, machine, std::uint64_t seed,
//                     const ExecuteProgress& progress = {});
// fills I and W with small random integers from `seed`, runs every tile
// through the buffers, and returns the output (N x M x P x Q), the reference
// convolution's output (output_matches()), and per array what moved
// (ExecArrayCounts: reads, writes, final_writes, fills, peak_elems). Layers
// over kMaxExecutedMacs (2^30) MACs or kMaxExecutedTensorElems (2^26)
// elements per array are a UserError.

// Compulsory traffic in bytes at these precisions.
Count compulsory_bytes(const Layer& layer, const Precision& precision);

// The floor no schedule beats at a scratchpad of capacity_bytes (> 0):
// max(compulsory, the red-blue pebble bound 2*M/sqrt(R_max*S)) (Hong & Kung
// 1981; Chen, Han, Wang, HPCA 2020; docs/lower-bound.md).
LowerBound lower_bound(const Layer& layer, const Precision& precision, Count capacity_bytes);

// On an accelerator (model/accel_cost.hpp, derivations in
// docs/accelerator.md):
//   AccelCost accel_cost(layer, schedule, accel, traffic,
//                        OnOverflow policy = OnOverflow::reject);
// cycles (compute, transfer, exposed; serial and overlapped latency: latency
// is the overlapped one with double buffering), the MAC array's activity and
// the energy in femtojoules. `traffic` must be evaluate(layer, schedule,
// accel.machine).

}  // namespace spad

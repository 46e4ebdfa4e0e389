// From traffic to cycles and joules: the accelerator cost of a schedule.
// A pure function of (layer, schedule, accelerator, traffic), where traffic
// is what model/evaluate (or the simulator) counted for that schedule.
//
// The datapath (docs/accelerator.md has the derivations):
//
//   for each tile (t_n x ... x t_s), in the order of the tile loops
//     for each block of lanes over the unrolled loops      ┐ Π_d ceil(t_d / u_d)
//       for each step of the other loops inside the tile    ┘ cycles per tile
//         the MAC array does up to Π u_d MACs: it reads the distinct
//         I and W operands of the block from the scratchpad and
//         accumulates the block's outputs in its registers
//     each O element of the tile is read (not on the tile's first
//     reduction step) and written back to the scratchpad once
//
// Per loop d, F_d = Σ over the tile positions of ceil(t_d(pos) / u_d) (the
// lane steps; = D_d when d is not unrolled). Then, exactly:
//   compute_cycles = Π_d F_d
//   operand reads  I: Π_{d indexes I} D_d · F_m      (W broadcast along m lanes)
//                  W: Π_{d indexes W} D_d · F_n F_p F_q
//                  O: |O| (T_c T_r T_s − 1),  O writes |O| T_c T_r T_s
//   DMA transfers  = fills_I + fills_W + fills_O (write-backs)
//                    + O fills that read partial sums back
// and, with transfer_cycles = ceil(8 bytes / bits_per_cycle) + transfers · setup:
//   serial latency     = compute + transfer
//   overlapped latency = min(serial, max(compute + exposed, transfer)):
//     compute cannot hide the first fill of the I and W buffers nor the last
//     write-back of the O buffer (exposed: each at its largest size, with a
//     setup each); a memory-bound layer runs at the DMA engine's pace
//   latency            = overlapped with double buffering, else serial
//   energy             = offchip·bytes + scratchpad·(DMA bytes + datapath
//                        bytes) + mac·MACs   (femtojoules)
// Every output is non-decreasing in every input of cost_from_inputs: the
// search bounds a set of schedules by feeding it lower bounds.
#pragma once

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/accelerator.hpp"
#include "model/activity.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// The inputs of the cost: the activity, the off-chip bytes and the bytes of
// the transfers that cannot overlap compute.
struct CostInputs {
  Activity activity;
  Count traffic_bytes = 0;
  Count first_load_bytes = 0;  // one fill of the I and W buffers (one copy each)
  Count last_store_bytes = 0;  // one write-back of the O buffer (final values)
  // Bytes the datapath moves: operand reads x their sizes + psum writes.
  Count datapath_bytes = 0;
};

struct EnergyFj {
  Count offchip = 0, scratchpad = 0, mac = 0, total = 0;
  friend bool operator==(const EnergyFj&, const EnergyFj&) = default;
};

struct AccelCost {
  Activity activity;
  Count transfer_data_cycles = 0;   // ceil(8 * traffic bytes / bits per cycle)
  Count transfer_setup_cycles = 0;  // DMA transfers x setup
  Count transfer_cycles = 0;        // the two above
  Count exposed_cycles = 0;         // first fill + last write-back, with their setups
  Count latency_serial_cycles = 0;
  Count latency_overlapped_cycles = 0;
  Count latency_cycles = 0;    // the one the machine has (double buffering: overlapped)
  Count scratchpad_bytes = 0;  // DMA side + datapath side
  EnergyFj energy;
  // A term beyond int64 was clamped to its maximum (OnOverflow::saturate only).
  bool saturated = false;
  bool memory_bound() const { return transfer_cycles > activity.compute_cycles; }
  friend bool operator==(const AccelCost&, const AccelCost&) = default;
};

// MACs / (compute cycles x MACs per cycle); 0 when nothing is computed.
double mac_utilization(const AccelCost& cost, const MacArray& array);

// Off-chip bytes per cycle of latency (achieved bandwidth); 0 for no latency.
double bytes_per_cycle(Count traffic_bytes, const AccelCost& cost);

// F_d for one loop: Σ over its tile positions of ceil(extent / lanes).
Count lane_steps(Count extent, Count tile, Count lanes);

// What the activity depends on, per loop d: F_d (lane steps over all tiles)
// and T_d (trip count).
struct LoopSteps {
  PerDim<Count> lane_steps, trips;
};

LoopSteps loop_steps(const Layer& layer, const Schedule& schedule, const MacArray& array);

// The activity from the loop steps and the traffic of the schedule (fills,
// O's reduction visits). Non-decreasing in each F_d, in T_c T_r T_s and in
// each fill count.
Activity count_activity(const Layer& layer, const LoopSteps& steps, const Traffic& traffic);

// The MAC array's side of count_activity alone (dma_transfers = 0): it
// needs no traffic, so the search can bound a schedule before counting it.
Activity count_datapath(const Layer& layer, const LoopSteps& steps);

// Bytes the datapath moves between scratchpad and MAC array.
Count datapath_bytes(const Activity& activity, const Precision& precision);

// The cost inputs of a schedule whose traffic is known.
CostInputs cost_inputs(const Precision& precision, const Activity& activity, const Traffic& traffic,
                       bool double_buffer);

// What cost_from_inputs does with a term beyond int64 (absurd energies or
// setups on huge layers): reject throws UserError naming the term (for a
// result to report); saturate clamps it to the maximum (for the search, which
// may look at schedules far worse than the one it reports).
enum class OnOverflow { reject, saturate };

// The cost; non-decreasing in every field of `in` (saturated or not).
AccelCost cost_from_inputs(const CostInputs& in, const Accelerator& accel,
                           OnOverflow policy = OnOverflow::reject);

// All of the above for one schedule. `traffic` must be the traffic of
// (layer, schedule, accel.machine); the schedule must be valid for the layer.
// The accelerator is validated (validate(accel): UserError naming the field).
AccelCost accel_cost(const Layer& layer, const Schedule& schedule, const Accelerator& accel,
                     const Traffic& traffic, OnOverflow policy = OnOverflow::reject);

}  // namespace spad

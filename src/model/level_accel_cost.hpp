// From traffic to cycles and joules on an accelerator of several on-chip
// levels (model/level_accelerator): the one-level cost (model/accel_cost)
// generalised boundary by boundary. A pure function of (layer, schedule,
// accelerator, traffic), where traffic is what model/level_evaluate (or the
// level simulator) counted for that schedule. docs/accelerator.md has the
// derivations; with one level every figure is accel_cost's.
//
// Datapath (the innermost level L's tiles): per loop d, the level-L tiles
// along d are the leaves of d's nested tiling; F_d = Σ over them of
// ceil(extent / u_d) and T_d = their number. Then, as for one level:
//   compute_cycles = Π_d F_d
//   operand reads  I: Π_{d indexes I} D_d · Π_{d does not} F_d (W likewise)
//                  O: |O| (T_c T_r T_s − 1),  psum writes |O| T_c T_r T_s
// Boundary b (1 = off-chip <-> level 1, ..., L): a transfer between level i
// (0 = off-chip) and level j > i crosses boundaries i+1..j and is one DMA
// transfer on each. Array A's level-j buffer loads from the nearest outer
// level i holding A, so it crosses b iff i < b <= j; its transfers are its
// fills (I, W), or its write-backs (= its fills) plus the fills that read
// partial sums back (O: fills − distinct tile positions). Per boundary:
//   transfer_b = ceil(8 · bytes_b / bits_b) + transfers_b · setup_b
//   exposed_b  = ceil(8 · first_load_b / bits_b) + ceil(8 · last_store_b / bits_b)
//                + buffers_b · setup_b
// first_load_b: one copy of every I and W buffer crossing b; last_store_b:
// one copy of every O buffer crossing b, at output precision; buffers_b: how
// many buffers cross b (I, W and O). Then
//   serial     = compute + Σ_b transfer_b               (nothing overlaps)
//   overlapped = min(serial, max(compute + Σ_b exposed_b, max_b transfer_b))
//                (each boundary's DMA engine runs alongside the MAC array and
//                the others; nothing computes before the first fills have
//                come down every boundary, nor ends before the last
//                write-backs have gone up every boundary)
//   latency    = overlapped with double buffering, else serial
// Energy (femtojoules): offchip · bytes_1 + Σ_j sram_j · sram_bytes_j + mac · MACs,
// where sram_bytes_j = the bytes of every array that level j holds crossing
// boundary j (filled into or written back from it) and boundary j+1 (read
// out of it or written back into it; for the innermost level, the datapath's
// bytes): a transfer touches the SRAM of its two ends only, never a level it
// bypasses.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "model/accel_cost.hpp"
#include "model/activity.hpp"
#include "model/level_accelerator.hpp"
#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// One boundary (the one above levels[b] of the machine) and that level's SRAM.
struct BoundaryAccelCost {
  std::string name;  // the level below the boundary
  Count traffic_bytes = 0;
  Count dma_transfers = 0;
  Count transfer_data_cycles = 0;   // ceil(8 * traffic bytes / bits per cycle)
  Count transfer_setup_cycles = 0;  // DMA transfers x setup
  Count transfer_cycles = 0;        // the two above
  Count first_load_bytes = 0;       // one copy of the I and W buffers loading across it
  Count last_store_bytes = 0;       // one copy of the O buffers writing back across it
  Count exposed_cycles = 0;         // their transfers, with a setup each
  Count sram_bytes = 0;             // bytes written to or read from this level's SRAM
  Count sram_energy = 0;            // fJ
  friend bool operator==(const BoundaryAccelCost&, const BoundaryAccelCost&) = default;
};

struct LevelAccelCost {
  LevelActivity activity;
  std::vector<BoundaryAccelCost> levels;  // outermost first
  Count transfer_cycles = 0;              // the largest of the boundaries'
  Count exposed_cycles = 0;               // summed over the boundaries
  Count latency_serial_cycles = 0;
  Count latency_overlapped_cycles = 0;
  Count latency_cycles = 0;  // the one the machine has (double buffering: overlapped)
  // offchip, scratchpad (every level's SRAM), mac, total.
  EnergyFj energy;
  bool memory_bound() const { return transfer_cycles > activity.compute_cycles; }
  friend bool operator==(const LevelAccelCost&, const LevelAccelCost&) = default;
};

// The inputs of the cost, per boundary b (the one above level b+1, 0-based
// index b) and per level: what level_cost_from_inputs turns into cycles and
// energy. Entries at and past `levels` are ignored.
struct LevelAccelInputs {
  std::size_t levels = 0;
  Count macs = 0;
  Count compute_cycles = 0;
  Count datapath_bytes = 0;  // innermost level <-> MAC array (operand reads, psum writes)
  std::array<Count, kMaxLevels> traffic_bytes{};     // bytes across boundary b
  std::array<Count, kMaxLevels> dma_transfers{};     // DMA transfers across boundary b
  std::array<Count, kMaxLevels> first_load_bytes{};  // one copy of the I, W buffers crossing b
  std::array<Count, kMaxLevels> last_store_bytes{};  // one copy of the O buffers crossing b
  std::array<Count, kMaxLevels> buffers{};           // buffers crossing b (one per array)
  // Bytes into and out of level b's SRAM by DMA (the datapath's are added to
  // the innermost level by the cost).
  std::array<Count, kMaxLevels> sram_bytes{};
};

// What the inputs cost, with every intermediate term; no allocation (the
// level search calls it at every span choice).
struct LevelCostTerms {
  std::array<Count, kMaxLevels> transfer_data_cycles{}, transfer_setup_cycles{}, transfer_cycles{},
      exposed_cycles{}, sram_bytes{}, sram_energy{};
  Count transfer_cycles_max = 0;  // the largest boundary's
  Count exposed_cycles_sum = 0;
  Count latency_serial_cycles = 0;
  Count latency_overlapped_cycles = 0;
  Count latency_cycles = 0;
  EnergyFj energy;
  bool saturated = false;  // a term beyond int64 was clamped (OnOverflow::saturate only)
};

// The cost of the inputs (formulas in the file comment) on `accel`, whose
// level count must be inputs.levels. Every output is non-decreasing in every
// input field: each is built from the inputs by ceil(8 x / bits) with bits >
// 0, products with the machine's non-negative setups and energies, sums,
// max and min, all non-decreasing, and a saturated term is clamped to the
// maximum (still non-decreasing). The level search bounds a set of schedules
// by feeding it lower bounds of every field. A term beyond int64 throws
// UserError naming it (reject) or is clamped (saturate).
LevelCostTerms level_cost_from_inputs(const LevelAccelInputs& inputs, const LevelAccelerator& accel,
                                      OnOverflow policy = OnOverflow::reject);

// The DMA transfers of array t's buffer at `level` (0-based; it must hold t)
// when that buffer has `fills` fills: its fills for I and W; for O every
// hold is written back once and every fill but a tile position's first reads
// its partial sums back, so 2 fills - positions (>= fills).
Count level_buffer_transfers(const Layer& layer, const LevelSchedule& schedule, std::size_t level,
                             Tensor t, Count fills);
// The same from the buffer's fills and, for O, its distinct tile positions
// (model/level_evaluate's LevelBufferCounter::tile_positions); InternalError
// when O has fewer fills than positions.
Count level_buffer_transfers(Tensor t, Count fills, Count positions);

// The activity by formula from the traffic of the schedule (its fills).
// Validates nothing: the schedule must be valid for the layer and `traffic`
// of the same level count.
LevelActivity count_level_activity(const Layer& layer, const LevelSchedule& schedule,
                                   const MacArray& array, const LevelTraffic& traffic);

// The cost. `traffic` must be the traffic of (layer, schedule, accel.memory);
// the schedule must be valid for the layer and have accel's level count
// (UserError naming both counts otherwise). A term beyond int64 is a
// UserError naming it.
LevelAccelCost level_accel_cost(const Layer& layer, const LevelSchedule& schedule,
                                const LevelAccelerator& accel, const LevelTraffic& traffic,
                                OnOverflow policy = OnOverflow::reject);

// The cost from an activity counted elsewhere (the replay's), for checking.
LevelAccelCost level_cost_from_activity(const LevelSchedule& schedule,
                                        const LevelAccelerator& accel, const LevelTraffic& traffic,
                                        const LevelActivity& activity,
                                        OnOverflow policy = OnOverflow::reject);

}  // namespace spad

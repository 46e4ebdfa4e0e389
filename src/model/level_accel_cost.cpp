// The accelerator cost of a several-level schedule by formula (see
// level_accel_cost.hpp for the model).
#include "model/level_accel_cost.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "model/level_tiling.hpp"
#include "model/wide_count.hpp"

namespace spad {
namespace {

using wide::data_cycles;
using wide::Narrow;
using wide::Wide;

// The nearest level above `level` (0-based) holding array t; -1 = off-chip.
int source_level(const LevelSchedule& s, Tensor t, std::size_t level) {
  for (std::size_t k = level; k-- > 0;)
    if (s.levels[k].buffer_span[t]) return static_cast<int>(k);
  return -1;
}

// Whether t's level-`level` buffer loads across boundary b (the one above
// levels[b]): it exists and its source lies above b.
bool crosses(const LevelSchedule& s, Tensor t, std::size_t level, std::size_t b) {
  return s.levels[level].buffer_span[t] && b <= level &&
         source_level(s, t, level) < static_cast<int>(b);
}

// Each dimension's nested tiling over the schedule's levels.
PerDim<DimTiling> dim_tilings(const Layer& layer, const LevelSchedule& s) {
  PerDim<DimTiling> out;
  const int levels = static_cast<int>(s.levels.size());
  for (Dim d : kAllDims) {
    std::array<Count, kMaxLevels> tiles{};
    for (std::size_t l = 0; l < s.levels.size(); ++l) tiles[l] = s.levels[l].tiles[d];
    out[d].assign(layer.bound(d), tiles, levels);
  }
  return out;
}

// Distinct tile positions of O's level-`level` buffer: per dim of O, the
// nodes of the deepest level whose loop of d is outside the buffer.
Count o_positions(const LevelSchedule& s, const PerDim<DimTiling>& tilings, std::size_t level) {
  const LevelLoops& loops = s.levels[level];
  const int span = *loops.buffer_span[Tensor::O];
  Count positions = 1;
  for (int k = 0; k < static_cast<int>(kNumDims); ++k) {
    const Dim d = loops.order[static_cast<std::size_t>(k)];
    if (!indexes(Tensor::O, d)) continue;
    const int depth = static_cast<int>(level) + (k >= span ? 1 : 0);
    positions = mul(positions, tilings[d].nodes(depth));
  }
  return positions;
}

Count buffer_transfers(const LevelSchedule& s, const PerDim<DimTiling>& tilings, std::size_t level,
                       Tensor t, Count fills) {
  if (t != Tensor::O) return fills;
  return level_buffer_transfers(t, fills, o_positions(s, tilings, level));
}

void check_levels(const LevelSchedule& schedule, const LevelAccelerator& accel,
                  const LevelTraffic& traffic) {
  if (schedule.levels.size() != accel.memory.levels.size())
    throw UserError("the schedule has " + std::to_string(schedule.levels.size()) +
                    " level(s) but the machine has " + std::to_string(accel.memory.levels.size()) +
                    " on-chip level(s): give a schedule of one loop group per machine level, "
                    "outermost first");
  if (traffic.levels.size() != schedule.levels.size() ||
      accel.ports.size() != schedule.levels.size())
    throw InternalError("level_accel_cost: traffic, ports and schedule disagree on the levels");
}

}  // namespace

LevelActivity count_level_activity(const Layer& layer, const LevelSchedule& schedule,
                                   const MacArray& array, const LevelTraffic& traffic) {
  const PerDim<DimTiling> tilings = dim_tilings(layer, schedule);
  const int innermost = static_cast<int>(schedule.levels.size());
  PerDim<Count> F, T;
  for (Dim d : kAllDims) {
    const SizeClasses& leaves = tilings[d].classes(innermost);
    F[d] = 0;
    for (int i = 0; i < leaves.n; ++i)
      F[d] = add(F[d], mul(leaves.count[static_cast<std::size_t>(i)],
                           ceil_div(leaves.size[static_cast<std::size_t>(i)], array.unroll[d])));
    T[d] = leaves.total();
  }
  // The datapath as for one level, on the innermost level's tiles.
  const Activity datapath = count_datapath(layer, LoopSteps{F, T});
  LevelActivity a;
  a.macs = datapath.macs;
  a.compute_cycles = datapath.compute_cycles;
  a.operand_reads = datapath.operand_reads;
  a.psum_writes = datapath.psum_writes;

  const std::size_t levels = schedule.levels.size();
  a.dma_transfers.assign(levels, 0);
  for (std::size_t j = 0; j < levels; ++j) {
    PerTensor<Count> transfers{};
    for (Tensor t : kAllTensors) {
      if (!schedule.levels[j].buffer_span[t]) continue;
      const Count fills = traffic.levels[j].arrays[t].fills;
      transfers[t] = buffer_transfers(schedule, tilings, j, t, fills);
      for (std::size_t b = 0; b < levels; ++b)
        if (crosses(schedule, t, j, b)) a.dma_transfers[b] = add(a.dma_transfers[b], transfers[t]);
    }
  }
  return a;
}

Count level_buffer_transfers(const Layer& layer, const LevelSchedule& schedule, std::size_t level,
                             Tensor t, Count fills) {
  SPAD_CHECK(level < schedule.levels.size() && schedule.levels[level].buffer_span[t],
             "level_buffer_transfers: no buffer of the array at that level");
  if (t != Tensor::O) return fills;
  return buffer_transfers(schedule, dim_tilings(layer, schedule), level, t, fills);
}

Count level_buffer_transfers(Tensor t, Count fills, Count positions) {
  if (t != Tensor::O) return fills;
  // Every hold is written back once; every fill but a position's first
  // reads its partial sums back.
  SPAD_CHECK(fills >= positions, "level cost: fewer O fills than tile positions");
  return add(fills, fills - positions);
}

LevelCostTerms level_cost_from_inputs(const LevelAccelInputs& in, const LevelAccelerator& accel,
                                      OnOverflow policy) {
  const std::size_t levels = in.levels;
  SPAD_CHECK(levels >= 1 && levels <= kMaxLevels && accel.ports.size() == levels,
             "level_cost_from_inputs: one port per level");
  Narrow narrow(policy);
  LevelCostTerms c;
  Wide transfer_sum = 0, transfer_max = 0, exposed_sum = 0, sram_energy_sum = 0;
  for (std::size_t b = 0; b < levels; ++b) {
    const LevelPort& port = accel.ports[b];
    const Wide data = data_cycles(in.traffic_bytes[b], port.bits_per_cycle);
    const Wide setups = Wide{in.dma_transfers[b]} * port.dma_setup_cycles;
    c.transfer_data_cycles[b] = narrow(data, "transfer cycles");
    c.transfer_setup_cycles[b] = narrow(setups, "setup cycles");
    c.transfer_cycles[b] = narrow(data + setups, "transfer cycles");
    const Wide exposed = data_cycles(in.first_load_bytes[b], port.bits_per_cycle) +
                         data_cycles(in.last_store_bytes[b], port.bits_per_cycle) +
                         Wide{in.buffers[b]} * port.dma_setup_cycles;
    c.exposed_cycles[b] = narrow(exposed, "exposed cycles");
    transfer_sum += data + setups;
    transfer_max = std::max(transfer_max, data + setups);
    exposed_sum += exposed;
    // This level's SRAM: its DMA bytes, and the datapath's below the innermost.
    const Wide sram = Wide{in.sram_bytes[b]} + (b + 1 == levels ? in.datapath_bytes : 0);
    c.sram_bytes[b] = narrow(sram, "SRAM bytes");
    const Wide energy = sram * port.sram_fj_per_byte;
    c.sram_energy[b] = narrow(energy, "SRAM energy (fJ)");
    sram_energy_sum += energy;
  }
  c.transfer_cycles_max = narrow(transfer_max, "transfer cycles");
  c.exposed_cycles_sum = narrow(exposed_sum, "exposed cycles");
  const Wide compute = in.compute_cycles;
  const Wide serial = compute + transfer_sum;
  c.latency_serial_cycles = narrow(serial, "latency");
  c.latency_overlapped_cycles =
      narrow(std::min(serial, std::max(compute + exposed_sum, transfer_max)), "latency");
  c.latency_cycles =
      accel.memory.double_buffer ? c.latency_overlapped_cycles : c.latency_serial_cycles;
  const Wide offchip = Wide{in.traffic_bytes[0]} * accel.offchip_fj_per_byte;
  const Wide mac = Wide{in.macs} * accel.mac_fj;
  c.energy.offchip = narrow(offchip, "off-chip energy (fJ)");
  c.energy.scratchpad = narrow(sram_energy_sum, "SRAM energy (fJ)");
  c.energy.mac = narrow(mac, "MAC energy (fJ)");
  c.energy.total = narrow(offchip + sram_energy_sum + mac, "total energy (fJ)");
  c.saturated = narrow.saturated();
  return c;
}

LevelAccelCost level_cost_from_activity(const LevelSchedule& schedule,
                                        const LevelAccelerator& accel, const LevelTraffic& traffic,
                                        const LevelActivity& activity, OnOverflow policy) {
  check_levels(schedule, accel, traffic);
  const std::size_t levels = schedule.levels.size();
  SPAD_CHECK(activity.dma_transfers.size() == levels, "level cost: transfers per boundary");
  const Precision& p = accel.memory.precision;
  const Count copies = accel.memory.double_buffer ? 2 : 1;
  Narrow narrow(policy);
  LevelAccelInputs in;
  in.levels = levels;
  in.macs = activity.macs;
  in.compute_cycles = activity.compute_cycles;
  const Activity datapath{activity.macs, activity.compute_cycles, activity.operand_reads,
                          activity.psum_writes, 0};
  in.datapath_bytes = datapath_bytes(datapath, p);
  for (std::size_t b = 0; b < levels; ++b) {
    in.traffic_bytes[b] = traffic.levels[b].traffic_bytes;
    in.dma_transfers[b] = activity.dma_transfers[b];
    Wide first_load = 0, last_store = 0;
    for (std::size_t j = b; j < levels; ++j)
      for (Tensor t : kAllTensors) {
        if (!crosses(schedule, t, j, b)) continue;
        ++in.buffers[b];
        const ArrayTraffic& held = traffic.levels[j].arrays[t];
        if (t == Tensor::O)
          last_store += Wide{held.buffer_elems / copies} * p.output;
        else
          first_load += held.buffer_bytes / copies;
      }
    in.first_load_bytes[b] = narrow(first_load, "first-load bytes");
    in.last_store_bytes[b] = narrow(last_store, "last-store bytes");
    // Level b's SRAM: every array it holds, across the boundary above it and
    // the one below it.
    Wide sram = 0;
    for (Tensor t : kAllTensors) {
      if (!schedule.levels[b].buffer_span[t]) continue;
      const ArrayTraffic& above = traffic.levels[b].arrays[t];
      sram += Wide{above.read_bytes} + above.write_bytes;
      if (b + 1 < levels) {
        const ArrayTraffic& below = traffic.levels[b + 1].arrays[t];
        sram += Wide{below.read_bytes} + below.write_bytes;
      }
    }
    in.sram_bytes[b] = narrow(sram, "SRAM bytes");
  }
  const LevelCostTerms terms = level_cost_from_inputs(in, accel, policy);
  LevelAccelCost c;
  c.activity = activity;
  c.levels.resize(levels);
  for (std::size_t b = 0; b < levels; ++b) {
    BoundaryAccelCost& x = c.levels[b];
    x.name = traffic.levels[b].name;
    x.traffic_bytes = in.traffic_bytes[b];
    x.dma_transfers = in.dma_transfers[b];
    x.first_load_bytes = in.first_load_bytes[b];
    x.last_store_bytes = in.last_store_bytes[b];
    x.transfer_data_cycles = terms.transfer_data_cycles[b];
    x.transfer_setup_cycles = terms.transfer_setup_cycles[b];
    x.transfer_cycles = terms.transfer_cycles[b];
    x.exposed_cycles = terms.exposed_cycles[b];
    x.sram_bytes = terms.sram_bytes[b];
    x.sram_energy = terms.sram_energy[b];
  }
  c.transfer_cycles = terms.transfer_cycles_max;
  c.exposed_cycles = terms.exposed_cycles_sum;
  c.latency_serial_cycles = terms.latency_serial_cycles;
  c.latency_overlapped_cycles = terms.latency_overlapped_cycles;
  c.latency_cycles = terms.latency_cycles;
  c.energy = terms.energy;
  return c;
}

LevelAccelCost level_accel_cost(const Layer& layer, const LevelSchedule& schedule,
                                const LevelAccelerator& accel, const LevelTraffic& traffic,
                                OnOverflow policy) {
  check_levels(schedule, accel, traffic);
  return level_cost_from_activity(schedule, accel, traffic,
                                  count_level_activity(layer, schedule, accel.mac_array, traffic),
                                  policy);
}

}  // namespace spad

// The accelerator cost by formula (see accel_cost.hpp for the model).
#include "model/accel_cost.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "base/error.hpp"
#include "model/wide_count.hpp"

namespace spad {
namespace {

using wide::data_cycles;
using wide::Narrow;
using wide::Wide;

}  // namespace

double mac_utilization(const AccelCost& cost, const MacArray& array) {
  if (cost.activity.compute_cycles == 0) return 0;
  return static_cast<double>(cost.activity.macs) /
         (static_cast<double>(cost.activity.compute_cycles) *
          static_cast<double>(array.macs_per_cycle()));
}

double bytes_per_cycle(Count traffic_bytes, const AccelCost& cost) {
  if (cost.latency_cycles == 0) return 0;
  return static_cast<double>(traffic_bytes) / static_cast<double>(cost.latency_cycles);
}

Count lane_steps(Count extent, Count tile, Count lanes) {
  const Count trips = ceil_div(extent, tile);
  const Count last = extent - (trips - 1) * tile;
  return add(mul(trips - 1, ceil_div(tile, lanes)), ceil_div(last, lanes));
}

LoopSteps loop_steps(const Layer& layer, const Schedule& schedule, const MacArray& array) {
  LoopSteps out;
  for (Dim d : kAllDims)
    out.lane_steps[d] = lane_steps(layer.bound(d), schedule.tiles[d], array.unroll[d]);
  out.trips = trip_counts(schedule, layer);
  return out;
}

Activity count_datapath(const Layer& layer, const LoopSteps& steps) {
  const PerDim<Count>& F = steps.lane_steps;
  const PerDim<Count>& T = steps.trips;
  Activity a;
  a.macs = layer.macs();
  a.compute_cycles = 1;
  for (Dim d : kAllDims) a.compute_cycles = mul(a.compute_cycles, F[d]);

  // Reads of A's operands: the full extent of every loop indexing A (each
  // element of a lane block is distinct along those), and the lane steps of
  // the others (one read serves every lane along them).
  for (Tensor t : {Tensor::I, Tensor::W}) {
    Count reads = 1;
    for (Dim d : kAllDims) reads = mul(reads, indexes(t, d) ? layer.bound(d) : F[d]);
    a.operand_reads[t] = reads;
  }
  const Count reduction_tiles = mul(mul(T[Dim::c], T[Dim::r]), T[Dim::s]);
  const Count outputs = layer.size(Tensor::O);
  a.psum_writes = mul(outputs, reduction_tiles);
  a.operand_reads[Tensor::O] = mul(outputs, reduction_tiles - 1);
  return a;
}

Activity count_activity(const Layer& layer, const LoopSteps& steps, const Traffic& traffic) {
  Activity a = count_datapath(layer, steps);
  // O's fills are its visits: positions x reduction visits V_O, and all but
  // the first visit of each position read partial sums back.
  const ArrayTraffic& o = traffic.arrays[Tensor::O];
  SPAD_CHECK(o.final_writes > 0 && o.writes % o.final_writes == 0,
             "count_activity: O writes are not whole visits");
  const Count visits = o.writes / o.final_writes;
  SPAD_CHECK(o.fills % visits == 0, "count_activity: O fills are not whole visits");
  const Count read_backs = o.fills - o.fills / visits;
  a.dma_transfers = add(add(traffic.arrays[Tensor::I].fills, traffic.arrays[Tensor::W].fills),
                        add(o.fills, read_backs));
  return a;
}

CostInputs cost_inputs(const Precision& precision, const Activity& activity, const Traffic& traffic,
                       bool double_buffer) {
  const Count copies = double_buffer ? 2 : 1;
  CostInputs in;
  in.activity = activity;
  in.traffic_bytes = traffic.traffic_bytes;
  in.first_load_bytes = add(traffic.arrays[Tensor::I].buffer_bytes / copies,
                            traffic.arrays[Tensor::W].buffer_bytes / copies);
  in.last_store_bytes = mul(traffic.arrays[Tensor::O].buffer_elems / copies, precision.output);
  in.datapath_bytes = datapath_bytes(activity, precision);
  return in;
}

Count datapath_bytes(const Activity& activity, const Precision& precision) {
  return add(add(mul(activity.operand_reads[Tensor::I], precision.input),
                 mul(activity.operand_reads[Tensor::W], precision.weight)),
             mul(add(activity.operand_reads[Tensor::O], activity.psum_writes), precision.psum));
}

AccelCost cost_from_inputs(const CostInputs& in, const Accelerator& accel, OnOverflow policy) {
  Narrow narrow(policy);
  const Count bits = accel.offchip_bits_per_cycle;
  const Wide setup = accel.dma_setup_cycles;
  AccelCost c;
  c.activity = in.activity;
  const Wide data = data_cycles(in.traffic_bytes, bits);
  const Wide setups = Wide{in.activity.dma_transfers} * setup;
  const Wide transfer = data + setups;
  c.transfer_data_cycles = narrow(data, "transfer cycles");
  c.transfer_setup_cycles = narrow(setups, "setup cycles");
  c.transfer_cycles = narrow(transfer, "transfer cycles");
  // One transfer for the first I fill, one for the first W fill, one for the
  // last O write-back.
  const Wide exposed =
      data_cycles(in.first_load_bytes, bits) + data_cycles(in.last_store_bytes, bits) + 3 * setup;
  c.exposed_cycles = narrow(exposed, "exposed cycles");
  const Wide compute = in.activity.compute_cycles;
  const Wide serial = compute + transfer;
  c.latency_serial_cycles = narrow(serial, "latency");
  const Wide overlapped = std::max(compute + exposed, transfer);
  c.latency_overlapped_cycles = narrow(std::min(serial, overlapped), "latency");
  c.latency_cycles =
      accel.machine.double_buffer ? c.latency_overlapped_cycles : c.latency_serial_cycles;
  const Wide scratchpad_bytes = Wide{in.traffic_bytes} + in.datapath_bytes;
  c.scratchpad_bytes = narrow(scratchpad_bytes, "scratchpad bytes");

  const EnergyCosts& e = accel.energy;
  const Wide offchip = Wide{in.traffic_bytes} * e.offchip_fj_per_byte;
  const Wide scratchpad = scratchpad_bytes * e.scratchpad_fj_per_byte;
  const Wide mac = Wide{in.activity.macs} * e.mac_fj;
  c.energy.offchip = narrow(offchip, "off-chip energy (fJ)");
  c.energy.scratchpad = narrow(scratchpad, "scratchpad energy (fJ)");
  c.energy.mac = narrow(mac, "MAC energy (fJ)");
  c.energy.total = narrow(offchip + scratchpad + mac, "total energy (fJ)");
  c.saturated = narrow.saturated();
  return c;
}

AccelCost accel_cost(const Layer& layer, const Schedule& schedule, const Accelerator& accel,
                     const Traffic& traffic, OnOverflow policy) {
  validate(accel);
  const Activity activity =
      count_activity(layer, loop_steps(layer, schedule, accel.mac_array), traffic);
  return cost_from_inputs(
      cost_inputs(accel.machine.precision, activity, traffic, accel.machine.double_buffer), accel,
      policy);
}

}  // namespace spad

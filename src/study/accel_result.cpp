// Totals of an accelerator result.
#include "study/accel_result.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace spad {

AccelTotals accel_totals(const AccelResult& result) {
  AccelTotals t;
  const NetworkTotals net = network_totals(result.network);
  t.layers = net.layers;
  t.macs = net.macs;
  t.traffic_bytes = net.traffic_bytes;
  t.compulsory_bytes = net.compulsory_bytes;
  if (!result.network.layers.empty()) t.frames = result.network.layers.front().layer.spec.N;
  for (const LayerAccel& l : result.layers) {
    if (!l.cost) continue;
    const AccelCost& c = *l.cost;
    ++t.scheduled_layers;
    t.compute_cycles = add_total(t.compute_cycles, c.activity.compute_cycles, "compute_cycles");
    t.transfer_cycles = add_total(t.transfer_cycles, c.transfer_cycles, "transfer_cycles");
    t.latency_cycles = add_total(t.latency_cycles, c.latency_cycles, "latency_cycles");
    t.latency_serial_cycles =
        add_total(t.latency_serial_cycles, c.latency_serial_cycles, "latency_serial_cycles");
    t.latency_overlapped_cycles = add_total(
        t.latency_overlapped_cycles, c.latency_overlapped_cycles, "latency_overlapped_cycles");
    t.energy.offchip = add_total(t.energy.offchip, c.energy.offchip, "energy.offchip");
    t.energy.scratchpad = add_total(t.energy.scratchpad, c.energy.scratchpad, "energy.scratchpad");
    t.energy.mac = add_total(t.energy.mac, c.energy.mac, "energy.mac");
    t.energy.total = add_total(t.energy.total, c.energy.total, "energy.total");
    if (c.memory_bound()) ++t.memory_bound_layers;
  }
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const auto& cost = result.layers[i].cost;
    if (!cost || cost->latency_cycles == 0) continue;
    t.peak_bytes_per_cycle = std::max(
        t.peak_bytes_per_cycle,
        bytes_per_cycle(result.network.layers[i].search.best->traffic.traffic_bytes, *cost));
  }
  return t;
}

AccelBaselineTotal accel_baseline_total(const AccelResult& result, Baseline baseline) {
  AccelBaselineTotal t;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const LayerAccel& l = result.layers[i];
    const auto& b = l.baselines[static_cast<std::size_t>(baseline)];
    if (!l.cost || !b) continue;
    ++t.layers;
    t.latency_cycles = add_total(t.latency_cycles, b->cost.latency_cycles, "latency_cycles");
    t.optimum_latency_cycles =
        add_total(t.optimum_latency_cycles, l.cost->latency_cycles, "optimum_latency_cycles");
    t.energy_fj = add_total(t.energy_fj, b->cost.energy.total, "energy_fj");
    t.optimum_energy_fj = add_total(t.optimum_energy_fj, l.cost->energy.total, "optimum_energy_fj");
    t.traffic_bytes =
        add_total(t.traffic_bytes, b->candidate.traffic.traffic_bytes, "traffic_bytes");
    t.optimum_traffic_bytes = add_total(t.optimum_traffic_bytes,
                                        result.network.layers[i].search.best->traffic.traffic_bytes,
                                        "optimum_traffic_bytes");
  }
  return t;
}

double seconds(const Accelerator& accel, Count cycles) {
  return static_cast<double>(cycles) / (accel.clock_mhz * 1e6);
}

}  // namespace spad

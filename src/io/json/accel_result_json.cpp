// The accelerator result JSON (keys in accel_result_json.hpp).
#include "io/json/accel_result_json.hpp"

#include "io/json/network_result_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/machine/accelerator_json.hpp"

namespace spad {
namespace {

double pj(Count fj) { return static_cast<double>(fj) / 1000.0; }

nlohmann::ordered_json energy_json(const EnergyFj& e) {
  return {{"offchip", pj(e.offchip)},
          {"scratchpad", pj(e.scratchpad)},
          {"mac", pj(e.mac)},
          {"total", pj(e.total)}};
}

void add_cost_keys(nlohmann::ordered_json& j, const AccelCost& c) {
  j["compute_cycles"] = c.activity.compute_cycles;
  j["transfer_cycles"] = c.transfer_cycles;
  j["latency_cycles"] = c.latency_cycles;
  j["energy_pj"] = energy_json(c.energy);
}

nlohmann::ordered_json accel_details(const AccelCost& c, const Accelerator& accel,
                                     Count traffic_bytes) {
  const double used =
      c.activity.compute_cycles == 0
          ? 0.0
          : static_cast<double>(c.activity.macs) / static_cast<double>(c.activity.compute_cycles);
  nlohmann::ordered_json j;
  j["macs_per_cycle_used"] = used;
  j["mac_utilization"] = mac_utilization(c, accel.mac_array);
  j["transfer_data_cycles"] = c.transfer_data_cycles;
  j["transfer_setup_cycles"] = c.transfer_setup_cycles;
  j["dma_transfers"] = c.activity.dma_transfers;
  j["exposed_cycles"] = c.exposed_cycles;
  j["latency_serial_cycles"] = c.latency_serial_cycles;
  j["latency_overlapped_cycles"] = c.latency_overlapped_cycles;
  j["memory_bound"] = c.memory_bound();
  const double rate = bytes_per_cycle(traffic_bytes, c);
  j["bytes_per_cycle"] = rate;
  j["gbytes_per_s"] = gbytes_per_s(accel, rate);
  j["scratchpad_bytes"] = c.scratchpad_bytes;
  j["operand_reads"] = {{"I", c.activity.operand_reads[Tensor::I]},
                        {"W", c.activity.operand_reads[Tensor::W]},
                        {"O", c.activity.operand_reads[Tensor::O]}};
  j["psum_writes"] = c.activity.psum_writes;
  return j;
}

nlohmann::ordered_json baseline_json(const std::optional<CostedSchedule>& b, bool overflow) {
  if (overflow) return {{"feasible", false}, {"reason", "cost beyond the 64-bit range"}};
  if (!b) return {{"feasible", false}};
  nlohmann::ordered_json j;
  j["feasible"] = true;
  j["schedule"] = schedule_to_json(b->candidate.schedule);
  j["traffic_bytes"] = b->candidate.traffic.traffic_bytes;
  j["buffer_bytes"] = b->candidate.traffic.buffer_bytes;
  add_cost_keys(j, b->cost);
  return j;
}

}  // namespace

nlohmann::ordered_json accel_result_to_json(const AccelResult& result) {
  // A network document with more keys: "format" stays "spad-network/1".
  nlohmann::ordered_json j = network_result_to_json(result.network);
  const Accelerator& accel = result.accel;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    nlohmann::ordered_json& layer = j["layers"][i];
    const LayerAccel& l = result.layers[i];
    if (!l.cost) continue;
    add_cost_keys(layer, *l.cost);
    layer["accel"] =
        accel_details(*l.cost, accel, result.network.layers[i].search.best->traffic.traffic_bytes);
    if (!result.with_baselines) continue;
    layer["baselines"] = nlohmann::ordered_json::object();
    for (Baseline b : kAccelBaselines)
      layer["baselines"][std::string(baseline_name(b))] =
          baseline_json(l.baselines[static_cast<std::size_t>(b)],
                        l.baseline_overflow[static_cast<std::size_t>(b)]);
  }
  const AccelTotals t = accel_totals(result);
  nlohmann::ordered_json& totals = j["totals"];
  totals["scheduled_layers"] = t.scheduled_layers;
  totals["compute_cycles"] = t.compute_cycles;
  totals["transfer_cycles"] = t.transfer_cycles;
  totals["latency_cycles"] = t.latency_cycles;
  totals["energy_pj"] = energy_json(t.energy);
  totals["latency_serial_cycles"] = t.latency_serial_cycles;
  totals["latency_overlapped_cycles"] = t.latency_overlapped_cycles;
  const double latency_s = seconds(accel, t.latency_cycles);
  totals["latency_s"] = latency_s;
  totals["frames_per_s"] = latency_s > 0 ? static_cast<double>(t.frames) / latency_s : 0.0;
  totals["energy_per_frame_pj"] = pj(t.energy.total) / static_cast<double>(t.frames);
  totals["average_gbytes_per_s"] =
      latency_s > 0 ? static_cast<double>(t.traffic_bytes) / latency_s / 1e9 : 0.0;
  totals["peak_gbytes_per_s"] = gbytes_per_s(accel, t.peak_bytes_per_cycle);
  totals["memory_bound_layers"] = t.memory_bound_layers;
  j["objective"] = std::string(objective_name(result.objective));
  j["schedule_source"] = result.given_schedule ? "given" : "search";
  j["accelerator"] = accelerator_to_json(accel);
  if (result.with_baselines) {
    j["baseline_totals"] = nlohmann::ordered_json::object();
    for (Baseline b : kAccelBaselines) {
      const AccelBaselineTotal bt = accel_baseline_total(result, b);
      j["baseline_totals"][std::string(baseline_name(b))] = {
          {"layers", bt.layers},
          {"latency_cycles", bt.latency_cycles},
          {"optimum_latency_cycles", bt.optimum_latency_cycles},
          {"energy_pj", pj(bt.energy_fj)},
          {"optimum_energy_pj", pj(bt.optimum_energy_fj)},
          {"traffic_bytes", bt.traffic_bytes},
          {"optimum_traffic_bytes", bt.optimum_traffic_bytes}};
    }
  }
  return j;
}

}  // namespace spad

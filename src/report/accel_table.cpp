// Layout of the accelerator report.
#include "report/accel_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "io/text/byte_size.hpp"
#include "report/machine_summary.hpp"
#include "report/network_layer_shape.hpp"
#include "report/number_text.hpp"
#include "report/optimize_report.hpp"
#include "report/short_schedule.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

constexpr std::size_t kShapeColumn = 1, kScheduleColumn = 2;

std::string microjoules(Count fj) { return fmt::format("{:.3f}", static_cast<double>(fj) / 1e9); }

std::string percent(double part, double whole) {
  return whole > 0 ? fmt::format("{:.0f}%", 100.0 * part / whole) : "-";
}

std::vector<std::string> layer_row(const NetworkLayerResult& r, const LayerAccel& l,
                                   const Accelerator& accel) {
  const Layer layer(r.layer.spec);
  std::vector<std::string> row = {r.layer.spec.name, format_short_shape(layer, r.layer.kind)};
  if (!l.cost) {
    row.push_back(
        fmt::format("does not fit: needs {} B", with_separators(r.search.min_capacity_bytes)));
    row.insert(row.end(), 8, "-");
    return row;
  }
  const AccelCost& c = *l.cost;
  const Count traffic = r.search.best->traffic.traffic_bytes;
  row.push_back(format_short_schedule(layer, r.search.best->schedule));
  row.push_back(with_separators(r.search.best->traffic.traffic_bytes));
  row.push_back(with_separators(c.activity.compute_cycles));
  row.push_back(with_separators(c.transfer_cycles));
  row.push_back(with_separators(c.latency_cycles));
  row.push_back(fmt::format("{:.0f}%", 100.0 * mac_utilization(c, accel.mac_array)));
  row.push_back(c.memory_bound() ? "memory" : "compute");
  row.push_back(c.latency_cycles == 0
                    ? "-"
                    : fmt::format("{:.3f}", gbytes_per_s(accel, bytes_per_cycle(traffic, c))));
  row.push_back(microjoules(c.energy.total));
  return row;
}

std::string totals_lines(const AccelResult& result) {
  const AccelTotals t = accel_totals(result);
  const Accelerator& a = result.accel;
  const double latency_s = seconds(a, t.latency_cycles);
  std::string out = fmt::format("totals      {} layer{}, {} MACs", t.layers,
                                t.layers == 1 ? "" : "s", with_separators(t.macs));
  if (t.scheduled_layers != t.layers)
    out += fmt::format(" ({} do not fit: left out of every total below)",
                       t.layers - t.scheduled_layers);
  out += '\n';
  out += fmt::format("latency     {} cycles = {} at {} MHz{}: {:.4g} frames/s (batch {})\n",
                     with_separators(t.latency_cycles), duration_text(latency_s), a.clock_mhz,
                     a.machine.double_buffer ? ", DMA overlapping compute" : ", DMA then compute",
                     latency_s > 0 ? static_cast<double>(t.frames) / latency_s : 0.0, t.frames);
  out += fmt::format(
      "            compute {} cycles, transfer {} cycles; without overlap {}, with {}\n",
      with_separators(t.compute_cycles), with_separators(t.transfer_cycles),
      with_separators(t.latency_serial_cycles), with_separators(t.latency_overlapped_cycles));
  out += fmt::format(
      "energy      {} uJ per frame: off-chip {}, scratchpad {}, MAC {}\n",
      fmt::format("{:.3f}",
                  static_cast<double>(t.energy.total) / 1e9 / static_cast<double>(t.frames)),
      percent(static_cast<double>(t.energy.offchip), static_cast<double>(t.energy.total)),
      percent(static_cast<double>(t.energy.scratchpad), static_cast<double>(t.energy.total)),
      percent(static_cast<double>(t.energy.mac), static_cast<double>(t.energy.total)));
  out += fmt::format(
      "bandwidth   average {:.3f} GB/s, peak layer {:.3f} GB/s, port {:.3f} GB/s; "
      "{} of {} layers memory-bound\n",
      latency_s > 0 ? static_cast<double>(t.traffic_bytes) / latency_s / 1e9 : 0.0,
      gbytes_per_s(a, t.peak_bytes_per_cycle),
      gbytes_per_s(a, static_cast<double>(a.offchip_bits_per_cycle) / 8.0), t.memory_bound_layers,
      t.scheduled_layers);
  out += fmt::format("traffic     {} B; compulsory {} B: {}\n", with_separators(t.traffic_bytes),
                     with_separators(t.compulsory_bytes),
                     ratio_text(t.traffic_bytes, t.compulsory_bytes));
  return out;
}

std::string baselines_table(const AccelResult& result, std::size_t width) {
  const char* versus = result.given_schedule ? "x given" : "x optimum";
  TextTable table({"alternative (same objective)", "layers", "latency cycles", versus, "energy uJ",
                   versus, "traffic B"});
  for (Baseline b : kAccelBaselines) {
    const AccelBaselineTotal t = accel_baseline_total(result, b);
    if (t.layers == 0) {
      table.add_row({std::string(baseline_name(b)), "0", "-", "-", "-", "-", "-"});
      continue;
    }
    table.add_row({std::string(baseline_name(b)), std::to_string(t.layers),
                   with_separators(t.latency_cycles),
                   ratio_text(t.latency_cycles, t.optimum_latency_cycles), microjoules(t.energy_fj),
                   ratio_text(t.energy_fj, t.optimum_energy_fj), with_separators(t.traffic_bytes)});
  }
  return table.render(width) +
         fmt::format(
             "(each over the layers where it and the {} fit; the HWCE-like engine runs "
             "with its line buffer)\n",
             result.given_schedule ? "given schedule" : "optimum");
}

}  // namespace

std::string format_accelerator_lines(const Accelerator& a) {
  std::string lanes;
  for (Dim d : kAllDims)
    if (a.mac_array.unroll[d] > 1)
      lanes +=
          fmt::format("{}{}={}", lanes.empty() ? "" : " x ", dim_name(d), a.mac_array.unroll[d]);
  if (lanes.empty()) lanes = "1 MAC";
  return fmt::format(
      "accelerator {}: {} ({} MACs/cycle), {} MHz, {} bits/cycle off-chip, {} cycles per DMA "
      "setup;\n            energy per MAC {:.3f} pJ, per scratchpad byte {:.3f} pJ, per "
      "off-chip byte {:.3f} pJ\nmachine     {}\n",
      a.name, lanes, with_separators(a.mac_array.macs_per_cycle()), a.clock_mhz,
      a.offchip_bits_per_cycle, a.dma_setup_cycles, a.energy.mac_fj / 1000.0,
      a.energy.scratchpad_fj_per_byte / 1000.0, a.energy.offchip_fj_per_byte / 1000.0,
      format_machine(a.machine));
}

std::string accel_space_line(const SearchSpace& space) {
  if (!space.uniform_spans && !space.fixed_order && !space.fixed_spans) return "";
  return "space       " + format_search_space(space) + '\n';
}

std::string format_accel_table(const AccelResult& result, std::size_t width) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    rows.push_back(layer_row(result.network.layers[i], result.layers[i], result.accel));
  std::vector<std::string> header = {"layer",       "shape",       "schedule (outermost first)",
                                     "traffic B",   "compute cyc", "transfer cyc",
                                     "latency cyc", "MAC util",    "bound",
                                     "GB/s",        "energy uJ"};
  rows.push_back(header);
  left_align_column(rows, kShapeColumn);
  left_align_column(rows, kScheduleColumn);
  header = rows.back();
  rows.pop_back();
  TextTable table(header);
  table.set_text_columns({kShapeColumn, kScheduleColumn});
  for (auto& row : rows) table.add_row(std::move(row));
  const std::string what =
      result.given_schedule
          ? "the given schedule (--schedule); alternatives searched for the objective"
          : "searched: the least objective";
  std::string out = fmt::format("model       {}\nobjective   {}\n{}schedule    {}\n\n",
                                result.network.model, objective_with_ties(result.objective),
                                accel_space_line(result.network.space), what) +
                    table.render(width) + '\n' + totals_lines(result);
  if (result.with_baselines) out += '\n' + baselines_table(result, width);
  out += '\n' + format_accelerator_lines(result.accel);
  return wrap_lines(out, width);
}

}  // namespace spad

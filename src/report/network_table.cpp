// Layout of the per-network table.
#include "report/network_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "io/text/byte_size.hpp"
#include "report/machine_summary.hpp"
#include "report/network_layer_shape.hpp"
#include "report/number_text.hpp"
#include "report/short_schedule.hpp"
#include "report/text_table.hpp"
#include "workload/precision.hpp"

namespace spad {
namespace {

// Columns 1 and 3 hold text: padding them to one width left-aligns them in a
// TextTable, which right-aligns every column after the first.
constexpr std::size_t kShapeColumn = 1, kScheduleColumn = 3;

std::vector<std::string> layer_row(const NetworkLayerResult& r) {
  const Layer layer(r.layer.spec);
  std::vector<std::string> row = {r.layer.spec.name, format_short_shape(layer, r.layer.kind),
                                  with_separators(layer.macs())};
  if (!r.fits()) {
    row.push_back(
        fmt::format("does not fit: needs {} B", with_separators(r.search.min_capacity_bytes)));
    row.insert(row.end(), {"-", "-", with_separators(r.compulsory_bytes), "-"});
    return row;
  }
  const Schedule& s = r.search.best->schedule;
  const Traffic& t = r.search.best->traffic;
  row.push_back(format_short_schedule(layer, s));
  row.push_back(fmt::format("{}/{}/{}", with_separators(t.arrays[Tensor::I].buffer_bytes),
                            with_separators(t.arrays[Tensor::W].buffer_bytes),
                            with_separators(t.arrays[Tensor::O].buffer_bytes)));
  row.push_back(with_separators(t.traffic_bytes));
  row.push_back(with_separators(r.compulsory_bytes));
  row.push_back(ratio_text(t.traffic_bytes, r.compulsory_bytes));
  return row;
}

// "12.5%" of `all` (one decimal; "0%" when all is 0).
std::string percent_text(Count part, Count all) {
  if (all == 0) return "0%";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(all));
}

std::string bytes_text(Count bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  return fmt::format("{} B ({})", with_separators(bytes), format_bytes(bytes));
}

std::string totals_lines(const NetworkResult& result) {
  const NetworkTotals t = network_totals(result);
  std::string out = fmt::format("totals      {} layer{}, {} MACs\n", t.layers,
                                t.layers == 1 ? "" : "s", with_separators(t.macs));
  if (t.infeasible_layers == 0) {
    out += fmt::format("traffic     {}\ncompulsory  {}; traffic / compulsory = {}\n",
                       bytes_text(t.traffic_bytes), bytes_text(t.compulsory_bytes),
                       ratio_text(t.traffic_bytes, t.compulsory_bytes));
  } else {
    out += fmt::format(
        "traffic     {} over the {} layers that fit ({} do not)\n"
        "compulsory  {} of those layers; traffic / compulsory = {}; all layers: {}\n",
        bytes_text(t.traffic_bytes), t.layers - t.infeasible_layers, t.infeasible_layers,
        bytes_text(t.scheduled_compulsory_bytes),
        ratio_text(t.traffic_bytes, t.scheduled_compulsory_bytes), bytes_text(t.compulsory_bytes));
  }
  out += fmt::format(
      "searched    {} unique layer shape{} (a layer shaped like an earlier one "
      "reuses its result)\n",
      result.unique_shapes, result.unique_shapes == 1 ? "" : "s");
  if (!result.not_scheduled.empty()) {
    std::string ops;
    for (const auto& [op, count] : result.not_scheduled)
      ops += fmt::format("{}{} {}", ops.empty() ? "" : ", ", op, count);
    out += "not scheduled (other operators): " + ops + '\n';
  }
  if (!result.skipped.empty()) {
    const SkippedTotals s = skipped_totals(result);
    const Count all = add(t.macs, s.macs);
    std::string nodes;
    for (const SkippedNode& n : result.skipped)
      nodes += fmt::format("{}{} ({}, {} MACs: {})", nodes.empty() ? "" : "; ", n.node, n.op,
                           n.macs ? with_separators(*n.macs) : std::string("unknown"), n.reason);
    out += fmt::format(
        "skipped     {} arithmetic node{} not scheduled, {} MACs = {} of the model's {} MACs{}: "
        "{}\n",
        result.skipped.size(), result.skipped.size() == 1 ? "" : "s", with_separators(s.macs),
        percent_text(s.macs, all), with_separators(all),
        s.unknown ? fmt::format(" ({} with unknown MACs)", s.unknown) : "", nodes);
  }
  for (const std::string& w : result.warnings) out += "warning     " + w + '\n';
  out += "machine     " + format_machine(result.machine) + '\n';
  out +=
      "precision   " + precision_to_string(result.machine.precision) + " from " +
      (result.precision_source.empty() ? std::string("the defaults (int8 data, int32 partial sums)")
                                       : result.precision_source) +
      '\n';
  return out;
}

}  // namespace

std::string format_network_table(const NetworkResult& result, std::size_t width) {
  std::vector<std::vector<std::string>> rows;
  for (const NetworkLayerResult& r : result.layers) rows.push_back(layer_row(r));
  std::vector<std::string> header = {
      "layer",           "shape",     "MACs",         "schedule (outermost first)",
      "buffers I/W/O B", "traffic B", "compulsory B", "ratio"};
  rows.push_back(header);  // aligned with the rows, then taken back
  left_align_column(rows, kShapeColumn);
  left_align_column(rows, kScheduleColumn);
  header = rows.back();
  rows.pop_back();
  TextTable table(header);
  table.set_text_columns({kShapeColumn, kScheduleColumn});
  for (auto& row : rows) table.add_row(std::move(row));
  return wrap_lines(fmt::format("model       {}\n\n", result.model) + table.render(width) + '\n' +
                        totals_lines(result),
                    width);
}

std::string format_infeasible_layers(const NetworkResult& result, std::string_view fix) {
  std::string names;
  Count count = 0;
  for (const NetworkLayerResult& r : result.layers) {
    if (r.fits()) continue;
    ++count;
    names += fmt::format("{}{} (needs at least {} bytes)", names.empty() ? "" : ", ",
                         r.layer.spec.name, r.search.min_capacity_bytes);
  }
  if (count == 0) return "";
  const std::string capacity =
      result.machine.capacity_bytes ? format_bytes(*result.machine.capacity_bytes) : "?";
  return fmt::format("{} of {} layers of {} {} not fit in {}: {}; {}", count, result.layers.size(),
                     result.model, count == 1 ? "does" : "do", capacity, names, fix);
}

}  // namespace spad

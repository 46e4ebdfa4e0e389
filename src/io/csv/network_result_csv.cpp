// The per-layer CSV of a network result (columns in network_result_csv.hpp).
#include "io/csv/network_result_csv.hpp"

#include <vector>

#include "base/error.hpp"
#include "io/csv/csv_cell.hpp"

namespace spad {
namespace {

std::vector<std::string> header() {
  std::vector<std::string> h = {"index",
                                "name",
                                "kind",
                                "N",
                                "C",
                                "M",
                                "H",
                                "W",
                                "R",
                                "S",
                                "stride_h",
                                "stride_w",
                                "dilation_h",
                                "dilation_w",
                                "pad_top",
                                "pad_left",
                                "pad_bottom",
                                "pad_right",
                                "groups",
                                "P",
                                "Q",
                                "macs",
                                "fits",
                                "min_capacity_bytes",
                                "order_innermost_first"};
  for (Dim d : kAllDims) h.push_back("tile_" + std::string(dim_name(d)));
  for (Tensor t : kAllTensors) h.push_back("span_" + std::string(tensor_name(t)));
  for (Tensor t : kAllTensors) {
    const std::string a(tensor_name(t));
    for (const char* field : {"_buffer_bytes", "_reads", "_writes", "_fills", "_bytes"}) {
      if (t != Tensor::O && std::string_view(field) == "_writes") continue;
      h.push_back(a + field);
    }
  }
  for (const char* total : {"buffer_bytes", "traffic_bytes", "compulsory_bytes"})
    h.emplace_back(total);
  return h;
}

// Schedule and traffic cells; empty when the layer does not fit.
void add_schedule_cells(const NetworkLayerResult& r, std::vector<std::string>& row,
                        std::size_t count) {
  if (!r.fits()) {
    row.insert(row.end(), count, "");
    return;
  }
  const Schedule& s = r.search.best->schedule;
  const Traffic& t = r.search.best->traffic;
  std::string order;
  for (Dim d : s.order) {
    if (!order.empty()) order += ' ';
    order += dim_name(d);
  }
  row.push_back(order);
  for (Dim d : kAllDims) row.push_back(std::to_string(s.tiles[d]));
  for (Tensor a : kAllTensors) row.push_back(std::to_string(s.buffer_span[a]));
  for (Tensor a : kAllTensors) {
    const ArrayTraffic& x = t.arrays[a];
    row.push_back(std::to_string(x.buffer_bytes));
    row.push_back(std::to_string(x.reads));
    if (a == Tensor::O) row.push_back(std::to_string(x.writes));
    row.push_back(std::to_string(x.fills));
    row.push_back(std::to_string(add(x.read_bytes, x.write_bytes)));
  }
  row.push_back(std::to_string(t.buffer_bytes));
  row.push_back(std::to_string(t.traffic_bytes));
}

}  // namespace

std::vector<std::vector<std::string>> network_result_csv_rows(const NetworkResult& result) {
  const std::vector<std::string> columns = header();
  std::vector<std::vector<std::string>> out = {columns};
  for (const NetworkLayerResult& r : result.layers) {
    const LayerSpec& s = r.layer.spec;
    const Layer layer(s);
    std::vector<std::string> row = {std::to_string(r.index), csv_cell(s.name),
                                    csv_cell(std::string(layer_kind_name(r.layer.kind)))};
    for (Count v : {s.N, s.C, s.M, s.H, s.W, s.R, s.S, s.stride_h, s.stride_w, s.dilation_h,
                    s.dilation_w, s.pad_top, s.pad_left, s.pad_bottom, s.pad_right, s.groups,
                    layer.P(), layer.Q(), layer.macs()})
      row.push_back(std::to_string(v));
    row.push_back(r.fits() ? "true" : "false");
    row.push_back(std::to_string(r.search.min_capacity_bytes));
    // Everything from "order_innermost_first" up to traffic_bytes; compulsory_bytes is last.
    add_schedule_cells(r, row, columns.size() - row.size() - 1);
    row.push_back(std::to_string(r.compulsory_bytes));
    SPAD_CHECK(row.size() == columns.size(), "network CSV: a row differs from the header");
    out.push_back(std::move(row));
  }
  return out;
}

std::string network_result_to_csv(const NetworkResult& result) {
  std::string out;
  for (const auto& row : network_result_csv_rows(result)) out += csv_line(row);
  return out;
}

}  // namespace spad

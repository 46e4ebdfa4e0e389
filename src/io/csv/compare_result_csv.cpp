// The per-layer CSV of a comparison (columns in compare_result_csv.hpp).
#include "io/csv/compare_result_csv.hpp"

#include <vector>

#include "base/error.hpp"
#include "io/csv/csv_cell.hpp"

namespace spad {
namespace {

std::vector<std::string> header() {
  std::vector<std::string> h = {"index",
                                "name",
                                "kind",
                                "macs",
                                "fits",
                                "min_capacity_bytes",
                                "traffic_bytes",
                                "buffer_bytes",
                                "compulsory_bytes",
                                "lower_bound_bytes",
                                "pebble_bound_bytes"};
  for (Baseline b : kAllBaselines) {
    const std::string name(baseline_name(b));
    h.push_back(name + "_traffic_bytes");
    h.push_back(name + "_buffer_bytes");
  }
  h.emplace_back("working_set_capacity_bytes");
  return h;
}

std::vector<std::string> row(const NetworkLayerResult& r, const LayerComparison& c) {
  std::vector<std::string> cells = {std::to_string(r.index),
                                    csv_cell(r.layer.spec.name),
                                    csv_cell(std::string(layer_kind_name(r.layer.kind))),
                                    std::to_string(Layer(r.layer.spec).macs()),
                                    r.fits() ? "true" : "false",
                                    std::to_string(r.search.min_capacity_bytes)};
  const auto& best = r.search.best;
  cells.push_back(count_cell(best ? std::optional(best->traffic.traffic_bytes) : std::nullopt));
  cells.push_back(count_cell(best ? std::optional(best->traffic.buffer_bytes) : std::nullopt));
  cells.push_back(std::to_string(r.compulsory_bytes));
  cells.push_back(std::to_string(c.bound.bound_bytes));
  cells.push_back(std::to_string(c.bound.pebble_bytes));
  for (Baseline b : kAllBaselines) {
    const std::optional<Candidate>& x = c.baseline(b);
    cells.push_back(count_cell(x ? std::optional(x->traffic.traffic_bytes) : std::nullopt));
    cells.push_back(count_cell(x ? std::optional(x->traffic.buffer_bytes) : std::nullopt));
  }
  cells.push_back(count_cell(c.working_set_capacity_bytes));
  return cells;
}

}  // namespace

std::string compare_result_to_csv(const CompareResult& result) {
  const std::vector<std::string> columns = header();
  std::string out = csv_line(columns);
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const std::vector<std::string> cells = row(result.network.layers.at(i), result.layers[i]);
    SPAD_CHECK(cells.size() == columns.size(), "compare CSV: a row differs from the header");
    out += csv_line(cells);
  }
  return out;
}

}  // namespace spad

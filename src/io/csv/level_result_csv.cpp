// The CSV with levels (columns in the header).
#include "io/csv/level_result_csv.hpp"

#include "io/csv/csv_cell.hpp"
#include "model/evaluate.hpp"
#include "workload/layer_kind.hpp"
#include "workload/network.hpp"

namespace spad {
namespace {

std::vector<std::string> header(bool baselines) {
  std::vector<std::string> h = {"index",
                                "name",
                                "kind",
                                "macs",
                                "boundary",
                                "outer_level",
                                "inner_level",
                                "capacity_bytes",
                                "fits",
                                "traffic_bytes",
                                "compulsory_bytes",
                                "lower_bound_bytes",
                                "buffer_bytes",
                                "fills"};
  if (baselines)
    for (Baseline b : kLevelBaselines) {
      h.push_back(std::string(baseline_name(b)) + "_traffic_bytes");
      h.push_back(std::string(baseline_name(b)) + "_buffer_bytes");
    }
  h.push_back("min_capacity_bytes");
  return h;
}

std::string level_csv(const NetworkLevelResult& result, const CompareLevelResult* compare) {
  const MemoryLevels& m = result.machine;
  std::string out = csv_line(header(compare != nullptr));
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const NetworkLevelLayerResult& r = result.layers[i];
    const Layer layer(r.layer.spec);
    const std::optional<LevelCandidate>& best = r.search.best;
    for (std::size_t l = 0; l < m.levels.size(); ++l) {
      std::vector<std::string> row = {
          std::to_string(r.index),
          csv_cell(r.layer.spec.name),
          csv_cell(std::string(layer_kind_name(r.layer.kind))),
          std::to_string(layer.macs()),
          std::to_string(l + 1),
          csv_cell(l == 0 ? std::string("off-chip") : m.levels[l - 1].name),
          csv_cell(m.levels[l].name),
          m.levels[l].capacity_bytes ? std::to_string(*m.levels[l].capacity_bytes) : "",
          best ? "true" : "false"};
      if (best) {
        const LevelCost& cost = best->traffic.levels[l];
        Count fills = 0;
        for (Tensor a : kAllTensors) fills = add(fills, cost.arrays[a].fills);
        row.push_back(std::to_string(cost.traffic_bytes));
        row.push_back(std::to_string(cost.compulsory_bytes));
        row.push_back(std::to_string(r.bounds[l].bound_bytes));
        row.push_back(std::to_string(cost.buffer_bytes));
        row.push_back(std::to_string(fills));
      } else {
        row.push_back("");
        row.push_back(
            std::to_string(compulsory_bytes(layer, layer_precision(m.precision, r.layer))));
        row.push_back(std::to_string(r.bounds[l].bound_bytes));
        row.push_back("");
        row.push_back("");
      }
      if (compare)
        for (Baseline b : kLevelBaselines) {
          const std::optional<LevelCandidate>& x = compare->layers[i].baseline(b);
          row.push_back(x ? std::to_string(x->traffic.levels[l].traffic_bytes) : "");
          row.push_back(x ? std::to_string(x->traffic.levels[l].buffer_bytes) : "");
        }
      row.push_back(std::to_string(r.min_capacities_bytes.at(l)));
      out += csv_line(row);
    }
  }
  return out;
}

}  // namespace

std::string network_level_result_to_csv(const NetworkLevelResult& result) {
  return level_csv(result, nullptr);
}

std::string compare_level_result_to_csv(const CompareLevelResult& result) {
  return level_csv(result.network, &result);
}

}  // namespace spad

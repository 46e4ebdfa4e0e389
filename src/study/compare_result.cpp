// Names, machines and totals of the comparison.
#include "study/compare_result.hpp"

#include "base/error.hpp"
#include "search/dataflows.hpp"

namespace spad {

std::string_view baseline_name(Baseline baseline) {
  switch (baseline) {
    case Baseline::weight_stationary:
      return "weight_stationary";
    case Baseline::output_stationary:
      return "output_stationary";
    case Baseline::input_stationary:
      return "input_stationary";
    case Baseline::hwce_v1:
      return "hwce_v1";
    case Baseline::hwce_v2:
      return "hwce_v2";
    case Baseline::hwce_v4:
      return "hwce_v4";
    case Baseline::working_set:
      return "working_set";
  }
  throw InternalError("unknown baseline");
}

Count hwce_maps_per_pass(Baseline baseline) {
  switch (baseline) {
    case Baseline::hwce_v1:
      return 1;
    case Baseline::hwce_v2:
      return 2;
    case Baseline::hwce_v4:
      return 4;
    default:
      return 0;
  }
}

Machine baseline_machine(Baseline baseline, const Machine& machine) {
  return hwce_maps_per_pass(baseline) > 0 ? hwce_machine(machine) : machine;
}

BaselineTotal baseline_total(const CompareResult& result, Baseline baseline) {
  BaselineTotal total;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const NetworkLayerResult& r = result.network.layers.at(i);
    const std::optional<Candidate>& b = result.layers[i].baseline(baseline);
    if (!r.fits() || !b) continue;
    total.layers += 1;
    total.traffic_bytes = add_total(total.traffic_bytes, b->traffic.traffic_bytes, "traffic_bytes");
    total.optimum_traffic_bytes = add_total(
        total.optimum_traffic_bytes, r.search.best->traffic.traffic_bytes, "optimum_traffic_bytes");
  }
  return total;
}

Count lower_bound_total(const CompareResult& result) {
  Count total = 0;
  for (const LayerComparison& c : result.layers)
    total = add_total(total, c.bound.bound_bytes, "lower_bound_bytes");
  return total;
}

}  // namespace spad

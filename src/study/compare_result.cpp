// Totals of the comparison.
#include "study/compare_result.hpp"

#include "base/error.hpp"

namespace spad {

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

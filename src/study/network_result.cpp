// Totals of a network result.
#include "study/network_result.hpp"

namespace spad {

NetworkTotals network_totals(const NetworkResult& result) {
  NetworkTotals t;
  for (const NetworkLayerResult& r : result.layers) {
    t.layers += 1;
    t.macs = add_total(t.macs, Layer(r.layer.spec).macs(), "macs");
    t.compulsory_bytes = add_total(t.compulsory_bytes, r.compulsory_bytes, "compulsory_bytes");
    if (!r.fits()) {
      t.infeasible_layers += 1;
      continue;
    }
    t.traffic_bytes =
        add_total(t.traffic_bytes, r.search.best->traffic.traffic_bytes, "traffic_bytes");
    t.scheduled_compulsory_bytes =
        add_total(t.scheduled_compulsory_bytes, r.compulsory_bytes, "scheduled_compulsory_bytes");
  }
  return t;
}

SkippedTotals skipped_totals(const NetworkResult& result) {
  SkippedTotals t;
  for (const SkippedNode& s : result.skipped) {
    if (s.macs)
      t.macs = add(t.macs, *s.macs);
    else
      t.unknown += 1;
  }
  return t;
}

SearchStats searched_stats(const NetworkResult& result) {
  SearchStats sum;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    if (result.layers[i].searched_as != i) continue;
    const SearchStats& s = result.layers[i].search.stats;
    sum.templates += s.templates;
    sum.evaluations += s.evaluations;
    sum.leaves += s.leaves;
  }
  return sum;
}

}  // namespace spad

// The answer of `spad compare`: the optimum of every selected layer (a
// NetworkResult, as `optimize --model` gives it) and, per layer, what stands
// beside it: the lower bound (model/lower_bound), the seven baselines of
// search/baselines (three fixed dataflows, the HWCE-like engine with V = 1, 2
// and 4 output maps per pass, the working-set model) and the smallest
// capacity at which the working-set space reaches the optimum's traffic.
// A plain value; study/compare_network fills it, io and report write it.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "model/lower_bound.hpp"
#include "search/baselines.hpp"
#include "study/network_result.hpp"

namespace spad {

struct LayerComparison {
  LowerBound bound;
  // Indexed by Baseline; nullopt where the baseline does not fit.
  std::array<std::optional<Candidate>, kNumBaselines> baselines;
  // The smallest capacity at which the working-set space moves no more than
  // the optimum's traffic; nullopt when the optimum does not fit.
  std::optional<Count> working_set_capacity_bytes;

  const std::optional<Candidate>& baseline(Baseline b) const {
    return baselines[static_cast<std::size_t>(b)];
  }
};

struct CompareResult {
  NetworkResult network;                // the optimum of every layer
  std::vector<LayerComparison> layers;  // parallel to network.layers
};

// A baseline's total over the layers where it and the optimum both fit, with
// the optimum's total over the same layers.
struct BaselineTotal {
  Count layers = 0;
  Count traffic_bytes = 0;
  Count optimum_traffic_bytes = 0;
};

BaselineTotal baseline_total(const CompareResult& result, Baseline baseline);

// The lower bound summed over every layer.
Count lower_bound_total(const CompareResult& result);

}  // namespace spad

// `spad compare --buffer OUTER,INNER[,...]`: the level optimum of every
// selected layer (study/optimize_network_levels: each distinct shape searched
// once, a network beyond the level search refused at once naming the layer)
// and, per distinct shape whose optimum fits, the baselines with a
// several-level form (search/level_baselines: the fixed dataflows at every
// level and the uniform-span model), copied to the layers of the same shape.
// The HWCE-like baselines have no several-level form: they are listed as not
// applicable (level_baseline_not_applicable says why), never costed.
//
// The baseline searches are jobs on min(T, jobs) workers, each on
// max(1, T / workers) threads; every answer is independent of the thread
// count, so the result is the same for any T. A plain result; io/json/
// compare_level_result_json, io/csv/level_result_csv and
// report/compare_level_table write it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "search/level_baselines.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad {

struct LayerLevelComparison {
  // Indexed by Baseline; nullopt where the baseline does not fit, where the
  // layer's optimum does not fit (not searched), or where it is not applicable.
  std::array<std::optional<LevelCandidate>, kNumBaselines> baselines;

  const std::optional<LevelCandidate>& baseline(Baseline b) const {
    return baselines[static_cast<std::size_t>(b)];
  }
};

struct CompareLevelResult {
  NetworkLevelResult network;                // the level optimum of every layer
  std::vector<LayerLevelComparison> layers;  // parallel to network.layers
};

// A baseline's bytes per boundary (outermost first) summed over the layers
// where it and the optimum both fit, with the optimum's over the same layers.
struct LevelBaselineTotal {
  Count layers = 0;
  std::vector<Count> traffic_bytes;
  std::vector<Count> optimum_traffic_bytes;
};

LevelBaselineTotal level_baseline_total(const CompareLevelResult& result, Baseline baseline);

// `selection`: indices into net.layers, ascending; every level of `machine`
// needs a capacity. `progress`: stages "optimum" and "baselines".
CompareLevelResult compare_network_levels(const Network& net,
                                          const std::vector<std::size_t>& selection,
                                          const MemoryLevels& machine, int threads,
                                          const StudyProgress& progress = {});

}  // namespace spad

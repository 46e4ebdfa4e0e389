// `spad optimize --model M --buffer OUTER,INNER`: the level search
// (search/level_search) for every selected conv/fc layer of a network over
// several on-chip levels, each distinct shape searched once (layer_shapes),
// in parallel on the job runner; on an accelerator of several levels for
// latency, energy or traffic (`spad accel --model`). A plain result; io/json/
// network_level_result_json and report/network_level_table write it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "model/lower_bound.hpp"
#include "model/memory_levels.hpp"
#include "search/level_search.hpp"
#include "study/study_progress.hpp"
#include "workload/network.hpp"

namespace spad {

struct NetworkLevelLayerResult {
  std::size_t index = 0;  // position in the network's layers (graph order)
  NetworkLayer layer;
  LevelSearchResult search;  // search.best empty: nothing fits
  // Index (into NetworkLevelResult::layers) of the first layer of the same
  // shape, whose search this result is a copy of; == own position when searched.
  std::size_t searched_as = 0;
  std::vector<LowerBound> bounds;  // per boundary (model/level_evaluate)
  // Per level, outermost first: the smallest capacity at which the layer has
  // a schedule of the study's space on its own machine
  // (search/level_min_capacity); nothing fits iff some level is below its entry.
  std::vector<Count> min_capacities_bytes;
};

struct NetworkLevelResult {
  std::string model;
  MemoryLevels machine;
  std::vector<NetworkLevelLayerResult> layers;
  std::map<std::string, Count> not_scheduled;
  std::string precision_source;  // "" = not stated
  std::size_t unique_shapes = 0;
  LevelSearchSpace space;  // the schedules searched (default: all)
};

// `space` restricts every layer's search alike (search/level_search_space:
// one fixed order or span group per level). Throws the first UserError of a
// layer's search (in graph order of the
// shapes), e.g. a layer beyond the level search, naming the layer.
NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const MemoryLevels& machine, int threads,
                                           const StudyProgress& progress = {},
                                           const LevelSearchSpace& space = {});

// The same on an accelerator of several levels (`spad accel --model M
// --machine M.yaml`): each layer searched for `objective` on
// layer_accelerator(accel, layer) (search/level_objective) within `space`
// (as above); result.machine is accel.memory.
NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const LevelAccelerator& accel, Objective objective,
                                           int threads, const StudyProgress& progress = {},
                                           const LevelSearchSpace& space = {});

// The accelerator a network layer is costed on: the machine file's element
// sizes with its kind's rule only (study/layer_machine, as for one level).
LevelAccelerator layer_accelerator(LevelAccelerator accel, const NetworkLayer& layer);

// Each layer's cost on layer_accelerator(accel, layer) (model/level_accel_cost),
// by position in result.layers; nullopt where nothing fits.
std::vector<std::optional<LevelAccelCost>> network_level_accel_costs(
    const NetworkLevelResult& result, const LevelAccelerator& accel);

// The number of layers of `result` where nothing fits.
std::size_t network_level_infeasible_layers(const NetworkLevelResult& result);

// Per boundary (outermost first), the bytes summed over the layers that fit.
std::vector<Count> network_level_traffic(const NetworkLevelResult& result);

}  // namespace spad

// The answer of `spad optimize --model`: the best schedule of every selected
// conv/fc layer of a network, in graph order, and the network's totals. A
// plain value; study/optimize_network fills it, io and report write it
// (io/json/network_result_json, io/csv/network_result_csv, report/network_table).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model/machine.hpp"
#include "search/optimize.hpp"
#include "workload/network.hpp"

namespace spad {

struct NetworkLayerResult {
  std::size_t index = 0;  // position in the network's layers (graph order)
  NetworkLayer layer;
  SearchResult search;         // search.best empty: the layer does not fit
  Count compulsory_bytes = 0;  // of the layer at the machine's precision
  // Index (into NetworkResult::layers) of the first layer of the same shape,
  // whose search this result is a copy of; == own position when searched.
  std::size_t searched_as = 0;
  bool fits() const { return search.best.has_value(); }
};

struct NetworkResult {
  std::string model;
  Machine machine;
  SearchSpace space;
  std::vector<NetworkLayerResult> layers;
  std::map<std::string, Count> not_scheduled;  // other ops by type (ONNX import)
  std::vector<SkippedNode> skipped;            // arithmetic nodes not scheduled (ONNX import)
  std::vector<std::string> warnings;           // from the import (shape disagreements)
  std::string precision_source;   // where machine.precision comes from; "" = not stated
  std::size_t unique_shapes = 0;  // searches run
};

// Sums over the layers. traffic_bytes counts only the layers that fit;
// compulsory_bytes counts every layer, scheduled_compulsory_bytes those that fit.
struct NetworkTotals {
  Count layers = 0, macs = 0;
  Count traffic_bytes = 0, compulsory_bytes = 0;
  Count infeasible_layers = 0, scheduled_compulsory_bytes = 0;
};

NetworkTotals network_totals(const NetworkResult& result);

// The MACs of the skipped nodes whose MACs are known, and how many are not.
struct SkippedTotals {
  Count macs = 0, unknown = 0;
};
SkippedTotals skipped_totals(const NetworkResult& result);

// The statistics of the searches that ran (results reused for a layer of the
// same shape excluded).
SearchStats searched_stats(const NetworkResult& result);

}  // namespace spad

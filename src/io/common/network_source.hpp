// The --model argument of `spad optimize`: where a network comes from.
//
//   NAME        a built-in model (io/zoo/network_file: load_zoo_model), letter case ignored
//   FILE.json   a network file (read_network_file); any existing file that is
//               not .onnx is read as one
//   FILE.onnx   an ONNX model (io/onnx/onnx_network: read_onnx_network)
//
// NetworkLoadOptions.batch, when given, is the batch the network runs at: the
// ONNX importer sets it on the graph's inputs and computes every shape from
// there; a network file's or built-in model's layers are scaled to it
// (workload/network_batch: a layer's batch is not always its N).
#pragma once

#include <optional>
#include <string>

#include "base/checked.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

struct NetworkLoadOptions {
  std::optional<Count> batch;  // >= 1; nullopt: as the model states it
};

// UserError for an unknown model name (listing the built-in models), an
// unreadable or invalid file, a batch below 1, or a layer the new batch
// makes invalid (too large).
Network load_network(const std::string& arg, const NetworkLoadOptions& options);

}  // namespace spad

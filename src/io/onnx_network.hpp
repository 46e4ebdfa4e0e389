// ONNX import: the conv and fully-connected layers of an ONNX model, in graph
// order, as a Network (the same value a network file or the zoo gives).
//
// Conv (2-D) nodes become "conv" layers; Gemm and MatMul nodes that multiply a
// 2-D activation [N, C] by a 2-D weight (an initializer, a Constant's output
// or a graph input) become "fc" layers (C inputs -> M outputs, H=W=R=S=1).
// Every other node, including a MatMul of two activations, is counted by op
// type in Network::not_scheduled. Shapes come from ONNX shape inference.
#pragma once

#include <optional>
#include <string>

#include "base/checked.hpp"
#include "io/network_file.hpp"

namespace spad {

// Reads the model file at `path`. `batch` sets N where the model's batch
// dimension is symbolic or unknown (a fixed batch in the model wins).
// Throws UserError naming the file, the node (name and op) and the attribute
// for anything spad cannot read: not an ONNX file, unknown spatial sizes,
// 1-D/3-D convolutions, invalid attributes, layers that fail validation.
Network read_onnx_network(const std::string& path, std::optional<Count> batch);

}  // namespace spad

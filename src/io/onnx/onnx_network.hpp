// ONNX import: the conv and fully-connected layers of an ONNX model, in graph
// order, as a Network (the same value a network file or the zoo gives).
//
// Conv, ConvInteger and QLinearConv nodes (1-D or 2-D) become "conv" layers;
// Gemm, MatMul, MatMulInteger and QLinearMatMul nodes become "fc" layers
// (with a weight) or "matmul" layers (two activations), io/onnx/onnx_fc.hpp.
// ConvTranspose, 3-D Conv, Einsum and recurrent nodes are listed in
// Network::skipped with their MACs; every other node is counted by op type
// in Network::not_scheduled. Shapes come from spad's own propagation
// (io/onnx/onnx_tensors), checked against the file's value_info and ONNX's
// inference (disagreements in Network::warnings). Integer operators set
// Network::precision (largest element size of each array; int32 partial sums).
#pragma once

#include <optional>
#include <string>

#include "base/checked.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// Reads the model file at `path`. `batch` sets N where the model's batch
// dimension is symbolic or unknown (a fixed batch in the model wins).
// Throws UserError naming the file, the node (name and op) and the attribute
// for anything spad cannot read: not an ONNX file, unknown sizes on the path
// to a layer, invalid attributes, layers that fail validation.
Network read_onnx_network(const std::string& path, std::optional<Count> batch);

}  // namespace spad

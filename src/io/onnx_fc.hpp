// ONNX Gemm and MatMul nodes as spad fully-connected layers.
//
// A node is a fully-connected layer when it multiplies a 2-D activation
// A = [N, C] by a 2-D weight B = [C, M]: B is an initializer, a Constant's
// output or a graph input (Gemm: transA / transB transpose A / B first). The
// layer is C inputs -> M outputs with H = W = R = S = 1 and batch N = rows of A.
// Anything else (a product of two activations, a batched MatMul) is not one.
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "io/network_file.hpp"
#include "io/onnx_node.hpp"
#include "io/onnx_tensors.hpp"

namespace spad {

// The layer, or nullopt when the node is not a fully-connected layer.
// Throws UserError for a Gemm/MatMul that is one but whose sizes are unknown
// or inconsistent, and for an invalid Gemm (not 2-D, bad transA/transB).
std::optional<NetworkLayer> onnx_fc_layer(const OnnxNode& node, const OnnxTensors& tensors,
                                          std::optional<Count> batch);

}  // namespace spad

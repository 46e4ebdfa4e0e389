// Arithmetic ONNX nodes spad does not schedule (ConvTranspose, 3-D and
// higher convolutions, DeformConv, Einsum, recurrent layers): why, and how
// many multiply-accumulates they hold, for the network's "skipped" list.
#pragma once

#include <optional>

#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// True for the ops that are always skipped (not for Conv, whose spatial rank decides).
bool onnx_is_skipped_op(const OnnxNode& node);

// The entry for a skipped node; `reason` overrides the op's default reason.
// MACs from the known shapes (nullopt when a size is unknown):
//   Conv of k spatial axes: N*M*(C/G)*prod(kernel)*prod(output spatial)
//   ConvTranspose: N*C*(M/G)*prod(kernel)*prod(input spatial) (every input
//     element meets every kernel tap of its group's output channels)
//   Einsum: the product of the sizes of every distinct index letter
//   RNN / GRU / LSTM: seq*batch*directions*gates*hidden*(input + hidden)
SkippedNode onnx_skipped_node(const OnnxNode& node, const OnnxTensors& tensors,
                              const std::string& reason = "");

}  // namespace spad

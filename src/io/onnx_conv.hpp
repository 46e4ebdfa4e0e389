// An ONNX Conv node as a spad conv layer. Axis convention: ONNX lists spatial
// axes as (x1, x2) = (height, width), so kernel_shape / weight dims 2, 3 are
// (R, S), strides and dilations are (h, w), and pads are
// [x1_begin, x2_begin, x1_end, x2_end] = [top, left, bottom, right].
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "io/network_file.hpp"
#include "io/onnx_node.hpp"
#include "io/onnx_tensors.hpp"

namespace spad {

// Throws UserError (naming the file, node and attribute) for anything that is
// not a valid 2-D convolution with known sizes.
NetworkLayer onnx_conv_layer(const OnnxNode& node, const OnnxTensors& tensors,
                             std::optional<Count> batch);

}  // namespace spad

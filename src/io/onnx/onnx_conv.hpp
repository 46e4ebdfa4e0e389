// An ONNX Conv (or ConvInteger / QLinearConv) node as a spad conv layer. Axis convention: ONNX
// lists spatial axes as (x1, x2) = (height, width), so kernel_shape / weight dims 2, 3 are (R, S),
// strides and dilations are (h, w), and pads are [x1_begin, x2_begin, x1_end, x2_end] = [top, left,
// bottom, right].
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// The number of spatial axes of a Conv / ConvInteger / QLinearConv node
// (UserError when its sources disagree or none is known).
int onnx_conv_spatial_rank(const OnnxNode& node, const OnnxTensors& tensors);

// Conv, ConvInteger and QLinearConv (weight input 3, bias input 8). A 1-D
// conv is the 2-D layer with H = R = 1: stride [1, s], dilation [1, d],
// pad [0, l, 0, r]. Throws UserError (naming the file, node and attribute)
// for anything that is not a valid 1-D or 2-D convolution with known sizes.
NetworkLayer onnx_conv_layer(const OnnxNode& node, const OnnxTensors& tensors,
                             std::optional<Count> batch);

}  // namespace spad

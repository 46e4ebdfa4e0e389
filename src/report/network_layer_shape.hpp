// A layer's shape on one line, for the network table:
//   conv   "64x56x56 -> 64x56x56, 3x3/1"       C x H x W -> M x P x Q, R x S / stride
//          "32x112x112 -> 32x112x112, 3x3/1, dw"   depthwise (groups = C = M)
//          ", g4" grouped; "/2x1" unequal strides; ", dil 2" dilation; "N8 " batch
//   fc     "4096 -> 1000, fc"                   C inputs -> M outputs
#pragma once

#include <string>

#include "workload/layer.hpp"
#include "workload/layer_kind.hpp"

namespace spad {

// "16 -> 8, fc", "N8 4 x (8 -> 8), matmul" (4 groups of 8 -> 8).
std::string format_short_shape(const Layer& layer, LayerKind kind);

}  // namespace spad

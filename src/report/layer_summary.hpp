// One line describing a layer, for the head of every human report:
//   res2a_branch2b: N=1 C=64 M=64 H=56 W=56 R=3 S=3, stride 1x1, dilation 1x1,
//   pad t1 l1 b1 r1, groups 1 -> P=56 Q=56, 115,605,504 MACs
#pragma once

#include <string>

#include "workload/layer.hpp"

namespace spad {

std::string format_layer_summary(const Layer& layer);

}  // namespace spad

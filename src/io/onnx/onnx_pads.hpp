// ONNX auto_pad: the begin/end padding of one spatial axis as the ONNX Conv
// specification and its shape inference compute it.
#pragma once

#include <cstdint>

namespace spad {

enum class OnnxAutoPad { notset, same_upper, same_lower, valid };

struct AxisPads {
  std::int64_t begin = 0, end = 0;
};

// For SAME_UPPER / SAME_LOWER: output = ceil(in / stride) and
// total = max(0, (output - 1) * stride + (kernel - 1) * dilation + 1 - in),
// split evenly; an odd total puts the extra element at the end (UPPER) or at
// the beginning (LOWER). VALID: no padding. NOTSET is not handled here.
// Precondition (checked): every size in 1..kMaxWorkProduct and the dilated
// kernel extent below kMaxWorkProduct.
AxisPads onnx_auto_pads(OnnxAutoPad mode, std::int64_t in, std::int64_t kernel, std::int64_t stride,
                        std::int64_t dilation);

}  // namespace spad

// ONNX auto_pad arithmetic.
#include "io/onnx/onnx_pads.hpp"

#include <algorithm>

#include "base/checked.hpp"
#include "base/error.hpp"
#include "workload/layer.hpp"

namespace spad {

AxisPads onnx_auto_pads(OnnxAutoPad mode, std::int64_t in, std::int64_t kernel, std::int64_t stride,
                        std::int64_t dilation) {
  SPAD_CHECK(mode != OnnxAutoPad::notset, "onnx_auto_pads called for auto_pad NOTSET");
  if (mode == OnnxAutoPad::valid) return {};
  for (std::int64_t v : {in, kernel, stride, dilation})
    SPAD_CHECK(v >= 1 && v <= kMaxWorkProduct, "onnx_auto_pads: size out of range");
  std::int64_t extent = 0;
  SPAD_CHECK(mul_fits(kernel - 1, dilation, &extent) && extent < kMaxWorkProduct,
             "onnx_auto_pads: dilated kernel extent overflows");
  extent += 1;
  const std::int64_t out = (in + stride - 1) / stride;
  const std::int64_t total = std::max<std::int64_t>(0, (out - 1) * stride + extent - in);
  const std::int64_t small = total / 2, big = total - small;
  if (mode == OnnxAutoPad::same_upper) return {small, big};
  return {big, small};
}

}  // namespace spad

// ONNX auto_pad arithmetic against values worked out from the ONNX spec.
#include "io/onnx/onnx_pads.hpp"

#include <gtest/gtest.h>

namespace spad {
namespace {

void expect_pads(OnnxAutoPad mode, std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t d,
                 std::int64_t begin, std::int64_t end) {
  const AxisPads p = onnx_auto_pads(mode, in, k, s, d);
  EXPECT_EQ(p.begin, begin) << "in " << in << " k " << k << " s " << s << " d " << d;
  EXPECT_EQ(p.end, end) << "in " << in << " k " << k << " s " << s << " d " << d;
}

TEST(OnnxAutoPads, SameSplitsTheTotalWithTheExtraAtTheEndForUpper) {
  // in 31, k 4, s 2: out 16, total = 15*2 + 4 - 31 = 3.
  expect_pads(OnnxAutoPad::same_upper, 31, 4, 2, 1, 1, 2);
  expect_pads(OnnxAutoPad::same_lower, 31, 4, 2, 1, 2, 1);
  // in 224, k 3, s 1: total 2, even.
  expect_pads(OnnxAutoPad::same_upper, 224, 3, 1, 1, 1, 1);
  expect_pads(OnnxAutoPad::same_lower, 224, 3, 1, 1, 1, 1);
  // in 224, k 3, s 2: out 112, total = 111*2 + 3 - 224 = 1.
  expect_pads(OnnxAutoPad::same_upper, 224, 3, 2, 1, 0, 1);
  expect_pads(OnnxAutoPad::same_lower, 224, 3, 2, 1, 1, 0);
  // Dilation 2, k 3 -> extent 5; in 10, s 1: total 4.
  expect_pads(OnnxAutoPad::same_upper, 10, 3, 1, 2, 2, 2);
  // Stride larger than the kernel: in 10, k 1, s 4: out 3, total = 8 + 1 - 10 < 0 -> 0.
  expect_pads(OnnxAutoPad::same_upper, 10, 1, 4, 1, 0, 0);
  // Kernel larger than the input: in 2, k 5, s 1: total 4.
  expect_pads(OnnxAutoPad::same_lower, 2, 5, 1, 1, 2, 2);
}

TEST(OnnxAutoPads, ValidIsNoPadding) { expect_pads(OnnxAutoPad::valid, 31, 4, 2, 1, 0, 0); }

}  // namespace
}  // namespace spad

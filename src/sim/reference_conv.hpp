// The reference convolution: DESIGN.md's loop nest run directly on integer
// tensors (int64 accumulation), with groups, stride, dilation, asymmetric
// zero padding and batch. The functional executor must reproduce its output.
#pragma once

#include <cstdint>

#include "sim/exec_tensor.hpp"
#include "workload/layer.hpp"

namespace spad {

// Shapes of the three arrays: I = N x C x H x W, W = M x C/G x R x S,
// O = N x M x P x Q.
std::array<Count, 4> input_shape(const Layer& layer);
std::array<Count, 4> weight_shape(const Layer& layer);
std::array<Count, 4> output_shape(const Layer& layer);

// The two operands of a convolution, filled with small random values
// (-8..8) from one seed.
struct ConvOperands {
  IntTensor4 input;
  IntTensor4 weights;
};
ConvOperands random_operands(const Layer& layer, std::uint64_t seed);

// O[n][g*M/G+m][p][q] = sum over c, r, s of
//   I[n][g*C/G+c][p*sh + r*dh - pad_t][q*sw + s*dw - pad_l] * W[g*M/G+m][c][r][s],
// where input positions outside H x W read as zero. Throws InternalError if
// the operand shapes do not match the layer.
IntTensor4 reference_conv(const Layer& layer, const IntTensor4& input, const IntTensor4& weights);

}  // namespace spad

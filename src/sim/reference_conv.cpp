// The direct (untiled) convolution used as ground truth.
#include "sim/reference_conv.hpp"

namespace spad {

std::array<Count, 4> input_shape(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return {s.N, s.C, s.H, s.W};
}

std::array<Count, 4> weight_shape(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return {s.M, s.C / s.groups, s.R, s.S};
}

std::array<Count, 4> output_shape(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return {s.N, s.M, layer.P(), layer.Q()};
}

ConvOperands random_operands(const Layer& layer, std::uint64_t seed) {
  // Distinct streams for I and W so they are not the same numbers.
  return {random_tensor(input_shape(layer), seed * 2 + 1),
          random_tensor(weight_shape(layer), seed * 2 + 2)};
}

IntTensor4 reference_conv(const Layer& layer, const IntTensor4& input, const IntTensor4& weights) {
  SPAD_CHECK(input.shape == input_shape(layer), "reference_conv: input shape does not match layer");
  SPAD_CHECK(weights.shape == weight_shape(layer),
             "reference_conv: weight shape does not match layer");
  const LayerSpec& s = layer.spec();
  const Count G = s.groups, Mg = s.M / G, Cg = s.C / G;
  IntTensor4 out(output_shape(layer));
  for (Count n = 0; n < s.N; ++n)
    for (Count g = 0; g < G; ++g)
      for (Count m = 0; m < Mg; ++m)
        for (Count c = 0; c < Cg; ++c)
          for (Count p = 0; p < layer.P(); ++p)
            for (Count q = 0; q < layer.Q(); ++q)
              for (Count r = 0; r < s.R; ++r)
                for (Count sc = 0; sc < s.S; ++sc) {
                  const Count h = p * s.stride_h + r * s.dilation_h - s.pad_top;
                  const Count w = q * s.stride_w + sc * s.dilation_w - s.pad_left;
                  if (h < 0 || h >= s.H || w < 0 || w >= s.W) continue;  // padding: zero
                  out.at(n, g * Mg + m, p, q) +=
                      input.at(n, g * Cg + c, h, w) * weights.at(g * Mg + m, c, r, sc);
                }
  return out;
}

}  // namespace spad

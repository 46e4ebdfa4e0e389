// The one-line layer shape.
#include "report/network_layer_shape.hpp"

#include <fmt/format.h>

namespace spad {
namespace {

std::string pair_text(Count h, Count w) {
  return h == w ? std::to_string(h) : fmt::format("{}x{}", h, w);
}

}  // namespace

std::string format_short_shape(const Layer& layer, LayerKind kind) {
  const LayerSpec& s = layer.spec();
  const std::string batch = s.N == 1 ? "" : fmt::format("N{} ", s.N);
  if (kind == LayerKind::fc) {
    if (s.groups == 1) return fmt::format("{}{} -> {}, fc", batch, s.C, s.M);
    return fmt::format("{}{} x ({} -> {}), fc", batch, s.groups, s.C / s.groups, s.M / s.groups);
  }
  // A product of two activations: G groups of [n, c] x [c, m].
  if (kind == LayerKind::matmul) {
    const std::string rows = s.H == 1 ? "" : fmt::format("{} rows ", s.H);
    if (s.groups == 1) return fmt::format("{}{}{} -> {}, matmul", batch, rows, s.C, s.M);
    return fmt::format("{}{}{} x ({} -> {}), matmul", batch, rows, s.groups, s.C / s.groups,
                       s.M / s.groups);
  }
  std::string out = fmt::format("{}{}x{}x{} -> {}x{}x{}, {}x{}/{}", batch, s.C, s.H, s.W, s.M,
                                layer.P(), layer.Q(), s.R, s.S, pair_text(s.stride_h, s.stride_w));
  if (s.groups > 1)
    out += s.groups == s.C && s.groups == s.M ? ", dw" : fmt::format(", g{}", s.groups);
  if (s.dilation_h != 1 || s.dilation_w != 1)
    out += ", dil " + pair_text(s.dilation_h, s.dilation_w);
  return out;
}

}  // namespace spad

// The one-line layer description.
#include "report/layer_summary.hpp"

#include <fmt/format.h>

#include "report/number_text.hpp"

namespace spad {

std::string format_layer_summary(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  const std::string name = layer.display_name();
  return fmt::format(
      "{}: N={} C={} M={} H={} W={} R={} S={}, stride {}x{}, dilation {}x{}, pad t{} l{} b{} r{}, "
      "groups {} -> P={} Q={}, {} MACs",
      name, s.N, s.C, s.M, s.H, s.W, s.R, s.S, s.stride_h, s.stride_w, s.dilation_h, s.dilation_w,
      s.pad_top, s.pad_left, s.pad_bottom, s.pad_right, s.groups, layer.P(), layer.Q(),
      with_separators(layer.macs()));
}

}  // namespace spad

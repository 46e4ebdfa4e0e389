// Compulsory traffic by enumeration (see sim_compulsory.hpp).
#include "sim/sim_compulsory.hpp"

#include "sim/sim_held_tile.hpp"
#include "sim/sim_input_footprint.hpp"

namespace spad::sim {

Count compulsory_bytes(const Layer& layer, const Precision& precision) {
  PerDim<Range> whole;
  for (Dim d : kAllDims) whole[d] = Range{0, layer.bound(d)};
  InputFootprintBuilder builder(layer);
  InputFootprint used;
  builder.build(whole, used);
  return add(
      add(mul(used.size(), precision.input), mul(box_size(Tensor::W, whole), precision.weight)),
      mul(box_size(Tensor::O, whole), precision.output));
}

}  // namespace spad::sim

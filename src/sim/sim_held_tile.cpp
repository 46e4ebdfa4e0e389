// Held tiles of a buffer: ranges and identity (see sim_held_tile.hpp).
#include "sim/sim_held_tile.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace spad::sim {

HeldTile::HeldTile(Tensor t, const Schedule& schedule, const Layer& layer) {
  for (Dim d : kAllDims) {
    selects_[d] = indexes(t, d) && loop_position(schedule, d) >= schedule.buffer_span[t];
    tile_[d] = schedule.tiles[d];
    bound_[d] = layer.bound(d);
  }
}

PerDim<Range> HeldTile::ranges(const PerDim<Count>& index) const {
  PerDim<Range> out;
  for (Dim d : kAllDims) {
    if (selects_[d]) {
      const Count lo = index[d] * tile_[d];
      out[d] = Range{lo, std::min(bound_[d], lo + tile_[d])};
    } else {
      out[d] = Range{0, bound_[d]};
    }
  }
  return out;
}

PerDim<Count> HeldTile::key(const PerDim<Count>& index) const {
  PerDim<Count> out;
  for (Dim d : kAllDims) out[d] = selects_[d] ? index[d] : -1;
  return out;
}

Count box_size(Tensor t, const PerDim<Range>& ranges) {
  SPAD_CHECK(t != Tensor::I, "box_size: the input is not a box of loop ranges");
  Count size = 1;
  for (Dim d : kAllDims)
    if (indexes(t, d)) size = mul(size, ranges[d].size());
  return size;
}

}  // namespace spad::sim

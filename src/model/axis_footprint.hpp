// Per-axis input footprints: how many distinct, in-bounds input rows (or
// columns) a range of output positions and kernel taps touches.
//
// Along the height axis an output row p and filter row r read input row
//   h = p*stride + r*dilation - pad_lo,     valid when 0 <= h < in_extent.
// The input footprint of a tile is (n range) x (channel range) x rows x cols,
// so every I count in the model factors into one term per spatial axis.
#pragma once

#include "base/checked.hpp"

namespace spad {

class Layer;

struct AxisGeometry {
  Count out_extent = 1;  // P (or Q)
  Count kernel = 1;      // R (or S)
  Count stride = 1;
  Count dilation = 1;
  Count pad_lo = 0;     // pad_top (or pad_left)
  Count in_extent = 1;  // H (or W)
};

AxisGeometry height_axis(const Layer& layer);
AxisGeometry width_axis(const Layer& layer);

// |{o*stride + k*dilation - pad_lo : o0 <= o < o1, k0 <= k < k1} ∩ [0, in_extent)|,
// by closed form in O(min(k1 - k0, 2 * stride)) steps: offsets whose rows all
// lie inside the input (or all outside) are counted together.
Count axis_footprint(const AxisGeometry& g, Count o0, Count o1, Count k0, Count k1);

// How one axis's input term is summed over the tile positions of a schedule.
// `out_tiled` / `ker_tiled`: whether the output loop (p or q) and the kernel
// loop (r or s) are outside I's buffer (their tiles are stepped through) or
// inside it (the buffer covers their whole range).
enum class HaloAlong { none, output, kernel };

struct AxisTerm {
  Count sum = 0;  // Σ over positions of the footprint (with halo: of the newly loaded part)
  Count max = 0;  // largest footprint over positions
};

// `halo` = output: consecutive output tiles (kernel position fixed) load only
// the rows the previous tile did not hold; kernel: likewise along the kernel loop.
AxisTerm axis_term(const AxisGeometry& g, Count t_out, bool out_tiled, Count t_ker, bool ker_tiled,
                   HaloAlong halo);

}  // namespace spad

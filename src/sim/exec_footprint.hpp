// Which array elements a box of loop iterations touches. A box gives, for each
// of the 8 loop dimensions, a half-open range of loop indices; the footprint
// of array A is the set of A's elements that some iteration in the box reads
// or updates, as off-chip (row-major) positions. For I only in-bounds
// positions count: an iteration that lands in the padding reads a zero that
// is never stored.
#pragma once

#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "workload/layer.hpp"

namespace spad {

struct LoopBox {
  PerDim<Count> lo;  // first index, inclusive
  PerDim<Count> hi;  // last index, exclusive
};

// Distinct off-chip positions of `array` touched by the iterations in `box`,
// each listed once.
std::vector<Count> footprint(const Layer& layer, Tensor array, const LoopBox& box);

}  // namespace spad

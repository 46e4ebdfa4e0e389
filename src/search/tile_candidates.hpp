// The tile sizes the search tries for one loop.
//
// For n, g, m and c every count depends on the tile only through the trip
// count T (their tile extents sum to D over the positions of the loop, and no
// halo exists along them), while every buffer holding a tile of them grows
// with the tile: of all tiles with the same T, the smallest, ceil(D/T), is
// never worse. For p, q, r and s the input footprint depends on where tile
// boundaries fall (padding, stride, dilation), so every tile 1..D is tried.
#pragma once

#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

// Candidate tiles with T > 1 for a loop of extent `extent`, largest first.
std::vector<Count> tile_candidates(Dim d, Count extent);

// The same when the loop is unrolled over `lanes` MAC lanes and the cost
// also depends on its lane steps F(t) = Σ_tiles ceil(extent / lanes)
// (model/accel_cost): for n, g, m, c, of the tiles with one trip count, a
// larger one is kept only if its F is smaller than that of every smaller one
// (T, t and F are all the cost sees of it). lanes == 1: tile_candidates.
std::vector<Count> tile_candidates(Dim d, Count extent, Count lanes);

}  // namespace spad

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

}  // namespace spad

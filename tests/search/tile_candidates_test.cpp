// Candidate tiles per loop: the run-jumping enumeration in search/
// tile_candidates must give exactly the list of the direct definition (every
// tile 1..D-1 visited one by one), which is written out here independently.
#include "search/tile_candidates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace spad {
namespace {

Count ceil_of(Count a, Count b) { return (a + b - 1) / b; }

// Σ over the tiles of ceil(tile / lanes), tile by tile.
Count steps_by_tiles(Count extent, Count tile, Count lanes) {
  Count steps = 0;
  for (Count lo = 0; lo < extent; lo += tile) steps += ceil_of(std::min(tile, extent - lo), lanes);
  return steps;
}

// The definition: for n, g, m, c, per trip count T > 1 the smallest tile
// (lanes == 1), or the tiles whose lane steps beat every smaller tile of the
// same T (lanes > 1); for p, q, r, s every tile with T > 1. Largest first.
std::vector<Count> by_definition(Dim d, Count extent, Count lanes) {
  const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
  std::vector<Count> out;
  Count group = 0, best = 0;
  for (Count t = 1; t < extent; ++t) {
    const Count trips = ceil_of(extent, t);
    const Count steps = steps_by_tiles(extent, t, lanes);
    if (spatial) {
      out.push_back(t);
    } else if (trips != group) {
      group = trips;
      best = steps;
      out.push_back(t);
    } else if (lanes > 1 && steps < best) {
      best = steps;
      out.push_back(t);
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

TEST(TileCandidates, EqualTheDefinitionForEveryExtentUpTo300) {
  for (Dim d : {Dim::c, Dim::m, Dim::p, Dim::s})
    for (Count extent = 1; extent <= 300; ++extent)
      for (Count lanes : {1, 2, 3, 4, 7, 8, 16, 32}) {
        SCOPED_TRACE(testing::Message()
                     << dim_name(d) << " extent " << extent << " lanes " << lanes);
        ASSERT_EQ(tile_candidates(d, extent, lanes), by_definition(d, extent, lanes));
      }
}

TEST(TileCandidates, LargeChannelCountsGiveFewCandidates) {
  // ceil(D / t) takes at most 2 sqrt(D) values: for D = 2^31 that is under
  // 92,682 candidates, enumerated without visiting 2^31 tiles.
  const Count extent = Count{1} << 31;
  const std::vector<Count> plain = tile_candidates(Dim::c, extent, 1);
  EXPECT_LE(plain.size(), 92682u);
  EXPECT_EQ(plain.front(), extent / 2);  // T = 2: the smallest tile is D / 2
  EXPECT_EQ(plain.back(), 1);
  const std::vector<Count> lanes = tile_candidates(Dim::c, extent, 32);
  EXPECT_GE(lanes.size(), plain.size());
  EXPECT_LE(lanes.size(), 32 * plain.size());
}

}  // namespace
}  // namespace spad

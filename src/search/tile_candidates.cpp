// Candidate tile sizes per loop (argument in the header).
#include "search/tile_candidates.hpp"

#include <algorithm>

#include "model/accel_cost.hpp"

namespace spad {

namespace {

bool is_spatial(Dim d) { return d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s; }

// Calls visit(first, last) for every run of tiles [first, last] sharing one
// trip count T = ceil(extent / t) > 1, from t = 1 upwards. A run starts at
// t = ceil(extent / T) (the smallest tile with T trips) and ends just before
// the smallest tile with fewer trips, ceil(extent / (T - 1)). Jumping from
// run to run visits O(sqrt(extent)) runs instead of every tile, which keeps
// channel counts of 2^31 cheap (ceil(extent / t) takes at most
// 2 sqrt(extent) distinct values).
template <typename Visit>
void for_each_trip_run(Count extent, Visit visit) {
  for (Count t = 1; t < extent;) {
    const Count trips = ceil_div(extent, t);
    const Count last = trips == 2 ? extent - 1 : ceil_div(extent, trips - 1) - 1;
    visit(t, last);
    t = last + 1;
  }
}

}  // namespace

std::vector<Count> tile_candidates(Dim d, Count extent) {
  std::vector<Count> out;
  if (is_spatial(d)) {
    for (Count t = extent - 1; t >= 1; --t) out.push_back(t);
    return out;
  }
  // Of the tiles with one trip count, the smallest (the run's first) is kept.
  for_each_trip_run(extent, [&](Count first, Count) { out.push_back(first); });
  std::reverse(out.begin(), out.end());  // largest first
  return out;
}

std::vector<Count> tile_candidates(Dim d, Count extent, Count lanes) {
  if (lanes == 1 || is_spatial(d)) return tile_candidates(d, extent);
  // F(t) = Σ over the tiles of ceil(tile / lanes) >= ceil(extent / lanes),
  // the floor, which every multiple of `lanes` inside a run attains (all its
  // tiles but the last are whole lane blocks). Scanning a run upwards, a tile
  // is kept when its F is below every smaller tile's; once F is at the floor
  // no later tile can be below it, so each run is scanned for at most
  // `lanes` tiles.
  const Count floor_steps = ceil_div(extent, lanes);
  std::vector<Count> out;
  for_each_trip_run(extent, [&](Count first, Count last) {
    Count best = lane_steps(extent, first, lanes);
    out.push_back(first);
    for (Count t = first + 1; t <= last && best > floor_steps; ++t) {
      const Count steps = lane_steps(extent, t, lanes);
      if (steps < best) {
        best = steps;
        out.push_back(t);
      }
    }
  });
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace spad

// Candidate tile sizes per loop (argument in the header).
#include "search/tile_candidates.hpp"

#include <algorithm>

#include "model/accel_cost.hpp"

namespace spad {

std::vector<Count> tile_candidates(Dim d, Count extent) {
  std::vector<Count> out;
  const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
  Count last_trips = 0;
  for (Count t = extent; t >= 1; --t) {
    const Count trips = ceil_div(extent, t);
    if (trips == 1) continue;
    if (spatial) {
      out.push_back(t);
    } else if (trips != last_trips) {
      // Going down from the largest tile, the first t seen for a trip count is
      // the largest; keep the smallest, ceil(extent / trips), instead.
      out.push_back(ceil_div(extent, trips));
      last_trips = trips;
    }
  }
  return out;
}

std::vector<Count> tile_candidates(Dim d, Count extent, Count lanes) {
  const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
  if (lanes == 1 || spatial) return tile_candidates(d, extent);
  std::vector<Count> out;
  Count group_trips = 0, best_steps = 0;
  for (Count t = 1; t < extent; ++t) {
    const Count trips = ceil_div(extent, t);
    const Count steps = lane_steps(extent, t, lanes);
    if (trips != group_trips) {
      group_trips = trips;
      best_steps = steps;
      out.push_back(t);
    } else if (steps < best_steps) {
      best_steps = steps;
      out.push_back(t);
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace spad

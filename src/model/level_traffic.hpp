// The answer to "what does this several-level schedule cost" (DESIGN.md,
// "Several on-chip levels", result JSON with levels). Produced identically by
// the analytical model (model/level_evaluate) and the level simulator
// (sim/level_simulator); the two must agree on every field, so it compares
// with ==.
//
// levels[l] describes level l+1 and the boundary above it (boundary l+1,
// between level l, or off-chip for l = 0, and level l+1):
//   arrays[A].buffer_elems / buffer_bytes / fills   A's own buffer at this
//       level (all 0 when A bypasses it);
//   arrays[A].reads / writes / final_writes (and the byte counts)   elements
//       of A crossing this boundary, in either direction, whichever buffers
//       moved them (a transfer from level j to level i > j crosses every
//       boundary j+1..i and counts at each);
//   traffic_bytes   bytes across this boundary;
//   buffer_bytes    bytes of this level's buffers; fits: <= its capacity.
#pragma once

#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/traffic.hpp"

namespace spad {

struct LevelCost {
  std::string name;
  PerTensor<ArrayTraffic> arrays;
  Count traffic_bytes = 0;
  Count buffer_bytes = 0;
  Count compulsory_bytes = 0;  // the same at every boundary
  bool fits = true;
  friend bool operator==(const LevelCost&, const LevelCost&) = default;
};

struct LevelTraffic {
  std::vector<LevelCost> levels;  // outermost first
  // Off-chip traffic (boundary 1) is levels.front().traffic_bytes.
  Count total_fills() const {
    Count sum = 0;
    for (const LevelCost& l : levels)
      for (Tensor t : kAllTensors) sum = add(sum, l.arrays[t].fills);
    return sum;
  }
  Count total_buffer_bytes() const {
    Count sum = 0;
    for (const LevelCost& l : levels) sum = add(sum, l.buffer_bytes);
    return sum;
  }
  bool fits() const {
    for (const LevelCost& l : levels)
      if (!l.fits) return false;
    return true;
  }
  friend bool operator==(const LevelTraffic&, const LevelTraffic&) = default;
};

}  // namespace spad

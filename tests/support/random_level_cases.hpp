// Deterministic generators of random several-level schedules and machines for
// the property tests (level simulator, level executor, level model). Layers
// come from random_cases.hpp. Per level and dim the tile is drawn to cover
// the cases DESIGN.md singles out: a tile that divides the enclosing
// level's tile, one that does not (partial inner tiles), one equal to it or
// larger (one trip), and any value 1..D. Spans are 0..8, and at every level
// but the innermost an array bypasses with probability 1/4.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "model/memory_levels.hpp"
#include "random_cases.hpp"
#include "schedule/level_schedule.hpp"

namespace spad::testing {

// A tile for dim d of a level whose enclosing tile has at most `enclosing`
// values (the whole bound at level 1).
inline Count random_level_tile(Rng& rng, Count bound, Count enclosing) {
  switch (uniform(rng, 0, 4)) {
    case 0:
      return uniform(rng, 1, bound);  // anything, even larger than the enclosing tile
    case 1: {                         // a divisor of the enclosing tile
      std::vector<Count> divisors;
      for (Count t = 1; t <= enclosing; ++t)
        if (enclosing % t == 0) divisors.push_back(t);
      return divisors[static_cast<std::size_t>(
          uniform(rng, 0, static_cast<Count>(divisors.size()) - 1))];
    }
    case 2:
      return enclosing;  // one trip
    default:
      return uniform(rng, 1, enclosing);  // often partial inner tiles
  }
}

// A random valid schedule of `layer` with `levels` levels (1..kMaxLevels).
inline LevelSchedule random_level_schedule(Rng& rng, const Layer& layer, std::size_t levels,
                                           int bypass_one_in = 4) {
  LevelSchedule s;
  PerDim<Count> enclosing = layer.bounds();
  for (std::size_t l = 0; l < levels; ++l) {
    LevelLoops level;
    level.name = "L";
    level.name += std::to_string(levels - l);  // not "L" + ...: GCC 12 -Wrestrict
    std::shuffle(level.order.begin(), level.order.end(), rng);
    for (Dim d : kAllDims) {
      level.tiles[d] = random_level_tile(rng, layer.bound(d), enclosing[d]);
      enclosing[d] = std::min(enclosing[d], level.tiles[d]);
    }
    const bool innermost = l + 1 == levels;
    for (Tensor t : kAllTensors) {
      if (!innermost && uniform(rng, 1, bypass_one_in) == 1)
        level.buffer_span[t] = std::nullopt;
      else
        level.buffer_span[t] = static_cast<int>(uniform(rng, 0, 8));
    }
    s.levels.push_back(level);
  }
  return s;
}

// A random machine with `levels` levels: precisions, halo reuse, double
// buffering, and capacities (some unbounded) that sometimes fit.
inline MemoryLevels random_memory_levels(Rng& rng, std::size_t levels) {
  const Machine one = random_machine(rng);
  MemoryLevels m;
  m.precision = one.precision;
  m.halo_reuse = one.halo_reuse;
  m.double_buffer = one.double_buffer;
  for (std::size_t l = 0; l < levels; ++l) {
    MemoryLevel level;
    level.name = "L";
    level.name += std::to_string(levels - l);  // not "L" + ...: GCC 12 -Wrestrict
    if (uniform(rng, 0, 3) != 0) level.capacity_bytes = uniform(rng, 16, 4096);
    m.levels.push_back(level);
  }
  return m;
}

}  // namespace spad::testing

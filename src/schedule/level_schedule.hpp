// A schedule over several on-chip levels (DESIGN.md, "Several on-chip levels"):
// off-chip -> level 1 (e.g. "L2") -> ... -> level L (e.g. "L1") -> datapath.
//
// Levels are numbered from the outside in; levels[0] is level 1. Each level
// has one loop group: tiles t^l_d and an order of its 8 tile loops (innermost
// first). Level 1's loops step over t^1 tiles of the whole layer; level l's
// loops step over t^l tiles inside the current level-(l-1) tile, so a loop
// over [lo, hi) makes ceil((hi - lo) / t) trips and the last one may be
// partial (t^l >= t^(l-1) is legal and makes one trip).
//
// The flat nest, printed outermost first, for L = 2:
//
//   for n1 .. for s1          level 1's group (order of levels[0])
//    ---- level-1 buffers of the arrays that do not bypass level 1
//     for n2 .. for s2        level 2's group (order of levels[1])
//      ---- level-2 buffers (every array has one at level L)
//       compute one level-L tile
//
// buffer_span[A] at level l is k in 0..8: A's level-l buffer holds every
// element of A touched while the deeper groups and the k innermost loops of
// level l's own group run; nullopt = A bypasses level l (allowed at levels
// 1..L-1 only; the datapath reads only level L).
//
// A plain value: it knows nothing of costs or of search. A one-level
// LevelSchedule is exactly a Schedule (see as_levels / as_one_level).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "schedule/schedule.hpp"

namespace spad {

class Layer;

// Most on-chip levels a schedule may have (off-chip excluded).
inline constexpr std::size_t kMaxLevels = 4;

// One level's loop group and the spans of the buffers at this level.
struct LevelLoops {
  std::string name;  // a label ("L2", "L1"); may be empty
  PerDim<Count> tiles;
  std::array<Dim, kNumDims> order = kAllDims;  // innermost first
  PerTensor<std::optional<int>> buffer_span;   // nullopt = bypass
  friend bool operator==(const LevelLoops&, const LevelLoops&) = default;
};

struct LevelSchedule {
  std::vector<LevelLoops> levels;  // outermost first; levels[0] is level 1
  friend bool operator==(const LevelSchedule&, const LevelSchedule&) = default;
};

// Throws UserError naming the level (by number and name), field (as the
// JSON path, "levels[1].tiles.m") and value when `s` is not a schedule of
// `layer`: no level or more than kMaxLevels, two levels of one (non-empty)
// name (both positions named), an order that is not a permutation, a tile
// outside 1..D_d, a span outside 0..8, or a bypass (nullopt) at the
// innermost level. Messages start with "schedule: ".
void validate(const LevelSchedule& s, const Layer& layer);

// The one-level schedule as a one-level LevelSchedule (name empty).
LevelSchedule as_levels(const Schedule& s);

// The Schedule of a one-level LevelSchedule; nullopt when it has several
// levels. (A one-level schedule never bypasses: validate() refuses it.)
std::optional<Schedule> as_one_level(const LevelSchedule& s);

// "level 2 (L1)" or "level 2" when unnamed: how errors and reports name a level.
std::string level_label(const LevelSchedule& s, std::size_t level_index);

}  // namespace spad

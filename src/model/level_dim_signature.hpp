// What the level model (model/evaluate_levels) reads of the nested tiling of
// one dimension n, g, m or c (those without a halo), besides its tiles:
// a signature. Two tile chains of such a dimension with equal signatures give
// every count of every buffer at every level the same value (fills, loads,
// read-backs, write-backs, hence every boundary's bytes); only the buffer
// sizes differ, through the largest node of each level, min(t^1..t^l), which
// is t^l for a chain that never grows inward (the canonical form).
//
// Why: model/level_evaluate reads such a dimension's DimTiling only through
// nodes(l), single_trip_count(mu, lambda), single_trip_size_sum(mu, lambda)
// and largest(l) (tile() and the single-trip limits only for p, q, r, s);
// the signature lists the first three for every 0 <= mu <= lambda <= L.
// tests/model/level_dim_signature_test checks the consequence against the
// model and the level simulator on random schedules.
#pragma once

#include <array>
#include <vector>

#include "base/checked.hpp"
#include "schedule/level_schedule.hpp"

namespace spad {

using LevelDimSignature = std::vector<Count>;

// tiles[l - 1] is the level-l tile, 1 <= tile <= extent, l = 1..levels.
LevelDimSignature level_dim_signature(Count extent, const std::array<Count, kMaxLevels>& tiles,
                                      int levels);

}  // namespace spad

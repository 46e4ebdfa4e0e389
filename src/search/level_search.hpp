// The search over several on-chip levels (DESIGN.md, "Several on-chip
// levels"): the schedule of least (bytes across boundary 1, boundary 2, ...,
// boundary L, fills summed over all levels and arrays, buffer bytes summed
// over all levels) among those where every level fits, over every level's
// tiles x loop order x buffer spans (with bypass at levels 1..L-1), exactly.
// On an accelerator of several levels the key starts with latency or energy
// instead (search/level_objective). Costs come only from the level model
// (model/evaluate_levels, model/level_accel_cost).
//
//   levels 1..L, outermost first: each level's tiles and order (level_searcher.cpp)
//   every level fixed: the spans and bypasses, array by array (level_span_choice)
//   incumbent: shared best, the same answer for any thread count
//
// Remaining ties (several levels) are broken by a total order on the returned (canonical)
// schedule: per level outermost first its tiles (n g m c p q r s) then its
// order (innermost first, dims as n=0 .. s=7), then per level outermost first
// the spans of I, W, O with a bypass before span 0. Canonical: a tile is at
// most the enclosing level's tile (a larger one makes the same single trip),
// a loop that makes one trip in every enclosing tile sits innermost in
// n g m c p q r s order, and a span that covers only such loops is written 0.
#pragma once

#include <optional>

#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_objective.hpp"
#include "search/level_search_size.hpp"
#include "search/level_search_space.hpp"
#include "workload/layer.hpp"

namespace spad {

struct LevelSearchOptions {
  int threads = 0;  // 0 = all hardware threads; the answer is identical for any count
  // The schedules searched (default: all). With a fixed order at a level that
  // level's schedules keep it as given (not the canonical order below).
  LevelSearchSpace space = {};
  // What is minimised (search/level_objective): DESIGN.md's level traffic
  // key by default; on an accelerator of several levels latency, energy or
  // traffic, each with its ties.
  LevelObjective objective = {};
  // The most tile x order choices the search may visit
  // (search/level_search_size: kMaxLevelSearchSize, whose comment says how
  // it is counted); tests lower it to reach the counting path on tiny layers.
  Count max_search_size = kMaxLevelSearchSize;
};

struct LevelCandidate {
  LevelSchedule schedule;
  LevelTraffic traffic;  // = evaluate_levels(layer, schedule, machine)
};

struct LevelSearchStats {
  Count evaluations = 0;  // level-model calls
  Count leaves = 0;       // tiles x orders of every level whose spans were chosen
  Count nodes_cut = 0;    // partial schedules (levels 1..l fixed) cut by their bounds
  // Orders skipped as equal to an earlier order of the same tiles (the same
  // records below them: search/level_searcher.cpp, "Space").
  Count orders_joined = 0;
};

struct LevelSearchResult {
  std::optional<LevelCandidate> best;  // empty when nothing fits
  LevelSearchStats stats;
};

// The tile vector x loop order choices of level 1 the search visits with
// `levels` levels (each dimension's level-1 tiles on its kept chains,
// search/level_tile_chains; every order of the loops below their extent).
// The search's whole size, every level counted: search/level_search_size.
Count level_structures(const Layer& layer, std::size_t levels);

// Every level of `machine` must have a capacity (UserError naming the level);
// an objective other than traffic needs options.objective.accel, whose
// memory must be `machine` and have two or more levels (UserError);
// with several levels, a search that would visit more than
// options.max_search_size tile x order choices is refused (UserError naming
// the layer and the counts): level 1's choices are counted before it starts,
// the rest as it goes, below the level-1 choices its bounds cannot cut
// (level_search.cpp, "Size"; the same refusal for any thread count). One level is
// the one-level search (search/optimize: its answer, its order for ties, any
// layer size) as a one-level LevelSchedule.
LevelSearchResult optimize_levels(const Layer& layer, const MemoryLevels& machine,
                                  const LevelSearchOptions& options = {});

}  // namespace spad

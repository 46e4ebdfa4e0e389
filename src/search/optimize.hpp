// The search: the schedule of least off-chip traffic (or, on an accelerator,
// least latency or energy: search/objective) that fits the scratchpad, over
// tiles x loop order x buffer spans (DESIGN.md), exactly. Ties: fewer traffic
// bytes, fewer DMA fills, then fewer buffer bytes, then a fixed order on the
// schedule (or, asked for, buffer bytes before fills: the least storage that
// reaches the optimal traffic). Costs come only from the model
// (model/Evaluator, model/accel_cost).
//
//   enumerate_templates  ->  loop structures, one per cost class
//   branch and bound     ->  tiles per structure, pruned by model-computed bounds
//   incumbent            ->  shared best, same answer for any thread count
#pragma once

#include <memory>
#include <optional>

#include "model/accelerator.hpp"
#include "model/machine.hpp"
#include "search/candidate.hpp"
#include "search/loop_template.hpp"
#include "search/objective.hpp"
#include "search/search_space.hpp"
#include "workload/layer.hpp"

namespace spad {

// The options of every search: optimize, and the baselines of search/baselines
// (which replace `space` with their own).
struct SearchOptions {
  SearchSpace space;
  int threads = 0;  // 0: all hardware threads
  // Optional: loop structures shared across calls (e.g. the layers of a
  // network). Results are the same with or without it.
  std::shared_ptr<TemplateCache> templates;
  // What is minimised first. Latency and energy need the accelerator, whose
  // machine must be the one optimize() is given; with an accelerator, the
  // traffic objective breaks ties by latency (search/objective).
  Objective objective = Objective::traffic;
  std::shared_ptr<const Accelerator> accelerator;
  // How schedules equal in the leading terms are ordered (search/candidate):
  // DESIGN.md's fewer fills first, or buffer_first for the smallest buffers
  // that reach the optimum (min_buffer_schedule).
  TieBreak tie_break = TieBreak::fills_first;
  // Candidate ranges of a tile group longer than this are bounded as a whole
  // before their candidates are visited (search/template_solver); 0 turns
  // range bounds off. Only the search's speed depends on it (the tests
  // compare several values).
  std::size_t range_leaf = 4;
  // Optional: only schedules whose objective (traffic bytes for the traffic
  // objective) is at most this are wanted. The result is the same optimum
  // when its objective is at most the ceiling, and none (best empty)
  // otherwise; the search cuts everything above it from the start
  // (smallest_capacity_for_traffic asks "is this traffic reachable").
  std::optional<Count> objective_ceiling;
};

struct SearchStats {
  Count templates = 0;    // loop structures enumerated
  Count evaluations = 0;  // model calls (bounds and leaves)
  Count leaves = 0;       // complete schedules evaluated
  Count ranges_cut = 0;   // candidate ranges cut whole by their bounds
};

struct SearchResult {
  std::optional<Candidate> best;  // empty when nothing fits
  // The smallest capacity (bytes) at which the layer has any schedule in the
  // space: every tile 1, every buffer at the innermost level.
  Count min_capacity_bytes = 0;
  SearchStats stats;
};

// The smallest capacity (bytes) at which the layer has any schedule in the
// space (SearchResult::min_capacity_bytes); machine.capacity_bytes is ignored.
Count smallest_capacity_bytes(const Layer& layer, const Machine& machine,
                              const SearchSpace& space = {});

// machine.capacity_bytes must be set (UserError otherwise).
SearchResult optimize(const Layer& layer, const Machine& machine, const SearchOptions& options);

// "The least storage that reaches the optimal traffic" (DESIGN.md: its own
// question): among the schedules of least objective (traffic by default)
// that fit, the one with the fewest buffer bytes, then the fewest fills.
// optimize() with options.tie_break = buffer_first.
SearchResult min_buffer_schedule(const Layer& layer, const Machine& machine, SearchOptions options);

}  // namespace spad

// Branch and bound over the tiles of one loop structure.
#pragma once

#include <optional>
#include <vector>

#include "model/evaluator.hpp"
#include "search/incumbent.hpp"
#include "search/loop_template.hpp"
#include "search/objective.hpp"
#include "search/tile_groups.hpp"

namespace spad {

struct SolverStats {
  Count evaluations = 0;  // model calls
  Count leaves = 0;       // complete schedules evaluated
  Count ranges_cut = 0;   // candidate ranges cut by their bounds, whole
};

class TemplateSolver {
 public:
  // `range_leaf`: candidate ranges of a group longer than this are bounded
  // as a whole before they are split (0: never); only speed depends on it.
  // `ceiling`: the bar before any incumbent exists (schedules strictly worse
  // than it are not wanted), or none.
  TemplateSolver(const Evaluator& ev, const ObjectiveFunction& objective, TieBreak tie_break,
                 Count capacity, Incumbent& incumbent, std::size_t range_leaf,
                 std::optional<Bounds> ceiling = std::nullopt);

  // Lower bounds on (objective, secondary, traffic, buffer, fills) over every
  // tile choice of `tpl`.
  Bounds root_bounds(const LoopTemplate& tpl);

  // Offers every schedule of `tpl` that could beat the incumbent to it.
  void solve(const LoopTemplate& tpl);

  const SolverStats& stats() const { return stats_; }

 private:
  void prepare(const LoopTemplate& tpl);
  Bounds bounds_with_rest(std::size_t level);
  void descend(std::size_t level);
  // Visits the candidates [lo, hi) of group `level`, run `run` of its
  // halving tree (search/tile_groups).
  void descend_range(std::size_t level, std::size_t run, std::size_t lo, std::size_t hi);
  void visit(std::size_t level, std::size_t candidate);
  // Whether descend_range bounds the candidates [lo, hi) of group `level` as
  // a range before visiting them.
  bool ranges_bounded(std::size_t level, std::size_t lo, std::size_t hi) const;
  // Lower bounds over every schedule below the candidates of run `run` of
  // group `level`, the groups before it assigned:
  // true when none of them can fit or beat the incumbent.
  bool range_cut(std::size_t level, std::size_t run);
  // The relaxed schedules of bounds_with_rest for the groups from `from` on.
  struct Relaxed {
    Schedule input, pressure, buffer;
    bool spatial_left = false;
  };
  Relaxed relax_rest(std::size_t from) const;
  // Lower bounds of one node of the branch and bound: cost inputs and terms.
  struct NodeLower {
    CostInputs inputs;
    Bounds bounds;
  };
  void offer_leaf(const NodeLower* parent = nullptr);
  void refresh_bar();
  // Loop steps with the assigned tiles and, for the groups from `level` on,
  // their least lane steps; trips from `for_trips`.
  LoopSteps steps_with_rest(std::size_t level, const Schedule& for_trips) const;
  bool cheap_bound_exceeds_bar(std::size_t level, const NodeLower& parent);

  const Evaluator& ev_;
  const ObjectiveFunction& objective_;
  TieBreak tie_break_;
  Count capacity_;
  std::size_t range_leaf_;
  bool input_is_empty_;
  Incumbent& incumbent_;
  TileGroupBuilder group_builder_;
  std::optional<Bounds> ceiling_;
  std::optional<Bounds> bar_;
  SolverStats stats_;
  Schedule schedule_;
  std::vector<const TileGroup*> groups_;
  // node_lower_[k]: the bounds of the node whose first k groups are assigned
  // (set by bounds_with_rest(k) on an accelerator).
  std::vector<NodeLower> node_lower_;
};

}  // namespace spad

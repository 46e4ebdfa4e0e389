// The exact optimum of one layer at many scratchpad capacities, with searches
// shared between capacities only where that is exact.
//
// Let F(B) be the schedules of the search space whose buffers fit B bytes and
// opt(B) the least of F(B) in the search's total order (search/candidate:
// objective, tie-breaks, then the schedule itself). On a plain machine that
// order does not depend on B, and F(B) only grows with B. Hence:
//  - if opt(B_hi) fits a smaller B (its buffer bytes <= B), then opt(B) =
//    opt(B_hi): it lies in F(B), a subset of F(B_hi), where nothing is less
//    than it. Whatever the tie-breaks are, as long as they ignore B.
//  - every buffer holds at most its whole array, so the schedule with every
//    tile whole has the largest buffers of any schedule: from its buffer
//    bytes (whole_bytes) on, F(B) is the whole space and opt(B) is constant.
//  - below smallest_bytes (every tile 1, buffers innermost) nothing fits.
// Not used, because it is not exact: a schedule optimal at B that still fits
// at B' > B and reaches the compulsory traffic there is traffic-optimal at
// B', but a schedule that fits only at B' may tie its traffic with fewer
// fills or smaller buffers and be the optimum instead.
//
// So the capacities are best asked for from the largest down: every search
// answers every smaller capacity its optimum still fits. Not thread-safe: one
// job uses an object at a time (study/sweep).
//
// On an accelerator the capacity is replaced by each capacity asked, and a
// scratchpad energy that is spad's default (it depends on the capacity:
// model/accelerator) is re-derived for it. The order is then independent of
// the capacity when the objective is traffic (ties by latency, which ignores
// the capacity) or when the machine file gives the scratchpad energy; in
// every other case nothing is shared and every capacity is searched.
#pragma once

#include <map>
#include <memory>

#include "model/machine.hpp"
#include "search/optimize.hpp"
#include "workload/layer.hpp"

namespace spad {

// `accel` with capacity_bytes as its scratchpad (and its default scratchpad
// energy, if that is what it has, re-derived for that capacity).
Accelerator accelerator_at(const Accelerator& accel, Count capacity_bytes);

class CapacityOptima {
 public:
  // machine.capacity_bytes is ignored. options.accelerator must be empty
  // (InternalError); `accel`, when given, is the accelerator the search runs
  // on (then `machine` is ignored: the accelerator's own is used).
  CapacityOptima(const Layer& layer, const Machine& machine, const SearchOptions& options,
                 std::shared_ptr<const Accelerator> accel = nullptr);

  // The search's answer at `capacity` (>= 1): equal, schedule and traffic, to
  // optimize(layer, machine with that capacity, options). Reused answers
  // carry the statistics of the search that found them.
  const SearchResult& at(Count capacity);

  const Layer& layer() const { return layer_; }
  Count smallest_bytes() const { return smallest_; }
  Count whole_bytes() const { return whole_; }
  // Whether answers are shared between capacities (see above).
  bool shares() const { return shares_; }
  // The accelerator at `capacity` (accelerator_at), or null on a plain machine.
  std::shared_ptr<const Accelerator> accelerator(Count capacity) const;
  // Searches run so far (the others were answered from them).
  Count searches() const { return searches_; }
  // Threads of each search from now on (answers do not depend on it).
  void set_search_threads(int threads) { options_.threads = threads; }

 private:
  Layer layer_;
  Machine machine_;
  SearchOptions options_;
  std::shared_ptr<const Accelerator> accel_;
  bool shares_ = true;
  Count smallest_ = 0, whole_ = 0, searches_ = 0;
  SearchResult nothing_fits_;
  std::map<Count, SearchResult> searched_;  // capacity -> the search's answer there
};

}  // namespace spad

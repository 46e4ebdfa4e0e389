// The search driver: loop structures, ordered by their lower bounds, solved
// by branch and bound on as many threads as asked.
#include "search/optimize.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "model/evaluate.hpp"
#include "model/evaluator.hpp"
#include "search/incumbent.hpp"
#include "search/loop_template.hpp"
#include "search/search_limits.hpp"
#include "search/template_solver.hpp"

namespace spad {
namespace {

// Every buffer innermost and every tile 1 gives the smallest buffers of any
// schedule: each buffer extent is at least 1 (an input that only padding
// would feed: 0, whatever the schedule), and here every one is 1.
// With fixed spans, every tile 1 is the smallest those spans allow.
Schedule smallest_buffer_schedule(const SearchSpace& space) {
  Schedule s;
  if (space.fixed_order) s.order = *space.fixed_order;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  s.buffer_span = space.fixed_spans ? *space.fixed_spans : PerTensor<int>{{0, 0, 0}};
  return s;
}

std::size_t thread_count(int asked, std::size_t work) {
  return std::max<std::size_t>(1, std::min(resolved_thread_count(asked), work));
}

}  // namespace

Count smallest_capacity_bytes(const Layer& layer, const Machine& machine,
                              const SearchSpace& space) {
  return evaluate(layer, smallest_buffer_schedule(space), machine).buffer_bytes;
}

SearchResult optimize(const Layer& layer, const Machine& machine, const SearchOptions& options) {
  if (!machine.capacity_bytes)
    throw UserError("optimize needs a scratchpad capacity (--buffer, e.g. 64KiB)");
  if (options.accelerator)
    SPAD_CHECK(options.accelerator->machine == machine,
               "optimize: the accelerator's machine differs from the machine searched");
  const Evaluator ev(layer, machine);

  const ObjectiveFunction objective(options.objective, options.accelerator, ev.layer());
  const Count capacity = *machine.capacity_bytes;
  // The ceiling as a bar: a schedule is strictly worse than it only when its
  // objective is above the ceiling (every later term of the bar is the
  // largest count, which no lower bound exceeds).
  std::optional<Bounds> ceiling;
  if (options.objective_ceiling) {
    constexpr Count kMost = std::numeric_limits<Count>::max();
    ceiling = Bounds{*options.objective_ceiling, kMost, kMost, kMost, kMost};
  }

  SearchResult result;
  result.min_capacity_bytes = ev.evaluate(smallest_buffer_schedule(options.space)).buffer_bytes;
  if (result.min_capacity_bytes > capacity) return result;
  check_search_limits(layer);

  const std::shared_ptr<const std::vector<LoopTemplate>> template_list =
      options.templates ? options.templates->get(layer, machine, options.space)
                        : std::make_shared<const std::vector<LoopTemplate>>(
                              enumerate_templates(layer, machine, options.space));
  const std::vector<LoopTemplate>& templates = *template_list;
  result.stats.templates = static_cast<Count>(templates.size());
  Incumbent incumbent;

  // Order structures by their lower bounds so good schedules come early and
  // cut the rest sooner. Which structures are cut never changes the answer.
  const std::size_t threads = thread_count(options.threads, templates.size());
  std::vector<SolverStats> stats(threads);
  std::vector<Bounds> roots(templates.size());
  run_job_workers(threads, templates.size(), [&](std::size_t id, auto next_index) {
    TemplateSolver solver(ev, objective, options.tie_break, capacity, incumbent, options.range_leaf,
                          ceiling);
    for (std::size_t i = next_index(); i < templates.size(); i = next_index())
      roots[i] = solver.root_bounds(templates[i]);
    stats[id].evaluations += solver.stats().evaluations;
  });
  std::vector<std::size_t> order(templates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tuple(roots[a].objective, roots[a].secondary, roots[a].traffic,
                      tie_terms(options.tie_break, roots[a].fills, roots[a].buffer)) <
           std::tuple(roots[b].objective, roots[b].secondary, roots[b].traffic,
                      tie_terms(options.tie_break, roots[b].fills, roots[b].buffer));
  });

  run_job_workers(threads, order.size(), [&](std::size_t id, auto next_index) {
    TemplateSolver solver(ev, objective, options.tie_break, capacity, incumbent, options.range_leaf,
                          ceiling);
    for (std::size_t i = next_index(); i < order.size(); i = next_index()) {
      const std::size_t t = order[i];
      if (roots[t].buffer > capacity) continue;
      const auto best = incumbent.get();
      const std::optional<Bounds> bar = best ? std::optional<Bounds>(bounds_of(*best)) : ceiling;
      if (strictly_worse(roots[t], bar, options.tie_break)) continue;
      solver.solve(templates[t]);
    }
    stats[id].evaluations += solver.stats().evaluations;
    stats[id].leaves += solver.stats().leaves;
    stats[id].ranges_cut += solver.stats().ranges_cut;
  });
  for (const SolverStats& s : stats) {
    result.stats.evaluations += s.evaluations;
    result.stats.leaves += s.leaves;
    result.stats.ranges_cut += s.ranges_cut;
  }
  result.best = incumbent.get();
  return result;
}

SearchResult min_buffer_schedule(const Layer& layer, const Machine& machine,
                                 SearchOptions options) {
  options.tie_break = TieBreak::buffer_first;
  return optimize(layer, machine, options);
}

}  // namespace spad

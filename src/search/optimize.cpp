// The search driver: loop structures, ordered by their lower bounds, solved
// by branch and bound on as many threads as asked.
#include "search/optimize.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>
#include <vector>

#include "base/error.hpp"
#include "model/evaluator.hpp"
#include "search/incumbent.hpp"
#include "search/loop_template.hpp"
#include "search/template_solver.hpp"

namespace spad {
namespace {

// Every buffer innermost and every tile 1 gives the smallest buffers of any
// schedule: each buffer extent is at least 1 (an input that only padding
// would feed: 0, whatever the schedule), and here every one is 1.
Schedule smallest_buffer_schedule(const SearchSpace& space) {
  Schedule s;
  if (space.fixed_order) s.order = *space.fixed_order;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  s.buffer_span = PerTensor<int>{{0, 0, 0}};
  return s;
}

int thread_count(int asked, std::size_t work) {
  int n = asked > 0 ? asked : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, std::min<int>(n, static_cast<int>(work)));
}

}  // namespace

SearchResult optimize(const Layer& layer, const Machine& machine, const SearchOptions& options) {
  if (!machine.capacity_bytes)
    throw UserError("optimize needs a scratchpad capacity (--buffer, e.g. 64KiB)");
  const Evaluator ev(layer, machine);
  const Count capacity = *machine.capacity_bytes;

  SearchResult result;
  result.min_capacity_bytes = ev.evaluate(smallest_buffer_schedule(options.space)).buffer_bytes;
  if (result.min_capacity_bytes > capacity) return result;

  const std::vector<LoopTemplate> templates = enumerate_templates(layer, machine, options.space);
  result.stats.templates = static_cast<Count>(templates.size());
  Incumbent incumbent;

  // Order structures by their lower bounds so good schedules come early and
  // cut the rest sooner. Which structures are cut never changes the answer.
  std::vector<Bounds> roots(templates.size());
  std::vector<SolverStats> stats(
      static_cast<std::size_t>(thread_count(options.threads, templates.size())));
  {
    TemplateSolver solver(ev, capacity, incumbent);
    for (std::size_t i = 0; i < templates.size(); ++i) roots[i] = solver.root_bounds(templates[i]);
    stats[0] = solver.stats();
  }
  std::vector<std::size_t> order(templates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tuple(roots[a].traffic, roots[a].buffer) <
           std::tuple(roots[b].traffic, roots[b].buffer);
  });

  std::atomic<std::size_t> next{0};
  const auto work = [&](std::size_t id) {
    TemplateSolver solver(ev, capacity, incumbent);
    for (std::size_t i = next++; i < order.size(); i = next++) {
      const std::size_t t = order[i];
      if (roots[t].buffer > capacity) continue;
      const auto best = incumbent.get();
      if (best &&
          strictly_worse(roots[t], Bounds{best->traffic.traffic_bytes, best->traffic.buffer_bytes,
                                          best->traffic.total_fills()}))
        continue;
      solver.solve(templates[t]);
    }
    stats[id].evaluations += solver.stats().evaluations;
    stats[id].leaves += solver.stats().leaves;
  };
  if (stats.size() == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t id = 0; id < stats.size(); ++id) pool.emplace_back(work, id);
    for (auto& t : pool) t.join();
  }
  for (const SolverStats& s : stats) {
    result.stats.evaluations += s.evaluations;
    result.stats.leaves += s.leaves;
  }
  result.best = incumbent.get();
  return result;
}

}  // namespace spad

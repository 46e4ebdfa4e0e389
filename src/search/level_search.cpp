// The exact search over several on-chip levels, from the root: level 1's
// choices, their bounds and the size limit. Below level 1 it is the branch
// and bound of search/level_searcher (level_searcher.cpp's comment has the
// space, the bounds and their proofs), the spans chosen exactly once every
// level is fixed (search/level_span_choice).
//
// Size (search/level_search_size). Level 1's tile x order choices (N_1)
// must be at most options.max_search_size, else the search is refused before
// it starts. When all levels' choices (N_1 + ... + N_L) are too, it simply
// runs. Otherwise the root children (level 1's choices, sorted by bound) are
// descended one at a time, best first, until what was visited (N_1, and an
// upper bound on each descended child's nodes: level_subtree_size) plus the
// bounds of every child the incumbent cannot cut (a prefix of the sorted
// list; children joined to an earlier order of their tiles, as
// level_searcher.cpp's "Space" says, are never descended) fit the limit; the rest then runs in
// parallel as usual. If the next child alone does not fit, the search is refused, naming what
// remains. The sequential part and every count are independent of the thread count, so is a
// refusal; the answer is the search's either way.
#include "search/level_search.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "model/level_evaluate.hpp"
#include "search/level_search_size.hpp"
#include "search/level_searcher.hpp"
#include "search/level_tile_chains.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

// One level: the one-level search (search/optimize), exact on its own
// (search_bruteforce_test) and not limited to small layers; its schedule as a
// one-level LevelSchedule, costed by the level model (== evaluate() for one
// level: level_evaluate_test).
LevelSearchResult one_level(const Layer& layer, const MemoryLevels& machine,
                            const LevelSearchOptions& options) {
  SearchOptions one;
  one.threads = options.threads;
  const LevelSearchSpace& space = options.space;
  one.space.uniform_spans = space.uniform_spans;
  if (space.fixed_orders) one.space.fixed_order = space.fixed_orders->front();
  if (space.fixed_spans) {
    PerTensor<int> spans;
    for (Tensor a : kAllTensors) spans[a] = *space.fixed_spans->front()[a];  // validated
    one.space.fixed_spans = spans;
  }
  const SearchResult r = optimize(layer, level_machine(machine, 0), one);
  LevelSearchResult out;
  out.stats.evaluations = r.stats.evaluations;
  out.stats.leaves = r.stats.leaves;
  if (!r.best) return out;
  LevelCandidate c;
  c.schedule = as_levels(r.best->schedule);
  c.schedule.levels[0].name = machine.levels[0].name;
  c.traffic = evaluate_levels(layer, c.schedule, machine);
  out.best = std::move(c);
  return out;
}

// Level 1's (tile vector, order) choices: a product over dims of
// (no-op tile + x * live tiles), each x^k term with k! orders. Saturates.
Count structures_of(const Layer& layer, const LevelTileChains& chains) {
  constexpr Count kMost = std::numeric_limits<Count>::max() / 64;
  std::vector<Count> coefficient{1};
  for (Dim d : kAllDims) {
    Count noop = 0, live = 0;
    for (Count t : chains.next(d, {})) (t >= layer.bound(d) ? noop : live) += 1;
    std::vector<Count> next(coefficient.size() + 1, 0);
    for (std::size_t k = 0; k < coefficient.size(); ++k) {
      const Count kept = noop > 0 && coefficient[k] > kMost / noop ? kMost : coefficient[k] * noop;
      next[k] = std::min(kMost, next[k] + kept);
      const Count moved = live > 0 && coefficient[k] > kMost / live ? kMost : coefficient[k] * live;
      next[k + 1] = std::min(kMost, next[k + 1] + moved);
    }
    coefficient = std::move(next);
  }
  Count total = 0, orders = 1;
  for (std::size_t k = 0; k < coefficient.size(); ++k) {
    if (k > 0) orders *= static_cast<Count>(k);
    const Count term = coefficient[k] > kMost / orders ? kMost : coefficient[k] * orders;
    total = std::min(kMost, total + term);
  }
  return total;
}

}  // namespace

Count level_structures(const Layer& layer, std::size_t levels) {
  return structures_of(layer, LevelTileChains(layer, levels));
}

LevelSearchResult optimize_levels(const Layer& layer, const MemoryLevels& machine,
                                  const LevelSearchOptions& options) {
  validate(machine);
  validate(options.space, machine.levels.size());
  validate(options.objective, machine);
  for (std::size_t l = 0; l < machine.levels.size(); ++l) {
    if (machine.levels[l].capacity_bytes) continue;
    const std::string& name = machine.levels[l].name;
    throw UserError("optimize needs a capacity for every on-chip level: level " +
                    std::to_string(l + 1) + (name.empty() ? "" : " (" + name + ")") +
                    " has none (--buffer OUTER,INNER, e.g. 512KiB,64KiB)");
  }
  if (machine.levels.size() == 1) return one_level(layer, machine, options);
  const std::size_t L = machine.levels.size();
  const Count limit = options.max_search_size;
  check_level_search_size(layer, L, options.space, limit);  // level 1 alone within the limit
  Count whole = 0;
  const std::vector<Count> sizes = level_search_sizes(layer, L, options.space);
  for (Count n : sizes) whole = std::min(kSearchSizeMost, whole + n);
  const Count level_1 = sizes.front();
  const LevelTileChains chains(layer, L);
  LevelSearchResult result;
  LevelIncumbent incumbent;
  LevelSearcher root(layer, machine, options, chains, incumbent);
  if (!root.anything_fits()) return result;

  // Level 1's structures (tile vector, order) and their bounds, each tile
  // vector's buffers costed once per signature (each node is made again when
  // it is descended: keeping every node's records took a gigabyte).
  struct RootTiles {
    LevelLoops loops;
    const OrderSignatureTable* orders = nullptr;
    std::size_t first_structure = 0;  // its first order's index in `structures`
  };
  struct RootChild {
    std::uint32_t tiles = 0;  // index in root_tiles
    std::uint32_t order = 0;  // index in its table's orders
  };
  std::vector<RootTiles> root_tiles;
  std::vector<RootChild> structures;
  root.for_each_tiles({}, [&](const LevelLoops& loops, std::size_t noops) {
    const OrderSignatureTable& orders = root.orders_of(0, loops, noops);
    root_tiles.push_back(RootTiles{loops, &orders, structures.size()});
    for (std::size_t i = 0; i < orders.orders.size(); ++i)
      structures.push_back(RootChild{static_cast<std::uint32_t>(root_tiles.size() - 1),
                                     static_cast<std::uint32_t>(i)});
  });
  const std::size_t threads =
      std::max<std::size_t>(1, std::min(resolved_thread_count(options.threads), root_tiles.size()));
  std::vector<LevelKey> lower(structures.size());
  std::vector<char> joined(structures.size(), 0);    // level_searcher.cpp, "Space"
  std::vector<LevelSearchStats> stats(threads + 1);  // the last: the sequential part
  run_job_workers(threads, root_tiles.size(), [&](std::size_t id, auto next_index) {
    LevelSearcher s(layer, machine, options, chains, incumbent);
    TileVectorRecords store;
    LevelNode node;
    std::vector<const LevelNode*> path;
    for (std::size_t t = next_index(); t < root_tiles.size(); t = next_index()) {
      const RootTiles& r = root_tiles[t];
      store.reset(*r.orders);
      for (std::size_t i = 0; i < r.orders->orders.size(); ++i) {
        const std::size_t k = r.first_structure + i;
        s.make_node(path, r.loops, i, store, node);
        if (!store.first_offer(node, options.space.uniform_spans, true)) {
          joined[k] = 1;
          continue;
        }
        path.push_back(&node);
        lower[k] = s.lower_bound(path);
        path.pop_back();
      }
    }
    stats[id].evaluations += s.evaluations_;
    stats[id].leaves += s.leaves_;
  });
  // The structures not joined to an earlier one, sorted by bound.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < structures.size(); ++k)
    if (!joined[k]) order.push_back(k);
  stats[threads].orders_joined = static_cast<Count>(structures.size() - order.size());
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return lower[a] < lower[b]; });
  const auto descend_root = [&](LevelSearcher& s, std::size_t k) {
    const RootTiles& r = root_tiles[structures[k].tiles];
    TileVectorRecords store;
    store.reset(*r.orders);
    LevelNode node;
    s.make_node({}, r.loops, structures[k].order, store, node);
    std::vector<const LevelNode*> path{&node};
    s.descend(path);
  };
  // Where the search goes on in parallel: from `from` on, every root child
  // not strictly worse than the incumbent, cut again as the bar falls.
  const auto descend_rest = [&](std::size_t from) {
    run_job_workers(threads, order.size() - from, [&](std::size_t id, auto next_index) {
      LevelSearcher s(layer, machine, options, chains, incumbent);
      for (std::size_t i = next_index(); from + i < order.size(); i = next_index()) {
        const std::size_t k = order[from + i];
        if (strictly_worse(lower[k], incumbent.bar())) {
          ++s.nodes_cut_;
          continue;
        }
        descend_root(s, k);
      }
      stats[id].evaluations += s.evaluations_;
      stats[id].leaves += s.leaves_;
      stats[id].nodes_cut += s.nodes_cut_;
      stats[id].orders_joined += s.orders_joined_;
    });
  };
  if (whole <= limit) {
    descend_rest(0);
  } else {
    // The whole search is above the limit, level 1 alone is not (file
    // comment, "Size").
    LevelSubtreeSize subtree_of(L - 1, options.space.fixed_orders.has_value());
    const Count below_level_1 = whole - std::min(whole, level_1);
    std::map<std::array<Count, kNumDims>, Count> subtrees;  // by level-1 tile vector
    const auto subtree = [&](std::size_t i) {
      const PerDim<Count>& tiles = root_tiles[structures[order[i]].tiles].loops.tiles;
      std::array<Count, kNumDims> key{};
      for (Dim d : kAllDims) key[index(d)] = tiles[d];
      auto it = subtrees.find(key);
      // Every choice below level 1 is counted in whole - N_1 (kept chains).
      if (it == subtrees.end())
        it = subtrees.emplace(key, std::min(subtree_of(tiles), below_level_1)).first;
      return it->second;
    };
    // Whether the subtrees of children [from, end) sum to at most `budget`
    // (summed only as far as needed), and the sum, capped past the budget.
    const auto sum_within = [&](std::size_t from, std::size_t end, Count budget) {
      Count sum = 0;
      for (std::size_t j = from; j < end && sum <= budget; ++j)
        sum = std::min(kSearchSizeMost, sum + subtree(j));
      return sum;
    };
    Count spent = static_cast<Count>(structures.size());
    LevelSearcher s(layer, machine, options, chains, incumbent);
    std::size_t i = 0;
    for (;;) {
      const std::optional<LevelKey> bar = incumbent.bar();
      // Sorted by bound: the children strictly worse than the bar are a suffix.
      const std::size_t end = static_cast<std::size_t>(
          std::partition_point(order.begin() + static_cast<std::ptrdiff_t>(i), order.end(),
                               [&](std::size_t k) { return !strictly_worse(lower[k], bar); }) -
          order.begin());
      if (i >= end) {
        s.nodes_cut_ += static_cast<Count>(order.size() - i);
        break;
      }
      const Count budget = limit - spent;
      if (sum_within(i, end, budget) <= budget) {
        descend_rest(i);
        break;
      }
      const Count next = subtree(i);
      if (next > budget)
        throw UserError(level_search_refusal(
            layer, L, whole, static_cast<Count>(structures.size()), i, spent, end - i,
            std::min(sum_within(i, end, kSearchSizeMost), below_level_1), limit));
      descend_root(s, order[i]);
      spent += next;
      ++i;
    }
    stats[threads].evaluations += s.evaluations_;
    stats[threads].leaves += s.leaves_;
    stats[threads].nodes_cut += s.nodes_cut_;
    stats[threads].orders_joined += s.orders_joined_;
  }
  for (const LevelSearchStats& s : stats) {
    result.stats.evaluations += s.evaluations;
    result.stats.leaves += s.leaves;
    result.stats.nodes_cut += s.nodes_cut;
    result.stats.orders_joined += s.orders_joined;
  }
  result.best = incumbent.take();
  return result;
}

}  // namespace spad

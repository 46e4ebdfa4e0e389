// The branch and bound below level 1 of the several-level search
// (search/level_search drives it from the root): a node fixes levels 1..l
// (each level's tiles and order) and is bounded by the level model on those
// levels alone; every level fixed, the spans are chosen exactly
// (search/level_span_choice). Internal to search/; the proofs are in
// level_searcher.cpp.
//
//   for each level-1 tile vector x order        (level_search.cpp, the root)
//     for each level-2 tile vector x order      (descend: children by bound)
//       ...
//         for each level-L tile vector x order  (leaves: choose_spans)
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "model/level_evaluate.hpp"
#include "search/level_search.hpp"
#include "search/level_span_choice.hpp"
#include "search/level_tile_chains.hpp"
#include "search/order_signature_table.hpp"

namespace spad {

using LevelKey = std::vector<Count>;  // the objective's (search/level_objective)

// One level's tiles and order, and its buffers for every span; on an
// accelerator, the datapath's terms with this level's tiles innermost
// (exact at the last level, lower bounds above it).
struct LevelNode {
  LevelLoops loops;
  LevelRecords records;
  // numbers[j][A]: records.rows[j][A]'s number among the records of its
  // tile vector (equal numbers: equal records; TileVectorRecords).
  std::vector<PerTensor<std::uint32_t>> numbers;
  // deeper[A]: A's deeper signature of this order (its table's numbering).
  PerTensor<std::uint32_t> deeper{};
  Count compute_cycles = 0;
  Count datapath_bytes = 0;
};

// The buffers of one level's tile vector below one parent, by signature
// (search/order_signature_table: equal signatures, equal records): each
// signature is costed once over the tile vector's orders, and its record
// numbered per array by value, once.
class TileVectorRecords {
 public:
  static constexpr std::uint32_t kNotCosted = UINT32_MAX;

  void reset(const OrderSignatureTable& table);
  const OrderSignatureTable& table() const { return *table_; }
  bool costed(Tensor a, std::uint32_t signature) const {
    return number_[a][signature] != kNotCosted;
  }
  void add(Tensor a, std::uint32_t signature, const BufferRecord& record);
  const BufferRecord& record(Tensor a, std::uint32_t signature) const {
    return record_[a][signature];
  }
  std::uint32_t number(Tensor a, std::uint32_t signature) const { return number_[a][signature]; }
  // True the first time a node of this tile vector offers its records
  // (array by array, the set of its records' numbers over its spans; with
  // uniform spans, the (I, W, O) numbers span by span) and, `with_deeper`,
  // its deeper signatures (search/order_signature_table).
  bool first_offer(const LevelNode& node, bool uniform_spans, bool with_deeper);

  bool datapath_known = false;
  Count compute_cycles = 0, datapath_bytes = 0;
  // The level model of the tile vector below its parent (its levels outside
  // bypassing every array), built when the first signature is costed; its
  // order is set to each costed order's (LevelSearcher::span_records).
  std::unique_ptr<LevelBufferCounter> counter;

 private:
  const OrderSignatureTable* table_ = nullptr;
  PerTensor<std::vector<BufferRecord>> record_;
  PerTensor<std::vector<std::uint32_t>> number_;
  PerTensor<std::map<std::tuple<Count, Count, Count, Count, Count>, std::uint32_t>> by_value_;
  std::set<std::vector<std::uint32_t>> offered_;
  std::vector<std::uint32_t> scratch_;
};

// The best schedule so far, shared by the workers.
class LevelIncumbent {
 public:
  // Offers a complete schedule with its key and order (level_search.hpp).
  void offer(const LevelKey& key, std::vector<Count> order, LevelCandidate candidate);
  std::optional<LevelKey> bar() const;
  std::optional<LevelCandidate> take();

 private:
  mutable std::mutex mutex_;
  LevelKey key_;
  std::vector<Count> order_;
  std::optional<LevelCandidate> best_;
};

// Lower bounds of each term lexicographically above the bar: every schedule
// they bound is strictly worse.
inline bool strictly_worse(const LevelKey& lower, const std::optional<LevelKey>& bar) {
  return bar && lower > *bar;
}

class LevelSearcher {
 public:
  LevelSearcher(const Layer& layer, const MemoryLevels& machine, const LevelSearchOptions& options,
                const LevelTileChains& chains, LevelIncumbent& incumbent);

  // Whether the smallest buffers of any schedule fit the innermost level.
  bool anything_fits() const { return least_buffer_ <= capacity_.back(); }

  // The tile vectors of level `path.size()` (0-based) below `path`: each
  // dimension's tile on a kept chain (search/level_tile_chains) continuing
  // the path's tiles; each with its no-op loops innermost and the live ones
  // after them, both in n g m c p q r s order, and the number of no-ops.
  template <class Visit>
  void for_each_tiles(const std::vector<const LevelNode*>& path, Visit visit) const;

  // The orders of one tile vector's level (level_search.hpp): order i of the
  // table is the tile vector's no-ops then table.orders[i]. A fixed order is
  // taken as given: its table holds it alone, all 8 loops live (no-ops 0);
  // else the table holds every order of the live loops.
  const OrderSignatureTable& orders_of(std::size_t level, const LevelLoops& loops,
                                       std::size_t noops) const;

  // `node` for order i of the tile vector `loops` (from for_each_tiles),
  // its buffers' records from `store` (reset to the table of orders_of),
  // costing the signatures not costed yet; `path` holds the levels outside.
  void make_node(const std::vector<const LevelNode*>& path, const LevelLoops& loops, std::size_t i,
                 TileVectorRecords& store, LevelNode& node);

  // Lower bounds of the key over every completion of `path` (levels 1..l
  // fixed, l < L; level_searcher.cpp (B), (F), (S)).
  LevelKey lower_bound(const std::vector<const LevelNode*>& path) const;

  // Below a node whose levels 1..path.size() are fixed and bounded.
  void descend(std::vector<const LevelNode*>& path);

  Count evaluations_ = 0, leaves_ = 0, nodes_cut_ = 0, orders_joined_ = 0;

 private:
  static std::vector<int> spans_of(std::size_t noops);
  PerTensor<BufferRecord> span_records(const std::vector<const LevelNode*>& path,
                                       const LevelLoops& loops, int span, TileVectorRecords& store,
                                       LevelNode* datapath);
  // `path` and `loops` as one schedule whose outer levels bypass every array
  // (this level's spans 0), on prefix_machines_[path.size()].
  LevelSchedule partial_schedule(const std::vector<const LevelNode*>& path,
                                 const LevelLoops& loops) const;
  LevelKey traffic_lower_bound(const std::vector<const LevelNode*>& path) const;
  std::optional<LevelKey> leaf_lower_bound(const std::vector<const LevelNode*>& path) const;
  void leaf(const std::vector<const LevelNode*>& path);

  const Layer& layer_;
  const MemoryLevels& machine_;
  const LevelSearchSpace& space_;
  const LevelObjective& objective_;
  const LevelTileChains& chains_;
  LevelIncumbent& incumbent_;
  std::size_t L_ = 0;
  std::vector<Count> capacity_;
  std::vector<Count> floor_;  // per boundary: compulsory and pebble bound
  Count least_buffer_ = 0;
  std::vector<OrderSignatureTable> fixed_tables_;  // per level, with fixed orders
  // [l]: the machine's levels 1..l+1 without capacities (span_records).
  std::vector<MemoryLevels> prefix_machines_;
};

template <class Visit>
void LevelSearcher::for_each_tiles(const std::vector<const LevelNode*>& path, Visit visit) const {
  const std::size_t level = path.size();
  PerDim<Count> enclosing = layer_.bounds();
  PerDim<std::vector<Count>> choices;
  for (Dim d : kAllDims) {
    std::vector<Count> prefix;
    for (const LevelNode* n : path) prefix.push_back(n->loops.tiles[d]);
    if (!path.empty()) enclosing[d] = path.back()->loops.tiles[d];
    choices[d] = chains_.next(d, prefix);
    if (choices[d].empty()) return;
  }
  PerDim<std::size_t> at{};
  for (;;) {
    LevelLoops loops;
    loops.name = machine_.levels[level].name;
    for (Dim d : kAllDims) loops.tiles[d] = choices[d][at[d]];
    std::size_t pos = 0;
    for (Dim d : kAllDims)
      if (loops.tiles[d] >= enclosing[d]) loops.order[pos++] = d;
    const std::size_t noops = pos;
    for (Dim d : kAllDims)
      if (loops.tiles[d] < enclosing[d]) loops.order[pos++] = d;
    visit(loops, noops);
    // Next tile vector (odometer, s fastest).
    std::size_t k = kNumDims;
    for (; k-- > 0;) {
      const Dim d = kAllDims[k];
      if (at[d] + 1 < choices[d].size()) {
        ++at[d];
        break;
      }
      at[d] = 0;
    }
    if (k == static_cast<std::size_t>(-1)) return;
  }
}

}  // namespace spad

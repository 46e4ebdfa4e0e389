// The exact search over several on-chip levels: branch and bound over each
// level's tiles and order, outermost level first, the spans and bypasses
// chosen exactly once every level is fixed (search/level_span_choice).
//
// Space. Level l's tile of d ranges over 1..t^(l-1)_d (t^0 = D_d): a larger
// tile makes the same single trip in every enclosing tile (DESIGN.md), so it
// is the same nest. A loop with t^l_d = t^(l-1)_d makes one trip in every
// enclosing tile, a no-op wherever it stands: such loops are placed
// innermost (n g m c p q r s order) and every order of the other ("live")
// loops is visited; a span covering only no-op loops holds what span 0
// holds and is filled when span 0 is, so spans are 0 and (no-ops + 1 .. 8).
// At the innermost level (no fixed order) every order of the live loops is
// a leaf, but each buffer is costed once per tile vector and signature
// (search/innermost_order_table: equal signatures, equal records), and an
// order whose buffers offer, array by array, the same set of records as an
// earlier order of the same tile vector (with uniform spans: the same
// (I, W, O) records span by span) is skipped: the span choice sees the same
// options, so its best key is the same, and the earlier order comes first
// in the order of ties (next_permutation visits orders in that order).
// Each dimension's tiles over the levels (its chain) are moreover restricted
// to the chains search/level_tile_chains keeps (for n, g, m, c the least of
// each model signature; its header has the proof that no optimum is lost).
//
// What a node knows. With levels 1..l fixed (tiles and orders), every buffer
// at those levels is fixed for each span: a level-h buffer of A holds every
// element touched while the deeper groups and k loops of level h run, so its
// content, size and fills depend on the groups of levels 1..h and its span
// alone (model/level_evaluate counts it from those: the level model called on
// levels 1..l gives the same counts for them as on any completion; tested).
// Its loads cross every boundary between it and the nearest outer level
// holding A, which is the first buffer of A at a level >= b for boundary b.
//
// Lower bounds at a node, levels 1..l fixed (l < L), for every completion
// (tested against the level model in tests/search/level_search_bounds_test):
//  (B) Any buffer of A at a level m > l moves at least what a span-0 buffer
//      of A at level l moves (its "pseudo" record). Split the run of the flat
//      nest into maximal stretches where the level-1..l loops that index A
//      keep their indices: the span-0 level-l buffer holds one tile (footprint
//      F) for each stretch. Every element of F is touched in the stretch, so
//      the deeper buffer holds it then. At the stretch's start some of those
//      loops changed, so the deeper buffer's tile position changed too; if the
//      span-0 buffer's fill there is whole (not one p/q/r/s loop stepping by
//      one, or no halo reuse), so is the deeper buffer's (it sees the same
//      changes and more), and every element of F is loaded in the stretch; if
//      it is a halo fill, the deeper buffer held at most elements of the
//      previous F, so it loads at least F minus the previous F, what the
//      span-0 buffer loads. O alike: every element of F is read back in the
//      stretch except on its first hold (the same stretch for both), and
//      written back at least once per stretch; every boundary sees |O| final
//      writes. So the bytes of A across boundary b are at least: for b > l,
//      the pseudo record's; for b <= l, the least of the pseudo record's and
//      those of every buffer of A at levels b..l that fits its level alone.
//      Every boundary also carries at least its floor: the compulsory bytes
//      and the pebble bound with the capacity of the levels inside it
//      (model/level_evaluate's level_lower_bounds; docs/lower-bound.md: any
//      schedule, any fast memory of that many elements), as the issue asks
//      of the bounds: they prune, and each result reports them.
//  (F) A's level-L buffer has every loop of levels 1..l outside it, so it is
//      refilled at least whenever the span-0 level-l buffer is: its fills are
//      at least the pseudo record's. Buffers at levels < L may be bypassed (0).
//  (S) A's level-L buffer holds at least the largest footprint of a single
//      point (every single point lies inside some tile it holds): the buffer
//      of the all-ones one-level schedule.
// On an accelerator (options.objective, search/level_objective) the key
// starts with latency and energy (or ends with latency), and every one of
// their inputs (model/level_accel_cost's LevelAccelInputs) is bounded below
// at the node; the cost is non-decreasing in each input (the argument is in
// level_accel_cost.hpp: ceil(8 x / bits), setups and energies times counts,
// sums, max and min, for serial and overlapped latency alike), so the cost
// of the bounds bounds the cost of every completion:
//  - bytes across boundary b: the traffic bounds (B) above;
//  - DMA transfers across boundary b, per array: the crossing buffer of A
//    is A's first buffer at a level >= b. Deeper than l, (F)'s argument
//    gives it at least the pseudo record's fills, and its transfers are its
//    fills (I, W) or 2 fills - positions >= fills (O); at a fixed level
//    b..l, it is one of that level's buffers that fits its level alone,
//    whose transfers are known (its record). So the least of these, as (B)
//    takes the least bytes;
//  - buffers crossing each boundary: exactly 3 (for each array only its
//    first buffer at a level >= b loads from above b: the last level holds
//    every array), so this input is exact;
//  - first-load and last-store bytes: 0;
//  - SRAM bytes: the innermost level holds every array, so its DMA bytes are
//    the bytes across boundary L, bounded by (B); other levels: 0 (an array
//    may bypass them);
//  - compute cycles and the datapath's bytes: those of the schedule of
//    levels 1..l alone (level l's tiles fed to the datapath): each level-l
//    tile is cut into level-L tiles, and ceil(a / u) + ceil(b / u) >=
//    ceil((a + b) / u), so every lane-step sum F_d and every trip count T_d
//    at level L is at least level l's; compute = prod F_d, the operand reads
//    and partial-sum writes are products of F_d, T_d and extents
//    (count_level_activity), all non-decreasing; MACs are exact.
// At a leaf the span choice costs every feasible triple whole, unless the
// leaf's own bound (each array's least record per quantity at the levels
// its crossing buffers can sit at: leaf_lower_bound) is already strictly
// worse than the incumbent; that holds for every objective, traffic too.
//
// Size (search/level_search_size). Level 1's tile x order choices (N_1)
// must be at most options.max_search_size, else the search is refused before
// it starts. When all levels' choices (N_1 + ... + N_L) are too, it simply
// runs. Otherwise the root children (level 1's choices, sorted by bound) are
// descended one at a time, best first, until what was visited (N_1, and an
// upper bound on each descended child's nodes: level_subtree_size) plus the
// bounds of every child the incumbent cannot cut (a prefix of the sorted
// list) fit the limit; the rest then runs in parallel as usual. If the next
// child alone does not fit, the search is refused, naming what remains. The
// sequential part and every count are independent of the thread count, so
// is a refusal; the answer is the search's either way.
//
// Restricted spaces (options.space): a fixed order makes that level's one
// order per tile vector, taken literally (every span 0..8); fixed and
// uniform spans filter the span choice at the leaves. The bounds above hold
// for every completion of the whole space, so for every restricted one too.
//
// A node is cut only when these bounds are lexicographically greater than
// the incumbent's key (equal is never cut), so every schedule whose key is at
// most the optimum's is reached, and the answer, the least by (key, the order
// of level_search.hpp), is the same for any thread count.
#include "search/level_search.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_evaluate.hpp"
#include "search/innermost_order_table.hpp"
#include "search/level_search_size.hpp"
#include "search/level_span_choice.hpp"
#include "search/level_tile_chains.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using Key = std::vector<Count>;  // the objective's (search/level_objective)

// One level's tiles and order, and its buffers for every span; on an
// accelerator, the datapath's terms with this level's tiles innermost
// (exact at the last level, lower bounds above it).
struct LevelNode {
  LevelLoops loops;
  LevelRecords records;
  Count compute_cycles = 0;
  Count datapath_bytes = 0;
};

// The order after the key (level_search.hpp), without the spans.
std::vector<Count> structure_order(const std::vector<const LevelNode*>& path) {
  std::vector<Count> out;
  for (const LevelNode* n : path) {
    for (Dim d : kAllDims) out.push_back(n->loops.tiles[d]);
    for (Dim d : n->loops.order) out.push_back(static_cast<Count>(index(d)));
  }
  return out;
}

// The best schedule so far, shared by the workers.
class LevelIncumbent {
 public:
  // Offers a complete schedule with its key and order.
  void offer(const Key& key, std::vector<Count> order, LevelCandidate candidate) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (best_ && std::tie(key, order) >= std::tie(key_, order_)) return;
    key_ = key;
    order_ = std::move(order);
    best_ = std::move(candidate);
  }
  std::optional<Key> bar() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return best_ ? std::optional<Key>(key_) : std::nullopt;
  }
  std::optional<LevelCandidate> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(best_);
  }

 private:
  mutable std::mutex mutex_;
  Key key_;
  std::vector<Count> order_;
  std::optional<LevelCandidate> best_;
};

// Lower bounds of each term lexicographically above the bar: every schedule
// they bound is strictly worse.
bool strictly_worse(const Key& lower, const std::optional<Key>& bar) { return bar && lower > *bar; }

class LevelSearcher {
 public:
  LevelSearcher(const Layer& layer, const MemoryLevels& machine, const LevelSearchOptions& options,
                const LevelTileChains& chains, LevelIncumbent& incumbent)
      : layer_(layer),
        machine_(machine),
        space_(options.space),
        objective_(options.objective),
        chains_(chains),
        incumbent_(incumbent) {
    L_ = machine.levels.size();
    for (const MemoryLevel& m : machine.levels) capacity_.push_back(*m.capacity_bytes);
    // Every boundary's floor: compulsory traffic and the pebble bound with the
    // capacity inside it (model/level_evaluate's level_lower_bounds, the bound
    // every result reports; docs/lower-bound.md proves it for any schedule).
    for (const LowerBound& b : level_lower_bounds(layer, machine)) floor_.push_back(b.bound_bytes);
    // (S): the all-ones one-level schedule.
    LevelSchedule ones;
    ones.levels.resize(1);
    for (Dim d : kAllDims) ones.levels[0].tiles[d] = 1;
    for (Tensor a : kAllTensors) ones.levels[0].buffer_span[a] = 0;
    MemoryLevels one = machine;
    one.levels.assign(1, MemoryLevel{});
    const LevelTraffic t = evaluate_levels(layer, ones, one);
    for (Tensor a : kAllTensors)
      least_buffer_ = add(least_buffer_, t.levels[0].arrays[a].buffer_bytes);
  }

  bool anything_fits() const { return least_buffer_ <= capacity_.back(); }

  // The (tiles, order) choices of level `level` (0-based) below `path`
  // (levels 1..level fixed): each dimension's tile on a kept chain
  // (search/level_tile_chains) continuing the path's tiles.
  template <class Visit>
  void for_each_structure(const std::vector<const LevelNode*>& path, Visit visit) const {
    const std::size_t level = path.size();
    for_each_tiles(path, [&](LevelLoops loops, std::size_t noops) {
      if (space_.fixed_orders) {
        loops.order = (*space_.fixed_orders)[level];
        visit(loops, std::size_t{0});
        return;
      }
      std::vector<Dim> live(loops.order.begin() + static_cast<std::ptrdiff_t>(noops),
                            loops.order.end());
      do {
        for (std::size_t i = 0; i < live.size(); ++i) loops.order[noops + i] = live[i];
        visit(loops, noops);
      } while (std::next_permutation(live.begin(), live.end()));
    });
  }

  // The tile vectors of level `level` below `path`, each with its no-op
  // loops innermost and the live ones after them, both in n g m c p q r s
  // order, and the number of no-ops.
  template <class Visit>
  void for_each_tiles(const std::vector<const LevelNode*>& path, Visit visit) const {
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

  // The records of a level's buffers for every span, `path` holding the
  // levels outside it.
  // Each buffer is costed once per signature (search/innermost_order_table:
  // equal signatures, equal records, at any level: a level's buffers do not
  // depend on the deeper levels) while the tile vector below one parent
  // stays the same, as it does over the orders of one tile vector.
  LevelNode make_node(const std::vector<const LevelNode*>& path, const LevelLoops& loops,
                      std::size_t noops) {
    LevelNode node;
    node.loops = loops;
    node.records.spans = spans_of(noops);
    // The groups the records depend on: the outer levels' and these tiles.
    std::vector<Count> context;
    for (const LevelNode* p : path) {
      for (Dim d : kAllDims) context.push_back(p->loops.tiles[d]);
      for (Dim d : p->loops.order) context.push_back(static_cast<Count>(index(d)));
    }
    for (Dim d : kAllDims) context.push_back(loops.tiles[d]);
    if (!cache_.valid || cache_.context != context) {
      cache_.valid = true;
      cache_.context = std::move(context);
      cache_.datapath_known = false;
      for (Tensor a : kAllTensors) cache_.records[a].clear();
    }
    const Dim* live = loops.order.data() + noops;
    const std::size_t n = kNumDims - noops;
    for (std::size_t j = 0; j < node.records.spans.size(); ++j) {
      PerTensor<std::uint64_t> sig;
      bool missing = false;
      for (Tensor a : kAllTensors) {
        sig[a] = buffer_signature(a, live, n, j, machine_.halo_reuse);
        missing = missing || !cache_.records[a].contains(sig[a]);
      }
      if (missing) {
        LevelNode datapath;
        const PerTensor<BufferRecord> row = span_records(
            path, loops, node.records.spans[j], cache_.datapath_known ? nullptr : &datapath);
        if (!cache_.datapath_known) {
          cache_.datapath_known = true;
          cache_.compute_cycles = datapath.compute_cycles;
          cache_.datapath_bytes = datapath.datapath_bytes;
        }
        for (Tensor a : kAllTensors) cache_.records[a].emplace(sig[a], row[a]);
      }
      PerTensor<BufferRecord> row;
      for (Tensor a : kAllTensors) row[a] = cache_.records[a].at(sig[a]);
      node.records.rows.push_back(row);
    }
    node.compute_cycles = cache_.compute_cycles;
    node.datapath_bytes = cache_.datapath_bytes;
    return node;
  }

  // A level's spans: 0 and those covering a live loop (level_search.hpp).
  static std::vector<int> spans_of(std::size_t noops) {
    std::vector<int> spans{0};
    for (std::size_t k = noops + 1; k <= kNumDims; ++k) spans.push_back(static_cast<int>(k));
    return spans;
  }

  // The records of the buffers of span `span` of the level `loops`, `path`
  // holding the levels outside it; on an accelerator the datapath's terms of
  // its tiles into `datapath` when given.
  PerTensor<BufferRecord> span_records(const std::vector<const LevelNode*>& path,
                                       const LevelLoops& loops, int span, LevelNode* datapath) {
    const std::size_t level = path.size();
    LevelSchedule s;
    for (const LevelNode* n : path) s.levels.push_back(n->loops);
    s.levels.push_back(loops);
    MemoryLevels m = machine_;
    m.levels.resize(level + 1);
    for (MemoryLevel& ml : m.levels) ml.capacity_bytes.reset();
    // The levels outside bypass every array: this level's buffers count the
    // same whichever outer levels hold A (level_span_choice.hpp), and the
    // model skips a bypassed buffer, so each call counts this level alone.
    for (std::size_t l = 0; l < level; ++l)
      for (Tensor a : kAllTensors) s.levels[l].buffer_span[a] = std::nullopt;
    const LevelAccelerator* accel = objective_.accel;
    const Count copies = machine_.double_buffer ? 2 : 1;
    for (Tensor a : kAllTensors) s.levels[level].buffer_span[a] = span;
    ++evaluations_;
    const LevelTraffic t = evaluate_levels(layer_, s, m);
    PerTensor<BufferRecord> row;
    for (Tensor a : kAllTensors) {
      const ArrayTraffic& x = t.levels[level].arrays[a];
      row[a] = BufferRecord{x.buffer_bytes, x.fills, add(x.read_bytes, x.write_bytes), 0, 0};
      if (!accel) continue;
      row[a].transfers = level_buffer_transfers(layer_, s, level, a, x.fills);
      row[a].exposed = a == Tensor::O ? mul(x.buffer_elems / copies, machine_.precision.output)
                                      : x.buffer_bytes / copies;
    }
    if (accel && datapath) {
      // The datapath on this level's tiles (it depends on the tiles only).
      const LevelActivity a = count_level_activity(layer_, s, accel->mac_array, t);
      datapath->compute_cycles = a.compute_cycles;
      const Activity d{a.macs, a.compute_cycles, a.operand_reads, a.psum_writes, 0};
      datapath->datapath_bytes = datapath_bytes(d, machine_.precision);
    }
    return row;
  }

  // The leaves of one tile vector of the innermost level (`loops`, its
  // no-op loops innermost, the live ones in n g m c p q r s order after
  // them): every order of the live loops, each buffer costed once per
  // signature (search/innermost_order_table).
  void innermost_leaves(std::vector<const LevelNode*>& path, const LevelLoops& loops,
                        std::size_t noops) {
    LiveDims live = 0;
    for (std::size_t i = noops; i < kNumDims; ++i)
      live = static_cast<LiveDims>(live | (1u << index(loops.order[i])));
    const InnermostOrderTable& table = innermost_order_table(live, machine_.halo_reuse);
    PerTensor<std::vector<BufferRecord>> known;
    PerTensor<std::vector<char>> have;
    for (Tensor a : kAllTensors) {
      known[a].resize(table.signatures[a]);
      have[a].assign(table.signatures[a], 0);
    }
    LevelNode node;
    node.loops = loops;
    node.records.spans = spans_of(noops);
    node.records.rows.resize(node.records.spans.size());
    bool datapath_known = false;
    // Records numbered per array by value, and the record sets of the
    // orders visited (see below).
    PerTensor<std::map<std::tuple<Count, Count, Count, Count, Count>, std::uint32_t>> numbers;
    std::set<std::vector<std::uint32_t>> seen;
    std::vector<std::uint32_t> record_set;
    for (std::size_t i = 0; i < table.orders.size(); ++i) {
      for (std::size_t k = 0; k < table.live; ++k) node.loops.order[noops + k] = table.orders[i][k];
      const auto& sig = table.signature[i];
      for (std::size_t j = 0; j <= table.live; ++j) {
        bool missing = false;
        for (Tensor a : kAllTensors) missing = missing || !have[a][sig[a][j]];
        if (missing) {
          const PerTensor<BufferRecord> row = span_records(path, node.loops, node.records.spans[j],
                                                           datapath_known ? nullptr : &node);
          datapath_known = true;
          for (Tensor a : kAllTensors) {
            known[a][sig[a][j]] = row[a];
            have[a][sig[a][j]] = 1;
          }
        }
        for (Tensor a : kAllTensors) node.records.rows[j][a] = known[a][sig[a][j]];
      }
      // An order whose buffers offer, array by array, the same records as an
      // earlier order's (with uniform spans: the same (I, W, O) records
      // span by span) has the same best key and a later place in the order
      // of ties: it can never be the answer.
      record_set.clear();
      for (Tensor a : kAllTensors) {
        const std::size_t from = record_set.size();
        for (std::size_t j = 0; j <= table.live; ++j) {
          const BufferRecord& r = node.records.rows[j][a];
          const auto value = std::make_tuple(r.cap, r.fills, r.cross, r.transfers, r.exposed);
          record_set.push_back(numbers[a]
                                   .emplace(value, static_cast<std::uint32_t>(numbers[a].size()))
                                   .first->second);
        }
        if (!space_.uniform_spans) {
          std::sort(record_set.begin() + static_cast<std::ptrdiff_t>(from), record_set.end());
          record_set.erase(
              std::unique(record_set.begin() + static_cast<std::ptrdiff_t>(from), record_set.end()),
              record_set.end());
        }
        record_set.push_back(std::numeric_limits<std::uint32_t>::max());  // between arrays
      }
      if (!seen.insert(record_set).second) continue;
      path.push_back(&node);
      leaf(path);
      path.pop_back();
    }
  }

  // Lower bounds (B), (F), (S) over every completion of `path` (levels
  // 1..l fixed, l < L).
  Key lower_bound(const std::vector<const LevelNode*>& path) const {
    const std::size_t l = path.size();
    const Key traffic = traffic_lower_bound(path);
    const LevelAccelerator* accel = objective_.accel;
    LevelCostTerms terms;
    if (accel) {
      // The cost inputs' lower bounds (file comment).
      LevelAccelInputs in;
      in.levels = L_;
      in.macs = layer_.macs();
      in.compute_cycles = path.back()->compute_cycles;
      in.datapath_bytes = path.back()->datapath_bytes;
      for (Tensor a : kAllTensors) {
        // A's transfers across boundary b: its crossing buffer is deeper
        // than l (at least the pseudo record's fills) or one of levels
        // b..l that fits (its own transfers), as (B) runs over them.
        Count least = path.back()->records.rows[0][a].fills;
        for (std::size_t b = L_; b-- > 0;) {
          if (b < l)
            for (const PerTensor<BufferRecord>& row : path[b]->records.rows)
              if (row[a].cap <= capacity_[b]) least = std::min(least, row[a].transfers);
          in.dma_transfers[b] = add(in.dma_transfers[b], least);
        }
      }
      for (std::size_t b = 0; b < L_; ++b) {
        in.traffic_bytes[b] = traffic[b];
        in.buffers[b] = kNumTensors;
      }
      in.sram_bytes[L_ - 1] = traffic[L_ - 1];
      terms = level_cost_from_inputs(in, *accel, OnOverflow::saturate);
    }
    Key key;
    write_level_key(objective_, traffic.data(), L_, traffic[L_], traffic[L_ + 1], terms, key);
    return key;
  }

  // The level traffic key's lower bounds (B), (F), (S).
  Key traffic_lower_bound(const std::vector<const LevelNode*>& path) const {
    const std::size_t l = path.size();
    Key key(L_ + 2, 0);
    for (Tensor a : kAllTensors) {
      const BufferRecord& pseudo = path.back()->records.rows[0][a];
      Count least = pseudo.cross;  // over levels b..l, b descending
      for (std::size_t b = L_; b-- > 0;) {
        if (b < l) {
          const LevelRecords& r = path[b]->records;
          for (const PerTensor<BufferRecord>& row : r.rows)
            if (row[a].cap <= capacity_[b]) least = std::min(least, row[a].cross);
        }
        key[b] = add(key[b], b < l ? least : pseudo.cross);
      }
      key[L_] = add(key[L_], pseudo.fills);
    }
    for (std::size_t b = 0; b < L_; ++b) key[b] = std::max(key[b], floor_[b]);
    key[L_ + 1] = least_buffer_;
    return key;
  }

  // Every level fixed: the best spans, offered when not worse than the bar.
  // Every level fixed: lower bounds of the key over every span choice, from
  // each array's least record per quantity (nullopt when an array has no
  // buffer that fits the last level). A choice takes for A one buffer at the
  // last level that fits, and A's crossing buffer at boundary b is one of
  // its buffers at levels b..L that fit their level; every term of the key
  // is non-decreasing in these quantities (level_accel_cost.hpp), and the
  // buffer bytes are at least the last level's buffers'.
  std::optional<Key> leaf_lower_bound(const std::vector<const LevelNode*>& path) const {
    constexpr Count kNone = std::numeric_limits<Count>::max();
    std::array<Count, kMaxLevels> bytes{}, transfers{};
    Count fills = 0, buffer = 0;
    for (Tensor a : kAllTensors) {
      Count cross = kNone, moves = kNone, least_fills = kNone, least_cap = kNone;
      for (std::size_t b = L_; b-- > 0;) {
        for (const PerTensor<BufferRecord>& row : path[b]->records.rows) {
          if (row[a].cap > capacity_[b]) continue;
          cross = std::min(cross, row[a].cross);
          moves = std::min(moves, row[a].transfers);
          if (b + 1 == L_) {
            least_fills = std::min(least_fills, row[a].fills);
            least_cap = std::min(least_cap, row[a].cap);
          }
        }
        if (cross == kNone) return std::nullopt;  // nothing of A fits the last level
        bytes[b] = add(bytes[b], cross);
        transfers[b] = add(transfers[b], moves);
      }
      fills = add(fills, least_fills);
      buffer = add(buffer, least_cap);
    }
    for (std::size_t b = 0; b < L_; ++b) bytes[b] = std::max(bytes[b], floor_[b]);
    LevelCostTerms terms;
    if (const LevelAccelerator* accel = objective_.accel) {
      LevelAccelInputs in;
      in.levels = L_;
      in.macs = layer_.macs();
      in.compute_cycles = path.back()->compute_cycles;
      in.datapath_bytes = path.back()->datapath_bytes;
      for (std::size_t b = 0; b < L_; ++b) {
        in.traffic_bytes[b] = bytes[b];
        in.dma_transfers[b] = transfers[b];
        in.buffers[b] = kNumTensors;
      }
      in.sram_bytes[L_ - 1] = bytes[L_ - 1];
      terms = level_cost_from_inputs(in, *accel, OnOverflow::saturate);
    }
    Key key;
    write_level_key(objective_, bytes.data(), L_, fills, buffer, terms, key);
    return key;
  }

  void leaf(const std::vector<const LevelNode*>& path) {
    ++leaves_;
    const std::optional<Key> lower = leaf_lower_bound(path);
    if (!lower) return;
    if (strictly_worse(*lower, incumbent_.bar())) {
      ++nodes_cut_;
      return;
    }
    std::vector<const LevelRecords*> records;
    for (const LevelNode* n : path) records.push_back(&n->records);
    SpanObjective objective{objective_, layer_.macs(), path.back()->compute_cycles,
                            path.back()->datapath_bytes};
    const std::optional<Key> bar = incumbent_.bar();
    const std::optional<SpanChoice> choice =
        choose_spans(records, capacity_, space_, objective, bar ? &*bar : nullptr);
    if (!choice || strictly_worse(choice->key, incumbent_.bar())) return;
    LevelCandidate c;
    for (std::size_t l = 0; l < L_; ++l) {
      LevelLoops loops = path[l]->loops;
      for (Tensor a : kAllTensors) {
        const int span = choice->span[l][a];
        loops.buffer_span[a] = span < 0 ? std::nullopt : std::optional<int>(span);
      }
      c.schedule.levels.push_back(loops);
    }
    ++evaluations_;
    c.traffic = evaluate_levels(layer_, c.schedule, machine_);
    std::array<Count, kMaxLevels> bytes{};
    for (std::size_t b = 0; b < L_; ++b) bytes[b] = c.traffic.levels[b].traffic_bytes;
    LevelCostTerms terms;
    if (objective_.accel) {
      const LevelAccelCost cost =
          level_accel_cost(layer_, c.schedule, *objective_.accel, c.traffic, OnOverflow::saturate);
      terms.latency_cycles = cost.latency_cycles;
      terms.energy = cost.energy;
    }
    Key exact;
    write_level_key(objective_, bytes.data(), L_, c.traffic.total_fills(),
                    c.traffic.total_buffer_bytes(), terms, exact);
    SPAD_CHECK(exact == choice->key && c.traffic.fits(),
               "level search: the span choice disagrees with the level model");
    std::vector<Count> order = structure_order(path);
    for (std::size_t l = 0; l < L_; ++l)
      for (Tensor a : kAllTensors) order.push_back(choice->span[l][a]);
    incumbent_.offer(exact, std::move(order), std::move(c));
  }

  // Below a node whose levels 1..path.size() are fixed and bounded.
  void descend(std::vector<const LevelNode*>& path) {
    const std::size_t level = path.size();
    if (level + 1 == L_ && !space_.fixed_orders) {
      for_each_tiles(path, [&](const LevelLoops& loops, std::size_t noops) {
        innermost_leaves(path, loops, noops);
      });
      return;
    }
    if (level + 1 == L_) {
      for_each_structure(path, [&](const LevelLoops& loops, std::size_t noops) {
        const LevelNode node = make_node(path, loops, noops);
        path.push_back(&node);
        leaf(path);
        path.pop_back();
      });
      return;
    }
    std::vector<std::pair<Key, LevelNode>> children;
    for_each_structure(path, [&](const LevelLoops& loops, std::size_t noops) {
      LevelNode node = make_node(path, loops, noops);
      path.push_back(&node);
      Key lower = lower_bound(path);
      path.pop_back();
      children.emplace_back(std::move(lower), std::move(node));
    });
    std::stable_sort(children.begin(), children.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [lower, node] : children) {
      if (strictly_worse(lower, incumbent_.bar())) {
        ++nodes_cut_;
        continue;
      }
      path.push_back(&node);
      descend(path);
      path.pop_back();
    }
  }

  std::size_t levels() const { return L_; }
  const Layer& layer() const { return layer_; }
  Count evaluations_ = 0, leaves_ = 0, nodes_cut_ = 0;

 private:
  // make_node's records by signature for one tile vector below one parent.
  struct RecordCache {
    bool valid = false;
    std::vector<Count> context;  // make_node's
    PerTensor<std::unordered_map<std::uint64_t, BufferRecord>> records;
    bool datapath_known = false;
    Count compute_cycles = 0, datapath_bytes = 0;
  };
  RecordCache cache_;

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
};

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

  // Level 1's structures and their bounds (each node is made again when it
  // is descended: keeping every node's records took a gigabyte).
  struct RootChild {
    LevelLoops loops;
    std::size_t noops = 0;
  };
  std::vector<RootChild> structures;
  root.for_each_structure({}, [&](const LevelLoops& loops, std::size_t noops) {
    structures.push_back(RootChild{loops, noops});
  });
  const std::size_t threads =
      std::max<std::size_t>(1, std::min(resolved_thread_count(options.threads), structures.size()));
  std::vector<Key> lower(structures.size());
  std::vector<LevelSearchStats> stats(threads + 1);  // the last: the sequential part
  run_job_workers(threads, structures.size(), [&](std::size_t id, auto next_index) {
    LevelSearcher s(layer, machine, options, chains, incumbent);
    std::vector<const LevelNode*> path;
    for (std::size_t i = next_index(); i < structures.size(); i = next_index()) {
      const LevelNode node = s.make_node(path, structures[i].loops, structures[i].noops);
      path.push_back(&node);
      lower[i] = s.lower_bound(path);
      path.pop_back();
    }
    stats[id].evaluations += s.evaluations_;
    stats[id].leaves += s.leaves_;
  });
  std::vector<std::size_t> order(structures.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return lower[a] < lower[b]; });
  const auto descend_root = [&](LevelSearcher& s, std::size_t k) {
    const LevelNode node = s.make_node({}, structures[k].loops, structures[k].noops);
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
      const PerDim<Count>& tiles = structures[order[i]].loops.tiles;
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
      const std::optional<Key> bar = incumbent.bar();
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
  }
  for (const LevelSearchStats& s : stats) {
    result.stats.evaluations += s.evaluations;
    result.stats.leaves += s.leaves;
    result.stats.nodes_cut += s.nodes_cut;
  }
  result.best = incumbent.take();
  return result;
}

}  // namespace spad

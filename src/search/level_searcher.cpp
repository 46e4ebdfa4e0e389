// The exact search over several on-chip levels below the root
// (search/level_search drives level 1): branch and bound over each level's
// tiles and order, outermost level first, the spans and bypasses chosen
// exactly once every level is fixed (search/level_span_choice).
//
// Space. Level l's tile of d ranges over 1..t^(l-1)_d (t^0 = D_d): a larger
// tile makes the same single trip in every enclosing tile (DESIGN.md), so it
// is the same nest. A loop with t^l_d = t^(l-1)_d makes one trip in every
// enclosing tile, a no-op wherever it stands: such loops are placed
// innermost (n g m c p q r s order) and every order of the other ("live")
// loops is visited; a span covering only no-op loops holds what span 0
// holds and is filled when span 0 is, so spans are 0 and (no-ops + 1 .. 8).
// At every level each buffer is costed once per tile vector and signature
// (search/order_signature_table: equal signatures, equal records). An order
// whose buffers offer, array by array, the same set of records as an earlier
// order of the same tile vector (with uniform spans: the same (I, W, O)
// records span by span) and, above the last level, has the same deeper
// signature for every array is skipped: every deeper buffer has the same
// records below both (order_signature_table.hpp, "What the deeper levels
// see"; the deeper tile chains depend on the tiles alone), so every
// completion of the later order has a completion of the earlier one with the
// same key (the same records, each level's spans matched record for record),
// and the earlier order comes first in the order of ties (next_permutation
// visits orders in that order; the order of ties compares every level's
// tiles and orders before any span).
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
// Restricted spaces (options.space): a fixed order makes that level's one
// order per tile vector, taken literally (every span 0..8); fixed and
// uniform spans filter the span choice at the leaves. The bounds above hold
// for every completion of the whole space, so for every restricted one too.
//
// A node is cut only when these bounds are lexicographically greater than
// the incumbent's key (equal is never cut), so every schedule whose key is at
// most the optimum's is reached, and the answer, the least by (key, the order
// of level_search.hpp), is the same for any thread count.
#include "search/level_searcher.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "base/error.hpp"
#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_evaluate.hpp"

namespace spad {
namespace {

// The order after the key (level_search.hpp), without the spans.
std::vector<Count> structure_order(const std::vector<const LevelNode*>& path) {
  std::vector<Count> out;
  for (const LevelNode* n : path) {
    for (Dim d : kAllDims) out.push_back(n->loops.tiles[d]);
    for (Dim d : n->loops.order) out.push_back(static_cast<Count>(index(d)));
  }
  return out;
}

}  // namespace

void TileVectorRecords::reset(const OrderSignatureTable& table) {
  table_ = &table;
  for (Tensor a : kAllTensors) {
    record_[a].resize(table.signatures[a]);
    number_[a].assign(table.signatures[a], kNotCosted);
    by_value_[a].clear();
  }
  offered_.clear();
  datapath_known = false;
  counter.reset();
}

void TileVectorRecords::add(Tensor a, std::uint32_t signature, const BufferRecord& r) {
  record_[a][signature] = r;
  const auto value = std::make_tuple(r.cap, r.fills, r.cross, r.transfers, r.exposed);
  number_[a][signature] =
      by_value_[a].emplace(value, static_cast<std::uint32_t>(by_value_[a].size())).first->second;
}

bool TileVectorRecords::first_offer(const LevelNode& node, bool uniform_spans, bool with_deeper) {
  scratch_.clear();
  if (with_deeper)
    for (Tensor a : kAllTensors) scratch_.push_back(node.deeper[a]);
  for (Tensor a : kAllTensors) {
    const std::size_t from = scratch_.size();
    for (const PerTensor<std::uint32_t>& n : node.numbers) scratch_.push_back(n[a]);
    if (!uniform_spans) {
      std::sort(scratch_.begin() + static_cast<std::ptrdiff_t>(from), scratch_.end());
      scratch_.erase(
          std::unique(scratch_.begin() + static_cast<std::ptrdiff_t>(from), scratch_.end()),
          scratch_.end());
    }
    scratch_.push_back(std::numeric_limits<std::uint32_t>::max());  // between arrays
  }
  return offered_.insert(scratch_).second;
}

void LevelIncumbent::offer(const LevelKey& key, std::vector<Count> order,
                           LevelCandidate candidate) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (best_ && std::tie(key, order) >= std::tie(key_, order_)) return;
  key_ = key;
  order_ = std::move(order);
  best_ = std::move(candidate);
}

std::optional<LevelKey> LevelIncumbent::bar() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return best_ ? std::optional<LevelKey>(key_) : std::nullopt;
}

std::optional<LevelCandidate> LevelIncumbent::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::move(best_);
}

LevelSearcher::LevelSearcher(const Layer& layer, const MemoryLevels& machine,
                             const LevelSearchOptions& options, const LevelTileChains& chains,
                             LevelIncumbent& incumbent)
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
  if (space_.fixed_orders)
    for (const std::array<Dim, kNumDims>& order : *space_.fixed_orders)
      fixed_tables_.push_back(fixed_order_table(order, machine.halo_reuse));
  for (std::size_t l = 0; l < L_; ++l) {
    MemoryLevels m = machine_;
    m.levels.resize(l + 1);
    for (MemoryLevel& ml : m.levels) ml.capacity_bytes.reset();
    prefix_machines_.push_back(std::move(m));
  }
}

const OrderSignatureTable& LevelSearcher::orders_of(std::size_t level, const LevelLoops& loops,
                                                    std::size_t noops) const {
  if (space_.fixed_orders) return fixed_tables_[level];
  LiveDims live = 0;
  for (std::size_t i = noops; i < kNumDims; ++i)
    live = static_cast<LiveDims>(live | (1u << index(loops.order[i])));
  return order_signature_table(live, machine_.halo_reuse);
}

// A level's spans: 0 and those covering a live loop (level_search.hpp);
// with a fixed order (no-ops 0), every span 0..8.
std::vector<int> LevelSearcher::spans_of(std::size_t noops) {
  std::vector<int> spans{0};
  for (std::size_t k = noops + 1; k <= kNumDims; ++k) spans.push_back(static_cast<int>(k));
  return spans;
}

void LevelSearcher::make_node(const std::vector<const LevelNode*>& path, const LevelLoops& loops,
                              std::size_t i, TileVectorRecords& store, LevelNode& node) {
  const OrderSignatureTable& table = store.table();
  const std::size_t noops = kNumDims - table.live;  // 0 for a fixed order
  node.loops = loops;
  for (std::size_t k = 0; k < table.live; ++k) node.loops.order[noops + k] = table.orders[i][k];
  node.records.spans = spans_of(noops);
  node.records.rows.resize(node.records.spans.size());
  node.numbers.resize(node.records.spans.size());
  const auto& signature = table.signature[i];
  for (std::size_t j = 0; j < node.records.spans.size(); ++j) {
    bool costed = true;
    for (Tensor a : kAllTensors) costed = costed && store.costed(a, signature[a][j]);
    if (!costed) {
      LevelNode datapath;
      const PerTensor<BufferRecord> row =
          span_records(path, node.loops, node.records.spans[j], store,
                       store.datapath_known ? nullptr : &datapath);
      if (!store.datapath_known) {
        store.datapath_known = true;
        store.compute_cycles = datapath.compute_cycles;
        store.datapath_bytes = datapath.datapath_bytes;
      }
      for (Tensor a : kAllTensors)
        if (!store.costed(a, signature[a][j])) store.add(a, signature[a][j], row[a]);
    }
    for (Tensor a : kAllTensors) {
      node.records.rows[j][a] = store.record(a, signature[a][j]);
      node.numbers[j][a] = store.number(a, signature[a][j]);
    }
  }
  node.deeper = table.deeper[i];
  node.compute_cycles = store.compute_cycles;
  node.datapath_bytes = store.datapath_bytes;
}

LevelSchedule LevelSearcher::partial_schedule(const std::vector<const LevelNode*>& path,
                                              const LevelLoops& loops) const {
  LevelSchedule s;
  for (const LevelNode* n : path) s.levels.push_back(n->loops);
  s.levels.push_back(loops);
  // The levels outside bypass every array: this level's buffers count the
  // same whichever outer levels hold A (level_span_choice.hpp), and each
  // buffer is counted alone.
  for (std::size_t l = 0; l < path.size(); ++l)
    for (Tensor a : kAllTensors) s.levels[l].buffer_span[a] = std::nullopt;
  for (Tensor a : kAllTensors) s.levels[path.size()].buffer_span[a] = 0;
  return s;
}

// The records of the buffers of span `span` of the level `loops`, `path`
// holding the levels outside it, from the level model of the tile vector
// (store.counter, built on first use); on an accelerator the datapath's terms
// of its tiles into `datapath` when given.
PerTensor<BufferRecord> LevelSearcher::span_records(const std::vector<const LevelNode*>& path,
                                                    const LevelLoops& loops, int span,
                                                    TileVectorRecords& store, LevelNode* datapath) {
  const std::size_t level = path.size();
  if (!store.counter)
    store.counter = std::make_unique<LevelBufferCounter>(layer_, partial_schedule(path, loops),
                                                         prefix_machines_[level]);
  else
    store.counter->set_order(level, loops.order);
  const LevelAccelerator* accel = objective_.accel;
  const Count copies = machine_.double_buffer ? 2 : 1;
  ++evaluations_;
  PerTensor<BufferRecord> row;
  for (Tensor a : kAllTensors) {
    const ArrayTraffic x = store.counter->buffer(level, span, a);
    row[a] = BufferRecord{x.buffer_bytes, x.fills, add(x.read_bytes, x.write_bytes), 0, 0};
    if (!accel) continue;
    const Count positions = a == Tensor::O ? store.counter->tile_positions(level, span, a) : 0;
    row[a].transfers = level_buffer_transfers(a, x.fills, positions);
    row[a].exposed = a == Tensor::O ? mul(x.buffer_elems / copies, machine_.precision.output)
                                    : x.buffer_bytes / copies;
  }
  if (accel && datapath) {
    // The datapath on this level's tiles (it depends on the tiles only).
    const LevelSchedule s = partial_schedule(path, loops);
    const LevelTraffic t = evaluate_levels(layer_, s, prefix_machines_[level]);
    const LevelActivity a = count_level_activity(layer_, s, accel->mac_array, t);
    datapath->compute_cycles = a.compute_cycles;
    const Activity d{a.macs, a.compute_cycles, a.operand_reads, a.psum_writes, 0};
    datapath->datapath_bytes = datapath_bytes(d, machine_.precision);
  }
  return row;
}

// Lower bounds (B), (F), (S) over every completion of `path` (levels
// 1..l fixed, l < L).
LevelKey LevelSearcher::lower_bound(const std::vector<const LevelNode*>& path) const {
  const std::size_t l = path.size();
  const LevelKey traffic = traffic_lower_bound(path);
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
  LevelKey key;
  write_level_key(objective_, traffic.data(), L_, traffic[L_], traffic[L_ + 1], terms, key);
  return key;
}

// The level traffic key's lower bounds (B), (F), (S).
LevelKey LevelSearcher::traffic_lower_bound(const std::vector<const LevelNode*>& path) const {
  const std::size_t l = path.size();
  LevelKey key(L_ + 2, 0);
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

// Every level fixed: lower bounds of the key over every span choice, from
// each array's least record per quantity (nullopt when an array has no
// buffer that fits the last level). A choice takes for A one buffer at the
// last level that fits, and A's crossing buffer at boundary b is one of
// its buffers at levels b..L that fit their level; every term of the key
// is non-decreasing in these quantities (level_accel_cost.hpp), and the
// buffer bytes are at least the last level's buffers'.
std::optional<LevelKey> LevelSearcher::leaf_lower_bound(
    const std::vector<const LevelNode*>& path) const {
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
  LevelKey key;
  write_level_key(objective_, bytes.data(), L_, fills, buffer, terms, key);
  return key;
}

void LevelSearcher::leaf(const std::vector<const LevelNode*>& path) {
  ++leaves_;
  const std::optional<LevelKey> lower = leaf_lower_bound(path);
  if (!lower) return;
  if (strictly_worse(*lower, incumbent_.bar())) {
    ++nodes_cut_;
    return;
  }
  std::vector<const LevelRecords*> records;
  for (const LevelNode* n : path) records.push_back(&n->records);
  SpanObjective objective{objective_, layer_.macs(), path.back()->compute_cycles,
                          path.back()->datapath_bytes};
  const std::optional<LevelKey> bar = incumbent_.bar();
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
  LevelKey exact;
  write_level_key(objective_, bytes.data(), L_, c.traffic.total_fills(),
                  c.traffic.total_buffer_bytes(), terms, exact);
  SPAD_CHECK(exact == choice->key && c.traffic.fits(),
             "level search: the span choice disagrees with the level model");
  std::vector<Count> order = structure_order(path);
  for (std::size_t l = 0; l < L_; ++l)
    for (Tensor a : kAllTensors) order.push_back(choice->span[l][a]);
  incumbent_.offer(exact, std::move(order), std::move(c));
}

void LevelSearcher::descend(std::vector<const LevelNode*>& path) {
  const std::size_t level = path.size();
  const bool last = level + 1 == L_;
  TileVectorRecords store;
  LevelNode node;
  std::vector<std::pair<LevelKey, LevelNode>> children;
  for_each_tiles(path, [&](const LevelLoops& loops, std::size_t noops) {
    const OrderSignatureTable& orders = orders_of(level, loops, noops);
    store.reset(orders);
    for (std::size_t i = 0; i < orders.orders.size(); ++i) {
      make_node(path, loops, i, store, node);
      // An order whose buffers offer, array by array, the same records as an
      // earlier order's of this tile vector (and above the last level, whose
      // deeper signatures are the same: every deeper buffer has the same
      // records) has the same best key and a later place in the order of
      // ties: it can never be the answer (file comment, "Space").
      if (!store.first_offer(node, space_.uniform_spans, !last)) {
        ++orders_joined_;
        continue;
      }
      path.push_back(&node);
      if (last)
        leaf(path);
      else
        children.emplace_back(lower_bound(path), node);
      path.pop_back();
    }
  });
  std::stable_sort(children.begin(), children.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [lower, child] : children) {
    if (strictly_worse(lower, incumbent_.bar())) {
      ++nodes_cut_;
      continue;
    }
    path.push_back(&child);
    descend(path);
    path.pop_back();
  }
}

}  // namespace spad

// DESIGN.md's several-level rules, by formula.
//
// The flat nest, innermost first, is level L's 8 loops, then level L-1's, ...,
// then level 1's. Dimension d has one loop per level; its level-l loop runs
// over the level-l nodes of d's nested tiling inside the current level-(l-1)
// node (model/level_tiling). A's level-l buffer with span k lies below flat
// position B = 8(L-l) + k; the loops of d outside it are d's levels
// 1..lambda_d (lambda_d = l if d's level-l loop is at position >= k, else l-1),
// so the tile it holds along d is the current level-lambda_d node of d.
//
// States. The loops at or above any flat position j are, for each dimension
// e, e's levels 1..mu_e(j); their joint states are the tuples of one
// level-mu_e node per dimension, a product. (For the loop j of dimension d_j
// at level l_j: mu_e(j) = l_j - 1, plus 1 if e's level-l_j loop is at or
// outside d_j's.)
//
// Fills. Consecutive iterations of the loops outside the buffer differ by one
// loop j stepping while every loop inside it wraps from its last trip to 0.
// The held tile changes unless j does not index A and every A-indexing loop
// between B and j was at its only trip: for each A-indexing d, the level-mu_d
// node it is in has size <= the smallest tile of levels mu_d+1..lambda_d
// (then it is also the held level-lambda_d node). Steps of j happen once per
// state of the loops at or above j in which j is not at its last trip: the
// level-l_j nodes of d_j that are not the last child of their parent
// (N(l_j) - N(l_j - 1) of them) times the states of the other dimensions. So
//   fills = prod_e N_e(lambda_e)
//         - sum_{j not indexing A} (N_dj(l_j) - N_dj(l_j-1))
//             * prod_{e not indexing A, e != d_j} N_e(mu_e)
//             * prod_{d indexing A} #{level-mu_d nodes of size <= limit_d}.
// Weighting each state by the size of the tile it holds gives the sum over
// fills of the tile sizes (W's reads; O's writes, and O's reads minus |O|,
// every element's first hold reading nothing); the sizes factor per
// dimension, and I's footprint into n x channels x rows x columns, each axis
// summed by model/level_axis over the nodes of its output and kernel
// dimensions.
//
// Halo (I, with halo_reuse). A fill loads only the new elements iff j is a
// p/q/r/s loop stepping by one with every other A-indexing loop unchanged,
// i.e. every A-indexing loop between B and j at its only trip (j's own
// dimension included: its level-l_j node, a full tile t, must fit the deeper
// single-trip limit). The held tile then moves from one level-l_j node X of
// j's dimension to its next sibling X', everything else fixed, and the fill
// saves the elements the two share: footprint(X) + footprint(X') -
// footprint(X u X') along that axis, times the other factors.
//
// Boundaries. A buffer loads from the nearest outer level holding its array,
// so the elements of A crossing boundary b are exactly the transfers of A's
// buffer at the first level >= b that holds A. Every O buffer writes each
// element last exactly once: final_writes = |O| at every boundary.
#include "model/level_evaluate.hpp"

#include <array>
#include <limits>
#include <memory>
#include <string>

#include "base/error.hpp"
#include "model/evaluate.hpp"
#include "model/level_axis.hpp"
#include "model/level_tiling.hpp"

namespace spad {
namespace {

// The flat nest of a validated schedule.
struct Nest {
  int levels = 0;
  std::array<PerDim<int>, kMaxLevels + 1> position{};  // [l][d]: d's place in level l's order
  // [l][d][e] = mu_e of the level-l loop of d: e's loops at or outside it.
  std::array<std::array<std::array<int, kNumDims>, kNumDims>, kMaxLevels + 1> mu;
  PerDim<DimTiling> tiling;
};

// Level l's (1-based) place of each dimension and mu from its order.
void set_level_order(Nest& nest, int l, const std::array<Dim, kNumDims>& order) {
  PerDim<int>& at = nest.position[static_cast<std::size_t>(l)];
  for (int i = 0; i < static_cast<int>(kNumDims); ++i) at[order[static_cast<std::size_t>(i)]] = i;
  for (Dim d : kAllDims)
    for (Dim e : kAllDims)
      nest.mu[static_cast<std::size_t>(l)][index(d)][index(e)] = l - 1 + (at[e] >= at[d] ? 1 : 0);
}

Nest nest_of(const Layer& layer, const LevelSchedule& s) {
  Nest nest;
  nest.levels = static_cast<int>(s.levels.size());
  for (int l = 1; l <= nest.levels; ++l)
    set_level_order(nest, l, s.levels[static_cast<std::size_t>(l - 1)].order);
  for (Dim d : kAllDims) {
    std::array<Count, kMaxLevels> tiles{};
    for (int l = 1; l <= nest.levels; ++l)
      tiles[static_cast<std::size_t>(l - 1)] = s.levels[static_cast<std::size_t>(l - 1)].tiles[d];
    nest.tiling[d].assign(layer.bound(d), tiles, nest.levels);
  }
  return nest;
}

// One loop of the flat nest outside a buffer, with mu_e for every dimension.
struct OuterLoop {
  Dim dim;
  int level;
  const std::array<int, kNumDims>* mu_of;  // by index(e): Nest::mu[level][dim]
  int mu(Dim e) const { return (*mu_of)[index(e)]; }
};

// The loops outside one buffer.
struct BufferLoops {
  PerDim<int> lambda;
  std::array<OuterLoop, kNumDims * kMaxLevels> loops;  // [0, count) are set
  int count = 0;
};

BufferLoops buffer_loops(const Nest& nest, int level, int span) {
  BufferLoops b;
  const PerDim<int>& own = nest.position[static_cast<std::size_t>(level)];
  for (Dim d : kAllDims) b.lambda[d] = level - 1 + (own[d] >= span ? 1 : 0);
  for (int l = 1; l <= level; ++l) {
    for (Dim d : kAllDims) {
      if (l == level && own[d] < span) continue;
      OuterLoop& loop = b.loops[static_cast<std::size_t>(b.count++)];
      loop.dim = d;
      loop.level = l;
      loop.mu_of = &nest.mu[static_cast<std::size_t>(l)][index(d)];
    }
  }
  return b;
}

// What one buffer moves, in elements (before the double-buffer factor).
struct BufferCounts {
  Count largest = 0;  // largest footprint held
  Count fills = 0;
  Count loads = 0;   // elements loaded into it (O: partial sums read back)
  Count writes = 0;  // O: elements written back
};

// Level-l_j nodes of d_j that are not the last child of their parent.
Count not_last(const DimTiling& t, int level) { return t.nodes(level) - t.nodes(level - 1); }

// For a step of `loop`: the single-trip limit of A-indexing dimension d.
Count limit_of(const Nest& nest, const BufferLoops& b, const OuterLoop& loop, Dim d) {
  return nest.tiling[d].single_trip_limit(loop.mu(d), b.lambda[d]);
}

// Fills of A's buffer (any array: only which loops index A matters).
Count count_fills(const Nest& nest, const BufferLoops& b, Tensor a) {
  Count states = 1;
  for (Dim e : kAllDims) states = mul(states, nest.tiling[e].nodes(b.lambda[e]));
  for (int i = 0; i < b.count; ++i) {
    const OuterLoop& loop = b.loops[static_cast<std::size_t>(i)];
    if (indexes(a, loop.dim)) continue;
    Count kept = not_last(nest.tiling[loop.dim], loop.level);
    for (Dim e : kAllDims) {
      if (e == loop.dim || kept == 0) continue;
      const DimTiling& t = nest.tiling[e];
      kept = mul(
          kept, indexes(a, e) ? t.single_trip_count(loop.mu(e), b.lambda[e]) : t.nodes(loop.mu(e)));
    }
    states -= kept;
  }
  return states;
}

// W and O: a held tile is a box, its size the product of its node sizes.
BufferCounts box_buffer(const Layer& layer, const Nest& nest, const BufferLoops& b, Tensor a) {
  BufferCounts out;
  out.fills = count_fills(nest, b, a);
  out.largest = 1;
  Count volume = layer.size(a);  // sum over states of the held size
  for (Dim e : kAllDims) {
    if (indexes(a, e)) {
      out.largest = mul(out.largest, nest.tiling[e].largest(b.lambda[e]));
    } else {
      volume = mul(volume, nest.tiling[e].nodes(b.lambda[e]));
    }
  }
  for (int i = 0; i < b.count; ++i) {
    const OuterLoop& loop = b.loops[static_cast<std::size_t>(i)];
    if (indexes(a, loop.dim)) continue;
    Count kept = not_last(nest.tiling[loop.dim], loop.level);
    for (Dim e : kAllDims) {
      if (e == loop.dim || kept == 0) continue;
      const DimTiling& t = nest.tiling[e];
      kept = mul(kept, indexes(a, e) ? t.single_trip_size_sum(loop.mu(e), b.lambda[e])
                                     : t.nodes(loop.mu(e)));
    }
    volume -= kept;
  }
  if (a == Tensor::W) {
    out.loads = volume;
  } else {
    out.writes = volume;
    out.loads = volume - layer.size(Tensor::O);  // every element's first hold reads nothing
  }
  return out;
}

// I: the held footprint is n x channels (g, c) x rows (p, r) x columns (q, s).
// `rows` and `cols` are the height and width axes under the nest's tilings.
BufferCounts input_buffer(const Layer& layer, const Nest& nest, const BufferLoops& b,
                          const LevelAxis& rows, const LevelAxis& cols, bool halo_reuse) {
  const PerDim<DimTiling>& t = nest.tiling;
  const PerDim<int>& lam = b.lambda;

  BufferCounts out;
  out.fills = count_fills(nest, b, Tensor::I);
  out.largest = mul(mul(mul(mul(t[Dim::n].largest(lam[Dim::n]), t[Dim::g].largest(lam[Dim::g])),
                            t[Dim::c].largest(lam[Dim::c])),
                        rows.largest(lam[Dim::p], lam[Dim::r])),
                    cols.largest(lam[Dim::q], lam[Dim::s]));

  const LayerSpec& spec = layer.spec();
  Count volume = mul(mul(mul(mul(t[Dim::m].nodes(lam[Dim::m]), spec.N), spec.C),
                         rows.sum(lam[Dim::p], kAnySize, lam[Dim::r], kAnySize)),
                     cols.sum(lam[Dim::q], kAnySize, lam[Dim::s], kAnySize));
  Count saved = 0;
  for (int i = 0; i < b.count; ++i) {
    const OuterLoop& loop = b.loops[static_cast<std::size_t>(i)];
    const Dim j = loop.dim;
    const bool halo_loop = j == Dim::p || j == Dim::q || j == Dim::r || j == Dim::s;
    if (j != Dim::m && !(halo_reuse && halo_loop)) continue;
    const auto lim = [&](Dim d) { return limit_of(nest, b, loop, d); };
    const auto mu = [&](Dim d) { return loop.mu(d); };
    // n and channels: the sizes of the level-mu nodes within their limits.
    Count factor = 1;
    for (Dim d : {Dim::n, Dim::g, Dim::c})
      factor = mul(factor, t[d].single_trip_size_sum(mu(d), b.lambda[d]));
    if (j == Dim::m) {
      if (factor == 0) continue;
      factor = mul(factor, not_last(t[Dim::m], loop.level));
      factor = mul(factor, rows.sum(mu(Dim::p), lim(Dim::p), mu(Dim::r), lim(Dim::r)));
      factor = mul(factor, cols.sum(mu(Dim::q), lim(Dim::q), mu(Dim::s), lim(Dim::s)));
      volume -= factor;
      continue;
    }
    // A halo step of j: j's own level-l_j node is a full tile, which must
    // make single trips in j's deeper loops outside the buffer too.
    if (t[j].tile(loop.level) > lim(j) || factor == 0) continue;
    factor = mul(factor, t[Dim::m].nodes(mu(Dim::m)));
    Count along_rows = 0, along_cols = 0;
    switch (j) {
      case Dim::p:
        along_rows = rows.output_overlaps(loop.level, mu(Dim::r), lim(Dim::r));
        break;
      case Dim::r:
        along_rows = rows.kernel_overlaps(mu(Dim::p), lim(Dim::p), loop.level);
        break;
      case Dim::q:
        along_cols = cols.output_overlaps(loop.level, mu(Dim::s), lim(Dim::s));
        break;
      default:  // s
        along_cols = cols.kernel_overlaps(mu(Dim::q), lim(Dim::q), loop.level);
        break;
    }
    if (j == Dim::p || j == Dim::r) {
      if (along_rows == 0) continue;
      along_cols = cols.sum(mu(Dim::q), lim(Dim::q), mu(Dim::s), lim(Dim::s));
    } else {
      if (along_cols == 0) continue;
      along_rows = rows.sum(mu(Dim::p), lim(Dim::p), mu(Dim::r), lim(Dim::r));
    }
    saved = add(saved, mul(mul(factor, along_rows), along_cols));
  }
  out.loads = volume - saved;
  return out;
}

// The same words as the level simulator's check, so evaluate and simulate
// refuse a mismatch alike.
void check_levels_match(const LevelSchedule& s, const MemoryLevels& m) {
  if (s.levels.size() != m.levels.size())
    throw UserError("the schedule has " + std::to_string(s.levels.size()) +
                    " level(s) but the machine has " + std::to_string(m.levels.size()) +
                    " on-chip level(s): give one buffer capacity per schedule level, "
                    "outermost first");
}

}  // namespace

struct LevelBufferCounter::State {
  State(const Layer& l, const LevelSchedule& s, const MemoryLevels& m)
      : layer(l),
        nest(nest_of(l, s)),
        rows(height_axis(l), nest.tiling[Dim::p], nest.tiling[Dim::r]),
        cols(width_axis(l), nest.tiling[Dim::q], nest.tiling[Dim::s]),
        halo_reuse(m.halo_reuse),
        copies(m.double_buffer ? 2 : 1),
        elem_bytes{{m.precision.input, m.precision.weight, m.precision.psum}},
        output_bytes(m.precision.output) {}

  const Layer& layer;
  Nest nest;
  LevelAxis rows, cols;  // over nest.tiling: State never moves (held by pointer)
  bool halo_reuse;
  Count copies;
  PerTensor<Count> elem_bytes;
  Count output_bytes;
};

LevelBufferCounter::LevelBufferCounter(const Layer& layer, const LevelSchedule& schedule,
                                       const MemoryLevels& machine) {
  validate(schedule, layer);
  validate(machine);
  check_levels_match(schedule, machine);
  state_ = std::make_unique<State>(layer, schedule, machine);
}

LevelBufferCounter::~LevelBufferCounter() = default;

void LevelBufferCounter::set_order(std::size_t level, const std::array<Dim, kNumDims>& order) {
  SPAD_CHECK(level < static_cast<std::size_t>(state_->nest.levels),
             "LevelBufferCounter::set_order: no such level");
  std::array<bool, kNumDims> seen{};
  for (Dim d : order) seen[index(d)] = true;
  for (bool b : seen) SPAD_CHECK(b, "LevelBufferCounter::set_order: not a permutation");
  set_level_order(state_->nest, static_cast<int>(level) + 1, order);
}

// The loops outside the buffer of span `span` at `level` (0-based) of `nest`;
// InternalError when there is no such level or span.
static BufferLoops checked_buffer_loops(const Nest& nest, std::size_t level, int span) {
  SPAD_CHECK(level < static_cast<std::size_t>(nest.levels) && span >= 0 &&
                 span <= static_cast<int>(kNumDims),
             "LevelBufferCounter: no such level or span");
  return buffer_loops(nest, static_cast<int>(level) + 1, span);
}

ArrayTraffic LevelBufferCounter::buffer(std::size_t level, int span, Tensor a) const {
  const State& st = *state_;
  const BufferLoops b = checked_buffer_loops(st.nest, level, span);
  const BufferCounts own = a == Tensor::I
                               ? input_buffer(st.layer, st.nest, b, st.rows, st.cols, st.halo_reuse)
                               : box_buffer(st.layer, st.nest, b, a);
  ArrayTraffic x;
  x.buffer_elems = mul(own.largest, st.copies);
  x.buffer_bytes = mul(x.buffer_elems, st.elem_bytes[a]);
  x.fills = own.fills;
  x.reads = own.loads;
  x.read_bytes = mul(x.reads, st.elem_bytes[a]);
  if (a == Tensor::O) {
    // Every element's last write is final at every boundary.
    const Count size = st.layer.size(Tensor::O);
    x.writes = own.writes;
    x.final_writes = size;
    x.write_bytes = add(mul(size, st.output_bytes), mul(x.writes - size, st.elem_bytes[a]));
  }
  return x;
}

Count LevelBufferCounter::tile_positions(std::size_t level, int span, Tensor a) const {
  const State& st = *state_;
  const BufferLoops b = checked_buffer_loops(st.nest, level, span);
  Count positions = 1;
  for (Dim d : kAllDims)
    if (indexes(a, d)) positions = mul(positions, st.nest.tiling[d].nodes(b.lambda[d]));
  return positions;
}

LevelTraffic evaluate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine) {
  const LevelBufferCounter counter(layer, schedule, machine);  // validates
  const std::size_t L = schedule.levels.size();

  // own[l][A]: A's own buffer at level l (0-based), when it has one.
  std::array<PerTensor<ArrayTraffic>, kMaxLevels> own{};
  std::array<PerTensor<bool>, kMaxLevels> held{};
  for (std::size_t l = 0; l < L; ++l)
    for (Tensor a : kAllTensors) {
      const std::optional<int>& span = schedule.levels[l].buffer_span[a];
      if (!span) continue;
      held[l][a] = true;
      own[l][a] = counter.buffer(l, *span, a);
    }

  const Count compulsory = compulsory_bytes(layer, machine.precision);
  LevelTraffic out;
  out.levels.resize(L);
  for (std::size_t l = 0; l < L; ++l) {
    LevelCost& cost = out.levels[l];
    // The machine's name of the level, or the schedule's when it has none.
    cost.name = machine.levels[l].name;
    if (cost.name.empty()) cost.name = schedule.levels[l].name;
    for (Tensor a : kAllTensors) {
      ArrayTraffic& x = cost.arrays[a];
      if (held[l][a]) {
        x.buffer_elems = own[l][a].buffer_elems;
        x.buffer_bytes = own[l][a].buffer_bytes;
        x.fills = own[l][a].fills;
      }
      // What crosses boundary l + 1: the transfers of the first buffer of A
      // at or inside level l + 1 (every array has one at level L).
      std::size_t h = l;
      while (!held[h][a]) ++h;
      const ArrayTraffic& moved = own[h][a];
      x.reads = moved.reads;
      x.read_bytes = moved.read_bytes;
      x.writes = moved.writes;
      x.final_writes = moved.final_writes;
      x.write_bytes = moved.write_bytes;
      cost.traffic_bytes = add(cost.traffic_bytes, add(x.read_bytes, x.write_bytes));
      cost.buffer_bytes = add(cost.buffer_bytes, x.buffer_bytes);
    }
    cost.compulsory_bytes = compulsory;
    const auto& capacity = machine.levels[l].capacity_bytes;
    cost.fits = !capacity || cost.buffer_bytes <= *capacity;
  }
  return out;
}

std::vector<LowerBound> level_lower_bounds(const Layer& layer, const MemoryLevels& machine) {
  validate(machine);
  std::vector<LowerBound> out(machine.levels.size());
  for (std::size_t l = 0; l < machine.levels.size(); ++l) {
    // Capacity of levels l..L; nullopt = unbounded. A sum past 2^63 - 1 bytes
    // (capacities a user may give) stays at 2^63 - 1: more than any layer's
    // data, where the bound is the compulsory traffic either way.
    std::optional<Count> inside = 0;
    for (std::size_t i = l; i < machine.levels.size() && inside; ++i) {
      const auto& c = machine.levels[i].capacity_bytes;
      Count sum = 0;
      if (c && __builtin_add_overflow(*inside, *c, &sum)) sum = std::numeric_limits<Count>::max();
      inside = c ? std::optional<Count>(sum) : std::nullopt;
    }
    if (inside) {
      out[l] = lower_bound(layer, machine.precision, *inside);
    } else {
      out[l].compulsory_bytes = compulsory_bytes(layer, machine.precision);
      out[l].bound_bytes = out[l].compulsory_bytes;
    }
  }
  return out;
}

}  // namespace spad

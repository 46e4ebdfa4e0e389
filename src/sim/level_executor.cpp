// The functional executor for several levels: nested loops over every level's
// tiles, real values moved between off-chip arrays and the per-level buffers,
// MACs from the innermost level's buffers only (see level_executor.hpp).
#include "sim/level_executor.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "base/error.hpp"
#include "sim/exec_buffer.hpp"
#include "sim/exec_footprint.hpp"
#include "sim/executor.hpp"
#include "sim/level_simulator.hpp"
#include "sim/reference_conv.hpp"

namespace spad {
namespace {

using Tile = std::pair<Count, Count>;  // [first, second)

// Every tile of dim d at `level` (0 = level 1), in order; level -1: the
// whole range. A level's loop splits each tile of the level above.
std::vector<Tile> tiles_of(const Layer& layer, const LevelSchedule& s, Dim d, int level) {
  std::vector<Tile> tiles{{0, layer.bound(d)}};
  for (int l = 0; l <= level; ++l) {
    const Count t = s.levels[static_cast<std::size_t>(l)].tiles[d];
    std::vector<Tile> split;
    for (const auto& [lo, hi] : tiles)
      for (Count x = lo; x < hi; x = add(x, t)) split.emplace_back(x, std::min(add(x, t), hi));
    tiles = std::move(split);
  }
  return tiles;
}

// The deepest level whose loop of d lies outside A's buffer at `level`: that
// level's own loop if its position is at or beyond the span, else the level
// above (-1: none, the buffer spans d's whole range).
int deepest_outside(const LevelSchedule& s, std::size_t level, Tensor t, Dim d) {
  const LevelLoops& own = s.levels[level];
  const auto pos = std::find(own.order.begin(), own.order.end(), d) - own.order.begin();
  return pos >= *own.buffer_span[t] ? static_cast<int>(level) : static_cast<int>(level) - 1;
}

bool holds_array(const LevelSchedule& s, std::size_t level, Tensor t) {
  return s.levels[level].buffer_span[t].has_value();
}

// One index of a loop outside a buffer that indexes its array.
struct LoopIndex {
  Dim dim = Dim::n;
  Count index = 0;
  friend bool operator==(const LoopIndex&, const LoopIndex&) = default;
};

// What a buffer holds now: the loop box it serves and the indices of the
// loops outside it that index its array (for the halo rule).
struct Held {
  bool resident = false;
  LoopBox box;
  std::vector<LoopIndex> outside;
};

class LevelRun {
 public:
  LevelRun(const Layer& layer, const LevelSchedule& schedule, const MemoryLevels& machine,
           const std::vector<PerTensor<Count>>& sizes, ConvOperands operands)
      : layer_(layer),
        schedule_(schedule),
        machine_(machine),
        levels_(schedule.levels.size()),
        operands_(std::move(operands)),
        output_(output_shape(layer)),
        contributions_(static_cast<std::size_t>(output_.size()), 0),
        buffers_(levels_),
        held_(levels_),
        source_(levels_),
        counts_(levels_),
        range_(levels_),
        index_(levels_) {
    const LayerSpec& s = layer.spec();
    macs_per_output_ = mul(mul(s.C / s.groups, s.R), s.S);
    for (Tensor t : kAllTensors) {
      std::optional<std::size_t> nearest;
      for (std::size_t l = 0; l < levels_; ++l) {
        if (!holds_array(schedule, l, t)) continue;
        const std::string name = std::string(tensor_name(t)) + " at level " + std::to_string(l + 1);
        buffers_[l][t].emplace(name, layer.size(t), sizes[l][t]);
        source_[l][t] = nearest;
        nearest = l;
      }
    }
    for (std::size_t l = 0; l < levels_; ++l)
      for (int pos = static_cast<int>(kNumDims) - 1; pos >= 0; --pos)
        loops_.emplace_back(l, schedule.levels[l].order[static_cast<std::size_t>(pos)]);
  }

  LevelExecution run();

 private:
  void nest(std::size_t k);
  void visit();
  LoopBox held_box(std::size_t level, Tensor t) const;
  std::vector<LoopIndex> outside_indices(std::size_t level, Tensor t) const;
  bool halo_step(const Held& old, const std::vector<LoopIndex>& next) const;
  void cross(std::size_t level, Tensor t, Count LevelExecArrayCounts::*field, Count n);
  void fill(std::size_t level, Tensor t, const LoopBox& box, bool keep_halo);
  void evict(std::size_t level);
  void compute();

  ScratchBuffer& buffer(std::size_t level, Tensor t) { return *buffers_[level][t]; }

  const Layer& layer_;
  const LevelSchedule& schedule_;
  const MemoryLevels& machine_;
  std::size_t levels_;
  ConvOperands operands_;             // off-chip I and W
  IntTensor4 output_;                 // off-chip O
  std::vector<Count> contributions_;  // MACs accumulated into each output so far
  Count macs_per_output_ = 0;
  std::vector<PerTensor<std::optional<ScratchBuffer>>> buffers_;
  std::vector<PerTensor<Held>> held_;
  std::vector<PerTensor<std::optional<std::size_t>>> source_;  // nearest outer holder
  std::vector<PerTensor<LevelExecArrayCounts>> counts_;
  std::vector<std::pair<std::size_t, Dim>> loops_;  // the flat nest, outermost first
  std::vector<PerDim<Tile>> range_;                 // per level: the current tile of each dim
  std::vector<PerDim<Count>> index_;                // per level: the trip index of each loop
  Count macs_ = 0;
};

// Runs the loops from the k-th outermost in: level l's loop of d steps over
// the current level-(l-1) tile of d (the whole range at level 1).
void LevelRun::nest(std::size_t k) {
  if (k == loops_.size()) {
    visit();
    return;
  }
  const auto [l, d] = loops_[k];
  const Tile outer = l == 0 ? Tile{0, layer_.bound(d)} : range_[l - 1][d];
  const Count t = schedule_.levels[l].tiles[d];
  Count i = 0;
  for (Count lo = outer.first; lo < outer.second; lo = add(lo, t), ++i) {
    range_[l][d] = Tile{lo, std::min(add(lo, t), outer.second)};
    index_[l][d] = i;
    nest(k + 1);
  }
}

LoopBox LevelRun::held_box(std::size_t level, Tensor t) const {
  LoopBox box;
  for (Dim d : kAllDims) {
    const int deepest = indexes(t, d) ? deepest_outside(schedule_, level, t, d) : -1;
    const Tile r =
        deepest < 0 ? Tile{0, layer_.bound(d)} : range_[static_cast<std::size_t>(deepest)][d];
    box.lo[d] = r.first;
    box.hi[d] = r.second;
  }
  return box;
}

std::vector<LoopIndex> LevelRun::outside_indices(std::size_t level, Tensor t) const {
  std::vector<LoopIndex> out;
  for (Dim d : kAllDims) {
    if (!indexes(t, d)) continue;
    const int deepest = deepest_outside(schedule_, level, t, d);
    for (int l = 0; l <= deepest; ++l)
      out.push_back(LoopIndex{d, index_[static_cast<std::size_t>(l)][d]});
  }
  return out;
}

// DESIGN.md: a halo fill iff the only change among the loops outside the
// buffer that index I is one p, q, r or s loop stepping by one.
bool LevelRun::halo_step(const Held& old, const std::vector<LoopIndex>& next) const {
  SPAD_CHECK(old.outside.size() == next.size(), "executor: outside loops changed in number");
  int changes = 0;
  bool spatial_step = false;
  for (std::size_t i = 0; i < next.size(); ++i) {
    if (next[i] == old.outside[i]) continue;
    ++changes;
    const Dim d = next[i].dim;
    spatial_step = (d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s) &&
                   next[i].index == old.outside[i].index + 1;
  }
  return changes == 1 && spatial_step;
}

// n elements of t moved between `level` and its source cross the boundaries
// above every level from the source's child down to `level`.
void LevelRun::cross(std::size_t level, Tensor t, Count LevelExecArrayCounts::*field, Count n) {
  const std::optional<std::size_t>& src = source_[level][t];
  for (std::size_t b = src ? *src + 1 : 0; b <= level; ++b)
    counts_[b][t].*field = add(counts_[b][t].*field, n);
}

void LevelRun::fill(std::size_t level, Tensor t, const LoopBox& box, bool keep_halo) {
  ScratchBuffer& buf = buffer(level, t);
  const std::optional<std::size_t>& src = source_[level][t];
  Count moved = 0;
  const std::vector<Count> wanted = footprint(layer_, t, box);
  if (t == Tensor::O) {
    for (Count pos : wanted) {
      if (contributions_[static_cast<std::size_t>(pos)] > 0) {  // a partial sum exists
        buf.put(pos, src ? buffer(*src, t).get(pos) : output_.data[static_cast<std::size_t>(pos)]);
        ++moved;
      } else {
        buf.put(pos, 0);  // first hold: nothing to read
      }
    }
  } else {
    const IntTensor4& offchip = t == Tensor::I ? operands_.input : operands_.weights;
    if (keep_halo)
      buf.retain_only(wanted);  // the elements shared with the old footprint stay
    else
      buf.drop_all([](Count, Value) {});
    for (Count pos : wanted) {
      if (buf.holds(pos)) continue;
      buf.put(pos, src ? buffer(*src, t).get(pos) : offchip.data[static_cast<std::size_t>(pos)]);
      ++moved;
    }
  }
  cross(level, t, &LevelExecArrayCounts::reads, moved);
  ++counts_[level][t].fills;
}

void LevelRun::evict(std::size_t level) {
  Held& held = held_[level][Tensor::O];
  if (!held.resident) return;
  const std::optional<std::size_t>& src = source_[level][Tensor::O];
  Count written = 0;
  Count complete = 0;
  buffer(level, Tensor::O).drop_all([&](Count pos, Value v) {
    if (src)
      buffer(*src, Tensor::O).ref(pos) = v;
    else
      output_.data[static_cast<std::size_t>(pos)] = v;
    ++written;
    if (contributions_[static_cast<std::size_t>(pos)] == macs_per_output_) ++complete;
  });
  cross(level, Tensor::O, &LevelExecArrayCounts::writes, written);
  cross(level, Tensor::O, &LevelExecArrayCounts::final_writes, complete);
  held.resident = false;
}

void LevelRun::visit() {
  for (Tensor t : kAllTensors) {
    std::vector<char> changed(levels_, 0);
    std::vector<LoopBox> boxes(levels_);
    std::vector<std::vector<LoopIndex>> outside(levels_);
    for (std::size_t l = 0; l < levels_; ++l) {
      if (!buffers_[l][t]) continue;
      const Held& held = held_[l][t];
      boxes[l] = held_box(l, t);
      outside[l] = outside_indices(l, t);
      changed[l] = !held.resident || boxes[l].lo != held.box.lo || boxes[l].hi != held.box.hi;
      // A new loop box is exactly a new index of an outside loop indexing t.
      SPAD_CHECK(!held.resident || (changed[l] != 0) == (outside[l] != held.outside),
                 "executor: a held box and its loop indices disagree");
    }
    if (t == Tensor::O)
      for (std::size_t l = levels_; l-- > 0;)
        if (changed[l] != 0) evict(l);
    for (std::size_t l = 0; l < levels_; ++l) {
      if (changed[l] == 0) continue;
      Held& held = held_[l][t];
      const bool halo =
          t == Tensor::I && machine_.halo_reuse && held.resident && halo_step(held, outside[l]);
      fill(l, t, boxes[l], halo);
      held = Held{true, boxes[l], outside[l]};
    }
  }
  compute();
}

// The MACs of the innermost level's current tile, from its buffers only.
void LevelRun::compute() {
  const std::size_t inner = levels_ - 1;
  const PerDim<Tile>& b = range_[inner];
  const LayerSpec& s = layer_.spec();
  const Count G = s.groups, Mg = s.M / G, Cg = s.C / G;
  const Count P = layer_.P(), Q = layer_.Q();
  const ScratchBuffer& in = buffer(inner, Tensor::I);
  const ScratchBuffer& wt = buffer(inner, Tensor::W);
  ScratchBuffer& out = buffer(inner, Tensor::O);
  for (Count n = b[Dim::n].first; n < b[Dim::n].second; ++n)
    for (Count g = b[Dim::g].first; g < b[Dim::g].second; ++g)
      for (Count m = b[Dim::m].first; m < b[Dim::m].second; ++m)
        for (Count p = b[Dim::p].first; p < b[Dim::p].second; ++p)
          for (Count q = b[Dim::q].first; q < b[Dim::q].second; ++q) {
            const Count opos = ((n * s.M + g * Mg + m) * P + p) * Q + q;
            Value& acc = out.ref(opos);
            Count& done = contributions_[static_cast<std::size_t>(opos)];
            for (Count c = b[Dim::c].first; c < b[Dim::c].second; ++c)
              for (Count r = b[Dim::r].first; r < b[Dim::r].second; ++r)
                for (Count x = b[Dim::s].first; x < b[Dim::s].second; ++x) {
                  const Value w = wt.get((((g * Mg + m) * Cg + c) * s.R + r) * s.S + x);
                  const Count h = p * s.stride_h + r * s.dilation_h - s.pad_top;
                  const Count col = q * s.stride_w + x * s.dilation_w - s.pad_left;
                  if (h >= 0 && h < s.H && col >= 0 && col < s.W)  // else padding: adds 0
                    acc += in.get(((n * s.C + g * Cg + c) * s.H + h) * s.W + col) * w;
                  ++done;
                  ++macs_;
                }
          }
}

LevelExecution LevelRun::run() {
  nest(0);
  for (std::size_t l = levels_; l-- > 0;)
    if (buffers_[l][Tensor::O]) evict(l);  // the final flush, innermost first
  SPAD_CHECK(macs_ == layer_.macs(), "level executor: ran " + std::to_string(macs_) +
                                         " MACs, the layer has " + std::to_string(layer_.macs()));
  LevelExecution e;
  e.reference = reference_conv(layer_, operands_.input, operands_.weights);
  e.output = std::move(output_);
  e.macs = macs_;
  e.levels = counts_;
  for (std::size_t l = 0; l < levels_; ++l) {
    for (Tensor t : kAllTensors) {
      if (!buffers_[l][t]) continue;
      e.levels[l][t].peak_elems = buffer(l, t).peak();
      e.levels[l][t].capacity_elems = buffer(l, t).capacity();
    }
  }
  return e;
}

}  // namespace

std::vector<PerTensor<Count>> replay_level_buffer_sizes(const Layer& layer,
                                                        const LevelSchedule& schedule) {
  validate(schedule, layer);
  std::vector<PerTensor<Count>> sizes(schedule.levels.size());
  for (std::size_t l = 0; l < schedule.levels.size(); ++l) {
    for (Tensor t : kAllTensors) {
      if (!holds_array(schedule, l, t)) continue;
      // Every combination of the tiles the buffer can hold, one per dim that
      // indexes t (the other dims do not change its footprint).
      PerDim<std::vector<Tile>> choices;
      for (Dim d : kAllDims)
        choices[d] = indexes(t, d)
                         ? tiles_of(layer, schedule, d, deepest_outside(schedule, l, t, d))
                         : std::vector<Tile>{{0, layer.bound(d)}};
      PerDim<std::size_t> at{};
      for (;;) {
        LoopBox box;
        for (Dim d : kAllDims) {
          box.lo[d] = choices[d][at[d]].first;
          box.hi[d] = choices[d][at[d]].second;
        }
        sizes[l][t] = std::max(sizes[l][t], static_cast<Count>(footprint(layer, t, box).size()));
        std::size_t k = 0;
        for (; k < kNumDims; ++k) {
          const Dim d = kAllDims[k];
          if (++at[d] < choices[d].size()) break;
          at[d] = 0;
        }
        if (k == kNumDims) break;
      }
    }
  }
  return sizes;
}

LevelExecution execute_levels(const Layer& layer, const LevelSchedule& schedule,
                              const MemoryLevels& machine, std::uint64_t seed) {
  validate(schedule, layer);
  validate(machine);
  check_level_counts(schedule, machine);
  check_execution_limits(layer);
  Count buffered = 0;
  for (std::size_t l = 0; l < schedule.levels.size(); ++l)
    for (Tensor t : kAllTensors)
      if (holds_array(schedule, l, t)) buffered = add(buffered, layer.size(t));
  if (buffered > kMaxExecutedBufferedElems)
    throw UserError("simulate --execute: the schedule's buffers hold copies of " +
                    std::to_string(buffered) + " array elements over its levels; the executor " +
                    "holds at most " + std::to_string(kMaxExecutedBufferedElems) +
                    " (use simulate without --execute, or evaluate)");
  LevelRun run(layer, schedule, machine, replay_level_buffer_sizes(layer, schedule),
               random_operands(layer, seed));
  return run.run();
}

}  // namespace spad

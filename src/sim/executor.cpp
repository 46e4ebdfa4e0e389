// The functional executor: a replay of the tile loops that moves real values
// between off-chip arrays and three scratchpad buffers and computes from the
// buffers only. See executor.hpp for the rules it follows.
#include "sim/executor.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/exec_buffer.hpp"
#include "sim/exec_footprint.hpp"
#include "sim/reference_conv.hpp"

namespace spad {
namespace {

// Which tile of A a buffer holds: the tile index of every loop outside A's
// buffer that indexes A; -1 for the other loops.
using TileKey = PerDim<Count>;

class Run {
 public:
  Run(const Layer& layer, const Schedule& schedule, const Machine& machine,
      const PerTensor<Count>& capacity, ConvOperands operands)
      : layer_(layer),
        schedule_(schedule),
        machine_(machine),
        trips_(trip_counts(schedule, layer)),
        operands_(std::move(operands)),
        output_(output_shape(layer)),
        written_(static_cast<std::size_t>(output_.size()), 0),
        contributions_(static_cast<std::size_t>(output_.size()), 0),
        buffers_{ScratchBuffer("I", operands_.input.size(), capacity[Tensor::I]),
                 ScratchBuffer("W", operands_.weights.size(), capacity[Tensor::W]),
                 ScratchBuffer("O", output_.size(), capacity[Tensor::O])} {
    for (Dim d : kAllDims) position_[d] = loop_position(schedule, d);
    const LayerSpec& s = layer.spec();
    macs_per_output_ = (s.C / s.groups) * s.R * s.S;
    // j*_I: among the loops outside I's buffer, the innermost that indexes I
    // and has a trip count above 1.
    for (int level = schedule.buffer_span[Tensor::I]; level < static_cast<int>(kNumDims); ++level) {
      const Dim d = schedule.order[static_cast<std::size_t>(level)];
      if (indexes(Tensor::I, d) && trips_[d] > 1) {
        j_star_input_ = d;
        break;
      }
    }
  }

  Execution run(const ExecuteProgress& progress);

 private:
  ScratchBuffer& buffer(Tensor t) { return buffers_[index(t)]; }
  bool outside_buffer(Tensor t, Dim d) const { return position_[d] >= schedule_.buffer_span[t]; }
  Count tile_lo(Dim d, Count i) const { return i * schedule_.tiles[d]; }
  Count tile_hi(Dim d, Count i) const {
    const Count hi = (i + 1) * schedule_.tiles[d];
    return hi < layer_.bound(d) ? hi : layer_.bound(d);
  }

  TileKey key_of(Tensor t, const PerDim<Count>& at) const;
  LoopBox buffer_box(Tensor t, const PerDim<Count>& at) const;
  LoopBox tile_box(const PerDim<Count>& at) const;

  void fill_input(const LoopBox& box, bool keep_halo);
  void fill_weights(const LoopBox& box);
  void fill_output(const LoopBox& box);
  void write_back(Count pos, Value v);
  void compute(const LoopBox& box);

  const Layer& layer_;
  const Schedule& schedule_;
  const Machine& machine_;
  PerDim<Count> trips_;
  PerDim<int> position_;
  ConvOperands operands_;             // off-chip I and W
  IntTensor4 output_;                 // off-chip O (partial sums, then final values)
  std::vector<char> written_;         // O elements written back at least once
  std::vector<Count> contributions_;  // MACs accumulated into each O element so far
  Count macs_per_output_ = 0;
  std::optional<Dim> j_star_input_;
  std::array<ScratchBuffer, kNumTensors> buffers_;
  PerTensor<ExecArrayCounts> counts_;
  Count macs_ = 0;
  ExecuteProgress progress_;
};

TileKey Run::key_of(Tensor t, const PerDim<Count>& at) const {
  TileKey key;
  for (Dim d : kAllDims) key[d] = indexes(t, d) && outside_buffer(t, d) ? at[d] : -1;
  return key;
}

// The iterations A's buffer serves: the whole range of each loop inside the
// buffer, the current tile of each loop outside it.
LoopBox Run::buffer_box(Tensor t, const PerDim<Count>& at) const {
  LoopBox box;
  for (Dim d : kAllDims) {
    box.lo[d] = outside_buffer(t, d) ? tile_lo(d, at[d]) : 0;
    box.hi[d] = outside_buffer(t, d) ? tile_hi(d, at[d]) : layer_.bound(d);
  }
  return box;
}

LoopBox Run::tile_box(const PerDim<Count>& at) const {
  LoopBox box;
  for (Dim d : kAllDims) {
    box.lo[d] = tile_lo(d, at[d]);
    box.hi[d] = tile_hi(d, at[d]);
  }
  return box;
}

void Run::fill_input(const LoopBox& box, bool keep_halo) {
  ScratchBuffer& buf = buffer(Tensor::I);
  ExecArrayCounts& count = counts_[Tensor::I];
  const std::vector<Count> wanted = footprint(layer_, Tensor::I, box);
  if (keep_halo)
    buf.retain_only(wanted);  // the rows/columns shared with the old tile stay
  else
    buf.drop_all([](Count, Value) {});
  for (Count pos : wanted) {
    if (buf.holds(pos)) continue;
    buf.put(pos, operands_.input.data[static_cast<std::size_t>(pos)]);
    ++count.reads;
  }
  ++count.fills;
}

void Run::fill_weights(const LoopBox& box) {
  ScratchBuffer& buf = buffer(Tensor::W);
  ExecArrayCounts& count = counts_[Tensor::W];
  buf.drop_all([](Count, Value) {});
  for (Count pos : footprint(layer_, Tensor::W, box)) {
    buf.put(pos, operands_.weights.data[static_cast<std::size_t>(pos)]);
    ++count.reads;
  }
  ++count.fills;
}

void Run::write_back(Count pos, Value v) {
  const auto i = static_cast<std::size_t>(pos);
  output_.data[i] = v;
  written_[i] = 1;
  ExecArrayCounts& count = counts_[Tensor::O];
  ++count.writes;
  if (contributions_[i] == macs_per_output_) ++count.final_writes;
}

void Run::fill_output(const LoopBox& box) {
  ScratchBuffer& buf = buffer(Tensor::O);
  ExecArrayCounts& count = counts_[Tensor::O];
  buf.drop_all([this](Count pos, Value v) { write_back(pos, v); });  // evict the old tile
  for (Count pos : footprint(layer_, Tensor::O, box)) {
    const auto i = static_cast<std::size_t>(pos);
    if (written_[i] != 0) {
      buf.put(pos, output_.data[i]);  // resume the partial sum
      ++count.reads;
    } else {
      buf.put(pos, 0);  // first visit: nothing to read
    }
  }
  ++count.fills;
}

// The MACs of one tile, reading I and W and accumulating O in the buffers only.
void Run::compute(const LoopBox& b) {
  const LayerSpec& s = layer_.spec();
  const Count G = s.groups, Mg = s.M / G, Cg = s.C / G;
  const Count P = layer_.P(), Q = layer_.Q();
  const ScratchBuffer& in = buffer(Tensor::I);
  const ScratchBuffer& wt = buffer(Tensor::W);
  ScratchBuffer& out = buffer(Tensor::O);
  for (Count n = b.lo[Dim::n]; n < b.hi[Dim::n]; ++n)
    for (Count g = b.lo[Dim::g]; g < b.hi[Dim::g]; ++g)
      for (Count m = b.lo[Dim::m]; m < b.hi[Dim::m]; ++m)
        for (Count p = b.lo[Dim::p]; p < b.hi[Dim::p]; ++p)
          for (Count q = b.lo[Dim::q]; q < b.hi[Dim::q]; ++q) {
            const Count opos = ((n * s.M + g * Mg + m) * P + p) * Q + q;
            Value& acc = out.ref(opos);
            Count& done = contributions_[static_cast<std::size_t>(opos)];
            for (Count c = b.lo[Dim::c]; c < b.hi[Dim::c]; ++c)
              for (Count r = b.lo[Dim::r]; r < b.hi[Dim::r]; ++r)
                for (Count sc = b.lo[Dim::s]; sc < b.hi[Dim::s]; ++sc) {
                  const Value w = wt.get((((g * Mg + m) * Cg + c) * s.R + r) * s.S + sc);
                  const Count h = p * s.stride_h + r * s.dilation_h - s.pad_top;
                  const Count x = q * s.stride_w + sc * s.dilation_w - s.pad_left;
                  if (h >= 0 && h < s.H && x >= 0 && x < s.W)  // else padding: adds 0
                    acc += in.get(((n * s.C + g * Cg + c) * s.H + h) * s.W + x) * w;
                  ++done;
                  ++macs_;
                }
          }
}

Execution Run::run(const ExecuteProgress& progress) {
  progress_ = progress;
  PerDim<Count> at;  // current tile index of every loop, all 0
  PerTensor<TileKey> held;
  bool first = true;
  std::optional<Dim> stepped;  // the loop that advanced into this iteration
  for (;;) {
    for (Tensor t : kAllTensors) {
      const TileKey key = key_of(t, at);
      if (!first && key == held[t]) continue;  // same tile: stays resident
      held[t] = key;
      const LoopBox box = buffer_box(t, at);
      switch (t) {
        case Tensor::I: {
          // DESIGN.md: a fill caused by j*_I stepping by one (all loops
          // outside it unchanged), when that loop is p, q, r or s.
          const bool halo =
              machine_.halo_reuse && !first && stepped == j_star_input_ &&
              (stepped == Dim::p || stepped == Dim::q || stepped == Dim::r || stepped == Dim::s);
          fill_input(box, halo);
          break;
        }
        case Tensor::W:
          fill_weights(box);
          break;
        case Tensor::O:
          fill_output(box);
          break;
      }
    }
    first = false;
    compute(tile_box(at));
    if (progress_) progress_(macs_, layer_.macs());
    // Advance the tile loops like an odometer, innermost first: the loop that
    // steps is the innermost one not at its last tile; those inside it wrap.
    std::size_t level = 0;
    for (; level < kNumDims; ++level) {
      const Dim d = schedule_.order[level];
      if (++at[d] < trips_[d]) break;
      at[d] = 0;
    }
    if (level == kNumDims) break;
    stepped = schedule_.order[level];
  }
  buffer(Tensor::O).drop_all([this](Count pos, Value v) { write_back(pos, v); });  // flush

  SPAD_CHECK(macs_ == layer_.macs(), "executor: ran " + std::to_string(macs_) +
                                         " MACs, the layer has " + std::to_string(layer_.macs()));
  Execution e;
  e.reference = reference_conv(layer_, operands_.input, operands_.weights);
  e.output = std::move(output_);
  e.macs = macs_;
  for (Tensor t : kAllTensors) {
    e.arrays[t] = counts_[t];
    e.arrays[t].peak_elems = buffer(t).peak();
    e.arrays[t].capacity_elems = buffer(t).capacity();
  }
  return e;
}

}  // namespace

void check_execution_limits(const Layer& layer) {
  if (layer.macs() > kMaxExecutedMacs)
    throw UserError("simulate --execute: the layer has " + std::to_string(layer.macs()) +
                    " MACs; the executor runs at most " + std::to_string(kMaxExecutedMacs) +
                    " (use simulate without --execute, or evaluate)");
  for (Tensor t : kAllTensors)
    if (layer.size(t) > kMaxExecutedTensorElems)
      throw UserError("simulate --execute: " + std::string(tensor_name(t)) + " has " +
                      std::to_string(layer.size(t)) + " elements; the executor holds at most " +
                      std::to_string(kMaxExecutedTensorElems) +
                      " per array (use simulate without --execute, or evaluate)");
}

PerTensor<Count> replay_buffer_sizes(const Layer& layer, const Schedule& schedule) {
  validate(schedule, layer);
  const PerDim<Count> trips = trip_counts(schedule, layer);
  PerTensor<Count> size;
  for (Tensor t : kAllTensors) {
    // The buffer holds, for every loop outside it, that loop's current tile
    // and, for every loop inside it, the loop's whole range; only the loops
    // outside it that index t and take more than one tile change what it holds.
    std::vector<Dim> stepping;
    LoopBox box;
    for (Dim d : kAllDims) {
      const bool outside = loop_position(schedule, d) >= schedule.buffer_span[t];
      box.lo[d] = 0;
      box.hi[d] = outside ? std::min(schedule.tiles[d], layer.bound(d)) : layer.bound(d);
      if (outside && indexes(t, d) && trips[d] > 1) stepping.push_back(d);
    }
    for (;;) {
      size[t] = std::max(size[t], static_cast<Count>(footprint(layer, t, box).size()));
      std::size_t k = 0;
      for (; k < stepping.size(); ++k) {
        const Dim d = stepping[k];
        box.lo[d] += schedule.tiles[d];
        if (box.lo[d] < layer.bound(d)) {
          box.hi[d] = std::min(box.lo[d] + schedule.tiles[d], layer.bound(d));
          break;
        }
        box.lo[d] = 0;
        box.hi[d] = std::min(schedule.tiles[d], layer.bound(d));
      }
      if (k == stepping.size()) break;
    }
  }
  return size;
}

Execution execute(const Layer& layer, const Schedule& schedule, const Machine& machine,
                  std::uint64_t seed, const ExecuteProgress& progress) {
  check_execution_limits(layer);
  return execute_with_capacity(layer, schedule, machine, seed, replay_buffer_sizes(layer, schedule),
                               progress);
}

Execution execute_with_capacity(const Layer& layer, const Schedule& schedule,
                                const Machine& machine, std::uint64_t seed,
                                const PerTensor<Count>& capacity_elems,
                                const ExecuteProgress& progress) {
  validate(schedule, layer);
  validate(machine);
  check_execution_limits(layer);
  Run run(layer, schedule, machine, capacity_elems, random_operands(layer, seed));
  return run.run(progress);
}

}  // namespace spad

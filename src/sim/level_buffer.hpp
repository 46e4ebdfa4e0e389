// One buffer of the level simulator: array A's buffer at one level of a
// several-level schedule (DESIGN.md, "Several on-chip levels"). It is told
// every iteration of the flat nest, and
//   - holds every element of A touched while the loops inside it run: for
//     each dim that indexes A, the current tile of the deepest level whose
//     loop of that dim is outside the buffer (the whole layer if none);
//   - is (re)filled whenever the index of a loop outside it that indexes A
//     changes (a new tile position is a fill even if its element set is the
//     same or empty);
//   - loads from its source, the nearest outer level holding A (off-chip if
//     none), and counts each element at every boundary between the two:
//       I  the whole footprint (distinct in-bounds elements), or with halo
//          reuse, when the only such change is one p/q/r/s loop stepping by
//          one, the elements the held footprint lacks;
//       W  the whole tile;
//       O  the whole tile, read back as partial sums, except on the tile's
//          first hold (it starts from zero); the tiles of one O buffer
//          partition O (per dim they are the tiles of one level), so an
//          element's first hold is its tile's first hold;
//   - O writes its tile back to its source when it changes and at the end.
//     Every element it ever holds is written back after its last hold, so the
//     last writes across each boundary it writes over (one per element, final
//     values) number the elements of its first holds.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "schedule/level_schedule.hpp"
#include "sim/level_nest.hpp"
#include "sim/sim_input_footprint.hpp"
#include "workload/layer.hpp"

namespace spad::sim {

// Elements of each array crossing one boundary (either direction), and the
// DMA transfers that moved them: one per fill of an I or W buffer, per O
// write-back and per O fill that reads partial sums back, counted at every
// boundary the transfer crosses.
struct BoundaryCounts {
  PerTensor<Count> reads{};
  PerTensor<Count> writes{};
  PerTensor<Count> final_writes{};
  PerTensor<Count> transfers{};
};

class LevelBuffer {
 public:
  // A's buffer at `level` (0 = level 1) with the schedule's span there;
  // `source` is the level of the nearest outer buffer of A (nullopt:
  // off-chip). `halo_reuse` is the machine's option (used by I only).
  LevelBuffer(Tensor array, std::size_t level, std::optional<std::size_t> source,
              const Layer& layer, const LevelSchedule& schedule, const LevelNest& nest,
              bool halo_reuse);

  // The first flat position outside the buffer.
  int first_outside() const { return first_outside_; }
  // Whether the held tile changes at the nest's current iteration (always on
  // the first).
  bool changes(const LevelNest& nest) const;
  // Starts a new hold at the nest's current iteration.
  void fill(const LevelNest& nest, std::vector<BoundaryCounts>& boundaries);
  // O: ends the current hold, writing back what it holds (no-op if none).
  void write_back(std::vector<BoundaryCounts>& boundaries);

  Count fills() const { return fills_; }
  Count largest_footprint() const { return largest_; }

 private:
  std::vector<Count> key(const LevelNest& nest) const;
  bool halo_step(const std::vector<Count>& next) const;
  PerDim<Range> held_ranges(const LevelNest& nest) const;
  std::size_t tile_number(const PerDim<Range>& ranges) const;
  // Adds n elements to `field` of every boundary between the source and this level.
  void cross(std::vector<BoundaryCounts>& boundaries, PerTensor<Count> BoundaryCounts::*field,
             Count n) const;

  Tensor array_;
  std::size_t level_;
  std::optional<std::size_t> source_;
  bool halo_reuse_;
  int first_outside_;
  PerDim<Count> bound_;
  PerDim<bool> own_loop_outside_{};  // this level's loop of d is outside the buffer
  std::vector<int> key_positions_;   // loops outside the buffer that index A
  std::vector<Dim> key_dims_;        // their dims
  InputFootprintBuilder builder_;

  bool resident_ = false;
  std::vector<Count> key_;
  Count held_size_ = 0;
  InputFootprint held_elements_;
  InputFootprint next_elements_;
  // O: per dim, the first index of each tile the buffer can hold; and which
  // tiles (numbered densely over the dims) it has held before.
  PerDim<std::vector<Count>> tile_starts_;
  std::vector<bool> held_before_;

  Count fills_ = 0;
  Count largest_ = 0;
};

}  // namespace spad::sim

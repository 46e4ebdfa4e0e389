// The three scratchpad buffers of the simulator. Each is told every iteration
// of the tile loops, refills itself when the tile it must hold changes between
// consecutive iterations (an unchanged tile stays resident), and counts what
// crosses to off-chip memory (DESIGN.md, "Exact semantics of traffic"):
//   I  each fill loads its footprint; with halo reuse, a fill caused by the
//      loop j*_I stepping by one along p, q, r or s loads only the elements the
//      resident footprint lacks;
//   W  each fill loads its whole tile;
//   O  each visit of a tile reads the partial sums of the elements visited
//      before and ends with a write of every element it holds.
#pragma once

#include <optional>
#include <vector>

#include "base/checked.hpp"
#include "model/machine.hpp"
#include "schedule/schedule.hpp"
#include "sim/sim_held_tile.hpp"
#include "sim/sim_input_footprint.hpp"
#include "workload/layer.hpp"

namespace spad::sim {

// Element counts observed for one buffer (before precisions are applied).
struct BufferCounts {
  Count largest_footprint = 0;
  Count reads = 0;
  Count writes = 0;
  Count final_writes = 0;
  Count fills = 0;
  Count read_fills = 0;  // O: visits that read partial sums back
};

class InputBuffer {
 public:
  InputBuffer(const Layer& layer, const Schedule& schedule, const Machine& machine);
  void visit(const PerDim<Count>& index);
  const BufferCounts& counts() const { return counts_; }

 private:
  // Whether the move from the previous iteration to `index` is the loop j*_I
  // stepping by one with every loop outside it unchanged.
  bool stepped_j_star(const PerDim<Count>& index) const;

  HeldTile held_;
  InputFootprintBuilder builder_;
  std::array<Dim, kNumDims> order_;
  std::optional<int> halo_position_;  // position of j*_I when halo reuse applies
  bool resident_ = false;
  PerDim<Count> previous_index_{};
  PerDim<Count> previous_key_{};
  InputFootprint held_elements_;
  InputFootprint next_elements_;
  BufferCounts counts_;
};

class WeightBuffer {
 public:
  WeightBuffer(const Layer& layer, const Schedule& schedule);
  void visit(const PerDim<Count>& index);
  const BufferCounts& counts() const { return counts_; }

 private:
  HeldTile held_;
  bool resident_ = false;
  PerDim<Count> previous_key_{};
  BufferCounts counts_;
};

class OutputBuffer {
 public:
  OutputBuffer(const Layer& layer, const Schedule& schedule);
  void visit(const PerDim<Count>& index);
  // Ends the last visit (its write-back); call once after the last iteration.
  void finish();
  const BufferCounts& counts() const { return counts_; }

 private:
  // Dense number of the held tile, for the visited-before record.
  std::size_t tile_number(const PerDim<Count>& key) const;

  HeldTile held_;
  PerDim<Count> trips_;
  bool resident_ = false;
  PerDim<Count> previous_key_{};
  Count held_size_ = 0;
  std::vector<bool> visited_;  // per O tile: has any visit happened yet
  BufferCounts counts_;
};

}  // namespace spad::sim

// The set of input elements a held I tile covers, found by enumeration: every
// (n, channel, row, column) that some loop values in the held ranges read,
// minus padding. Distinct elements only (stride 2 with R = 1 skips every other
// row). The set is a product of four per-axis sets, each kept as a sorted list
// of coordinates, so sizes and overlaps are exact set arithmetic per axis.
// Part of the tile-level simulator.
#pragma once

#include <vector>

#include "base/checked.hpp"
#include "sim/sim_held_tile.hpp"
#include "workload/layer.hpp"

namespace spad::sim {

struct InputFootprint {
  std::vector<Count> batch;     // n values
  std::vector<Count> channels;  // input channels g*C/G + c
  std::vector<Count> rows;      // in-bounds input rows p*sh + r*dh - pad_top
  std::vector<Count> cols;      // in-bounds input columns q*sw + s*dw - pad_left
  Count size() const;
};

// |a ∩ b|: the elements two footprints share.
Count shared_elements(const InputFootprint& a, const InputFootprint& b);

// Enumerates footprints of one layer; keeps scratch space between calls.
class InputFootprintBuilder {
 public:
  explicit InputFootprintBuilder(const Layer& layer);

  // Fills `out` with the input elements read by every loop value in `ranges`.
  void build(const PerDim<Range>& ranges, InputFootprint& out);

 private:
  // Marks value `v` (0 <= v < extent) as present.
  void mark(Count v);
  // Moves the marked values, sorted, into `out` and clears the marks.
  void collect(std::vector<Count>& out);

  LayerSpec spec_;
  Count channels_per_group_;
  std::vector<char> marks_;
  Count lowest_ = 0;
  Count highest_ = -1;
};

}  // namespace spad::sim

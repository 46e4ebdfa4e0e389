// The tile loops of a schedule replayed as an odometer: the innermost loop
// (order[0]) advances fastest; when a loop wraps, the next one out steps.
// Part of the tile-level simulator (the oracle for the analytical model).
#pragma once

#include <array>

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad::sim {

class LoopOdometer {
 public:
  // `order` innermost first, `trips` the trip count of each loop. Loops at
  // positions below `first_position` are not iterated (their index stays 0):
  // the caller folds loops that no buffer can observe.
  LoopOdometer(const std::array<Dim, kNumDims>& order, const PerDim<Count>& trips,
               int first_position)
      : order_(order), trips_(trips), first_(first_position) {}

  // Tile index of every loop at the current iteration.
  const PerDim<Count>& index() const { return index_; }

  // Moves to the next iteration; false when the loop nest is finished.
  bool step() {
    for (int pos = first_; pos < static_cast<int>(kNumDims); ++pos) {
      const Dim d = order_[pos];
      if (++index_[d] < trips_[d]) return true;
      index_[d] = 0;
    }
    return false;
  }

 private:
  std::array<Dim, kNumDims> order_;
  PerDim<Count> trips_;
  int first_;
  PerDim<Count> index_{};
};

}  // namespace spad::sim

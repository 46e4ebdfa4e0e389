// Buffer replay for the simulator (see sim_buffers.hpp).
#include "sim/sim_buffers.hpp"

#include <algorithm>
#include <utility>

#include "base/error.hpp"

namespace spad::sim {

// ---- I ----

InputBuffer::InputBuffer(const Layer& layer, const Schedule& schedule, const Machine& machine)
    : held_(Tensor::I, schedule, layer), builder_(layer), order_(schedule.order) {
  // j*_I: among the loops outside the buffer, the innermost that indexes I
  // and has more than one tile.
  const PerDim<Count> trips = trip_counts(schedule, layer);
  for (int pos = schedule.buffer_span[Tensor::I]; pos < static_cast<int>(kNumDims); ++pos) {
    const Dim d = schedule.order[pos];
    if (!indexes(Tensor::I, d) || trips[d] <= 1) continue;
    const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
    if (machine.halo_reuse && spatial) halo_position_ = pos;
    break;
  }
}

bool InputBuffer::stepped_j_star(const PerDim<Count>& index) const {
  if (!halo_position_) return false;
  const int j = *halo_position_;
  for (int pos = j + 1; pos < static_cast<int>(kNumDims); ++pos)
    if (index[order_[pos]] != previous_index_[order_[pos]]) return false;
  const Dim d = order_[j];
  return index[d] == previous_index_[d] + 1;
}

void InputBuffer::visit(const PerDim<Count>& index) {
  const PerDim<Count> key = held_.key(index);
  if (resident_ && key == previous_key_) {
    previous_index_ = index;
    return;
  }
  builder_.build(held_.ranges(index), next_elements_);
  const Count size = next_elements_.size();
  Count load = size;
  if (resident_ && stepped_j_star(index))
    load = size - shared_elements(next_elements_, held_elements_);
  counts_.reads = add(counts_.reads, load);
  counts_.fills = add(counts_.fills, 1);
  counts_.largest_footprint = std::max(counts_.largest_footprint, size);
  std::swap(held_elements_, next_elements_);
  previous_key_ = key;
  previous_index_ = index;
  resident_ = true;
}

// ---- W ----

WeightBuffer::WeightBuffer(const Layer& layer, const Schedule& schedule)
    : held_(Tensor::W, schedule, layer) {}

void WeightBuffer::visit(const PerDim<Count>& index) {
  const PerDim<Count> key = held_.key(index);
  if (resident_ && key == previous_key_) return;
  const Count size = box_size(Tensor::W, held_.ranges(index));
  counts_.reads = add(counts_.reads, size);
  counts_.fills = add(counts_.fills, 1);
  counts_.largest_footprint = std::max(counts_.largest_footprint, size);
  previous_key_ = key;
  resident_ = true;
}

// ---- O ----

OutputBuffer::OutputBuffer(const Layer& layer, const Schedule& schedule)
    : held_(Tensor::O, schedule, layer), trips_(trip_counts(schedule, layer)) {
  Count tiles = 1;
  for (Dim d : kAllDims)
    if (held_.selects(d)) tiles = mul(tiles, trips_[d]);
  visited_.assign(static_cast<std::size_t>(tiles), false);
}

std::size_t OutputBuffer::tile_number(const PerDim<Count>& key) const {
  Count number = 0;
  for (Dim d : kAllDims)
    if (held_.selects(d)) number = number * trips_[d] + key[d];
  return static_cast<std::size_t>(number);
}

void OutputBuffer::visit(const PerDim<Count>& index) {
  const PerDim<Count> key = held_.key(index);
  if (resident_ && key == previous_key_) return;
  finish();  // the visit that ends writes back what it held
  held_size_ = box_size(Tensor::O, held_.ranges(index));
  const std::size_t tile = tile_number(key);
  SPAD_CHECK(tile < visited_.size(), "output tile number out of range");
  if (visited_[tile]) {
    counts_.reads = add(counts_.reads, held_size_);  // resume from partial sums
    counts_.read_fills = add(counts_.read_fills, 1);
  } else {
    visited_[tile] = true;  // first visit: starts from zero, reads nothing
    counts_.final_writes = add(counts_.final_writes, held_size_);
  }
  counts_.fills = add(counts_.fills, 1);
  counts_.largest_footprint = std::max(counts_.largest_footprint, held_size_);
  previous_key_ = key;
  resident_ = true;
}

void OutputBuffer::finish() {
  if (!resident_) return;
  counts_.writes = add(counts_.writes, held_size_);
  resident_ = false;
}

}  // namespace spad::sim

// One buffer of the level simulator (see level_buffer.hpp).
#include "sim/level_buffer.hpp"

#include <algorithm>
#include <utility>

#include "base/error.hpp"

namespace spad::sim {

LevelBuffer::LevelBuffer(Tensor array, std::size_t level, std::optional<std::size_t> source,
                         const Layer& layer, const LevelSchedule& schedule, const LevelNest& nest,
                         bool halo_reuse)
    : array_(array),
      level_(level),
      source_(source),
      halo_reuse_(halo_reuse && array == Tensor::I),
      bound_(layer.bounds()),
      builder_(layer) {
  const std::optional<int>& span = schedule.levels[level].buffer_span[array];
  SPAD_CHECK(span.has_value(), "level buffer: the array bypasses this level");
  first_outside_ = nest.flat_position(level, *span);
  for (int flat = first_outside_; flat < nest.size(); ++flat) {
    const Dim d = nest.dim(flat);
    if (nest.level(flat) == level) own_loop_outside_[d] = true;
    if (indexes(array, d)) {
      key_positions_.push_back(flat);
      key_dims_.push_back(d);
    }
  }
  if (array == Tensor::O) {
    Count tiles = 1;
    for (Dim d : kAllDims) {
      if (!indexes(array, d)) continue;
      const int tile_level =
          own_loop_outside_[d] ? static_cast<int>(level) : static_cast<int>(level) - 1;
      for (const Range& r : level_tiles(layer, schedule, d, tile_level))
        tile_starts_[d].push_back(r.lo);
      tiles = mul(tiles, static_cast<Count>(tile_starts_[d].size()));
    }
    held_before_.assign(static_cast<std::size_t>(tiles), false);
  }
}

std::vector<Count> LevelBuffer::key(const LevelNest& nest) const {
  std::vector<Count> out;
  out.reserve(key_positions_.size());
  for (int flat : key_positions_) out.push_back(nest.index(flat));
  return out;
}

bool LevelBuffer::changes(const LevelNest& nest) const {
  if (!resident_) return true;
  for (std::size_t i = 0; i < key_positions_.size(); ++i)
    if (nest.index(key_positions_[i]) != key_[i]) return true;
  return false;
}

// Whether the move from the held key to `next` is exactly one loop of p, q,
// r or s stepping by one (every other loop outside the buffer that indexes
// A unchanged).
bool LevelBuffer::halo_step(const std::vector<Count>& next) const {
  std::size_t changed = next.size();
  for (std::size_t i = 0; i < next.size(); ++i) {
    if (next[i] == key_[i]) continue;
    if (changed != next.size()) return false;  // a second change
    changed = i;
  }
  if (changed == next.size()) return false;
  const Dim d = key_dims_[changed];
  const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
  return spatial && next[changed] == key_[changed] + 1;
}

PerDim<Range> LevelBuffer::held_ranges(const LevelNest& nest) const {
  PerDim<Range> out;
  for (Dim d : kAllDims) {
    if (!indexes(array_, d))
      out[d] = Range{0, bound_[d]};  // not used by A's footprint
    else if (own_loop_outside_[d])
      out[d] = nest.tile(level_, d);
    else
      out[d] = level_ == 0 ? Range{0, bound_[d]} : nest.tile(level_ - 1, d);
  }
  return out;
}

std::size_t LevelBuffer::tile_number(const PerDim<Range>& ranges) const {
  Count number = 0;
  for (Dim d : kAllDims) {
    if (!indexes(array_, d)) continue;
    const std::vector<Count>& starts = tile_starts_[d];
    const auto it = std::lower_bound(starts.begin(), starts.end(), ranges[d].lo);
    SPAD_CHECK(it != starts.end() && *it == ranges[d].lo, "level buffer: an O tile not listed");
    number = add(mul(number, static_cast<Count>(starts.size())), it - starts.begin());
  }
  return static_cast<std::size_t>(number);
}

void LevelBuffer::cross(std::vector<BoundaryCounts>& boundaries,
                        PerTensor<Count> BoundaryCounts::*field, Count n) const {
  // A transfer between level j (or off-chip) and level i crosses the
  // boundaries above levels j+1..i.
  const std::size_t outermost = source_ ? *source_ + 1 : 0;
  for (std::size_t b = outermost; b <= level_; ++b) {
    Count& c = (boundaries[b].*field)[array_];
    c = add(c, n);
  }
}

void LevelBuffer::fill(const LevelNest& nest, std::vector<BoundaryCounts>& boundaries) {
  const std::vector<Count> next_key = key(nest);
  const PerDim<Range> ranges = held_ranges(nest);
  Count size = 0;
  switch (array_) {
    case Tensor::I: {
      builder_.build(ranges, next_elements_);
      size = next_elements_.size();
      Count load = size;
      if (halo_reuse_ && resident_ && halo_step(next_key))
        load = size - shared_elements(next_elements_, held_elements_);
      cross(boundaries, &BoundaryCounts::reads, load);
      cross(boundaries, &BoundaryCounts::transfers, 1);
      std::swap(held_elements_, next_elements_);
      break;
    }
    case Tensor::W:
      size = box_size(Tensor::W, ranges);
      cross(boundaries, &BoundaryCounts::reads, size);
      cross(boundaries, &BoundaryCounts::transfers, 1);
      break;
    case Tensor::O: {
      size = box_size(Tensor::O, ranges);
      const std::size_t tile = tile_number(ranges);
      SPAD_CHECK(tile < held_before_.size(), "level buffer: O tile number out of range");
      if (held_before_[tile]) {
        cross(boundaries, &BoundaryCounts::reads, size);  // resume the partial sums
        cross(boundaries, &BoundaryCounts::transfers, 1);
      } else {
        held_before_[tile] = true;  // first hold: starts from zero, reads nothing
        cross(boundaries, &BoundaryCounts::final_writes, size);
      }
      break;
    }
  }
  held_size_ = size;
  largest_ = std::max(largest_, size);
  fills_ = add(fills_, 1);
  key_ = next_key;
  resident_ = true;
}

void LevelBuffer::write_back(std::vector<BoundaryCounts>& boundaries) {
  SPAD_CHECK(array_ == Tensor::O, "level buffer: only O is written back");
  if (!resident_) return;
  cross(boundaries, &BoundaryCounts::writes, held_size_);
  cross(boundaries, &BoundaryCounts::transfers, 1);
  resident_ = false;
}

}  // namespace spad::sim

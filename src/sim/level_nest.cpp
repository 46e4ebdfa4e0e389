// The flat loop nest of a several-level schedule (see level_nest.hpp).
#include "sim/level_nest.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "base/error.hpp"

namespace spad::sim {

LevelNest::LevelNest(const Layer& layer, const LevelSchedule& schedule, int first_position)
    : bound_(layer.bounds()), first_(first_position) {
  const std::size_t levels = schedule.levels.size();
  loops_.resize(levels * kNumDims);
  position_.resize(levels);
  for (std::size_t l = 0; l < levels; ++l) {
    for (int pos = 0; pos < static_cast<int>(kNumDims); ++pos) {
      const Dim d = schedule.levels[l].order[static_cast<std::size_t>(pos)];
      const int flat = static_cast<int>((levels - 1 - l) * kNumDims) + pos;
      loops_[static_cast<std::size_t>(flat)] = Loop{l, d, schedule.levels[l].tiles[d]};
      position_[l][d] = flat;
    }
  }
  index_.assign(loops_.size(), 0);
  trips_.assign(loops_.size(), 1);
  tiles_.resize(levels);
  refresh();
}

int LevelNest::flat_position(std::size_t level, int pos) const {
  return static_cast<int>((position_.size() - 1 - level) * kNumDims) + pos;
}

void LevelNest::refresh() {
  for (std::size_t l = 0; l < tiles_.size(); ++l) {
    for (Dim d : kAllDims) {
      const Range outer = l == 0 ? Range{0, bound_[d]} : tiles_[l - 1][d];
      const auto flat = static_cast<std::size_t>(position_[l][d]);
      const Count t = loops_[flat].tile;
      trips_[flat] = ceil_div(outer.size(), t);
      SPAD_CHECK(index_[flat] < trips_[flat], "level nest: index beyond the trip count");
      const Count lo = add(outer.lo, mul(index_[flat], t));
      tiles_[l][d] = Range{lo, std::min(add(lo, t), outer.hi)};
    }
  }
}

bool LevelNest::step() {
  for (int flat = first_; flat < size(); ++flat) {
    const auto f = static_cast<std::size_t>(flat);
    if (index_[f] + 1 < trips_[f]) {
      ++index_[f];
      for (int inner = first_; inner < flat; ++inner) index_[static_cast<std::size_t>(inner)] = 0;
      refresh();
      return true;
    }
  }
  return false;
}

namespace {

// Sizes of the tiles of dim d at `level` (-1 = whole), each with how many
// tiles have it. A tile of size z splits into z / t tiles of size t and at
// most one of size z % t, so there are few distinct sizes.
std::map<Count, Count> tile_sizes(const Layer& layer, const LevelSchedule& schedule, Dim d,
                                  int level) {
  std::map<Count, Count> sizes{{layer.bound(d), 1}};
  for (int l = 0; l <= level; ++l) {
    const Count t = schedule.levels[static_cast<std::size_t>(l)].tiles[d];
    std::map<Count, Count> next;
    for (const auto& [z, many] : sizes) {
      if (z / t > 0) next[t] = add(next[t], mul(many, z / t));
      if (z % t > 0) next[z % t] = add(next[z % t], many);
    }
    sizes = std::move(next);
  }
  return sizes;
}

}  // namespace

Count level_nest_iterations(const Layer& layer, const LevelSchedule& schedule, int first_position,
                            Count limit) {
  const std::size_t levels = schedule.levels.size();
  Count total = 1;
  for (Dim d : kAllDims) {
    // The deepest level whose loop of d is iterated (only level L's loops can
    // be folded: first_position <= 8).
    int deepest = static_cast<int>(levels) - 1;
    const LevelLoops& inner = schedule.levels.back();
    const auto pos = std::find(inner.order.begin(), inner.order.end(), d) - inner.order.begin();
    if (pos < first_position) --deepest;
    Count tiles = 0;
    for (const auto& [size, many] : tile_sizes(layer, schedule, d, deepest)) {
      (void)size;
      tiles = add(tiles, many);
    }
    if (!mul_fits(total, tiles, &total) || total > limit)
      throw UserError("simulate: the schedule has more than " + std::to_string(limit) +
                      " tile iterations to replay over its " + std::to_string(levels) +
                      " levels; use 'evaluate' (the analytical model) or larger tiles / "
                      "buffer spans at the innermost level");
  }
  return total;
}

std::vector<Range> level_tiles(const Layer& layer, const LevelSchedule& schedule, Dim d,
                               int level) {
  std::vector<Range> tiles{Range{0, layer.bound(d)}};
  for (int l = 0; l <= level; ++l) {
    const Count t = schedule.levels[static_cast<std::size_t>(l)].tiles[d];
    std::vector<Range> next;
    for (const Range& outer : tiles)
      for (Count lo = outer.lo; lo < outer.hi; lo = add(lo, t))
        next.push_back(Range{lo, std::min(add(lo, t), outer.hi)});
    tiles = std::move(next);
  }
  return tiles;
}

}  // namespace spad::sim

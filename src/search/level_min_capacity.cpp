// The smallest capacity of every level (see level_min_capacity.hpp).
#include "search/level_min_capacity.hpp"

#include "model/level_evaluate.hpp"
#include "schedule/level_schedule.hpp"

namespace spad {
namespace {

// Every tile 1, every buffer as far in as `space` allows (the header says why
// this is the smallest schedule at every level).
LevelSchedule smallest_level_buffer_schedule(const MemoryLevels& machine,
                                             const LevelSearchSpace& space) {
  const std::size_t levels = machine.levels.size();
  LevelSchedule s;
  for (std::size_t l = 0; l < levels; ++l) {
    LevelLoops group;
    group.name = machine.levels[l].name;
    if (space.fixed_orders) group.order = (*space.fixed_orders)[l];
    for (Dim d : kAllDims) group.tiles[d] = 1;
    const bool innermost = l + 1 == levels;
    for (Tensor a : kAllTensors) {
      if (space.fixed_spans)
        group.buffer_span[a] = (*space.fixed_spans)[l][a];
      else if (innermost || space.uniform_spans)
        group.buffer_span[a] = 0;
      else
        group.buffer_span[a] = std::nullopt;  // bypass
    }
    s.levels.push_back(std::move(group));
  }
  return s;
}

}  // namespace

std::vector<Count> smallest_level_capacities(const Layer& layer, const MemoryLevels& machine,
                                             const LevelSearchSpace& space) {
  validate(space, machine.levels.size());
  MemoryLevels unbounded = machine;
  for (MemoryLevel& level : unbounded.levels) level.capacity_bytes = std::nullopt;
  const LevelTraffic traffic =
      evaluate_levels(layer, smallest_level_buffer_schedule(unbounded, space), unbounded);
  std::vector<Count> out;
  for (const LevelCost& level : traffic.levels) out.push_back(level.buffer_bytes);
  return out;
}

}  // namespace spad

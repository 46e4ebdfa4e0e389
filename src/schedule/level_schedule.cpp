// Validation and conversions of a several-level schedule.
#include "schedule/level_schedule.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "workload/layer.hpp"

namespace spad {

std::string level_label(const LevelSchedule& s, std::size_t level_index) {
  std::string label = "level " + std::to_string(level_index + 1);
  if (level_index < s.levels.size() && !s.levels[level_index].name.empty())
    label += " (" + s.levels[level_index].name + ")";
  return label;
}

void validate(const LevelSchedule& s, const Layer& layer) {
  if (s.levels.empty()) throw UserError("schedule: levels is empty; give at least one level");
  if (s.levels.size() > kMaxLevels)
    throw UserError("schedule: " + std::to_string(s.levels.size()) + " levels: at most " +
                    std::to_string(kMaxLevels) + " are supported");
  for (std::size_t l = 0; l < s.levels.size(); ++l) {
    const LevelLoops& level = s.levels[l];
    const bool innermost = l + 1 == s.levels.size();
    const std::string path = "levels[" + std::to_string(l) + "].";
    for (std::size_t k = 0; k < l; ++k)
      if (!level.name.empty() && s.levels[k].name == level.name)
        throw UserError("schedule: " + path + "name = " + in_quotes(level.name) + ": levels[" +
                        std::to_string(k) +
                        "].name is the same; every level needs its own name (or none)");
    Schedule group{level.tiles, level.order, {}};
    for (Tensor t : kAllTensors) {
      const std::optional<int>& k = level.buffer_span[t];
      if (!k && innermost)
        throw UserError("schedule: " + level_label(s, l) + ": " + path + "buffer_span." +
                        std::string(tensor_name(t)) +
                        " = null: the innermost level cannot be bypassed (the datapath "
                        "reads only from it)");
      group.buffer_span[t] = k.value_or(0);
    }
    try {
      validate(group, layer);
    } catch (const UserError& e) {
      std::string what = e.what();
      const std::string prefix = "schedule: ";
      if (what.rfind(prefix, 0) == 0) what.erase(0, prefix.size());
      throw UserError("schedule: " + level_label(s, l) + ": " + path + what);
    }
  }
}

LevelSchedule as_levels(const Schedule& s) {
  LevelLoops level;
  level.tiles = s.tiles;
  level.order = s.order;
  for (Tensor t : kAllTensors) level.buffer_span[t] = s.buffer_span[t];
  return LevelSchedule{{level}};
}

std::optional<Schedule> as_one_level(const LevelSchedule& s) {
  if (s.levels.size() != 1) return std::nullopt;
  const LevelLoops& level = s.levels.front();
  Schedule one{level.tiles, level.order, {}};
  for (Tensor t : kAllTensors) {
    if (!level.buffer_span[t]) return std::nullopt;
    one.buffer_span[t] = *level.buffer_span[t];
  }
  return one;
}

}  // namespace spad

// Derived numbers of a Result JSON with levels checked on input (see
// level_result_check.hpp).
#include "io/json/level_result_check.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/json_read.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/result_check.hpp"
#include "model/level_evaluate.hpp"
#include "model/level_names.hpp"

namespace spad {

MemoryLevels level_machine_from_result_json(const nlohmann::json& obj, std::size_t level_count,
                                            const std::string& source) {
  const Machine one = machine_from_result_json(obj.at("machine"), source);
  MemoryLevels m;
  m.precision = one.precision;
  m.halo_reuse = one.halo_reuse;
  m.double_buffer = one.double_buffer;
  const nlohmann::json& levels = obj.at("levels");
  if (!levels.is_array())
    throw UserError(source + ": levels = " + show_json(levels) + ": must be an array of " +
                    std::to_string(level_count) +
                    " entries, one per level of the document's schedule, outermost first");
  if (levels.size() != level_count)
    throw UserError(source + ": levels has " + std::to_string(levels.size()) +
                    (levels.size() == 1 ? " entry" : " entries") +
                    " but the document's schedule has " + std::to_string(level_count) +
                    " levels: one entry per level of the schedule, outermost first");
  for (std::size_t l = 0; l < level_count; ++l) {
    const std::string where = "levels[" + std::to_string(l) + "]";
    require_object(levels[l], source, where);
    MemoryLevel level;
    if (levels[l].contains("name")) {
      const nlohmann::json& name = levels[l].at("name");
      if (!name.is_string())
        throw UserError(source + ": " + where + ".name = " + show_json(name) +
                        ": must be a text label such as \"L2\"");
      level.name = name.get<std::string>();
      if (const std::string problem = name_problem(level.name); !problem.empty())
        throw UserError(source + ": " + where + ".name = " + in_quotes(level.name) +
                        ": the name has " + problem + "; names must be printable UTF-8 text");
    }
    if (levels[l].contains("capacity_bytes") && !levels[l].at("capacity_bytes").is_null())
      level.capacity_bytes =
          json_count(levels[l].at("capacity_bytes"), source, where + ".capacity_bytes", 1);
    m.levels.push_back(std::move(level));
  }
  try {
    validate(m);
  } catch (const UserError& e) {
    throw UserError(source + ": machine: " + e.what());
  }
  return m;
}

void check_level_result_costs(const nlohmann::json& obj, const Layer& layer,
                              const LevelSchedule& schedule, const std::string& source) {
  try {
    validate(schedule, layer);
  } catch (const UserError& e) {
    throw UserError(source + ": schedule: " + e.what());
  }
  const MemoryLevels machine = level_machine_from_result_json(obj, schedule.levels.size(), source);
  // The document's two lists of levels name them alike, or name a level of
  // one only where the other leaves it unnamed or calls it something unrelated
  // (model/level_names).
  try {
    check_level_names(schedule, machine, "the document's \"levels\"");
  } catch (const UserError& e) {
    throw UserError(source + ": " + e.what());
  }
  const LevelTraffic traffic = evaluate_levels(layer, schedule, machine);
  nlohmann::ordered_json want =
      level_result_to_json(schedule, traffic, machine, level_lower_bounds(layer, machine));
  want.erase("schedule");
  want.erase("machine");
  for (const auto& [key, value] : want.items())
    if (obj.contains(key)) check_derived_leaves(obj.at(key), value, source, key);
}

}  // namespace spad

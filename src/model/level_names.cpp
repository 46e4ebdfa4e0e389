// A schedule's levels against a machine's, by count and name (see level_names.hpp).
#include "model/level_names.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {

void check_level_names(const LevelSchedule& schedule, const MemoryLevels& machine,
                       const std::string& machine_what) {
  const std::size_t levels = machine.levels.size();
  if (schedule.levels.size() != levels)
    throw UserError("the schedule has " + std::to_string(schedule.levels.size()) +
                    (schedule.levels.size() == 1 ? " level" : " levels") + " but " + machine_what +
                    " has " + std::to_string(levels) + " on-chip level" + (levels == 1 ? "" : "s") +
                    "; give one loop group per level, outermost first");
  for (std::size_t l = 0; l < levels; ++l) {
    const std::string& name = schedule.levels[l].name;
    if (name.empty() || name == machine.levels[l].name) continue;
    for (std::size_t k = 0; k < levels; ++k) {
      if (k == l || machine.levels[k].name != name) continue;
      const std::string& here = machine.levels[l].name;
      throw UserError(
          "schedule levels[" + std::to_string(l) + "].name = " + in_quotes(name) +
          ", but that is level " + std::to_string(k + 1) + " of " + machine_what + " and level " +
          std::to_string(l + 1) + " is " + (here.empty() ? "unnamed" : in_quotes(here)) +
          ": levels are matched by position, outermost first, so this schedule's loops and "
          "buffers would go to another level than its name says; list the levels outermost "
          "first, or rename them");
    }
  }
}

}  // namespace spad

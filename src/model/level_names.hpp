// Whether a several-level schedule fits a machine's levels by number and
// name. Levels are matched by position, outermost first (DESIGN.md, "Several
// on-chip levels": names are labels), so the counts must agree; and a
// schedule level named like a *different* level of the machine (a schedule
// written for "L1, L2" on a machine "L2, L1", or an edited document whose
// lists disagree) would put its loops and buffers at the wrong level: it is
// refused, naming both names and both positions. A name the machine does not
// use is a label from elsewhere (`spad optimize --buffer`'s default names on
// a machine file that names its levels otherwise) and is accepted, as is an
// unnamed level on either side: position decides, and reports name the
// level by the machine's name.
#pragma once

#include <string>

#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"

namespace spad {

// UserError (no source prefix; `machine_what` names where the machine's
// levels come from, e.g. "the machine gap-like" or "the document's
// \"levels\"") when the level counts differ or a schedule level carries the
// name of another level of the machine.
void check_level_names(const LevelSchedule& schedule, const MemoryLevels& machine,
                       const std::string& machine_what);

}  // namespace spad

// The check behind `simulate --execute` for a schedule of several on-chip
// levels: the level executor's run (sim/level_executor) against the
// reference convolution (values) and against the level simulator's
// LevelTraffic, level by level (per array: fills of its own buffer, reads,
// writes and final writes crossing the boundary above the level; the buffer
// sizes the executor's replay found against the simulator's; and that no
// buffer held more than its size). The same ExecutionCheck as one level,
// each count mismatch naming its level.
#pragma once

#include <cstdint>

#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "sim/level_executor.hpp"
#include "study/execution_check.hpp"

namespace spad {

// `machine` is the one both ran on (with double_buffer, the simulator counts
// two copies of each buffer, the executor one). A run and a traffic of
// different level counts is an InternalError.
ExecutionCheck check_level_execution(const LevelExecution& run, const LevelTraffic& simulated,
                                     const MemoryLevels& machine, std::uint64_t seed);

}  // namespace spad

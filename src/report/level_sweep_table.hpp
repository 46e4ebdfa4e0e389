// The human-readable sweep over several on-chip levels (`spad sweep --buffers
// "A;B"`): per model (and machine), one line per point with every level's
// capacity, then per boundary (off-chip first) the optimum's bytes and the
// lower bound, the off-chip traffic also as a multiple of the compulsory
// traffic and of the bound; with --per-layer a layer x point matrix of
// off-chip traffic. Fitted to `width` (0: unlimited), as report/sweep_table.
#pragma once

#include <cstddef>
#include <string>

#include "study/level_sweep.hpp"

namespace spad {

std::string format_level_sweep_table(const LevelSweepResult& result, bool per_layer,
                                     std::size_t width = 0);

}  // namespace spad

// `spad optimize --layer L --buffer OUTER,INNER[,...]`: the level search
// (search/level_search) for one layer over several on-chip levels, printed as
// the level report or the Result JSON with levels.
#pragma once

#include "cli/optimize_flags.hpp"

namespace spad::cli {

int run_optimize_layer_levels(const OptimizeFlags& flags);

// `spad optimize --model M --buffer OUTER,INNER[,...]`: every layer, each
// distinct shape searched once (study/optimize_network_levels).
int run_optimize_network_levels(const OptimizeFlags& flags);

}  // namespace spad::cli

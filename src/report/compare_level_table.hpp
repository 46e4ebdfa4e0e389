// What `spad compare --buffer OUTER,INNER[,...]` prints for people: one row
// per layer and boundary (outermost first), a totals row per boundary, then
// a legend.
//
//   layer  boundary        optimum B  compulsory B  lower bound B  opt/bound  WS     OS     IS wset
//   conv1  off-chip ⇄ L2   1,234,567  1,000,000
//   1,100,000      1.12x      1.25x  1.43x  2.01x  1.00x
//          L2 ⇄ L1         5,678,901  1,000,000     2,000,000      2.84x      1.10x  ...
//
// Columns: the level optimum's bytes across the boundary, the compulsory
// traffic and the lower bound at that boundary (model/level_evaluate), the
// optimum over the bound; each baseline's bytes across the boundary as a
// multiple of the optimum's ("—" where it does not fit). The HWCE-like
// baselines have no several-level form: the legend says so and why.
// Totals sum over the layers that fit (a baseline's over the layers where
// it fits too, marked * when fewer).
#pragma once

#include <string>

#include "study/compare_network_levels.hpp"

namespace spad {

// `width` (0: unlimited): folded to it (report/text_table).
std::string format_compare_level_table(const CompareLevelResult& result, std::size_t width = 0);

}  // namespace spad

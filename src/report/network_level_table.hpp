// The human table of `spad optimize --model M --buffer OUTER,INNER`: one row
// per layer with the bytes across every boundary of its optimum (outermost
// first), its compulsory traffic and the off-chip lower bound, fills and
// buffer bytes; a totals row; the machine and the search underneath.
#pragma once

#include <string>

#include "study/optimize_network_levels.hpp"

namespace spad {

// `width` (0: unlimited): the table folded to it (report/text_table).
// `objective`: the objective line's text (empty: the level traffic key's).
std::string format_network_level_table(const NetworkLevelResult& result, double seconds,
                                       int threads, std::size_t width = 0,
                                       const std::string& objective = {});

}  // namespace spad

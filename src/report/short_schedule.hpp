// A schedule on one line, for tables (`spad optimize --model`):
//
//   m32 [W] c16 [I] p14 q28 [O] s1
//
// The tile loops outermost first, each written as its dimension letter and
// tile size ("m32": loop m steps by tiles of 32); loops with a single trip
// (tile = whole dimension) are left out, as they are no-ops. "[A]" marks where
// buffer A is filled: it holds A's data for every loop to its right. Markers
// at the same place share brackets ("[I W]"); "[I W O]" alone means the whole
// layer sits in the scratchpad. Exact for cost: schedules with the same line
// have the same traffic; the canonical JSON remains the exact form.
#pragma once

#include <string>

#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

std::string format_short_schedule(const Layer& layer, const Schedule& schedule);

}  // namespace spad

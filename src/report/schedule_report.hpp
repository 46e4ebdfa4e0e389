// The full human report of one schedule of one layer (what `spad evaluate`
// and `spad simulate` print without --json):
//
//   layer     res2a_branch2b: N=1 C=64 ... -> P=56 Q=56, 115,605,504 MACs
//   schedule  {"order":[...],"tiles":{...},"buffer_span":{...}}
//   counted   by the analytical model
//
//   loop nest, outermost first (a buffer holds what its fill marker encloses):
//   for n in 0..1 step 1  (T=1, no-op)
//   ...
//
//   <traffic table and summary lines>
#pragma once

#include <string>
#include <string_view>

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// `counted_by` names who produced `traffic`, e.g. "the analytical model".
// `width` (0: unlimited): tables wider than that are folded and long lines
// wrapped (report/text_table), nothing is cut.

std::string format_schedule_report(const Layer& layer, const Schedule& schedule,
                                   const Machine& machine, const Traffic& traffic,
                                   std::string_view counted_by, std::size_t width = 0);

}  // namespace spad

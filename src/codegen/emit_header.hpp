// The comment that opens each generated kernel: the layer, the precisions and
// hardware options, the schedule (canonical JSON and the loop nest as `spad
// optimize` prints it), the buffer map (offset and size of each buffer in the
// scratchpad) and the traffic the model predicts per array, which the
// self-test's DMA counters reproduce.
#pragma once

#include <string>

#include "codegen/kernel_plan.hpp"

namespace spad::codegen {

std::string emit_header(const KernelPlan& plan);

}  // namespace spad::codegen

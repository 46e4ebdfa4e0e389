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

// Lines of the header comment that one- and several-level kernels write alike: the
// layer's shape, the off-chip arrays and their C types, the precisions.
std::string header_shape_line(const Layer& layer);
std::string header_offchip_line(const Precision& precision);
std::string header_precision_lines(const Precision& precision);

}  // namespace spad::codegen

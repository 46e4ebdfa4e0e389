// The C99 runtime every generated file of several-level kernels carries once:
// the dma_in / dma_out hooks with the two levels a transfer connects in
// front (default: copy and count bytes per boundary), the buffers of every
// level (what each holds: loop ranges, sorted coordinates and slots per
// axis), their fill points (a fill loads from the nearest outer level holding
// the array; an O buffer writes back to it, partial sums or, on its last
// hold, final outputs), and the compute of one innermost tile. Layer-
// independent: each kernel passes its layer and schedule as a table. A file
// holds either one-level kernels (codegen/c_runtime) or these, never both:
// the two define the hooks with different arguments.
#pragma once

#include <string_view>

namespace spad::codegen {

std::string_view level_c_runtime_source();

}  // namespace spad::codegen

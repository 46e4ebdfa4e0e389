// The C of one kernel: its layer table, its static scratchpad (one byte array
// holding the I, W and O buffers at the offsets of the buffer map), the
// compute of one tile from the buffers, and the entry function whose tile
// loops follow the schedule's order, outermost first, with a fill point (and
// a comment) where each buffer is filled, as `spad optimize` prints the nest.
#pragma once

#include <string>

#include "codegen/kernel_plan.hpp"

namespace spad::codegen {

std::string emit_kernel(const KernelPlan& plan);

// The C prototype of the kernel's entry function (no trailing ';').
std::string kernel_prototype(const KernelPlan& plan);
// The same for any kernel NAME at `precision` (several-level kernels too):
// void NAME(const in *I, const w *W, out *O[, psum *O_psum]).
std::string kernel_prototype(const std::string& name, const Precision& precision);

// C type names of the off-chip arrays.
std::string data_type(Count bytes);    // int8_t, int16_t, int32_t
std::string output_type(Count bytes);  // int8_t .. int64_t
std::string psum_type(Count bytes);    // uint8_t .. uint64_t
// Whether partial sums travel through a separate off-chip array (O_psum):
// when the output precision differs from the partial sums'.
bool separate_psum_array(const KernelPlan& plan);
bool separate_psum_array(const Precision& precision);

}  // namespace spad::codegen

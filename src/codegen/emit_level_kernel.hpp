// The C of one kernel of several on-chip levels: the header comment (layer,
// precisions, schedule, each level's buffer map and the model's traffic per
// boundary), its layer table, one static byte array per level holding that
// level's I, W and O buffers at the offsets of its buffer map (bypassed
// buffers absent), and the entry function: the flat nest, level 1's tile
// loops outermost, each level's loops in its order, with a fill point where
// each buffer is filled, and the compute of one level-L tile innermost.
#pragma once

#include <string>

#include "codegen/level_kernel_plan.hpp"

namespace spad::codegen {

std::string emit_level_kernel(const LevelKernelPlan& plan);

// The C prototype of the kernel's entry function (no trailing ';').
std::string level_kernel_prototype(const LevelKernelPlan& plan);

// Whether partial sums travel through a separate off-chip array (O_psum).
bool level_separate_psum_array(const LevelKernelPlan& plan);

// The level's name as the self-test prints it: letters, digits, '_', '-',
// '.' kept, anything else '_' ("" -> "level<l+1>").
std::string level_c_label(const LevelKernelPlan& plan, std::size_t level_index);

}  // namespace spad::codegen

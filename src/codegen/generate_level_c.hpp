// `spad codegen` with several on-chip levels: one C99 file for one or
// several kernels of several levels.
//
//   file := preamble, level runtime (codegen/level_c_runtime), then per kernel
//           its code (codegen/emit_level_kernel) and self-test, then the
//           self-test main.
//
// Compiled with -DSPAD_SELFTEST, each kernel's self-test prints one JSON line
//   {"match": true, "dma_in_bytes": {"I", "W", "O"}, "dma_out_bytes": {"O"},
//    "scratchpad_bytes": (all levels), "levels": [{"name", "bytes",
//    "dma_in_bytes": {"I", "W", "O"}, "dma_out_bytes": {"O"}}, ...]}
// where levels[l] counts the bytes across boundary l+1 (between level l, or
// off-chip, and level l+1) in either direction, and the top-level counts
// are boundary 1's (off-chip), as for one level ("kernel": NAME first when
// the file holds several kernels). match: output == the naive convolution's,
// the hooks saw every byte counted, and no buffer outgrew its model size.
#pragma once

#include <string>
#include <vector>

#include "codegen/level_kernel_plan.hpp"

namespace spad::codegen {

// Plans every kernel (UserError for the first that cannot be generated; names
// must be distinct) and emits the file.
std::string generate_level_c(const std::vector<LevelKernelRequest>& kernels);

}  // namespace spad::codegen

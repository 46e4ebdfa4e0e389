// The self-test of generated kernels (compiled with -DSPAD_SELFTEST): per
// kernel, a function that fills the off-chip arrays with random integers from
// a seed, runs the tiled kernel and a naive convolution (the reference, which
// accumulates and requantises exactly as the kernel does), compares them and
// prints one JSON line
//   {"match": true, "dma_in_bytes": {"I": .., "W": .., "O": ..},
//    "dma_out_bytes": {"O": ..}, "scratchpad_bytes": ..}
// ("kernel": NAME first when the file holds several kernels); and the file's
// main, which takes the seed from argv[1] (default 1) and exits 1 on a
// mismatch.
#pragma once

#include <string>
#include <vector>

#include "codegen/kernel_plan.hpp"

namespace spad::codegen {

std::string emit_selftest(const KernelPlan& plan, bool name_in_json);
// The file's main: runs `<name>_selftest(seed)` of every kernel named, in
// order (one- and several-level kernels alike).
std::string emit_selftest_main(const std::vector<std::string>& kernel_names);

// Largest magnitude of the random operands: small enough that most outputs
// stay inside the output precision (so saturation does not hide a wrong
// partial sum), at least 1, at most the data type's range.
Count operand_amplitude(const Layer& layer, const Precision& precision, Count data_bytes);

// The start of NAME_selftest(seed), one- and several-level kernels alike:
// the off-chip arrays allocated (O_psum when `psum_array`), I and W filled
// with random operands from the seed, the hooks' byte counts noted, the
// kernel NAME and NAME_reference run; the caller compares and reports.
std::string emit_selftest_start(const std::string& name, const Layer& layer,
                                const Precision& precision, bool psum_array);

// The naive convolution NAME_reference(I, W, O) the self-test compares with:
// the loop nest of DESIGN.md, accumulated modulo 2^(8 psum) and saturated to
// the output precision, as every generated kernel does.
std::string emit_reference(const std::string& name, const Layer& layer, const Precision& precision);

}  // namespace spad::codegen

// `spad codegen`'s library entry: one C99 file for one or several kernels.
//
//   file := preamble, runtime (codegen/c_runtime), then per kernel its header
//           comment (codegen/emit_header), its code (codegen/emit_kernel) and
//           its self-test (codegen/emit_selftest), then the self-test main.
//
// Standalone: only the C standard library. Compiles cleanly with
// cc -std=c99 -Wall -Wextra -Werror (and -fsanitize=address,undefined).
#pragma once

#include <string>
#include <vector>

#include "codegen/kernel_plan.hpp"

namespace spad::codegen {

// Plans every kernel (UserError for the first that cannot be generated; names
// must be distinct) and emits the file.
std::string generate_c(const std::vector<KernelRequest>& kernels);

}  // namespace spad::codegen

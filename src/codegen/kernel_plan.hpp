// What a generated kernel is built from: one layer, one schedule, one machine,
// checked for code generation, with the facts the emitted C needs (trip
// counts, j*_A per array, the halo axis, the scratchpad map) and the model's
// traffic, which the kernel's DMA counters must reproduce exactly.
//
// Refused with a UserError naming the layer and the value: an invalid
// schedule or machine, a schedule whose buffers exceed --buffer, element
// sizes C99 integer types cannot carry (data 1/2/4 bytes, partial sums and
// outputs 1/2/4/8 bytes, output no wider than the partial sums, which the O
// buffer holds), sizes beyond what the kernel indexes safely, a name that is
// not a C identifier.
#pragma once

#include <string>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad::codegen {

struct KernelRequest {
  std::string name;  // C identifier of the kernel function
  Layer layer;
  Schedule schedule;
  Machine machine;
};

// Largest scratchpad (bytes) and off-chip array (bytes) a kernel is generated
// for: the scratchpad is one static array, and every index stays far below
// 2^63 when off-chip arrays are below 2^40 bytes.
inline constexpr Count kMaxScratchpadBytes = Count{1} << 30;
inline constexpr Count kMaxArrayBytes = Count{1} << 40;
// Largest C, H and W: the kernel keeps slot tables of C + H + W entries.
inline constexpr Count kMaxAxisExtent = Count{1} << 20;

struct KernelPlan {
  std::string name;
  Layer layer;
  Schedule schedule;
  Machine machine;
  Traffic traffic;  // model::evaluate: what the DMA counters must equal
  PerDim<Count> trips;
  PerTensor<int> j_star{};          // position of j*_A in the order, -1 if none
  int halo_axis = -1;               // -1 none; 0 rows (j*_I is p or r); 1 columns (q or s)
  PerTensor<Count> offset_bytes{};  // of each buffer in the scratchpad
  Count scratchpad_bytes = 0;       // = traffic.buffer_bytes
};

KernelPlan plan_kernel(const KernelRequest& request);

// UserError "<who>: precision ... " for element sizes generated kernels cannot
// carry (data 1/2/4 bytes, outputs and partial sums 1/2/4/8, out <= psum).
void check_kernel_precision(const std::string& who, const Precision& precision);

// Whether `name` is a C identifier spad can use for a kernel (letters, digits,
// '_', not starting with a digit, "_" or "spad_", at most 63, and none of the
// names codegen/c_names refuses: C keywords, the generated file's own and its
// C library headers' names).
bool valid_kernel_name(const std::string& name);

// UserError naming `name` and why, unless valid_kernel_name(name).
void check_kernel_name(const std::string& name);

// A C identifier made from a layer name: other characters become '_', a
// leading digit, '_', "spad" or a name valid_kernel_name refuses gets a
// "conv_" prefix; "" -> "conv".
std::string kernel_name_from(const std::string& layer_name);

}  // namespace spad::codegen

// What a generated kernel of several on-chip levels is built from: one layer,
// one LevelSchedule, one MemoryLevels, checked for code generation, with each
// level's buffer map (the byte offset of each array's buffer in that level's
// static array, sized by the level model) and the level model's traffic per
// boundary, which the kernel's DMA counters must reproduce exactly.
//
// Refused with a UserError naming the layer and the value: an invalid
// schedule or machine, level counts that differ, a level whose buffers
// exceed its capacity, double buffering (one-level kernels only, for
// now), the element sizes, array sizes and names one-level kernels
// refuse (codegen/kernel_plan).
#pragma once

#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad::codegen {

struct LevelKernelRequest {
  std::string name;  // C identifier of the kernel function
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
};

struct LevelKernelPlan {
  std::string name;
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
  LevelTraffic traffic;                        // model::evaluate_levels
  std::vector<PerTensor<Count>> offset_bytes;  // per level: of each buffer in its array
  std::vector<Count> level_bytes;              // per level: = traffic.levels[l].buffer_bytes
};

LevelKernelPlan plan_level_kernel(const LevelKernelRequest& request);

}  // namespace spad::codegen

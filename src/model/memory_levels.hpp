// The machine side of a several-level question (DESIGN.md, "Several on-chip
// levels"): element sizes and hardware options as for one level, and the
// on-chip levels outermost first, each with a name and a capacity.
//
//   off-chip --boundary 1--> levels[0] --boundary 2--> levels[1] ... -> datapath
//
// `--buffer 512KiB,64KiB` is two levels: levels[0] = 512 KiB (often called
// L2), levels[1] = 64 KiB (L1). halo_reuse and double_buffer apply to every
// level. A one-level Machine is the case of one level (as_memory_levels).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "model/machine.hpp"
#include "workload/precision.hpp"

namespace spad {

struct MemoryLevel {
  std::string name;                     // a label ("L2"); may be empty
  std::optional<Count> capacity_bytes;  // nullopt = unbounded (fits is then true)
  friend bool operator==(const MemoryLevel&, const MemoryLevel&) = default;
};

struct MemoryLevels {
  Precision precision;
  bool halo_reuse = false;          // as Machine::halo_reuse, at every level
  bool double_buffer = false;       // as Machine::double_buffer, at every level
  std::vector<MemoryLevel> levels;  // outermost first
  friend bool operator==(const MemoryLevels&, const MemoryLevels&) = default;
};

// Throws UserError for a bad precision, no level, more levels than
// kMaxMemoryLevels, or a non-positive capacity (naming the level).
void validate(const MemoryLevels& machine);

// Most on-chip levels (equals schedule/level_schedule.hpp's kMaxLevels).
inline constexpr std::size_t kMaxMemoryLevels = 4;

// The one-level machine as one level (name empty).
MemoryLevels as_memory_levels(const Machine& machine);

// The Machine of level `level_index` alone (its capacity, the shared options).
Machine level_machine(const MemoryLevels& machine, std::size_t level_index);

}  // namespace spad

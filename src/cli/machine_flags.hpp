// The machine flags shared by every command that costs a schedule:
//   --buffer 64KiB                       scratchpad capacity (optional); with
//                                        evaluate/simulate also one per on-chip
//                                        level, outermost first: 512KiB,64KiB
//   --precision in=1,w=1,out=1,psum=4    bytes per element
//   --halo-reuse, --double-buffer        hardware options
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/machine.hpp"
#include "model/memory_levels.hpp"

namespace spad::cli {

struct MachineFlags {
  std::optional<std::string> buffer;  // not given: unbounded
  std::string precision;              // empty: the defaults
  bool halo_reuse = false;
  bool double_buffer = false;
  std::string command;  // the subcommand's name, for messages (set by add_machine_flags)
};

// `buffer_required`: --buffer must be given (for commands that search).
void add_machine_flags(CLI::App& app, MachineFlags& flags, bool buffer_required = false);

// Parses and validates the flags (UserError naming the flag). Several
// capacities in --buffer (several on-chip levels) are refused, naming the
// command: only evaluate/simulate take them (memory_levels_from_flags).
Machine machine_from_flags(const MachineFlags& flags);

// The number of capacities --buffer gives (0 when it is not given).
std::size_t buffer_level_count(const MachineFlags& flags);

// The flags as `levels` on-chip levels (outermost first). --buffer gives one
// capacity per level (UserError naming both counts otherwise) or is absent
// (every level unbounded). Level l is named names[l] when that is non-empty
// (the schedule's name), else by default_level_name (io/text/buffer_levels).
MemoryLevels memory_levels_from_flags(const MachineFlags& flags, std::size_t levels,
                                      const std::vector<std::string>& names);

}  // namespace spad::cli

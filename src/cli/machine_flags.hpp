// The machine flags shared by every command that costs a schedule:
//   --buffer 64KiB                       scratchpad capacity (optional)
//   --precision in=1,w=1,out=1,psum=4    bytes per element
//   --halo-reuse, --double-buffer        hardware options
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "model/machine.hpp"

namespace spad::cli {

struct MachineFlags {
  std::optional<std::string> buffer;  // not given: unbounded
  std::string precision;              // empty: the defaults
  bool halo_reuse = false;
  bool double_buffer = false;
};

// `buffer_required`: --buffer must be given (for commands that search).
void add_machine_flags(CLI::App& app, MachineFlags& flags, bool buffer_required = false);

// Parses and validates the flags (UserError naming the flag).
Machine machine_from_flags(const MachineFlags& flags);

}  // namespace spad::cli

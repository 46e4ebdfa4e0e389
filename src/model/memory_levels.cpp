// Validation and conversions of the several-level machine.
#include "model/memory_levels.hpp"

#include "base/error.hpp"

namespace spad {

void validate(const MemoryLevels& machine) {
  validate(machine.precision);
  if (machine.levels.empty()) throw UserError("machine: no on-chip level; give at least one");
  if (machine.levels.size() > kMaxMemoryLevels)
    throw UserError("machine: " + std::to_string(machine.levels.size()) +
                    " on-chip levels: at most " + std::to_string(kMaxMemoryLevels) +
                    " are supported");
  for (std::size_t l = 0; l < machine.levels.size(); ++l) {
    const auto& c = machine.levels[l].capacity_bytes;
    if (c && *c < 1) {
      std::string label = "level " + std::to_string(l + 1);
      if (!machine.levels[l].name.empty()) label += " (" + machine.levels[l].name + ")";
      throw UserError("buffer capacity of " + label + " = " + std::to_string(*c) +
                      " bytes: must be positive");
    }
  }
}

MemoryLevels as_memory_levels(const Machine& machine) {
  return MemoryLevels{machine.precision,
                      machine.halo_reuse,
                      machine.double_buffer,
                      {MemoryLevel{"", machine.capacity_bytes}}};
}

Machine level_machine(const MemoryLevels& machine, std::size_t level_index) {
  if (level_index >= machine.levels.size())
    throw InternalError("level_machine: level " + std::to_string(level_index + 1) + " of " +
                        std::to_string(machine.levels.size()));
  return Machine{machine.precision, machine.halo_reuse, machine.double_buffer,
                 machine.levels[level_index].capacity_bytes};
}

}  // namespace spad

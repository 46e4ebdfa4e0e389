// Validation and conversions of the several-level accelerator.
#include "model/level_accelerator.hpp"

#include <string>

#include "base/error.hpp"

namespace spad {

void validate(const LevelAccelerator& accel) {
  const MemoryLevels& m = accel.memory;
  if (m.levels.empty()) throw UserError("levels: no on-chip level; give at least one");
  if (m.levels.size() > kMaxMemoryLevels)
    throw UserError("levels: " + std::to_string(m.levels.size()) + " on-chip levels: at most " +
                    std::to_string(kMaxMemoryLevels) + " are supported");
  if (accel.ports.size() != m.levels.size())
    throw InternalError("LevelAccelerator: " + std::to_string(accel.ports.size()) + " ports for " +
                        std::to_string(m.levels.size()) + " levels");
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    const std::string field = "levels[" + std::to_string(l) + "]";
    const MemoryLevel& level = m.levels[l];
    if (level.name.empty()) throw UserError(field + ".name: missing; every level needs a name");
    for (std::size_t k = 0; k < l; ++k)
      if (m.levels[k].name == level.name)
        throw UserError(field + ".name = " + level.name + ": levels[" + std::to_string(k) +
                        "] has the same name; level names must be distinct");
    if (!level.capacity_bytes)
      throw UserError(field + ".capacity_bytes: missing; every level needs a size");
    // The one-level checks, with this level's capacity, port and SRAM energy
    // and their field names.
    Accelerator one;
    one.machine = level_machine(m, l);
    one.mac_array = accel.mac_array;
    one.clock_mhz = accel.clock_mhz;
    one.offchip_bits_per_cycle = accel.ports[l].bits_per_cycle;
    one.dma_setup_cycles = accel.ports[l].dma_setup_cycles;
    one.energy =
        EnergyCosts{accel.mac_fj, accel.ports[l].sram_fj_per_byte, accel.offchip_fj_per_byte};
    try {
      validate(one);
    } catch (const UserError& e) {
      std::string what = e.what();
      for (const auto& [from, to] : {std::pair<std::string, std::string>{
                                         "scratchpad.capacity_bytes", field + ".capacity_bytes"},
                                     {"offchip.bits_per_cycle", field + ".bits_per_cycle"},
                                     {"offchip.dma_setup_cycles", field + ".dma_setup_cycles"},
                                     {"energy.scratchpad_pj_per_byte", field + ".pj_per_byte"}})
        if (what.starts_with(from)) what = to + what.substr(from.size());
      throw UserError(what);
    }
  }
  validate(m);
}

LevelAccelerator as_level_accelerator(const Accelerator& accel, const std::string& level_name) {
  LevelAccelerator out;
  out.name = accel.name;
  out.description = accel.description;
  out.memory = as_memory_levels(accel.machine);
  out.memory.levels.front().name = level_name;
  out.ports = {LevelPort{accel.offchip_bits_per_cycle, accel.dma_setup_cycles,
                         accel.energy.scratchpad_fj_per_byte, accel.energy.scratchpad_source}};
  out.mac_array = accel.mac_array;
  out.clock_mhz = accel.clock_mhz;
  out.mac_fj = accel.energy.mac_fj;
  out.mac_source = accel.energy.mac_source;
  out.offchip_fj_per_byte = accel.energy.offchip_fj_per_byte;
  out.offchip_source = accel.energy.offchip_source;
  return out;
}

std::optional<Accelerator> as_one_level(const LevelAccelerator& accel) {
  if (accel.memory.levels.size() != 1 || accel.ports.size() != 1) return std::nullopt;
  Accelerator out;
  out.name = accel.name;
  out.description = accel.description;
  out.machine = level_machine(accel.memory, 0);
  out.mac_array = accel.mac_array;
  out.clock_mhz = accel.clock_mhz;
  out.offchip_bits_per_cycle = accel.ports[0].bits_per_cycle;
  out.dma_setup_cycles = accel.ports[0].dma_setup_cycles;
  out.energy =
      EnergyCosts{accel.mac_fj,     accel.ports[0].sram_fj_per_byte, accel.offchip_fj_per_byte,
                  accel.mac_source, accel.ports[0].sram_source,      accel.offchip_source};
  return out;
}

}  // namespace spad

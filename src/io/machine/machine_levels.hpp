// The levels: list of a machine file of several on-chip levels, outermost
// first: each level's name, capacity and SRAM energy, the port above it, and
// the options every level shares; and the one-level keys it replaces.
#pragma once

#include "io/machine/yaml_read.hpp"
#include "model/level_accelerator.hpp"

namespace spad::machine_file {

// The `levels:` list into accel.memory (levels, double_buffer, halo_reuse)
// and accel.ports, at the clock `mhz` (`clock_mhz` as written).
void read_levels(const YamlSource& src, const YamlEntry& entry, double mhz,
                 const DecimalText& clock_mhz, LevelAccelerator& accel);

// The keys a levels list replaces (scratchpad:, offchip:, the scratchpad's
// energy), refused next to it.
void reject_one_level_keys(const YamlSource& src, const YamlMapping& top, const YamlEntry& levels);

}  // namespace spad::machine_file

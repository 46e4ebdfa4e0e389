// The energies of a machine file: pJ values read as exact femtojoules, the
// defaults spad fills in, and the "<energy>_source" words of spad's own echo
// (checked against what was read, never trusted).
#pragma once

#include <string_view>

#include "base/checked.hpp"
#include "io/machine/yaml_read.hpp"
#include "model/accelerator.hpp"
#include "model/level_accelerator.hpp"

namespace spad::machine_file {

// An energy in pJ, as exact integer femtojoules in 0 .. kMaxEnergyFj; `per`
// is "per byte" or "per multiply-accumulate".
Count read_energy_fj(const YamlSource& src, const YamlEntry& e, std::string_view per);

// energy: and energy_source: of the top level into accel.energy, each energy
// from the file or its default (the scratchpad's at
// accel.machine.capacity_bytes, the MAC's at accel.machine.precision).
void read_energy(const YamlSource& src, const YamlMapping& top, Accelerator& accel);

// A level's SRAM energy, levels[i].pj_per_byte and pj_per_byte_source of
// mapping `m` (`field` is "levels[i]"), into port.sram_fj_per_byte and
// port.sram_source; the default is spad's SRAM energy at `capacity_bytes`.
void read_level_energy(const YamlSource& src, const YamlMapping& m, const std::string& field,
                       Count capacity_bytes, LevelPort& port);

}  // namespace spad::machine_file

// An accelerator with several on-chip levels (DESIGN.md, "Several on-chip
// levels"): the one-level Accelerator (model/accelerator) with one DMA port
// and one SRAM per level. A plain, immutable value read from a machine file
// with a `levels:` list (io/machine/accelerator_file); the traffic side of it
// is an ordinary MemoryLevels.
//
//   off-chip ──port 0──► levels[0] ──port 1──► levels[1] … ──► MAC array
//
// ports[l] is the boundary ABOVE level l+1 (boundary l+1 of DESIGN.md:
// between level l, or off-chip for l = 0, and level l+1): its bandwidth and
// its fixed cost per DMA transfer; and the energy of a byte written to or
// read from level l+1's SRAM. halo_reuse and double_buffer are shared by
// every level (MemoryLevels), as in the traffic model; a machine file that
// gives levels different values is refused. A one-level Accelerator is the
// case of one level (as_level_accelerator), and back (as_one_level).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "model/accelerator.hpp"
#include "model/memory_levels.hpp"

namespace spad {

struct LevelPort {
  Count bits_per_cycle = 0;    // bandwidth of the boundary above the level
  Count dma_setup_cycles = 0;  // fixed cost of every DMA transfer across it
  Count sram_fj_per_byte = 0;  // per byte written to or read from the level's SRAM
  EnergySource sram_source = EnergySource::file;
  friend bool operator==(const LevelPort&, const LevelPort&) = default;
};

struct LevelAccelerator {
  std::string name;
  std::string description;  // free text, may be empty
  // Names (distinct, non-empty) and capacities (always set) outermost first;
  // precisions, halo_reuse, double_buffer.
  MemoryLevels memory;
  std::vector<LevelPort> ports;  // one per level, outermost first
  MacArray mac_array;
  double clock_mhz = 0;  // only for seconds, frames/s and GB/s in reports
  Count mac_fj = 0;
  EnergySource mac_source = EnergySource::file;
  Count offchip_fj_per_byte = 0;
  EnergySource offchip_source = EnergySource::file;
  friend bool operator==(const LevelAccelerator&, const LevelAccelerator&) = default;
};

// Throws UserError naming the field as the machine file does
// ("levels[1].bits_per_cycle"): what validate(Accelerator) checks, per
// level; no level or more than kMaxMemoryLevels; a capacity unset; a name
// empty or given twice; ports not one per level.
void validate(const LevelAccelerator& accel);

// The one-level accelerator as one level named `level_name` (port 0 = the
// off-chip port, its SRAM energy the scratchpad's).
LevelAccelerator as_level_accelerator(const Accelerator& accel,
                                      const std::string& level_name = "scratchpad");

// The accelerator of one level as the one-level Accelerator; nullopt when it
// has several levels.
std::optional<Accelerator> as_one_level(const LevelAccelerator& accel);

}  // namespace spad

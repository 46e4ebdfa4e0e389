// The machine description echoed as JSON, in the keys of the machine file
// schema (io/machine/accelerator_file.hpp), for reports and --json output:
//   {"spad_machine": 1, "name", "description" (when not empty),
//    "scratchpad": {"capacity_bytes", "double_buffer", "halo_reuse"},
//    "precision_bytes": {"input", "weight", "output", "psum"},
//    "mac_array": {"unroll": {"m": 16, "q": 4}, "macs_per_cycle": 64},
//    "clock_mhz",
//    "offchip": {"bits_per_cycle", "dma_setup_cycles"},
//    "energy": {"mac_pj", "scratchpad_pj_per_byte", "offchip_pj_per_byte"},
//    "energy_source": {"mac_pj": "file" | "default (Horowitz, ISSCC 2014, 45 nm)", ...}}
// Derived or extra keys: mac_array.macs_per_cycle and energy_source. The
// unroll lists the unrolled dimensions (factor > 1), or all eight when none is.
// Energies are pJ (exact: fJ / 1000).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/accelerator.hpp"
#include "model/level_accelerator.hpp"

namespace spad {

nlohmann::ordered_json accelerator_to_json(const Accelerator& accel);

// A machine of several levels in the levels: form, read back as it was:
//   {"format", "spad_machine", "name", "description" (when not empty),
//    "levels": [{"name", "capacity_bytes", "double_buffer", "halo_reuse",
//                "bits_per_cycle", "dma_setup_cycles", "pj_per_byte",
//                "pj_per_byte_source"}, ...],
//    "precision_bytes", "mac_array", "clock_mhz",
//    "energy": {"mac_pj", "offchip_pj_per_byte"}, "energy_source": {the same keys}}
nlohmann::ordered_json level_accelerator_to_json(const LevelAccelerator& accel);

// "file" or "default (Horowitz, ISSCC 2014, 45 nm)".
std::string_view energy_source_name(EnergySource source);

}  // namespace spad

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

namespace spad {

nlohmann::ordered_json accelerator_to_json(const Accelerator& accel);

// "file" or "default (Horowitz, ISSCC 2014, 45 nm)".
std::string_view energy_source_name(EnergySource source);

}  // namespace spad

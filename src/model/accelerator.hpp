// The accelerator around the scratchpad: what turns bytes into cycles and
// joules. A plain, immutable value read from a machine file
// (io/machine/accelerator_file); the traffic side of it is an ordinary Machine.
//
//   off-chip memory ──[ DMA: bits_per_cycle, setup per transfer ]──► scratchpad
//        (offchip_fj_per_byte)                                (scratchpad_fj_per_byte)
//                                                                   │ operands, partial sums
//                                                                   ▼
//                                             MAC array: Π unroll[d] lanes (mac_fj per MAC)
//
// The MAC array unrolls some loop dimensions spatially (e.g. m=16, q=4: 16
// output channels x 4 output columns, 64 MACs per cycle); every other loop
// runs in time. Energies are integer femtojoules so every cost is an exact
// integer and the search compares them exactly.
#pragma once

#include <string>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/machine.hpp"

namespace spad {

struct MacArray {
  // Lanes along each loop dimension; 1 = not unrolled.
  PerDim<Count> unroll{{1, 1, 1, 1, 1, 1, 1, 1}};
  Count macs_per_cycle() const;
  friend bool operator==(const MacArray&, const MacArray&) = default;
};

// Where an energy figure came from: the machine file, or spad's default.
enum class EnergySource { file, default_value };

struct EnergyCosts {
  Count mac_fj = 0;                  // per multiply-accumulate
  Count scratchpad_fj_per_byte = 0;  // per byte written to or read from the scratchpad
  Count offchip_fj_per_byte = 0;     // per byte moved to or from off-chip memory
  EnergySource mac_source = EnergySource::file;
  EnergySource scratchpad_source = EnergySource::file;
  EnergySource offchip_source = EnergySource::file;
  friend bool operator==(const EnergyCosts&, const EnergyCosts&) = default;
};

struct Accelerator {
  std::string name;
  std::string description;  // free text, may be empty
  // Capacity (always set), precisions, halo_reuse, double_buffer.
  Machine machine;
  MacArray mac_array;
  double clock_mhz = 0;  // only for seconds, frames/s and GB/s in reports
  Count offchip_bits_per_cycle = 0;
  Count dma_setup_cycles = 0;  // fixed cost of every DMA transfer
  EnergyCosts energy;
  friend bool operator==(const Accelerator&, const Accelerator&) = default;
};

// A rate in bytes per cycle as GB/s (10^9 bytes per second) at the clock.
inline double gbytes_per_s(const Accelerator& accel, double bytes_per_cycle) {
  return bytes_per_cycle * accel.clock_mhz / 1e3;
}

// Throws UserError naming the field: capacity unset or < 1, bad precision,
// an unroll < 1 or a MAC array over kMaxMacsPerCycle, clock <= 0 or not
// finite, bandwidth < 1 bit/cycle, negative setup, energies negative or over
// kMaxEnergyFj. Field names are the machine file's ("offchip.bits_per_cycle").
void validate(const Accelerator& accel);

// The clock part of validate: clock_mhz finite, > 0 and within kMinClockMhz ..
// kMaxClockMhz. A machine file checks it before the ports, whose bytes_per_s
// it converts at this clock.
void validate_clock(double clock_mhz);

inline constexpr Count kMaxMacsPerCycle = Count{1} << 24;
// Clocks accepted (MHz): 1 kHz .. 1 THz.
inline constexpr double kMinClockMhz = 1e-3, kMaxClockMhz = 1e6;
// Largest DMA setup accepted (cycles per transfer), far beyond any real DMA
// engine; a latency that still leaves int64 is reported as a UserError.
inline constexpr Count kMaxSetupCycles = Count{1} << 20;
// Largest per-unit energy accepted (1 uJ); keeps every energy product in int64.
inline constexpr Count kMaxEnergyFj = 1'000'000'000;

// Default energies, 45 nm (M. Horowitz, "Computing's energy problem (and what
// we can do about it)", ISSCC 2014, the figures most architecture papers use):
//  - MAC: 8-bit integer multiply 0.2 pJ + 32-bit integer add 0.1 pJ = 0.3 pJ.
//    Only defined for 1-byte inputs and weights (nullopt-like 0 otherwise:
//    the file must then give it).
//  - scratchpad: SRAM array, 64-bit access: 8 KB 10 pJ, 32 KB 20 pJ, 1 MB
//    100 pJ, i.e. 1.25, 2.5, 12.5 pJ per byte; interpolated linearly in
//    log2(capacity) between those points and clamped outside them.
//  - off-chip: DRAM, 1.3-2.6 nJ per 64-bit access; the low end, 162.5 pJ/byte.
// Returns 0 when no default exists for these precisions.
Count default_mac_fj(const Precision& precision);
Count default_scratchpad_fj_per_byte(Count capacity_bytes);
inline constexpr Count kDefaultOffchipFjPerByte = 162'500;

}  // namespace spad

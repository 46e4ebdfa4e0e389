// Random accelerators for the property tests: small MAC arrays (so lane
// steps with partial blocks occur on tiny layers), any bandwidth and setup,
// random energies. Built directly, not read from a file.
#pragma once

#include "model/accelerator.hpp"
#include "random_cases.hpp"

namespace spad::testing {

inline Accelerator random_accelerator(Rng& rng, const Machine& machine) {
  Accelerator a;
  a.name = "random";
  a.machine = machine;
  if (!a.machine.capacity_bytes) a.machine.capacity_bytes = Count{1} << 40;
  for (Dim d : kAllDims)
    if (uniform(rng, 0, 2) == 0) a.mac_array.unroll[d] = uniform(rng, 1, 3);
  a.clock_mhz = 100;
  a.offchip_bits_per_cycle = uniform(rng, 1, 64);
  a.dma_setup_cycles = uniform(rng, 0, 3) == 0 ? 0 : uniform(rng, 1, 40);
  a.energy.mac_fj = uniform(rng, 0, 500);
  a.energy.scratchpad_fj_per_byte = uniform(rng, 0, 5000);
  a.energy.offchip_fj_per_byte = uniform(rng, 0, 200000);
  return a;
}

}  // namespace spad::testing

// The two sections of a one-level machine file that a levels list replaces:
// scratchpad: (its capacity and options) and offchip: (its DMA port).
#pragma once

#include "io/machine/yaml_read.hpp"
#include "model/accelerator.hpp"

namespace spad::machine_file {

// scratchpad: (required): capacity_bytes, double_buffer, halo_reuse.
void read_scratchpad(const YamlSource& src, const YamlMapping& top, Machine& machine);

// offchip: (required): the port into the scratchpad, at accel.clock_mhz
// (`clock_mhz` as written).
void read_offchip(const YamlSource& src, const YamlMapping& top, Accelerator& accel,
                  const DecimalText& clock_mhz);

}  // namespace spad::machine_file

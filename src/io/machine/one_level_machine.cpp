// Reading scratchpad: and offchip: of a one-level machine file (see
// one_level_machine.hpp).
#include "io/machine/one_level_machine.hpp"

#include "io/machine/machine_fields.hpp"
#include "io/machine/machine_keys.hpp"
#include "io/machine/machine_port.hpp"

namespace spad::machine_file {

void read_scratchpad(const YamlSource& src, const YamlMapping& top, Machine& machine) {
  const YamlEntry& entry = top.require("scratchpad", "; e.g. scratchpad: {capacity_bytes: 64KiB}");
  const YamlMapping m = open_mapping(src, entry, "{capacity_bytes: 64KiB, double_buffer: true}");
  m.reject_unknown(kScratchpadKeys, belongs_elsewhere("scratchpad"));

  machine.capacity_bytes = read_capacity(
      src, m.require("capacity_bytes", " (the scratchpad size, e.g. 65536 or 64KiB)"));

  if (const YamlEntry* e = m.find("double_buffer")) machine.double_buffer = read_bool(src, *e);
  if (const YamlEntry* e = m.find("halo_reuse")) machine.halo_reuse = read_bool(src, *e);
}

void read_offchip(const YamlSource& src, const YamlMapping& top, Accelerator& accel,
                  const DecimalText& clock_mhz) {
  const YamlEntry& entry =
      top.require("offchip", "; e.g. offchip: {bits_per_cycle: 64, dma_setup_cycles: 20}");
  const YamlMapping m = open_mapping(src, entry, "{bits_per_cycle: 64, dma_setup_cycles: 20}");
  m.reject_unknown(kOffchipKeys, belongs_elsewhere("offchip"));
  const LevelPort port =
      read_port(src, m, accel.clock_mhz, clock_mhz,
                {"off-chip bandwidth",
                 " (the off-chip interface width in bits per clock cycle, e.g. 64; or the "
                 "bandwidth as bytes_per_s, e.g. 1.6GB/s)",
                 "the off-chip interface must move at least 1 bit per cycle"});
  accel.offchip_bits_per_cycle = port.bits_per_cycle;
  accel.dma_setup_cycles = port.dma_setup_cycles;
}

}  // namespace spad::machine_file

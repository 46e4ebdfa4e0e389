// The clock and the DMA ports of a machine file: a port is the bandwidth of
// one boundary (bits_per_cycle, or bytes_per_s at the clock) and its fixed
// cost per transfer (dma_setup_cycles); the off-chip one of a one-level file
// or the one above each level of a levels list.
#pragma once

#include <string>

#include "io/machine/yaml_read.hpp"
#include "model/level_accelerator.hpp"

namespace spad::machine_file {

// clock_mhz, a number > 0 of megahertz; `text` receives it as written (the
// exact value bytes_per_s is divided by).
double read_clock(const YamlSource& src, const YamlMapping& top, DecimalText& text);

// What a port's messages call it: the off-chip one, or a level's.
struct PortWords {
  std::string bandwidth;     // "off-chip bandwidth"
  std::string width_hint;    // " (the off-chip interface width in bits per clock cycle, ..."
  std::string at_least_one;  // "the off-chip interface must move at least 1 bit per cycle"
};

// bits_per_cycle (or bytes_per_s) and dma_setup_cycles of mapping `m`, at the
// clock `mhz` (`clock_mhz` as written); the SRAM energy is left as it is.
LevelPort read_port(const YamlSource& src, const YamlMapping& m, double mhz,
                    const DecimalText& clock_mhz, const PortWords& words);

}  // namespace spad::machine_file

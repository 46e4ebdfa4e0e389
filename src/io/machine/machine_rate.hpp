// A bandwidth written as a rate ("1.6GB/s", "800 Mbit/s", a plain number of
// bytes per second) and its conversion, exact, to whole bits per clock cycle.
#pragma once

#include <optional>
#include <string_view>

#include "base/checked.hpp"
#include "io/machine/yaml_read.hpp"

namespace spad::machine_file {

// Bits per second of one unit of a rate ("GB/s", "Gbit/s", "Mbps"), else nullopt.
std::optional<double> rate_unit_bits(std::string_view unit);

// A bandwidth "1.6GB/s" as a whole number of bits per clock cycle, exactly:
// bits/s (decimal digits x 10^exp x the unit's bits) over the clock in Hz
// (decimal digits x 10^exp x 10^6), in 128-bit integers. A rate that is not a
// whole number of bits per cycle at this clock is an error giving the two
// nearest rates that are.
Count read_bytes_per_s(const YamlSource& src, const YamlEntry& e, const DecimalText& clock_mhz);

}  // namespace spad::machine_file

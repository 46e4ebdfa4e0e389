// What `spad accel` prints for people: one row per layer (schedule, traffic,
// cycles, latency, MAC utilisation, memory- or compute-bound, energy), the
// network's totals (latency, frames/s, energy per frame and its split,
// average and peak bandwidth), the fixed dataflows beside the optimum, and the
// accelerator it ran on.
//
//   layer  shape  schedule  traffic B  compute cyc  transfer cyc  latency cyc  util  bound  energy
//   uJ conv1  ...    ...       ...        ...          ...           ...          41%   memory ...
//   latency   12,345,678 cycles = 61.7 ms at 200 MHz: 16.2 frames/s
//   energy    1,234.5 uJ per frame: off-chip 80%, scratchpad 15%, MAC 5%
#pragma once

#include <string>

#include "study/accel_result.hpp"

namespace spad {

// `width` (0: unlimited): tables wider than that are folded and long lines
// wrapped (report/text_table), nothing is cut.
std::string format_accel_table(const AccelResult& result, std::size_t width = 0);

// The accelerator's lines at the end of the report: "accelerator NAME: MAC
// array, clock, bandwidth, DMA setup; energies" and "machine ...".
std::string format_accelerator_lines(const Accelerator& accel);

// "space       <the restricted space>\n" (report/optimize_report's
// format_search_space), or "" for the whole space.
std::string accel_space_line(const SearchSpace& space);

}  // namespace spad
